/**
 * The one number formatter (src/model/numbers.ts) that messages, the CLI and the pane share: no thousands separator,
 * no float noise, amounts keep their decimals, a missing number is a dash. Fast-check with the fixed seed of
 * test/support/fast-check-seed.ts.
 */
import fc from 'fast-check';
import { formatDiff, formatNumber } from '../../src/model/numbers';

describe('formatNumber', () => {
  it('writes whole numbers as digits without a thousands separator', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const s = formatNumber(n);
        expect(s).toMatch(/^-?\d+$/);
        expect(Number(s)).toBe(n);
      }),
    );
    expect(formatNumber(1234567)).toBe('1234567');
  });

  it('keeps an amount with up to six decimals exactly and drops float noise', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (units, places) => {
        const n = units / 10 ** places;
        const s = formatNumber(n);
        expect(Number(s)).toBe(n);
        expect(s).not.toMatch(/[,e]/);
      }),
    );
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(12.5)).toBe('12.5');
    expect(formatNumber(1.005 * 3)).toBe('3.015');
  });

  it('shows a missing number as a dash', () => {
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(NaN)).toBe('—');
  });
});

describe('formatDiff', () => {
  it('signs a difference: + for more, - for less, 0 bare', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => {
        const s = formatDiff(n);
        if (n > 0) expect(s).toBe(`+${n}`);
        else expect(s).toBe(String(n));
      }),
    );
    expect(formatDiff(0.1 + 0.2 - 0.6)).toBe('-0.3');
    expect(formatDiff(0)).toBe('0');
  });
});
