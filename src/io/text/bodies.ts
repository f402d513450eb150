/**
 * Two bodies' reports pasted one after the other in one file (a city's report, then a street office's): each is
 * read as its own report, as the two columns of a side-by-side comparison are. A report ends where the tables
 * start again after its table 四; the next one starts at its own title (or its 一、总体情况 heading) above them.
 * A table heading repeated before table 四 (a page's running header inside a table) never splits a report.
 */
import type { ReaderNote } from '../report-input';
import { headingOf, tableStarts } from './sections';
import { norm } from './tokens';

/**
 * A report's title line: `…年政府信息公开工作年度报告`, or a comparison's `2023 年报告   2024 年报告`; short and
 * not a sentence (a sentence that mentions a report ends in 。 or runs on with ，).
 */
function isTitle(line: string): boolean {
  const t = norm(line);
  return t.length >= 4 && t.length <= 100 && !/[。,;]/.test(t) && /年度报告|年报告|年报/.test(t);
}

/**
 * The line ranges of each report in the text, in order; one range when the tables run once. `starts` are the lines
 * where a later report's first table starts; its text begins at the last title (else 一、总体情况 heading) between
 * the previous report's table 四 and that table.
 */
interface Body {
  lines: string[];
  /**
   * Where this report ends or starts is not certain (cut short by another report's title, or no title or heading
   * above the tables that start again): said to the user with what was read.
   */
  notes: ReaderNote[];
}

/** A full report title naming its year (`临江市城南街道办事处2024年政府信息公开工作年度报告`), as a key. */
function namedTitle(line: string): string | null {
  const t = norm(line);
  return t.length <= 60 && /20\d\d年/.test(t) && /政府信息公开(?:工作)?年度报告$/.test(t) ? t : null;
}

export function splitBodies(lines: readonly string[]): Body[] {
  const starts = tableStarts(lines);
  /** Where each later report starts; `ends`: a note on the report before it, `starts`: on the report itself. */
  const cuts: { at: number; ends?: ReaderNote; starts?: ReaderNote }[] = [];
  // Where the current report's tables started, where its table 四 did, and the title it goes by.
  let firstTableAt = -1;
  let sawT4At = -1;
  const titleOf = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (namedTitle(lines[i])) return namedTitle(lines[i]);
    return null;
  };
  let ownTitle = titleOf(0, starts[0]?.at ?? 0);
  for (const [k, s] of starts.entries()) {
    if (s.table === 't4') {
      if (sawT4At < 0) sawT4At = s.at;
      if (firstTableAt < 0) firstTableAt = s.at;
      continue;
    }
    if (sawT4At < 0) {
      // A report cut short before its table 四, then another body's: the other's own title (another body or
      // year than this report's, never a running header repeating this one's) over its tables starts it.
      const prev = k > 0 ? starts[k - 1].at : -1;
      let other = -1;
      if (firstTableAt >= 0)
        for (let i = s.at - 1; i > prev && other < 0; i--) {
          const t = namedTitle(lines[i]);
          if (t && t !== ownTitle) other = i;
        }
      if (other < 0) {
        if (firstTableAt < 0) firstTableAt = s.at;
        continue;
      }
      // The report cut short is the one before the title: the note is its.
      cuts.push({ at: other, ends: { kind: 'endsEarly', params: { line: other + 1 } } });
      ownTitle = namedTitle(lines[other]);
      firstTableAt = s.at;
      continue;
    }
    // The tables start again after a table 四: a second report. Its text begins at its own title or overview.
    const after = sawT4At;
    const back = (test: (line: string, i: number) => boolean) => {
      for (let i = s.at - 1; i > after; i--) if (test(lines[i], i)) return i;
      return -1;
    };
    const title = back((l) => isTitle(l));
    const overview = title >= 0 ? -1 : back((l) => headingOf(l, -1) === 'overview');
    let cut = title >= 0 ? title : overview >= 0 ? overview : s.at;
    // Title lines come in a block (a comparison's name over its years), the body's name may sit above them.
    while (title >= 0 && cut - 1 > after && (!lines[cut - 1].trim() || isTitle(lines[cut - 1]))) cut -= 1;
    while (title >= 0 && cut > after + 1 && !lines[cut].trim()) cut += 1;
    if (title >= 0 && cut - 1 > after && isBodyName(lines[cut - 1])) cut -= 1;
    cuts.push({
      at: cut,
      ...(title < 0 && overview < 0
        ? {
            ends: { kind: 'continuesAsAnother', params: { line: cut + 1 } },
            starts: { kind: 'startGuessed', params: { line: cut + 1 } },
          }
        : {}),
    });
    ownTitle = titleOf(cut, s.at);
    sawT4At = -1;
    firstTableAt = s.at;
  }
  if (!cuts.length) return [{ lines: [...lines], notes: [] }];
  const bounds: { at: number; ends?: ReaderNote; starts?: ReaderNote }[] = [{ at: 0 }, ...cuts, { at: lines.length }];
  return bounds.slice(0, -1).map((b, i) => {
    const next = bounds[i + 1];
    return {
      lines: lines.slice(b.at, next.at),
      notes: [...(b.starts ? [b.starts] : []), ...(next.ends ? [next.ends] : [])],
    };
  });
}

/** A short line naming a body (`临江市城南街道办事处`): no figure, no punctuation of a sentence. */
function isBodyName(line: string): boolean {
  const t = norm(line);
  return (
    t.length >= 4 &&
    t.length <= 30 &&
    !/[\d,。:;!?"、]/.test(t) &&
    /(?:政府|办事处|局|委员会|办公室|中心|院|厅|委|处|镇|乡|街道)$/.test(t)
  );
}
