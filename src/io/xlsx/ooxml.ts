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
  /** Hidden in the workbook (`state="hidden"` or `"veryHidden"`): a copy kept out of sight. */
  hidden?: boolean;
  /** A workbook-level name of the add-in (`DisclosureTables_T2` …) points into this sheet: its tables are the add-in's. */
  named?: boolean;
  /** Keyed by `row * COLS + col`, zero-based. */
  cells: Map<number, XCell>;
  merges: XMerge[];
}

/** Excel's column limit (XFD): the key stride of `XSheet.cells`. */
export const COLS = 16384;
/** Excel's row limit. A cell or merge beyond either limit cannot exist in a workbook Excel wrote. */
export const ROWS = 1048576;

/** Whether a zero-based cell position lies on Excel's sheet (so its key names no other cell). */
export function onSheet(row: number, col: number): boolean {
  return row >= 0 && row < ROWS && col >= 0 && col < COLS;
}

/**
 * A merge as Excel's limits allow it: corners in either order, clipped to the sheet; null when it lies wholly
 * off the sheet (a `ref` past XFD or row 1048576 would otherwise name cells of another row).
 */
export function clippedMerge(a: { row: number; col: number }, b: { row: number; col: number }): XMerge | null {
  const top = Math.max(0, Math.min(a.row, b.row));
  const left = Math.max(0, Math.min(a.col, b.col));
  const bottom = Math.min(ROWS - 1, Math.max(a.row, b.row));
  const right = Math.min(COLS - 1, Math.max(a.col, b.col));
  if (!Number.isFinite(top + left + bottom + right) || top > bottom || left > right) return null;
  return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

export function cellKey(row: number, col: number): number {
  return row * COLS + col;
}

/** A workbook part that cannot be read: `message` in Chinese, `en` in English. */
export class OoxmlError extends Error {
  constructor(
    message: string,
    readonly en: string = message,
  ) {
    super(message);
  }

  /** Any error met while reading, as an OoxmlError (a ZipError keeps its English text). */
  static of(e: unknown): OoxmlError {
    if (e instanceof OoxmlError) return e;
    const en = (e as { en?: unknown })?.en;
    const m = e instanceof Error ? e.message : String(e);
    return new OoxmlError(m, typeof en === 'string' ? en : m);
  }
}
