/**
 * Excel's structural rewriting: rows or columns inserted or deleted, sheets renamed. The references inside
 * formulas and the rectangles of merges, conditional formats and validations move, grow, shrink or become #REF!
 * the way Excel moves them. The references themselves are read and written by src/model/a1.ts.
 */
import { mapRefs, REF_ERROR, type Rect } from '../src/model/a1';

export interface StructuralEdit {
  sheet: string;
  axis: 'row' | 'col';
  /** Zero-based first row/column inserted or deleted. */
  at: number;
  /** Positive: inserted; negative: deleted. */
  count: number;
}

/** New [start, end] of an interval after an insert/delete; null when it was deleted entirely. */
function adjustSpan(start: number, end: number, edit: Pick<StructuralEdit, 'at' | 'count'>): [number, number] | null {
  const { at, count } = edit;
  if (count > 0) {
    return [start >= at ? start + count : start, end >= at ? end + count : end];
  }
  const n = -count;
  const last = at + n - 1;
  const ns = start < at ? start : start > last ? start - n : at;
  const ne = end < at ? end : end > last ? end - n : at - 1;
  return ne < ns ? null : [ns, ne];
}

/**
 * Rewrites references into the edited sheet like Excel: a range grows when rows are inserted inside it, moves
 * when they are inserted above, shrinks when some of its rows are deleted, and becomes #REF! when all are.
 */
export function applyStructural(formula: string, formulaSheet: string, edit: StructuralEdit): string {
  return mapRefs(formula, (r) => {
    if ((r.sheet ?? formulaSheet) !== edit.sheet) return r;
    const axisKey = edit.axis;
    if (r.kind === (axisKey === 'row' ? 'cols' : 'rows')) return r;
    const s = r.start[axisKey];
    const e = r.end[axisKey];
    const span = adjustSpan(Math.min(s, e), Math.max(s, e), edit);
    if (!span) return REF_ERROR;
    if (r.kind === 'cell' && span[0] !== span[1]) return REF_ERROR;
    return { ...r, start: { ...r.start, [axisKey]: span[0] }, end: { ...r.end, [axisKey]: span[1] } };
  });
}

export function renameSheetInFormula(formula: string, from: string, to: string): string {
  return mapRefs(formula, (r) => (r.sheet === from ? { ...r, sheet: to } : r));
}

/** The rectangle after rows/columns were inserted or deleted; null when it was deleted entirely. */
export function adjustRect(r: Rect, edit: Pick<StructuralEdit, 'axis' | 'at' | 'count'>): Rect | null {
  if (edit.axis === 'row') {
    const span = adjustSpan(r.row, r.row + r.rows - 1, edit);
    return span ? { ...r, row: span[0], rows: span[1] - span[0] + 1 } : null;
  }
  const span = adjustSpan(r.col, r.col + r.cols - 1, edit);
  return span ? { ...r, col: span[0], cols: span[1] - span[0] + 1 } : null;
}
