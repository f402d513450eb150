/**
 * `parseCell` reads a number only when the whole text is one, for every string (issue #16): a text with anything
 * else in it is not a number and has a finding, never a silent value; every form people type a number in reads
 * back as that number. Fast-check with the fixed seed of test/support/fast-check-seed.ts.
 */
import fc from 'fast-check';
import { parseCell, quotedText } from '../../src/model/values';
import type { CellKind } from '../../src/model/types';

const KINDS: CellKind[] = ['count', 'signedCount', 'amount'];

/** Characters that may make up a number as typed: digits half- or full-width, signs, separators, points. */
const NUMBER_CHARS = /^[0-9０-９,，.．+\-−＋－]+$/;
const EDGE = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;
const toHalf = (s: string) => s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Strings near numbers: digits mixed with separators, units, invisible characters, letters and spaces. */
const pieces = fc.constantFrom(
  ...'0123456789０１２３４５６７８９'.split(''),
  ',',
  '，',
  '.',
  '．',
  '-',
  '−',
  '+',
  ' ',
  '\u3000',
  '\u00a0',
  '\u200b',
  '\u00ad',
  '\ufeff',
  "'",
  'e',
  'x',
  'E',
  '件',
  '（',
  '）',
  '%',
  '/',
  '无',
);
const nearNumbers = fc.array(pieces, { maxLength: 14 }).map((a) => a.join(''));
const anyText = fc.oneof(nearNumbers, fc.string({ unit: 'binary', maxLength: 20 }));

test('any text: a number only when the whole text is one (its only reading), else not counted, with a finding', () => {
  let numbers = 0;
  let refused = 0;
  fc.assert(
    fc.property(anyText, fc.constantFrom(...KINDS), (text, kind) => {
      const p = parseCell(text, kind);
      const core = text.replace(EDGE, '');
      if (p.filled) {
        numbers++;
        // Nothing but the characters of a number: no unit, note, letter or invisible character was dropped.
        expect(core).toMatch(NUMBER_CHARS);
        const plain = toHalf(core).replace(/,/g, '').replace('−', '-');
        expect(p.value).toBe(Number(plain) === 0 ? 0 : Number(plain));
        expect(p.wouldBe).toBeUndefined();
      } else {
        expect(p.value).toBe(0);
        if (/[0-9０-９]/.test(core)) {
          refused++;
          expect(p.problems.map((x) => x.rule)).toContain('V.notNumber');
        }
        if (p.wouldBe !== undefined) expect(Number.isFinite(p.wouldBe)).toBe(true);
      }
    }),
    { numRuns: 3000 },
  );
  // Both sides were reached: the property is not passing on inputs of one kind only.
  expect(numbers).toBeGreaterThan(50);
  expect(refused).toBeGreaterThan(50);
});

/** A number written as people type it: grouped or not, full-width or not, spaces of any kind around it. */
function typed(n: number, decimals: number, group: '' | ',' | '，', full: boolean, pad: string): string {
  const [int, frac] = Math.abs(n).toFixed(decimals).split('.');
  const grouped = group ? int.replace(/\B(?=(\d{3})+$)/g, group) : int;
  let s = (n < 0 ? '-' : '') + grouped + (frac ? `.${frac}` : '');
  if (full) s = s.replace(/[-0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return pad + s + pad;
}

test('round trip: a number formatted in any accepted form reads back as that number', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -99_999_999, max: 99_999_999 }),
      fc.integer({ min: 0, max: 4 }),
      fc.constantFrom('', ',', '，' as const),
      fc.boolean(),
      fc.constantFrom('', ' ', '\u3000', '\u00a0', ' \u3000'),
      (units, decimals, group, full, pad) => {
        const n = units / 10 ** decimals;
        const text = typed(n, decimals, group as '' | ',' | '，', full, pad);
        const p = parseCell(text, 'amount');
        expect(p.filled).toBe(true);
        expect(p.value).toBe(Number(n.toFixed(decimals)) || 0);
        expect(p.problems[0].rule).toBe(toHalf(text) !== text ? 'V.fullWidth' : 'V.textNumber');
      },
    ),
    { numRuns: 1000 },
  );
});

test('one character that is no part of a number, put inside the digits, makes the cell text; invisible ones keep the reading', () => {
  const inserts = fc.constantFrom('\u200b', '\u00ad', '\u2060', '\ufeff', 'e', 'x', '件', "'", '#');
  fc.assert(
    fc.property(fc.integer({ min: 10, max: 10_000_000 }), inserts, fc.nat(), (n, ch, at) => {
      const digits = String(n);
      const i = 1 + (at % (digits.length - 1));
      const text = digits.slice(0, i) + ch + digits.slice(i);
      const p = parseCell(text, 'count');
      expect(p.filled).toBe(false);
      expect(p.problems.map((x) => x.rule)).toEqual(['V.notNumber']);
      if (/[\u200b\u00ad\u2060\ufeff]/.test(ch)) {
        expect(p.wouldBe).toBe(n);
        expect(quotedText(text)).toMatch(/<U\+[0-9A-F]{4}>/);
      }
    }),
    { numRuns: 1000 },
  );
});
