/** Range and RangeAreas; their format objects are in range-format.ts. */
import type { Rect } from '../../src/model/a1';
import {
  boundingRect,
  contains,
  intersect,
  MAX_COLS,
  MAX_ROWS,
  overlaps,
  parseAddress,
  qualified,
} from '../../src/model/a1';
import { invalidArgument, invalidOperation, itemNotFound, MESSAGES, StandInError } from '../errors';
import type { SheetState } from '../state';
import { apiValue, displayText, parseInput, valueType } from '../values';
import type { Mirror } from './base';
import { StandInContext, StandInObject } from './base';
import { StandInConditionalFormatCollection, StandInDataValidation } from './conditional';
import { StandInRangeFormat } from './range-format';
import { StandInWorksheet } from './sheet';

export interface RangeTarget {
  sheetId: string;
  /** One rectangle for a Range; one or more for RangeAreas. */
  rects: Rect[];
}

type RangeLike = StandInRange | string;

/** Shared by Range and RangeAreas: the sheet and rectangles at sync time. */
export abstract class RangeBase extends StandInObject<RangeTarget> {
  protected sheet(): SheetState {
    return this.book.sheetById(this.target().sheetId, this._typeName);
  }

  protected rects(): Rect[] {
    return this.target().rects;
  }

  /** Proxy for another range derived from this one when the operation runs. */
  protected derive(
    typeName: string,
    fn: (t: RangeTarget, sheet: SheetState) => Rect | null,
    nullable = false,
  ): StandInRange {
    return new StandInRange(
      this.context,
      () => {
        const t = this.target();
        const r = fn(t, this.sheet());
        return r ? { sheetId: t.sheetId, rects: [r] } : null;
      },
      nullable,
      typeName,
    );
  }

  private _format?: StandInRangeFormat;
  private _cfs?: StandInConditionalFormatCollection;
  private _validation?: StandInDataValidation;
  private _worksheet?: StandInWorksheet;

  get format(): StandInRangeFormat {
    return (this._format ??= new StandInRangeFormat(this.context, this));
  }

  get conditionalFormats(): StandInConditionalFormatCollection {
    return (this._cfs ??= new StandInConditionalFormatCollection(this.context, () => this.target()));
  }

  get dataValidation(): StandInDataValidation {
    return (this._validation ??= new StandInDataValidation(this.context, () => this.target()));
  }

  get worksheet(): StandInWorksheet {
    return (this._worksheet ??= new StandInWorksheet(
      this.context,
      () => this.book.sheetById(this.target().sheetId).id,
    ));
  }

  protected override child(prop: string): StandInObject | null {
    if (prop === 'format') return this.format;
    if (prop === 'conditionalFormats') return this.conditionalFormats;
    if (prop === 'dataValidation') return this.dataValidation;
    if (prop === 'worksheet') return this.worksheet;
    return null;
  }

  /** Where this range is, after its resolution ran (the RichApi host keeps it under a reference id). */
  _hostTarget(): RangeTarget {
    return this.target();
  }

  /** Rectangles of this range, as known after sync: internal, for format objects. */
  _sheetAndRects(): { sheet: SheetState; rects: Rect[] } {
    return { sheet: this.sheet(), rects: this.rects() };
  }

  select(): void {
    this.op('select', () => {
      const rects = this.rects();
      this.book.select(this.sheet(), rects[0], 'api');
    });
  }

  clear(applyTo: string = 'All'): void {
    this.op('clear', () => {
      for (const r of this.rects()) this.book.clear(this.sheet(), r, applyTo, 'api', `${this._typeName}.clear`);
    });
  }
}

export class StandInRange
  extends RangeBase
  implements
    Mirror<
      Excel.Range,
      | 'address'
      | 'addressLocal'
      | 'rowIndex'
      | 'columnIndex'
      | 'rowCount'
      | 'columnCount'
      | 'cellCount'
      | 'values'
      | 'formulas'
      | 'formulasLocal'
      | 'text'
      | 'numberFormat'
      | 'valueTypes'
      | 'isEntireRow'
      | 'isEntireColumn'
      | 'format'
      | 'conditionalFormats'
      | 'dataValidation'
      | 'worksheet'
      | 'merge'
      | 'unmerge'
      | 'getCell'
      | 'getOffsetRange'
      | 'getResizedRange'
      | 'getBoundingRect'
      | 'getIntersection'
      | 'getIntersectionOrNullObject'
      | 'getEntireRow'
      | 'getEntireColumn'
      | 'getRow'
      | 'getColumn'
      | 'getLastCell'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getUsedRange'
      | 'getUsedRangeOrNullObject'
      | 'getMergedAreasOrNullObject'
      | 'select'
      | 'clear'
      | 'insert'
      | 'delete'
      | 'load'
      | 'toJSON'
      | 'isNullObject'
    >
{
  protected readonly scalarProps = [
    'address',
    'addressLocal',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'cellCount',
    'values',
    'formulas',
    'formulasLocal',
    'text',
    'numberFormat',
    'valueTypes',
    'isEntireRow',
    'isEntireColumn',
  ] as const;

  constructor(
    ctx: StandInContext,
    resolve: (() => RangeTarget | null) | RangeTarget,
    nullable = false,
    typeName = 'Range',
    immediate = false,
  ) {
    super(ctx, typeName, resolve, nullable, immediate);
  }

  private rect(): Rect {
    return this.rects()[0];
  }

  /** A 2-D array over the range, cell by cell (whole rows/columns are cut to the used area). */
  private grid<T>(fn: (r: number, c: number) => T): T[][] {
    const sheet = this.sheet();
    let rect = this.rect();
    if (rect.rows * rect.cols > 1_000_000) {
      const used = this.book.usedRect(sheet);
      rect = (used && intersect(used, rect)) ?? { ...rect, rows: 0, cols: 0 };
    }
    const out: T[][] = [];
    for (let i = 0; i < rect.rows; i++) {
      const line: T[] = [];
      for (let j = 0; j < rect.cols; j++) line.push(fn(rect.row + i, rect.col + j));
      out.push(line);
    }
    return out;
  }

  protected read(prop: string): unknown {
    const sheet = this.sheet();
    const rect = this.rect();
    // Only the merges that meet the range can hide one of its cells: found once, not once per cell.
    const merges = sheet.merges.filter((m) => overlaps(m, rect));
    const hidden = (r: number, c: number) => {
      if (!merges.length) return false;
      const m = merges.find((x) => contains(x, r, c));
      return m !== undefined && (m.row !== r || m.col !== c);
    };
    const value = (r: number, c: number) => (hidden(r, c) ? null : this.book.cellValue(sheet, r, c));
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return qualified(sheet.name, rect);
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.col;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.cols;
      case 'cellCount':
        return rect.rows * rect.cols;
      case 'isEntireRow':
        return rect.col === 0 && rect.cols === MAX_COLS;
      case 'isEntireColumn':
        return rect.row === 0 && rect.rows === MAX_ROWS;
      case 'values':
        return this.grid((r, c) => apiValue(value(r, c)));
      case 'valueTypes':
        return this.grid((r, c) => valueType(value(r, c)));
      case 'formulas':
      case 'formulasLocal':
        return this.grid((r, c) =>
          hidden(r, c) ? '' : (this.book.cell(sheet, r, c)?.formula ?? apiValue(value(r, c))),
        );
      case 'text':
        return this.grid((r, c) => displayText(value(r, c), this.book.cellFormat(sheet, r, c).numberFormat));
      case 'numberFormat':
        return this.grid((r, c) => this.book.cellFormat(sheet, r, c).numberFormat);
      default:
        return undefined;
    }
  }

  get address(): string {
    return this.get('address');
  }
  get addressLocal(): string {
    return this.get('addressLocal');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get isEntireRow(): boolean {
    return this.get('isEntireRow');
  }
  get isEntireColumn(): boolean {
    return this.get('isEntireColumn');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get valueTypes(): Excel.Range['valueTypes'] {
    return this.get('valueTypes');
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get values(): any[][] {
    return this.get('values');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set values(v: any[][]) {
    this.put('values', v, () => this.writeContent(v, 'values'));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formulas(): any[][] {
    return this.get('formulas');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formulas(v: any[][]) {
    this.put('formulas', v, () => this.writeContent(v, 'formulas'));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formulasLocal(): any[][] {
    return this.get('formulasLocal');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formulasLocal(v: any[][]) {
    this.put('formulasLocal', v, () => this.writeContent(v, 'formulasLocal'));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get numberFormat(): any[][] {
    return this.get('numberFormat');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set numberFormat(v: any[][]) {
    this.put('numberFormat', v, () => {
      const rect = this.rect();
      const at = cellAt(v, rect, `${this._typeName}.numberFormat`);
      this.book.formatCells(
        this.sheet(),
        rect,
        (f, r, c) => {
          const x = at(r - rect.row, c - rect.col);
          if (x !== undefined && x !== null) f.numberFormat = String(x);
        },
        `${this._typeName}.numberFormat`,
      );
    });
  }

  private writeContent(v: unknown, prop: string): void {
    const sheet = this.sheet();
    const rect = this.rect();
    const at = cellAt(v, rect, `${this._typeName}.${prop}`);
    this.book.writeCells(
      sheet,
      rect,
      (i, j) => {
        const x = at(i, j);
        // Office leaves a cell alone where the array holds null.
        if (x === null || x === undefined) return undefined;
        return parseInput(x, this.book.cellFormat(sheet, rect.row + i, rect.col + j).numberFormat);
      },
      'api',
      `${this._typeName}.${prop}`,
    );
  }

  merge(across = false): void {
    this.op('merge', () => this.book.merge(this.sheet(), this.rect(), across, 'Range.merge'));
  }

  unmerge(): void {
    this.op('unmerge', () => this.book.unmerge(this.sheet(), this.rect(), 'Range.unmerge'));
  }

  getCell(row: number, column: number): StandInRange {
    return this.derive('Range', (t) => {
      const r = t.rects[0];
      return checked({ row: r.row + row, col: r.col + column, rows: 1, cols: 1 }, 'Range.getCell');
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): StandInRange {
    return this.derive('Range', (t) => {
      const r = t.rects[0];
      return checked({ ...r, row: r.row + rowOffset, col: r.col + columnOffset }, 'Range.getOffsetRange');
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): StandInRange {
    return this.derive('Range', (t) => {
      const r = t.rects[0];
      return checked({ ...r, rows: r.rows + deltaRows, cols: r.cols + deltaColumns }, 'Range.getResizedRange');
    });
  }

  private otherRect(other: RangeLike, sheet: SheetState, where: string): Rect {
    if (typeof other === 'string') {
      const p = parseAddress(other);
      if (!p || (p.sheet !== undefined && p.sheet.toLowerCase() !== sheet.name.toLowerCase()))
        throw invalidArgument(where);
      return p.rect;
    }
    const o = other._sheetAndRects();
    if (o.sheet.id !== sheet.id) throw invalidArgument(where);
    return o.rects[0];
  }

  getBoundingRect(anotherRange: RangeLike): StandInRange {
    return this.derive('Range', (t, sheet) =>
      boundingRect(t.rects[0], this.otherRect(anotherRange, sheet, 'Range.getBoundingRect')),
    );
  }

  getIntersection(anotherRange: RangeLike): StandInRange {
    return this.derive('Range', (t, sheet) => {
      const x = intersect(t.rects[0], this.otherRect(anotherRange, sheet, 'Range.getIntersection'));
      if (!x) throw itemNotFound('Range.getIntersection');
      return x;
    });
  }

  getIntersectionOrNullObject(anotherRange: RangeLike): StandInRange {
    return this.derive(
      'Range',
      (t, sheet) => intersect(t.rects[0], this.otherRect(anotherRange, sheet, 'Range.getIntersectionOrNullObject')),
      true,
    );
  }

  getEntireRow(): StandInRange {
    return this.derive('Range', (t) => ({ row: t.rects[0].row, col: 0, rows: t.rects[0].rows, cols: MAX_COLS }));
  }

  getEntireColumn(): StandInRange {
    return this.derive('Range', (t) => ({ row: 0, col: t.rects[0].col, rows: MAX_ROWS, cols: t.rects[0].cols }));
  }

  getRow(row: number): StandInRange {
    return this.derive('Range', (t) => {
      const r = t.rects[0];
      if (row < 0 || row >= r.rows) throw invalidArgument('Range.getRow');
      return { row: r.row + row, col: r.col, rows: 1, cols: r.cols };
    });
  }

  getColumn(column: number): StandInRange {
    return this.derive('Range', (t) => {
      const r = t.rects[0];
      if (column < 0 || column >= r.cols) throw invalidArgument('Range.getColumn');
      return { row: r.row, col: r.col + column, rows: r.rows, cols: 1 };
    });
  }

  getLastCell(): StandInRange {
    return this.derive('Range', (t) => {
      const r = t.rects[0];
      return { row: r.row + r.rows - 1, col: r.col + r.cols - 1, rows: 1, cols: 1 };
    });
  }

  getLastRow(): StandInRange {
    return this.derive('Range', (t) => ({ ...t.rects[0], row: t.rects[0].row + t.rects[0].rows - 1, rows: 1 }));
  }

  getLastColumn(): StandInRange {
    return this.derive('Range', (t) => ({ ...t.rects[0], col: t.rects[0].col + t.rects[0].cols - 1, cols: 1 }));
  }

  getUsedRange(valuesOnly?: boolean): StandInRange {
    return this.derive('Range', (t, sheet) => {
      const used = this.book.usedRect(sheet, valuesOnly);
      const x = used && intersect(used, t.rects[0]);
      if (!x) throw itemNotFound('Range.getUsedRange');
      return x;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): StandInRange {
    return this.derive(
      'Range',
      (t, sheet) => {
        const used = this.book.usedRect(sheet, valuesOnly);
        return (used && intersect(used, t.rects[0])) ?? null;
      },
      true,
    );
  }

  getMergedAreasOrNullObject(): StandInRangeAreas {
    return new StandInRangeAreas(
      this.context,
      () => {
        const t = this.target();
        const merges = this.sheet().merges.filter((m) => overlaps(m, t.rects[0]));
        return merges.length ? { sheetId: t.sheetId, rects: merges } : null;
      },
      true,
    );
  }

  insert(shift: Excel.InsertShiftDirection | 'Down' | 'Right'): StandInRange {
    this.op('insert', () => {
      const r = this.rect();
      const sheet = this.sheet();
      if (shift === 'Down' && r.col === 0 && r.cols === MAX_COLS)
        this.book.structural(sheet, 'row', r.row, r.rows, 'api', 'Range.insert');
      else if (shift === 'Right' && r.row === 0 && r.rows === MAX_ROWS)
        this.book.structural(sheet, 'col', r.col, r.cols, 'api', 'Range.insert');
      else
        throw invalidOperation('Range.insert', 'The stand-in inserts whole rows (Down) or whole columns (Right) only.');
    });
    return new StandInRange(this.context, () => this.target(), false, 'Range');
  }

  delete(shift: Excel.DeleteShiftDirection | 'Up' | 'Left'): void {
    this.op('delete', () => {
      const r = this.rect();
      const sheet = this.sheet();
      if (shift === 'Up' && r.col === 0 && r.cols === MAX_COLS)
        this.book.structural(sheet, 'row', r.row, -r.rows, 'api', 'Range.delete');
      else if (shift === 'Left' && r.row === 0 && r.rows === MAX_ROWS)
        this.book.structural(sheet, 'col', r.col, -r.cols, 'api', 'Range.delete');
      else throw invalidOperation('Range.delete', 'The stand-in deletes whole rows (Up) or whole columns (Left) only.');
    });
  }

  override toJSON(): Record<string, unknown> {
    return super.toJSON();
  }
}

/** Several rectangles of one sheet (`worksheet.getRanges('A1:B2, D4')`). */
export class StandInRangeAreas
  extends RangeBase
  implements
    Mirror<
      Excel.RangeAreas,
      'address' | 'areaCount' | 'format' | 'conditionalFormats' | 'dataValidation' | 'clear' | 'select' | 'load'
    >
{
  protected readonly scalarProps = ['address', 'addressLocal', 'areaCount', 'cellCount'] as const;

  constructor(ctx: StandInContext, resolve: () => RangeTarget | null, nullable = false) {
    super(ctx, 'RangeAreas', resolve, nullable);
  }

  protected read(prop: string): unknown {
    const sheet = this.sheet();
    const rects = this.rects();
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return rects.map((r) => qualified(sheet.name, r)).join(',');
      case 'areaCount':
        return rects.length;
      case 'cellCount':
        return rects.reduce((n, r) => n + r.rows * r.cols, 0);
      default:
        return undefined;
    }
  }

  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }

  /** The areas as ranges; readable after a sync. */
  get areas(): { items: StandInRange[] } {
    const t = this._target;
    if (!t) throw new StandInError('PropertyNotLoaded', MESSAGES.propertyNotLoaded('areas'), 'RangeAreas.areas');
    return {
      items: t.rects.map(
        (r) => new StandInRange(this.context, { sheetId: t.sheetId, rects: [r] }, false, 'Range', true),
      ),
    };
  }
}

function checked(r: Rect, where: string): Rect {
  if (r.row < 0 || r.col < 0 || r.rows < 1 || r.cols < 1 || r.row + r.rows > MAX_ROWS || r.col + r.cols > MAX_COLS) {
    throw invalidArgument(where);
  }
  return r;
}

/** Reads a 2-D input for a rectangle, or one value for all its cells, checking dimensions like Office. */
function cellAt(v: unknown, rect: Rect, where: string): (i: number, j: number) => unknown {
  if (!Array.isArray(v)) return () => v;
  if (v.length !== rect.rows || v.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw invalidArgument(where, MESSAGES.dimensionMismatch);
  }
  return (i, j) => (v as unknown[][])[i][j];
}
