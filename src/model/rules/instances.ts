/**
 * The instances of the rules for one format, prepared once: the equations of the arithmetic rules (derived from
 * the format definition, so the 2019 and 2021 formats get their own from the same code), the cells by position
 * for the checker's arrays, and the table 二 cells the plausibility rules read. No label, row key or column key is
 * written here: everything comes from the format data. Built once per format, as `prepare(id).rules`.
 */
import { cellId } from '../formats/build';
import { T2_BLOCKS_2019, T2_BLOCKS_2021, T3_RESULT_TOTAL_ROW } from '../formats/labels';
import type { CellId, DataCell, ReportFormat, RuleId, TableId } from '../types';

/**
 * A linear equality `Σ reported = Σ computed` over cells, coefficients ±1. `reported` is what the report states
 * (a total, or 三 + 四 for the balance), `computed` what the parts imply.
 */
interface Equation {
  rule: RuleId;
  instance: string;
  table: TableId;
  reported: CellId[];
  computed: CellId[];
  /** Every cell, reported first. */
  cells: CellId[];
  /** The labels the equation's sentence names (column, row, the terms of the balance), verbatim from the format. */
  labels: Readonly<Record<string, string>>;
}

/** Everything `check()` and the renderer need of one format, built once as `prepare(id).rules` (immutable data). */
export interface FormatRules {
  format: ReportFormat;
  equations: Equation[];
  equationByInstance: ReadonlyMap<string, Equation>;
  /** For each cell, the indexes of the equations it appears in. */
  equationsOf: ReadonlyMap<CellId, number[]>;
  /** For each equation, the coefficient of each of its cells: +1 reported, −1 computed. */
  coefficients: ReadonlyArray<ReadonlyMap<CellId, 1 | -1>>;
  /** Reading order of every cell, for a stable order of findings. */
  cellOrder: ReadonlyMap<CellId, number>;
  t2: T2Semantics;
  t3: { inRows: string[]; outRows: string[]; resultTotalRow: string };
  /** Cell ids by position: the checker keeps a report's values in arrays in this order. */
  ids: CellId[];
  index: ReadonlyMap<CellId, number>;
  /** Per equation (in `equations` order): its cells' positions. */
  positions: { reported: number[]; computed: number[] }[];
  /** Table 二's first document row (规章): the cells `P.regulationsAtLocalLevel` looks at. */
  regulationCells: CellId[];
}

/** The table 二 cells with a meaning the plausibility and cross-year rules rely on. */
interface T2Semantics {
  /** Rows of 第二十条第（一）项 (规章, 规范性文件) in both formats. */
  documentRows: string[];
  /** 2021 only: the columns 本年制发件数, 本年废止件数, 现行有效件数. */
  documentColumns?: { issued: string; repealed: string; inForce: string };
  /** 2021 only: the fee amount in 万元. */
  feeCell?: CellId;
}

/** `一、本年新收…` → `一`: the ordinal the table's own header uses to name its rows. */
function ordinal(label: string): string {
  const i = label.indexOf('、');
  return i > 0 ? label.slice(0, i) : label;
}

function tableDef(format: ReportFormat, id: TableId) {
  const t = format.tables.find((x) => x.id === id);
  if (!t) throw new Error(`format ${format.id} has no ${id}`);
  return t;
}

function cell(format: ReportFormat, id: CellId): DataCell {
  const c = format.cellById.get(id);
  if (!c) throw new Error(`format ${format.id} has no cell ${id}`);
  return c;
}

function t2Semantics(format: ReportFormat): T2Semantics {
  // The first block of table 二 is 第二十条第（一）项 in both formats; in 2021 its columns are, in order,
  // 制发, 废止, 现行有效, and the fourth block holds the fee in 万元 (see labels.ts).
  const blocks = format.id === '2021' ? T2_BLOCKS_2021 : T2_BLOCKS_2019;
  const docs = blocks[0];
  const out: T2Semantics = { documentRows: docs.rows.map((r) => r.key) };
  if (format.id === '2021') {
    const [issued, repealed, inForce] = docs.columns.map((c) => c.key);
    out.documentColumns = { issued, repealed, inForce };
    const fee = format.cells.find((c) => c.table === 'T2' && c.kind === 'amount');
    if (fee) out.feeCell = fee.id;
  }
  return out;
}

/** The rules of a format; `prepare(id).rules` holds the one every check shares. */
export function buildRules(format: ReportFormat): FormatRules {
  const equations: Equation[] = [];
  const t3 = tableDef(format, 'T3');
  const { rows, leafRows, columns, applicantColumns } = format.t3;
  const totalCol = columns.find((c) => !applicantColumns.includes(c))!;
  const resultTotalRow = T3_RESULT_TOTAL_ROW;
  const resultIdx = rows.indexOf(resultTotalRow);
  const firstLeaf = rows.indexOf(leafRows[0]);
  const inRows = rows.slice(0, firstLeaf);
  const outRows = rows.slice(resultIdx + 1);

  // 三（七）总计: the section label's ordinal and the result-total row's own label.
  const rtCell = cell(format, cellId('T3', resultTotalRow, columns[0]));
  const section = t3.labels.find(
    (l) => l.role === 'rowLabel' && l.col === 0 && l.row <= rtCell.row && rtCell.row < l.row + l.rows,
  );
  const rowOrd = (r: string) => ordinal(cell(format, cellId('T3', r, columns[0])).rowLabel);
  const left = inRows.map(rowOrd).join(' + ');
  const right = [`${section ? ordinal(section.text) : ''}${rtCell.rowLabel}`, ...outRows.map(rowOrd)].join(' + ');
  const colName = (c: string) => {
    const label = cell(format, cellId('T3', rows[0], c)).colLabel;
    return label.slice(label.lastIndexOf('·') + 1);
  };

  for (const c of columns) {
    const reported = [resultTotalRow, ...outRows].map((r) => cellId('T3', r, c));
    const computed = inRows.map((r) => cellId('T3', r, c));
    equations.push({
      rule: 'T3.balance',
      instance: `T3.balance:${c}`,
      table: 'T3',
      reported,
      computed,
      cells: [...reported, ...computed],
      labels: { col: colName(c), left, right },
    });
  }
  for (const r of rows) {
    const total = cell(format, cellId('T3', r, totalCol));
    const computed = total.sumOf ?? [];
    equations.push({
      rule: 'T3.rowTotal',
      instance: `T3.rowTotal:${r}`,
      table: 'T3',
      reported: [total.id],
      computed: [...computed],
      cells: [total.id, ...computed],
      labels: { row: total.rowLabel, total: colName(totalCol) },
    });
  }
  for (const c of columns) {
    const total = cell(format, cellId('T3', resultTotalRow, c));
    const computed = leafRows.map((r) => cellId('T3', r, c));
    equations.push({
      rule: 'T3.resultTotal',
      instance: `T3.resultTotal:${c}`,
      table: 'T3',
      reported: [total.id],
      computed,
      cells: [total.id, ...computed],
      labels: { col: colName(c), total: total.rowLabel },
    });
  }
  const totalT4 = format.t4.columns.find((c) => !format.t4.partColumns.includes(c))!;
  for (const g of format.t4.groups) {
    const total = cell(format, cellId('T4', g, totalT4));
    const computed = total.sumOf ?? [];
    const parts = computed.map((id) => cell(format, id).colLabel).join(' + ');
    equations.push({
      rule: 'T4.groupTotal',
      instance: `T4.groupTotal:${g}`,
      table: 'T4',
      reported: [total.id],
      computed: [...computed],
      cells: [total.id, ...computed],
      labels: { group: total.rowLabel, total: total.colLabel, parts },
    });
  }

  const equationsOf = new Map<CellId, number[]>();
  equations.forEach((e, i) => {
    for (const id of e.cells) {
      const list = equationsOf.get(id);
      if (list) list.push(i);
      else equationsOf.set(id, [i]);
    }
  });
  const coefficients = equations.map(
    (e) =>
      new Map<CellId, 1 | -1>([...e.reported.map((c) => [c, 1] as const), ...e.computed.map((c) => [c, -1] as const)]),
  );
  const ids = format.cells.map((x) => x.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const at = (id: CellId) => index.get(id)!;
  const t2 = t2Semantics(format);
  return {
    format,
    equations,
    equationByInstance: new Map(equations.map((e) => [e.instance, e])),
    equationsOf,
    coefficients,
    cellOrder: index,
    t2,
    t3: { inRows, outRows, resultTotalRow },
    ids,
    index,
    positions: equations.map((eq) => ({ reported: eq.reported.map(at), computed: eq.computed.map(at) })),
    regulationCells: format.cells.filter((x) => x.table === 'T2' && x.rowKey === t2.documentRows[0]).map((x) => x.id),
  };
}
