/**
 * Reads any workbook that holds the standard tables: ours, or one typed by hand in Excel or WPS with the tables
 * moved, split over sheets, or labelled with the usual variants. Format 2019 or 2021 is the one whose labels
 * place more cells. Totals typed as formulas come with their formula text and address, so the checker can tell
 * a total typed over or a SUM whose range no longer covers its parts.
 *
 * Browser-safe: bytes in, ReportInput out.
 */
import { a1, parseA1 } from '../../model/a1';
import { FORMAT_IDS, getFormat, REPORT_TITLE_SUFFIX } from '../../model/formats';
import { labelKeys, normaliseLabel } from '../../model/normalise';
import type { CellId, FormatId, RawValue, TableId } from '../../model/types';
import { InputError, type ReportInput, type ReportReader } from '../report-input';
import {
  keyTexts,
  tableFound,
  WorkbookLocator,
  type FormatLocation,
  type GridText,
  type Keyed,
  type TableLocation,
} from './locate';
import { cellKey, COLS, readWorkbook, type XCell, type XSheet } from './ooxml';
import type { InflateRaw } from './zip';

function cellAt(ws: XSheet, row: number, col: number): XCell | undefined {
  return ws.cells.get(cellKey(row, col));
}

/** A data cell's value as the checker takes it: numbers, the text as typed (errors too), null for blank. */
function rawValue(c: XCell | undefined): RawValue {
  if (!c || c.value === null) return null;
  if (typeof c.value === 'boolean') return String(c.value).toUpperCase();
  return c.value;
}

/**
 * The value of a formula saved without its result (workbooks written by scripts that never calculate): SUMs and
 * sums of cell references, the forms totals take; anything else stays unknown (null).
 */
function uncachedValue(ws: XSheet, formula: string, depth = 0): number | null {
  if (depth > 8) return null;
  const body = formula.replace(/^=/, '').replace(/\s+/g, '');
  const sum = /^SUM\((.*)\)$/i.exec(body);
  const terms = sum ? sum[1].split(',').map((t) => ({ sign: 1, ref: t })) : signedTerms(body);
  if (!terms) return null;
  let total = 0;
  for (const { sign, ref } of terms) {
    let r: ReturnType<typeof parseA1>;
    try {
      r = parseA1(ref);
    } catch {
      return null;
    }
    if (r.sheet !== undefined) return null;
    for (let i = 0; i < r.rows; i++)
      for (let j = 0; j < r.cols; j++) {
        const cell = cellAt(ws, r.row + i, r.col + j);
        const n = cell?.formula && cell.value === null ? uncachedValue(ws, cell.formula, depth + 1) : rawValue(cell);
        // SUM skips text and blanks; a plain `+` of a text cell would be #VALUE!, so the value stays unknown.
        if (typeof n === 'number') total += sign * n;
        else if (!sum && n !== null) return null;
      }
  }
  return total;
}

function signedTerms(body: string): { sign: number; ref: string }[] | null {
  if (!/^[+-]?\$?[A-Z]+\$?\d+([+-]\$?[A-Z]+\$?\d+)*$/i.test(body)) return null;
  return (body.match(/[+-]?[^+-]+/g) ?? []).map((t) => ({
    sign: t.startsWith('-') ? -1 : 1,
    ref: t.replace(/^[+-]/, ''),
  }));
}

/** Text cells of every sheet (a formula's text result counts: labels are sometimes `="…"`), merges applied. */
function sheetTexts(sheets: XSheet[]): GridText[] {
  const out: GridText[] = [];
  sheets.forEach((ws, sheet) => {
    const merged = new Map<number, { rows: number; cols: number }>();
    const covered = new Set<number>();
    for (const m of ws.merges) {
      merged.set(cellKey(m.row, m.col), m);
      for (let r = m.row; r < m.row + m.rows; r++)
        for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(cellKey(r, c));
    }
    for (const [key, cell] of ws.cells) {
      if (typeof cell.value !== 'string' || cell.error || covered.has(key)) continue;
      const m = merged.get(key);
      const row = Math.floor(key / COLS);
      out.push({ sheet, row, col: key - row * COLS, rows: m?.rows ?? 1, cols: m?.cols ?? 1, text: cell.value });
    }
  });
  return out;
}

const TITLE_KEY = normaliseLabel(REPORT_TITLE_SUFFIX);

/** Year and body from a title such as `XX县统计局2024年度政府信息公开工作年度报告`. */
export function parseTitle(text: string): { year?: number; org?: string } | null {
  if (!normaliseLabel(text).includes(TITLE_KEY)) return null;
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(.*?)((?:19|20)\d{2})年度?/.exec(t);
  if (!m) return {};
  const org = m[1].replace(/[《〈<]/g, '').trim();
  return { year: Number(m[2]), ...(org ? { org } : {}) };
}

function titleOf(texts: Keyed[], sheets: number[]): { year?: number; org?: string } {
  for (const t of texts) {
    if (!sheets.includes(t.sheet) || !t.key.includes(TITLE_KEY)) continue;
    const p = parseTitle(t.text);
    if (p && p.year) return p;
  }
  return {};
}

/** `表二` … from the format data. */
function tableName(format: FormatId, id: TableId): string {
  return getFormat(format).tables.find((t) => t.id === id)!.shortName.zh;
}

const knownKeys = new Map<FormatId, Set<string>>();
/** Keys of every label and heading of a format, and their cores. */
function labelKeySet(format: FormatId): Set<string> {
  let set = knownKeys.get(format);
  if (!set) {
    const f = getFormat(format);
    const texts = f.tables.flatMap((t) => [t.heading, ...t.labels.map((l) => l.text)]);
    set = new Set(
      texts.flatMap((x) => {
        const k = labelKeys(x);
        return [k.key, k.core, k.noteless ?? k.key];
      }),
    );
    knownKeys.set(format, set);
  }
  return set;
}

/**
 * Text standing inside a found table that is no label of the format (an extra row, a subtotal column, a note in
 * a cell), so the user learns what was left out rather than having it silently ignored.
 */
function strayTexts(format: FormatId, t: TableLocation, texts: Keyed[]): string[] {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (const p of t.cells.values()) {
    top = Math.min(top, p.row);
    bottom = Math.max(bottom, p.row);
    left = Math.min(left, p.col);
    right = Math.max(right, p.col);
  }
  const known = labelKeySet(format);
  // Text in a data cell is a value: the checker reports it.
  const dataCells = new Set([...t.cells.values()].map((p) => cellKey(p.row, p.col)));
  const out: string[] = [];
  for (const x of texts) {
    if (x.sheet !== t.sheet || x.row < top || x.row > bottom || x.col > right) continue;
    if (dataCells.has(cellKey(x.row, x.col))) continue;
    // Left of the data: row labels; among the data columns: a typed note or an extra column's cells.
    if (x.col + x.cols - 1 < left - LABEL_COLUMNS) continue;
    if (!x.key || [x.key, x.core, x.noteless, x.notelessCore].some((k) => k !== null && known.has(k))) continue;
    out.push(x.text.trim());
  }
  return out;
}

/** How many columns left of the first data column hold row labels (table 三 has three). */
const LABEL_COLUMNS = 3;

function toInput(file: string, loc: FormatLocation, sheets: XSheet[], texts: Keyed[]): ReportInput {
  const cells: Record<CellId, RawValue> = {};
  const formulas: Record<CellId, string> = {};
  const cellAddress: Record<CellId, string> = {};
  const notes: string[] = [];
  const usedSheets = new Set<number>();
  for (const t of loc.tables) {
    if (!tableFound(t)) {
      notes.push(`${tableName(loc.format, t.table)}：在工作簿中没有找到`);
      continue;
    }
    usedSheets.add(t.sheet);
    for (const [id, p] of t.cells) {
      const ws = sheets[p.sheet];
      const cell = cellAt(ws, p.row, p.col);
      cells[id] = rawValue(cell);
      cellAddress[id] = a1(p.row, p.col);
      if (cell?.formula) {
        formulas[id] = `=${cell.formula}`;
        if (cells[id] === null) cells[id] = uncachedValue(ws, cell.formula);
      }
    }
    for (const text of strayTexts(loc.format, t, texts))
      notes.push(`${tableName(loc.format, t.table)}：未识别的内容「${text}」`);
    if (t.missingLabels.length)
      notes.push(
        `${tableName(loc.format, t.table)}：找不到这些标签：${t.missingLabels.map((l) => `「${l}」`).join('、')}`,
      );
  }
  // The title may stand on the tables' sheet or on a cover sheet of its own.
  const onTables = titleOf(texts, [...usedSheets]);
  const title = onTables.year
    ? onTables
    : titleOf(
        texts,
        sheets.map((_, i) => i),
      );
  return {
    file,
    format: loc.format,
    ...(title.year !== undefined ? { year: title.year } : {}),
    ...(title.org ? { org: title.org } : {}),
    cells,
    ...(Object.keys(formulas).length ? { formulas } : {}),
    cellAddress,
    ...(notes.length ? { unrecognised: notes } : {}),
  };
}

/** The format whose labels place more cells; 2021 on a tie (the current format). */
function bestFormat(locator: WorkbookLocator, sheets: number[], order: readonly FormatId[]): FormatLocation {
  let best: FormatLocation | undefined;
  for (const f of order) {
    const l = locator.locate(f, sheets);
    if (!best || l.placed > best.placed) best = l;
    // Every cell of the format placed: that is the format (the other one lacks some of its labels).
    if (l.placed >= getFormat(f).cells.length) break;
  }
  return best!;
}

/** Label keys that only one format has: counted on a sheet, they say which format to try first. */
const OWN_KEYS: ReadonlyMap<FormatId, ReadonlySet<string>> = (() => {
  const keys = new Map(
    FORMAT_IDS.map((f) => [
      f,
      new Set(getFormat(f).tables.flatMap((t) => t.labels.map((l) => normaliseLabel(l.text)))),
    ]),
  );
  return new Map(
    FORMAT_IDS.map((f) => [
      f,
      new Set([...keys.get(f)!].filter((k) => FORMAT_IDS.every((g) => g === f || !keys.get(g)!.has(k)))),
    ]),
  );
})();

function likelyFirst(texts: { key: string }[]): FormatId[] {
  const score = (f: FormatId) => texts.reduce((n, t) => n + (OWN_KEYS.get(f)!.has(t.key) ? 1 : 0), 0);
  return [...FORMAT_IDS].sort((a, b) => score(b) - score(a));
}

/**
 * Reads an .xlsx. A workbook with one complete report per sheet (last year and this year side by side) gives
 * one ReportInput per sheet; otherwise the tables are gathered from whichever sheets hold them.
 */
export async function readXlsx(file: string, bytes: Uint8Array, inflateRaw?: InflateRaw): Promise<ReportInput[]> {
  const ole = OLE_MAGIC.every((b, i) => bytes[i] === b);
  const zip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  // An .xls that is really a zip (some tools misname .xlsx) is read as what it is.
  if (ole || (!zip && /\.(xls|et)$/i.test(file))) {
    throw new InputError(
      ole && isEncryptedOoxml(bytes)
        ? '这个工作簿设置了打开密码（已加密），无法读取；请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再读取'
        : ole
          ? '这是旧版 Excel（.xls）或 WPS（.et）工作簿，请在 Excel 或 WPS 中“另存为” .xlsx 后再读取'
          : '请在 Excel 或 WPS 中把工作簿“另存为” .xlsx 后再读取',
      file,
    );
  }
  let sheets: XSheet[];
  try {
    sheets = readWorkbook(bytes, inflateRaw);
  } catch (e) {
    throw new InputError(`不是可以读取的 .xlsx 文件（${e instanceof Error ? e.message : String(e)}）`, file);
  }
  const texts = sheetTexts(sheets);
  const keyed = keyTexts(texts);
  const locator = new WorkbookLocator(keyed);
  const order = likelyFirst(keyed);

  const complete = sheets
    .map((_, i) => bestFormat(locator, [i], order))
    .map((loc, i) => ({ loc, i }))
    .filter(({ loc }) => loc.tables.every(tableFound));
  if (complete.length > 1) {
    return complete.map(({ loc, i }) => toInput(`${file} [${sheets[i].name}]`, loc, sheets, keyed));
  }

  const loc = bestFormat(
    locator,
    sheets.map((_, i) => i),
    order,
  );
  if (!loc.tables.some(tableFound)) {
    throw new InputError(
      `工作簿里没有找到表二、表三或表四（按表格的行标题和列标题查找，例如「${
        getFormat('2021').tables[1].labels.find((l) => l.role === 'rowLabel')?.text
      }」）`,
      file,
    );
  }
  return [toInput(file, loc, sheets, keyed)];
}

/**
 * Excel saves a workbook with an opening password as a Compound File holding the streams EncryptionInfo and
 * EncryptedPackage; their names (UTF-16) sit in the file's directory.
 */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  const name = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (
    let p = bytes.indexOf(name[0]);
    p >= 0 && p + name.length <= bytes.length;
    p = bytes.indexOf(name[0], p + 1)
  ) {
    for (let i = 1; i < name.length; i++) if (bytes[p + i] !== name[i]) continue outer;
    return true;
  }
  return false;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: .xls, .et and other pre-2007 Office files. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The .xlsx reader; `inflateRaw` lets Node pass its native zlib (the default is pure JS, for the browser). */
export function createXlsxReader(inflateRaw?: InflateRaw): ReportReader {
  return {
    name: 'xlsx',
    accepts(file: string, head: Uint8Array): boolean {
      // .xls and WPS .et are claimed too, to say how to convert them instead of "unknown kind of file".
      if (/\.(xlsx|xlsm|xls|et)$/i.test(file)) return true;
      // A zip without a telling extension may be an .xlsx; .docx is a zip too, so only when no other extension.
      return !/\.[a-z0-9]+$/i.test(file) && ZIP_MAGIC.every((b, i) => head[i] === b);
    },
    read: (file, bytes) => readXlsx(file, bytes, inflateRaw),
  };
}

export const xlsxReader: ReportReader = createXlsxReader();
