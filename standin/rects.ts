/** Rectangle arithmetic for merges, conditional-format ranges and validations under structural edits. */
import type { Rect } from './address';
import { intersect } from './address';
import type { StructuralEdit } from './formula-refs';
import { adjustSpan } from './formula-refs';

/** The rectangle after rows/columns were inserted or deleted; null when it was deleted entirely. */
export function adjustRect(r: Rect, edit: Pick<StructuralEdit, 'axis' | 'at' | 'count'>): Rect | null {
  if (edit.axis === 'row') {
    const span = adjustSpan(r.row, r.row + r.rows - 1, edit);
    return span ? { ...r, row: span[0], rows: span[1] - span[0] + 1 } : null;
  }
  const span = adjustSpan(r.col, r.col + r.cols - 1, edit);
  return span ? { ...r, col: span[0], cols: span[1] - span[0] + 1 } : null;
}

/** `a` minus `b`, as up to four rectangles. */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const x = intersect(a, b);
  if (!x) return [a];
  const out: Rect[] = [];
  if (x.row > a.row) out.push({ row: a.row, col: a.col, rows: x.row - a.row, cols: a.cols });
  const xEnd = x.row + x.rows;
  const aEnd = a.row + a.rows;
  if (aEnd > xEnd) out.push({ row: xEnd, col: a.col, rows: aEnd - xEnd, cols: a.cols });
  if (x.col > a.col) out.push({ row: x.row, col: a.col, rows: x.rows, cols: x.col - a.col });
  const xcEnd = x.col + x.cols;
  const acEnd = a.col + a.cols;
  if (acEnd > xcEnd) out.push({ row: x.row, col: xcEnd, rows: x.rows, cols: acEnd - xcEnd });
  return out;
}
