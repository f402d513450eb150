/** Worksheets: the collection, a worksheet, its protection and frozen panes, and its events. */
import type { Rect } from '../../src/model/a1';
import { MAX_COLS, MAX_ROWS, parseAddress, rectA1 } from '../../src/model/a1';
import type { RawChange, RawSelection } from '../book';
import { invalidArgument, itemNotFound } from '../errors';
import type { ProtectionOptions, SheetState } from '../state';
import type { Mirror } from './base';
import { ClientResult, StandInCollection, StandInContext, StandInEventHandlers, StandInObject } from './base';
import { StandInRange, StandInRangeAreas } from './range';
import { StandInNamedItemCollection } from './workbook';

interface ChangedEventArgs {
  type: 'WorksheetChanged';
  address: string;
  changeType: RawChange['changeType'];
  source: 'Local';
  worksheetId: string;
  triggerSource: 'ThisLocalAddin' | 'Unknown';
  details?: RawChange['details'];
  getRange(ctx: StandInContext): StandInRange;
  getRangeOrNullObject(ctx: StandInContext): StandInRange;
}

interface SelectionEventArgs {
  type: 'WorksheetSelectionChanged';
  address: string;
  worksheetId: string;
}

function rangeIn(ctx: StandInContext, sheetId: string, rect: Rect, nullable: boolean): StandInRange {
  return new StandInRange(ctx, () => (ctx.book.sheetByIdOrNull(sheetId) ? { sheetId, rects: [rect] } : null), nullable);
}

/** `apiVersion`: the host's ExcelApi minor version; older hosts give fewer fields, as Excel does. */
function changedArgs(c: RawChange, apiVersion: number): ChangedEventArgs {
  const args: ChangedEventArgs = {
    type: 'WorksheetChanged',
    address: rectA1(c.rect),
    changeType: c.changeType,
    source: 'Local',
    worksheetId: c.sheetId,
    triggerSource: c.origin === 'api' ? 'ThisLocalAddin' : 'Unknown',
    getRange: (ctx) => rangeIn(ctx, c.sheetId, c.rect, false),
    getRangeOrNullObject: (ctx) => rangeIn(ctx, c.sheetId, c.rect, true),
  };
  // Excel gives details only for a single-cell edit (ExcelApi 1.9), triggerSource from ExcelApi 1.14.
  if (c.details && apiVersion >= 9) args.details = { ...c.details };
  if (apiVersion < 14) delete (args as Partial<ChangedEventArgs>).triggerSource;
  return args;
}

function selectionArgs(s: RawSelection): SelectionEventArgs {
  return { type: 'WorksheetSelectionChanged', address: rectA1(s.rect), worksheetId: s.sheetId };
}

export class StandInWorksheet
  extends StandInObject<string>
  implements
    Mirror<
      Excel.Worksheet,
      | 'id'
      | 'name'
      | 'position'
      | 'visibility'
      | 'tabColor'
      | 'activate'
      | 'delete'
      | 'getRange'
      | 'getRanges'
      | 'getRangeByIndexes'
      | 'getCell'
      | 'getUsedRange'
      | 'getUsedRangeOrNullObject'
      | 'names'
      | 'protection'
      | 'freezePanes'
      | 'onChanged'
      | 'onSelectionChanged'
      | 'load'
      | 'isNullObject'
    >
{
  protected readonly scalarProps = [
    'id',
    'name',
    'position',
    'visibility',
    'tabColor',
    'standardWidth',
    'standardHeight',
  ] as const;
  private _protection?: StandInWorksheetProtection;
  private _names?: StandInNamedItemCollection;
  private _freeze?: StandInFreezePanes;
  private _onChanged?: StandInEventHandlers<ChangedEventArgs>;
  private _onSelection?: StandInEventHandlers<SelectionEventArgs>;

  constructor(ctx: StandInContext, resolve: (() => string | null) | string, nullable = false, immediate = false) {
    super(ctx, 'Worksheet', resolve, nullable, immediate);
  }

  _sheet(): SheetState {
    return this.book.sheetById(this.target(), 'Worksheet');
  }

  protected read(prop: string): unknown {
    const s = this._sheet();
    switch (prop) {
      case 'id':
        return s.id;
      case 'name':
        return s.name;
      case 'position':
        return this.book.state.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      case 'tabColor':
        return s.tabColor;
      case 'standardWidth':
        return 8.43;
      case 'standardHeight':
        return 15;
      default:
        return undefined;
    }
  }

  protected override child(prop: string): StandInObject | null {
    if (prop === 'protection') return this.protection;
    if (prop === 'names') return this.names;
    return null;
  }

  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.put('name', v, () => this.book.renameSheet(this._sheet(), v));
  }
  get position(): number {
    return this.get('position');
  }
  set position(v: number) {
    this.put('position', v, () => this.book.moveSheet(this._sheet(), v));
  }
  get visibility(): Excel.Worksheet['visibility'] {
    return this.get('visibility');
  }
  set visibility(v: Excel.Worksheet['visibility']) {
    this.put('visibility', v, () => this.book.setSheetProp(this._sheet(), 'visibility', v));
  }
  get tabColor(): string {
    return this.get('tabColor');
  }
  set tabColor(v: string) {
    this.put('tabColor', v, () => this.book.setSheetProp(this._sheet(), 'tabColor', v));
  }
  get standardWidth(): number {
    return this.get('standardWidth');
  }

  get protection(): StandInWorksheetProtection {
    return (this._protection ??= new StandInWorksheetProtection(this.context, this));
  }

  get names(): StandInNamedItemCollection {
    return (this._names ??= new StandInNamedItemCollection(this.context, () => this.target()));
  }

  get freezePanes(): StandInFreezePanes {
    return (this._freeze ??= new StandInFreezePanes(this.context, this));
  }

  get onChanged(): StandInEventHandlers<ChangedEventArgs> {
    return (this._onChanged ??= new StandInEventHandlers(
      this.context,
      'Worksheet.onChanged',
      () => this.target(),
      (deliver) => {
        const id = this.target();
        return this.book.onChange((c) =>
          c.sheetId === id ? deliver(changedArgs(c, this.book.apiVersion)) : undefined,
        );
      },
    ));
  }

  get onSelectionChanged(): StandInEventHandlers<SelectionEventArgs> {
    return (this._onSelection ??= new StandInEventHandlers(
      this.context,
      'Worksheet.onSelectionChanged',
      () => this.target(),
      (deliver) => {
        const id = this.target();
        return this.book.onSelection((s) => (s.sheetId === id ? deliver(selectionArgs(s)) : undefined));
      },
    ));
  }

  activate(): void {
    this.op('activate', () => this.book.activate(this._sheet(), 'api'));
  }

  delete(): void {
    this.op('delete', () => this.book.deleteSheet(this._sheet()));
  }

  /** An address (`A1:B2`, `A:A`, `3:3`, `Sheet1!A1`) or a defined name; no argument means the whole sheet. */
  private rectFor(address: string | undefined, where: string): Rect {
    const sheet = this._sheet();
    if (address === undefined || address === '') return { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
    const p = parseAddress(address);
    if (p) {
      if (p.sheet !== undefined && p.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw invalidArgument(where);
      return p.rect;
    }
    const named = this.book.resolveName(address.trim(), sheet.id);
    if (named && named.sheet.id === sheet.id)
      return { row: named.row, col: named.col, rows: named.rows, cols: named.cols };
    throw invalidArgument(where);
  }

  getRange(address?: string): StandInRange {
    return new StandInRange(this.context, () => ({
      sheetId: this.target(),
      rects: [this.rectFor(address, 'Worksheet.getRange')],
    }));
  }

  getRanges(address?: string): StandInRangeAreas {
    return new StandInRangeAreas(this.context, () => {
      const parts = (address ?? '')
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean);
      if (!parts.length) throw invalidArgument('Worksheet.getRanges');
      return { sheetId: this.target(), rects: parts.map((p) => this.rectFor(p, 'Worksheet.getRanges')) };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): StandInRange {
    return new StandInRange(this.context, () => {
      const rect = { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
      if (
        startRow < 0 ||
        startColumn < 0 ||
        rowCount < 1 ||
        columnCount < 1 ||
        startRow + rowCount > MAX_ROWS ||
        startColumn + columnCount > MAX_COLS
      ) {
        throw invalidArgument('Worksheet.getRangeByIndexes');
      }
      return { sheetId: this.target(), rects: [rect] };
    });
  }

  getCell(row: number, column: number): StandInRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** Office returns A1 for an empty sheet. */
  getUsedRange(valuesOnly?: boolean): StandInRange {
    return new StandInRange(this.context, () => ({
      sheetId: this.target(),
      rects: [this.book.usedRect(this._sheet(), valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 }],
    }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): StandInRange {
    return new StandInRange(
      this.context,
      () => {
        const used = this.book.usedRect(this._sheet(), valuesOnly);
        return used ? { sheetId: this.target(), rects: [used] } : null;
      },
      true,
    );
  }
}

class StandInWorksheetProtection
  extends StandInObject<true>
  implements Mirror<Excel.WorksheetProtection, 'protected' | 'options' | 'protect' | 'unprotect' | 'load'>
{
  protected readonly scalarProps = ['protected', 'options', 'isPasswordProtected'] as const;

  constructor(
    ctx: StandInContext,
    private readonly sheet: StandInWorksheet,
  ) {
    super(ctx, 'WorksheetProtection', true, false, true);
  }

  protected read(prop: string): unknown {
    const p = this.sheet._sheet().protection;
    if (prop === 'protected') return p.protected;
    if (prop === 'options') return { ...p.options };
    return p.password !== null;
  }

  get protected(): boolean {
    return this.get('protected');
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.get('options');
  }
  get isPasswordProtected(): boolean {
    return this.get('isPasswordProtected');
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.op('protect', () =>
      this.book.protect(
        this.sheet._sheet(),
        options as Partial<ProtectionOptions>,
        password,
        'api',
        'WorksheetProtection.protect',
      ),
    );
  }

  unprotect(password?: string): void {
    this.op('unprotect', () =>
      this.book.unprotect(this.sheet._sheet(), password, 'api', 'WorksheetProtection.unprotect'),
    );
  }
}

class StandInFreezePanes
  extends StandInObject<true>
  implements Mirror<Excel.WorksheetFreezePanes, 'freezeRows' | 'freezeColumns' | 'unfreeze' | 'getLocationOrNullObject'>
{
  protected readonly scalarProps = [] as const;

  constructor(
    ctx: StandInContext,
    private readonly sheet: StandInWorksheet,
  ) {
    super(ctx, 'WorksheetFreezePanes', true, false, true);
  }

  protected read(): unknown {
    return undefined;
  }

  freezeRows(count?: number): void {
    this.op('freezeRows', () => this.book.freeze(this.sheet._sheet(), count ?? 1, 0));
  }

  freezeColumns(count?: number): void {
    this.op('freezeColumns', () => this.book.freeze(this.sheet._sheet(), 0, count ?? 1));
  }

  unfreeze(): void {
    this.op('unfreeze', () => this.book.freeze(this.sheet._sheet(), 0, 0));
  }

  getLocationOrNullObject(): StandInRange {
    return new StandInRange(
      this.context,
      () => {
        const s = this.sheet._sheet();
        const { rows, cols } = s.frozen;
        if (!rows && !cols) return null;
        return { sheetId: s.id, rects: [{ row: 0, col: 0, rows: rows || MAX_ROWS, cols: cols || MAX_COLS }] };
      },
      true,
    );
  }
}

export class StandInWorksheetCollection
  extends StandInCollection<StandInWorksheet>
  implements
    Mirror<
      Excel.WorksheetCollection,
      | 'add'
      | 'getItem'
      | 'getItemOrNullObject'
      | 'getActiveWorksheet'
      | 'getFirst'
      | 'getLast'
      | 'getCount'
      | 'items'
      | 'onChanged'
      | 'onSelectionChanged'
      | 'load'
    >
{
  private _onChanged?: StandInEventHandlers<ChangedEventArgs>;
  private _onSelection?: StandInEventHandlers<SelectionEventArgs>;

  constructor(ctx: StandInContext) {
    super(ctx, 'WorksheetCollection');
  }

  protected currentItems(): StandInWorksheet[] {
    return this.book.state.sheets.map((s) => new StandInWorksheet(this.context, s.id, false, true));
  }

  add(name?: string): StandInWorksheet {
    return new StandInWorksheet(this.context, () => this.book.addSheet(name).id);
  }

  getItem(key: string): StandInWorksheet {
    return new StandInWorksheet(this.context, () => {
      const s = this.book.findSheet(key);
      if (!s) throw itemNotFound('WorksheetCollection.getItem');
      return s.id;
    });
  }

  getItemOrNullObject(key: string): StandInWorksheet {
    return new StandInWorksheet(this.context, () => this.book.findSheet(key)?.id ?? null, true);
  }

  getActiveWorksheet(): StandInWorksheet {
    return new StandInWorksheet(this.context, () => this.book.activeSheet.id);
  }

  getFirst(visibleOnly?: boolean): StandInWorksheet {
    return new StandInWorksheet(this.context, () => {
      const list = this.book.state.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible');
      if (!list.length) throw itemNotFound('WorksheetCollection.getFirst');
      return list[0].id;
    });
  }

  getLast(visibleOnly?: boolean): StandInWorksheet {
    return new StandInWorksheet(this.context, () => {
      const list = this.book.state.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible');
      if (!list.length) throw itemNotFound('WorksheetCollection.getLast');
      return list[list.length - 1].id;
    });
  }

  getCount(visibleOnly?: boolean): ClientResult<number> {
    return new ClientResult(
      this.context,
      'WorksheetCollection.getCount',
      () => this.book.state.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length,
    );
  }

  get onChanged(): StandInEventHandlers<ChangedEventArgs> {
    return (this._onChanged ??= new StandInEventHandlers(
      this.context,
      'WorksheetCollection.onChanged',
      () => 'all',
      (deliver) => this.book.onChange((c) => deliver(changedArgs(c, this.book.apiVersion))),
    ));
  }

  get onSelectionChanged(): StandInEventHandlers<SelectionEventArgs> {
    return (this._onSelection ??= new StandInEventHandlers(
      this.context,
      'WorksheetCollection.onSelectionChanged',
      () => 'all',
      (deliver) => this.book.onSelection((s) => deliver(selectionArgs(s))),
    ));
  }
}
