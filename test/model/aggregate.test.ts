import fc from 'fast-check';
import { addValues, AMOUNT_DECIMALS, roundSum, sameSum } from '../../src/model/aggregate';
import { check } from '../../src/model/check';
import { getFormat } from '../../src/model/formats';
import { consistentReport } from './generate';

describe('what adds up (shared by sum and check --parts)', () => {
  test('counts and the in-force stock add; fees add kept to 4 decimals; blanks count 0 and are listed', () => {
    const a = { 'T3.NEW.NP': 3, 'T2.REG.IN_FORCE': 10, 'T2.FEE.AMOUNT': 0.1, 'T4.REVIEW.UPHELD': '2' };
    const b = { 'T3.NEW.NP': 4, 'T2.REG.IN_FORCE': 5, 'T2.FEE.AMOUNT': 0.2, 'T4.REVIEW.UPHELD': '/' };
    const sum = addValues('2021', [a, b]);
    expect(sum.values['T3.NEW.NP']).toBe(7);
    expect(sum.values['T2.REG.IN_FORCE']).toBe(15);
    expect(sum.values['T2.FEE.AMOUNT']).toBe(0.3);
    expect(sum.values['T4.REVIEW.UPHELD']).toBe(2);
    expect(sum.unfilledSomewhere).toContain('T4.REVIEW.UPHELD');
    expect(sum.unfilledSomewhere).not.toContain('T3.NEW.NP');
    expect(AMOUNT_DECIMALS).toBe(4);
    expect(roundSum('amount', 1.23456)).toBe(1.2346);
    expect(sameSum('amount', 0.3, 0.1 + 0.2)).toBe(true);
    expect(sameSum('count', 3, 4)).toBe(false);
  });

  test('the 2019 本年增/减 adds with its sign', () => {
    const f = getFormat('2019');
    const change = f.cells.find((c) => c.kind === 'signedCount')!;
    expect(addValues('2019', [{ [change.id]: -3 }, { [change.id]: 5 }]).values[change.id]).toBe(2);
  });

  test('"input" leaves totals out (the workbook computes them); "all" includes them', () => {
    const f = getFormat('2021');
    const totals = f.cells.filter((c) => c.role === 'total');
    expect(totals.length).toBeGreaterThan(0);
    const inputs = addValues('2021', [{}], 'input').values;
    for (const t of totals) expect(t.id in inputs).toBe(false);
    expect(Object.keys(addValues('2021', [{}], 'all').values)).toHaveLength(f.cells.length);
  });

  test('property: the sum of consistent reports is consistent (no error finding)', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.array(consistentReport('2021'), { minLength: 1, maxLength: 4 }), (parts) => {
        runs++;
        const total = addValues('2021', parts).values;
        expect(check('2021', total).findings.filter((x) => x.severity === 'error')).toEqual([]);
      }),
      { numRuns: 40 },
    );
    expect(runs).toBe(40);
  });
});
