/** Consistent report values for any format, from a seed: every relation of the spec holds. */
import { getFormat } from '../../src/model/formats';
import type { CellId, FormatId } from '../../src/model/types';

/** A small deterministic generator (mulberry32), so a failing case can be replayed from its seed. */
export function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** Input cells only (totals are left to formulas); the balance of table 三 holds in every column. */
export function consistentInputs(format: FormatId, seed: number): Record<CellId, number> {
  const f = getFormat(format);
  const r = rng(seed);
  const v: Record<CellId, number> = {};
  for (const c of f.cells) {
    if (c.role !== 'input') continue;
    if (c.kind === 'amount') v[c.id] = r(100000) / 10000;
    else if (c.kind === 'signedCount') v[c.id] = r(21) - 10;
    else v[c.id] = r(10);
  }
  const id = (row: string, col: string) => `T3.${row}.${col}`;
  for (const col of f.t3.applicantColumns) {
    const results = f.t3.leafRows.reduce((a, row) => a + v[id(row, col)], 0);
    const carryIn = v[id('CARRY_IN', col)];
    const carryOut = v[id('CARRY_OUT', col)];
    // 一 + 二 = 三 + 四, with 一 ≥ 0.
    v[id('NEW', col)] = Math.max(0, results + carryOut - carryIn);
    v[id('CARRY_OUT', col)] = v[id('NEW', col)] + carryIn - results;
  }
  return v;
}

/** The value of any cell: inputs as given, totals as the sum of their parts. */
export function valueWithTotals(format: FormatId, inputs: Record<CellId, number>, id: CellId): number {
  const d = getFormat(format).cellById.get(id)!;
  return d.sumOf ? d.sumOf.reduce((a, p) => a + valueWithTotals(format, inputs, p), 0) : inputs[id];
}
