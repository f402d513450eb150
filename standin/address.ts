/** A1 addresses and rectangles, zero-based. Covers what Office accepts: cells, ranges, whole rows/columns, sheets. */
import { a1 as cellA1, columnIndex as columnNumber, columnLetters } from '../src/model/a1';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

// The stand-in speaks the same A1 as the model; it reuses the model's helpers rather than a second copy.
export { columnLetters, columnIndex as columnNumber, a1 as cellA1 } from '../src/model/a1';

/** Office's form of a rectangle: `A1`, `A1:B2`, `3:5` for whole rows, `C:D` for whole columns. */
export function rectA1(r: Rect): string {
  if (r.col === 0 && r.cols === MAX_COLS) return `${r.row + 1}:${r.row + r.rows}`;
  if (r.row === 0 && r.rows === MAX_ROWS) return `${columnLetters(r.col)}:${columnLetters(r.col + r.cols - 1)}`;
  const tl = cellA1(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? tl : `${tl}:${cellA1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** `Sheet1!$A$1:$B$2`: the form Office stores for a name that refers to a range. */
export function absoluteQualified(sheet: string, r: Rect): string {
  const abs = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  const tl = abs(r.row, r.col);
  const ref = r.rows === 1 && r.cols === 1 ? tl : `${tl}:${abs(r.row + r.rows - 1, r.col + r.cols - 1)}`;
  return `${quoteSheet(sheet)}!${ref}`;
}

/** Sheet names are quoted when they are not plain identifiers, as Excel writes them. */
export function quoteSheet(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${rectA1(r)}`;
}

/** Splits `'My sheet'!A1:B2` into its sheet part (unquoted) and its reference. */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const s = address.trim();
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { ref: s };
  return {
    sheet: s
      .slice(0, bang)
      .replace(/^'(.*)'$/s, '$1')
      .replace(/''/g, "'"),
    ref: s.slice(bang + 1),
  };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

/** Parses a reference without sheet part; null when it is not one. */
export function parseRef(ref: string): Rect | null {
  const parts = ref.trim().split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const [a, b = a] = parts;
  let m1 = CELL.exec(a);
  let m2 = CELL.exec(b);
  if (m1 && m2) {
    const r1 = Number(m1[2]) - 1;
    const r2 = Number(m2[2]) - 1;
    const c1 = columnNumber(m1[1]);
    const c2 = columnNumber(m2[1]);
    if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS || c1 >= MAX_COLS || c2 >= MAX_COLS) return null;
    return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
  }
  if (parts.length !== 2) return null;
  m1 = COL.exec(a);
  m2 = COL.exec(b);
  if (m1 && m2) {
    const c1 = columnNumber(m1[1]);
    const c2 = columnNumber(m2[1]);
    if (c1 >= MAX_COLS || c2 >= MAX_COLS) return null;
    return { row: 0, col: Math.min(c1, c2), rows: MAX_ROWS, cols: Math.abs(c2 - c1) + 1 };
  }
  m1 = ROW.exec(a);
  m2 = ROW.exec(b);
  if (m1 && m2) {
    const r1 = Number(m1[1]) - 1;
    const r2 = Number(m2[1]) - 1;
    if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS) return null;
    return { row: Math.min(r1, r2), col: 0, rows: Math.abs(r2 - r1) + 1, cols: MAX_COLS };
  }
  return null;
}

export function parseAddress(address: string): { sheet?: string; rect: Rect } | null {
  const { sheet, ref } = splitSheet(address);
  const rect = parseRef(ref);
  return rect ? { ...(sheet !== undefined ? { sheet } : {}), rect } : null;
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.row && row < outer.row + outer.rows && col >= outer.col && col < outer.col + outer.cols;
}

/** Whether two rectangles share a cell: `intersect(a, b) !== null` without building the rectangle. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rows, b.row + b.rows);
  const colEnd = Math.min(a.col + a.cols, b.col + b.cols);
  return rowEnd > row && colEnd > col ? { row, col, rows: rowEnd - row, cols: colEnd - col } : null;
}

export function boundingRect(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return {
    row,
    col,
    rows: Math.max(a.row + a.rows, b.row + b.rows) - row,
    cols: Math.max(a.col + a.cols, b.col + b.cols) - col,
  };
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;
}

export function* cellsOf(r: Rect): Generator<[number, number]> {
  for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) yield [r.row + i, r.col + j];
}
