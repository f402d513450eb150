/**
 * Checks the live formulas of total cells, given their formula text and sheet address (A1 only, so the same code
 * serves Excel and .xlsx files): a total typed over with a number (`F.notFormula`), and a SUM that no longer
 * covers exactly its parts, typically after a row or column was inserted inside the table (`F.formulaRange`).
 * Totals whose formula is intact are returned too: the error locator treats them as following their parts.
 */
import { a1, parseA1 } from './a1';
import type { PreparedFormat } from './prepared';
import type { CellId, DataCell, ReportFormat, RuleId, Severity, TableId } from './types';

interface FormulaProblem {
  rule: Extract<RuleId, 'F.notFormula' | 'F.formulaRange'>;
  severity: Severity;
  table: TableId;
  cell: CellId;
  /** The formula as found ('' for a typed value). */
  formula: string;
  /** The formula the total should hold, in the sheet's own addresses. */
  expected: string;
}

interface FormulaReport {
  problems: FormulaProblem[];
  /** Totals whose formula covers exactly their parts. */
  intact: Set<CellId>;
  /** How many totals each rule looked at (for the summary). */
  checked: { notFormula: number; formulaRange: number };
}

/**
 * The cells a formula adds up, as `row,col` keys, or null when the formula is not a plain sum (`=SUM(A1:B2,C3)`,
 * `=A1+B2+C3`, with or without `$` and a sheet name). Anything else (SUBTOTAL, arithmetic) is not judged.
 */
export function summedCells(formula: string): ReadonlySet<string> | null {
  // Called for every total on every edit in Excel: the same few formula texts come back each time.
  const hit = parsedFormulas.get(formula);
  if (hit !== undefined) return hit;
  const out = parseSum(formula);
  if (parsedFormulas.size >= MAX_CACHED) parsedFormulas.clear();
  parsedFormulas.set(formula, out);
  return out;
}

/**
 * The string memos below are keyed by text (a formula, a list of part addresses), not by format: the same few
 * texts come back on every edit and in every report of one template. Bounded: past `MAX_CACHED` they restart.
 */
const MAX_CACHED = 4096;
const parsedFormulas = new Map<string, ReadonlySet<string> | null>();
const REF = "(?:(?:'[^']+'|[^!'(),+:]+)!)?\\$?[A-Za-z]{1,3}\\$?\\d+";
const RANGE = `${REF}(?::\\$?[A-Za-z]{1,3}\\$?\\d+)?`;
const SUM_RE = new RegExp(`^SUM\\((${RANGE}(?:,${RANGE})*)\\)$`, 'i');
const PLUS_RE = new RegExp(`^${REF}(?:\\+${REF})*$`, 'i');

function parseSum(formula: string): Set<string> | null {
  const f = formula.trim().replace(/^=/, '').replace(/\s+/g, '');
  if (!f) return null;
  let parts: string[];
  const sum = SUM_RE.exec(f);
  if (sum) parts = splitTopLevel(sum[1], ',');
  else if (PLUS_RE.test(f)) parts = splitTopLevel(f, '+');
  else return null;
  const out = new Set<string>();
  for (const p of parts) {
    let r;
    try {
      r = parseA1(p);
    } catch {
      return null;
    }
    for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) out.add(`${r.row + i},${r.col + j}`);
  }
  return out;
}

/** Splits on a separator outside quoted sheet names. */
function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === "'") quoted = !quoted;
    if (ch === sep && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function expectedFormula(parts: { row: number; col: number }[]): string {
  const rows = new Set(parts.map((p) => p.row));
  const cols = new Set(parts.map((p) => p.col));
  const sorted = [...parts].sort((p, q) => p.row - q.row || p.col - q.col);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const contiguous =
    (rows.size === 1 && last.col - first.col + 1 === parts.length) ||
    (cols.size === 1 && last.row - first.row + 1 === parts.length);
  return contiguous
    ? `=SUM(${a1(first.row, first.col)}:${a1(last.row, last.col)})`
    : `=${sorted.map((p) => a1(p.row, p.col)).join('+')}`;
}

/** What a total should hold, for one layout of its parts; `same` remembers the last formula judged against it. */
interface Expectation {
  parts: readonly string[];
  expected: string;
  want: ReadonlySet<string>;
  lastCovered?: ReadonlySet<string>;
  lastSame?: boolean;
}

const expectations = new Map<string, Expectation>();

/** The formula a total should hold and the cells it covers, from its parts' addresses (memoised: same every edit). */
function expectation(partAddresses: string[]): Expectation {
  const key = partAddresses.join(',');
  let e = expectations.get(key);
  if (!e) {
    const parts = partAddresses.map((a) => parseA1(a));
    e = {
      parts: partAddresses,
      expected: expectedFormula(parts),
      want: new Set(parts.map((p) => `${p.row},${p.col}`)),
    };
    if (expectations.size >= MAX_CACHED) expectations.clear();
    expectations.set(key, e);
  }
  return e;
}

/** Whether a formula's cells are exactly the expected ones; the verdict for the last formula seen is kept. */
function coversExactly(e: Expectation, covered: ReadonlySet<string>): boolean {
  if (e.lastCovered === covered) return e.lastSame!;
  const want = e.want;
  let same = covered.size === want.size;
  if (same) for (const k of want) if (!covered.has(k)) same = false;
  e.lastCovered = covered;
  e.lastSame = same;
  return same;
}

/** A total of the format, with the expectation of the layout it was last checked in (a part of `prepare(id)`). */
export interface Total {
  cell: DataCell;
  /** The expectation of the layout last seen, reused while the parts keep their addresses. */
  last?: Expectation;
}

/** The totals of a format: the cells that add up others. */
export function formatTotals(format: ReportFormat): Total[] {
  return format.cells.filter((c) => c.sumOf && c.sumOf.length).map((cell) => ({ cell }));
}

/** The expectation of a total in the sheet's layout, or null when some of its cells have no address. */
function expectationFor(total: Total, cellAddress: Readonly<Record<CellId, string>>): Expectation | null {
  const sumOf = total.cell.sumOf!;
  const last = total.last;
  if (last) {
    // Same addresses as last time (the usual case: one template, or the same sheet edit after edit).
    let i = 0;
    for (; i < sumOf.length; i++) if (cellAddress[sumOf[i]] !== last.parts[i]) break;
    if (i === sumOf.length) return last;
  }
  const partAddresses: string[] = [];
  for (const id of sumOf) {
    const a = cellAddress[id];
    if (!a) return null;
    partAddresses.push(a);
  }
  return (total.last = expectation(partAddresses));
}

export function checkFormulas(
  prepared: PreparedFormat,
  formulas: Readonly<Record<CellId, string | undefined>>,
  cellAddress: Readonly<Record<CellId, string>>,
): FormulaReport {
  const problems: FormulaProblem[] = [];
  const intact = new Set<CellId>();
  const checked = { notFormula: 0, formulaRange: 0 };
  const totals = prepared.totals;
  // A table none of whose totals holds a formula was typed by hand: its totals were never formulas.
  const tablesWithFormulas = new Set<TableId>();
  for (const { cell } of totals) if (formulas[cell.id]?.trim()) tablesWithFormulas.add(cell.table);
  for (const total of totals) {
    const { cell } = total;
    if (!cellAddress[cell.id]) continue;
    const e = expectationFor(total, cellAddress);
    if (!e) continue;
    const expected = e.expected;
    const formula = formulas[cell.id]?.trim() ?? '';
    if (tablesWithFormulas.has(cell.table)) checked.notFormula++;
    if (!formula) {
      if (tablesWithFormulas.has(cell.table)) {
        problems.push({
          rule: 'F.notFormula',
          severity: 'warning',
          table: cell.table,
          cell: cell.id,
          formula,
          expected,
        });
      }
      continue;
    }
    const covered = summedCells(formula);
    if (!covered) continue;
    checked.formulaRange++;
    if (coversExactly(e, covered)) intact.add(cell.id);
    else
      problems.push({
        rule: 'F.formulaRange',
        severity: 'warning',
        table: cell.table,
        cell: cell.id,
        formula,
        expected,
      });
  }
  return { problems, intact, checked };
}
