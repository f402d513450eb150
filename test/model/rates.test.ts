import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { check } from '../../src/model/check';
import { computeRates, describeRate, describeRates, MIN_CASES, RATE_KEYS } from '../../src/model/rates';
import { consistentReport } from './generate';
import { ofLength } from '../support/non-empty';

const suqian2024 = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../fixtures/expected/suqian-2024.json'), 'utf8'),
) as { cells: Record<string, number> };

describe('rates', () => {
  test('a real report: each rate is its numerator over its denominator, from the cells the spec names', () => {
    const c = suqian2024.cells;
    const r = computeRates('2021', c);
    expect(r.substantiveDisclosure).toEqual({
      ratio: (c['T3.R1.TOT'] + c['T3.R2.TOT']) / c['T3.R7_TOTAL.TOT'],
      numerator: c['T3.R1.TOT'] + c['T3.R2.TOT'],
      denominator: c['T3.R7_TOTAL.TOT'],
      meaningful: true,
    });
    const r3 = Object.keys(c).filter((k) => /^T3\.R3_\d\.TOT$/.test(k));
    expect(r3).toHaveLength(8);
    expect(r.refusal.numerator).toBe(r3.reduce((s, k) => s + c[k], 0));
    // 已审结 = 总计 − 尚未审结
    expect(r.reviewCorrection.denominator).toBe(c['T4.REVIEW.TOTAL'] - c['T4.REVIEW.PENDING']);
    expect(r.reviewCorrection.numerator).toBe(c['T4.REVIEW.CORRECTED']);
    expect(r.suitCorrection.denominator).toBe(
      c['T4.SUIT_DIRECT.TOTAL'] - c['T4.SUIT_DIRECT.PENDING'] + c['T4.SUIT_AFTER.TOTAL'] - c['T4.SUIT_AFTER.PENDING'],
    );
  });

  test('the 2019 format: 其他处理 is one row and the rates use the same definitions', () => {
    const cells = { 'T3.R1.TOT': 3, 'T3.R2.TOT': 2, 'T3.R7_TOTAL.TOT': 20, 'T3.R3_1.TOT': 5 };
    const r = computeRates('2019', cells);
    expect(r.substantiveDisclosure.ratio).toBeCloseTo(0.25);
    // the other R3 rows are missing: not computed from a 0 nobody wrote
    expect(r.refusal.ratio).toBeNull();
  });

  test('below the minimum number of cases a rate is given but marked not meaningful; no cases gives no ratio', () => {
    const cells: Record<string, number> = {
      'T4.REVIEW.UPHELD': 0,
      'T4.REVIEW.CORRECTED': 1,
      'T4.REVIEW.OTHER': MIN_CASES - 2,
      'T4.SUIT_DIRECT.UPHELD': 0,
      'T4.SUIT_DIRECT.CORRECTED': 0,
      'T4.SUIT_DIRECT.OTHER': 0,
      'T4.SUIT_AFTER.UPHELD': 0,
      'T4.SUIT_AFTER.CORRECTED': 0,
      'T4.SUIT_AFTER.OTHER': 0,
    };
    const r = computeRates('2021', cells);
    expect(r.reviewCorrection).toEqual({
      ratio: 1 / (MIN_CASES - 1),
      numerator: 1,
      denominator: MIN_CASES - 1,
      meaningful: false,
    });
    expect(describeRate('reviewCorrection', r.reviewCorrection, 'zh')).toContain('不具比较意义');
    expect(r.suitCorrection).toEqual({ ratio: null, numerator: 0, denominator: 0, meaningful: false });
    expect(describeRate('suitCorrection', r.suitCorrection, 'zh')).toBe('诉讼纠错率 —（无案件）');
    cells['T4.REVIEW.OTHER'] = MIN_CASES - 1;
    expect(computeRates('2021', cells).reviewCorrection.meaningful).toBe(true);
  });

  test('an unfilled cell makes the rates that need it unknown', () => {
    const r = computeRates('2021', suqian2024.cells, ['T4.REVIEW.OTHER']);
    expect(r.reviewCorrection.ratio).toBeNull();
    expect(r.substantiveDisclosure.ratio).not.toBeNull();
    expect(describeRate('reviewCorrection', r.reviewCorrection, 'en')).toContain('unfilled');
  });

  test('text shows percentages with one decimal, zh first, no ids', () => {
    const zh = describeRates(computeRates('2021', suqian2024.cells), 'zh');
    expect(zh).toMatch(/^实质公开率 \d+\.\d%（\d+\/\d+）；不予公开率/);
    expect(zh).not.toMatch(/T[234]\.|substantive/);
    expect(describeRates(computeRates('2021', suqian2024.cells), 'en')).toMatch(/^substantive disclosure rate /);
  });

  test('property: on every consistent report each ratio lies in [0, 1] and agrees with the checked cells', () => {
    let runs = 0;
    fc.assert(
      fc.property(consistentReport('2021'), (v) => {
        runs++;
        const checked = check('2021', v);
        const r = computeRates('2021', checked.cells, checked.unfilled);
        for (const k of ofLength(RATE_KEYS, 4)) {
          const x = r[k];
          expect(x.numerator).not.toBeNull();
          if (x.denominator === 0) expect(x.ratio).toBeNull();
          else {
            expect(x.ratio).toBe(x.numerator! / x.denominator!);
            expect(x.ratio!).toBeGreaterThanOrEqual(0);
            expect(x.ratio!).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 60 },
    );
    expect(runs).toBe(60);
  });
});
