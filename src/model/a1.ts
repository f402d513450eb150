/** A1-style addresses, zero-based row/column in, Excel text out. Host-neutral: both Excel and ExcelJS speak A1. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function a1Range(row: number, col: number, rows = 1, cols = 1): string {
  const tl = a1(row, col);
  return rows === 1 && cols === 1 ? tl : `${tl}:${a1(row + rows - 1, col + cols - 1)}`;
}

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef extends CellRef {
  rows: number;
  cols: number;
}

/** Parses `B3`, `$B$3`, `B3:D7`, and a sheet-qualified `'Sheet 1'!B3:D7` (the sheet part is returned apart). */
export function parseA1(address: string): RangeRef & { sheet?: string } {
  let sheet: string | undefined;
  let ref = address.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheet = ref
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const parts = ref.replace(/\$/g, '').split(':');
  const parseOne = (p: string): CellRef => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(p);
    if (!m) throw new Error(`Not an A1 cell address: ${address}`);
    return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
  };
  const a = parseOne(parts[0]);
  const b = parts[1] ? parseOne(parts[1]) : a;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return {
    ...(sheet !== undefined ? { sheet } : {}),
    row,
    col,
    rows: Math.abs(b.row - a.row) + 1,
    cols: Math.abs(b.col - a.col) + 1,
  };
}
