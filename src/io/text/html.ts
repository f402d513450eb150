/**
 * HTML to the tab-separated text shape the text reader knows: one line per table row and one line per block of
 * prose. A small tag scanner rather than a DOM, so that it runs the same in the task pane, in Node and in tests.
 *
 * Tables are laid out on a grid first, as a browser does: a cell with `rowspan` occupies its column in the rows
 * below, one with `colspan` the columns to its right. A line then holds one field per grid column, so a row under
 * a label merged down the table's left side keeps its values in their columns. Exceptions keep a field a
 * reading of one cell: a label or a value merged across columns (`<td colspan="2">13</td>`) is one field (the
 * value of the one cell it stands for), and a value merged across rows stands in no row alone, so every place it
 * covers is `SPANNED`, which the reader lists as unread.
 *
 * The scanner is linear in the length of the page whatever the page holds: a comment, script or tag left open
 * runs to the end of the page (as in a browser) instead of being looked for again from every later `<`.
 */
import { classify, SPANNED } from './tokens';

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ensp: ' ',
  emsp: ' ',
};

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,8}|#\d{1,8}|[a-z]{1,10});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const BLOCK = /^(?:p|div|br|h[1-6]|li|section|article|title|tr|table|tbody|thead|ul|ol|blockquote)$/;
/** Elements whose content is not text of the page. */
const RAW = /^(?:script|style|head|template|noscript)$/;
/** Larger spans are taken as 1: no report table is wider or longer, and a hostile span must not blow up the grid. */
const MAX_SPAN = 100;

function span(tag: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d{1,4})`, 'i').exec(tag);
  const n = m ? parseInt(m[1], 10) : 1;
  return n >= 1 && n <= MAX_SPAN ? n : 1;
}

interface Cell {
  text: string;
  colspan: number;
  rowspan: number;
}

/** One `<table>` being read: its rows so far, the row and cell open now. */
interface TableCtx {
  rows: Cell[][];
  row: Cell[] | null;
  cell: Cell | null;
  /** Text of the cell of the enclosing table this table sits in (restored when it closes). */
}

const clean = (s: string) => decode(s).replace(/\s+/g, ' ').trim();

/**
 * The rows of a table as lines of tab-separated fields, laid out on the grid the spans make. A label or a value
 * spanning columns is one field, an empty cell spanning columns one empty field per column, and every place a
 * value spanning rows covers is SPANNED.
 */
function layoutRows(rows: readonly (readonly Cell[])[]): string[] {
  // below[c]: how many rows below are still covered in column c by a cell from above, and the field they get.
  const below: { left: number; field: string }[] = [];
  const lines: string[] = [];
  const fill = (n: number, s: string) => Array<string>(Math.max(0, n)).fill(s);
  for (const row of rows) {
    const fields: string[] = [];
    let col = 0;
    const fillCovered = () => {
      while (below[col] && below[col].left > 0) {
        fields.push(below[col].field);
        below[col].left--;
        col++;
      }
    };
    for (const cell of row) {
      fillCovered();
      const kind = classify(cell.text).kind;
      let covered = '';
      if (kind === 'value' && cell.rowspan > 1) {
        fields.push(...fill(cell.colspan, SPANNED));
        covered = SPANNED;
      } else if (kind === 'value') fields.push(cell.text);
      else if (kind === 'blank' && cell.text !== '') {
        // A placeholder (`/`) merged over several cells leaves each of them blank.
        fields.push(...fill(cell.colspan, cell.text));
        covered = cell.text;
      } else if (cell.text !== '') {
        // A label is one field however many columns it spans: padding after it could be read as empty cells of
        // the row, one column off when the row's last cells are empty.
        fields.push(cell.text);
      } else fields.push(...fill(cell.colspan, ''));
      if (cell.rowspan > 1)
        for (let k = 0; k < cell.colspan; k++) below[col + k] = { left: cell.rowspan - 1, field: covered };
      col += cell.colspan;
    }
    fillCovered();
    // Columns covered further right than this row's last cell still count down.
    for (let c = col; c < below.length; c++) if (below[c] && below[c].left > 0) below[c].left--;
    lines.push(fields.join('\t') + '\t');
  }
  return lines;
}

/** Index of the first match of `re` (global, case-insensitive) at or after `from`, or -1. */
function searchFrom(src: string, re: RegExp, from: number): RegExpExecArray | null {
  re.lastIndex = from;
  return re.exec(src);
}

export function htmlToText(html: string): string {
  const src = html;
  const lines: string[] = [];
  let text = '';
  const tables: TableCtx[] = [];
  const flushText = () => {
    const t = clean(text);
    if (t) lines.push(t);
    text = '';
  };
  const top = () => tables[tables.length - 1] as TableCtx | undefined;
  const closeCell = (t: TableCtx) => {
    if (t.cell && t.row) t.row.push({ ...t.cell, text: clean(t.cell.text) });
    t.cell = null;
  };
  const closeRow = (t: TableCtx) => {
    closeCell(t);
    if (t.row) t.rows.push(t.row);
    t.row = null;
  };
  const closeTable = () => {
    const t = tables.pop()!;
    closeRow(t);
    lines.push(...layoutRows(t.rows));
  };
  const addText = (s: string) => {
    const t = top();
    if (t?.cell) t.cell.text += s;
    else if (!t || !t.row) text += s;
    // Text between cells of a row (whitespace, stray words) belongs to no cell.
  };
  const tagName = /^<\/?([a-zA-Z][a-zA-Z0-9]*)/;
  let i = 0;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    if (lt < 0) {
      addText(src.slice(i));
      break;
    }
    if (lt > i) addText(src.slice(i, lt));
    if (src.startsWith('<!--', lt)) {
      const end = src.indexOf('-->', lt + 4);
      if (end < 0) break; // A comment left open runs to the end of the page.
      i = end + 3;
      continue;
    }
    const m = tagName.exec(src.slice(lt, lt + 40));
    if (!m) {
      if (src[lt + 1] === '!' || src[lt + 1] === '?') {
        // A doctype or processing instruction.
        const end = src.indexOf('>', lt);
        if (end < 0) break;
        i = end + 1;
      } else {
        addText('<');
        i = lt + 1;
      }
      continue;
    }
    const end = src.indexOf('>', lt);
    // A page cut off inside a tag (`…<td>32</td><t`): the rest of the tag is not text of the page.
    if (end < 0) break;
    const tag = src.slice(lt, end + 1);
    i = end + 1;
    const name = m[1].toLowerCase();
    const closing = tag.startsWith('</');
    if (!closing && RAW.test(name)) {
      const close = searchFrom(src, new RegExp(`</${name}\\s*>`, 'gi'), i);
      if (!close) break; // Left open: the rest of the page is its content.
      i = close.index + close[0].length;
      continue;
    }
    const t = top();
    if (name === 'table') {
      if (closing) {
        if (t) closeTable();
        continue;
      }
      flushText();
      tables.push({ rows: [], row: null, cell: null });
      continue;
    }
    if (t && (name === 'td' || name === 'th')) {
      closeCell(t);
      if (!closing) {
        t.row ??= [];
        t.cell = { text: '', colspan: span(tag, 'colspan'), rowspan: span(tag, 'rowspan') };
      }
      continue;
    }
    if (t && name === 'tr') {
      closeRow(t);
      if (!closing) {
        flushText();
        t.row = [];
      }
      continue;
    }
    if (!t && (name === 'td' || name === 'th' || name === 'tr')) {
      // Rows without a table (a fragment pasted from one): read them as one table of their own.
      flushText();
      tables.push({ rows: [], row: name === 'tr' ? null : [], cell: null });
      const u = top()!;
      if (name === 'tr' && !closing) u.row = [];
      else if (!closing) u.cell = { text: '', colspan: span(tag, 'colspan'), rowspan: span(tag, 'rowspan') };
      continue;
    }
    if (t?.cell) {
      if (name === 'br' || name === 'p' || name === 'div') t.cell.text += ' ';
      continue;
    }
    if (BLOCK.test(name)) flushText();
  }
  while (tables.length) closeTable();
  flushText();
  return lines.join('\n');
}
