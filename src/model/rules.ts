/**
 * The rules as data: what each rule is (severity, category, message keys), and the instances of the arithmetic
 * rules generated from the format definition. No label, row key or column key is written here: every instance is
 * derived from `getFormat(...)`, so the 2019 and 2021 formats get their own instances from the same code.
 */
import { T2_BLOCKS_2019, T2_BLOCKS_2021, T3_RESULT_TOTAL_ROW, cellId, getFormat } from './formats';
import type { MessageKey } from './messages';
import type { CellId, DataCell, FormatId, Lang, ReportFormat, RuleId, Severity, TableId } from './types';

export type RuleCategory = 'relation' | 'value' | 'plausibility' | 'crossYear' | 'formula' | 'narrative' | 'format';

export interface RuleDef {
  id: RuleId;
  severity: Severity;
  category: RuleCategory;
  /** Message keys in `messages.ts` the rule renders. */
  messages: MessageKey[];
  /** What the rule checks, for help texts. */
  title: { zh: string; en: string };
}

export const RULES: readonly RuleDef[] = [
  {
    id: 'T3.balance',
    severity: 'error',
    category: 'relation',
    messages: ['T3.balance'],
    title: {
      zh: '表三各列：一 + 二 = 三（七）总计 + 四',
      en: 'Table 3 columns: new + carried in = results + carried out',
    },
  },
  {
    id: 'T3.rowTotal',
    severity: 'error',
    category: 'relation',
    messages: ['T3.rowTotal'],
    title: { zh: '表三各行：总计 = 各申请人之和', en: 'Table 3 rows: total = sum of the applicant columns' },
  },
  {
    id: 'T3.resultTotal',
    severity: 'error',
    category: 'relation',
    messages: ['T3.resultTotal'],
    title: { zh: '表三各列：（七）总计 = 各项办理结果之和', en: 'Table 3 columns: result total = sum of the results' },
  },
  {
    id: 'T4.groupTotal',
    severity: 'error',
    category: 'relation',
    messages: ['T4.groupTotal'],
    title: { zh: '表四各组：总计 = 各项结果之和', en: 'Table 4 groups: total = sum of the results' },
  },
  {
    id: 'V.notNumber',
    severity: 'error',
    category: 'value',
    messages: ['V.notNumber'],
    title: { zh: '单元格应填数字', en: 'Cells hold numbers' },
  },
  {
    id: 'V.negative',
    severity: 'error',
    category: 'value',
    messages: ['V.negative', 'V.negativeAmount'],
    title: { zh: '件数和金额不能为负', en: 'Counts and amounts are not negative' },
  },
  {
    id: 'V.fraction',
    severity: 'error',
    category: 'value',
    messages: ['V.fraction'],
    title: { zh: '件数应为整数', en: 'Counts are whole numbers' },
  },
  {
    id: 'V.fullWidth',
    severity: 'warning',
    category: 'value',
    messages: ['V.fullWidth'],
    title: { zh: '数字应为半角', en: 'Digits are half-width' },
  },
  {
    id: 'V.textNumber',
    severity: 'warning',
    category: 'value',
    messages: ['V.textNumber'],
    title: { zh: '数字不应以文本形式存储', en: 'Numbers are not stored as text' },
  },
  {
    id: 'V.unfilled',
    severity: 'warning',
    category: 'value',
    messages: ['V.unfilled'],
    title: { zh: '每个单元格都应填写（没有的填 0）', en: 'Every cell is filled (0 when nothing happened)' },
  },
  {
    id: 'P.issuedVsInForce',
    severity: 'warning',
    category: 'plausibility',
    messages: ['P.issuedVsInForce'],
    title: { zh: '本年制发 ≤ 现行有效 + 本年废止', en: 'Issued ≤ in force + repealed' },
  },
  {
    id: 'P.feeDecimals',
    severity: 'warning',
    category: 'plausibility',
    messages: ['P.feeDecimals'],
    title: { zh: '收费金额（万元）最多 4 位小数', en: 'Fee amount (万元) has at most 4 decimals' },
  },
  {
    id: 'P.regulationsAtLocalLevel',
    severity: 'warning',
    category: 'plausibility',
    messages: ['P.regulationsAtLocalLevel'],
    title: { zh: '县级及以下机关不制定规章', en: 'County and town bodies make no 规章' },
  },
  {
    id: 'P.sameAsLastYear',
    severity: 'warning',
    category: 'plausibility',
    messages: ['P.sameAsLastYear'],
    title: { zh: '表格不应与上年完全相同', en: 'Tables differ from last year’s' },
  },
  {
    id: 'X.carry',
    severity: 'warning',
    category: 'crossYear',
    messages: ['X.carry'],
    title: { zh: '本年“上年结转” = 上年“结转下年度”', en: 'Carried in = last year’s carried out' },
  },
  {
    id: 'X.inForce',
    severity: 'warning',
    category: 'crossYear',
    messages: ['X.inForce'],
    title: { zh: '现行有效 = 上年现行有效 + 本年制发 − 本年废止', en: 'In force = last year + issued − repealed' },
  },
  {
    id: 'F.notFormula',
    severity: 'warning',
    category: 'formula',
    messages: ['F.notFormula'],
    title: { zh: '合计单元格保留公式', en: 'Totals keep their formula' },
  },
  {
    id: 'F.formulaRange',
    severity: 'warning',
    category: 'formula',
    messages: ['F.formulaRange'],
    title: { zh: '合计公式正好覆盖各项', en: 'Total formulas cover exactly their parts' },
  },
  {
    id: 'FMT.outdated',
    severity: 'warning',
    category: 'format',
    messages: ['FMT.outdated'],
    title: { zh: '使用与年度相符的格式', en: 'The format matches the report year' },
  },
];

const RULE_INDEX = new Map<RuleId, number>(RULES.map((r, i) => [r.id, i]));

/** Position of a rule in `RULES`, for a stable order of findings (narrative rules come last). */
export function ruleOrder(id: RuleId): number {
  return RULE_INDEX.get(id) ?? RULES.length;
}

export function ruleDef(id: RuleId): RuleDef | undefined {
  const i = RULE_INDEX.get(id);
  return i === undefined ? undefined : RULES[i];
}

/**
 * A linear equality `Σ reported = Σ computed` over cells, coefficients ±1. `reported` is what the report states
 * (a total, or 三 + 四 for the balance), `computed` what the parts imply.
 */
export interface Equation {
  rule: RuleId;
  instance: string;
  table: TableId;
  reported: CellId[];
  computed: CellId[];
  /** Every cell, reported first. */
  cells: CellId[];
  /** Message parameters other than the numbers, per language. */
  params: Record<Lang, Record<string, string>>;
}

export interface FormatRules {
  format: ReportFormat;
  equations: Equation[];
  /** For each cell, the indexes of the equations it appears in. */
  equationsOf: ReadonlyMap<CellId, number[]>;
  /** For each equation, the coefficient of each of its cells: +1 reported, −1 computed. */
  coefficients: ReadonlyArray<ReadonlyMap<CellId, 1 | -1>>;
  /** Reading order of every cell, for a stable order of findings. */
  cellOrder: ReadonlyMap<CellId, number>;
  t2: T2Semantics;
  t3: { inRows: string[]; outRows: string[]; resultTotalRow: string };
}

/** The table 二 cells with a meaning the plausibility and cross-year rules rely on. */
export interface T2Semantics {
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

function buildRules(format: ReportFormat): FormatRules {
  const equations: Equation[] = [];
  const t3 = tableDef(format, 'T3');
  const t4 = tableDef(format, 'T4');
  const { rows, leafRows, columns, applicantColumns } = format.t3;
  const totalCol = columns.find((c) => !applicantColumns.includes(c))!;
  const resultTotalRow = T3_RESULT_TOTAL_ROW;
  const resultIdx = rows.indexOf(resultTotalRow);
  const firstLeaf = rows.indexOf(leafRows[0]);
  const inRows = rows.slice(0, firstLeaf);
  const outRows = rows.slice(resultIdx + 1);
  const shortName = (t: typeof t3) => ({ zh: t.shortName.zh, en: t.shortName.en });
  const t3Name = shortName(t3);
  const t4Name = shortName(t4);

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
    const p = { col: colName(c), left, right };
    equations.push({
      rule: 'T3.balance',
      instance: `T3.balance:${c}`,
      table: 'T3',
      reported,
      computed,
      cells: [...reported, ...computed],
      params: { zh: { ...p, table: t3Name.zh }, en: { ...p, table: t3Name.en } },
    });
  }
  for (const r of rows) {
    const total = cell(format, cellId('T3', r, totalCol));
    const computed = total.sumOf ?? [];
    const p = { row: total.rowLabel, total: colName(totalCol) };
    equations.push({
      rule: 'T3.rowTotal',
      instance: `T3.rowTotal:${r}`,
      table: 'T3',
      reported: [total.id],
      computed: [...computed],
      cells: [total.id, ...computed],
      params: { zh: { ...p, table: t3Name.zh }, en: { ...p, table: t3Name.en } },
    });
  }
  for (const c of columns) {
    const total = cell(format, cellId('T3', resultTotalRow, c));
    const computed = leafRows.map((r) => cellId('T3', r, c));
    const p = { col: colName(c), total: total.rowLabel };
    equations.push({
      rule: 'T3.resultTotal',
      instance: `T3.resultTotal:${c}`,
      table: 'T3',
      reported: [total.id],
      computed,
      cells: [total.id, ...computed],
      params: { zh: { ...p, table: t3Name.zh }, en: { ...p, table: t3Name.en } },
    });
  }
  const totalT4 = format.t4.columns.find((c) => !format.t4.partColumns.includes(c))!;
  for (const g of format.t4.groups) {
    const total = cell(format, cellId('T4', g, totalT4));
    const computed = total.sumOf ?? [];
    const parts = computed.map((id) => cell(format, id).colLabel).join(' + ');
    const p = { group: total.rowLabel, total: total.colLabel, parts };
    equations.push({
      rule: 'T4.groupTotal',
      instance: `T4.groupTotal:${g}`,
      table: 'T4',
      reported: [total.id],
      computed: [...computed],
      cells: [total.id, ...computed],
      params: { zh: { ...p, table: t4Name.zh }, en: { ...p, table: t4Name.en } },
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
  return {
    format,
    equations,
    equationsOf,
    coefficients,
    cellOrder: new Map(format.cells.map((c, i) => [c.id, i])),
    t2: t2Semantics(format),
    t3: { inRows, outRows, resultTotalRow },
  };
}

const cache = new Map<FormatId, FormatRules>();

/** The rule instances of a format, built once (they are immutable data). */
export function formatRules(id: FormatId): FormatRules {
  let r = cache.get(id);
  if (!r) {
    r = buildRules(getFormat(id));
    cache.set(id, r);
  }
  return r;
}
