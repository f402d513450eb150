/** The fast path: plain sheet markup walked as UTF-8 bytes, never decoded whole. */
import { columnIndex } from '../../model/a1';
import { clippedMerge, type XMerge, type XSheet, type XValue } from './ooxml';
import {
  cellType,
  cellValue,
  CELL_REF,
  formulaOf,
  mergeOf,
  sheetTextCells,
  SheetBuilder,
  T_BOOL,
  T_ERROR,
  T_INLINE,
  T_NUMBER,
  T_SHARED,
  T_STR,
  typeCode,
} from './sheet-text';

// Every search below finds what the text code's `indexOf` or expression finds in the decoded part: markup is
// ASCII, and UTF-8 never uses an ASCII byte inside a multi-byte character, so positions differ but matches do not.
// Byte-by-byte loops cost about as much per byte as decoding does, so the whole part is walked once; the long
// searches (`</sheetData>`, `mergeCells`) hop with the engine's native `indexOf` over one of their rarer bytes.

/** Decodes parts of a part; keeps a U+FEFF inside it, as decoding the whole part does. */
const partDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

const SHEET_DATA = ascii('sheetData');
const SHEET_DATA_END = ascii('</sheetData>');
const C_END = ascii('</c>');
const MERGE_CELLS = ascii('mergeCells');
const MERGE_CELL = ascii('mergeCell');
const INLINE_STR = ascii('inlineStr');
const REF_ATTR = ascii('ref="');
const QUOTE = ascii('"');

/** The bytes a cell tag's scan stops at: `>`, space, `=` and `S`. */
const TAG_BYTE = new Uint8Array(256).map((_, c) => (c === 62 || c === 32 || c === 61 || c === 83 ? 1 : 0));

/** Whether `b[at, at + 4)` is `</x>` (an end tag with a one-letter name). */
function endTag1(b: Uint8Array, at: number, x: number): boolean {
  return b[at] === 60 && b[at + 1] === 47 && b[at + 2] === x && b[at + 3] === 62;
}

/** First index of `pat` in `b[from, to)`, or -1: a plain loop, for short stretches. */
function find(b: Uint8Array, pat: Uint8Array, from: number, to: number): number {
  const first = pat[0];
  const n = pat.length;
  outer: for (let i = from, last = to - n; i <= last; i++) {
    if (b[i] !== first) continue;
    for (let k = 1; k < n; k++) if (b[i + k] !== pat[k]) continue outer;
    return i;
  }
  return -1;
}

/** First index of `pat` from `from`, hopping natively over its byte `pat[k]` (pick a rare one): for long stretches. */
function findHop(b: Uint8Array, pat: Uint8Array, k: number, from: number): number {
  for (let i = b.indexOf(pat[k], from + k); i >= 0; i = b.indexOf(pat[k], i + 1)) {
    if (startsWith(b, pat, i - k)) return i - k;
  }
  return -1;
}

function startsWith(b: Uint8Array, pat: Uint8Array, at: number): boolean {
  for (let k = 0; k < pat.length; k++) if (b[at + k] !== pat[k]) return false;
  return true;
}

/** `b[from, to)` as text: ASCII without the decoder's call cost, anything else through it. */
function text(b: Uint8Array, from: number, to: number): string {
  if (to - from > 32) return partDecoder.decode(b.subarray(from, to));
  let s = '';
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c >= 128) return partDecoder.decode(b.subarray(from, to));
    s += String.fromCharCode(c);
  }
  return s;
}

/** `b[from, to)` as a whole number when it is 1 to 15 ASCII digits (exact, as `Number()` reads it), else -1. */
function digits(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** The end of a run of bytes other than `<` from `from`: where the next tag starts (or the end). */
function nextTag(b: Uint8Array, from: number): number {
  let i = from;
  while (i < b.length && b[i] !== 60) i++;
  return i;
}

function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Walks plain sheet markup as bytes: cell references, types and numbers are ASCII, so only the text of string and
 * formula cells is decoded. A cell in any other shape (a prefix inside it, a shared formula, an inline string …)
 * is decoded and read by the text code, so the two paths agree.
 */
function scanSheet(b: Uint8Array, from: number, sheet: SheetBuilder): void {
  const end = findHop(b, SHEET_DATA_END, 3 /* h */, from);
  const stop = end < 0 ? b.length : end;
  const len = b.length;
  let i = from;
  while (i < stop) {
    if (b[i] !== 60 /* < */) {
      i++;
      continue;
    }
    const c1 = b[i + 1];
    if (c1 === 99 /* c */) {
      const c2 = b[i + 2];
      if (c2 === 32 || c2 === 62 || c2 === 47 /* space > / */) {
        // The tag in one pass: its end, the first ` r="` and ` t="`, whether `t=` appears at all, and a capital S
        // (`inlineStr` is the only thing that makes an empty cell worth reading). No `>` is in ` r="`, so what is
        // found lies inside the attributes.
        let rAt = -1;
        let tAt = -1;
        let tEq = false;
        let capitalS = false;
        let close = i + 2;
        // Excel writes `r` first: `<c r="B6"` read here, as cellRef reads it, so no later loop sees it again.
        let refRow = -1;
        let refCol = -1;
        if (c2 === 32 && b[i + 3] === 114 && b[i + 4] === 61 && b[i + 5] === 34) {
          let q = i + 6;
          let c = 0;
          let letters = 0;
          for (; q < len; q++) {
            const x = b[q];
            if (x >= 65 && x <= 90) {
              c = c * 26 + (x - 64);
              letters++;
              if (x === 83) capitalS = true;
            } else if (x !== 36 /* $ */) break;
          }
          const d0 = q;
          let r = 0;
          for (; q < len && b[q] >= 48 && b[q] <= 57; q++) r = r * 10 + (b[q] - 48);
          if (b[q] === 34 && letters && q > d0 && q - d0 <= 15) {
            rAt = i + 2;
            refRow = r - 1;
            refCol = c - 1;
            close = q + 1;
          } else capitalS = false;
        }
        for (; close < len; close++) {
          const x = b[close];
          if (TAG_BYTE[x] === 0) continue;
          if (x === 62) break;
          if (x === 32) {
            if (b[close + 2] === 61 && b[close + 3] === 34) {
              const nm = b[close + 1];
              if (nm === 114) {
                if (rAt < 0) rAt = close;
              } else if (nm === 116 && tAt < 0) tAt = close;
            }
          } else if (x === 61) {
            if (b[close - 1] === 116) tEq = true;
          } else capitalS = true;
        }
        if (close >= len) return;
        if (b[close - 1] === 47) {
          // Most cells of a formatted sheet are empty and only styled (`<c r="E7" s="3"/>`): nothing to read.
          if (!capitalS || find(b, INLINE_STR, i + 2, close - 1) < 0) sheet.nextCol++;
          else sheet.cellText(text(b, i + 2, close - 1), undefined);
          i = close + 1;
        } else {
          i = readCell(b, i + 2, close, rAt, tAt, tEq, refRow, refCol, sheet);
          if (i < 0) return;
        }
        continue;
      }
    } else if (c1 === 114 /* r */ && b[i + 2] === 111 && b[i + 3] === 119) {
      const c4 = b[i + 4];
      if (c4 === 32 || c4 === 62 || c4 === 47) {
        const close = b.indexOf(62, i + 4);
        if (close < 0) return;
        readRow(b, i + 4, close, sheet);
        i = close + 1;
        continue;
      }
    }
    i++;
  }
}

/** A `<row>`'s attributes `b[a0, a1)`: its `r`, found as `attr(attrs, 'r')` finds it. */
function readRow(b: Uint8Array, a0: number, a1: number, sheet: SheetBuilder): void {
  for (let p = a0; p + 3 <= a1; p++) {
    if (b[p] !== 114 || b[p + 1] !== 61 || b[p + 2] !== 34) continue;
    // `(?:^|\s)` before it: ASCII spaces here, any byte of a multi-byte character left to the expression.
    const before = p === a0 ? 32 : b[p - 1];
    if (before >= 128) break;
    if (before !== 32 && (before < 9 || before > 13)) continue;
    const q = find(b, QUOTE, p + 3, a1);
    const n = q < 0 ? -1 : digits(b, p + 3, q);
    if (n < 0) break;
    sheet.row = n - 1;
    sheet.nextCol = 0;
    return;
  }
  sheet.rowText(text(b, a0, a1));
}

/**
 * A `<c>` with attributes `b[a0, a1)` (`b[a1]` is its `>`), where the first ` r="` and ` t="` are at `rAt` and
 * `tAt` (or -1) and `tEq` says whether `t=` appears at all; `refRow`/`refCol` are the reference when already read
 * (else -1). Returns where scanning goes on (after its `</c>`), or
 * -1 when it has no end tag.
 */
function readCell(
  b: Uint8Array,
  a0: number,
  a1: number,
  rAt: number,
  tAt: number,
  tEq: boolean,
  refRow: number,
  refCol: number,
  sheet: SheetBuilder,
): number {
  let attrs: string | undefined;

  // Where: `r="B6"` read as cellRef reads it, else by its expression.
  let row = refRow;
  let col = refCol;
  if (col < 0 && rAt >= 0) {
    let i = rAt + 4;
    let letters = 0;
    let c = 0;
    for (; i < a1; i++) {
      const x = b[i];
      if (x >= 65 && x <= 90) {
        c = c * 26 + (x - 64);
        letters++;
      } else if (x !== 36 /* $ */) break;
    }
    const d0 = i;
    while (i < a1 && b[i] >= 48 && b[i] <= 57) i++;
    if (letters && i > d0 && i < a1 && b[i] === 34) {
      const n = digits(b, d0, i);
      row = (n >= 0 ? n : Number(text(b, d0, i))) - 1;
      col = c - 1;
    }
  }
  if (col < 0) {
    const m = CELL_REF.exec((attrs = text(b, a0, a1)));
    row = m ? Number(m[2]) - 1 : sheet.row;
    col = m ? columnIndex(m[1]) : sheet.nextCol;
  }
  sheet.nextCol = col + 1;

  // Type: `t="s"` and its few siblings compared as bytes.
  let type = T_NUMBER;
  const tEnd = tAt < 0 ? -1 : find(b, QUOTE, tAt + 4, a1);
  if (tEnd >= 0) {
    const len = tEnd - tAt - 4;
    const t0 = b[tAt + 4];
    if (len === 1) type = t0 === 115 ? T_SHARED : t0 === 98 ? T_BOOL : t0 === 101 ? T_ERROR : T_NUMBER;
    else if (len === 3 && t0 === 115 && b[tAt + 5] === 116 && b[tAt + 6] === 114) type = T_STR;
    else if (len === 9 && startsWith(b, INLINE_STR, tAt + 4)) type = T_INLINE;
  } else if (tAt >= 0 || tEq) {
    type = typeCode(cellType((attrs ??= text(b, a0, a1))));
  }

  // Content in the usual shapes, `[<f>F</f>][<v>V</v>]</c>` with no other tag in F or V, read directly: there
  // cellValue, formulaOf and the search for `</c>` all find these very tags.
  const n0 = a1 + 1;
  let p = n0;
  let fText: string | undefined;
  let end = -1;
  let v0 = -1;
  let v1 = -1;
  if (type !== T_INLINE) {
    if (b[p] === 60 && b[p + 1] === 102 && b[p + 2] === 62 /* <f> */) {
      const q = nextTag(b, p + 3);
      if (endTag1(b, q, 102 /* f */)) {
        fText = text(b, p + 3, q);
        p = q + 4;
      } else p = -1;
    }
    if (p >= 0 && b[p] === 60 && b[p + 1] === 118 && b[p + 2] === 62 /* <v> */) {
      const q = nextTag(b, p + 3);
      if (endTag1(b, q, 118 /* v */) && endTag1(b, q + 4, 99 /* c */)) {
        v0 = p + 3;
        v1 = q;
        end = q + 4;
      }
    } else if (fText !== undefined && p >= 0 && endTag1(b, p, 99 /* c */)) end = p;
  }
  if (end < 0) {
    // Any other shape: the text code on the decoded content.
    const endTag = find(b, C_END, a1, b.length);
    if (endTag < 0) return -1;
    const inner = text(b, n0, endTag);
    const fm = formulaOf(inner);
    const value = sheet.value(type, cellValue(inner), inner);
    sheet.put(row, col, value, type === T_ERROR && value !== null, fm?.[0], fm?.[1]);
    return endTag + 4;
  }

  let value: XValue = null;
  if (v0 >= 0) {
    // Whole numbers, shared-string indexes among them, never become text.
    const n = type === T_NUMBER || type === T_SHARED ? digits(b, v0, v1) : -1;
    if (n >= 0) value = type === T_NUMBER ? n : (sheet.strings[n] ?? '');
    else value = sheet.value(type, text(b, v0, v1), '');
  }
  sheet.put(row, col, value, type === T_ERROR && value !== null, fText === undefined ? undefined : '', fText);
  return end;
}

/** Merged ranges after the first `mergeCells`, as `<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"`g finds them. */
function scanMerges(b: Uint8Array): XMerge[] {
  const merges: XMerge[] = [];
  let p = findHop(b, MERGE_CELLS, 3 /* g */, 0);
  if (p < 0) return merges;
  // A match starts at a `<` just before `mergeCell` or before its `prefix:`: hop from one `mergeCell` to the next
  // over its `g`, rarer than `<` in what follows the cells.
  let tried = -1;
  // A tag whose `ref="…"` was looked for up to its `>` (or the end) without one: the tags starting inside it
  // would look through the rest of that same stretch, so they are passed over (thousands of `<mergeCell` without
  // `>` made this quadratic).
  let noRefUntil = -1;
  for (let k = findHop(b, MERGE_CELL, 3, p); k >= 0; k = findHop(b, MERGE_CELL, 3, k + 1)) {
    if (k < noRefUntil) continue;
    let lt = -1;
    if (b[k - 1] === 60) lt = k - 1;
    else if (b[k - 1] === 58 /* : */) {
      let s = k - 1;
      while (s > 0 && isWord(b[s - 1])) s--;
      if (s < k - 1 && b[s - 1] === 60) lt = s - 1;
    }
    if (lt < p || lt <= tried) continue;
    tried = lt;
    let j = lt + 1;
    while (j < b.length && isWord(b[j])) j++;
    const prefixed = j > lt + 1 && b[j] === 58 ? mergeRefAt(b, j + 1) : null;
    const found = prefixed && 'span' in prefixed ? prefixed : mergeRefAt(b, lt + 1);
    const ref = 'span' in found ? found.span : null;
    for (const r of [prefixed, found]) if (r && 'stop' in r) noRefUntil = Math.max(noRefUntil, r.stop);
    if (ref) {
      const merge = mergeBytes(b, ref[0], ref[1]) ?? mergeOf(text(b, ref[0], ref[1]));
      if (merge) merges.push(merge);
      p = ref[1] + 1;
    }
  }
  return merges;
}

/**
 * `B2:C4` (or `B2`) in `b[from, to)` when in capitals and digits only, as mergeOf reads it; else undefined (left to
 * mergeOf). Null when it lies off the sheet.
 */
function mergeBytes(b: Uint8Array, from: number, to: number): XMerge | null | undefined {
  const a = refBytes(b, from, to);
  if (!a) return undefined;
  const z = a.end === to ? a : b[a.end] === 58 /* : */ ? refBytes(b, a.end + 1, to) : null;
  if (!z || z.end !== to) return undefined;
  return clippedMerge(a, z);
}

function refBytes(b: Uint8Array, from: number, to: number): { row: number; col: number; end: number } | null {
  let i = from;
  let col = 0;
  while (i < to && b[i] >= 65 && b[i] <= 90) col = col * 26 + (b[i++] - 64);
  const d0 = i;
  while (i < to && b[i] >= 48 && b[i] <= 57) i++;
  const row = digits(b, d0, i);
  return i > from && col > 0 && row >= 0 ? { row: row - 1, col: col - 1, end: i } : null;
}

/**
 * The `ref` value's span when `mergeCell\b[^>]*?\bref="([^"]+)"` matches at `k`; else where the look for it
 * stopped (the tag's `>` or the end; `k` when no tag of that name starts there).
 */
function mergeRefAt(b: Uint8Array, k: number): { span: [number, number] } | { stop: number } {
  if (!startsWith(b, MERGE_CELL, k)) return { stop: k };
  const q0 = k + MERGE_CELL.length;
  if (q0 < b.length && isWord(b[q0])) return { stop: k };
  let q = q0;
  for (; q < b.length && b[q] !== 62; q++) {
    if (b[q] !== 114 || isWord(b[q - 1]) || !startsWith(b, REF_ATTR, q)) continue;
    const v0 = q + REF_ATTR.length;
    const v1 = b.indexOf(34, v0);
    if (v1 > v0) return { span: [v0, v1] };
  }
  return { stop: q };
}

/** One worksheet part, as bytes. */
export function parseSheet(name: string, bytes: Uint8Array, strings: string[]): XSheet {
  // Decoding drops a leading byte-order mark; so does reading the bytes.
  const b = hasBom(bytes) ? bytes.subarray(3) : bytes;
  const start = find(b, SHEET_DATA, 0, b.length);
  if (start < 0 || (start > 0 && b[start - 1] !== 60))
    return { name, cells: sheetTextCells(partDecoder.decode(b), strings), merges: scanMerges(b) };
  const sheet = new SheetBuilder(strings);
  scanSheet(b, start, sheet);
  return { name, cells: sheet.cells, merges: scanMerges(b) };
}

export function hasBom(b: Uint8Array): boolean {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}
