/**
 * Places values whose columns were lost. PDF text drops cells (a row of table 三 with 5 numbers for 7 columns);
 * the order of the numbers is kept, so each reading is an order-preserving placement. Placements that break the
 * table's arithmetic (with every count ≥ 0) are dropped, and a cell is reported only when every remaining
 * placement gives it the same value. Cells of such rows that no number reached are completed from the relations
 * only when the relations force them; they are listed as inferred.
 */
import type { CellId, ReportFormat } from '../../model/types';
import { cellId } from '../../model/formats';

/** `Σ lhs = Σ rhs` over non-negative counts. */
export interface Relation {
  lhs: CellId[];
  rhs: CellId[];
}

/** The relations of a format's tables (built once per format, as `prepareReader(id).relations`). */
export function relationsOf(format: ReportFormat): Relation[] {
  const rel: Relation[] = [];
  const { rows, leafRows, columns, applicantColumns } = format.t3;
  const tot = columns.find((c) => !applicantColumns.includes(c)) ?? columns[columns.length - 1];
  const [NEW, CARRY_IN] = rows;
  const CARRY_OUT = rows[rows.length - 1];
  const R7 = rows[rows.length - 2];
  for (const r of rows) rel.push({ lhs: [cellId('T3', r, tot)], rhs: applicantColumns.map((c) => cellId('T3', r, c)) });
  for (const c of columns) {
    rel.push({ lhs: [cellId('T3', R7, c)], rhs: leafRows.map((r) => cellId('T3', r, c)) });
    rel.push({
      lhs: [cellId('T3', NEW, c), cellId('T3', CARRY_IN, c)],
      rhs: [cellId('T3', R7, c), cellId('T3', CARRY_OUT, c)],
    });
  }
  const parts = format.t4.partColumns;
  const t4tot = format.t4.columns.find((c) => !parts.includes(c)) ?? format.t4.columns[format.t4.columns.length - 1];
  for (const g of format.t4.groups) {
    rel.push({ lhs: [cellId('T4', g, t4tot)], rhs: parts.map((p) => cellId('T4', g, p)) });
  }
  return rel;
}

export type Known = Map<CellId, number>;

/**
 * Completes the values from the relations, writing only into `added` and only cells `may` accepts (the unread
 * cells of partly read rows); `base` is read, never written, so that each trial placement costs no copy.
 * Returns false when the values contradict a relation.
 */
export function propagate(
  base: ReadonlyMap<CellId, number>,
  added: Known,
  relations: readonly Relation[],
  may: (id: CellId) => boolean,
): boolean {
  const get = (id: CellId) => added.get(id) ?? base.get(id);
  for (let changed = true; changed;) {
    changed = false;
    for (const r of relations) {
      let d = 0;
      const uL: CellId[] = [];
      const uR: CellId[] = [];
      for (const id of r.lhs) {
        const v = get(id);
        if (v === undefined) uL.push(id);
        else d += v;
      }
      for (const id of r.rhs) {
        const v = get(id);
        if (v === undefined) uR.push(id);
        else d -= v;
      }
      if (!uL.length && !uR.length) {
        if (d !== 0) return false;
        continue;
      }
      // One side complete: the unknowns of the other side share a non-negative remainder (`0 - d`: never -0).
      const [unknown, rest] = !uL.length ? [uR, d] : !uR.length ? [uL, 0 - d] : [null, 0];
      if (!unknown) continue;
      if (rest < 0) return false;
      if (unknown.length !== 1 && rest !== 0) continue;
      for (const id of unknown) {
        if (!may(id)) continue;
        added.set(id, unknown.length === 1 ? rest : 0);
        changed = true;
      }
    }
  }
  return true;
}

/** Every order-preserving way to put k values into n columns, as the chosen column indexes; null when too many. */
export function placements(n: number, k: number, limit = 5000): number[][] | null {
  const out: number[][] = [];
  const pick: number[] = [];
  const rec = (start: number): boolean => {
    if (pick.length === k) {
      out.push([...pick]);
      return out.length <= limit;
    }
    for (let i = start; i <= n - (k - pick.length); i++) {
      pick.push(i);
      if (!rec(i + 1)) return false;
      pick.pop();
    }
    return true;
  };
  return rec(0) ? out : null;
}
