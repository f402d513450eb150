/**
 * The verbatim labels of the national format (国办公开办函〔2021〕30号 and the 2019 trial format 〔2019〕60号), as data.
 * This file is the only place in the code base where a label or a row/column key is written; layout, rules,
 * import and UI all derive from it.
 */
import type { CellKind } from '../types';

interface KeyedLabel {
  key: string;
  label: string;
}

interface ValueColumn extends KeyedLabel {
  kind: CellKind;
}

export interface T2Block {
  caption: string;
  /** The first header cell, `信息内容`. */
  header: string;
  columns: ValueColumn[];
  rows: KeyedLabel[];
}

/** A top-level row of table 三 spans the three label columns. */
interface T3TopRow extends KeyedLabel {
  type: 'row';
}

/** A result category: either one row (B:C merged) or a group label in B over numbered rows in C. */
interface T3Category {
  label: string;
  key?: string;
  items?: KeyedLabel[];
}

interface T3Section {
  type: 'section';
  label: string;
  categories: T3Category[];
}

export type T3Entry = T3TopRow | T3Section;

export const DOC_SECTIONS = {
  overview: '一、总体情况',
  t2: '二、主动公开政府信息情况',
  t3: '三、收到和处理政府信息公开申请情况',
  t4: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
} as const;

/** The notices that fixed each layout, as published (a format's `source`). */
export const FORMAT_SOURCES = {
  '2021': '国办公开办函〔2021〕30号',
  '2019': '国办公开办函〔2019〕60号',
} as const;

export const REPORT_TITLE_SUFFIX = '政府信息公开工作年度报告';

const INFO = '信息内容';
const DECISIONS_2021 = '本年处理决定数量';

export const T2_BLOCKS_2021: T2Block[] = [
  {
    caption: '第二十条第（一）项',
    header: INFO,
    columns: [
      { key: 'ISSUED', label: '本年制发件数', kind: 'count' },
      { key: 'REPEALED', label: '本年废止件数', kind: 'count' },
      { key: 'IN_FORCE', label: '现行有效件数', kind: 'count' },
    ],
    rows: [
      { key: 'REG', label: '规章' },
      { key: 'NORM', label: '行政规范性文件' },
    ],
  },
  {
    caption: '第二十条第（五）项',
    header: INFO,
    columns: [{ key: 'COUNT', label: DECISIONS_2021, kind: 'count' }],
    rows: [{ key: 'LICENSE', label: '行政许可' }],
  },
  {
    caption: '第二十条第（六）项',
    header: INFO,
    columns: [{ key: 'COUNT', label: DECISIONS_2021, kind: 'count' }],
    rows: [
      { key: 'PENALTY', label: '行政处罚' },
      { key: 'COERCION', label: '行政强制' },
    ],
  },
  {
    caption: '第二十条第（八）项',
    header: INFO,
    columns: [{ key: 'AMOUNT', label: '本年收费金额（单位：万元）', kind: 'amount' }],
    rows: [{ key: 'FEE', label: '行政事业性收费' }],
  },
];

const PREV_COUNT: ValueColumn = { key: 'PREV_COUNT', label: '上一年项目数量', kind: 'count' };
const CHANGE: ValueColumn = { key: 'CHANGE', label: '本年增/减', kind: 'signedCount' };
const DECISIONS_2019: ValueColumn = { key: 'DECISIONS', label: '处理决定数量', kind: 'count' };

export const T2_BLOCKS_2019: T2Block[] = [
  {
    caption: '第二十条第（一）项',
    header: INFO,
    columns: [
      { key: 'MADE', label: '本年新制作数量', kind: 'count' },
      { key: 'PUBLISHED', label: '本年新公开数量', kind: 'count' },
      { key: 'TOTAL_PUBLIC', label: '对外公开总数量', kind: 'count' },
    ],
    rows: [
      { key: 'REG', label: '规章' },
      { key: 'NORM', label: '规范性文件' },
    ],
  },
  {
    caption: '第二十条第（五）项',
    header: INFO,
    columns: [PREV_COUNT, CHANGE, DECISIONS_2019],
    rows: [
      { key: 'LICENSE', label: '行政许可' },
      { key: 'OTHER_SERVICE', label: '其他对外管理服务事项' },
    ],
  },
  {
    caption: '第二十条第（六）项',
    header: INFO,
    columns: [PREV_COUNT, CHANGE, DECISIONS_2019],
    rows: [
      { key: 'PENALTY', label: '行政处罚' },
      { key: 'COERCION', label: '行政强制' },
    ],
  },
  {
    caption: '第二十条第（八）项',
    header: INFO,
    columns: [PREV_COUNT, CHANGE],
    rows: [{ key: 'FEE', label: '行政事业性收费' }],
  },
  {
    caption: '第二十条第（九）项',
    header: INFO,
    columns: [
      { key: 'COUNT', label: '采购项目数量', kind: 'count' },
      { key: 'AMOUNT', label: '采购总金额', kind: 'amount' },
    ],
    rows: [{ key: 'PROCUREMENT', label: '政府集中采购' }],
  },
];

export const T3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const T3_APPLICANTS = '申请人情况';
export const T3_ORGS = '法人或其他组织';
/** Applicant columns in sheet order; `TOT` is the row total. `org` marks the five under 法人或其他组织. */
export const T3_COLUMNS: (KeyedLabel & { org: boolean })[] = [
  { key: 'NP', label: '自然人', org: false },
  { key: 'BIZ', label: '商业企业', org: true },
  { key: 'RES', label: '科研机构', org: true },
  { key: 'NGO', label: '社会公益组织', org: true },
  { key: 'LAW', label: '法律服务机构', org: true },
  { key: 'OTH', label: '其他', org: true },
  { key: 'TOT', label: '总计', org: false },
];
export const T3_TOTAL_COLUMN = 'TOT';
export const T3_RESULT_TOTAL_ROW = 'R7_TOTAL';

const T3_BEFORE_R6: T3Category[] = [
  { key: 'R1', label: '（一）予以公开' },
  { key: 'R2', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  {
    label: '（三）不予公开',
    items: [
      { key: 'R3_1', label: '1.属于国家秘密' },
      { key: 'R3_2', label: '2.其他法律行政法规禁止公开' },
      { key: 'R3_3', label: '3.危及“三安全一稳定”' },
      { key: 'R3_4', label: '4.保护第三方合法权益' },
      { key: 'R3_5', label: '5.属于三类内部事务信息' },
      { key: 'R3_6', label: '6.属于四类过程性信息' },
      { key: 'R3_7', label: '7.属于行政执法案卷' },
      { key: 'R3_8', label: '8.属于行政查询事项' },
    ],
  },
  {
    label: '（四）无法提供',
    items: [
      { key: 'R4_1', label: '1.本机关不掌握相关政府信息' },
      { key: 'R4_2', label: '2.没有现成信息需要另行制作' },
      { key: 'R4_3', label: '3.补正后申请内容仍不明确' },
    ],
  },
  {
    label: '（五）不予处理',
    items: [
      { key: 'R5_1', label: '1.信访举报投诉类申请' },
      { key: 'R5_2', label: '2.重复申请' },
      { key: 'R5_3', label: '3.要求提供公开出版物' },
      { key: 'R5_4', label: '4.无正当理由大量反复申请' },
      { key: 'R5_5', label: '5.要求行政机关确认或重新出具已获取信息' },
    ],
  },
];

const R6_LABEL = '（六）其他处理';
const R7: T3Category = { key: 'R7_TOTAL', label: '（七）总计' };

function t3Entries(r6: T3Category): T3Entry[] {
  return [
    { type: 'row', key: 'NEW', label: '一、本年新收政府信息公开申请数量' },
    { type: 'row', key: 'CARRY_IN', label: '二、上年结转政府信息公开申请数量' },
    { type: 'section', label: '三、本年度办理结果', categories: [...T3_BEFORE_R6, r6, R7] },
    { type: 'row', key: 'CARRY_OUT', label: '四、结转下年度继续办理' },
  ];
}

export const T3_ENTRIES_2021: T3Entry[] = t3Entries({
  label: R6_LABEL,
  items: [
    { key: 'R6_1', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
    { key: 'R6_2', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
    { key: 'R6_3', label: '3.其他' },
  ],
});

export const T3_ENTRIES_2019: T3Entry[] = t3Entries({ key: 'R6', label: R6_LABEL });

export const T4_GROUPS: (KeyedLabel & { parent: string })[] = [
  { key: 'REVIEW', label: '行政复议', parent: '行政复议' },
  { key: 'SUIT_DIRECT', label: '未经复议直接起诉', parent: '行政诉讼' },
  { key: 'SUIT_AFTER', label: '复议后起诉', parent: '行政诉讼' },
];
export const T4_COLUMNS: KeyedLabel[] = [
  { key: 'UPHELD', label: '结果维持' },
  { key: 'CORRECTED', label: '结果纠正' },
  { key: 'OTHER', label: '其他结果' },
  { key: 'PENDING', label: '尚未审结' },
  { key: 'TOTAL', label: '总计' },
];
export const T4_TOTAL_COLUMN = 'TOTAL';
