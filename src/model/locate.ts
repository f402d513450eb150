/**
 * The error locator: which cells are most likely wrong, by the Fellegi–Holt principle (the smallest set of cells
 * whose change satisfies every equation, failed and passing alike), as R's `errorlocate` does.
 *
 * The equations have ±1 coefficients over integer cells. Intact formula totals are not free variables: they follow
 * their parts, so changing an input cell also moves every live total above it. Each input cell therefore acts on
 * the equations through an "effect" vector (its own coefficients plus those of the totals that follow it).
 *
 * Search: per connected component of failed equations, candidate sets of 1, then 2, then 3 cells, each chosen cell
 * covering a failed equation not yet covered (so every failed equation is hit); the small linear system of the
 * equations the set touches is solved exactly and the solution must give whole, non-negative counts.
 */
import type { PreparedFormat } from './prepared';
import type { FormatRules } from './rules/instances';
import type { CellId, ReportFormat } from './types';

interface LocateInput {
  /** The format's equations (`rules`), its parts → totals (`dependents`) and the locator's memo (`locator`). */
  prepared: PreparedFormat;
  /** Values used in the arithmetic (0 for unfilled cells); only the candidates' are read. */
  values: CellValues;
  /** `Σ reported − Σ computed` of every equation, in `rules.equations` order. */
  residuals: readonly number[];
  /** Intact formula totals: they follow their parts and are never suspects themselves. */
  formulaCells: ReadonlySet<CellId>;
  /** Equations left out entirely (incomplete ones: their unfilled cells can take any figure). */
  skip?: ReadonlySet<number>;
  /** Cells that may take negative values (2019 `本年增/减`); all other cells of the equations are counts. */
  signed?: ReadonlySet<CellId>;
}

/** What the locator reads of the values: a Map will do, or anything that answers by id. */
interface CellValues {
  get(id: CellId): number | undefined;
}

interface Location {
  /** The failed equations (indexes into `rules.equations`) this location explains. */
  equations: number[];
  /** Every cell of every minimal correction; empty when no correction of up to three cells exists. */
  suspects: CellId[];
  /** The corrected values, when one correction is clearly the right one. */
  suggestion?: Record<CellId, number>;
  reason?: 'unique' | 'digitTypo';
  /** For each suspect, the equations its change acts on (to attach suspects to findings). */
  reach: Map<CellId, Set<number>>;
}

const MAX_SIZE = 3;
/** A safety bound on the systems solved per component; real tables need far fewer. */
const MAX_EVALUATIONS = 20000;

type Effect = Map<number, number>;

interface Solution {
  cells: CellId[];
  values: number[];
}

/** The totals that follow each cell when it changes: parts → totals (static per format, see `prepare`). */
export function dependentsOf(format: ReportFormat): Map<CellId, CellId[]> {
  const d = new Map<CellId, CellId[]>();
  for (const c of format.cells) {
    for (const p of c.sumOf ?? []) {
      const list = d.get(p);
      if (list) list.push(c.id);
      else d.set(p, [c.id]);
    }
  }
  return d;
}

function effectOf(x: CellId, input: LocateInput): Effect {
  const deps = input.prepared.dependents;
  // How much each cell moves when x moves by 1: x itself, then the live totals above it.
  const moved = new Map<CellId, number>([[x, 1]]);
  const queue: [CellId, number][] = [[x, 1]];
  for (let q = 0; q < queue.length; q++) {
    const [c, d] = queue[q];
    for (const t of deps.get(c) ?? []) {
      if (!input.formulaCells.has(t)) continue;
      moved.set(t, (moved.get(t) ?? 0) + d);
      queue.push([t, d]);
    }
  }
  const effect: Effect = new Map();
  const { coefficients, equationsOf } = input.prepared.rules;
  for (const [c, d] of moved) {
    for (const e of equationsOf.get(c) ?? []) {
      const sign = coefficients[e].get(c)!;
      const v = (effect.get(e) ?? 0) + sign * d;
      if (v === 0) effect.delete(e);
      else effect.set(e, v);
    }
  }
  return effect;
}

/**
 * Solves A·δ = b exactly for k ≤ 3 unknowns (integer matrix, small entries). Returns null when the system has
 * no solution or more than one (an underdetermined set does not point at definite values).
 */
function solve(a: number[][], b: number[], k: number): number[] | null {
  const m = a.length;
  const rows = a.map((r, i) => [...r, b[i]]);
  let rank = 0;
  const pivotCols: number[] = [];
  for (let col = 0; col < k && rank < m; col++) {
    let p = -1;
    for (let r = rank; r < m; r++)
      if (Math.abs(rows[r][col]) > 1e-12 && (p < 0 || Math.abs(rows[r][col]) > Math.abs(rows[p][col]))) p = r;
    if (p < 0) continue;
    [rows[rank], rows[p]] = [rows[p], rows[rank]];
    const pv = rows[rank][col];
    for (let c = col; c <= k; c++) rows[rank][c] /= pv;
    for (let r = 0; r < m; r++) {
      if (r === rank) continue;
      const f = rows[r][col];
      if (f === 0) continue;
      for (let c = col; c <= k; c++) rows[r][c] -= f * rows[rank][c];
    }
    pivotCols.push(col);
    rank++;
  }
  if (rank < k) return null;
  for (let r = rank; r < m; r++) if (Math.abs(rows[r][k]) > 1e-9) return null;
  const x = new Array<number>(k).fill(0);
  pivotCols.forEach((col, r) => (x[col] = rows[r][k]));
  return x;
}

/** Tiers of digit typos: 1 adjacent digits swapped, 2 one digit dropped or doubled, 3 one digit changed. */
export function digitTypoTier(typed: number, intended: number): 0 | 1 | 2 | 3 {
  if (!Number.isInteger(typed) || !Number.isInteger(intended) || typed < 0 || intended < 0) return 0;
  const a = String(typed);
  const b = String(intended);
  if (a === b) return 0;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]])
      return 1;
    if (diff.length === 1 && a.length >= 2) return 3;
    return 0;
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return 0;
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return 2;
  return 0;
}

/** Groups failed equations that share a cell (through their effects); each group is solved on its own. */
function components(failed: number[], touching: Map<number, CellId[]>): number[][] {
  // Equation indexes are small: the union-find runs on an array.
  const parent: number[] = [];
  for (const e of failed) parent[e] = e;
  const find = (e: number): number => {
    let r = e;
    while (parent[r] !== r) r = parent[r];
    parent[e] = r;
    return r;
  };
  const owner = new Map<CellId, number>();
  for (const e of failed) {
    for (const c of touching.get(e) ?? []) {
      const o = owner.get(c);
      if (o === undefined) owner.set(c, e);
      else parent[find(e)] = find(o);
    }
  }
  const groups = new Map<number, number[]>();
  for (const e of failed) {
    const r = find(e);
    const g = groups.get(r);
    if (g) g.push(e);
    else groups.set(r, [e]);
  }
  return [...groups.values()];
}

/** The candidates of a set of failed equations, and the groups they fall into. */
interface Candidates {
  touching: Map<number, CellId[]>;
  groups: number[][];
}

/** What depends only on the format and the live totals (kept from one edit, or one report, to the next). */
interface FormulaSetCache {
  effects: Map<CellId, Effect>;
  /** By the failed equations' indexes. */
  candidates: Map<string, Candidates>;
}

const MAX_FORMULA_SETS = 16;
const MAX_FAILED_SETS = 64;

/**
 * Effects and candidates depend only on the format, on which totals are live and (candidates) on which equations
 * failed, which stay the same from one edit to the next: they are kept per set of live totals, one memo per
 * format (`prepare(id).locator`). Bounded: past `MAX_FORMULA_SETS` sets of live totals it starts again.
 */
export class LocatorMemo {
  private readonly bySet = new Map<string, FormulaSetCache>();

  /** The memo of one set of live totals (`formulaSetKey`). */
  of(key: string): FormulaSetCache {
    let cache = this.bySet.get(key);
    if (!cache) {
      if (this.bySet.size >= MAX_FORMULA_SETS) this.bySet.clear();
      cache = { effects: new Map(), candidates: new Map() };
      this.bySet.set(key, cache);
    }
    return cache;
  }
}

/** One key per set of live totals: their reading positions, ascending (ids only for cells outside the format). */
function formulaSetKey(input: LocateInput): string {
  const order = input.prepared.rules.cellOrder;
  const positions = new Int32Array(input.formulaCells.size);
  let i = 0;
  for (const id of input.formulaCells) {
    const p = order.get(id);
    if (p === undefined) return [...input.formulaCells].sort().join('|');
    positions[i++] = p;
  }
  return `#${positions.sort().join(',')}`;
}

/** Cells in reading order (each list holds a cell once). */
function sortByReadingOrder(list: CellId[], rules: FormatRules): void {
  const order = rules.cellOrder;
  const cells = rules.format.cells;
  const positions = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) positions[i] = order.get(list[i])!;
  positions.sort();
  for (let i = 0; i < list.length; i++) list[i] = cells[positions[i]].id;
}

export function locate(input: LocateInput): Location[] {
  const { residuals, values } = input;
  const failed = residuals.flatMap((r, i) => (r !== 0 ? [i] : []));
  if (!failed.length) return [];
  const cache = input.prepared.locator.of(formulaSetKey(input));
  const effects = cache.effects;
  const effect = (x: CellId) => {
    let e = effects.get(x);
    if (!e) {
      e = effectOf(x, input);
      effects.set(x, e);
    }
    return e;
  };
  const failedKey = failed.join(',');
  let candidates = cache.candidates.get(failedKey);
  if (!candidates) {
    candidates = candidatesOf(failed, input, effect);
    if (cache.candidates.size >= MAX_FAILED_SETS) cache.candidates.clear();
    cache.candidates.set(failedKey, candidates);
  }
  const { touching, groups } = candidates;
  return groups.map((group) => locateComponent(group, touching, effect, input, values));
}

function candidatesOf(failed: number[], input: LocateInput, effect: (x: CellId) => Effect): Candidates {
  const rules = input.prepared.rules;

  // Candidates per failed equation: the non-formula cells whose change reaches it. A cell reaches an equation it
  // appears in, or one where a live total above it appears.
  const touching = new Map<number, CellId[]>();
  const failedSet = new Set(failed);
  const seen = new Set<CellId>();
  for (const e of failed) {
    for (const c of rules.equations[e].cells) {
      const stack = [c];
      while (stack.length) {
        const x = stack.pop()!;
        if (input.formulaCells.has(x)) {
          // A live total never changes by itself: look at the parts it follows.
          for (const p of rules.format.cellById.get(x)?.sumOf ?? []) stack.push(p);
          continue;
        }
        if (seen.has(x)) continue;
        seen.add(x);
        for (const fe of effect(x).keys()) {
          if (!failedSet.has(fe)) continue;
          const list = touching.get(fe);
          if (list) list.push(x);
          else touching.set(fe, [x]);
        }
      }
    }
  }
  for (const list of touching.values()) sortByReadingOrder(list, rules);
  return { touching, groups: components(failed, touching) };
}

function locateComponent(
  group: number[],
  touching: Map<number, CellId[]>,
  effect: (x: CellId) => Effect,
  input: LocateInput,
  values: CellValues,
): Location {
  const { residuals } = input;
  // Fewest candidates first: the branching stays small.
  const eqs = [...group].sort((p, q) => (touching.get(p)?.length ?? 0) - (touching.get(q)?.length ?? 0));
  let evaluations = 0;

  const evaluate = (set: CellId[]): Solution | null => {
    evaluations++;
    const rowsIdx = new Set<number>();
    for (const x of set) for (const e of effect(x).keys()) if (!input.skip?.has(e)) rowsIdx.add(e);
    const a: number[][] = [];
    const b: number[] = [];
    for (const e of rowsIdx) {
      a.push(set.map((x) => effect(x).get(e) ?? 0));
      b.push(-residuals[e]);
    }
    const delta = solve(a, b, set.length);
    if (!delta) return null;
    const out: number[] = [];
    for (let j = 0; j < set.length; j++) {
      const d = Math.round(delta[j]);
      if (Math.abs(d - delta[j]) > 1e-9 || d === 0) return null;
      const v = (values.get(set[j]) ?? 0) + d;
      if (v < 0 && !input.signed?.has(set[j])) return null;
      out.push(v);
    }
    // The rounded deltas must balance every touched equation exactly.
    for (const e of rowsIdx) {
      let r = residuals[e];
      set.forEach((x, j) => (r += (effect(x).get(e) ?? 0) * (out[j] - (values.get(x) ?? 0))));
      if (r !== 0) return null;
    }
    return { cells: set, values: out };
  };

  let solutions: Solution[] = [];
  for (let k = 1; k <= MAX_SIZE && !solutions.length && evaluations < MAX_EVALUATIONS; k++) {
    // What lies below a node depends only on the cells chosen so far, not on their order (the equations they hit
    // are the union of their effects): a set reached again in another order has nothing new below it, and its
    // leaves were all tried the first time. Skipping it, and testing a last cell's cover without copying the set
    // of equations hit, keeps the same evaluations in the same order, only faster.
    const visited = new Set<string>();
    const keyOf = (set: CellId[]) => (set.length > 1 ? [...set].sort().join('|') : (set[0] ?? ''));
    const leaf = (set: CellId[]) => {
      const key = keyOf(set);
      if (visited.has(key)) return;
      visited.add(key);
      const s = evaluate(set);
      if (s) solutions.push(s);
    };
    const search = (set: CellId[], hit: Set<number>) => {
      if (evaluations >= MAX_EVALUATIONS) return;
      const next = eqs.find((e) => !hit.has(e));
      if (next === undefined) {
        if (set.length === k) leaf(set);
        return;
      }
      if (set.length === k) return;
      const key = keyOf(set);
      if (visited.has(key)) return;
      visited.add(key);
      for (const x of touching.get(next) ?? []) {
        if (set.includes(x)) continue;
        const eff = effect(x);
        if (set.length + 1 === k) {
          if (evaluations >= MAX_EVALUATIONS) return;
          if (eqs.every((e) => hit.has(e) || eff.has(e))) leaf([...set, x]);
          continue;
        }
        const h = new Set(hit);
        for (const e of eff.keys()) h.add(e);
        search([...set, x], h);
      }
    };
    search([], new Set());
  }

  const reach = new Map<CellId, Set<number>>();
  const suspects: CellId[] = [];
  for (const s of solutions) {
    for (const c of s.cells) {
      if (reach.has(c)) continue;
      reach.set(c, new Set([...effect(c).keys()].filter((e) => !input.skip?.has(e))));
      suspects.push(c);
    }
  }
  const loc: Location = { equations: [...group], suspects, reach };
  if (solutions.length === 1) {
    loc.suggestion = Object.fromEntries(solutions[0].cells.map((c, j) => [c, solutions[0].values[j]]));
    loc.reason = 'unique';
  } else if (solutions.length > 1 && solutions.every((s) => s.cells.length === 1)) {
    // Several single cells could each be the wrong one: a digit typo can still tell them apart.
    for (const tier of [1, 2, 3] as const) {
      const hits = solutions.filter((s) => digitTypoTier(values.get(s.cells[0]) ?? 0, s.values[0]) === tier);
      if (hits.length === 0) continue;
      if (hits.length === 1) {
        loc.suggestion = { [hits[0].cells[0]]: hits[0].values[0] };
        loc.reason = 'digitTypo';
      }
      break;
    }
  }
  if (loc.reason === 'unique' && solutions[0].cells.length === 1) {
    const c = solutions[0].cells[0];
    if (digitTypoTier(values.get(c) ?? 0, solutions[0].values[0]) === 1) loc.reason = 'digitTypo';
  }
  solutions = [];
  return loc;
}
