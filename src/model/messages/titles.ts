/**
 * What each rule checks (`title.<rule id>`), for headings, help and the review workbook.
 */
import type { MessageTemplate } from './template';

export const TITLE_MESSAGES = {
  // ── Rule titles: what each rule checks, for headings and help ───────────────────────────────────────────
  'title.T3.balance': {
    zh: '表三各列：一 + 二 = 三（七）总计 + 四',
    en: 'Table 3 columns: new + carried in = results + carried out',
  },
  'title.T3.rowTotal': {
    zh: '表三各行：总计 = 各申请人之和',
    en: 'Table 3 rows: total = sum of the applicant columns',
  },
  'title.T3.resultTotal': {
    zh: '表三各列：（七）总计 = 各项办理结果之和',
    en: 'Table 3 columns: result total = sum of the results',
  },
  'title.T4.groupTotal': { zh: '表四各组：总计 = 各项结果之和', en: 'Table 4 groups: total = sum of the results' },
  'title.V.notNumber': { zh: '单元格应填数字', en: 'Cells hold numbers' },
  'title.V.negative': { zh: '件数和金额不能为负', en: 'Counts and amounts are not negative' },
  'title.V.fraction': { zh: '件数应为整数', en: 'Counts are whole numbers' },
  'title.V.fullWidth': { zh: '数字应为半角', en: 'Digits are half-width' },
  'title.V.textNumber': { zh: '数字不应以文本形式存储', en: 'Numbers are not stored as text' },
  'title.V.unfilled': { zh: '每个单元格都应填写（没有的填 0）', en: 'Every cell is filled (0 when nothing happened)' },
  'title.P.issuedVsInForce': { zh: '本年制发 ≤ 现行有效 + 本年废止', en: 'Issued ≤ in force + repealed' },
  'title.P.feeDecimals': { zh: '收费金额（万元）最多 4 位小数', en: 'Fee amount (万元) has at most 4 decimals' },
  'title.P.regulationsAtLocalLevel': { zh: '县级及以下机关不制定规章', en: 'County and town bodies make no 规章' },
  'title.P.copiedText': { zh: '正文不应照抄上年', en: 'Text not copied from last year' },
  'title.P.sameAsLastYear': { zh: '表格不应与上年完全相同', en: 'Tables differ from last year’s' },
  'title.X.carry': { zh: '本年“上年结转” = 上年“结转下年度”', en: 'Carried in = last year’s carried out' },
  'title.X.inForce': {
    zh: '现行有效 = 上年现行有效 + 本年制发 − 本年废止',
    en: 'In force = last year + issued − repealed',
  },
  'title.F.notFormula': { zh: '合计单元格保留公式', en: 'Totals keep their formula' },
  'title.F.formulaRange': { zh: '合计公式正好覆盖各项', en: 'Total formulas cover exactly their parts' },
  'title.FMT.outdated': { zh: '使用与年度相符的格式', en: 'The format matches the report year' },
  'title.N.noApplications': {
    zh: '总体情况所写“未收到申请”与表三相符',
    en: 'The overview’s “no applications” agrees with table 3',
  },
  'title.N.received': {
    zh: '总体情况所写收到申请数与表三相符',
    en: 'Applications received in the overview agree with table 3',
  },
  'title.N.carryIn': { zh: '总体情况所写上年结转数与表三相符', en: 'Carried over in the overview agrees with table 3' },
  'title.N.completed': { zh: '总体情况所写办结数与表三相符', en: 'Completed in the overview agrees with table 3' },
  'title.N.carryOut': {
    zh: '总体情况所写结转下年度数与表三相符',
    en: 'Carried forward in the overview agrees with table 3',
  },
  'title.N.resultCount': {
    zh: '总体情况所写各类办理结果数与表三相符',
    en: 'Result counts in the overview agree with table 3',
  },
  'title.N.resultPercent': {
    zh: '总体情况所写办理结果占比与表三相符',
    en: 'Result percentages in the overview agree with table 3',
  },
  'title.N.review': {
    zh: '总体情况所写行政复议数与表四相符',
    en: 'Administrative reviews in the overview agree with table 4',
  },
  'title.N.suit': { zh: '总体情况所写行政诉讼数与表四相符', en: 'Lawsuits in the overview agree with table 4' },
  'title.N.allCompleted': {
    zh: '总体情况说申请全部办结时，表三没有结转下年度的申请',
    en: 'When the overview says every application was completed, table 3 carries none over',
  },
  'title.N.allUpheld': {
    zh: '总体情况说复议、诉讼均获维持时，表四没有纠正、其他结果或尚未审结的案件',
    en: 'When the overview says all reviews or suits were upheld, table 4 has none corrected, other or pending',
  },
} satisfies Record<string, MessageTemplate>;
