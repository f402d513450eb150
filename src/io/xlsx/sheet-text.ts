/**
 * Sheet markup read as text with regular expressions: the general path (namespace-prefixed markup, cells in unusual
 * shapes), and the builder every path files its cells into, so the byte scanner and this path agree.
 */
import { columnIndex, shiftFormula } from '../../model/a1';
import { inBothLanguages } from '../../model/messages';
import { cellKey, clippedMerge, OoxmlError, onSheet, type XCell, type XMerge, type XValue } from './ooxml';
import { ElementScanner, firstElement } from './elements';
import { attr, decode, stringItem } from './xml-strings';

function parseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new OoxmlError(...inBothLanguages('read.xlsx.badRef', { ref }));
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export const CELL_REF = /(?:^|\s)r="\$?([A-Za-z]+)\$?(\d+)"/;
const CELL_TYPE = /(?:^|\s)t="(\w+)"/;

/**
 * A cell's `<f>`: its attributes and raw text (text undefined for `<f/>`), as
 * `<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)` finds it, in one pass (`elements.ts`).
 */
export function formulaOf(inner: string): [string, string | undefined] | null {
  const f = inner.includes('f') ? firstElement(inner, 'f', { selfClosing: true }) : null;
  return f ? [f.attrs, f.content] : null;
}

/** `r="B6"` of a cell's attributes as [letters, digits], without a regular expression in the common case. */
function cellRef(attrs: string): [string, string] | null {
  const at = attrs.indexOf(' r="');
  if (at >= 0) {
    let i = at + 4;
    let letters = '';
    for (let c = attrs.charCodeAt(i); (c >= 65 && c <= 90) || c === 36; c = attrs.charCodeAt(++i))
      if (c !== 36) letters += attrs[i];
    const digitsFrom = i;
    while (attrs.charCodeAt(i) >= 48 && attrs.charCodeAt(i) <= 57) i++;
    if (letters && i > digitsFrom && attrs.charCodeAt(i) === 34) return [letters, attrs.slice(digitsFrom, i)];
  }
  const m = CELL_REF.exec(attrs);
  return m ? [m[1], m[2]] : null;
}

export function cellType(attrs: string): string {
  const at = attrs.indexOf(' t="');
  // Most cells (numbers) have no type at all: no expression needed to say so.
  if (at < 0) return attrs.includes('t=') ? (CELL_TYPE.exec(attrs)?.[1] ?? 'n') : 'n';
  return attrs.slice(at + 4, attrs.indexOf('"', at + 4));
}

/** The raw `<v>` text of a cell. */
export function cellValue(inner: string): string | undefined {
  const at = inner.indexOf('<v>');
  if (at >= 0) {
    const end = inner.indexOf('</v>', at);
    if (end >= 0) return inner.slice(at + 3, end);
  }
  // `<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>`, in one pass.
  return firstElement(inner, 'v', { spaceAfterName: true })?.content;
}

// Cell types, as small integers so the byte scanner compares no strings.
export const T_NUMBER = 0;
export const T_SHARED = 1;
export const T_STR = 2;
export const T_BOOL = 3;
export const T_ERROR = 4;
export const T_INLINE = 5;

export function typeCode(t: string): number {
  return t === 'inlineStr'
    ? T_INLINE
    : t === 's'
      ? T_SHARED
      : t === 'str'
        ? T_STR
        : t === 'b'
          ? T_BOOL
          : t === 'e'
            ? T_ERROR
            : T_NUMBER;
}

/** What one sheet's cells are read into; shared between the byte scanner and the text path. */
export class SheetBuilder {
  readonly cells = new Map<number, XCell>();
  private readonly shared = new Map<string, { formula: string; row: number; col: number }>();
  /** The current row and the column a cell without `r` takes (zero-based). */
  row = -1;
  nextCol = 0;

  constructor(readonly strings: string[]) {}

  /** The value of a cell of type `type` whose raw `<v>` text is `raw`; `inner` only matters for inline strings. */
  value(type: number, raw: string | undefined, inner: string): XValue {
    if (type === T_INLINE) {
      // `<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>`, in one pass.
      const is = firstElement(inner, 'is');
      return is ? stringItem(is.content ?? '') : '';
    }
    if (raw === undefined) return null;
    const v = decode(raw);
    if (type === T_SHARED) return this.strings[Number(v)] ?? '';
    if (type === T_STR || type === T_ERROR) return v;
    if (type === T_BOOL) return v === '1' || v.toLowerCase() === 'true';
    const n = Number(v);
    return Number.isFinite(n) ? n : v;
  }

  /**
   * Files a cell. `fAttrs`/`fText` are the attributes and raw text of its `<f>` (`fText` undefined for `<f/>`),
   * `fAttrs` undefined when it has none.
   */
  put(
    row: number,
    col: number,
    value: XValue,
    error: boolean,
    fAttrs: string | undefined,
    fText: string | undefined,
  ): void {
    let formula: string | undefined;
    if (fAttrs !== undefined) {
      const text = fText !== undefined ? decode(fText) : '';
      const si = fAttrs ? attr(fAttrs, 'si') : undefined;
      if (si !== undefined && attr(fAttrs, 't') === 'shared') {
        if (text) {
          this.shared.set(si, { formula: text, row, col });
          formula = text;
        } else {
          const master = this.shared.get(si);
          if (master) formula = shiftFormula(master.formula, row - master.row, col - master.col);
        }
      } else if (text) {
        formula = text;
      }
    }
    if (value === null && formula === undefined) return;
    // `XFE1` or row 0 is no cell of a sheet: filed, its key would name a cell of the next (or previous) row.
    if (!onSheet(row, col)) return;
    const cell: XCell = { value };
    if (formula !== undefined) cell.formula = formula;
    if (error) cell.error = true;
    this.cells.set(cellKey(row, col), cell);
  }

  /** A row's attributes, as text. */
  rowText(attrs: string): void {
    const rAttr = attr(attrs, 'r');
    this.row = rAttr ? Number(rAttr) - 1 : this.row + 1;
    this.nextCol = 0;
  }

  /** A cell from its attributes and content as text (`inner` undefined for `<c .../>`). */
  cellText(attrs: string, inner: string | undefined): void {
    // Most cells of a formatted sheet are empty and only styled (`<c r="E7" s="3"/>`): nothing to read.
    if (inner === undefined && !attrs.includes('inlineStr')) {
      this.nextCol++;
      return;
    }
    const content = inner ?? '';
    const ref = cellRef(attrs);
    const row = ref ? Number(ref[1]) - 1 : this.row;
    const col = ref ? columnIndex(ref[0]) : this.nextCol;
    this.nextCol = col + 1;
    const type = typeCode(cellType(attrs));
    const fm = formulaOf(content);
    const value = this.value(type, cellValue(content), content);
    this.put(row, col, value, type === T_ERROR && value !== null, fm?.[0], fm?.[1]);
  }
}

/**
 * The cells of namespace-prefixed sheet markup (`<x:c>`), rare: read as text, rows and cells in order of position
 * as `<(?:\w+:)?row\b([^>]*)>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)`g finds them, in one
 * pass (`elements.ts`). Merges are read from the bytes by the caller.
 */
export function sheetTextCells(xml: string, strings: string[]): Map<number, XCell> {
  const sheet = new SheetBuilder(strings);
  const rows = new ElementScanner(xml, 'row', { tagOnly: true });
  const cells = new ElementScanner(xml, 'c', { selfClosing: true });
  let row = rows.next(0);
  let cell = cells.next(0);
  while (row || cell) {
    if (row && (!cell || row.start < cell.start)) {
      sheet.rowText(row.attrs);
      const from = row.end;
      row = rows.next(from);
      if (cell && cell.start < from) cell = cells.next(from);
    } else if (cell) {
      sheet.cellText(cell.attrs, cell.content);
      const from = cell.end;
      cell = cells.next(from);
      if (row && row.start < from) row = rows.next(from);
    }
  }
  return sheet.cells;
}

export function mergeOf(ref: string): XMerge | null {
  const [tl, br] = ref.split(':');
  const a = parseRef(tl);
  return clippedMerge(a, br ? parseRef(br) : a);
}
