/**
 * Finds the six sections of a report in its lines: headings match `DOC_SECTIONS` loosely (numbering kept, wording
 * drifts: `五、存在问题及改进情况`), and are looked for in order so that table rows such as `二、上年结转…` are
 * never taken for headings. Reports copied without headings fall back on the tables' own first lines.
 */
import { DOC_SECTIONS, FORMAT_IDS, getFormat, T3_CORNER } from '../../model/formats';
import { labelCore, normaliseLabel } from '../../model/normalise';
import type { TableId } from '../../model/types';
import { similarity } from './match';
import { classify, lineFields, norm } from './tokens';

type SectionKey = keyof typeof DOC_SECTIONS;
const ORDER = Object.keys(DOC_SECTIONS) as SectionKey[];

interface Sections {
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

type TableSection = 't2' | 't3' | 't4';
const TABLE_SECTIONS: readonly TableSection[] = ['t2', 't3', 't4'];

/** A heading's number (`四、`, `（四）`, `表四`, `附表2`, `4.`), which reports give their tables as they please. */
const NUMBER =
  /^(?:附?表?[一二三四五六七八九十\d]+[、.．:：]?|[(（][一二三四五六七八九十\d]+[)）]|附?表[一二三四五六七八九十\d]*)/;

/** The heading of each table section without its number (`主动公开政府信息情况`). */
const TABLE_HEADS = TABLE_SECTIONS.map((k) => ({ k, key: normaliseLabel(norm(DOC_SECTIONS[k]).replace(NUMBER, '')) }));

/** The table section a line names, whatever its number; null when it names none. */
function tableHeadingOf(line: string): TableSection | null {
  const t = headingText(line).replace(NUMBER, '');
  if (t.length < 4 || t.length > 40) return null;
  const key = normaliseLabel(t);
  for (const h of TABLE_HEADS) if (similarity(key, h.key) >= 0.7) return h.k;
  return null;
}

/**
 * Label keys of each table in either format: column headers and captions, and row labels. Built once from both
 * formats together (a heading is looked for before the format is known), so not a part of `prepareReader`.
 */
let tableKeys: Record<TableSection, { heads: string[]; rows: string[] }> | null = null;
function keysOf(k: TableSection) {
  if (!tableKeys) {
    const build = (id: TableId) => {
      const heads = new Set<string>();
      const rows = new Set<string>();
      for (const f of FORMAT_IDS)
        for (const t of getFormat(f).tables.filter((x) => x.id === id))
          for (const l of t.labels) (l.role === 'rowLabel' ? rows : heads).add(labelCore(l.text));
      const long = (xs: Set<string>) => [...xs].filter((x) => [...x].length >= 4);
      return { heads: long(heads), rows: long(rows) };
    };
    tableKeys = { t2: build('T2'), t3: build('T3'), t4: build('T4') };
  }
  return tableKeys[k];
}

/** How many lines after a heading are looked at for the labels of its table. */
const LABEL_WINDOW = 12;

/**
 * True when the labels of the table follow line `at` (before the next heading): two of its column headers or
 * captions, or two lines that start with its row labels; for a heading with the table's standard number in its
 * place (`numbered`), also a row of five figures or more. A heading alone does not make a table: reports number
 * their prose sections and their tables alike (`四、政府信息公开申请情况` before the tables).
 */
function labelsFollow(lines: readonly string[], at: number, k: TableSection, numbered: boolean): boolean {
  const { heads, rows } = keysOf(k);
  const window: string[] = [];
  for (let i = at + 1; i < lines.length && window.length < LABEL_WINDOW; i++) {
    if (!lines[i].trim()) continue;
    if (tableHeadingOf(lines[i]) || headingOf(lines[i], -1)) break;
    window.push(lines[i]);
  }
  // A sentence is prose, however many header words it says (`未发生…行政复议和行政诉讼案件。` under a preface's
  // own `5.…行政复议、行政诉讼的情况`): a table's header cells hold no full stop.
  const text = normaliseLabel(window.filter((l) => !/[。！？]/.test(l)).join(''));
  if (heads.filter((h) => text.includes(h)).length >= 2) return true;
  const starts = window.map((l) => labelCore(l.split(/[\t|]|\s{2,}/).find((x) => x.trim()) ?? ''));
  if (starts.filter((st) => st.length >= 4 && rows.some((r) => st.startsWith(r))).length >= 2) return true;
  // A heading with the table's own number over a row of figures whose labels were lost (a side-by-side copy
  // leaves table 四's header lines in the other column).
  return numbered && window.some((l) => lineFields(l).filter((f) => classify(f).kind === 'value').length >= 5);
}

/**
 * The lines where a table starts, in order: a table heading with its labels under it, or the table's own first
 * line (table 二's caption, table 三's corner) when it was copied without a heading. Used to tell a second report
 * pasted after the first (its tables start again after table 四) from one report.
 */
export function tableStarts(lines: readonly string[]): { at: number; table: TableSection }[] {
  const out: { at: number; table: TableSection }[] = [];
  lines.forEach((line, i) => {
    const table = tableHeadingOf(line);
    if (table && labelsFollow(lines, i, table, false)) {
      out.push({ at: i, table });
      return;
    }
    const key = normaliseLabel(line);
    if (key.startsWith(CAPTION_KEY)) out.push({ at: i, table: 't2' });
    else if (key.startsWith(CORNER_KEY)) out.push({ at: i, table: 't3' });
  });
  return out;
}

/**
 * A row of table 三 with its figures (`四、结转下年度继续办理 0 0 0 0 0 0 0`) before any heading: a page of a PDF or
 * flip-book that starts inside table 三, its heading and header left on the page before. Its label is one of the
 * table's rows and it holds five figures or more, which no title or sentence does.
 */
function startsInTable3(line: string): boolean {
  const fields = lineFields(line);
  if (fields.filter((f) => classify(f).kind === 'value').length < 5) return false;
  const label = labelCore(fields.find((f) => f.trim()) ?? '');
  return label.length >= 4 && keysOf('t3').rows.some((r) => label === r);
}

/** The prose sections, looked for in order (table rows such as `五、…` never come before them). */
const PROSE: readonly SectionKey[] = ['overview', 'problems', 'other'];

export function splitSections(lines: readonly string[]): Sections {
  const out: Sections = { head: [], parts: {}, last: null };
  let current: SectionKey | null = null;
  let index = -1;
  const open = (k: SectionKey) => {
    current = k;
    index = Math.max(index, ORDER.indexOf(k));
    out.parts[k] = [];
  };
  lines.forEach((line, i) => {
    const table = tableHeadingOf(line);
    if (table && !out.parts[table] && labelsFollow(lines, i, table, headingOf(line, index) === table)) {
      open(table);
      out.last = table;
      return;
    }
    const h = headingOf(line, index);
    if (h && PROSE.includes(h)) {
      open(h);
      out.last = h;
      return;
    }
    // Tables copied without their section headings: their first lines say where they start.
    const key = normaliseLabel(line);
    if (!out.parts.t2 && key.startsWith(CAPTION_KEY)) open('t2');
    else if (!out.parts.t3 && key.startsWith(CORNER_KEY)) open('t3');
    else if (!current && !out.parts.t3 && startsInTable3(line)) open('t3');
    if (current) out.parts[current]!.push(line);
    else out.head.push(line);
    if (line.trim()) out.last = current;
  });
  return out;
}
