/**
 * Formula evaluation with fast-formula-parser (MIT). Recalculation is a full pass over formula cells, each
 * evaluated once through memoised recursion, which is plenty at the size of a report workbook.
 */
import FormulaParser from 'fast-formula-parser';
import { Infix } from 'fast-formula-parser/formulas/operators';
import { MAX_COLS } from './address';
import type { Cell, ErrorValue, Scalar, SheetState, WorkbookState } from './state';
import { isErrorValue } from './state';

const H = FormulaParser.FormulaHelpers;
const T = FormulaParser.Types;
let patched = false;

/** A referenced blank cell reaches the parser as `{ value: null }` or `null`. */
function isBlankParam(p: unknown): boolean {
  if (p === null || p === undefined) return true;
  return (
    typeof p === 'object' && !Array.isArray(p) && 'value' in (p as object) && (p as { value: unknown }).value == null
  );
}

/**
 * fast-formula-parser reads a blank cell as null, which its functions mistreat (LEN(blank) is 4, INT(blank)
 * throws). Excel reads a blank as 0 in a number context, "" in a text context and FALSE in a logical one.
 */
function patchBlankCells(): void {
  if (patched) return;
  patched = true;
  const accept = H.accept.bind(H);
  H.accept = (param: unknown, type?: unknown, ...rest: unknown[]) => {
    if (isBlankParam(param) && !(rest.length > 0 && rest[0] !== undefined && param == null)) {
      if (type === T.STRING) return '';
      if (type === T.NUMBER || type === T.NUMBER_NO_BOOLEAN) return 0;
      if (type === T.BOOLEAN) return false;
    }
    return accept(param, type, ...rest);
  };
  const acceptNumber = H.acceptNumber.bind(H);
  H.acceptNumber = (obj: unknown, ...rest: unknown[]) => (obj == null ? 0 : acceptNumber(obj, ...rest));
  const compare = Infix.compareOp;
  Infix.compareOp = (v1, infix, v2, a1, a2) => {
    // Blank = "" is TRUE in Excel; the parser would compare 0 with "".
    if (v1 == null && typeof v2 === 'string') v1 = '';
    if (v2 == null && typeof v1 === 'string') v2 = '';
    return compare(v1, infix, v2, a1, a2);
  };
}

/** Arguments as plain values: references arrive as `{ value }` wrappers, ranges as 2-D arrays. */
function flatArgs(args: unknown[]): { v: unknown; fromRef: boolean }[] {
  const out: { v: unknown; fromRef: boolean }[] = [];
  for (const a of args) {
    const isWrapped = typeof a === 'object' && a !== null && !Array.isArray(a) && 'value' in a;
    const v = isWrapped ? (a as { value: unknown }).value : a;
    const fromRef =
      isWrapped &&
      Boolean(
        (a as { isCellRef?: boolean; isRangeRef?: boolean }).isCellRef || (a as { isRangeRef?: boolean }).isRangeRef,
      );
    if (Array.isArray(v))
      for (const row of v) for (const x of Array.isArray(row) ? row : [row]) out.push({ v: x, fromRef: true });
    else out.push({ v, fromRef });
  }
  return out;
}

function extreme(pick: (a: number, b: number) => number) {
  return (...args: unknown[]) => {
    let best: number | null = null;
    for (const { v, fromRef } of flatArgs(args)) {
      if (v instanceof FormulaParser.FormulaError) return v;
      let n: number | null = null;
      if (typeof v === 'number') n = v;
      else if (!fromRef && typeof v === 'boolean') n = Number(v);
      else if (!fromRef && typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) n = Number(v);
      if (n !== null) best = best === null ? n : pick(best, n);
    }
    return best ?? 0;
  };
}

/** Common functions fast-formula-parser lacks. */
const MISSING_FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  MAX: extreme(Math.max),
  MIN: extreme(Math.min),
  COUNTA: (...args) => flatArgs(args).filter(({ v }) => v !== null && v !== undefined && v !== '').length,
  COUNTBLANK: (...args) => flatArgs(args).filter(({ v }) => v === null || v === undefined || v === '').length,
};

export const key = (row: number, col: number) => row * MAX_COLS + col;

function toScalar(v: unknown): Scalar {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return toScalar(Array.isArray(v[0]) ? v[0][0] : v[0]);
  if (v instanceof FormulaParser.FormulaError) return { error: v.error };
  if (isErrorValue(v)) return { error: v.error };
  return { error: '#VALUE!' };
}

function toParser(v: Scalar): unknown {
  if (isErrorValue(v)) return new FormulaParser.FormulaError(v.error);
  return v === '' ? null : v;
}

/** Extent of the cells a sheet holds, to bound whole-column references. */
function extent(sheet: SheetState): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const k of sheet.cells.keys()) {
    const r = Math.floor(k / MAX_COLS);
    const c = k % MAX_COLS;
    if (r + 1 > rows) rows = r + 1;
    if (c + 1 > cols) cols = c + 1;
  }
  return { rows, cols };
}

export interface NameResolver {
  (name: string, sheet: SheetState): { sheet: SheetState; row: number; col: number; rows: number; cols: number } | null;
}

export class Calculator {
  private memo = new Map<string, Map<number, Scalar>>();
  private busy = new Set<string>();
  private parser: FormulaParser;
  private extents = new Map<string, { rows: number; cols: number }>();

  constructor(
    private book: WorkbookState,
    private readonly resolveName: NameResolver,
  ) {
    patchBlankCells();
    this.parser = new FormulaParser({
      onCell: (ref) => toParser(this.valueAt(this.sheetNamed(ref.sheet), ref.row - 1, ref.col - 1)),
      onRange: (ref) => {
        const sheet = this.sheetNamed(ref.sheet);
        if (!sheet) return [[new FormulaParser.FormulaError('#REF!')]];
        const ext = this.extentOf(sheet);
        const toRow = Math.min(ref.to.row, Math.max(ext.rows, ref.from.row));
        const toCol = Math.min(ref.to.col, Math.max(ext.cols, ref.from.col));
        const out: unknown[][] = [];
        for (let r = ref.from.row; r <= toRow; r++) {
          const line: unknown[] = [];
          for (let c = ref.from.col; c <= toCol; c++) line.push(toParser(this.valueAt(sheet, r - 1, c - 1)));
          out.push(line);
        }
        return out;
      },
      onVariable: (name, sheetName) => {
        const here = this.sheetNamed(sheetName);
        const hit = here ? this.resolveName(name, here) : null;
        if (!hit) return null;
        const sheet = hit.sheet.name;
        if (hit.rows === 1 && hit.cols === 1) return { sheet, row: hit.row + 1, col: hit.col + 1 };
        return {
          sheet,
          from: { row: hit.row + 1, col: hit.col + 1 },
          to: { row: hit.row + hit.rows, col: hit.col + hit.cols },
        };
      },
      functions: {
        // Never reach the network from a formula.
        WEBSERVICE: () => new FormulaParser.FormulaError('#VALUE!'),
        ...MISSING_FUNCTIONS,
      },
    });
  }

  private extentOf(sheet: SheetState) {
    let e = this.extents.get(sheet.id);
    if (!e) this.extents.set(sheet.id, (e = extent(sheet)));
    return e;
  }

  private sheetNamed(name: string | undefined): SheetState | undefined {
    if (name === undefined) return undefined;
    const lower = name.toLowerCase();
    return this.book.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** Value of a cell, evaluating its formula first when it has one (circular references read as 0, as Excel shows). */
  valueAt(sheet: SheetState | undefined, row: number, col: number): Scalar {
    if (!sheet) return { error: '#REF!' };
    const cell = sheet.cells.get(key(row, col));
    if (!cell) return null;
    if (cell.formula === null) return cell.value;
    let memo = this.memo.get(sheet.id);
    if (!memo) this.memo.set(sheet.id, (memo = new Map()));
    const k = key(row, col);
    const done = memo.get(k);
    if (done !== undefined) return done;
    const busyKey = `${sheet.id}:${k}`;
    if (this.busy.has(busyKey)) return 0;
    this.busy.add(busyKey);
    const v = this.evaluate(sheet, cell.formula, row, col);
    this.busy.delete(busyKey);
    memo.set(k, v);
    return v;
  }

  /** Evaluates formula text (with or without `=`) as if it stood at (row, col) of `sheet`. */
  evaluate(sheet: SheetState, formula: string, row: number, col: number): Scalar {
    const text = formula.startsWith('=') ? formula.slice(1) : formula;
    try {
      return toScalar(this.parser.parse(text, { sheet: sheet.name, row: row + 1, col: col + 1 }));
    } catch (e) {
      if (e instanceof FormulaParser.FormulaError) {
        return { error: e.error === '#ERROR!' ? '#NAME?' : e.error };
      }
      return { error: '#VALUE!' } as ErrorValue;
    }
  }

  /** Recomputes every formula cell of the workbook and stores the results. */
  /**
   * Points the calculator at another state (undo swaps the workbook for a snapshot): building a new one would build
   * a new formula parser, the costliest part of an undo.
   */
  rebase(book: WorkbookState): void {
    this.book = book;
    this.memo.clear();
    this.busy.clear();
    this.extents.clear();
  }

  recalculateAll(): void {
    this.memo.clear();
    this.extents.clear();
    for (const sheet of this.book.sheets) {
      for (const [k, cell] of sheet.cells as Map<number, Cell>) {
        if (cell.formula === null) continue;
        cell.value = this.valueAt(sheet, Math.floor(k / MAX_COLS), k % MAX_COLS);
      }
    }
  }
}
