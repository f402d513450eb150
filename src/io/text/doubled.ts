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
import { getFormat } from '../../model/formats';
import type { CellId } from '../../model/types';
import type { ImportResult } from './import';
import { classify, lineFields } from './tokens';

/** A line repeated this many cells long (or longer) is taken for a possible doubled copy. */
const MIN_CELLS = 2;

/** Cells of figures (numbers, blanks, placeholders) in a line; labels do not count, they do not move columns. */
function figureCells(line: string, html: boolean): number {
  const fields = html ? [...line.matchAll(/<t[dh]\b[^>]*>([^<]*)/gi)].map((m) => m[1]) : lineFields(line);
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
export function withoutRepeats(lines: readonly string[], doubled: readonly number[]): string[][] {
  const variants: string[][] = [];
  for (const i of doubled) {
    // In a run of three identical lines, dropping the second or the third gives the same text.
    if (doubled.includes(i - 1)) continue;
    variants.push(lines.filter((_, j) => j !== i));
  }
  if (doubled.length > 1) variants.push(lines.filter((_, j) => !doubled.includes(j)));
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

/**
 * `base` with only the cells every alternative reading gives the same value; the others are listed as unfilled.
 * Format and year are those of `base`: a cell read under another format never agrees, since its id differs.
 */
export function keepAgreed(base: ImportResult[], alternatives: readonly ImportResult[][], lines: readonly number[]) {
  return base.map((r, index) => {
    const others = alternatives.map((alt) => counterpart(r, index, base, alt));
    const doubtful = Object.keys(r.cells).filter((id) =>
      others.some((o) => !o || o.format !== r.format || o.cells[id] !== r.cells[id]),
    );
    if (!doubtful.length) return r;
    const dropped = new Set<CellId>(doubtful);
    const cells = Object.fromEntries(Object.entries(r.cells).filter(([id]) => !dropped.has(id)));
    const inferred = (r.inferred ?? []).filter((id) => !dropped.has(id));
    const where = lines.map((i) => i + 1).join(', ');
    const note =
      `${doubtful.length} cells not read: a line repeated right after itself (line ${where}) may be a doubled ` +
      `copy standing for a lost line, and these cells' columns depend on which it is`;
    const out: ImportResult = {
      ...r,
      cells,
      unfilled: getFormat(r.format)
        .cells.map((c) => c.id)
        .filter((id) => !(id in cells)),
      notes: [...(r.notes ?? []), note],
    };
    if (inferred.length) out.inferred = inferred;
    else delete out.inferred;
    return out;
  });
}
