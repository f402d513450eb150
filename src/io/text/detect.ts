/**
 * Format version, report year and body from a report's text. The format is told by the labels only one of the two
 * versions has (derived from the format data); the year by the title (`2024年度…`, `2024年政府信息公开…`), the
 * statistics period, or a bare year line as PDF title pages leave it. The body: `body.ts`.
 */
import { FORMAT_IDS, getFormat } from '../../model/formats';
import type { FormatId, ReportFormat } from '../../model/types';
import { norm } from './tokens';

function formatKeys(f: ReportFormat): Set<string> {
  const keys = new Set<string>();
  for (const t of f.tables) {
    for (const l of t.labels) keys.add(normaliseText(l.text));
    for (const c of t.cells) keys.add(normaliseText(c.rowLabel));
  }
  return keys;
}

/** Like `normaliseLabel` but without the variant rewrites, which would merge the versions' distinctive wording. */
function normaliseText(s: string): string {
  return norm(s).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Built once from both formats together (each format's keys against the other's), so it belongs to no one format's
 * prepared object (`prepareReader`): kept here, computed on the first detection.
 */
let distinctive: Record<FormatId, string[]> | null = null;

/** Keys of labels one version has and the other has not, and that are not part of the other's labels. */
function distinctiveKeys(): Record<FormatId, string[]> {
  if (distinctive) return distinctive;
  const [a, b] = FORMAT_IDS;
  const ka = formatKeys(getFormat(a));
  const kb = formatKeys(getFormat(b));
  const only = (x: Set<string>, y: Set<string>) =>
    [...x].filter((k) => k.length >= 4 && !y.has(k) && ![...y].some((o) => o.includes(k) || k.includes(o)));
  distinctive = { [a]: only(ka, kb), [b]: only(kb, ka) } as Record<FormatId, string[]>;
  return distinctive;
}

/** The format the tables are laid out in, or null when the text carries no distinctive label. */
export function detectFormat(tableText: string): FormatId | null {
  const text = normaliseText(tableText);
  const d = distinctiveKeys();
  let best: FormatId | null = null;
  let bestScore = 0;
  for (const id of FORMAT_IDS) {
    const score = d[id].filter((k) => text.includes(k)).length;
    if (score > bestScore) {
      best = id;
      bestScore = score;
    } else if (score === bestScore) best = null;
  }
  return best;
}

/** The year the report covers. */
export function detectYear(head: readonly string[], narrative: readonly string[]): number | undefined {
  const plausible = (y: number) => y >= 2008 && y <= 2100;
  const lines = [...head, ...narrative].map((l) => norm(l));
  // 1. The report's title: `…2024年度政府信息公开工作报告` / `…2024年政府信息公开工作年度报告`, also broken over
  // the first lines. Not any `2021年政府信息公开工作要点`: a page's links and notices name other documents.
  const title = /(20\d\d)年度?(?:的)?政府信息公开工作(?:年度)?报告/;
  // A line that is a title, whole, before a title a sentence mentions (a preface quoting another report's name).
  for (const l of lines) {
    const m = l.length <= 60 && /报告$/.test(l) && !/[,。;:]/.test(l) ? title.exec(l) : null;
    if (m && plausible(+m[1])) return +m[1];
  }
  for (const l of [
    ...lines,
    head
      .slice(0, 12)
      .map((x) => norm(x))
      .join(''),
  ]) {
    const m = title.exec(l);
    if (m && plausible(+m[1])) return +m[1];
  }
  // 1b. The statistics period is as sure as the title (a page cut from a flip-book has no title).
  for (const l of lines) {
    const m = /(20\d\d)年1月1日(?:起)?至(20\d\d)年12月31日/.exec(l);
    if (m && m[1] === m[2] && plausible(+m[1])) return +m[1];
  }
  // 2. A title page line holding only the year, or a short title that says annual report the short way (`2020年报`,
  // a flip-book's page title `2020年报_审计局`).
  for (const l of head.map((x) => norm(x))) {
    const m = /^(20\d\d)年?度?$/.exec(l) ?? (l.length <= 40 ? /(?:^|[^\d])(20\d\d)年度?年?报(?![告表])/.exec(l) : null);
    if (m && plausible(+m[1])) return +m[1];
  }
  // 3. The statistics period.
  for (const l of lines) {
    const m = /(20\d\d)年1月1日(?:起)?至(20\d\d)年12月31日/.exec(l);
    if (m && m[1] === m[2] && plausible(+m[1])) return +m[1];
  }
  // 4. The first sentence of 一、总体情况 usually opens with the year.
  for (const l of narrative.map((x) => norm(x))) {
    const m = /^(20\d\d)年(?:以来|度)?[,，]/.exec(l);
    if (m && plausible(+m[1])) return +m[1];
  }
  return undefined;
}
