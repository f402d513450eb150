/**
 * Lines repeated right after themselves. Copying doubles a line now and then, and loses one now and then; a cell's
 * column is known only by counting the cells of its row, so a doubled line together with a lost one (in the same
 * row of figures) moves every cell between them into a neighbouring column, with the count still right. The loss
 * leaves no mark, the doubling does: when a line of several cells repeats the line before it, the text is also
 * read without the repeat, and only the values both readings agree on are reported.
 *
 * A single cell repeated (`0 |` then `0 |`, one cell per line) is not taken as a mark: neighbouring equal cells
 * are everyday there, and doubting each of them would leave most such tables unread.
 */
import type { CellId } from '../../model/types';
import type { UnreadCell, UnreadTried } from '../report-input';
import type { ImportResult } from './import';
import { classify, lineFields } from './tokens';

/** A line repeated this many cells long (or longer) is taken for a possible doubled copy. */
const MIN_CELLS = 2;
/**
 * At most this many texts are read besides the text itself (each repeat costs one whole reading): a text with
 * more repeats than this is not a copy with a few doubled lines, and none of its table values is trusted.
 */
export const MAX_VARIANTS = 8;

/** The text of each `<td>`/`<th>` of an HTML line, scanned once (no pattern that rescans from every `<td`). */
function htmlCells(line: string): string[] {
  const out: string[] = [];
  for (const part of line.split('<')) {
    if (!/^t[dh]\b/i.test(part)) continue;
    const gt = part.indexOf('>');
    out.push(gt < 0 ? '' : part.slice(gt + 1));
  }
  return out;
}

/** Cells of figures (numbers, blanks, placeholders) in a line; labels do not count, they do not move columns. */
function figureCells(line: string, html: boolean): number {
  const fields = html ? htmlCells(line) : lineFields(line);
  return fields.map(classify).filter((t) => t.kind !== 'text').length;
}

/**
 * What must be equal for two lines to be copies: widths of punctuation aside, the same characters in the same
 * places (in `pdftotext -layout` text the indent tells the left report's row from the right one's).
 */
function sameness(line: string): string {
  return line.normalize('NFKC').trimEnd();
}

/** Indexes of the lines that repeat the line before them and may be doubled copies (the second of each pair). */
export function doubledLines(lines: readonly string[], html: boolean): number[] {
  const out: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = sameness(lines[i]);
    if (!a.trim() || a !== sameness(lines[i - 1])) continue;
    if (figureCells(lines[i], html) >= MIN_CELLS) out.push(i);
  }
  return out;
}

/**
 * The texts to read besides the text itself: without each repeat (a run of identical lines loses one copy), and
 * without every repeat at once when there are several.
 */
export function withoutRepeats(lines: readonly string[], doubled: readonly number[]): string[][] | null {
  const set = new Set(doubled);
  // In a run of three identical lines, dropping the second or the third gives the same text.
  const firsts = doubled.filter((i) => !set.has(i - 1));
  if (firsts.length + (doubled.length > 1 ? 1 : 0) > MAX_VARIANTS) return null;
  const variants = firsts.map((i) => lines.filter((_, j) => j !== i));
  if (doubled.length > 1) variants.push(lines.filter((_, j) => !set.has(j)));
  return variants;
}

/** The report of `others` that stands for `r`: the same year, or the same place when years are not told. */
function counterpart(r: ImportResult, index: number, all: readonly ImportResult[], others: readonly ImportResult[]) {
  if (r.year !== undefined) {
    const same = others.filter((o) => o.year === r.year);
    if (same.length === 1 && all.filter((x) => x.year === r.year).length === 1) return same[0];
  }
  return others.length === all.length ? others[index] : undefined;
}

/** Cells of `r` read or taken as blank that `o` (another reading) does not give the same. */
function disagreeing(r: ImportResult, o: ImportResult | undefined): CellId[] {
  if (!o || o.format !== r.format) return [...Object.keys(r.cells), ...r.unfilled];
  const blank = new Set(o.unfilled);
  return [
    ...Object.keys(r.cells).filter((id) => o.cells[id] !== r.cells[id]),
    ...r.unfilled.filter((id) => !blank.has(id)),
  ];
}

/** `r` with `ids` moved from its cells and blanks to its unread cells. */
function withUnread(r: ImportResult, ids: readonly CellId[], reason: UnreadCell['reason'], tried: UnreadTried) {
  const dropped = new Set<CellId>(ids);
  const cells = Object.fromEntries(Object.entries(r.cells).filter(([id]) => !dropped.has(id)));
  const inferred = (r.inferred ?? []).filter((id) => !dropped.has(id));
  const out: ImportResult = {
    ...r,
    cells,
    unfilled: r.unfilled.filter((id) => !dropped.has(id)),
    unread: [...r.unread, ...[...dropped].map((cell) => ({ cell, reason, tried }))],
  };
  if (inferred.length) out.inferred = inferred;
  else delete out.inferred;
  return out;
}

/**
 * `base` with only the cells every alternative reading gives the same value (or leaves blank alike); the others
 * are unread. Format and year are those of `base`: a cell read under another format never agrees, since its id
 * differs.
 */
export function keepAgreed(base: ImportResult[], alternatives: readonly ImportResult[][], lines: readonly number[]) {
  return base.map((r, index) => {
    const others = alternatives.map((alt) => counterpart(r, index, base, alt));
    const doubtful = [...new Set(others.flatMap((o) => disagreeing(r, o)))];
    if (!doubtful.length) return r;
    const where = lines.map((i) => i + 1).join(', ');
    // Each cell says why as its unread reason (the repeated line, both readings): no note repeats it.
    return withUnread(r, doubtful, 'doubled', { what: 'doubled', lines: where });
  });
}

/** Too many repeated lines to read the text once without each: no value of its tables is trusted. */
export function untrusted(r: ImportResult, repeats: number): ImportResult {
  const ids = [...Object.keys(r.cells), ...r.unfilled];
  if (!ids.length) return r;
  return withUnread(r, ids, 'doubled', { what: 'repeats', figures: repeats, placements: MAX_VARIANTS });
}
