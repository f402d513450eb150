/**
 * The fuzz's shared model verdicts (test/support/model-verdicts.ts) must never hand one input's verdict to another:
 * a repeat of the same input is judged once, any difference `check` could see is judged again.
 */
import fc from 'fast-check';
import { check } from '../../src/model/check';
import { getFormat } from '../../src/model/formats';
import { shareVerdicts } from '../support/model-verdicts';
import { nonEmpty } from '../support/non-empty';

type Check = typeof check;

/** A `check` that records its calls and returns a fresh verdict naming the call. */
function counting(): { fn: Check; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const fn = ((...args: unknown[]) => {
    calls.push(args);
    return { call: calls.length } as unknown as ReturnType<Check>;
  }) as Check;
  return { fn, calls };
}

const base = (): Parameters<Check> => [
  '2021',
  { 'T3.NEW.NP': 1, 'T3.NEW.BIZ': 2 },
  { formulas: { 'T3.NEW.TOT': '=SUM(D23:I23)' }, cellAddress: { 'T3.NEW.NP': 'D23' } },
];

test('the same input is judged once; every caller gets its own copy of the verdict', () => {
  const { fn, calls } = counting();
  const shared = shareVerdicts(fn);
  const a = shared(...base());
  const b = shared(...base());
  expect(calls).toHaveLength(1);
  expect(b).toEqual(a);
  expect(b).not.toBe(a);
  (a as unknown as { call: number }).call = 99;
  expect(shared(...base())).toEqual({ call: 1 });
  expect(shareVerdicts(shared)).toBe(shared);
});

test('inputs that differ only where JSON would not tell them apart are judged apart', () => {
  const variants: Parameters<Check>[] = [
    base(),
    ['2021', { 'T3.NEW.NP': -0, 'T3.NEW.BIZ': 2 }, base()[2]],
    ['2021', { 'T3.NEW.NP': 1, 'T3.NEW.BIZ': 2, 'T3.NEW.RES': undefined as unknown as null }, base()[2]],
    ['2021', { 'T3.NEW.BIZ': 2, 'T3.NEW.NP': 1 }, base()[2]],
    ['2021', { 'T3.NEW.NP': '1', 'T3.NEW.BIZ': 2 }, base()[2]],
    ['2021', base()[1], { ...base()[2], formulaCells: [] }],
    ['2021', base()[1], { ...base()[2], formulaCells: [undefined as unknown as string] }],
    ['2021', base()[1], { ...base()[2], formulaCells: new Array<string>(1) }],
  ];
  const { fn, calls } = counting();
  const shared = shareVerdicts(fn);
  for (const v of variants) shared(...v);
  for (const v of variants) shared(...v);
  expect(calls).toHaveLength(variants.length);
});

test('an input it cannot compare exactly (a Set) is never remembered', () => {
  const { fn, calls } = counting();
  const shared = shareVerdicts(fn);
  const withSet = (): Parameters<Check> => ['2021', base()[1], { formulaCells: new Set(['T3.NEW.TOT']) }];
  shared(...withSet());
  shared(...withSet());
  expect(calls).toHaveLength(2);
});

test('property: the shared check answers exactly as the model does on any sequence of inputs', () => {
  const ids = getFormat('2021')
    .cells.filter((c) => c.role === 'input')
    .slice(0, 6)
    .map((c) => c.id);
  const value = fc.oneof(fc.integer({ min: -3, max: 40 }), fc.constantFrom(null, '', '无', '1,000', '５'));
  const input = fc
    .array(fc.tuple(fc.constantFrom(...ids), value), { maxLength: 6 })
    .map((kv) => Object.fromEntries(kv));
  const shared = shareVerdicts(check);
  fc.assert(
    fc.property(fc.array(input, { minLength: 1, maxLength: 8 }), (inputs) => {
      for (const raw of nonEmpty(inputs)) expect(shared('2021', raw, {})).toEqual(check('2021', raw, {}));
    }),
    { numRuns: 60 },
  );
});
