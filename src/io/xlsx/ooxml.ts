/**
 * A small, fast reader of the parts of an .xlsx the report reader needs: sheet names, cell values (shared and
 * inline strings, numbers, booleans, errors), formula text (shared formulas translated to each cell) and merged
 * ranges. ExcelJS builds a full object model with styles (≈ 20 ms a file); checking a folder of reports needs only
 * this (≈ 1 ms). Browser-safe: fflate unzips synchronously in both Node and the browser.
 */
import { unzipEntries, type InflateRaw } from './zip';
import { a1, columnIndex } from '../../model/a1';

export type XValue = number | string | boolean | null;

export interface XCell {
  /** The value, or for a formula its cached result (null when the file holds none). */
  value: XValue;
  /** Formula text without `=`, when the cell holds a formula. */
  formula?: string;
  /** True for an error value (`#REF!`), whose text is in `value`. */
  error?: boolean;
}

export interface XMerge {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface XSheet {
  name: string;
  /** Keyed by `row * COLS + col`, zero-based. */
  cells: Map<number, XCell>;
  merges: XMerge[];
}

/** Excel's column limit: the key stride of `XSheet.cells`. */
export const COLS = 16384;

export function cellKey(row: number, col: number): number {
  return row * COLS + col;
}

export class OoxmlError extends Error {}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
        : ENTITY[e],
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const attrRes = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = attrRes.get(name);
  if (!re) attrRes.set(name, (re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  const m = re.exec(attrs);
  return m ? decode(m[1]) : undefined;
}

/** Text of a string item: its runs' `<t>`, without the phonetic guides (`<rPh>`) East Asian files carry. */
function stringItem(xml: string): string {
  // The usual plain item `<t>text</t>`, without a regular expression.
  if (xml.startsWith('<t>') && xml.indexOf('<', 3) === xml.length - 4 && xml.endsWith('</t>'))
    return decode(xml.slice(3, -4));
  const noPhonetic = !xml.includes('rPh') ? xml : xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  for (let m = re.exec(noPhonetic); m; m = re.exec(noPhonetic)) out += decode(m[1]);
  return out;
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] ? stringItem(m[1]) : '');
  return out;
}

function parseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new OoxmlError(`bad cell reference ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/**
 * Moves the relative references of a shared formula from its master cell to another cell, as Excel does when it
 * fills a formula down or across. Function names and sheet-qualified names are left alone.
 */
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }) {
  const dr = to.row - from.row;
  const dc = to.col - from.col;
  // Skip string literals; refs are letters+digits not followed by `(` and not part of a longer name.
  return formula.replace(
    /("(?:[^"]|"")*")|(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
    (m, str: string | undefined, cAbs: string, col: string, rAbs: string, row: string) => {
      if (str) return str;
      const c = cAbs ? columnIndex(col) : columnIndex(col) + dc;
      const r = rAbs ? Number(row) - 1 : Number(row) - 1 + dr;
      if (c < 0 || r < 0) return '#REF!';
      const cell = a1(r, c);
      const letters = /^[A-Z]+/.exec(cell)![0];
      return `${cAbs}${letters}${rAbs}${r + 1}`;
    },
  );
}

const CELL_REF = /(?:^|\s)r="\$?([A-Za-z]+)\$?(\d+)"/;
const CELL_TYPE = /(?:^|\s)t="(\w+)"/;
const FORMULA = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;

/**
 * Walks `<row>` and `<c>` tags of unprefixed sheet markup with indexOf, several times faster than a regular
 * expression on a formatted sheet where most cells are empty `<c r=".." s=".."/>`.
 */
function scanPlain(
  xml: string,
  from: number,
  onRow: (attrs: string) => void,
  onCell: (attrs: string, inner: string | undefined) => void,
): void {
  const end = xml.indexOf('</sheetData>', from);
  const stop = end < 0 ? xml.length : end;
  let i = xml.indexOf('<', from);
  while (i >= 0 && i < stop) {
    const c1 = xml.charCodeAt(i + 1);
    if (c1 === 99 /* c */) {
      const c2 = xml.charCodeAt(i + 2);
      if (c2 === 32 || c2 === 62 || c2 === 47 /* space > / */) {
        const close = xml.indexOf('>', i);
        if (close < 0) return;
        if (xml.charCodeAt(close - 1) === 47) {
          onCell(xml.slice(i + 2, close - 1), undefined);
          i = xml.indexOf('<', close);
        } else {
          const endTag = xml.indexOf('</c>', close);
          if (endTag < 0) return;
          onCell(xml.slice(i + 2, close), xml.slice(close + 1, endTag));
          i = xml.indexOf('<', endTag + 4);
        }
        continue;
      }
    } else if (c1 === 114 /* r */ && xml.startsWith('row', i + 1)) {
      const c4 = xml.charCodeAt(i + 4);
      if (c4 === 32 || c4 === 62 || c4 === 47) {
        const close = xml.indexOf('>', i);
        if (close < 0) return;
        onRow(xml.slice(i + 4, close));
        i = xml.indexOf('<', close);
        continue;
      }
    }
    i = xml.indexOf('<', i + 1);
  }
}

/** `r="B6"` of a cell's attributes as [_, letters, digits], without a regular expression in the common case. */
function cellRef(attrs: string): [string, string, string] | null {
  const at = attrs.indexOf(' r="');
  if (at >= 0) {
    let i = at + 4;
    let letters = '';
    for (let c = attrs.charCodeAt(i); (c >= 65 && c <= 90) || c === 36; c = attrs.charCodeAt(++i))
      if (c !== 36) letters += attrs[i];
    const digitsFrom = i;
    while (attrs.charCodeAt(i) >= 48 && attrs.charCodeAt(i) <= 57) i++;
    if (letters && i > digitsFrom && attrs.charCodeAt(i) === 34) return ['', letters, attrs.slice(digitsFrom, i)];
  }
  const m = CELL_REF.exec(attrs);
  return m ? [m[0], m[1], m[2]] : null;
}

function cellType(attrs: string): string {
  const at = attrs.indexOf(' t="');
  // Most cells (numbers) have no type at all: no expression needed to say so.
  if (at < 0) return attrs.includes('t=') ? (CELL_TYPE.exec(attrs)?.[1] ?? 'n') : 'n';
  return attrs.slice(at + 4, attrs.indexOf('"', at + 4));
}

/** The `<v>` text of a cell, as [_, text]. */
function cellValue(inner: string): [string, string] | null {
  const at = inner.indexOf('<v>');
  if (at >= 0) {
    const end = inner.indexOf('</v>', at);
    if (end >= 0) return ['', inner.slice(at + 3, end)];
  }
  const m = VALUE.exec(inner);
  return m ? [m[0], m[1]] : null;
}

function parseSheet(name: string, xml: string, strings: string[]): XSheet {
  const cells = new Map<number, XCell>();
  const shared = new Map<string, { formula: string; at: { row: number; col: number } }>();
  let row = -1;
  let nextCol = 0;
  const onRow = (attrs: string) => {
    const rAttr = attr(attrs, 'r');
    row = rAttr ? Number(rAttr) - 1 : row + 1;
    nextCol = 0;
  };
  // Most cells of a formatted sheet are empty and only styled (`<c r="E7" s="3"/>`): nothing to read.
  const onCell = (attrs: string, inner: string | undefined) => {
    if (inner === undefined && !attrs.includes('inlineStr')) {
      nextCol++;
      return;
    }
    readCell(attrs, inner ?? '');
  };
  const start = xml.indexOf('sheetData');
  if (start >= 0 && xml.lastIndexOf('<sheetData', start) === start - 1) scanPlain(xml, start, onRow, onCell);
  else {
    // Namespace-prefixed markup (`<x:c>`), rare: the general expression.
    const re = /<(?:\w+:)?row\b([^>]*)>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
    for (let cm = re.exec(xml); cm; cm = re.exec(xml)) {
      if (cm[1] !== undefined) onRow(cm[1]);
      else onCell(cm[2], cm[3]);
    }
  }

  function readCell(attrs: string, inner: string) {
    {
      const rm = cellRef(attrs);
      const pos = rm ? { row: Number(rm[2]) - 1, col: columnIndex(rm[1]) } : { row, col: nextCol };
      nextCol = pos.col + 1;
      const type = cellType(attrs);
      const fm = inner.includes('f') ? FORMULA.exec(inner) : null;
      const vm = cellValue(inner);
      const v = vm ? decode(vm[1]) : undefined;
      let value: XValue = null;
      let error = false;
      if (type === 'inlineStr') {
        const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner);
        value = is ? stringItem(is[1]) : '';
      } else if (v !== undefined) {
        if (type === 's') value = strings[Number(v)] ?? '';
        else if (type === 'str') value = v;
        else if (type === 'b') value = v === '1' || v.toLowerCase() === 'true';
        else if (type === 'e') {
          value = v;
          error = true;
        } else {
          const n = Number(v);
          value = Number.isFinite(n) ? n : v;
        }
      }
      let formula: string | undefined;
      if (fm) {
        const fAttrs = fm[1];
        const text = fm[2] !== undefined ? decode(fm[2]) : '';
        const si = attr(fAttrs, 'si');
        if (attr(fAttrs, 't') === 'shared' && si !== undefined) {
          if (text) {
            shared.set(si, { formula: text, at: pos });
            formula = text;
          } else {
            const master = shared.get(si);
            if (master) formula = slideFormula(master.formula, master.at, pos);
          }
        } else if (text) {
          formula = text;
        }
      }
      if (value === null && formula === undefined) return;
      const cell: XCell = { value };
      if (formula !== undefined) cell.formula = formula;
      if (error) cell.error = true;
      cells.set(cellKey(pos.row, pos.col), cell);
    }
  }
  const merges: XMerge[] = [];
  const mergeRe = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g;
  const mergeStart = xml.indexOf('mergeCells');
  mergeRe.lastIndex = mergeStart < 0 ? xml.length : mergeStart;
  for (let m = mergeRe.exec(xml); m; m = mergeRe.exec(xml)) {
    const [tl, br] = m[1].split(':');
    const a = parseRef(tl);
    const b = br ? parseRef(br) : a;
    merges.push({ row: a.row, col: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 });
  }
  return { name, cells, merges };
}

/** Resolves a relationship target against the folder of the part that refers to it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** The worksheets of an .xlsx in workbook order (chart sheets and macro sheets are skipped). */
export function readWorkbook(bytes: Uint8Array, inflateRaw?: InflateRaw): XSheet[] {
  let files: ReturnType<typeof unzipEntries>;
  try {
    files = unzipEntries(bytes, (name) => /\.(xml|rels)$/i.test(name), inflateRaw);
  } catch (e) {
    throw new OoxmlError(e instanceof Error ? e.message : String(e));
  }
  const decoder = new TextDecoder();
  const text = (name: string) => {
    let b: Uint8Array | undefined;
    try {
      b = files.get(name);
    } catch (e) {
      throw new OoxmlError(e instanceof Error ? e.message : String(e));
    }
    return b ? decoder.decode(b) : undefined;
  };
  const rootRels = text('_rels/.rels') ?? '';
  const wbTarget =
    /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*Target="([^"]+)"/.exec(rootRels)?.[1] ??
    /<Relationship\b[^>]*Target="([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rootRels)?.[1] ??
    'xl/workbook.xml';
  const wbPath = resolveTarget('', wbTarget);
  const wbXml = text(wbPath);
  if (!wbXml) throw new OoxmlError('no workbook part: not an .xlsx');
  const relsPath = wbPath.replace(/([^/]+)$/, '_rels/$1.rels');
  const rels = new Map<string, string>();
  const relRe = /<Relationship\b([^>]*)\/?>/g;
  const relsXml = text(relsPath) ?? '';
  for (let m = relRe.exec(relsXml); m; m = relRe.exec(relsXml)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    const type = attr(m[1], 'Type') ?? '';
    if (id && target && /\/worksheet$/.test(type)) rels.set(id, resolveTarget(wbPath, target));
  }
  const stringsPath = /<Relationship\b[^>]*sharedStrings[^>]*>/.exec(relsXml)
    ? resolveTarget(wbPath, attr(/<Relationship\b([^>]*sharedStrings[^>]*)>/.exec(relsXml)![1], 'Target') ?? '')
    : 'xl/sharedStrings.xml';
  const strings = sharedStrings(text(stringsPath));
  const sheets: XSheet[] = [];
  const sheetRe = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
  for (let m = sheetRe.exec(wbXml); m; m = sheetRe.exec(wbXml)) {
    const name = attr(m[1], 'name') ?? `Sheet${sheets.length + 1}`;
    const rid = /\br:id="([^"]+)"|\b\w+:id="([^"]+)"/.exec(m[1]);
    const target = rid ? rels.get(rid[1] ?? rid[2]) : undefined;
    const xml = target ? text(target) : undefined;
    if (xml) sheets.push(parseSheet(name, xml, strings));
  }
  return sheets;
}
