/**
 * Damage a report text the way copying does (a line lost, a line doubled, full- and half-width punctuation
 * swapped): whatever the reader still reports must be the true value. Losing values is allowed; inventing or
 * misplacing one is not.
 */
import fc from 'fast-check';
import { importReportTexts } from '../../src/io/text';
import { expectedReports, readSample } from './fixtures';

const HALF_TO_FULL: Record<string, string> = { '(': '（', ')': '）', ',': '，', ':': '：', ';': '；' };
const FULL_TO_HALF: Record<string, string> = Object.fromEntries(Object.entries(HALF_TO_FULL).map(([h, f]) => [f, h]));

function swapWidth(line: string, toFull: boolean): string {
  const map = toFull ? HALF_TO_FULL : FULL_TO_HALF;
  return [...line].map((c) => map[c] ?? c).join('');
}

type Mutation = { kind: 'drop' | 'dup' | 'width'; at: number; toFull: boolean };

function mutate(lines: string[], muts: Mutation[]): string[] {
  const out = [...lines];
  for (const m of muts) {
    if (!out.length) break;
    const i = m.at % out.length;
    if (m.kind === 'drop') out.splice(i, 1);
    else if (m.kind === 'dup') out.splice(i, 0, out[i]);
    else out[i] = swapWidth(out[i], m.toFull);
  }
  return out;
}

const mutation = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('drop', 'dup', 'width'),
  at: fc.nat(),
  toFull: fc.boolean(),
});

describe.each(expectedReports().filter((e) => !e.source.startsWith('seed')))('mutated $name', (exp) => {
  const lines = readSample(exp.source).split('\n');
  test('every value reported is the true value', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (muts) => {
        const reports = importReportTexts(mutate(lines, muts).join('\n'));
        const r = reports.find((x) => x.year === exp.year) ?? (reports.length === 1 ? reports[0] : undefined);
        if (!r) return;
        for (const [id, v] of Object.entries(r.cells)) expect([id, v]).toEqual([id, exp.cells[id]]);
      }),
      { numRuns: 40 },
    );
  });
});
