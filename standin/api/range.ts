/** Range, RangeAreas and the range's format objects. */
import type { Rect } from '../../src/model/a1';
import {
  boundingRect,
  cellsOf,
  contains,
  intersect,
  MAX_COLS,
  MAX_ROWS,
  overlaps,
  parseAddress,
  qualified,
  rectA1,
} from '../../src/model/a1';
import { cloneFormat } from '../book';
import { key } from '../calc';
import { invalidArgument, invalidOperation, itemNotFound, MESSAGES, StandInError } from '../errors';
import type { BorderState, CellFormat, SheetState } from '../state';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from '../state';
import { apiValue, displayText, parseInput, valueType } from '../values';
import type { Mirror } from './base';
import { StandInContext, StandInObject } from './base';
import { StandInConditionalFormatCollection, StandInDataValidation } from './conditional';
import { StandInWorksheet } from './sheet';

export interface RangeTarget {
  sheetId: string;
  /** One rectangle for a Range; one or more for RangeAreas. */
  rects: Rect[];
}

type RangeLike = StandInRange | string;

function common<T>(values: T[]): T | null {
  if (!values.length) return null;
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) ? values[0] : null;
}

/** Shared by Range and RangeAreas: the sheet and rectangles at sync time. */
abstract class RangeBase extends StandInObject<RangeTarget> {
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

// ------------------------------------------------------------------------------------------- formats

/** Shared by the format objects: every cell of every rectangle of the owning range. */
abstract class FormatPart extends StandInObject<true> {
  constructor(
    ctx: StandInContext,
    typeName: string,
    protected readonly owner: RangeBase,
  ) {
    super(ctx, typeName, true, false, true);
  }

  protected cells(): { sheet: SheetState; cells: [number, number][] } {
    const { sheet, rects } = this.owner._sheetAndRects();
    const cells: [number, number][] = [];
    for (const rect of rects) {
      const r = rect.rows * rect.cols > 1_000_000 ? (intersect(this.book.usedRect(sheet) ?? rect, rect) ?? rect) : rect;
      if (r.rows * r.cols > 1_000_000) continue;
      for (const rc of cellsOf(r)) cells.push(rc);
    }
    return { sheet, cells };
  }

  protected commonFormat<T>(pick: (f: CellFormat) => T): T | null {
    const { sheet, cells } = this.cells();
    return common(cells.map(([r, c]) => pick(this.book.cellFormat(sheet, r, c))));
  }

  protected apply(prop: string, value: unknown, fn: (f: CellFormat, r: number, c: number, rect: Rect) => void): void {
    this.put(prop, value, () => {
      const { sheet, rects } = this.owner._sheetAndRects();
      for (const rect of rects)
        this.book.formatCells(sheet, rect, (f, r, c) => fn(f, r, c, rect), `${this._typeName}.${prop}`);
    });
  }
}

export class StandInRangeFormat
  extends FormatPart
  implements
    Mirror<
      Excel.RangeFormat,
      | 'horizontalAlignment'
      | 'verticalAlignment'
      | 'wrapText'
      | 'indentLevel'
      | 'columnWidth'
      | 'rowHeight'
      | 'fill'
      | 'font'
      | 'borders'
      | 'protection'
      | 'autofitColumns'
      | 'autofitRows'
      | 'load'
    >
{
  protected readonly scalarProps = [
    'horizontalAlignment',
    'verticalAlignment',
    'wrapText',
    'indentLevel',
    'columnWidth',
    'rowHeight',
  ] as const;
  readonly fill: StandInRangeFill;
  readonly font: StandInRangeFont;
  readonly borders: StandInRangeBorderCollection;
  readonly protection: StandInFormatProtection;

  constructor(ctx: StandInContext, owner: RangeBase) {
    super(ctx, 'RangeFormat', owner);
    this.fill = new StandInRangeFill(ctx, owner);
    this.font = new StandInRangeFont(ctx, owner);
    this.borders = new StandInRangeBorderCollection(ctx, owner);
    this.protection = new StandInFormatProtection(ctx, owner);
  }

  protected override child(prop: string): StandInObject | null {
    if (prop === 'fill') return this.fill;
    if (prop === 'font') return this.font;
    if (prop === 'borders') return this.borders;
    if (prop === 'protection') return this.protection;
    return null;
  }

  protected read(prop: string): unknown {
    const { sheet, rects } = this.owner._sheetAndRects();
    switch (prop) {
      case 'horizontalAlignment':
        return this.commonFormat((f) => f.horizontalAlignment);
      case 'verticalAlignment':
        return this.commonFormat((f) => f.verticalAlignment);
      case 'wrapText':
        return this.commonFormat((f) => f.wrapText);
      case 'indentLevel':
        return this.commonFormat((f) => f.indentLevel);
      case 'columnWidth': {
        const widths: number[] = [];
        for (const r of rects)
          for (let c = r.col; c < r.col + Math.min(r.cols, 1000); c++)
            widths.push(sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        return common(widths);
      }
      case 'rowHeight': {
        const heights: number[] = [];
        for (const r of rects)
          for (let i = r.row; i < r.row + Math.min(r.rows, 10000); i++)
            heights.push(sheet.rowHeights.get(i) ?? DEFAULT_ROW_HEIGHT);
        return common(heights);
      }
      default:
        return undefined;
    }
  }

  get horizontalAlignment(): Excel.RangeFormat['horizontalAlignment'] {
    return this.get('horizontalAlignment');
  }
  set horizontalAlignment(v: Excel.RangeFormat['horizontalAlignment']) {
    this.apply('horizontalAlignment', v, (f) => (f.horizontalAlignment = v));
  }
  get verticalAlignment(): Excel.RangeFormat['verticalAlignment'] {
    return this.get('verticalAlignment');
  }
  set verticalAlignment(v: Excel.RangeFormat['verticalAlignment']) {
    this.apply('verticalAlignment', v, (f) => (f.verticalAlignment = v));
  }
  get wrapText(): boolean {
    return this.get('wrapText');
  }
  set wrapText(v: boolean) {
    this.apply('wrapText', v, (f) => (f.wrapText = v));
  }
  get indentLevel(): number {
    return this.get('indentLevel');
  }
  set indentLevel(v: number) {
    this.apply('indentLevel', v, (f) => (f.indentLevel = v));
  }
  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(v: number) {
    this.put('columnWidth', v, () => {
      const { sheet, rects } = this.owner._sheetAndRects();
      for (const r of rects) this.book.setColumnWidth(sheet, r, v, 'RangeFormat.columnWidth');
    });
  }
  get rowHeight(): number {
    return this.get('rowHeight');
  }
  set rowHeight(v: number) {
    this.put('rowHeight', v, () => {
      const { sheet, rects } = this.owner._sheetAndRects();
      for (const r of rects) this.book.setRowHeight(sheet, r, v, 'RangeFormat.rowHeight');
    });
  }

  /** Width from the longest shown text (CJK characters count double), roughly as Excel measures. */
  autofitColumns(): void {
    this.op('autofitColumns', () => {
      const { sheet, rects } = this.owner._sheetAndRects();
      for (const rect of rects) {
        const used = intersect(this.book.usedRect(sheet) ?? rect, rect);
        if (!used) continue;
        for (let c = used.col; c < used.col + used.cols; c++) {
          let units = 0;
          for (let r = used.row; r < used.row + used.rows; r++) {
            const m = this.book.mergeAt(sheet, r, c);
            if (m && (m.cols > 1 || m.row !== r)) continue;
            const f = this.book.cellFormat(sheet, r, c);
            const text = displayText(this.book.cellValue(sheet, r, c), f.numberFormat);
            const u = textUnits(text) * (f.font.size / 11);
            if (u > units) units = u;
          }
          this.book.setColumnWidth(
            sheet,
            { row: 0, col: c, rows: 1, cols: 1 },
            units ? Math.ceil(units * 5.6 + 6) : DEFAULT_COLUMN_WIDTH,
            'RangeFormat.autofitColumns',
          );
        }
      }
    });
  }

  autofitRows(): void {
    this.op('autofitRows', () => {
      const { sheet, rects } = this.owner._sheetAndRects();
      for (const rect of rects) {
        const used = intersect(this.book.usedRect(sheet) ?? rect, rect);
        if (!used) continue;
        for (let r = used.row; r < used.row + used.rows; r++) {
          let height = DEFAULT_ROW_HEIGHT;
          for (let c = used.col; c < used.col + used.cols; c++) {
            const f = this.book.cellFormat(sheet, r, c);
            const line = Math.ceil(f.font.size * 1.36);
            let lines = 1;
            if (f.wrapText) {
              const width = sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
              const text = displayText(this.book.cellValue(sheet, r, c), f.numberFormat);
              lines = Math.max(1, Math.ceil((textUnits(text) * 5.6 * (f.font.size / 11)) / Math.max(width - 4, 1)));
            }
            height = Math.max(height, lines * line);
          }
          this.book.setRowHeight(sheet, { row: r, col: 0, rows: 1, cols: 1 }, height, 'RangeFormat.autofitRows');
        }
      }
    });
  }
}

function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 2 : 1;
  return n;
}

export class StandInRangeFill extends FormatPart implements Mirror<Excel.RangeFill, 'color' | 'clear' | 'load'> {
  protected readonly scalarProps = ['color'] as const;

  constructor(ctx: StandInContext, owner: RangeBase) {
    super(ctx, 'RangeFill', owner);
  }

  protected read(): unknown {
    // Office reports no fill as white.
    return this.commonFormat((f) => f.fill ?? '#FFFFFF');
  }

  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.apply('color', v, (f) => (f.fill = normalizeColor(v)));
  }

  clear(): void {
    this.apply('color', '#FFFFFF', (f) => (f.fill = null));
  }
}

export class StandInRangeFont
  extends FormatPart
  implements
    Mirror<Excel.RangeFont, 'name' | 'size' | 'bold' | 'italic' | 'color' | 'underline' | 'strikethrough' | 'load'>
{
  protected readonly scalarProps = ['name', 'size', 'bold', 'italic', 'color', 'underline', 'strikethrough'] as const;

  constructor(ctx: StandInContext, owner: RangeBase) {
    super(ctx, 'RangeFont', owner);
  }

  protected read(prop: string): unknown {
    return this.commonFormat((f) => f.font[prop as keyof CellFormat['font']]);
  }

  private setFont<K extends keyof CellFormat['font']>(prop: K, v: CellFormat['font'][K]): void {
    this.apply(prop, v, (f) => (f.font[prop] = v));
  }

  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.setFont('name', v);
  }
  get size(): number {
    return this.get('size');
  }
  set size(v: number) {
    this.setFont('size', v);
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.setFont('bold', v);
  }
  get italic(): boolean {
    return this.get('italic');
  }
  set italic(v: boolean) {
    this.setFont('italic', v);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.setFont('color', normalizeColor(v) ?? '#000000');
  }
  get underline(): Excel.RangeFont['underline'] {
    return this.get('underline');
  }
  set underline(v: Excel.RangeFont['underline']) {
    this.setFont('underline', v);
  }
  get strikethrough(): boolean {
    return this.get('strikethrough');
  }
  set strikethrough(v: boolean) {
    this.setFont('strikethrough', v);
  }
}

export class StandInFormatProtection
  extends FormatPart
  implements Mirror<Excel.FormatProtection, 'locked' | 'formulaHidden' | 'load'>
{
  protected readonly scalarProps = ['locked', 'formulaHidden'] as const;

  constructor(ctx: StandInContext, owner: RangeBase) {
    super(ctx, 'FormatProtection', owner);
  }

  protected read(prop: string): unknown {
    return this.commonFormat((f) => (prop === 'locked' ? f.locked : f.formulaHidden));
  }

  get locked(): boolean {
    return this.get('locked');
  }
  set locked(v: boolean) {
    this.put('locked', v, () => {
      const { sheet, rects } = this.owner._sheetAndRects();
      for (const r of rects) this.book.setLocked(sheet, r, v, 'FormatProtection.locked');
    });
  }
  get formulaHidden(): boolean {
    return this.get('formulaHidden');
  }
  set formulaHidden(v: boolean) {
    this.apply('formulaHidden', v, (f) => (f.formulaHidden = v));
  }
}

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';
const BORDER_INDEXES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
] as const;
type BorderIndex = (typeof BORDER_INDEXES)[number];
const NO_BORDER: BorderState = { style: 'None', color: '#000000', weight: 'Thin' };
const OPPOSITE: Record<Edge, [Edge, number, number]> = {
  EdgeTop: ['EdgeBottom', -1, 0],
  EdgeBottom: ['EdgeTop', 1, 0],
  EdgeLeft: ['EdgeRight', 0, -1],
  EdgeRight: ['EdgeLeft', 0, 1],
};

export class StandInRangeBorderCollection
  extends FormatPart
  implements Mirror<Excel.RangeBorderCollection, 'getItem' | 'getItemAt' | 'count' | 'items' | 'load'>
{
  protected readonly scalarProps = ['count'] as const;

  constructor(ctx: StandInContext, owner: RangeBase) {
    super(ctx, 'RangeBorderCollection', owner);
  }

  protected read(): unknown {
    return BORDER_INDEXES.length;
  }

  get count(): number {
    return this.get('count');
  }

  get items(): StandInRangeBorder[] {
    return BORDER_INDEXES.map((i) => new StandInRangeBorder(this.context, this.owner, i));
  }

  getItem(index: Excel.BorderIndex | BorderIndex): StandInRangeBorder {
    if (!BORDER_INDEXES.includes(index as BorderIndex)) throw invalidArgument('RangeBorderCollection.getItem');
    return new StandInRangeBorder(this.context, this.owner, index as BorderIndex);
  }

  getItemAt(index: number): StandInRangeBorder {
    return this.getItem(BORDER_INDEXES[index]);
  }
}

export class StandInRangeBorder
  extends FormatPart
  implements Mirror<Excel.RangeBorder, 'sideIndex' | 'style' | 'color' | 'weight' | 'load'>
{
  protected readonly scalarProps = ['sideIndex', 'style', 'color', 'weight'] as const;

  constructor(
    ctx: StandInContext,
    owner: RangeBase,
    private readonly index: BorderIndex,
  ) {
    super(ctx, 'RangeBorder', owner);
  }

  /** The cells (and which of their edges) that make up this border of the range. */
  private edges(rect: Rect): [number, number, Edge | 'DiagonalDown' | 'DiagonalUp'][] {
    const out: [number, number, Edge | 'DiagonalDown' | 'DiagonalUp'][] = [];
    for (const [r, c] of cellsOf(rect)) {
      const top = r === rect.row;
      const bottom = r === rect.row + rect.rows - 1;
      const left = c === rect.col;
      const right = c === rect.col + rect.cols - 1;
      switch (this.index) {
        case 'EdgeTop':
          if (top) out.push([r, c, 'EdgeTop']);
          break;
        case 'EdgeBottom':
          if (bottom) out.push([r, c, 'EdgeBottom']);
          break;
        case 'EdgeLeft':
          if (left) out.push([r, c, 'EdgeLeft']);
          break;
        case 'EdgeRight':
          if (right) out.push([r, c, 'EdgeRight']);
          break;
        case 'InsideHorizontal':
          if (!bottom) out.push([r, c, 'EdgeBottom']);
          break;
        case 'InsideVertical':
          if (!right) out.push([r, c, 'EdgeRight']);
          break;
        default:
          out.push([r, c, this.index]);
      }
    }
    return out;
  }

  protected read(prop: string): unknown {
    if (prop === 'sideIndex') return this.index;
    const { sheet, rects } = this.owner._sheetAndRects();
    const states: BorderState[] = [];
    for (const rect of rects) {
      if (rect.rows * rect.cols > 1_000_000) continue;
      for (const [r, c, edge] of this.edges(rect))
        states.push(this.book.cellFormat(sheet, r, c).borders[edge] ?? NO_BORDER);
    }
    if (!states.length) return prop === 'style' ? 'None' : null;
    return common(states.map((s) => s[prop as keyof BorderState]));
  }

  private setBorder(prop: keyof BorderState, v: string): void {
    this.put(prop, v, () => {
      const { sheet, rects } = this.owner._sheetAndRects();
      for (const rect of rects) {
        const edges = this.edges(rect);
        const touched: Rect[] = [rect];
        // The neighbour across an edge shares it: Excel shows one line.
        for (const [r, c, e] of edges) {
          if (e in OPPOSITE) {
            const [, dr, dc] = OPPOSITE[e as Edge];
            if (r + dr >= 0 && c + dc >= 0) touched.push({ row: r + dr, col: c + dc, rows: 1, cols: 1 });
          }
        }
        const wanted = new Map<number, (Edge | 'DiagonalDown' | 'DiagonalUp')[]>();
        const add = (r: number, c: number, e: Edge | 'DiagonalDown' | 'DiagonalUp') => {
          const k = key(r, c);
          wanted.set(k, [...(wanted.get(k) ?? []), e]);
        };
        for (const [r, c, e] of edges) {
          add(r, c, e);
          if (e in OPPOSITE) {
            const [opp, dr, dc] = OPPOSITE[e as Edge];
            if (r + dr >= 0 && c + dc >= 0) add(r + dr, c + dc, opp);
          }
        }
        for (const t of touched) {
          this.book.formatCells(
            sheet,
            t,
            (f, r, c) => {
              for (const e of wanted.get(key(r, c)) ?? []) {
                // Setting a colour or weight on an absent border draws a continuous line, as Excel does.
                const base = f.borders[e] ?? (prop === 'style' ? NO_BORDER : { ...NO_BORDER, style: 'Continuous' });
                const cur = { ...base, [prop]: prop === 'color' ? (normalizeColor(v) ?? '#000000') : v };
                if (cur.style === 'None') delete f.borders[e];
                else f.borders[e] = cur;
              }
            },
            'RangeBorder.' + prop,
          );
        }
      }
    });
  }

  get sideIndex(): Excel.RangeBorder['sideIndex'] {
    return this.get('sideIndex');
  }
  get style(): Excel.RangeBorder['style'] {
    return this.get('style');
  }
  set style(v: Excel.RangeBorder['style']) {
    this.setBorder('style', v);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.setBorder('color', v);
  }
  get weight(): Excel.RangeBorder['weight'] {
    return this.get('weight');
  }
  set weight(v: Excel.RangeBorder['weight']) {
    this.setBorder('weight', v);
  }
}

/** Office answers colours as upper-case `#RRGGBB`; it also accepts names like `red`. */
export function normalizeColor(v: string | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  const named: Record<string, string> = {
    black: '#000000',
    white: '#FFFFFF',
    red: '#FF0000',
    green: '#008000',
    blue: '#0000FF',
    yellow: '#FFFF00',
    orange: '#FFA500',
    gray: '#808080',
    grey: '#808080',
  };
  const lower = v.trim().toLowerCase();
  if (named[lower]) return named[lower];
  if (/^#[0-9a-f]{6}$/i.test(v.trim())) return v.trim().toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(v.trim())) {
    const h = v.trim().slice(1);
    return `#${h[0]}${h[0]}${h[1]}${h[1]}${h[2]}${h[2]}`.toUpperCase();
  }
  throw invalidArgument('color', `The colour '${v}' is not valid.`);
}

export { cloneFormat, rectA1 };
