/**
 * `check()` keeps what depends only on the format, the sheet's addresses and the live totals from one call to the
 * next (formula expectations, the error locator's candidates, body levels). Whatever was checked before, a report
 * must get exactly the result a fresh checker gives it.
 */
import fc from 'fast-check';
import type { check as Check } from '../../src/model/check';
import { getFormat } from '../../src/model/formats';
import { planReport } from '../../src/model/layout';
import type { CheckOptions, FormatId, RawValue, RawValues } from '../../src/model/types';
import { isolated } from '../support/isolated';
import { consistentReport } from './generate';
import { nonEmpty } from '../support/non-empty';

/** A checker module of its own, with empty caches. */
function freshCheck(): typeof Check {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return isolated(() => (require('../../src/model/check') as typeof import('../../src/model/check')).check);
}

interface Call {
  format: FormatId;
  raw: RawValues;
  options: CheckOptions;
}

/** A report with a few cells changed (so equations fail and the locator runs), read from a sheet or not. */
function call(format: FormatId): fc.Arbitrary<Call> {
  const ids = getFormat(format).cells.map((c) => c.id);
  return fc
    .record({
      raw: consistentReport(format),
      changes: fc.array(
        fc.tuple(fc.nat({ max: ids.length - 1 }), fc.oneof(fc.integer({ min: 0, max: 999 }), fc.constant('/'))),
        { maxLength: 3 },
      ),
      sheet: fc.option(
        fc.record({
          row: fc.nat({ max: 3 }),
          col: fc.nat({ max: 2 }),
          typedOver: fc.array(fc.nat({ max: ids.length - 1 }), { maxLength: 2 }),
          // A SUM over the wrong cells (a row inserted into the table, say).
          shifted: fc.array(fc.nat({ max: ids.length - 1 }), { maxLength: 2 }),
        }),
      ),
      org: fc.constantFrom(undefined, '某县统计局', '某市生态环境局', '某镇人民政府'),
    })
    .map(({ raw, changes, sheet, org }) => {
      const values: Record<string, RawValue> = { ...raw };
      for (const [i, v] of changes) values[ids[i]] = v;
      const options: CheckOptions = { ...(org ? { org } : {}) };
      if (sheet) {
        const plan = planReport({ format, year: 2024, row: sheet.row, col: sheet.col });
        const formulas: Record<string, string> = {};
        for (const c of plan.cells) if (c.cellId && c.formula) formulas[c.cellId] = c.formula;
        for (const i of sheet.typedOver) delete formulas[ids[i]];
        for (const i of sheet.shifted)
          if (formulas[ids[i]]) formulas[ids[i]] = formulas[ids[i]].replace(/\d+\)$/, '99)');
        options.formulas = formulas;
        options.cellAddress = plan.cellAddress;
      }
      return { format, raw: values, options };
    });
}

const anyCall = fc.oneof(call('2021'), call('2019'));

it('gives every report the result a fresh checker gives, whatever was checked before', () => {
  fc.assert(
    fc.property(fc.array(anyCall, { minLength: 2, maxLength: 8 }), (calls) => {
      const cold = calls.map((c) => JSON.stringify(freshCheck()(c.format, c.raw, c.options)));
      const warm = freshCheck();
      // Twice: the second round meets every cache filled by the other reports.
      for (let round = 0; round < 2; round++)
        nonEmpty(calls).forEach((c, i) => expect(JSON.stringify(warm(c.format, c.raw, c.options))).toBe(cold[i]));
    }),
    { numRuns: 25 },
  );
});
