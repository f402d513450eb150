/**
 * Damage a report text the way copying does (a line lost, a line doubled, full- and half-width punctuation
 * swapped; then also a label broken over two lines, a stray line such as a page number, the text cut off):
 * whatever the reader still reports must be the true value. Losing values is allowed; inventing or misplacing
 * one is not.
 */
import fc from 'fast-check';
import { importReportTexts } from '../../src/io/text';
import { expectedReports, readSample } from './fixtures';
import { MORE_MUTATION_KINDS, MUTATION_KINDS, mutate, OTHER_BODY_YEAR, type Mutation } from './mutations';
import { patternValues } from './synthetic';

const otherValues = patternValues();

const mutation = fc.record({
  kind: fc.constantFrom<Mutation['kind']>(...MUTATION_KINDS),
  at: fc.nat(),
  toFull: fc.boolean(),
});

describe.each(expectedReports().filter((e) => !e.source.startsWith('seed')))('mutated $name', (exp) => {
  const lines = readSample(exp.source).split('\n');
  test('every value reported is the true value', () => {
    // Damage may leave no report or no value read in one run; the runs together compare many (asserted below).
    let compared = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (muts) => {
        const reports = importReportTexts(mutate(lines, muts).join('\n'));
        const r = reports.find((x) => x.year === exp.year) ?? (reports.length === 1 ? reports[0] : undefined);
        if (!r) return;
        for (const [id, v] of Object.entries(r.cells)) {
          compared++;
          expect([id, v]).toEqual([id, exp.cells[id]]);
        }
        // Every cell of these reports is filled: a cell the damage hid is unread, never blamed on the report.
        expect(r.unfilled).toEqual([]);
      }),
      { numRuns: 40 },
    );
    expect(compared).toBeGreaterThan(0);
  });
});

const wider = fc.record({
  kind: fc.constantFrom<Mutation['kind']>(...MORE_MUTATION_KINDS),
  at: fc.nat(),
  toFull: fc.boolean(),
  pos: fc.nat(),
});

describe.each(expectedReports())('$name with wider damage (split labels, stray lines, cut off)', (exp) => {
  const lines = readSample(exp.source).split('\n');
  test('every value reported is the true value', () => {
    // Damage may leave no report, no value read or no pasted report of another body in one run; the runs together
    // compare many of each (counted, asserted below).
    let compared = 0;
    let otherCompared = 0;
    fc.assert(
      fc.property(fc.array(wider, { minLength: 1, maxLength: 4 }), (muts) => {
        const reports = importReportTexts(mutate(lines, muts).join('\n'));
        // Another body's report pasted alongside is read as a report of its own, never mixed into this one.
        const other = reports.find((x) => x.year === OTHER_BODY_YEAR);
        if (other)
          for (const [id, v] of Object.entries(other.cells)) {
            otherCompared++;
            expect([id, v]).toEqual([id, otherValues[id]]);
          }
        const own = reports.filter((x) => x.year !== OTHER_BODY_YEAR);
        const r = own.find((x) => x.year === exp.year) ?? (own.length === 1 ? own[0] : undefined);
        if (!r) return;
        for (const [id, v] of Object.entries(r.cells)) {
          compared++;
          expect([id, v]).toEqual([id, exp.cells[id]]);
        }
        // Every cell of these reports is filled: a cell the damage hid is unread, never blamed on the report.
        expect(r.unfilled).toEqual([]);
      }),
      { numRuns: 40 },
    );
    expect(compared).toBeGreaterThan(0);
    expect(otherCompared).toBeGreaterThan(0);
  });
});
