/**
 * A1 addresses, rectangles and the references inside formula text: zero-based rows and columns in, Excel's text out.
 * The one implementation for the model, the readers, the Excel host and the stand-in (which models Excel with it),
 * so that an address means the same cells everywhere. Pure: no Office.js, no DOM.
 */

/** Excel's sheet size (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3). */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

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

/** Office's form of a rectangle: `A1`, `A1:B2`, `3:5` for whole rows, `C:D` for whole columns. */
export function rectA1(r: Rect): string {
  if (r.col === 0 && r.cols === MAX_COLS) return `${r.row + 1}:${r.row + r.rows}`;
  if (r.row === 0 && r.rows === MAX_ROWS) return `${columnLetters(r.col)}:${columnLetters(r.col + r.cols - 1)}`;
  const tl = a1(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? tl : `${tl}:${a1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
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

/** `Sheet1!$A$1:$B$2`: the form Office stores for a name that refers to a range (anchored, so it never shifts). */
export function absoluteQualified(sheet: string, r: Rect): string {
  const abs = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  const tl = abs(r.row, r.col);
  const ref = r.rows === 1 && r.cols === 1 ? tl : `${tl}:${abs(r.row + r.rows - 1, r.col + r.cols - 1)}`;
  return `${quoteSheet(sheet)}!${ref}`;
}

/** Splits `'My sheet'!A1:B2` into its sheet part (unquoted) and its reference. */
function splitSheet(address: string): { sheet?: string; ref: string } {
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

/** Parses a reference without sheet part (`B3`, `$B$3`, `B3:D7`, `C:D`, `3:5`); null when it is not one. */
export function parseRef(ref: string): Rect | null {
  const parts = ref.trim().split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const [a, b = a] = parts;
  let m1 = CELL.exec(a);
  let m2 = CELL.exec(b);
  if (m1 && m2) {
    const r1 = Number(m1[2]) - 1;
    const r2 = Number(m2[2]) - 1;
    const c1 = columnIndex(m1[1]);
    const c2 = columnIndex(m2[1]);
    if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS || c1 >= MAX_COLS || c2 >= MAX_COLS) return null;
    return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
  }
  if (parts.length !== 2) return null;
  m1 = COL.exec(a);
  m2 = COL.exec(b);
  if (m1 && m2) {
    const c1 = columnIndex(m1[1]);
    const c2 = columnIndex(m2[1]);
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

/** A reference with an optional sheet part, `'Sheet 1'!B3:D7`; null when it is not one. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | null {
  const { sheet, ref } = splitSheet(address);
  const rect = parseRef(ref);
  return rect ? { ...(sheet !== undefined ? { sheet } : {}), rect } : null;
}

/** `parseAddress` for an address the caller wrote or Excel gave: one that is not an address is a programming error. */
export function parseA1(address: string): Rect & { sheet?: string } {
  const p = parseAddress(address);
  if (!p) throw new Error(`Not an A1 address: ${address}`);
  return p.sheet !== undefined ? { sheet: p.sheet, ...p.rect } : p.rect;
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

/** The cells of a rectangle, row by row, as [row, col]. */
export function* cellsOf(r: Rect): Generator<[number, number]> {
  for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) yield [r.row + i, r.col + j];
}

/**
 * Few rectangles covering exactly the given [row, col] cells. Office.js applies a format or a conditional format per range, so
 * fewer, larger ranges mean fewer queued commands. Greedy: horizontal runs per row, then runs with the same columns
 * on consecutive rows are stacked.
 */
export function coalesce(cells: Iterable<readonly [number, number]>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const [row, col] of cells) {
    const cols = byRow.get(row) ?? [];
    cols.push(col);
    byRow.set(row, cols);
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

// ---- References inside formula text ----

interface RefPoint {
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

const SHEET_PART = String.raw`(?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!`;
const CELL_PART = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const FORMULA_REF = new RegExp(
  String.raw`(${SHEET_PART})?(${CELL_PART}(?::${CELL_PART})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)`,
  'uy',
);
/** A reference cannot start right after these (it would be the tail of a name, a number or a sheet part). */
const BEFORE_BOUNDARY = /[\p{L}\p{N}_.$'!]/u;
/** Nor end right before these: `LOG10(` is a function, `A1B` or `T3.x` a name. */
const AFTER_BLOCK = /[\p{L}\p{N}_(.!]/u;
const WORD = /[\p{L}\p{N}_.]+/uy;

function parsePoint(text: string): RefPoint {
  const m = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/.exec(text)!;
  const hasCol = m[2] !== undefined;
  const hasRow = m[4] !== undefined;
  return {
    col: hasCol ? columnIndex(m[2]) : -1,
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

/**
 * Replaces each reference with what `fn` returns (a reference, or text such as `#REF!`); the rest is kept. String
 * literals, function names and defined names (`LOG10`, `T3_total`) are never read as references.
 */
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
      FORMULA_REF.lastIndex = i;
      const m = FORMULA_REF.exec(formula);
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
    WORD.lastIndex = i;
    const word = BEFORE_BOUNDARY.test(ch) ? WORD.exec(formula) : null;
    if (word && !/^\d/.test(word[0])) {
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

export const REF_ERROR = '#REF!';

/**
 * Rewrites a formula written for one cell so that it means the same `dRow` rows and `dCol` columns away, the way
 * Excel adjusts relative references when it copies or fills a formula, evaluates a conditional format at another
 * cell of its range, or expands a shared formula: `$`-anchored parts stay; a reference pushed off the sheet becomes
 * #REF!.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
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
