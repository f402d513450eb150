/**
 * Finds the cell references inside formula text and rewrites them: relative shifts (copying a formula, a
 * conditional format evaluated at another cell, fill-down) and Excel's structural rewriting (rows or columns
 * inserted or deleted, sheets renamed). String literals are left alone.
 */
import { columnLetters, columnNumber, MAX_COLS, MAX_ROWS, quoteSheet, splitSheet } from './address';

export interface RefPoint {
  /** Zero-based; -1 on the axis a whole-row / whole-column reference does not have. */
  row: number;
  col: number;
  rowAbs: boolean;
  colAbs: boolean;
}

export interface FormulaRef {
  /** Unquoted sheet name when the reference is sheet-qualified. */
  sheet?: string;
  kind: 'cell' | 'range' | 'cols' | 'rows';
  start: RefPoint;
  end: RefPoint;
}

const SHEET = String.raw`(?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const REF = new RegExp(
  String.raw`(${SHEET})?(${CELL}(?::${CELL})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)`,
  'uy',
);
const BEFORE_BOUNDARY = /[\p{L}\p{N}_.$'!]/u;
const AFTER_BLOCK = /[\p{L}\p{N}_(.!]/u;

function parsePoint(text: string): RefPoint {
  const m = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/.exec(text)!;
  const hasCol = m[2] !== undefined;
  const hasRow = m[4] !== undefined;
  return {
    col: hasCol ? columnNumber(m[2]) : -1,
    colAbs: hasCol ? m[1] === '$' : false,
    row: hasRow ? Number(m[4]) - 1 : -1,
    rowAbs: hasRow ? (hasCol ? m[3] === '$' : m[1] === '$') : false,
  };
}

function pointText(p: RefPoint): string {
  const col = p.col >= 0 ? `${p.colAbs ? '$' : ''}${columnLetters(p.col)}` : '';
  const row = p.row >= 0 ? `${p.rowAbs ? '$' : ''}${p.row + 1}` : '';
  return col + row;
}

export function refText(r: FormulaRef): string {
  const sheet = r.sheet !== undefined ? `${quoteSheet(r.sheet)}!` : '';
  if (r.kind === 'cell') return sheet + pointText(r.start);
  return `${sheet}${pointText(r.start)}:${pointText(r.end)}`;
}

function parseMatch(sheetPart: string | undefined, body: string): FormulaRef | null {
  const sheet = sheetPart ? splitSheet(sheetPart + 'A1').sheet : undefined;
  const parts = body.split(':');
  const start = parsePoint(parts[0]);
  const end = parsePoint(parts[1] ?? parts[0]);
  let kind: FormulaRef['kind'];
  if (start.row >= 0 && start.col >= 0) kind = parts.length === 1 ? 'cell' : 'range';
  else if (start.col >= 0) kind = 'cols';
  else kind = 'rows';
  if (
    (kind === 'cell' || kind === 'range') &&
    (start.row >= MAX_ROWS || end.row >= MAX_ROWS || start.row < 0 || end.row < 0)
  )
    return null;
  if (start.col >= MAX_COLS || end.col >= MAX_COLS) return null;
  return { ...(sheet !== undefined ? { sheet } : {}), kind, start, end };
}

/** Replaces each reference with what `fn` returns (a reference, or text such as `#REF!`); the rest is kept. */
export function mapRefs(formula: string, fn: (ref: FormulaRef) => FormulaRef | string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : '';
    if (!prev || !BEFORE_BOUNDARY.test(prev)) {
      REF.lastIndex = i;
      const m = REF.exec(formula);
      if (m) {
        const after = formula[i + m[0].length] ?? '';
        const ref = !after || !AFTER_BLOCK.test(after) ? parseMatch(m[1], m[2]) : null;
        if (ref) {
          const r = fn(ref);
          out += typeof r === 'string' ? r : refText(r);
          i += m[0].length;
          continue;
        }
      }
    }
    // Skip whole identifiers so that `LOG10` or a name like `T3_total` is never read as a reference.
    const word = /^[\p{L}\p{N}_.]+/u.exec(formula.slice(i));
    if (word && BEFORE_BOUNDARY.test(formula[i]) && !/^\d/.test(word[0])) {
      out += word[0];
      i += word[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

export function listRefs(formula: string): FormulaRef[] {
  const refs: FormulaRef[] = [];
  mapRefs(formula, (r) => {
    refs.push(r);
    return r;
  });
  return refs;
}

const REF_ERROR = '#REF!';

/** Moves relative parts by (dRow, dCol), as copying a formula does; references pushed off the sheet become #REF!. */
export function shiftRelative(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return mapRefs(formula, (r) => {
    const move = (p: RefPoint): RefPoint | null => {
      const row = p.row < 0 || p.rowAbs ? p.row : p.row + dRow;
      const col = p.col < 0 || p.colAbs ? p.col : p.col + dCol;
      if ((p.row >= 0 && (row < 0 || row >= MAX_ROWS)) || (p.col >= 0 && (col < 0 || col >= MAX_COLS))) return null;
      return { ...p, row, col };
    };
    const start = move(r.start);
    const end = move(r.end);
    return start && end ? { ...r, start, end } : REF_ERROR;
  });
}

export interface StructuralEdit {
  sheet: string;
  axis: 'row' | 'col';
  /** Zero-based first row/column inserted or deleted. */
  at: number;
  /** Positive: inserted; negative: deleted. */
  count: number;
}

/** New [start, end] of an interval after an insert/delete; null when it was deleted entirely. */
export function adjustSpan(
  start: number,
  end: number,
  edit: Pick<StructuralEdit, 'at' | 'count'>,
): [number, number] | null {
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
