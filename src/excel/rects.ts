/**
 * Coalescing of cell sets into few rectangles, and shifting of relative A1 references. Office.js applies a format
 * or a conditional format per range, so fewer, larger ranges mean fewer queued commands in the one generation batch.
 */
import { a1, a1Range, columnIndex, columnLetters } from '../model/a1';

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Greedy: horizontal runs per row, then runs with the same columns on consecutive rows are stacked. */
export function coalesce(cells: Iterable<{ row: number; col: number }>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const cols = byRow.get(c.row) ?? [];
    cols.push(c.col);
    byRow.set(c.row, cols);
  }
  const runs: Rect[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row)!)].sort((a, b) => a - b);
    let start = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      if (i === cols.length || cols[i] !== cols[i - 1] + 1) {
        runs.push({ row, col: start, rows: 1, cols: cols[i - 1] - start + 1 });
        start = cols[i];
      }
    }
  }
  const out: Rect[] = [];
  for (const run of runs) {
    const above = out.find((r) => r.col === run.col && r.cols === run.cols && r.row + r.rows === run.row);
    if (above) above.rows++;
    else out.push({ ...run });
  }
  return out;
}

export function rectAddress(r: Rect): string {
  return a1Range(r.row, r.col, r.rows, r.cols);
}

export function rectCells(r: Rect): { row: number; col: number; address: string }[] {
  const out: { row: number; col: number; address: string }[] = [];
  for (let i = 0; i < r.rows; i++)
    for (let j = 0; j < r.cols; j++) out.push({ row: r.row + i, col: r.col + j, address: a1(r.row + i, r.col + j) });
  return out;
}

/** A1 references outside string literals; a name followed by `(` is a function, not a reference. */
const REF = /("[^"]*")|(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g;

/**
 * Rewrites a formula written for a cell so that it means the same for a cell `dr` rows and `dc` columns away, the
 * way Excel adjusts relative references when it copies a formula (or applies a conditional format to a range).
 */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  return formula.replace(
    REF,
    (m, str: string | undefined, colAbs: string, col: string, rowAbs: string, row: string, offset: number) => {
      if (str) return m;
      const prev = offset > 0 ? formula[offset - 1] : '';
      if (/[A-Za-z0-9_.]/.test(prev)) return m;
      const colIdx = colAbs ? columnIndex(col) : columnIndex(col) + dc;
      const rowNum = rowAbs ? Number(row) : Number(row) + dr;
      return `${colAbs}${columnLetters(colIdx)}${rowAbs}${rowNum}`;
    },
  );
}
