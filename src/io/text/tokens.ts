/**
 * Turns the lines of a table region into a stream of cell tokens. Three shapes of copied tables exist: cells
 * separated by tabs (PDF or Word copy), by `|` (web pages stored as text, one row or one cell per line), and by
 * runs of spaces (`pdftotext -layout`). Blank cells only carry position in the first two shapes.
 */
import { normaliseText } from '../../model/normalise';

export type Token =
  | { kind: 'text'; text: string; line?: number }
  /** A number as written, possibly with a note in brackets after it (`22（其中修订 16 件）`). */
  | { kind: 'value'; raw: string; line?: number }
  /** An empty cell, or a placeholder (`/`, `-`, `—`, `无`): both mean "not filled". */
  | { kind: 'blank'; raw: string; line?: number; pad?: true };

/** A number, possibly signed, with an optional note in brackets after it. Full-width digits are kept as read. */
const VALUE = /^[+\-−]?[0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?\s*(?:[(（][^()（）]*[)）])?$/;
const PLACEHOLDER = /^(?:[/／\\]|[-－—–_]+|无|無|空|——)$/;

/**
 * A place covered by a value merged across rows (HTML `rowspan` on a number): no row's cell alone, so never read
 * as a value nor as a blank, but as unread.
 */
export const SPANNED = '\u21d5';

/**
 * A figure with its unit written in the cell (`3件`, `12条`, `0.5万元`): one reading, the figure, as the column says
 * what is counted. `元` alone is no such unit: a 元 amount in the 万元 column would be read 10,000 times too large.
 */
const WITH_UNIT =
  /^([+\-−]?[0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?)\s*(?:件|条|個|个|项|項|宗|起|次|人次|万元|萬元)(\s*[(（][^()（）]*[)）])?$/;

export function classify(field: string): Token {
  const t = field.trim();
  if (t === '') return { kind: 'blank', raw: '' };
  if (t === SPANNED) return { kind: 'blank', raw: SPANNED };
  if (PLACEHOLDER.test(t)) return { kind: 'blank', raw: t };
  if (VALUE.test(t)) return { kind: 'value', raw: t };
  const unit = WITH_UNIT.exec(t);
  if (unit) return { kind: 'value', raw: unit[1] + (unit[2] ?? '') };
  return { kind: 'text', text: t };
}

/** The cells of one line. A separator at the end of a line closes the last cell; it does not open a new one. */
export function lineFields(line: string): string[] {
  if (line.includes('\t')) {
    const f = line.split('\t');
    if (f.length > 1 && f[f.length - 1].trim() === '') f.pop();
    return f;
  }
  if (line.includes('|')) {
    let s = line.trim();
    if (s.endsWith('|')) s = s.slice(0, -1);
    if (s.startsWith('|') && s.length > 1) s = s.slice(1);
    return s.split('|');
  }
  return line.split(/\s+/).filter((x) => x !== '');
}

/**
 * Pages stored one cell per line put `|` either at the end of each cell line (`0 |`, with a lone `|` for an empty
 * cell) or on a line of its own after each cell; in the second shape a lone `|` is only a terminator.
 */
function loneBarIsTerminator(lines: readonly string[]): boolean {
  let lone = 0;
  let bare = 0;
  let barred = 0;
  for (const l of lines) {
    const t = l.trim();
    if (!t) continue;
    if (/^\|+$/.test(t)) lone++;
    else if (t.includes('|')) barred++;
    else if (!l.includes('\t')) bare++;
  }
  return lone > 0 && bare > barred;
}

/** A Markdown table's separator line (`| --- | :---: |`): no cells, whatever its place (PDF converters repeat it). */
const MD_SEPARATOR = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$/;

/**
 * `copied`: the lines were copied from Word or a PDF, where a tab at the end of a line may close the last cell or
 * follow an empty last cell. When no line closes a figure with a tab (`0\t` at its end), tabs are no terminators
 * in this text and the empty field after the last tab is kept, as an empty cell that may be padding (a row with
 * empty cells at both ends is then read only when the table's arithmetic tells which end is padding).
 */
/**
 * A page's own line between table rows (`- 3 -`, `— 3 —`, `第 3 页`, `第3页 共5页`, `3/5`): it holds no cell, and
 * its figure is a page number, never a row's.
 */
const PAGE_LINE =
  /^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;

const PAD: Token = { kind: 'blank', raw: '', pad: true };

/**
 * How many fields at the end of a `|`-separated row are the converter's padding rather than cells. Pages stored as
 * text write each cell as `X |` and pad a row that has fewer cells than the table's grid (cells merged away or
 * missing) with bare bars: `| 0 | ||||||||`. Bars with nothing between them are that padding, and so is the space
 * that joins the first of them to the last cell; an empty cell is written `|  |`, with a space. A row of six
 * figures and padding is a row with lost cells, never one with empty last cells.
 */
function trailingPadding(fields: readonly string[]): number {
  let run = 0;
  while (run < fields.length && fields[fields.length - 1 - run] === '') run++;
  const before = fields[fields.length - 1 - run];
  return run > 0 && before !== undefined && before !== '' && before.trim() === '' ? run + 1 : 0;
}

export function tokenise(lines: readonly string[], copied = false): Token[] {
  const out: Token[] = [];
  const skipLone = loneBarIsTerminator(lines);
  const keepLast = copied && !lines.some((l) => /[0-9０-９]\t[ ]*$/.test(l));
  lines.forEach((line, at) => {
    if (skipLone && /^\s*\|\s*$/.test(line)) return;
    if (MD_SEPARATOR.test(line) || PAGE_LINE.test(line.replace(/\f/g, ''))) return;
    // A line of bars only (`||`) in a page stored one cell per line: the columns a merged cell spilled, no cells.
    if (!skipLone && /^\s*\|{2,}\s*$/.test(line)) {
      for (let k = 0; k < line.trim().length; k++) out.push({ kind: 'blank', raw: '', line: at, pad: true });
      return;
    }
    const fields = lineFields(line);
    if (keepLast && line.includes('\t') && /\t[ ]*$/.test(line) && fields.length > 1) fields.push('');
    const padded = line.includes('\t') ? 0 : trailingPadding(fields);
    const cells = fields.map((f, i): Token => (i >= fields.length - padded ? { ...PAD } : classify(f)));
    // Empty cells before a row's label stand for merged label cells above it (rowspan), not for values.
    const firstText = cells.findIndex((c) => c.kind === 'text');
    const start = firstText > 0 && cells.slice(0, firstText).every((c) => c.kind === 'blank' && !c.raw) ? firstText : 0;
    // Figures keep their line: a row is told from a stray figure (a page number) by the lines they came on.
    for (const c of cells.slice(start)) out.push({ ...c, line: at });
  });
  return out;
}

/** A number token's value, or null when it is not a plain half-width number (left to the checker as a string). */
export function plainNumber(raw: string): number | null {
  const t = raw.replace(/[,，](?=\d{3})/g, '').replace('−', '-');
  if (!/^[+-]?\d+(?:\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * A value token as the checker takes it. Published reports put a note in brackets after a number
 * (`22（其中修订 16 件）`); the note is the report's remark on that figure, not part of it, so it is dropped here
 * (the checker's `parseCell` reads only whole numbers and would call the cell text). What remains is a number when
 * it is a plain one, else the text (full-width digits), which the checker reads with its warning.
 */
export function noteless(raw: string): number | string {
  const t = raw.replace(/\s*[(（][^()（）]*[)）]$/, '');
  return plainNumber(t) ?? t;
}

/** The comparison form used throughout the text reader. */
export const norm = normaliseText;
