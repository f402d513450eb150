/** For any placement of the tables and any mix of the usual re-spellings, the reader finds every cell. */
import fc from 'fast-check';
import { readXlsx } from '../../src/io/xlsx/read';
import { getFormat, FORMAT_IDS } from '../../src/model/formats';
import { LABEL_VARIANT_FRAGMENTS } from '../../src/model/normalise';
import type { TableId } from '../../src/model/types';
import { distinctValues, handmadeWorkbook } from './handmade';

/** Re-spellings seen in published tables; each is applied or not, by the generated flags. */
const RESPELL: ((s: string) => string)[] = [
  (s) => s.replace(/（/g, '(').replace(/）/g, ')'),
  (s) => s.replace(/^(\d)\./, '$1、'),
  (s) => (s.length > 4 ? `${s.slice(0, 2)}  ${s.slice(2)}` : s),
  (s) => s.replace(/公开/g, '公開').replace(/处理/g, '處理'),
  (s) => LABEL_VARIANT_FRAGMENTS.reduce((x, [variant, canonical]) => x.split(canonical).join(variant), s),
  (s) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)),
  // A shorter unit note, and provincial annotations appended to long labels.
  (s) => s.replace(/（单位：(.+)）$/, '（$1）'),
  (s) => (s.length > 6 && !s.endsWith('）') ? `${s}（注1）` : s),
];

const placement = fc.record({
  sheet: fc.constantFrom('表', 'Sheet1', '第二页'),
  row: fc.integer({ min: 0, max: 40 }),
  col: fc.integer({ min: 0, max: 12 }),
});

it('reads back every value wherever the tables stand and however their labels are spelt', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...FORMAT_IDS),
      fc.array(fc.boolean(), { minLength: RESPELL.length, maxLength: RESPELL.length }),
      fc.tuple(placement, placement, placement),
      fc.integer({ min: 1, max: 1000 }),
      async (format, flags, places, seed) => {
        // Tables on one sheet must not overlap: stack them in their order, each at its own offset below.
        const ids: TableId[] = ['T2', 'T3', 'T4'];
        const tables = getFormat(format).tables;
        const next = new Map<string, number>();
        const placements = ids.map((table, i) => {
          const p = places[i];
          const top = (next.get(p.sheet) ?? 0) + p.row;
          next.set(p.sheet, top + tables[i].rows + 1);
          return { table, sheet: p.sheet, row: top, col: p.col };
        });
        const values = distinctValues(format, seed);
        const bytes = await handmadeWorkbook({
          format,
          values,
          respell: (label) => RESPELL.reduce((s, f, i) => (flags[i] ? f(s) : s), label),
          placements,
        });
        const [input, ...rest] = await readXlsx('p.xlsx', bytes);
        expect(rest).toHaveLength(0);
        expect(input.format).toBe(format);
        expect(input.cells).toEqual(values);
        expect(input.notes).toBeUndefined();
      },
    ),
    { numRuns: 40 },
  );
}, 60_000);
