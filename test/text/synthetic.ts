/**
 * Synthetic published reports written for the tests (never copied from a real one): the three tables drawn from
 * the format's own grid (labels and data cells with their real row and column spans) as a web page (`<td rowspan
 * colspan>`), as text copied from Word or a PDF (one tab-separated field per grid column, merged cells as empty
 * fields) or as Markdown converted from a PDF (`| a | b |` with a `| --- |` line under the first row), with the
 * prose of a 政府信息公开工作年度报告 around them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DOC_SECTIONS, getFormat } from '../../src/model/formats';
import type { CellId, FormatId, TableDef, TableId } from '../../src/model/types';
import { EXPECTED } from './fixtures';

/** A cell's value; null is a cell the report leaves blank. */
export type Values = Record<CellId, number | null>;
export type Kind = 'text' | 'markdown' | 'html';
export const KINDS: Kind[] = ['text', 'markdown', 'html'];

interface Item {
  row: number;
  col: number;
  rows: number;
  cols: number;
  text: string;
}

function items(t: TableDef, values: Values): Item[] {
  return [
    ...t.labels.map((l) => ({ row: l.row, col: l.col, rows: l.rows, cols: l.cols, text: l.text })),
    ...t.cells.map((c) => {
      const v = values[c.id];
      return {
        row: c.row,
        col: c.col,
        rows: c.rows,
        cols: c.cols,
        text: v === null || v === undefined ? '' : String(v),
      };
    }),
  ];
}

/** The grid as rows of fields: the text where an item starts, '' where an item from above or the left covers. */
function gridFields(t: TableDef, values: Values): string[][] {
  const grid = Array.from({ length: t.rows }, () => Array<string>(t.cols).fill(''));
  for (const it of items(t, values)) grid[it.row][it.col] = it.text;
  return grid;
}

export function tableLines(t: TableDef, values: Values, kind: Kind): string[] {
  if (kind === 'html') {
    const byRow = Array.from({ length: t.rows }, () => [] as Item[]);
    for (const it of items(t, values)) byRow[it.row].push(it);
    const td = (it: Item) =>
      `<td${it.rows > 1 ? ` rowspan="${it.rows}"` : ''}${it.cols > 1 ? ` colspan="${it.cols}"` : ''}>${it.text}</td>`;
    return [
      '<table border="1">',
      ...byRow.map(
        (r) =>
          `<tr>${r
            .sort((a, b) => a.col - b.col)
            .map(td)
            .join('')}</tr>`,
      ),
      '</table>',
    ];
  }
  const grid = gridFields(t, values);
  if (kind === 'text') return grid.map((r) => r.join('\t'));
  const md = grid.map((r) => `| ${r.join(' | ')} |`);
  return [md[0], `| ${grid[0].map(() => '---').join(' | ')} |`, ...md.slice(1)];
}

export interface ReportOptions {
  format?: FormatId;
  org?: string;
  year?: number;
  /** Lines of the overview (一、总体情况) after its heading. */
  overview?: string[];
  /** Lines between the overview and the table sections. */
  between?: string[];
  /** Each table's heading line (default: the standard section heading); null for none. */
  headings?: Partial<Record<TableId, string | null>>;
  /** Lines after table 四 (default: sections 五 and 六). */
  after?: string[];
}

const wrap = (kind: Kind, line: string) => (kind === 'html' && line ? `<p>${line}</p>` : line);

export function reportText(values: Values, kind: Kind, o: ReportOptions = {}): string {
  const format = getFormat(o.format ?? '2021');
  const year = o.year ?? 2025;
  const org = o.org ?? '临江市文化旅游局';
  const heads: Record<TableId, string | null> = {
    T2: DOC_SECTIONS.t2,
    T3: DOC_SECTIONS.t3,
    T4: DOC_SECTIONS.t4,
    ...o.headings,
  };
  const lines: string[] = [
    `${org}${year}年政府信息公开工作年度报告`,
    DOC_SECTIONS.overview,
    ...(o.overview ?? [`${year}年，${org}认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。`]),
    ...(o.between ?? []),
  ];
  const out = lines.map((l) => wrap(kind, l));
  for (const t of format.tables) {
    const h = heads[t.id];
    if (h) out.push(wrap(kind, h));
    out.push(...tableLines(t, values, kind));
  }
  const after = o.after ?? [
    DOC_SECTIONS.problems,
    '一是公开内容还不够全面；二是解读形式还比较单一。',
    DOC_SECTIONS.other,
    '本机关未收取信息处理费。',
  ];
  out.push(...after.map((l) => wrap(kind, l)));
  return kind === 'html' ? `<html><body>\n${out.join('\n')}\n</body></html>` : out.join('\n');
}

/** A complete, consistent 2021 table set with figures in most cells (the not-real fixture's expected values). */
export function fullValues(): Values {
  return JSON.parse(fs.readFileSync(path.join(EXPECTED, 'fixture-test-city-2025.json'), 'utf8')).cells as Values;
}

/** Every cell of the format blank. */
export function blankValues(format: FormatId = '2021'): Values {
  return Object.fromEntries(getFormat(format).cells.map((c) => [c.id, null]));
}

/** Every cell of the format: a figure from a simple pattern (not consistent; for reading, not checking). */
export function patternValues(format: FormatId = '2021'): Values {
  return Object.fromEntries(getFormat(format).cells.map((c, i) => [c.id, (i * 7) % 23]));
}
