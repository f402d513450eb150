/**
 * The damage copying does to a report text, line by line: a line lost, a line doubled, full- and half-width
 * punctuation swapped, a label broken over two lines, a page footer or other stray line inserted, the text cut off.
 * Shared by the mutation property tests and the regression cases they found.
 */
import { patternValues, reportText } from './synthetic';

const HALF_TO_FULL: Record<string, string> = { '(': '（', ')': '）', ',': '，', ':': '：', ';': '；' };
const FULL_TO_HALF: Record<string, string> = Object.fromEntries(Object.entries(HALF_TO_FULL).map(([h, f]) => [f, h]));

export function swapWidth(line: string, toFull: boolean): string {
  const map = toFull ? HALF_TO_FULL : FULL_TO_HALF;
  return [...line].map((c) => map[c] ?? c).join('');
}

/** The damage of issue #7's first property test (its counterexamples are replayed by seed). */
export const MUTATION_KINDS = ['drop', 'dup', 'width'] as const;
export const MORE_MUTATION_KINDS = [
  ...MUTATION_KINDS,
  'split',
  'noise',
  'truncate',
  // Issue #14's shapes: a stray tag line in a text, a Markdown separator line, a page break with the title again.
  'tag',
  'mdsep',
  'page',
  // Shape 7: another body's whole report pasted before or after this one (`at` even: before).
  'body',
] as const;

/** Another body's report, of a year no sample has (`body` damage): it must come back as a report of its own. */
export const OTHER_BODY_YEAR = 2030;
const otherBody = (kind: 'text' | 'html') =>
  reportText(patternValues(), kind, {
    org: '临江市城南街道办事处',
    year: OTHER_BODY_YEAR,
    overview: [`${OTHER_BODY_YEAR}年，我街道办事处认真落实政务公开各项工作。`],
  }).split('\n');
/** The other body's report as the pasted text is: a web page's tables with a page, text with a text. */
const OTHER_BODY = { text: otherBody('text'), html: otherBody('html') };

/** Stray tags pasted into a text (`tag` damage). */
export const TAG_LINES = [
  '<p style="text-align:center">（本页）</p>',
  '<div class="page"><span>来源：本网</span></div>',
  '<br/>',
];

/**
 * Stray lines copies pick up: page footers and numbers (`pdftotext` prints them between table rows), the web
 * page's own links and dates, an empty line.
 */
export const NOISE_LINES = [
  '',
  '第 2 页 共 5 页',
  '- 3 -',
  '7',
  '打印本页 关闭窗口',
  '来源：本网 发布时间：2024-03-05 09:30',
  '（此页无正文）',
];

/**
 * `at` is taken modulo the current line count, so any natural number names a line; `pos` (split, noise, truncate)
 * picks the place inside the line or the noise line.
 */
export type Mutation = { kind: (typeof MORE_MUTATION_KINDS)[number]; at: number; toFull: boolean; pos?: number };

/** Places inside a line where a label may break: between two CJK characters. */
function labelBreaks(line: string): number[] {
  const out: number[] = [];
  const cjk = /\p{Script=Han}/u;
  for (let i = 1; i < line.length; i++) if (cjk.test(line[i - 1]) && cjk.test(line[i])) out.push(i);
  return out;
}

export function mutate(lines: readonly string[], muts: readonly Mutation[]): string[] {
  let out = [...lines];
  for (const m of muts) {
    if (!out.length) break;
    const i = m.at % out.length;
    const pos = m.pos ?? 0;
    if (m.kind === 'drop') out.splice(i, 1);
    else if (m.kind === 'dup') out.splice(i, 0, out[i]);
    else if (m.kind === 'width') out[i] = swapWidth(out[i], m.toFull);
    else if (m.kind === 'split') {
      const breaks = labelBreaks(out[i]);
      if (breaks.length) {
        const b = breaks[pos % breaks.length];
        out.splice(i, 1, out[i].slice(0, b), out[i].slice(b));
      }
    } else if (m.kind === 'noise') out.splice(i, 0, NOISE_LINES[pos % NOISE_LINES.length]);
    else if (m.kind === 'tag') out.splice(i, 0, TAG_LINES[pos % TAG_LINES.length]);
    else if (m.kind === 'mdsep') out.splice(i, 0, '| --- | --- | --- |');
    else if (m.kind === 'page') out.splice(i, 0, '\f政府信息公开工作年度报告');
    else if (m.kind === 'body') {
      const other = OTHER_BODY[out.some((l) => /<table\b/i.test(l)) ? 'html' : 'text'];
      out = m.at % 2 === 0 ? [...other, ...out] : [...out, ...other];
    }
    // Cut off inside line i: its first `pos` characters are the last of the text.
    else out = [...out.slice(0, i), out[i].slice(0, pos % (out[i].length + 1))];
  }
  return out;
}
