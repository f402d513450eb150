/**
 * Turns a host check into what the pane shows: per-table counts, findings grouped by table and rule, human names
 * of cells and the terms of the table 三 balance. Pure: tested without React.
 */
import { T3_ENTRIES_2021, T3_RESULT_TOTAL_ROW, cellId, getFormat } from '../model/formats';
import type { HostCheck, HostProblem } from './host-api';
import { groupMistakes, mostLikely, type Mistake } from '../model/mistakes';
import { applyEdits } from '../model/recent-edit';
import type { CellId, CheckResult, Finding, FormatId, TableId } from '../model/types';

export const TABLE_ORDER: readonly TableId[] = ['T2', 'T3', 'T4'];

interface TableStatus {
  table: TableId | null;
  /** Mistakes (one per cause, see `groupMistakes`), not rule instances. */
  errors: number;
  warnings: number;
  /** Input cells not filled yet. */
  unfilled: number;
  /** The host could not read this table whole (its layout was changed): nothing in it can pass. */
  damaged?: boolean;
}

/**
 * `notFilled`: no input cell filled yet (a fresh table). `filling`: some filled, no error yet. `errors`: at least
 * one mistake. `damaged`: no mistake found, but a table could not be read whole (its layout was changed, for
 * example a column cleared), so it was not fully checked. `pass`: every table read whole, every input cell filled
 * and nothing wrong: a table with blank cells, or one the host could not read, never passes.
 */
type OverallState = 'notFilled' | 'filling' | 'errors' | 'damaged' | 'pass';

export interface Overview {
  tables: TableStatus[];
  errors: number;
  warnings: number;
  /** Input cells not filled yet, in all tables. */
  unfilled: number;
  state: OverallState;
}

function tableOf(format: FormatId, f: Finding): TableId | null {
  if (f.table) return f.table;
  const first = f.cells[0];
  return (first && getFormat(format).cellById.get(first)?.table) || null;
}

/** The input cells still blank: what 其余空白填 0 fills. Totals are formulas and never "unfilled" for the user. */
export function blankInputs(result: CheckResult): CellId[] {
  const format = getFormat(result.format);
  // A cell holding text that is not a number (`3件`) counts as unfilled in the arithmetic, but it is not blank: it
  // is an error of its own, and 其余空白填 0 must never write over what the user typed.
  const typed = new Set(result.findings.filter((f) => f.rule === 'V.notNumber').map((f) => f.cells[0]));
  return result.unfilled.filter((id) => format.cellById.get(id)?.role === 'input' && !typed.has(id));
}

export function overview(
  result: CheckResult,
  mistakes?: readonly Mistake[],
  damaged: readonly TableId[] = [],
): Overview {
  const format = getFormat(result.format);
  const list = mistakes ?? groupMistakes(result.format, result.findings, new Set());
  const rows = new Map<TableId | null, TableStatus>(
    TABLE_ORDER.map((t) => [t, { table: t, errors: 0, warnings: 0, unfilled: 0 }]),
  );
  const row = (t: TableId | null) => {
    let r = rows.get(t);
    if (!r) rows.set(t, (r = { table: t, errors: 0, warnings: 0, unfilled: 0 }));
    return r;
  };
  const blank = blankInputs(result);
  for (const id of blank) row(format.cellById.get(id)?.table ?? null).unfilled++;
  for (const m of list) {
    const r = row(tableOf(result.format, m.finding));
    if (m.finding.severity === 'error') r.errors++;
    else if (m.finding.severity === 'warning') r.warnings++;
  }
  for (const t of damaged) row(t).damaged = true;
  const tables = [...rows.values()];
  const errors = tables.reduce((s, t) => s + t.errors, 0);
  const warnings = tables.reduce((s, t) => s + t.warnings, 0);
  const inputs = format.cells.filter((c) => c.role === 'input').length;
  const state: OverallState =
    errors > 0
      ? 'errors'
      : damaged.length > 0
        ? 'damaged'
        : blank.length >= inputs
          ? 'notFilled'
          : blank.length > 0
            ? 'filling'
            : 'pass';
  return { tables, errors, warnings, unfilled: blank.length, state };
}

/** The tables the host could not read whole: a check of them is not a pass. */
export function damagedTables(problems: readonly HostProblem[]): TableId[] {
  return [...new Set(problems.flatMap((p) => (p.kind === 'tableDamaged' ? [p.table] : [])))];
}

/** What the pane shows of a check: the findings with the user's last edit first, grouped into mistakes. */
export function mistakesOf(check: HostCheck): Mistake[] {
  if (!check.result) return [];
  const shown = applyEdits(check.result.findings, check.edits ?? {});
  return groupMistakes(check.result.format, shown, new Set(check.formulaCells ?? []));
}

/** The cell the pane navigates to for a finding: the one with a suggested value, else the most likely wrong one. */
export function targetCell(f: Finding): CellId | undefined {
  const suggested = f.suggestion ? Object.keys(f.suggestion) : [];
  return suggested[0] ?? f.suspects[0] ?? f.cells[0];
}

export interface BalanceTerm {
  /** The item numeral printed in the table (一, 二, 三, 四). */
  numeral: string;
  id: CellId;
  value: number;
  filled: boolean;
  suspect: boolean;
}

export interface BalancePicture {
  column: string;
  left: [BalanceTerm, BalanceTerm];
  right: [BalanceTerm, BalanceTerm];
  leftSum: number;
  rightSum: number;
}

function numeral(label: string): string {
  return label.split('、')[0];
}

/** The four terms of a failed `T3.balance` (一 + 二 = 三 + 四) in the finding's column, with their values. */
export function balancePicture(result: CheckResult, f: Finding): BalancePicture | null {
  if (f.rule !== 'T3.balance') return null;
  const format = getFormat(result.format);
  const col = f.cells.map((id) => format.cellById.get(id)?.colKey).find(Boolean);
  if (!col) return null;
  const rows = format.t3.rows;
  // The four items of the balance, in the order the table's own header states it; 三 is its （七）总计 row.
  const items = T3_ENTRIES_2021.map((e) => ({
    numeral: numeral(e.label),
    row: e.type === 'row' ? e.key : T3_RESULT_TOTAL_ROW,
  }));
  if (items.length !== 4 || !items.every((i) => rows.includes(i.row))) return null;
  const unfilled = new Set(result.unfilled);
  // The term that holds the most likely cell: itself, or a total (三 is （七）总计) that adds it up.
  const likely = mostLikely(f);
  const holds = (id: CellId, depth = 0): boolean =>
    likely.includes(id) || (depth < 3 && (format.cellById.get(id)?.sumOf ?? []).some((p) => holds(p, depth + 1)));
  const terms = items.map(({ numeral: n, row }) => {
    const id = cellId('T3', row, col);
    return {
      numeral: n,
      id,
      value: result.cells[id] ?? 0,
      filled: !unfilled.has(id) && id in result.cells,
      suspect: holds(id),
    };
  });
  const colLabel = format.cellById.get(cellId('T3', rows[0], col))?.colLabel ?? col;
  return {
    column: colLabel,
    left: [terms[0], terms[1]],
    right: [terms[2], terms[3]],
    leftSum: terms[0].value + terms[1].value,
    rightSum: terms[2].value + terms[3].value,
  };
}
