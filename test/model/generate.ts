/**
 * Random consistent reports for property tests, built from the format definition: leaves and parts are drawn,
 * totals are computed, and 一 + 二 is split so that the balance holds.
 */
import fc from 'fast-check';
import { cellId, getFormat } from '../../src/model/formats';
import type { CellId, FormatId } from '../../src/model/types';

export type Values = Record<CellId, number>;

const count = fc.integer({ min: 0, max: 400 });

/** `counts` draws every count (default 0–400); a zero-heavy one exercises the "nothing happened" wording. */
export function consistentReport(formatId: FormatId, counts: fc.Arbitrary<number> = count): fc.Arbitrary<Values> {
  const f = getFormat(formatId);
  const { rows, leafRows, applicantColumns, columns } = f.t3;
  const tot = columns.find((c) => !applicantColumns.includes(c))!;
  const resultRow = f.cells.find((c) => c.table === 'T3' && c.role === 'total' && c.colKey !== tot)!.rowKey;
  const firstLeaf = rows.indexOf(leafRows[0]);
  const [newRow, carryInRow] = rows.slice(0, firstLeaf);
  const carryOutRow = rows[rows.length - 1];
  const t2 = f.cells.filter((c) => c.table === 'T2');
  const t4parts = f.cells.filter((c) => c.table === 'T4' && c.role === 'input');
  return fc
    .record({
      leaves: fc.array(fc.array(counts, { minLength: leafRows.length, maxLength: leafRows.length }), {
        minLength: applicantColumns.length,
        maxLength: applicantColumns.length,
      }),
      carryOut: fc.array(counts, { minLength: applicantColumns.length, maxLength: applicantColumns.length }),
      split: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: applicantColumns.length,
        maxLength: applicantColumns.length,
      }),
      t2: fc.array(counts, { minLength: t2.length, maxLength: t2.length }),
      fee: fc.integer({ min: 0, max: 99999999 }),
      t4: fc.array(counts, { minLength: t4parts.length, maxLength: t4parts.length }),
    })
    .map((g) => {
      const v: Values = {};
      applicantColumns.forEach((c, j) => {
        let results = 0;
        leafRows.forEach((r, i) => {
          v[cellId('T3', r, c)] = g.leaves[j][i];
          results += g.leaves[j][i];
        });
        v[cellId('T3', resultRow, c)] = results;
        v[cellId('T3', carryOutRow, c)] = g.carryOut[j];
        const total = results + g.carryOut[j];
        const fresh = Math.round(total * g.split[j]);
        v[cellId('T3', newRow, c)] = fresh;
        v[cellId('T3', carryInRow, c)] = total - fresh;
      });
      for (const r of rows) {
        v[cellId('T3', r, tot)] = applicantColumns.reduce((s, c) => s + v[cellId('T3', r, c)], 0);
      }
      t2.forEach((c, i) => (v[c.id] = c.kind === 'amount' ? g.fee / 10000 : g.t2[i]));
      // 制发 ≤ 现行有效 + 废止 holds when 现行有效 is at least 制发: keep the plausibility rule quiet.
      for (const c of t2) {
        if (c.kind !== 'count') continue;
        const block = t2.filter((x) => x.rowKey === c.rowKey);
        if (block.length === 3) v[block[2].id] = Math.max(v[block[2].id], v[block[0].id]);
      }
      t4parts.forEach((c, i) => (v[c.id] = g.t4[i]));
      for (const c of f.cells.filter((x) => x.table === 'T4' && x.sumOf)) {
        v[c.id] = c.sumOf!.reduce((s, id) => s + v[id], 0);
      }
      return v;
    });
}
