/**
 * Finds the six sections of a report in its lines: headings match `DOC_SECTIONS` loosely (numbering kept, wording
 * drifts: `五、存在问题及改进情况`), and are looked for in order so that table rows such as `二、上年结转…` are
 * never taken for headings. Reports copied without headings fall back on the tables' own first lines.
 */
import { DOC_SECTIONS, getFormat, T3_CORNER } from '../../model/formats';
import { normaliseLabel } from '../../model/normalise';
import { similarity } from './match';
import { norm } from './tokens';

export type SectionKey = keyof typeof DOC_SECTIONS;
const ORDER = Object.keys(DOC_SECTIONS) as SectionKey[];

export interface Sections {
  /** Lines before the first heading (title, preface). */
  head: string[];
  parts: Partial<Record<SectionKey, string[]>>;
  /** The section the text's last non-blank line is in (null: the head): a text cut off ends in a table. */
  last: SectionKey | null;
}

/** Strips a checker's annotation such as `(重复率: 80%)` after a heading. */
function headingText(line: string): string {
  return norm(line).replace(/\([^()]*\d+%\)$/, '');
}

const HEAD_KEYS = ORDER.map((k) => {
  const h = norm(DOC_SECTIONS[k]);
  return { k, marker: h.slice(0, 2), key: normaliseLabel(h) };
});

export function headingOf(line: string, after: number): SectionKey | null {
  const t = headingText(line);
  if (t.length < 4 || t.length > 40) return null;
  for (let i = after + 1; i < HEAD_KEYS.length; i++) {
    const h = HEAD_KEYS[i];
    if (!t.startsWith(h.marker)) continue;
    if (similarity(normaliseLabel(t), h.key) >= 0.55) return h.k;
  }
  return null;
}

const CAPTION_KEY = normaliseLabel(getFormat('2021').tables[0].labels[0].text).slice(0, 4);
const CORNER_KEY = normaliseLabel(T3_CORNER).slice(0, 8);

export function splitSections(lines: readonly string[]): Sections {
  const out: Sections = { head: [], parts: {}, last: null };
  let current: SectionKey | null = null;
  let index = -1;
  for (const line of lines) {
    const h = headingOf(line, index);
    if (h) {
      current = h;
      index = ORDER.indexOf(h);
      out.parts[h] = [];
      out.last = h;
      continue;
    }
    // Tables copied without their section headings: their first lines say where they start.
    const key = normaliseLabel(line);
    if (index < ORDER.indexOf('t2') && key.startsWith(CAPTION_KEY)) {
      current = 't2';
      index = ORDER.indexOf('t2');
      out.parts.t2 = [];
    } else if (index < ORDER.indexOf('t3') && key.startsWith(CORNER_KEY)) {
      current = 't3';
      index = ORDER.indexOf('t3');
      out.parts.t3 = [];
    }
    if (current) out.parts[current]!.push(line);
    else out.head.push(line);
    if (line.trim()) out.last = current;
  }
  return out;
}
