/**
 * What the .xlsx reader reads a workbook into: sheet names, cell values (shared and inline strings, numbers,
 * booleans, errors), formula text (shared formulas translated to each cell) and merged ranges. The reading itself is
 * split by job: `xml-strings.ts` (entities, attributes, shared strings), `sheet-text.ts` (sheet markup as text, and
 * what every path files a cell into), `sheet-bytes.ts` (the byte scanner, the fast path) and `workbook.ts` (the
 * zip's parts in workbook order). ExcelJS builds a full object model with styles (≈ 20 ms a file); checking a folder
 * of reports needs only this (≈ 0.3 ms). Browser-safe: fflate unzips synchronously in both Node and the browser.
 */
export type XValue = number | string | boolean | null;

export interface XCell {
  /** The value, or for a formula its cached result (null when the file holds none). */
  value: XValue;
  /** Formula text without `=`, when the cell holds a formula. */
  formula?: string;
  /** True for an error value (`#REF!`), whose text is in `value`. */
  error?: boolean;
}

export interface XMerge {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface XSheet {
  name: string;
  /** Keyed by `row * COLS + col`, zero-based. */
  cells: Map<number, XCell>;
  merges: XMerge[];
}

/** Excel's column limit: the key stride of `XSheet.cells`. */
export const COLS = 16384;

export function cellKey(row: number, col: number): number {
  return row * COLS + col;
}

export class OoxmlError extends Error {}
