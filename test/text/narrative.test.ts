import { check } from '../../src/model/check';
import { cellId, getFormat } from '../../src/model/formats';
import { ruleDef } from '../../src/model/rules';
import { checkNarrative, narrativeFigures, percentAgrees } from '../../src/model/narrative';
import { renderFinding } from '../../src/model/render';
import { importReportTexts } from '../../src/io/text';
import { expectedReports, readSample, sampleFiles } from './fixtures';

const fmt = getFormat('2021');
const T3 = (row: string, col = 'TOT') => cellId('T3', row, col);

/** A consistent table set: every cell 0 except the ones given. */
function values(over: Record<string, number>): Record<string, number> {
  const v: Record<string, number> = {};
  for (const c of fmt.cells) v[c.id] = 0;
  return { ...v, ...over };
}

describe('narrative against the tables, on the samples', () => {
  const suqian = sampleFiles().find((f) => f.startsWith('02-'))!;

  test('seed: "未收到政府信息公开申请" agrees with an all-zero table 三', () => {
    const exp = expectedReports().find((e) => e.source.startsWith('seed'))!;
    const [r] = importReportTexts(readSample(exp.source));
    expect(narrativeFigures(r.narrative).map((f) => f.metric)).toContain('noApplications');
    expect(checkNarrative(r.narrative, exp.cells, '2021')).toEqual([]);
  });

  test('seed narrative against a table with applications: N.noApplications quoting the sentence', () => {
    const exp = expectedReports().find((e) => e.source.startsWith('seed'))!;
    const [r] = importReportTexts(readSample(exp.source));
    const found = checkNarrative(r.narrative, { ...exp.cells, [T3('NEW')]: 3 }, '2021');
    expect(found.map((f) => f.rule)).toEqual(['N.noApplications']);
    expect(String(found[0].params.sentence)).toContain('未收到政府信息公开申请');
    expect(ruleDef(found[0].rule)?.severity).toBe('warning');
  });

  test('Suqian 2023 agrees (收办 = 新收 + 上年结转 is accepted)', () => {
    const [r] = importReportTexts(readSample(suqian));
    const exp = expectedReports().find((e) => e.name === 'suqian-2023.json')!;
    expect(checkNarrative(r.narrative, exp.cells, '2021')).toEqual([]);
  });

  test('Suqian 2024: 复议/诉讼 counts of the narrative differ from table 四', () => {
    const [, r] = importReportTexts(readSample(suqian));
    const exp = expectedReports().find((e) => e.name === 'suqian-2024.json')!;
    const found = checkNarrative(r.narrative, exp.cells, '2021');
    expect(found.map((f) => f.rule).sort()).toEqual(['N.review', 'N.suit']);
    const review = found.find((f) => f.rule === 'N.review')!;
    expect(review.reported).toBe(134);
    expect(review.computed).toBe(exp.cells['T4.REVIEW.TOTAL']);
    expect(String(review.params.sentence)).toContain('134');
    const suit = found.find((f) => f.rule === 'N.suit')!;
    expect(suit.computed).toBe(exp.cells['T4.SUIT_DIRECT.TOTAL'] + exp.cells['T4.SUIT_AFTER.TOTAL']);
  });
});

describe('narrative rules', () => {
  const v = values({
    [T3('NEW')]: 10,
    [T3('CARRY_IN')]: 2,
    [T3('R1')]: 4,
    [T3('R3_2')]: 1,
    [T3('R3_4')]: 2,
    [T3('R4_1')]: 2,
    [T3('R7_TOTAL')]: 9,
    [T3('CARRY_OUT')]: 3,
    'T4.REVIEW.TOTAL': 1,
    'T4.SUIT_DIRECT.TOTAL': 1,
    'T4.SUIT_AFTER.TOTAL': 1,
  });

  test('a narrative that agrees yields nothing', () => {
    const text =
      '2025年，本机关共收到政府信息公开申请10件，上年结转2件，办结9件，结转下年度继续办理3件。' +
      '其中予以公开4件，占44.4%；不予公开3件；无法提供2件，占22%。发生行政复议1件，行政诉讼2件。';
    expect(checkNarrative(text, v, '2021')).toEqual([]);
  });

  test('received may count the carried-over applications; other figures must match', () => {
    expect(checkNarrative('共收到政府信息公开申请12件。', v, '2021')).toEqual([]);
    const [f] = checkNarrative('共收到政府信息公开申请11件。', v, '2021');
    expect(f.rule).toBe('N.received');
    expect(f.params.withCarryIn).toBe(12);
    expect(checkNarrative('上年结转5件。', v, '2021').map((x) => x.rule)).toEqual(['N.carryIn']);
    expect(checkNarrative('办结8件。', v, '2021').map((x) => x.rule)).toEqual(['N.completed']);
    expect(checkNarrative('结转下年度办理4件。', v, '2021').map((x) => x.rule)).toEqual(['N.carryOut']);
    expect(checkNarrative('部分公开1件。', v, '2021').map((x) => x.rule)).toEqual(['N.resultCount']);
  });

  test('percentages are of 办理结果总计, rounded or truncated', () => {
    expect(checkNarrative('予以公开4件，占44.5%。', v, '2021').map((x) => x.rule)).toEqual(['N.resultPercent']);
    expect(checkNarrative('予以公开4件，占44%。', v, '2021')).toEqual([]);
    expect(percentAgrees({ value: 66.7, decimals: 1 }, 2, 3)).toBe(true);
    expect(percentAgrees({ value: 66.6, decimals: 1 }, 2, 3)).toBe(true);
    expect(percentAgrees({ value: 66.5, decimals: 1 }, 2, 3)).toBe(false);
  });

  test('blank cells skip the comparison rather than failing it', () => {
    const partial: Record<string, number | null> = { ...v, [T3('NEW')]: null };
    expect(checkNarrative('共收到政府信息公开申请99件。', partial, '2021')).toEqual([]);
  });

  test('traditional characters and full-width digits in the narrative are read', () => {
    const [f] = checkNarrative('全年共受理政府信息公開申請１５件。', v, '2021');
    expect(f.rule).toBe('N.received');
    expect(f.reported).toBe(15);
  });

  test('the 2019 format sums （六）其他处理 as one row', () => {
    const f19 = getFormat('2019');
    const v19: Record<string, number> = {};
    for (const c of f19.cells) v19[c.id] = 0;
    v19[cellId('T3', 'R6', 'TOT')] = 2;
    v19[cellId('T3', 'R7_TOTAL', 'TOT')] = 2;
    expect(checkNarrative('其他处理2件。', v19, '2019')).toEqual([]);
    expect(checkNarrative('其他处理3件。', v19, '2019')).toHaveLength(1);
  });
});

describe('narrative phrases that name something else than they seem (issue #14)', () => {
  const T4 = (g: string, c: string) => cellId('T4', g, c);
  /** 150 予以公开, 58 部分公开, 12 其他; 220 办结, 3 carried over; one 复议 pending. */
  const v = values({
    [T3('NEW')]: 223,
    [T3('R1')]: 150,
    [T3('R2')]: 58,
    [T3('R3_1')]: 12,
    [T3('R7_TOTAL')]: 220,
    [T3('CARRY_OUT')]: 3,
    [T4('REVIEW', 'UPHELD')]: 2,
    [T4('REVIEW', 'PENDING')]: 1,
    [T4('REVIEW', 'TOTAL')]: 3,
  });
  const rules = (text: string, vals: Record<string, number | null> = v) =>
    checkNarrative(text, vals, '2021').map((f) => f.rule);

  test('予以公开及部分公开 208 件 is （一）+（二）', () => {
    expect(rules('予以公开及部分公开208件。')).toEqual([]);
    expect(rules('同意公开和部分公开209件。')).toEqual(['N.resultCount']);
  });

  test('办结的申请中同意公开答复 9 件 is a part of the completed applications, not their count', () => {
    expect(rules('办结的申请中同意公开答复9件。')).toEqual([]);
    expect(rules('共办结9件。')).toEqual(['N.completed']);
  });

  test('均获维持 with cases pending in table 四 is a finding; with none, not', () => {
    expect(rules('行政复议3件，均获维持。')).toContain('N.allUpheld');
    const settled = { ...v, [T4('REVIEW', 'PENDING')]: 0, [T4('REVIEW', 'UPHELD')]: 3 };
    expect(rules('行政复议3件，均获维持。', settled)).toEqual([]);
  });

  test('所有申请均已办理完成 with applications carried over is a finding; with none, not', () => {
    expect(rules('所有申请均已办理完成。')).toEqual(['N.allCompleted']);
    expect(rules('所有申请均已办理完成。', { ...v, [T3('CARRY_OUT')]: 0 })).toEqual([]);
  });

  test('a percentage that does not match its own numerator and denominator is a finding', () => {
    expect(rules('予以公开150件，占68.2%。')).toEqual([]);
    expect(rules('予以公开150件，占33.9%。')).toEqual(['N.resultPercent']);
  });

  test('a percentage is held against its own count and the total its sentence states, not only the table', () => {
    // 60 / 177 = 33.898…: right for the sentence's own numbers even though table 三 says 150 of 220.
    expect(rules('共办结177件，其中予以公开60件，占33.9%。')).toEqual(['N.completed', 'N.resultCount']);
    expect(rules('共办结177件，其中予以公开60件，占36.9%。')).toEqual([
      'N.completed',
      'N.resultPercent',
      'N.resultCount',
    ]);
    const [found] = checkNarrative('共办结177件，其中予以公开60件，占36.9%。', v, '2021').filter(
      (x) => x.rule === 'N.resultPercent',
    );
    expect(found.params).toMatchObject({ percent: 36.9, numerator: 60, total: 177, denominatorFrom: 'sentence' });
    expect(found.computed).toBe(33.9);
    const zh = renderFinding(found, '2021', 'zh');
    expect(zh).toContain('60 件占同句所写总数 177 件应为 33.9%');
    expect(zh).not.toMatch(/T3\.|N\.result/);
    expect(renderFinding(found, '2021', 'en')).toContain('60 out of the 177');
  });

  test('a count that disagrees with the table still has its percentage checked against the table total', () => {
    // 60 / 220 = 27.27…%: the percentage follows the narrative's own 60; 150 / 220 would be 68.2%.
    expect(rules('予以公开60件，占27.3%。')).toEqual(['N.resultCount']);
    const found = checkNarrative('予以公开60件，占68.2%。', v, '2021').find((x) => x.rule === 'N.resultPercent')!;
    expect(found.params).toMatchObject({ numerator: 60, total: 220, denominatorFrom: 'table' });
    expect(renderFinding(found, '2021', 'zh')).toContain('60 件占办理结果总计 220 件应为 27.3%');
  });

  test('percentages round to the precision written: within 0.05 pp at one decimal, a whole percent at none', () => {
    // 58 / 220 = 26.36…%
    expect(rules('部分公开58件，占26.4%。')).toEqual([]);
    expect(rules('部分公开58件，占26.3%。')).toEqual([]); // truncated, as some reports write it
    expect(rules('部分公开58件，占26.5%。')).toEqual(['N.resultPercent']);
    expect(rules('部分公开58件，占26%。')).toEqual([]);
    expect(rules('部分公开58件，占27%。')).toEqual(['N.resultPercent']);
    expect(rules('部分公开58件，占办结总数的26.4%。')).toEqual([]);
    expect(rules('部分公开58件，占办结总数的29.4%。')).toEqual(['N.resultPercent']);
  });

  test('with neither a total in the sentence nor table 三 filled, the percentage comparison is incomplete', () => {
    const blank = { ...v, [T3('R7_TOTAL')]: null };
    const checkedMap = new Map();
    const incomplete = new Map();
    expect(checkNarrative('予以公开150件，占99%。', blank, '2021', checkedMap, incomplete)).toEqual([]);
    expect(incomplete.get('N.resultPercent')).toBe(1);
    expect(checkedMap.get('N.resultPercent')).toBeUndefined();
  });

  test('a comparison that could not be made (blank or unread cell) is incomplete, not passed', () => {
    const partial: Record<string, number | null> = { ...v, [T3('NEW')]: null };
    const r = check('2021', partial, { narrative: '共收到政府信息公开申请99件。', unread: [T3('NEW')] });
    const received = r.summary.find((s) => s.rule === 'N.received')!;
    expect(received).toMatchObject({ passed: 0, failed: 0, incomplete: 1 });
    expect(r.unread).toContain(T3('NEW'));
    expect(r.unfilled).not.toContain(T3('NEW'));
  });
});
