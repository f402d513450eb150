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

test('a page that starts inside table 三 (its row 四、结转下年度继续办理 with figures, no heading) is read as table 三', () => {
  const r = read([
    'Page 9 - 2020年报_审计局',
    '四、结转下年度继续办理 0 1 0 0 0 0 1',
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议 行政诉讼',
    '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0',
  ]);
  expect(row('CARRY_OUT').map((id) => r.cells[id])).toEqual([0, 1, 0, 0, 0, 0, 1]);
  expect(r.cells['T4.REVIEW.TOTAL']).toBe(0);
});

test('a title line naming a row of table 三 with fewer than five figures stays in the head', () => {
  const r = read(['结转下年度继续办理 2024', ...T2_ROWS]);
  expect(r.cells['T2.NORM.ISSUED']).toBe(4);
  expect(Object.keys(r.cells).filter((id) => id.startsWith('T3.'))).toEqual([]);
});

describe('a figure written with its unit in the cell has one reading, the figure', () => {
  test.each([
    ['3件', '3'],
    ['12 条', '12'],
    ['0.5万元', '0.5'],
    ['22件（其中修订 16 件）', '22（其中修订 16 件）'],
  ])('"%s" is the value %s', (field, raw) => {
    expect(tokenise([`行政许可 | ${field} |`])[1]).toEqual({ kind: 'value', raw, line: 0 });
  });

  test.each(['500元', '3人', '第3项', '3件多'])('"%s" is no value', (field) => {
    expect(tokenise([`行政许可 | ${field} |`])[1]).toMatchObject({ kind: 'text' });
  });

  test('table 二 written "4件 | 1件 | 9件" reads 4, 1 and 9', () => {
    const r = read([
      '二、主动公开政府信息情况',
      '第二十条第(一)项 | |||',
      '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '规章 | 0件 | 0件 | 0件 |',
      '行政规范性文件 | 4件 | 1件 | 9件 |',
      '第二十条第(五)项 | |||',
      '信息内容 | 本年处理决定数量 | ||',
      '行政许可 | 3件 | ||',
    ]);
    expect([r.cells['T2.NORM.ISSUED'], r.cells['T2.NORM.REPEALED'], r.cells['T2.NORM.IN_FORCE']]).toEqual([4, 1, 9]);
    expect(r.cells['T2.LICENSE.COUNT']).toBe(3);
  });
});
