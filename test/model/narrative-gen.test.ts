import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { check } from '../../src/model/check';
import { cellId, getFormat } from '../../src/model/formats';
import { checkNarrative, narrativeFigures } from '../../src/model/narrative';
import { generateNarrative, percentOf, UNFILLED_MARK } from '../../src/model/narrative-gen';
import type { FormatId } from '../../src/model/types';
import { consistentReport, type Values } from './generate';

const suqian2024 = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../fixtures/expected/suqian-2024.json'), 'utf8'),
) as { cells: Values };

/** Many zeros: whole categories, tables and groups with nothing in them. */
const sparse = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 60 }));

function roundTrip(format: FormatId, counts?: fc.Arbitrary<number>) {
  const f = getFormat(format);
  let runs = 0;
  fc.assert(
    fc.property(consistentReport(format, counts), (v) => {
      runs++;
      const g = generateNarrative(format, v);
      expect(g.unfilled).toEqual([]);
      expect(g.text).not.toContain(UNFILLED_MARK);
      // Through the checker's rule registry, as every surface runs the narrative rules.
      const n = check(format, v, { narrative: g.text });
      expect(n.findings.filter((x) => x.rule.startsWith('N.'))).toEqual([]);
      expect(n.summary.filter((x) => x.rule.startsWith('N.')).reduce((s, x) => s + x.checked, 0)).toBeGreaterThan(0);
      expect(checkNarrative(g.text, v, format)).toEqual([]);
      // The rules did read the figures (a text they could not read would pass trivially).
      const metrics = new Set(narrativeFigures(g.text).map((x) => x.metric));
      expect(metrics.has(v[cellId('T3', 'NEW', 'TOT')] > 0 ? 'received' : 'noApplications')).toBe(true);
      if (v[cellId('T3', 'R7_TOTAL', 'TOT')] > 0) expect(metrics.has('completed')).toBe(true);
      if (v[cellId('T4', f.t4.groups[0], 'TOTAL')] > 0) expect(metrics.has('review')).toBe(true);
      expect(g.text).not.toMatch(/[^\d.]0 件/);
    }),
    { numRuns: 80 },
  );
  expect(runs).toBe(80);
}

describe('narrative generated from the tables', () => {
  test('round trip (2021): the generated text, checked by the narrative rules against the same tables, gives no finding', () => {
    roundTrip('2021');
  });
  test('round trip (2021, many zeros): zero figures are said in words and still give no finding', () => {
    roundTrip('2021', sparse);
  });
  test('round trip (2019 trial format)', () => {
    roundTrip('2019', sparse);
  });

  test('the round trip can fail: the same text against a table that says otherwise gives the N findings', () => {
    const v = { ...suqian2024.cells };
    const text = generateNarrative('2021', v).text;
    v['T4.REVIEW.UPHELD'] += 1;
    v['T4.REVIEW.TOTAL'] += 1;
    v['T3.R3_1.TOT'] += 1;
    v['T3.R3_1.NP'] += 1;
    const rules = checkNarrative(text, v, '2021').map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['N.review', 'N.resultCount']));
  });

  test('a real report: the standard sentences with the counts and percentages of its cells', () => {
    const g = generateNarrative('2021', suqian2024.cells);
    expect(g.sections.map((s) => s.title)).toEqual(['（一）主动公开', '（二）依申请公开', '（三）行政复议、行政诉讼']);
    const [, application, review] = g.sections.map((s) => s.text);
    expect(application).toContain('本年度共收到政府信息公开申请 3525 件，上年结转 121 件。办结 3521 件，');
    expect(application).toContain(`予以公开 1431 件、部分公开 471 件（合计占 ${percentOf(1902, 3521)}%）`);
    expect(application).toContain('结转下年度继续办理 125 件。');
    expect(review).toContain('本年度发生政府信息公开行政复议案件 170 件，其中结果维持 88 件，结果纠正 18 件');
    // 结果纠正 is 0 in both litigation groups: left out of their lists
    expect(review).toContain('未经复议直接起诉 25 件（结果维持 7 件，其他结果 11 件，尚未审结 7 件）');
  });

  test('nothing happened: said in words, never "0 件"', () => {
    const zeros = Object.fromEntries(getFormat('2021').cells.map((c) => [c.id, 0]));
    const g = generateNarrative('2021', zeros);
    expect(g.text).toContain('本年度未收到政府信息公开申请，也无上年结转的申请。');
    expect(g.text).toContain('本年度未发生政府信息公开行政复议案件。');
    expect(g.text).toContain('未发生政府信息公开行政诉讼案件。');
    expect(g.text).toContain('本年度未制发、未废止规章');
    expect(g.text).not.toMatch(/\b0 件/);
    expect(checkNarrative(g.text, zeros, '2021')).toEqual([]);
  });

  test('an unfilled cell is never written as 0: the sentence marks it and the cell is listed', () => {
    const v: Record<string, number | string | null> = { ...suqian2024.cells };
    v['T3.NEW.TOT'] = null;
    v['T4.REVIEW.TOTAL'] = '/';
    const g = generateNarrative('2021', v);
    expect(g.unfilled).toEqual(expect.arrayContaining(['T3.NEW.TOT', 'T4.REVIEW.TOTAL']));
    expect(g.text).toContain(`本年度共收到政府信息公开申请 ${UNFILLED_MARK} 件`);
    expect(g.text).toContain(`行政复议案件 ${UNFILLED_MARK} 件`);
  });
});
