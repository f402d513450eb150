/**
 * The user at the keyboard, for tests and the playground: typing, pasting, clearing, fill-down, undo, row and
 * column edits, moves, selection, protection, and inspectors. Not part of Office.js. Sheets are named, cells and
 * ranges are A1 addresses, rows are Excel's 1-based row numbers and columns letters (or 1-based numbers).
 */
import type { Rect } from '../src/model/a1';
import { a1, columnIndex, parseAddress, parseRef, qualified, rectA1 } from '../src/model/a1';
import type { Book, PaintedCell } from './book';
import type { RichApiHost } from './richapi/host';
import { passes } from './api/conditional';
import { StandInError } from './errors';
import type { ProtectionOptions, SheetState } from './state';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from './state';
import { apiValue, displayText, parseInput, valueType } from './values';

/** Why Excel would refuse what the user tried (the dialog it would show). */
export class UserActionRefused extends Error {
  constructor(
    readonly reason: 'protected' | 'validation' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'UserActionRefused';
  }
}

export interface CellInfo {
  address: string;
  value: string | number | boolean;
  valueType: string;
  formula: string | number | boolean;
  text: string;
  numberFormat: string;
  fill: string | null;
  font: { name: string; size: number; bold: boolean; italic: boolean; color: string };
  borders: { top: string; bottom: string; left: string; right: string };
  horizontalAlignment: string;
  wrapText: boolean;
  locked: boolean;
  /** The merged area holding this cell (`A1:C1`), or null. */
  mergedArea: string | null;
  /** What conditional formats paint on this cell now (null when none applies). */
  conditionalFill: string | null;
  /**
   * The font a conditional format shows on this cell (null where none sets it): Excel draws a true rule's font
   * colour and bold over the cell's own (https://learn.microsoft.com/javascript/api/excel/excel.conditionalrangefont).
   */
  conditionalFont: { color: string | null; bold: boolean | null } | null;
}

export interface SheetView {
  name: string;
  rows: number;
  cols: number;
  columnWidths: number[];
  rowHeights: number[];
  merges: string[];
  cells: CellInfo[][];
  selection: string;
  frozen: { rows: number; cols: number };
  protected: boolean;
}

type ColumnRef = string | number;

/** What the app needs from the stand-in around it: waiting for event handlers, and the RichApi host. */
interface AppHooks {
  settle(): Promise<void>;
  host(): RichApiHost;
}

export class StandInApp {
  constructor(
    private readonly book: Book,
    private readonly hooks: AppHooks,
  ) {}

  private sheet(name: string): SheetState {
    const s = this.book.sheetByNameOrNull(name);
    if (!s) throw new UserActionRefused('invalid', `No sheet named ${name}.`);
    return s;
  }

  private rect(address: string): Rect {
    const p = parseAddress(address);
    if (!p) throw new UserActionRefused('invalid', `Not a cell or range address: ${address}`);
    return p.rect;
  }

  private user<T>(label: string, fn: () => T): T {
    try {
      return this.book.run('user', label, fn);
    } catch (e) {
      if (e instanceof StandInError && e.code === 'AccessDenied') throw new UserActionRefused('protected', e.message);
      if (e instanceof StandInError) throw new UserActionRefused('invalid', e.message);
      throw e;
    }
  }

  // ------------------------------------------------------------------------------------------ actions

  /** Types into a cell and presses Enter: numbers, text, `=formulas`, as Excel parses them. */
  typeCell(sheetName: string, address: string, text: string | number): void {
    const sheet = this.sheet(sheetName);
    let rect = this.rect(address);
    const merge = this.book.mergeAt(sheet, rect.row, rect.col);
    if (merge) rect = { row: merge.row, col: merge.col, rows: 1, cols: 1 };
    const fmt = this.book.cellFormat(sheet, rect.row, rect.col);
    const input = parseInput(text, fmt.numberFormat);
    this.checkValidation(sheet, rect, input.value);
    this.user(`Typing '${text}' in ${a1(rect.row, rect.col)}`, () =>
      this.book.writeCells(sheet, { ...rect, rows: 1, cols: 1 }, () => input, 'user', 'typeCell'),
    );
  }

  private checkValidation(sheet: SheetState, rect: Rect, value: unknown): void {
    const v = sheet.validations.find(
      (x) =>
        x.rect &&
        rect.row >= x.rect.row &&
        rect.row < x.rect.row + x.rect.rows &&
        rect.col >= x.rect.col &&
        rect.col < x.rect.col + x.rect.cols,
    );
    if (v && v.errorAlert.showAlert && v.errorAlert.style === 'Stop' && !passes(v, value)) {
      throw new UserActionRefused(
        'validation',
        v.errorAlert.message || 'This value doesn’t match the data validation restrictions defined for this cell.',
      );
    }
  }

  /** Pastes a block of values (text is parsed as typed) with its top-left at `topLeft`. */
  paste(sheetName: string, topLeft: string, rows: (string | number | null)[][]): void {
    const sheet = this.sheet(sheetName);
    const tl = this.rect(topLeft);
    const cols = Math.max(0, ...rows.map((r) => r.length));
    if (!rows.length || !cols) return;
    const rect: Rect = { row: tl.row, col: tl.col, rows: rows.length, cols };
    this.user('Paste', () =>
      this.book.writeCells(
        sheet,
        rect,
        (i, j) => parseInput(rows[i][j] ?? '', this.book.cellFormat(sheet, rect.row + i, rect.col + j).numberFormat),
        'user',
        'paste',
      ),
    );
  }

  /** The Delete key: clears contents, keeps formats. */
  clear(sheetName: string, range: string): void {
    const sheet = this.sheet(sheetName);
    const rect = this.rect(range);
    this.user('Clear', () => this.book.clear(sheet, rect, 'Contents', 'user', 'clear'));
  }

  /** Ctrl+D over `range`: its first row copied down, formulas adjusted. */
  fillDown(sheetName: string, range: string): void {
    const sheet = this.sheet(sheetName);
    const rect = this.rect(range);
    this.user('Fill Down', () => this.book.fillDown(sheet, rect, 'user', 'fillDown'));
  }

  /** Formats cells by hand (Home tab): the kind of formatting an add-in must not destroy. */
  formatCells(
    sheetName: string,
    range: string,
    f: { fill?: string | null; bold?: boolean; fontColor?: string; numberFormat?: string },
  ): void {
    const sheet = this.sheet(sheetName);
    const rect = this.rect(range);
    this.user('Format Cells', () =>
      this.book.formatCells(
        sheet,
        rect,
        (fmt) => {
          if (f.fill !== undefined) fmt.fill = f.fill ? f.fill.toUpperCase() : null;
          if (f.bold !== undefined) fmt.font.bold = f.bold;
          if (f.fontColor !== undefined) fmt.font.color = f.fontColor.toUpperCase();
          if (f.numberFormat !== undefined) fmt.numberFormat = f.numberFormat;
        },
        'formatCells',
      ),
    );
  }

  /**
   * The user adds a conditional format from the Home tab: a data bar (`DataBar`), colour scale (`ColorScale`), icon
   * set, "Highlight cells" rule (`CellValue`), or a formula rule (`Custom`, with `formula` and `fill`).
   */
  addConditionalFormat(
    sheetName: string,
    range: string,
    type: string,
    custom?: { formula: string; fill: string },
  ): void {
    const sheet = this.sheet(sheetName);
    const rect = this.rect(range);
    this.user('Conditional Formatting', () => {
      const cf = this.book.addConditionalFormat(sheet, [rect], type, 'addConditionalFormat');
      if (custom) {
        this.book.updateConditionalFormat(
          sheet,
          cf,
          {
            formula: custom.formula.startsWith('=') ? custom.formula : `=${custom.formula}`,
            fill: custom.fill.toUpperCase(),
          },
          'addConditionalFormat',
        );
      }
    });
  }

  /** Ctrl+Z. Returns false when there is nothing to undo. */
  undo(): boolean {
    return this.book.undo();
  }

  get undoDepth(): number {
    return this.book.undoDepth;
  }

  /** Inserts `count` rows so that the first new row has number `atRow`. */
  insertRows(sheetName: string, atRow: number, count = 1): void {
    const sheet = this.sheet(sheetName);
    this.user('Insert Rows', () => this.book.structural(sheet, 'row', atRow - 1, count, 'user', 'insertRows'));
  }

  deleteRows(sheetName: string, fromRow: number, count = 1): void {
    const sheet = this.sheet(sheetName);
    this.user('Delete Rows', () => this.book.structural(sheet, 'row', fromRow - 1, -count, 'user', 'deleteRows'));
  }

  insertColumns(sheetName: string, atColumn: ColumnRef, count = 1): void {
    const sheet = this.sheet(sheetName);
    this.user('Insert Columns', () =>
      this.book.structural(sheet, 'col', colIndex(atColumn), count, 'user', 'insertColumns'),
    );
  }

  deleteColumns(sheetName: string, fromColumn: ColumnRef, count = 1): void {
    const sheet = this.sheet(sheetName);
    this.user('Delete Columns', () =>
      this.book.structural(sheet, 'col', colIndex(fromColumn), -count, 'user', 'deleteColumns'),
    );
  }

  /** Copy `from` and paste at `to` (a top-left cell): contents, formats and conditional formats, as Excel pastes. */
  copyPaste(sheetName: string, from: string, to: string): void {
    const sheet = this.sheet(sheetName);
    const f = this.rect(from);
    const t = this.rect(to);
    this.user('Paste', () => this.book.copyPaste(sheet, f, { row: t.row, col: t.col }, 'user', 'copyPaste'));
  }

  /** Cut `from` and paste at `to` (a top-left cell). */
  moveRange(sheetName: string, from: string, to: string): void {
    const sheet = this.sheet(sheetName);
    const f = this.rect(from);
    const t = this.rect(to);
    this.user('Move', () => this.book.moveRange(sheet, f, { row: t.row, col: t.col }, 'user', 'moveRange'));
  }

  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    this.user('Rename Sheet', () => this.book.renameSheet(sheet, to));
  }

  addSheet(name?: string): string {
    return this.user('Insert Sheet', () => this.book.addSheet(name).name);
  }

  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    this.user('Delete Sheet', () => this.book.deleteSheet(sheet));
  }

  select(sheetName: string, range: string): void {
    const sheet = this.sheet(sheetName);
    const rect = this.rect(range);
    this.book.run('user', 'Select', () => this.book.select(sheet, rect, 'user'));
  }

  /** The user clicks a sheet's tab: that sheet becomes the active one (Excel raises `onActivated`). */
  activateSheet(sheetName: string): void {
    const sheet = this.sheet(sheetName);
    this.book.run('user', 'Activate', () => this.book.activate(sheet, 'user'));
  }

  /** Ctrl+click: several areas selected at once (the first holds the active cell). */
  selectAreas(sheetName: string, ranges: string[]): void {
    const sheet = this.sheet(sheetName);
    const [first, ...more] = ranges.map((r) => this.rect(r));
    if (!first) throw new UserActionRefused('invalid', 'Nothing to select.');
    this.book.run('user', 'Select', () => this.book.select(sheet, first, 'user', more));
  }

  protectSheet(sheetName: string, options?: Partial<ProtectionOptions>, password?: string): void {
    const sheet = this.sheet(sheetName);
    this.user('Protect Sheet', () => this.book.protect(sheet, options, password, 'user', 'protectSheet'));
  }

  unprotectSheet(sheetName: string, password?: string): void {
    const sheet = this.sheet(sheetName);
    this.user('Unprotect Sheet', () => this.book.unprotect(sheet, password, 'user', 'unprotectSheet'));
  }

  // ------------------------------------------------------------------------------------------ inspectors

  sheets(): string[] {
    return this.book.state.sheets.map((s) => s.name);
  }

  activeSheet(): string {
    return this.book.activeSheet.name;
  }

  selection(): string {
    const s = this.book.activeSheet;
    return qualified(s.name, s.selection);
  }

  cell(sheetName: string, address: string): CellInfo {
    const sheet = this.sheet(sheetName);
    const r = this.rect(address);
    return this.cellInfo(sheet, r.row, r.col, this.paintMap(sheet));
  }

  private paintMap(sheet: SheetState): Map<string, PaintedCell> {
    return new Map(this.book.painted(sheet).map((p) => [p.address, p]));
  }

  private cellInfo(sheet: SheetState, row: number, col: number, painted: Map<string, PaintedCell>): CellInfo {
    const c = this.book.cell(sheet, row, col);
    const merge = this.book.mergeAt(sheet, row, col);
    const hidden = merge !== null && (merge.row !== row || merge.col !== col);
    const value = hidden ? null : this.book.cellValue(sheet, row, col);
    const f = this.book.cellFormat(sheet, row, col);
    const address = a1(row, col);
    return {
      address,
      value: apiValue(value),
      valueType: valueType(value),
      formula: hidden ? '' : (c?.formula ?? apiValue(value)),
      text: displayText(value, f.numberFormat),
      numberFormat: f.numberFormat,
      fill: f.fill,
      font: { name: f.font.name, size: f.font.size, bold: f.font.bold, italic: f.font.italic, color: f.font.color },
      borders: {
        top: f.borders.EdgeTop?.style ?? 'None',
        bottom: f.borders.EdgeBottom?.style ?? 'None',
        left: f.borders.EdgeLeft?.style ?? 'None',
        right: f.borders.EdgeRight?.style ?? 'None',
      },
      horizontalAlignment: f.horizontalAlignment,
      wrapText: f.wrapText,
      locked: f.locked,
      mergedArea: merge ? rectA1(merge) : null,
      conditionalFill: painted.get(address)?.fill ?? null,
      conditionalFont: conditionalFontOf(painted.get(address)),
    };
  }

  /** Values of a range as Office's `values` gives them. */
  values(sheetName: string, range: string): (string | number | boolean)[][] {
    const sheet = this.sheet(sheetName);
    const r = this.rect(range);
    return Array.from({ length: r.rows }, (_, i) =>
      Array.from({ length: r.cols }, (_, j) => apiValue(this.book.cellValue(sheet, r.row + i, r.col + j))),
    );
  }

  /** Which cells the sheet's conditional formats paint now, with the colours shown. */
  paintedByConditionalFormats(sheetName: string): PaintedCell[] {
    return this.book.painted(this.sheet(sheetName));
  }

  usedRange(sheetName: string): string | null {
    const r = this.book.usedRect(this.sheet(sheetName), true);
    return r ? rectA1(r) : null;
  }

  names(): { name: string; formula: string; scope: string | null; comment: string }[] {
    return this.book.state.names.map((n) => ({
      name: n.name,
      formula: n.formula,
      scope: n.scope ? (this.book.sheetByIdOrNull(n.scope)?.name ?? null) : null,
      comment: n.comment,
    }));
  }

  settings(): Record<string, unknown> {
    return Object.fromEntries([...this.book.state.settings].map(([k, v]) => [k, JSON.parse(v)]));
  }

  conditionalFormats(
    sheetName: string,
  ): { ranges: string[]; formula: string | null; fill: string | null; fontColor: string | null; type: string }[] {
    return this.sheet(sheetName).conditionalFormats.map((cf) => ({
      type: cf.type,
      ranges: cf.rects.map(rectA1),
      formula: cf.formula,
      fill: cf.fill,
      fontColor: cf.fontColor,
    }));
  }

  protection(sheetName: string): { protected: boolean; options: ProtectionOptions } {
    const p = this.sheet(sheetName).protection;
    return { protected: p.protected, options: { ...p.options } };
  }

  columnWidth(sheetName: string, column: ColumnRef): number {
    return this.sheet(sheetName).colWidths.get(colIndex(column)) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(sheetName: string, row: number): number {
    return this.sheet(sheetName).rowHeights.get(row - 1) ?? DEFAULT_ROW_HEIGHT;
  }

  /** Everything a grid needs to draw the used part of a sheet (at least `minRows` × `minCols`). */
  view(sheetName: string, minRows = 20, minCols = 8): SheetView {
    const sheet = this.sheet(sheetName);
    const used = this.book.usedRect(sheet);
    const rows = Math.max(minRows, used ? used.row + used.rows : 0);
    const cols = Math.max(minCols, used ? used.col + used.cols : 0);
    const painted = this.paintMap(sheet);
    return {
      name: sheet.name,
      rows,
      cols,
      columnWidths: Array.from({ length: cols }, (_, c) => sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH),
      rowHeights: Array.from({ length: rows }, (_, r) => sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT),
      merges: sheet.merges.map(rectA1),
      cells: Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => this.cellInfo(sheet, r, c, painted)),
      ),
      selection: rectA1(sheet.selection),
      frozen: { ...sheet.frozen },
      protected: sheet.protection.protected,
    };
  }

  // ------------------------------------------------------------------------------------------ harness

  /** The add-in's round trips: ProcessQuery requests office.js sent for its `context.sync()` calls. */
  get syncCount(): number {
    return this.book.syncCount;
  }

  /** Every ProcessQuery request, office.js's end-of-run `_RemoveReference` cleanup included. */
  get requestCount(): number {
    return this.hooks.host().requestCount;
  }

  resetSyncCount(): void {
    this.book.syncCount = 0;
    this.hooks.host().requestCount = 0;
  }

  /** Called after every change (by the user or an add-in) and selection move: the playground redraws. */
  onRender(listener: () => void): () => void {
    const off = this.book.onRender(listener);
    return () => void off();
  }

  /** Waits until every event raised so far was delivered and the add-in's handlers (office.js calls them) finished. */
  settle(): Promise<void> {
    return this.hooks.settle();
  }

  /**
   * The user starts typing in a cell (the playground's grid while its editor is open). Until `leaveCellEditMode`,
   * Excel refuses every add-in batch with `InvalidOperationInCellEditMode`, unless the batch was started with
   * `Excel.run({ delayForCellEdit: true }, …)`, which Excel holds until the edit ends:
   * https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member
   */
  enterCellEditMode(): void {
    this.hooks.host().enterCellEditMode();
  }

  leaveCellEditMode(): void {
    this.hooks.host().leaveCellEditMode();
  }

  get inCellEditMode(): boolean {
    return this.hooks.host().inCellEditMode;
  }

  /**
   * A co-author types into the same workbook from another copy. Excel raises onChanged here with
   * `source: "Remote"` (https://learn.microsoft.com/javascript/api/excel/excel.eventsource), and the change is not
   * on this user's undo stack.
   */
  coauthorTypeCell(sheetName: string, address: string, text: string | number): void {
    const sheet = this.sheet(sheetName);
    const rect = this.rect(address);
    const fmt = this.book.cellFormat(sheet, rect.row, rect.col);
    const input = parseInput(text, fmt.numberFormat);
    this.book.run('remote', `Co-author typing '${text}'`, () =>
      this.book.writeCells(sheet, { ...rect, rows: 1, cols: 1 }, () => input, 'remote', 'coauthorTypeCell'),
    );
  }

  /** Errors thrown by add-in event handlers (Excel swallows them). */
  get handlerErrors(): readonly unknown[] {
    return this.book.handlerErrors;
  }
}

function colIndex(c: ColumnRef): number {
  if (typeof c === 'number') return c - 1;
  const r = parseRef(`${c}1`);
  if (!r) throw new UserActionRefused('invalid', `Not a column: ${c}`);
  return columnIndex(c);
}

function conditionalFontOf(p: PaintedCell | undefined): CellInfo['conditionalFont'] {
  if (!p || (p.fontColor === null && p.bold === null)) return null;
  return { color: p.fontColor, bold: p.bold };
}
