/**
 * The workbook engine behind both faces of the stand-in: the Office.js object model (`api/`) and the user
 * simulation (`app.ts`). Every change goes through here, so protection, merges, recalculation, change events
 * and undo behave the same whoever makes the change.
 */
import type { Rect } from '../src/model/a1';
import {
  cellsOf,
  contains,
  intersect,
  MAX_COLS,
  MAX_ROWS,
  overlaps,
  qualified,
  quoteSheet,
  rectA1,
  sameRect,
  shiftFormula,
  listRefs,
  mapRefs,
  subtractRect,
} from '../src/model/a1';
import { Calculator, key } from './calc';
import { accessDenied, invalidArgument, invalidOperation, itemNotFound, StandInError } from './errors';
import type { StructuralEdit } from './structural';
import { adjustRect, applyStructural, renameSheetInFormula } from './structural';
import type {
  Cell,
  CellFormat,
  ConditionalFormatState,
  NamedItemState,
  ProtectionOptions,
  Scalar,
  SheetState,
  WorkbookState,
} from './state';
import { cloneState, copyFormat, defaultFormat, isBlank, isErrorValue, newSheet } from './state';
import type { ParsedInput } from './values';
import { valueType } from './values';
import { nextTask } from './tasks';

/** Who changed the workbook: the add-in (API), the user here, or a co-author in another copy of the file. */
type Origin = 'api' | 'user' | 'remote';

type ChangeType =
  'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted' | 'ColumnDeleted' | 'CellInserted' | 'CellDeleted';

interface ChangeDetails {
  valueBefore: string | number | boolean;
  valueAfter: string | number | boolean;
  valueTypeBefore: string;
  valueTypeAfter: string;
}

export interface RawChange {
  sheetId: string;
  rect: Rect;
  changeType: ChangeType;
  origin: Origin;
  details?: ChangeDetails;
  /** Single-cell edits: the value before, filled in when the change is recorded. */
  before?: Scalar;
}

export interface RawSelection {
  sheetId: string;
  rect: Rect;
  origin: Origin;
  /** The selection moved to another sheet: that sheet was activated (`WorksheetCollection.onActivated`). */
  activated?: boolean;
}

export interface PaintedCell {
  address: string;
  row: number;
  col: number;
  /** Indexes (priorities) of the conditional formats whose formula is true here, highest priority first. */
  formats: number[];
  /** What the cell shows: the fill and font colour of the highest-priority format that sets them. */
  fill: string | null;
  fontColor: string | null;
  /** Bold from the highest-priority format that sets it (ConditionalRangeFont.bold). */
  bold: boolean | null;
}

type ChangeListener = (ev: RawChange) => unknown;
type SelectionListener = (ev: RawSelection) => unknown;

interface Transaction {
  origin: Origin;
  label: string;
  snapshot: WorkbookState | null;
  changes: RawChange[];
  selections: RawSelection[];
  depth: number;
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

function cloneFormat(f: CellFormat): CellFormat {
  return { ...f, font: { ...f.font }, borders: { ...f.borders } };
}

export class Book {
  state: WorkbookState;
  syncCount = 0;
  /** Minor version of the ExcelApi requirement set the simulated host supports (12 for ExcelApi 1.12). */
  apiVersion = 12;
  /** Errors thrown by event handlers: Excel swallows them, tests want to see them. */
  readonly handlerErrors: unknown[] = [];
  private calc: Calculator;
  private dirty = true;
  private undoStack: { snapshot: WorkbookState; label: string; structural: RawChange[] }[] = [];
  private tx: Transaction | null = null;
  private changeListeners = new Set<ChangeListener>();
  private selectionListeners = new Set<SelectionListener>();
  private renderListeners = new Set<() => void>();
  private queue: Promise<void> = Promise.resolve();
  /** Bumped on every change, so results computed from the state can be cached until it changes. */
  private version = 0;

  /** Changes so far (any kind, undo included): tells whether a request changed the workbook. */
  get changeCount(): number {
    return this.version;
  }
  private paintCache = new Map<string, { version: number; cells: PaintedCell[] }>();

  constructor(sheetNames: string[] = ['Sheet1']) {
    this.state = { sheets: [], names: [], settings: new Map(), activeSheetId: '', nextId: 1 };
    for (const n of sheetNames) this.state.sheets.push(newSheet(this.newId(), n));
    this.state.activeSheetId = this.state.sheets[0]?.id ?? '';
    this.calc = this.makeCalculator();
  }

  private makeCalculator(): Calculator {
    return new Calculator(this.state, (name, here) => this.resolveName(name, here.id));
  }

  private newId(): string {
    return `{${String(this.state.nextId++).padStart(8, '0')}-0000-4000-8000-000000000000}`;
  }

  // ---------------------------------------------------------------- transactions, events, undo

  /** Runs `fn` as one undoable step; nested calls join the outer one. */
  run<T>(origin: Origin, label: string, fn: () => T): T {
    if (this.tx) {
      this.tx.depth++;
      try {
        return fn();
      } finally {
        this.tx.depth--;
      }
    }
    const tx: Transaction = { origin, label, snapshot: null, changes: [], selections: [], depth: 0 };
    this.tx = tx;
    try {
      return fn();
    } finally {
      this.tx = null;
      this.finish(tx);
    }
  }

  private finish(tx: Transaction): void {
    // A co-author's change is not on this user's undo stack.
    if (tx.snapshot && tx.origin !== 'remote') {
      const structural = tx.changes.filter((c) => c.changeType !== 'RangeEdited').map((c) => ({ ...c }));
      this.undoStack.push({ snapshot: tx.snapshot, label: tx.label, structural });
    }
    if (this.undoStack.length > 100) this.undoStack.shift();
    this.recalculate();
    for (const c of tx.changes) {
      if (c.before === undefined) continue;
      const sheet = this.sheetByIdOrNull(c.sheetId);
      const after = sheet ? this.cellValue(sheet, c.rect.row, c.rect.col) : null;
      c.details = {
        valueBefore: apiOf(c.before),
        valueAfter: apiOf(after),
        valueTypeBefore: valueType(c.before),
        valueTypeAfter: valueType(after),
      };
      delete c.before;
    }
    if (tx.changes.length || tx.selections.length) this.dispatch(tx.changes, tx.selections);
    if (tx.snapshot || tx.selections.length) for (const l of this.renderListeners) l();
  }

  /** Call before changing state: remembers the workbook as it was, for undo. */
  private touch(): void {
    if (!this.tx) throw new Error('stand-in: state changed outside a transaction');
    if (!this.tx.snapshot) this.tx.snapshot = cloneState(this.state);
    this.dirty = true;
    this.version++;
  }

  private recordChange(change: RawChange): void {
    this.tx?.changes.push(change);
  }

  private dispatch(changes: RawChange[], selections: RawSelection[]): void {
    // Excel raises events after the action that caused them has returned.
    this.queue = this.queue.then(nextTask).then(async () => {
      const pending: unknown[] = [];
      for (const c of changes) for (const l of [...this.changeListeners]) pending.push(this.call(() => l(c)));
      for (const s of selections) for (const l of [...this.selectionListeners]) pending.push(this.call(() => l(s)));
      await Promise.all(pending);
    });
  }

  private async call(fn: () => unknown): Promise<void> {
    try {
      await fn();
    } catch (e) {
      this.handlerErrors.push(e);
    }
  }

  /** Resolves once every queued event has been delivered and its handlers have settled. */
  async settle(): Promise<void> {
    for (;;) {
      const q = this.queue;
      await q;
      await nextTask();
      if (q === this.queue) return;
    }
  }

  onChange(l: ChangeListener): () => void {
    this.changeListeners.add(l);
    return () => this.changeListeners.delete(l);
  }

  onSelection(l: SelectionListener): () => void {
    this.selectionListeners.add(l);
    return () => this.selectionListeners.delete(l);
  }

  onRender(l: () => void): () => void {
    this.renderListeners.add(l);
    return () => this.renderListeners.delete(l);
  }

  get undoDepth(): number {
    return this.undoStack.length;
  }

  clearUndo(): void {
    this.undoStack = [];
  }

  /** Reverts the last user action or API batch; returns false when there is nothing to undo. */
  undo(): boolean {
    const step = this.undoStack.pop();
    if (!step) return false;
    const before = this.state;
    this.state = step.snapshot;
    this.calc.rebase(this.state);
    this.dirty = true;
    this.version++;
    this.recalculate();
    const changes: RawChange[] = [];
    for (const sheet of this.state.sheets) {
      const old = before.sheets.find((s) => s.id === sheet.id);
      const rect = old ? diffRect(old, sheet) : null;
      if (rect) changes.push({ sheetId: sheet.id, rect, changeType: 'RangeEdited', origin: 'user' });
    }
    // Undoing a row or column insert or delete is the opposite structural change, and Excel reports it as one:
    // a table that grows back (its name restored) must not pass for an edit beside it.
    const reverse: Record<string, ChangeType> = {
      RowInserted: 'RowDeleted',
      RowDeleted: 'RowInserted',
      ColumnInserted: 'ColumnDeleted',
      ColumnDeleted: 'ColumnInserted',
    };
    for (const c of [...step.structural].reverse()) {
      const changeType = reverse[c.changeType];
      if (changeType && this.sheetByIdOrNull(c.sheetId)) changes.push({ ...c, changeType, origin: 'user' });
    }
    if (changes.length) this.dispatch(changes, []);
    for (const l of this.renderListeners) l();
    return true;
  }

  // ---------------------------------------------------------------- reading

  recalculate(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.calc.recalculateAll();
  }

  sheetByIdOrNull(id: string): SheetState | null {
    return this.state.sheets.find((s) => s.id === id) ?? null;
  }

  sheetById(id: string, where = 'Worksheet'): SheetState {
    const s = this.sheetByIdOrNull(id);
    if (!s) throw itemNotFound(where);
    return s;
  }

  sheetByNameOrNull(name: string): SheetState | null {
    const lower = name.toLowerCase();
    return this.state.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  /** By name or id, as `worksheets.getItem` accepts either. */
  findSheet(nameOrId: string): SheetState | null {
    return this.sheetByNameOrNull(nameOrId) ?? this.sheetByIdOrNull(nameOrId);
  }

  get activeSheet(): SheetState {
    return this.sheetByIdOrNull(this.state.activeSheetId) ?? this.state.sheets[0];
  }

  cell(sheet: SheetState, row: number, col: number): Cell | undefined {
    return sheet.cells.get(key(row, col));
  }

  cellValue(sheet: SheetState, row: number, col: number): Scalar {
    // A constant needs no recalculation: keeps a run of single-cell writes linear.
    const c = sheet.cells.get(key(row, col));
    if (!c || c.formula === null) return c?.value ?? null;
    this.recalculate();
    return sheet.cells.get(key(row, col))?.value ?? null;
  }

  cellFormat(sheet: SheetState, row: number, col: number): CellFormat {
    return sheet.cells.get(key(row, col))?.fmt ?? defaultFormat();
  }

  mergeAt(sheet: SheetState, row: number, col: number): Rect | null {
    return sheet.merges.find((m) => contains(m, row, col)) ?? null;
  }

  /** Smallest rectangle holding every non-blank cell; null for an empty sheet. */
  usedRect(sheet: SheetState, valuesOnly = false): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, c] of sheet.cells) {
      if (valuesOnly && isBlank(c)) continue;
      if (!valuesOnly && isBlank(c) && isDefaultFormat(c.fmt)) continue;
      const r = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, col);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, col);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  evaluateAt(sheet: SheetState, formula: string, row: number, col: number): Scalar {
    this.recalculate();
    return this.calc.evaluate(sheet, formula, row, col);
  }

  /** The rectangle a workbook or sheet-scoped name refers to, when it refers to one. */
  resolveName(
    name: string,
    hereSheetId?: string,
  ): { sheet: SheetState; row: number; col: number; rows: number; cols: number } | null {
    const lower = name.toLowerCase();
    const item =
      this.state.names.find((n) => n.name.toLowerCase() === lower && n.scope === (hereSheetId ?? null)) ??
      this.state.names.find((n) => n.name.toLowerCase() === lower && n.scope === null);
    if (!item) return null;
    const refs = listRefs(item.formula);
    if (refs.length !== 1) return null;
    const ref = refs[0];
    const sheet =
      ref.sheet !== undefined
        ? this.sheetByNameOrNull(ref.sheet)
        : item.scope
          ? this.sheetByIdOrNull(item.scope)
          : null;
    if (!sheet || ref.kind === 'cols' || ref.kind === 'rows') return null;
    const row = Math.min(ref.start.row, ref.end.row);
    const col = Math.min(ref.start.col, ref.end.col);
    return {
      sheet,
      row,
      col,
      rows: Math.abs(ref.end.row - ref.start.row) + 1,
      cols: Math.abs(ref.end.col - ref.start.col) + 1,
    };
  }

  /** Which cells each conditional format paints now, by evaluating its formula at every cell of its ranges. */
  painted(sheet: SheetState): PaintedCell[] {
    const cached = this.paintCache.get(sheet.id);
    if (cached && cached.version === this.version) return cached.cells.map((p) => ({ ...p, formats: [...p.formats] }));
    const cells = this.computePainted(sheet);
    this.paintCache.set(sheet.id, { version: this.version, cells });
    return cells.map((p) => ({ ...p, formats: [...p.formats] }));
  }

  private computePainted(sheet: SheetState): PaintedCell[] {
    this.recalculate();
    const byCell = new Map<number, PaintedCell>();
    sheet.conditionalFormats.forEach((cf, index) => {
      if (cf.type !== 'Custom' || !cf.formula || !cf.rects.length) return;
      const anchor = cf.rects[0];
      for (const rect of cf.rects) {
        for (const [r, c] of cellsOf(rect)) {
          const f = shiftFormula(cf.formula, r - anchor.row, c - anchor.col);
          const v = this.calc.evaluate(sheet, f, r, c);
          const on = v === true || (typeof v === 'number' && v !== 0);
          if (!on) continue;
          const k = key(r, c);
          let p = byCell.get(k);
          if (!p)
            byCell.set(
              k,
              (p = {
                address: rectA1({ row: r, col: c, rows: 1, cols: 1 }),
                row: r,
                col: c,
                formats: [],
                fill: null,
                fontColor: null,
                bold: null,
              }),
            );
          p.formats.push(index);
          if (p.fill === null && cf.fill) p.fill = cf.fill;
          if (p.fontColor === null && cf.fontColor) p.fontColor = cf.fontColor;
          if (p.bold === null && cf.bold !== null) p.bold = cf.bold;
        }
      }
    });
    return [...byCell.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  }

  // ---------------------------------------------------------------- protection

  private checkContent(sheet: SheetState, rect: Rect, where: string): void {
    if (!sheet.protection.protected) return;
    for (const [r, c] of cellsOf(clampToUsed(this, sheet, rect))) {
      if (this.cellFormat(sheet, r, c).locked) throw accessDenied(where);
    }
    // A whole-row/column write also covers blank locked cells outside the used range.
    if (rect.rows * rect.cols > 1_000_000) throw accessDenied(where);
  }

  private checkAllowed(sheet: SheetState, option: keyof ProtectionOptions | null, where: string): void {
    if (!sheet.protection.protected) return;
    if (option && sheet.protection.options[option] === true) return;
    throw accessDenied(where);
  }

  /**
   * Whether Excel lets an add-in add, change or delete conditional formats on a sheet protected with
   * `allowFormatCells`. Microsoft's documentation does not say
   * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions#excel-excel-worksheetprotectionoptions-allowformatcells-member
   * speaks of formatting cells only), so the stand-in plays both: `true` refuses them with AccessDenied.
   */
  refuseConditionalFormatsWhenProtected = false;

  private checkConditionalFormats(sheet: SheetState, where: string): void {
    if (this.refuseConditionalFormatsWhenProtected && sheet.protection.protected) throw accessDenied(where);
    this.checkAllowed(sheet, 'allowFormatCells', where);
  }

  // ---------------------------------------------------------------- content

  /**
   * Writes cell contents. `entry(i, j)` gives what goes into the cell at offset (i, j), or undefined to leave it.
   * Cells hidden under a merge take nothing, as in Excel.
   */
  writeCells(
    sheet: SheetState,
    rect: Rect,
    entry: (i: number, j: number) => ParsedInput | undefined,
    origin: Origin,
    where: string,
  ): void {
    this.checkContent(sheet, rect, where);
    const single = rect.rows === 1 && rect.cols === 1;
    const before = single ? this.cellValue(sheet, rect.row, rect.col) : undefined;
    this.touch();
    const merges = sheet.merges.filter((m) => overlaps(m, rect));
    for (let i = 0; i < rect.rows; i++) {
      for (let j = 0; j < rect.cols; j++) {
        const r = rect.row + i;
        const c = rect.col + j;
        const m = merges.length ? merges.find((x) => contains(x, r, c)) : undefined;
        if (m && (m.row !== r || m.col !== c)) continue;
        const e = entry(i, j);
        if (!e) continue;
        this.setContent(sheet, r, c, e);
      }
    }
    this.recordChange({ sheetId: sheet.id, rect, changeType: 'RangeEdited', origin, ...(single ? { before } : {}) });
  }

  private setContent(sheet: SheetState, r: number, c: number, e: ParsedInput): void {
    const k = key(r, c);
    const cell = sheet.cells.get(k);
    if (cell) {
      sheet.cells.set(k, { formula: e.formula, value: e.value, fmt: cell.fmt });
    } else if (e.formula !== null || e.value !== null) {
      sheet.cells.set(k, { formula: e.formula, value: e.value, fmt: defaultFormat() });
    }
  }

  /** `applyTo`: All, Formats, Contents (Office's ClearApplyTo; Hyperlinks and RemoveHyperlinks act as Contents). */
  clear(sheet: SheetState, rect: Rect, applyTo: string, origin: Origin, where: string): void {
    const contents = applyTo !== 'Formats';
    const formats = applyTo === 'All' || applyTo === 'Formats';
    if (contents) this.checkContent(sheet, rect, where);
    if (formats) this.checkAllowed(sheet, 'allowFormatCells', where);
    const single = rect.rows === 1 && rect.cols === 1;
    const before = single ? this.cellValue(sheet, rect.row, rect.col) : undefined;
    this.touch();
    for (const [k, cell] of [...sheet.cells]) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (!contains(rect, r, c)) continue;
      const next: Cell = contents ? { formula: null, value: null, fmt: cell.fmt } : { ...cell };
      if (formats) {
        next.fmt = defaultFormat();
        // Clearing formats resets number format and styles; Excel keeps the protection flag of a cell.
        next.fmt.locked = cell.fmt.locked;
      }
      if (next.formula === null && next.value === null && isDefaultFormat(next.fmt)) sheet.cells.delete(k);
      else sheet.cells.set(k, next);
    }
    if (formats) {
      sheet.merges = sheet.merges.filter((m) => !overlaps(m, rect));
      this.removeConditionalFormats(sheet, rect);
    }
    if (contents)
      this.recordChange({ sheetId: sheet.id, rect, changeType: 'RangeEdited', origin, ...(single ? { before } : {}) });
  }

  // ---------------------------------------------------------------- formats

  /** Applies `fn` to the format of every cell of `rect` (existing cells only for whole rows/columns). */
  formatCells(
    sheet: SheetState,
    rect: Rect,
    fn: (f: CellFormat, r: number, c: number) => void,
    where: string,
    option: keyof ProtectionOptions = 'allowFormatCells',
  ): void {
    this.checkAllowed(sheet, option, where);
    this.formatCellsUnchecked(sheet, rect, fn);
  }

  /** For `protection.locked`, which Excel lets an add-in set only on an unprotected sheet. */
  setLocked(sheet: SheetState, rect: Rect, locked: boolean, where: string): void {
    if (sheet.protection.protected) throw accessDenied(where);
    this.formatCellsUnchecked(sheet, rect, (f) => (f.locked = locked));
  }

  private formatCellsUnchecked(sheet: SheetState, rect: Rect, fn: (f: CellFormat, r: number, c: number) => void): void {
    this.touch();
    if (rect.rows * rect.cols > 200_000) {
      for (const [k, cell] of sheet.cells) {
        const r = Math.floor(k / MAX_COLS);
        const c = k % MAX_COLS;
        if (!contains(rect, r, c)) continue;
        const fmt = copyFormat(cell.fmt);
        sheet.cells.set(k, { formula: cell.formula, value: cell.value, fmt });
        fn(fmt, r, c);
      }
      return;
    }
    for (const [r, c] of cellsOf(rect)) {
      const k = key(r, c);
      const cell = sheet.cells.get(k);
      // Cells and formats are shared with the undo snapshots (see cloneState): replaced, never changed.
      const fmt = cell ? copyFormat(cell.fmt) : defaultFormat();
      sheet.cells.set(k, { formula: cell?.formula ?? null, value: cell?.value ?? null, fmt });
      fn(fmt, r, c);
    }
  }

  setColumnWidth(sheet: SheetState, rect: Rect, width: number, where: string): void {
    this.checkAllowed(sheet, 'allowFormatColumns', where);
    if (!(width >= 0)) throw invalidArgument(where);
    this.touch();
    for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.colWidths.set(c, width);
  }

  setRowHeight(sheet: SheetState, rect: Rect, height: number, where: string): void {
    this.checkAllowed(sheet, 'allowFormatRows', where);
    if (!(height >= 0)) throw invalidArgument(where);
    this.touch();
    const rows = Math.min(rect.rows, MAX_ROWS);
    for (let r = rect.row; r < rect.row + rows && r - rect.row < 100_000; r++) sheet.rowHeights.set(r, height);
  }

  merge(sheet: SheetState, rect: Rect, across: boolean, where: string): void {
    if (sheet.protection.protected) throw accessDenied(where);
    const parts: Rect[] = across
      ? Array.from({ length: rect.rows }, (_, i) => ({ row: rect.row + i, col: rect.col, rows: 1, cols: rect.cols }))
      : [rect];
    this.touch();
    sheet.merges = sheet.merges.filter((m) => !overlaps(m, rect));
    let cleared = false;
    for (const p of parts) {
      if (p.rows === 1 && p.cols === 1) continue;
      // Excel keeps the upper-left value only.
      for (const [r, c] of cellsOf(p)) {
        if (r === p.row && c === p.col) continue;
        const cell = sheet.cells.get(key(r, c));
        if (cell && !isBlank(cell)) {
          sheet.cells.set(key(r, c), { formula: null, value: null, fmt: cell.fmt });
          cleared = true;
        }
      }
      sheet.merges.push(p);
    }
    if (cleared) this.recordChange({ sheetId: sheet.id, rect, changeType: 'RangeEdited', origin: this.tx!.origin });
  }

  unmerge(sheet: SheetState, rect: Rect, where: string): void {
    if (sheet.protection.protected) throw accessDenied(where);
    this.touch();
    sheet.merges = sheet.merges.filter((m) => !overlaps(m, rect));
  }

  // ---------------------------------------------------------------- structure

  /** Inserts (count > 0) or deletes (count < 0) whole rows or columns, rewriting every reference like Excel. */
  structural(sheet: SheetState, axis: 'row' | 'col', at: number, count: number, origin: Origin, where: string): void {
    const option: keyof ProtectionOptions =
      axis === 'row'
        ? count > 0
          ? 'allowInsertRows'
          : 'allowDeleteRows'
        : count > 0
          ? 'allowInsertColumns'
          : 'allowDeleteColumns';
    this.checkAllowed(sheet, option, where);
    if (count === 0) return;
    if (count > 0) {
      const used = this.usedRect(sheet);
      const lastUsed = used ? (axis === 'row' ? used.row + used.rows : used.col + used.cols) : 0;
      const limit = axis === 'row' ? MAX_ROWS : MAX_COLS;
      if (lastUsed + count > limit && lastUsed > at) {
        throw invalidOperation(
          where,
          "To prevent possible loss of data, Excel can't shift nonblank cells off of the worksheet.",
        );
      }
    }
    this.touch();
    const edit: StructuralEdit = { sheet: sheet.name, axis, at, count };
    const moved = new Map<number, Cell>();
    const n = Math.abs(count);
    for (const [k, cell] of sheet.cells) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      const pos = axis === 'row' ? r : c;
      let np = pos;
      if (count > 0) np = pos >= at ? pos + n : pos;
      else if (pos >= at && pos < at + n) continue;
      else if (pos >= at + n) np = pos - n;
      moved.set(axis === 'row' ? key(np, c) : key(r, np), cell);
    }
    // New rows/columns take the format of the one before them ("Format Same As Above").
    if (count > 0 && at > 0) {
      for (const [k, cell] of sheet.cells) {
        const r = Math.floor(k / MAX_COLS);
        const c = k % MAX_COLS;
        if ((axis === 'row' ? r : c) !== at - 1 || isDefaultFormat(cell.fmt)) continue;
        for (let i = 0; i < n; i++) {
          const nk = axis === 'row' ? key(at + i, c) : key(r, at + i);
          moved.set(nk, { formula: null, value: null, fmt: cloneFormat(cell.fmt) });
        }
      }
    }
    sheet.cells = moved;
    for (const s of this.state.sheets) rewriteFormulas(s, (f) => applyStructural(f, s.name, edit));
    for (const nm of this.state.names) {
      const scopeName = nm.scope ? (this.sheetByIdOrNull(nm.scope)?.name ?? '') : '';
      nm.formula = applyStructural(nm.formula, scopeName, edit);
    }
    sheet.merges = sheet.merges.map((m) => adjustRect(m, edit)).filter((m): m is Rect => m !== null);
    for (const cf of sheet.conditionalFormats) {
      if (cf.formula !== null) cf.formula = applyStructural(cf.formula, sheet.name, edit);
      cf.rects = cf.rects.map((r) => adjustRect(r, edit)).filter((r): r is Rect => r !== null);
    }
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.rects.length > 0);
    sheet.validations = sheet.validations
      .map((v) => {
        const rect = adjustRect(v.rect, edit);
        return rect ? { ...v, rect } : null;
      })
      .filter((v): v is NonNullable<typeof v> => v !== null);
    const sizes = axis === 'row' ? sheet.rowHeights : sheet.colWidths;
    const shifted = new Map<number, number>();
    for (const [i, size] of sizes) {
      if (count > 0) shifted.set(i >= at ? i + n : i, size);
      else if (i < at) shifted.set(i, size);
      else if (i >= at + n) shifted.set(i - n, size);
    }
    if (count > 0 && at > 0 && sizes.has(at - 1)) for (let i = 0; i < n; i++) shifted.set(at + i, sizes.get(at - 1)!);
    if (axis === 'row') sheet.rowHeights = shifted;
    else sheet.colWidths = shifted;
    sheet.selection = adjustRect(sheet.selection, edit) ?? { row: at, col: 0, rows: 1, cols: 1 };
    const rect: Rect =
      axis === 'row' ? { row: at, col: 0, rows: n, cols: MAX_COLS } : { row: 0, col: at, rows: MAX_ROWS, cols: n };
    const changeType: ChangeType =
      axis === 'row' ? (count > 0 ? 'RowInserted' : 'RowDeleted') : count > 0 ? 'ColumnInserted' : 'ColumnDeleted';
    this.recordChange({ sheetId: sheet.id, rect, changeType, origin });
  }

  /**
   * Copies the top row of `rect` into the rows below, shifting relative references as Excel's fill-down does.
   */
  fillDown(sheet: SheetState, rect: Rect, origin: Origin, where: string): void {
    const target: Rect = { ...rect, row: rect.row + 1, rows: rect.rows - 1 };
    if (target.rows < 1) return;
    this.checkContent(sheet, target, where);
    this.touch();
    for (let j = 0; j < rect.cols; j++) {
      const src = this.cell(sheet, rect.row, rect.col + j);
      for (let i = 1; i < rect.rows; i++) {
        const r = rect.row + i;
        const c = rect.col + j;
        const formula = src?.formula ? shiftFormula(src.formula, i, 0) : null;
        const value = formula ? null : (src?.value ?? null);
        this.setContent(sheet, r, c, { formula, value });
        const dst = sheet.cells.get(key(r, c));
        if (dst && src)
          sheet.cells.set(key(r, c), { formula: dst.formula, value: dst.value, fmt: cloneFormat(src.fmt) });
      }
    }
    this.recordChange({ sheetId: sheet.id, rect: target, changeType: 'RangeEdited', origin });
  }

  /**
   * Copy and paste (Ctrl+C, Ctrl+V; also what the fill handle does cell by cell): contents with relative references
   * shifted, each cell's format (fill, font, borders, number format, locked flag) and the conditional formats on the
   * copied cells, which Excel pastes as new rules on the destination, relative references shifted and absolute ones
   * kept (https://support.microsoft.com/office/copy-and-paste-specific-cell-contents-9d1b4d4f-e5e5-4b0e-a2c1-cb5b0d19e0b7:
   * "Paste All: all cell contents and formatting, including linked data"; conditional formatting is part of the
   * formatting). The add-in's own highlights are copied with the rest.
   */
  copyPaste(sheet: SheetState, from: Rect, to: { row: number; col: number }, origin: Origin, where: string): void {
    const dest: Rect = { row: to.row, col: to.col, rows: from.rows, cols: from.cols };
    this.checkContent(sheet, dest, where);
    if (sheet.protection.protected && !sheet.protection.options.allowFormatCells) throw accessDenied(where);
    this.touch();
    const dr = dest.row - from.row;
    const dc = dest.col - from.col;
    const copied: [number, number, Cell | undefined][] = [];
    for (const [r, c] of cellsOf(from)) copied.push([r, c, sheet.cells.get(key(r, c))]);
    for (const [r, c, cell] of copied) {
      if (!cell) {
        sheet.cells.delete(key(r + dr, c + dc));
        continue;
      }
      const formula = cell.formula ? shiftFormula(cell.formula, dr, dc) : null;
      sheet.cells.set(key(r + dr, c + dc), { formula, value: formula ? null : cell.value, fmt: cell.fmt });
    }
    const rules: ConditionalFormatState[] = [];
    for (const cf of sheet.conditionalFormats) {
      const anchor = cf.rects[0];
      for (const rect of cf.rects) {
        const part = intersect(rect, from);
        if (!part || !anchor) continue;
        rules.push({
          ...cf,
          id: this.newId(),
          rects: [{ ...part, row: part.row + dr, col: part.col + dc }],
          formula: cf.formula ? shiftFormula(cf.formula, part.row - anchor.row, part.col - anchor.col) : null,
          extra: { ...cf.extra },
        });
      }
    }
    // Pasted rules take the place of the destination's own rules there, above the sheet's others.
    this.removeConditionalFormats(sheet, dest);
    sheet.conditionalFormats.unshift(...rules);
    this.recordChange({ sheetId: sheet.id, rect: dest, changeType: 'RangeEdited', origin });
  }

  /** Cut and paste: contents and formats move; references to the moved cells follow them, as in Excel. */
  moveRange(sheet: SheetState, from: Rect, to: { row: number; col: number }, origin: Origin, where: string): void {
    const dest: Rect = { row: to.row, col: to.col, rows: from.rows, cols: from.cols };
    this.checkContent(sheet, from, where);
    this.checkContent(sheet, dest, where);
    this.touch();
    const dr = dest.row - from.row;
    const dc = dest.col - from.col;
    const taken: [number, number, Cell][] = [];
    for (const [r, c] of cellsOf(from)) {
      const cell = sheet.cells.get(key(r, c));
      if (cell) taken.push([r, c, cell]);
      sheet.cells.delete(key(r, c));
    }
    for (const [r, c] of cellsOf(dest)) sheet.cells.delete(key(r, c));
    for (const [r, c, cell] of taken) sheet.cells.set(key(r + dr, c + dc), cell);
    const follow = (formula: string, formulaSheet: string) =>
      mapRefs(formula, (ref) => {
        if ((ref.sheet ?? formulaSheet) !== sheet.name || ref.kind === 'cols' || ref.kind === 'rows') return ref;
        const inside = contains(from, ref.start.row, ref.start.col) && contains(from, ref.end.row, ref.end.col);
        if (!inside) return ref;
        return {
          ...ref,
          start: { ...ref.start, row: ref.start.row + dr, col: ref.start.col + dc },
          end: { ...ref.end, row: ref.end.row + dr, col: ref.end.col + dc },
        };
      });
    for (const s of this.state.sheets) rewriteFormulas(s, (f) => follow(f, s.name));
    for (const nm of this.state.names) nm.formula = follow(nm.formula, '');
    sheet.merges = sheet.merges.map((m) =>
      contains(from, m.row, m.col) ? { ...m, row: m.row + dr, col: m.col + dc } : m,
    );
    // Cut and paste carries the cells' conditional formats and validation along, as Excel does.
    const inside = (r: Rect) => contains(from, r.row, r.col) && contains(from, r.row + r.rows - 1, r.col + r.cols - 1);
    const shift = (r: Rect): Rect => (inside(r) ? { ...r, row: r.row + dr, col: r.col + dc } : r);
    // References in the rules to the moved cells follow them, like the references in cell formulas.
    for (const s of this.state.sheets)
      for (const cf of s.conditionalFormats) if (cf.formula !== null) cf.formula = follow(cf.formula, s.name);
    for (const cf of sheet.conditionalFormats) cf.rects = cf.rects.map(shift);
    sheet.validations = sheet.validations.map((v) => (v.rect ? { ...v, rect: shift(v.rect) } : v));
    this.recordChange({ sheetId: sheet.id, rect: from, changeType: 'RangeEdited', origin });
    this.recordChange({ sheetId: sheet.id, rect: dest, changeType: 'RangeEdited', origin });
  }

  // ---------------------------------------------------------------- sheets

  private checkSheetName(name: string, where: string, except?: SheetState): void {
    if (!name || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw invalidArgument(where, 'The sheet name is invalid: it must be 1 to 31 characters without : \\ / ? * [ ].');
    }
    const other = this.sheetByNameOrNull(name);
    if (other && other !== except) {
      throw new StandInError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.', where);
    }
  }

  addSheet(name: string | undefined, where = 'WorksheetCollection.add'): SheetState {
    let n = name;
    if (n === undefined || n === '') {
      let i = this.state.sheets.length + 1;
      while (this.sheetByNameOrNull(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    this.checkSheetName(n, where);
    this.touch();
    const s = newSheet(this.newId(), n);
    this.state.sheets.push(s);
    return s;
  }

  deleteSheet(sheet: SheetState, where = 'Worksheet.delete'): void {
    if (this.state.sheets.filter((s) => s.visibility === 'Visible').length <= 1 && sheet.visibility === 'Visible') {
      throw invalidOperation(where, 'A workbook must contain at least one visible worksheet.');
    }
    this.touch();
    const gone = sheet.name;
    this.state.sheets = this.state.sheets.filter((s) => s !== sheet);
    const kill = (f: string) => mapRefs(f, (r) => (r.sheet === gone ? '#REF!' : r));
    for (const s of this.state.sheets) rewriteFormulas(s, kill);
    this.state.names = this.state.names.filter((n) => n.scope !== sheet.id);
    for (const n of this.state.names) n.formula = kill(n.formula);
    if (this.state.activeSheetId === sheet.id) {
      // Deleting the active sheet activates another: Excel raises onActivated for it.
      const next = this.state.sheets[0];
      this.state.activeSheetId = next.id;
      this.tx?.selections.push({ sheetId: next.id, rect: next.selection, origin: 'user', activated: true });
    }
  }

  renameSheet(sheet: SheetState, name: string, where = 'Worksheet.name'): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, where, sheet);
    this.touch();
    const old = sheet.name;
    sheet.name = name;
    for (const s of this.state.sheets) rewriteFormulas(s, (f) => renameSheetInFormula(f, old, name));
    for (const n of this.state.names) n.formula = renameSheetInFormula(n.formula, old, name);
    for (const cf of this.state.sheets.flatMap((s) => s.conditionalFormats)) {
      if (cf.formula) cf.formula = renameSheetInFormula(cf.formula, old, name);
    }
  }

  moveSheet(sheet: SheetState, position: number, where = 'Worksheet.position'): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.state.sheets.length)
      throw invalidArgument(where);
    this.touch();
    const rest = this.state.sheets.filter((s) => s !== sheet);
    rest.splice(position, 0, sheet);
    this.state.sheets = rest;
  }

  setSheetProp<K extends 'visibility' | 'tabColor'>(sheet: SheetState, prop: K, value: SheetState[K]): void {
    this.touch();
    sheet[prop] = value;
  }

  freeze(sheet: SheetState, rows: number, cols: number): void {
    this.touch();
    sheet.frozen = { rows, cols };
  }

  // ---------------------------------------------------------------- selection

  /** Sheets where the user selected several areas (Ctrl+click), the active cell's area first. */
  readonly selectionAreas = new Map<string, Rect[]>();

  select(sheet: SheetState, rect: Rect, origin: Origin, more: Rect[] = []): void {
    const activated = this.state.activeSheetId !== sheet.id;
    const changed = activated || !sameRect(sheet.selection, rect) || more.length > 0;
    this.state.activeSheetId = sheet.id;
    sheet.selection = rect;
    if (more.length) this.selectionAreas.set(sheet.id, [rect, ...more]);
    else this.selectionAreas.delete(sheet.id);
    if (changed) this.tx?.selections.push({ sheetId: sheet.id, rect, origin, ...(activated ? { activated } : {}) });
  }

  activate(sheet: SheetState, origin: Origin): void {
    if (this.state.activeSheetId === sheet.id) return;
    this.state.activeSheetId = sheet.id;
    this.tx?.selections.push({ sheetId: sheet.id, rect: sheet.selection, origin, activated: true });
  }

  // ---------------------------------------------------------------- names and settings

  nameItem(name: string, scope: string | null): NamedItemState | null {
    const lower = name.toLowerCase();
    return this.state.names.find((n) => n.name.toLowerCase() === lower && n.scope === scope) ?? null;
  }

  addName(name: string, formula: string, comment: string, scope: string | null, where: string): NamedItemState {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) {
      throw invalidArgument(where, 'The name is not valid.');
    }
    if (this.nameItem(name, scope)) {
      throw new StandInError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.', where);
    }
    this.touch();
    const item: NamedItemState = { name, formula, comment, visible: true, scope };
    this.state.names.push(item);
    return item;
  }

  deleteName(item: NamedItemState): void {
    this.touch();
    this.state.names = this.state.names.filter((n) => n !== item);
  }

  updateName(item: NamedItemState, patch: Partial<Pick<NamedItemState, 'formula' | 'comment' | 'visible'>>): void {
    this.touch();
    Object.assign(item, patch);
  }

  setSetting(keyName: string, json: string): void {
    this.touch();
    this.state.settings.set(keyName, json);
  }

  deleteSetting(keyName: string): void {
    this.touch();
    this.state.settings.delete(keyName);
  }

  // ---------------------------------------------------------------- conditional formats, validation

  addConditionalFormat(sheet: SheetState, rects: Rect[], type: string, where: string): ConditionalFormatState {
    this.checkConditionalFormats(sheet, where);
    this.touch();
    const cf: ConditionalFormatState = {
      id: this.newId(),
      type,
      rects,
      formula: null,
      fill: null,
      fontColor: null,
      bold: null,
      italic: null,
      stopIfTrue: false,
      extra: {},
    };
    // Excel puts a new rule first: it takes the highest priority.
    sheet.conditionalFormats.unshift(cf);
    return cf;
  }

  updateConditionalFormat(
    sheet: SheetState,
    cf: ConditionalFormatState,
    patch: Partial<ConditionalFormatState>,
    where: string,
  ): void {
    this.checkConditionalFormats(sheet, where);
    this.touch();
    Object.assign(cf, patch);
  }

  setConditionalFormatPriority(sheet: SheetState, cf: ConditionalFormatState, priority: number, where: string): void {
    this.checkConditionalFormats(sheet, where);
    this.touch();
    const rest = sheet.conditionalFormats.filter((x) => x !== cf);
    rest.splice(Math.max(0, Math.min(priority, rest.length)), 0, cf);
    sheet.conditionalFormats = rest;
  }

  deleteConditionalFormat(sheet: SheetState, cf: ConditionalFormatState, where: string): void {
    this.checkConditionalFormats(sheet, where);
    this.touch();
    sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
  }

  /** Removes `rect` from every conditional format (those left with no range disappear), like ClearAll on a range. */
  clearConditionalFormats(sheet: SheetState, rect: Rect, where: string): void {
    this.checkConditionalFormats(sheet, where);
    this.touch();
    this.removeConditionalFormats(sheet, rect);
  }

  private removeConditionalFormats(sheet: SheetState, rect: Rect): void {
    for (const cf of sheet.conditionalFormats) cf.rects = cf.rects.flatMap((r) => subtractRect(r, rect));
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.rects.length > 0);
  }

  setValidation(
    sheet: SheetState,
    rect: Rect,
    patch: (v: SheetState['validations'][number]) => void,
    where: string,
  ): void {
    if (sheet.protection.protected) throw accessDenied(where);
    this.touch();
    let v = sheet.validations.find((x) => sameRect(x.rect, rect));
    if (!v) {
      // A new rule replaces older rules on the cells it covers.
      for (const old of sheet.validations) {
        const rest = subtractRect(old.rect, rect);
        if (rest.length !== 1 || !sameRect(rest[0], old.rect))
          old.rect = rest[0] ?? { row: 0, col: 0, rows: 0, cols: 0 };
      }
      sheet.validations = sheet.validations.filter((x) => x.rect.rows > 0);
      v = {
        rect,
        rule: {},
        errorAlert: { message: '', showAlert: true, style: 'Stop', title: '' },
        prompt: { message: '', showPrompt: false, title: '' },
        ignoreBlanks: true,
      };
      sheet.validations.push(v);
    }
    patch(v);
  }

  clearValidation(sheet: SheetState, rect: Rect, where: string): void {
    if (sheet.protection.protected) throw accessDenied(where);
    this.touch();
    sheet.validations = sheet.validations.flatMap((v) => subtractRect(v.rect, rect).map((r) => ({ ...v, rect: r })));
  }

  // ---------------------------------------------------------------- protection

  protect(
    sheet: SheetState,
    options: Partial<ProtectionOptions> | undefined,
    password: string | undefined,
    origin: Origin,
    where: string,
  ): void {
    if (sheet.protection.protected) throw invalidOperation(where, 'The worksheet is already protected.');
    this.touch();
    sheet.protection = {
      protected: true,
      options: { ...sheet.protection.options, ...(options ?? {}) },
      password: password ?? null,
    };
    // Excel cannot undo across a change of protection: it clears the undo history.
    this.afterProtectionChange(origin);
  }

  unprotect(sheet: SheetState, password: string | undefined, origin: Origin, where: string): void {
    if (!sheet.protection.protected) return;
    if (sheet.protection.password !== null && sheet.protection.password !== (password ?? null)) {
      throw invalidArgument(where, 'The password you supplied is not correct.');
    }
    this.touch();
    sheet.protection = { ...sheet.protection, protected: false, password: null };
    this.afterProtectionChange(origin);
  }

  private afterProtectionChange(origin: Origin): void {
    this.undoStack = [];
    if (this.tx) this.tx.snapshot = null;
    void origin;
  }

  // ---------------------------------------------------------------- helpers for the API layer

  /** A sheet-qualified address like Office's `Sheet1!A1:B2`. */
  address(sheet: SheetState, rect: Rect): string {
    return qualified(sheet.name, rect);
  }

  sheetPrefix(sheet: SheetState): string {
    return `${quoteSheet(sheet.name)}!`;
  }
}

/** Rewrites the formula of every formula cell of a sheet, replacing the cells that change (see cloneState). */
function rewriteFormulas(sheet: SheetState, rewrite: (formula: string) => string): void {
  for (const [k, cell] of sheet.cells) {
    if (!cell.formula) continue;
    const formula = rewrite(cell.formula);
    if (formula !== cell.formula) sheet.cells.set(k, { formula, value: cell.value, fmt: cell.fmt });
  }
}

function apiOf(v: Scalar): string | number | boolean {
  if (v === null) return '';
  if (isErrorValue(v)) return v.error;
  return v;
}

const DEFAULT_FORMAT_JSON = JSON.stringify(defaultFormat());

function isDefaultFormat(f: CellFormat): boolean {
  // Most formatted cells differ in one of these: a quick no before the exact test.
  if (f.fill !== null || f.numberFormat !== 'General' || f.locked !== true || f.horizontalAlignment !== 'General')
    return false;
  return JSON.stringify(f) === DEFAULT_FORMAT_JSON;
}

/** Limits a huge rectangle (whole rows/columns) to where cells exist, for checks that visit every cell. */
function clampToUsed(book: Book, sheet: SheetState, rect: Rect): Rect {
  if (rect.rows * rect.cols <= 1_000_000) return rect;
  const used = book.usedRect(sheet);
  return (used && intersect(used, rect)) ?? { row: rect.row, col: rect.col, rows: 0, cols: 0 };
}

/** Bounding rectangle of the cells whose content differs between two versions of a sheet. */
function diffRect(a: SheetState, b: SheetState): Rect | null {
  let box: Rect | null = null;
  const differ = (k: number, x: Cell | undefined, y: Cell | undefined) => {
    // Cells are replaced, never changed (see cloneState): the same cell object is the same content.
    if (x === y) return;
    if (
      (x?.formula ?? null) === (y?.formula ?? null) &&
      JSON.stringify(x?.value ?? null) === JSON.stringify(y?.value ?? null)
    )
      return;
    const r = Math.floor(k / MAX_COLS);
    const c = k % MAX_COLS;
    box = box
      ? {
          row: Math.min(box.row, r),
          col: Math.min(box.col, c),
          rows: Math.max(box.row + box.rows, r + 1) - Math.min(box.row, r),
          cols: Math.max(box.col + box.cols, c + 1) - Math.min(box.col, c),
        }
      : { row: r, col: c, rows: 1, cols: 1 };
  };
  for (const [k, x] of a.cells) differ(k, x, b.cells.get(k));
  for (const [k, y] of b.cells) if (!a.cells.has(k)) differ(k, undefined, y);
  return box;
}
