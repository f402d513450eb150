/**
 * Turns a host check into what the pane shows: per-table counts, findings grouped by table and rule, human names
 * of cells and the terms of the table 三 balance. Pure: tested without React.
 */
import { T3_ENTRIES_2021, T3_RESULT_TOTAL_ROW, cellId, getFormat } from '../model/formats';
import type { CellId, CheckResult, Finding, FormatId, Lang, RuleId, TableId } from '../model/types';

export const TABLE_ORDER: readonly TableId[] = ['T2', 'T3', 'T4'];

export interface TableStatus {
  table: TableId | null;
  errors: number;
  warnings: number;
  unfilled: number;
}

export interface Overview {
  tables: TableStatus[];
  errors: number;
  warnings: number;
  state: 'pass' | 'errors';
}

function tableOf(format: FormatId, f: Finding): TableId | null {
  if (f.table) return f.table;
  const first = f.cells[0];
  return (first && getFormat(format).cellById.get(first)?.table) || null;
}

export function overview(result: CheckResult): Overview {
  const format = getFormat(result.format);
  const rows = new Map<TableId | null, TableStatus>(
    TABLE_ORDER.map((t) => [t, { table: t, errors: 0, warnings: 0, unfilled: 0 }]),
  );
  const row = (t: TableId | null) => {
    let r = rows.get(t);
    if (!r) rows.set(t, (r = { table: t, errors: 0, warnings: 0, unfilled: 0 }));
    return r;
  };
  for (const id of result.unfilled) row(format.cellById.get(id)?.table ?? null).unfilled++;
  // Unfilled cells are counted above, whatever severity the model gives them, so they are not counted twice.
  for (const f of result.findings) {
    if (f.rule === 'V.unfilled') continue;
    const r = row(tableOf(result.format, f));
    if (f.severity === 'error') r.errors++;
    else if (f.severity === 'warning') r.warnings++;
  }
  const tables = [...rows.values()];
  const errors = tables.reduce((s, t) => s + t.errors, 0);
  const warnings = tables.reduce((s, t) => s + t.warnings, 0);
  return { tables, errors, warnings, state: errors > 0 ? 'errors' : 'pass' };
}

export interface RuleGroup {
  rule: RuleId;
  findings: Finding[];
  worst: Finding['severity'];
}

export interface TableGroup {
  table: TableId | null;
  rules: RuleGroup[];
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Findings by table (sheet order), then by rule (errors first); unfilled cells are left to the status counts. */
export function groupFindings(result: CheckResult): TableGroup[] {
  const byTable = new Map<TableId | null, Map<RuleId, Finding[]>>();
  for (const f of result.findings) {
    if (f.rule === 'V.unfilled') continue;
    const t = tableOf(result.format, f);
    let rules = byTable.get(t);
    if (!rules) byTable.set(t, (rules = new Map()));
    const list = rules.get(f.rule) ?? [];
    list.push(f);
    rules.set(f.rule, list);
  }
  const order = (t: TableId | null) => (t === null ? TABLE_ORDER.length : TABLE_ORDER.indexOf(t));
  return [...byTable.entries()]
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map(([table, rules]) => ({
      table,
      rules: [...rules.entries()]
        .map(([rule, findings]) => ({
          rule,
          findings,
          worst: findings.reduce<Finding['severity']>(
            (w, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[w] ? f.severity : w),
            'info',
          ),
        }))
        .sort((a, b) => SEVERITY_RANK[a.worst] - SEVERITY_RANK[b.worst]),
    }));
}

/** `表三 · 一、本年新收政府信息公开申请数量 · 自然人` — the cell as the user reads it on paper. */
export function cellName(format: FormatId, id: CellId, lang: Lang): string {
  const cell = getFormat(format).cellById.get(id);
  if (!cell) return id;
  const table = getFormat(format).tables.find((t) => t.id === cell.table);
  return [table?.shortName[lang] ?? cell.table, cell.rowLabel, cell.colLabel].join(' · ');
}

/** The cell the pane navigates to for a finding: the one with a suggested value, else the most likely wrong one. */
export function targetCell(f: Finding): CellId | undefined {
  const suggested = f.suggestion ? Object.keys(f.suggestion) : [];
  return suggested[0] ?? f.suspects[0] ?? f.cells[0];
}

/** Suspects shown by name; the rest are counted, since an ambiguous column can name twenty cells. */
export const SUSPECTS_SHOWN = 3;

export function shownSuspects(f: Finding): { shown: CellId[]; more: number } {
  const suggested = f.suggestion ? Object.keys(f.suggestion) : [];
  // Cells with a suggested value first: they are the ones the user will look at.
  const ordered = [
    ...suggested.filter((c) => f.suspects.includes(c)),
    ...f.suspects.filter((c) => !suggested.includes(c)),
  ];
  return { shown: ordered.slice(0, SUSPECTS_SHOWN), more: Math.max(0, ordered.length - SUSPECTS_SHOWN) };
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
  const suspects = new Set(f.suspects);
  const terms = items.map(({ numeral: n, row }) => {
    const id = cellId('T3', row, col);
    return {
      numeral: n,
      id,
      value: result.cells[id] ?? 0,
      filled: !unfilled.has(id) && id in result.cells,
      suspect: suspects.has(id),
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

/** Formats a number for display: thousands are not separated in these tables; amounts keep their decimals. */
export function formatNumber(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '—';
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}

export function signed(n: number): string {
  return n > 0 ? `+${formatNumber(n)}` : formatNumber(n);
}
