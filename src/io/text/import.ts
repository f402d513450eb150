/**
 * Reads a published 政府信息公开工作年度报告 from its text (copied from a web page, a PDF or Word) or its HTML:
 * the three tables as canonical cells, the format version, the year, the body, and the narrative section for the
 * `N.` checks. A value it reports is a value it read (or one the table's arithmetic forces, listed in `inferred`);
 * what it cannot read is listed, never guessed.
 */
import type { CellId, FormatId, TableId } from '../../model/types';
import { prepareReader } from '../prepared';
import type { ReaderNote, UnreadCell } from '../report-input';
import { splitBodies } from './bodies';
import { looksSideBySide, splitColumns } from './columns';
import { detectBody } from './body';
import { detectFormat, detectYear } from './detect';
import { doubledLines, keepAgreed, untrusted, withoutRepeats } from './doubled';
import { htmlToText } from './html';
import { splitSections } from './sections';
import { readTables } from './tables';
import { classify, lineFields, tokenise } from './tokens';

export interface ImportResult {
  format: FormatId;
  year?: number;
  org?: string;
  cells: Record<CellId, number | string>;
  /** Cells the report leaves blank: an empty cell or a placeholder (`/`, `-`, `无`) in the cell's place. */
  unfilled: CellId[];
  /** Cells the reader could not read (its failure, not the report's), with why. */
  unread: UnreadCell[];
  /** Text with numbers that could not be placed in a table (extra rows, analysis tables, footnotes). */
  unrecognised: string[];
  /** The section 一、总体情况, or the text before the tables when it has no heading. */
  narrative: string;
  /** The prose sections found under their headings (一、五、六), for the copied-text comparison. */
  prose?: Partial<Record<'overview' | 'problems' | 'other', string>>;
  /** Cells placed or completed by the arithmetic because the text lost their columns. */
  inferred?: CellId[];
  /** How the report was read, as data (a text cut short, a split between two reports that is a guess). */
  notes?: ReaderNote[];
}

function lines(text: string): string[] {
  return text
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .split('\n');
}

interface ImportHints {
  year?: number;
  /** Used when the text has no distinctive label of either version. */
  format?: FormatId;
  /** The text goes on after these lines (the other column of a comparison has its end): no row is cut short. */
  whole?: boolean;
  /** The lines come from a web page (`htmlToText`): a tab at the end of a line only closes the row. */
  html?: boolean;
}

const TABLE_OF_SECTION: Partial<Record<string, TableId>> = { t2: 'T2', t3: 'T3', t4: 'T4' };
const SECTION_OF_TABLE = { T2: 't2', T3: 't3', T4: 't4' } as const;

/**
 * True when the last line ends in a figure with no cell end after it: the text may have been cut inside that
 * figure (`17` of `170`). Lines of tab- or `|`-separated cells that close their last cell are whole.
 */
function endsInCutFigure(lines: readonly string[]): boolean {
  const last = [...lines].reverse().find((l) => l.trim());
  if (!last || /[\t|]\s*$/.test(last)) return false;
  const fields = lineFields(last);
  return fields.length > 0 && classify(fields[fields.length - 1]).kind === 'value';
}

function importColumn(all: readonly string[], hints: ImportHints = {}): ImportResult {
  const sections = splitSections(all);
  const { parts, head } = sections;
  const narrativeLines = parts.overview ?? head;
  const tableLines = [...(parts.t2 ?? []), ...(parts.t3 ?? []), ...(parts.t4 ?? [])];
  const year = hints.year ?? detectYear(head, parts.overview ?? []);
  const detected = detectFormat(tableLines.join('\n'));
  const formatId: FormatId = detected ?? hints.format ?? (year !== undefined && year <= 2020 ? '2019' : '2021');
  const regions: Partial<Record<TableId, ReturnType<typeof tokenise>>> = {};
  const copied = !hints.html;
  if (parts.t2) regions.T2 = tokenise(parts.t2, copied);
  if (parts.t3) regions.T3 = tokenise(parts.t3, copied);
  if (parts.t4) regions.T4 = tokenise(parts.t4, copied);
  const cut = hints.whole ? undefined : TABLE_OF_SECTION[sections.last ?? ''];
  const notes: ReaderNote[] = [];
  if (cut && regions[cut] && endsInCutFigure(parts[SECTION_OF_TABLE[cut]] ?? [])) {
    regions[cut] = regions[cut].slice(0, -1);
    notes.push({ kind: 'cutShort', params: { table: cut } });
  }
  const read = readTables(prepareReader(formatId), regions, cut);
  notes.push(...read.notes);
  if (!detected) notes.push({ kind: 'formatAssumed', params: { format: formatId } });
  const org = detectBody(head)?.org;
  const result: ImportResult = {
    format: formatId,
    ...(year !== undefined ? { year } : {}),
    ...(org ? { org } : {}),
    cells: read.cells,
    unfilled: read.blanks,
    unread: read.unread,
    unrecognised: read.unrecognised,
    narrative: narrativeLines.join('\n').trim(),
  };
  const prose = Object.fromEntries(
    (['overview', 'problems', 'other'] as const)
      .map((k) => [k, (parts[k] ?? []).join('\n').trim()] as const)
      .filter(([, v]) => v),
  );
  if (Object.keys(prose).length) result.prose = prose;
  if (read.inferred.length) result.inferred = read.inferred;
  if (notes.length) result.notes = notes;
  return result;
}

/**
 * Every report in the text: one, or two for a side-by-side comparison of two years. A line of figures repeated
 * right after itself may be a doubled copy hiding a lost line: the text is then read without it as well, and a
 * value is reported only when both readings agree on it.
 */
export function importReportTexts(text: string): ImportResult[] {
  const base = readReports(text);
  const html = looksLikeHtml(text);
  const raw = lines(text);
  const doubled = doubledLines(raw, html);
  if (!doubled.length) return base;
  const variants = withoutRepeats(raw, doubled);
  if (!variants) return base.map((r) => untrusted(r, doubled.length));
  const alternatives = variants.map((ls) => readReports(ls.join('\n')));
  return keepAgreed(base, alternatives, doubled);
}

function readReports(text: string): ImportResult[] {
  const html = looksLikeHtml(text);
  const all = html ? lines(htmlToText(text)) : withoutTags(lines(text));
  // Reports of two bodies pasted one after the other: each read on its own, never merged into one.
  const bodies = splitBodies(all);
  // A body followed by another goes on in the text: it is not cut short inside its last figure.
  return bodies.flatMap((body, i) =>
    readBody(body.lines, html, i < bodies.length - 1).map((r) =>
      body.notes.length ? { ...r, notes: [...(r.notes ?? []), ...body.notes] } : r,
    ),
  );
}

/** One body's text: one report, or two for a side-by-side comparison of two years. */
function readBody(all: string[], html: boolean, whole: boolean): ImportResult[] {
  const columns = splitColumns(all);
  if (!columns && looksSideBySide(all)) {
    // Two reports side by side but no line says which year is which column: read nothing rather than misattribute.
    const nothing = importColumn([]);
    return [{ ...nothing, notes: [{ kind: 'sideBySide', params: {} }] }];
  }
  if (!columns) return [importColumn(all, { html, whole })];
  return columns.map((c) => importColumn(c.lines, { year: c.year, whole: c.whole || whole, html }));
}

/** The report in the text (the first one when it holds a side-by-side comparison). */
export function importReportText(text: string): ImportResult {
  return importReportTexts(text)[0];
}

export function importReportHtmls(html: string): ImportResult[] {
  return importReportTexts(looksLikeHtml(html) ? html : htmlToText(html));
}

export function importReportHtml(html: string): ImportResult {
  return importReportHtmls(html)[0];
}

/**
 * True when the text looks like HTML rather than plain text (a page saved with a .txt name, a pasted fragment):
 * it has a table or a page's own tags, or its lines are mostly tagged. One stray tag pasted into a text (`<p
 * style=…>` around a title) does not make the whole text a page: its lines would run together.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 20000);
  if (/<(?:table|tr|td|th|html|body)\b[^<>]*>/i.test(head)) return true;
  const lines = head.split('\n').filter((l) => l.trim());
  const tagged = lines.filter((l) => /<\/?(?:p|div|br|span|h[1-6]|li|font|strong)\b[^<>]*>/i.test(l)).length;
  return tagged > 0 && tagged * 3 >= lines.length && (tagged >= 3 || lines.length <= 3);
}

/** A text's lines without the tags a page left in them (`<p style=…>` pasted into a .txt). */
function withoutTags(ls: string[]): string[] {
  return ls.map((l) => (l.includes('<') ? l.replace(/<\/?[a-zA-Z][^<>]{0,1000}>/g, '') : l));
}
