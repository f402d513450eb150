/**
 * Side-by-side comparisons of two years (`pdftotext -layout` of a comparison PDF): a line `2023 年报告   2024 年报告`
 * announces two columns. Each section is split at the column where the right report starts, learnt from the
 * lines whose first cell recurs further right (`规章 2 0 11   规章 2 1 12`); prose is split at its widest gap.
 * A line naming one year alone (`2024 年报告`) sends what follows to that report until the next section.
 */
import { headingOf } from './sections';

interface Column {
  year: number;
  lines: string[];
  /** False for the column the text's last characters went to: a text cut off is cut in that column only. */
  whole: boolean;
}

const PAIR = /^\s*(20\d\d)\s*年\S{0,4}\s{3,}(20\d\d)\s*年\S{0,4}\s*$/;
const SINGLE = /^\s*(20\d\d)\s*年\S{0,4}\s*$/;

function tokens(line: string): { start: number; text: string }[] {
  return [...line.matchAll(/\S+/g)].map((m) => ({ start: m.index ?? 0, text: m[0] }));
}

/** The most common offset between a line's first token and the same token again further right. */
function regionOffset(lines: readonly string[]): number | null {
  const counts = new Map<number, number>();
  for (const l of lines) {
    const t = tokens(l);
    if (t.length < 2) continue;
    const again = t.slice(1).find((x) => x.text === t[0].text);
    if (again) counts.set(again.start - t[0].start, (counts.get(again.start - t[0].start) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [off, n] of counts) if (n >= 2 && (best === null || n > (counts.get(best) ?? 0))) best = off;
  return best;
}

function splitAt(line: string, at: number): [string, string] {
  const t = tokens(line);
  const left = t.filter((x) => x.start < at);
  const right = t.filter((x) => x.start >= at);
  // Keep the cells' spacing: tables are read from runs of spaces.
  const join = (xs: typeof t) => xs.map((x) => x.text).join('  ');
  return [join(left), join(right)];
}

function splitProse(line: string): [string, string] {
  const gaps = [...line.matchAll(/ {3,}/g)];
  const lead = /^ */.exec(line)?.[0].length ?? 0;
  const last = gaps[gaps.length - 1];
  if (last && last.index !== undefined && last.index > 0 && last.index + last[0].length < line.length) {
    return [line.slice(0, last.index).trim(), line.slice(last.index + last[0].length).trim()];
  }
  return lead >= 20 ? ['', line.trim()] : [line.trim(), ''];
}

/**
 * True when many lines repeat their first cell further right: two reports side by side. Without a line naming the
 * two years, the columns cannot be attributed to years, and values must not be reported under the wrong one.
 */
export function looksSideBySide(lines: readonly string[]): boolean {
  let repeated = 0;
  for (const l of lines) {
    const t = tokens(l);
    if (t.length < 2 || /^[\d.,%+-]+$/.test(t[0].text) || [...t[0].text].length < 2) continue;
    if (t.slice(1).some((x) => x.text === t[0].text && x.start - t[0].start >= 30)) repeated++;
    if (repeated >= 5) return true;
  }
  return false;
}

export function splitColumns(lines: readonly string[]): Column[] | null {
  // The two years are named above the reports, before the first section heading (later lines such as
  // `2023年（旧）   2024年（新）` belong to the comparison's own analysis).
  const firstHeading = lines.findIndex((l) => headingOf(l, -1) !== null);
  const markerAt = lines.findIndex((l, i) => PAIR.test(l) && (firstHeading < 0 || i < firstHeading));
  if (markerAt < 0) return null;
  const m = PAIR.exec(lines[markerAt])!;
  const years = [+m[1], +m[2]];
  if (years[0] === years[1]) return null;
  const out: Column[] = years.map((year) => ({ year, lines: lines.slice(0, markerAt), whole: true }));
  let lastOwner = 1;

  // Regions between headings, each with its own split column.
  const regions: { heading: string | null; lines: string[] }[] = [{ heading: null, lines: [] }];
  for (const l of lines.slice(markerAt + 1)) {
    if (headingOf(l, -1)) regions.push({ heading: l, lines: [] });
    else regions[regions.length - 1].lines.push(l);
  }
  let only: number | null = null;
  for (const region of regions) {
    if (region.heading !== null) {
      const h = headingOf(region.heading, -1);
      // A one-year block (table 四 printed one year after the other) ends with its section.
      if (h === 'problems' || h === 'other') only = null;
      for (const c of out) c.lines.push(region.heading.trim());
    }
    const offset = regionOffset(region.lines);
    for (const l of region.lines) {
      const single = SINGLE.exec(l);
      if (single && years.includes(+single[1])) {
        only = years.indexOf(+single[1]);
        continue;
      }
      if (only !== null) {
        out[only].lines.push(l);
        if (l.trim()) lastOwner = only;
        continue;
      }
      const [left, right] = offset !== null ? splitAt(l, offset) : splitProse(l);
      out[0].lines.push(left);
      out[1].lines.push(right);
      if (right.trim()) lastOwner = 1;
      else if (left.trim()) lastOwner = 0;
    }
  }
  out[lastOwner].whole = false;
  return out;
}
