/**
 * Shapes met in the wild corpus (test/fixtures/wild), each reduced to a minimal synthetic case: the cause is fixed in
 * general, and each case fails without its fix.
 */
import { importReportTexts } from '../../src/io/text';
import { tokenise } from '../../src/io/text/tokens';

const T3_HEAD = [
  '三、收到和处理政府信息公开申请情况',
  '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||',
  '自然人 | 法人或其他组织 | 总计 | |||||||',
  '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||',
];
const T2_ROWS = [
  '二、主动公开政府信息情况',
  '第二十条第(一)项 | |||',
  '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
  '规章 | 0 | 0 | 0 |',
  '行政规范性文件 | 4 | 1 | 9 |',
];
const read = (lines: string[]) => {
  const reports = importReportTexts(lines.join('\n'));
  expect(reports).toHaveLength(1);
  return reports[0];
};
const row = (id: string) => ['NP', 'BIZ', 'RES', 'NGO', 'LAW', 'OTH', 'TOT'].map((c) => `T3.${id}.${c}`);

describe('bars a page converter added for cells a row lacks are no cells', () => {
  test('tokens: the bare bars after a row and the space joining them are padding; an empty cell "|  |" is not', () => {
    const tokens = tokenise(['行政许可 | 0 | | ||']);
    expect(tokens.map((t) => (t.kind === 'blank' ? (t.pad ? 'pad' : 'empty') : t.kind))).toEqual([
      'text',
      'value',
      'empty',
      'pad',
      'pad',
    ]);
  });

  test('a row of one figure and padding is not read as 自然人 0 with empty cells (row per line)', () => {
    const r = read([
      ...T3_HEAD,
      '一、本年新收政府信息公开申请数量 | 0 | ||||||||',
      '二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | ||',
    ]);
    expect(row('NEW').filter((id) => r.cells[id] !== undefined || r.unfilled.includes(id))).toEqual([]);
    // A full row followed by padding is read whole.
    expect(row('CARRY_IN').map((id) => r.cells[id])).toEqual([2, 0, 0, 0, 0, 0, 2]);
  });

  test('two figures and a line of bars are not read as 自然人 and 商业企业 (one cell per line)', () => {
    const r = read([...T3_HEAD, '一、本年新收政府信息公开申请数量 |', '3 |', '3 |', '|||||||']);
    // Which two of the seven columns hold the figures the text does not say (自然人 and 总计 is the likeliest).
    expect(row('NEW').filter((id) => r.cells[id] !== undefined && !/\.(NP|TOT)$/.test(id))).toEqual([]);
  });
});

test('a preface item naming 行政复议、行政诉讼 over a sentence is not table 四: the tables after it are one report', () => {
  const r = read([
    '某乡2020年政府信息公开工作年度报告',
    '一、总体情况',
    '5.因政府信息公开申请提起行政复议、行政诉讼的情况',
    '2020年,全乡未发生因政府信息公开申请提起的行政复议和行政诉讼案件。',
    ...T2_ROWS,
  ]);
  expect(r.cells['T2.NORM.ISSUED']).toBe(4);
  expect(r.cells['T2.NORM.IN_FORCE']).toBe(9);
});

test('a flip-book page titled "2020年报_审计局" is a 2020 report, so in the 2019 format', () => {
  const r = read([
    'Page 9 - 2020年报_审计局',
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议 行政诉讼',
    '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0',
  ]);
  expect(r.year).toBe(2020);
  expect(r.format).toBe('2019');
  expect(r.cells['T4.SUIT_AFTER.TOTAL']).toBe(0);
});
