/**
 * Formula evaluation with fast-formula-parser (MIT). Recalculation is a full pass over formula cells, each
 * evaluated once through memoised recursion, which is plenty at the size of a report workbook.
 *
 * Parsing is the costly part (a chevrotain grammar run per formula per pass), and most passes change nothing a
 * formula reads. So every evaluation is remembered with the answers the workbook gave it (each cell, range and name
 * it asked for, in order): the parser is a pure function of the formula text, its position and those answers, so
 * when asking the same questions again gets the same answers, the remembered result is the result. The first answer
 * that differs sends the formula back to the parser. Volatile functions (RAND, NOW …) are never remembered.
 */
import FormulaParser from 'fast-formula-parser';
import type { CellRef, RangeRef } from 'fast-formula-parser';
import { Infix } from 'fast-formula-parser/formulas/operators';
import { columnIndex, MAX_COLS, MAX_ROWS } from '../src/model/a1';
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

function sameScalar(a: Scalar, b: Scalar): boolean {
  if (isErrorValue(a) || isErrorValue(b)) return isErrorValue(a) && isErrorValue(b) && a.error === b.error;
  return Object.is(a, b);
}

function copyScalar(v: Scalar): Scalar {
  return isErrorValue(v) ? { error: v.error } : v;
}

function toParser(v: Scalar): unknown {
  if (isErrorValue(v)) return new FormulaParser.FormulaError(v.error);
  return v === '' ? null : v;
}

/** Extent of the cells a sheet holds, to bound whole-column references. */
function extent(sheet: SheetState): { rows: number; cols: number } {
  // The last row is the row of the largest key; columns need every key. Run once per sheet per recalculation.
  let last = -1;
  let cols = 0;
  for (const k of sheet.cells.keys()) {
    if (k > last) last = k;
    const c = k % MAX_COLS;
    if (c + 1 > cols) cols = c + 1;
  }
  return { rows: last < 0 ? 0 : Math.floor(last / MAX_COLS) + 1, cols };
}

interface NameResolver {
  (name: string, sheet: SheetState): { sheet: SheetState; row: number; col: number; rows: number; cols: number } | null;
}

/** One question a formula asked the workbook while it was evaluated, with the answer it got. */
type Asked =
  | { kind: 'cell'; ref: CellRef; answer: unknown }
  | { kind: 'range'; ref: RangeRef; answer: unknown[][] }
  | { kind: 'name'; name: string; sheet: string; answer: CellRef | RangeRef | null };

interface Remembered {
  asked: Asked[];
  result: Scalar;
}

const PLAIN_SUM = /^SUM\(\$?([A-Z]{1,3})\$?([1-9]\d{0,6}):\$?([A-Z]{1,3})\$?([1-9]\d{0,6})\)$/;

/** The range of a formula that is exactly `SUM(<cell>:<cell>)` (top-left first, on the formula's sheet), else null. */
function plainSum(text: string): { from: { row: number; col: number }; to: { row: number; col: number } } | null {
  if (text.length > 40 || text.charCodeAt(0) !== 83 /* S */) return null;
  const m = PLAIN_SUM.exec(text);
  if (!m) return null;
  const from = { row: Number(m[2]), col: columnIndex(m[1]) + 1 };
  const to = { row: Number(m[4]), col: columnIndex(m[3]) + 1 };
  if (from.row > to.row || from.col > to.col || to.row > MAX_ROWS || to.col > MAX_COLS) return null;
  return { from, to };
}

const VOLATILE = /\b(?:RAND|RANDBETWEEN|NOW|TODAY)\s*\(/i;
/** Bounds the memory of evaluations; a report workbook needs a few thousand. */
const REMEMBER_AT_MOST = 50_000;

/** Same answer from the workbook: values compare exactly (-0 and 0 apart), errors by their code. */
function sameAnswer(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof FormulaParser.FormulaError && b instanceof FormulaParser.FormulaError) return a.error === b.error;
  return false;
}

function sameRows(a: unknown[][], b: unknown[][]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (!sameAnswer(x[j], y[j])) return false;
  }
  return true;
}

function copyRef(r: CellRef | RangeRef): CellRef | RangeRef {
  return 'from' in r
    ? { sheet: r.sheet, from: { ...r.from }, to: { ...r.to } }
    : { sheet: r.sheet, row: r.row, col: r.col };
}

function sameRef(a: CellRef | RangeRef | null, b: CellRef | RangeRef | null): boolean {
  if (a === null || b === null) return a === b;
  if ('from' in a || 'from' in b) {
    if (!('from' in a) || !('from' in b)) return false;
    return (
      a.sheet === b.sheet &&
      a.from.row === b.from.row &&
      a.from.col === b.from.col &&
      a.to.row === b.to.row &&
      a.to.col === b.to.col
    );
  }
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}

export class Calculator {
  private memo = new Map<string, Map<number, Scalar>>();
  private busy = new Set<string>();
  private parser: FormulaParser;
  private extents = new Map<string, { rows: number; cols: number }>();
  /** Past evaluations by sheet, position and formula text (see the head of this file). */
  private remembered = new Map<string, Remembered>();
  /** The questions the evaluation now running has asked (null when none is being remembered). */
  private asking: Asked[] | null = null;

  constructor(
    private book: WorkbookState,
    private readonly resolveName: NameResolver,
  ) {
    patchBlankCells();
    this.parser = new FormulaParser({
      onCell: (ref) => {
        const answer = this.cellAnswer(ref);
        this.asking?.push({ kind: 'cell', ref: { sheet: ref.sheet, row: ref.row, col: ref.col }, answer });
        return answer;
      },
      onRange: (ref) => {
        const answer = this.rangeAnswer(ref);
        // A copy: functions are free to change the arrays they are given.
        if (this.asking) {
          const copy = { sheet: ref.sheet, from: { ...ref.from }, to: { ...ref.to } };
          this.asking.push({ kind: 'range', ref: copy, answer: answer.map((line) => line.slice()) });
        }
        return answer;
      },
      onVariable: (name, sheetName) => {
        const answer = this.nameAnswer(name, sheetName);
        this.asking?.push({ kind: 'name', name, sheet: sheetName, answer });
        return answer === null ? null : copyRef(answer);
      },
      functions: {
        // Never reach the network from a formula.
        WEBSERVICE: () => new FormulaParser.FormulaError('#VALUE!'),
        ...MISSING_FUNCTIONS,
      },
    });
  }

  private cellAnswer(ref: CellRef): unknown {
    return toParser(this.valueAt(this.sheetNamed(ref.sheet), ref.row - 1, ref.col - 1));
  }

  private rangeAnswer(ref: RangeRef): unknown[][] {
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
  }

  private nameAnswer(name: string, sheetName: string): CellRef | RangeRef | null {
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
  }

  /** Asks the remembered questions again: true when every answer is still the same. */
  private stillHolds(past: Remembered): boolean {
    for (const q of past.asked) {
      if (q.kind === 'cell') {
        if (!sameAnswer(this.cellAnswer(q.ref), q.answer)) return false;
      } else if (q.kind === 'range') {
        if (!sameRows(this.rangeAnswer(q.ref), q.answer)) return false;
      } else if (!sameRef(this.nameAnswer(q.name, q.sheet), q.answer)) return false;
    }
    return true;
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
    const sum = plainSum(text);
    if (sum) return this.sumOf({ sheet: sheet.name, ...sum });
    if (VOLATILE.test(text)) return this.parse(sheet, text, row, col);
    const id = `${sheet.name}\u0000${row}\u0000${col}\u0000${text}`;
    const past = this.remembered.get(id);
    // The questions are asked again outside any recording: they are this formula's, not its caller's.
    const outer = this.asking;
    this.asking = null;
    const holds = past !== undefined && this.stillHolds(past);
    this.asking = outer;
    if (holds) return copyScalar(past.result);
    const asked: Asked[] = [];
    this.asking = asked;
    let result: Scalar;
    try {
      result = this.parse(sheet, text, row, col);
    } finally {
      this.asking = outer;
    }
    if (this.remembered.size >= REMEMBER_AT_MOST) this.remembered.clear();
    this.remembered.set(id, { asked, result: copyScalar(result) });
    return result;
  }

  /**
   * `SUM(A1:B2)` as fast-formula-parser computes it (functions/math.js SUM, then its result checks): the numbers of
   * the range in row order, anything else (text, booleans, errors, blanks) left out; NaN is #VALUE!, ±Infinity
   * #NUM!, -0 is 0. Every total of a report is such a formula; test/standin/formulas.test.ts holds the two equal.
   */
  private sumOf(ref: RangeRef): Scalar {
    let total = 0;
    for (const line of this.rangeAnswer(ref)) for (const item of line) if (typeof item === 'number') total += item;
    if (Number.isNaN(total)) return { error: '#VALUE!' };
    if (!Number.isFinite(total)) return { error: '#NUM!' };
    return total + 0;
  }

  private parse(sheet: SheetState, text: string, row: number, col: number): Scalar {
    try {
      return toScalar(this.parser.parse(text, { sheet: sheet.name, row: row + 1, col: col + 1 }));
    } catch (e) {
      if (e instanceof FormulaParser.FormulaError) {
        return { error: e.error === '#ERROR!' ? '#NAME?' : e.error };
      }
      return { error: '#VALUE!' } as ErrorValue;
    }
  }

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

  /** Recomputes every formula cell of the workbook and stores the results. */
  recalculateAll(): void {
    this.memo.clear();
    this.extents.clear();
    for (const sheet of this.book.sheets) {
      for (const [k, cell] of sheet.cells as Map<number, Cell>) {
        if (cell.formula === null) continue;
        const value = this.valueAt(sheet, Math.floor(k / MAX_COLS), k % MAX_COLS);
        // Cells are shared with the undo snapshots: a cell whose result changes is replaced, not changed.
        if (!sameScalar(value, cell.value)) sheet.cells.set(k, { formula: cell.formula, value, fmt: cell.fmt });
      }
    }
  }
}
