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
import { normaliseLabel } from '../../model/normalise';
import type { CellId, FormatId, RawValue } from '../../model/types';
import { prepareReader } from '../prepared';
import { InputError, type ReaderNote, type ReportInput, type ReportReader } from '../report-input';
import {
  isLabelText,
  keyText,
  tableFound,
  WorkbookLocator,
  type FormatLocation,
  type Keyed,
  type TableLocation,
} from './locate';
import { cellKey, COLS, OoxmlError, ROWS, type XCell, type XMerge, type XSheet } from './ooxml';
import { readWorkbookWithMarks } from './workbook';
import type { InflateRaw } from './zip';

/** A data cell's value as the checker takes it: numbers, the text as typed (errors too), null for blank. */
function rawValue(c: XCell | undefined): RawValue {
  if (!c || c.value === null) return null;
  if (typeof c.value === 'boolean') return String(c.value).toUpperCase();
  return c.value;
}

/**
 * How many cells the values of formulas saved without their results may visit in one workbook. A real sheet's
 * totals visit a few hundred; a hostile one (`SUM(A1:XFD1048576)` in every cell, sums of sums) would otherwise
 * visit billions. Past it the values stay unknown, as any formula this reader does not evaluate.
 */
const UNCACHED_BUDGET = 200_000;

/**
 * The values of formulas saved without their results (workbooks written by scripts that never calculate): SUMs
 * and sums of cell references, the forms totals take; anything else stays unknown (null). Each cell is worked out
 * once; a formula that meets a cell whose value is still being worked out (a circular reference) is unknown, as
 * is any past the visiting budget.
 */
class UncachedValues {
  private readonly known = new Map<number, number | null>();
  private readonly pending = new Set<number>();
  private visits = 0;

  constructor(private readonly ws: XSheet) {}

  /** The value of the formula of the cell at `key`. */
  of(key: number, formula: string): number | null {
    const done = this.known.get(key);
    if (done !== undefined) return done;
    this.pending.add(key);
    let value: number | null;
    try {
      value = this.evaluate(formula);
    } finally {
      this.pending.delete(key);
    }
    this.known.set(key, value);
    return value;
  }

  private evaluate(formula: string): number | null {
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
      if (r.sheet !== undefined || r.row + r.rows > ROWS || r.col + r.cols > COLS) return null;
      for (const key of this.cellsIn(r)) {
        // Its own cell again (a circular reference, which Excel refuses to work out) or the budget spent: unknown.
        if (++this.visits > UNCACHED_BUDGET || this.pending.has(key)) return null;
        const cell = this.ws.cells.get(key);
        const n = cell?.formula && cell.value === null ? this.of(key, cell.formula) : rawValue(cell);
        // SUM skips text and blanks; a plain `+` of a text cell would be #VALUE!, so the value stays unknown.
        if (typeof n === 'number') total += sign * n;
        else if (!sum && n !== null) return null;
      }
    }
    return total;
  }

  /** Keys of the cells of a range that hold something: the range walked when small, the sheet's cells when not. */
  private *cellsIn(r: { row: number; col: number; rows: number; cols: number }): Iterable<number> {
    if (r.rows * r.cols <= this.ws.cells.size) {
      for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) yield cellKey(r.row + i, r.col + j);
      return;
    }
    for (const key of this.ws.cells.keys()) {
      const row = Math.floor(key / COLS);
      const col = key - row * COLS;
      if (row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols) yield key;
    }
  }
}

function signedTerms(body: string): { sign: number; ref: string }[] | null {
  if (!/^[+-]?\$?[A-Z]+\$?\d+([+-]\$?[A-Z]+\$?\d+)*$/i.test(body)) return null;
  return (body.match(/[+-]?[^+-]+/g) ?? []).map((t) => ({
    sign: t.startsWith('-') ? -1 : 1,
    ref: t.replace(/^[+-]/, ''),
  }));
}

/**
 * Text cells of every sheet (a formula's text result counts: labels are sometimes `="…"`), merges applied, with
 * their label keys; texts without any key (punctuation only) are left out.
 */
function sheetTexts(sheets: XSheet[]): Keyed[] {
  const out: Keyed[] = [];
  sheets.forEach((ws, sheet) => {
    const { merged, covered } = mergeCover(ws);
    ws.cells.forEach((cell, key) => {
      if (typeof cell.value !== 'string' || cell.error || covered.has(key)) return;
      const m = merged.get(key);
      const row = Math.floor(key / COLS);
      const t = keyText(sheet, row, key - row * COLS, m?.rows ?? 1, m?.cols ?? 1, cell.value);
      if (t) out.push(t);
    });
  });
  return out;
}

/**
 * The merges by their top-left cell, and the cells that hold something but lie under a merge (not at its
 * top-left). Each merge is counted once (a file may repeat one), and a merge larger than the sheet's filled cells
 * is matched against those cells rather than walked: `A100:XFD1048576` alone spans 17 billion cells.
 */
function mergeCover(ws: XSheet): { merged: Map<number, XMerge>; covered: Set<number> } {
  const merged = new Map<number, XMerge>();
  const covered = new Set<number>();
  const seen = new Set<string>();
  for (const m of ws.merges) {
    const id = `${m.row},${m.col},${m.rows},${m.cols}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const top = cellKey(m.row, m.col);
    merged.set(top, m);
    if (m.rows * m.cols <= ws.cells.size) {
      for (let r = m.row; r < m.row + m.rows; r++)
        for (let c = m.col; c < m.col + m.cols; c++) {
          const key = cellKey(r, c);
          if (key !== top && ws.cells.has(key)) covered.add(key);
        }
      continue;
    }
    for (const key of ws.cells.keys()) {
      const r = Math.floor(key / COLS);
      const c = key - r * COLS;
      if (key !== top && r >= m.row && r < m.row + m.rows && c >= m.col && c < m.col + m.cols) covered.add(key);
    }
  }
  return { merged, covered };
}

const TITLE_KEY = normaliseLabel(REPORT_TITLE_SUFFIX);

/** Year and body from a title such as `XX县统计局2024年度政府信息公开工作年度报告`. */
export function parseTitle(text: string): { year?: number; org?: string } | null {
  if (!normaliseLabel(text).includes(TITLE_KEY)) return null;
  return titleParts(text);
}

/** `parseTitle` of a text already known to be a title. */
function titleParts(text: string): { year?: number; org?: string } {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(.*?)((?:19|20)\d{2})年度?/.exec(t);
  if (!m) return {};
  const org = m[1].replace(/[《〈<]/g, '').trim();
  return { year: Number(m[2]), ...(org ? { org } : {}) };
}

function titleOf(texts: Keyed[], sheets: number[]): { year?: number; org?: string } {
  for (const t of texts) {
    if (!sheets.includes(t.sheet) || !t.key.includes(TITLE_KEY)) continue;
    // `t.key` is `normaliseLabel(t.text)`: the text is a title.
    const p = titleParts(t.text);
    if (p.year) return p;
  }
  return {};
}

/** What `toInput` needs of a found table, worked out once per layout (a folder repeats one layout). */
interface TablePlan {
  sheet: number;
  ids: CellId[];
  /** `cellKey` of each cell, and its A1 address. */
  keys: number[];
  addresses: string[];
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Text in a data cell is a value: the checker reports it. */
  dataCells: Set<number>;
}

function tablePlan(t: TableLocation): TablePlan {
  const plan: TablePlan = {
    sheet: t.sheet,
    ids: [],
    keys: [],
    addresses: [],
    top: Infinity,
    bottom: -1,
    left: Infinity,
    right: -1,
    dataCells: new Set(),
  };
  for (const [id, p] of t.cells) {
    const key = cellKey(p.row, p.col);
    plan.ids.push(id);
    plan.keys.push(key);
    plan.addresses.push(a1(p.row, p.col));
    plan.dataCells.add(key);
    plan.top = Math.min(plan.top, p.row);
    plan.bottom = Math.max(plan.bottom, p.row);
    plan.left = Math.min(plan.left, p.col);
    plan.right = Math.max(plan.right, p.col);
  }
  return plan;
}

/**
 * Text standing inside a found table that is no label of the format (an extra row, a subtotal column, a note in
 * a cell), so the user learns what was left out rather than having it silently ignored.
 */
function strayTexts(format: FormatId, t: TablePlan, texts: Keyed[]): string[] {
  const { top, bottom, left, right } = t;
  const known = prepareReader(format).knownKeys;
  const out: string[] = [];
  for (const x of texts) {
    if (x.sheet !== t.sheet || x.row < top || x.row > bottom || x.col > right) continue;
    if (t.dataCells.has(cellKey(x.row, x.col))) continue;
    // Left of the data: row labels; among the data columns: a typed note or an extra column's cells.
    if (x.col + x.cols - 1 < left - LABEL_COLUMNS) continue;
    if (!x.key || [x.key, x.core, x.noteless, x.notelessCore].some((k) => k !== null && known.has(k))) continue;
    out.push(x.text.trim());
  }
  return out;
}

/** How many columns left of the first data column hold row labels (table 三 has three). */
const LABEL_COLUMNS = 3;

/** A located format with what `toInput` needs of it, worked out once per layout and kept with it. */
interface LocationPlan {
  loc: FormatLocation;
  /** Per table of `loc.tables`: its plan, or null when the table was not found. */
  tables: (TablePlan | null)[];
  /**
   * The address of every placed cell. Reports of one layout share one (frozen) map: it is the same for all of
   * them, and building it is a good part of reading a file.
   */
  cellAddress: Readonly<Record<CellId, string>>;
}

function locationPlan(loc: FormatLocation): LocationPlan {
  const tables = loc.tables.map((t) => (tableFound(t) ? tablePlan(t) : null));
  const cellAddress: Record<CellId, string> = {};
  for (const plan of tables) {
    if (!plan) continue;
    const { ids, addresses } = plan;
    for (let i = 0; i < ids.length; i++) cellAddress[ids[i]] = addresses[i];
  }
  return { loc, tables, cellAddress: Object.freeze(cellAddress) };
}

function toInput(file: string, planned: LocationPlan, sheets: XSheet[], texts: Keyed[]): ReportInput {
  const { loc, cellAddress } = planned;
  const cells: Record<CellId, RawValue> = {};
  const formulas: Record<CellId, string> = {};
  const notes: ReaderNote[] = [];
  const usedSheets = new Set<number>();
  let hasFormulas = false;
  for (let k = 0; k < loc.tables.length; k++) {
    const t = loc.tables[k];
    const plan = planned.tables[k];
    if (!plan) {
      notes.push({ kind: 'tableNotFound', params: { table: t.table } });
      continue;
    }
    usedSheets.add(plan.sheet);
    const ws = sheets[plan.sheet];
    const uncached = new UncachedValues(ws);
    const { ids, keys } = plan;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const cell = ws.cells.get(keys[i]);
      cells[id] = rawValue(cell);
      if (cell?.formula) {
        formulas[id] = `=${cell.formula}`;
        hasFormulas = true;
        if (cells[id] === null) cells[id] = uncached.of(keys[i], cell.formula);
      }
    }
    for (const text of strayTexts(loc.format, plan, texts))
      notes.push({ kind: 'strayText', params: { table: t.table, text } });
    if (t.missingLabels.length)
      notes.push({ kind: 'labelsMissing', params: { table: t.table, labels: [...t.missingLabels] } });
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
    ...(hasFormulas ? { formulas } : {}),
    cellAddress,
    ...(notes.length ? { notes } : {}),
  };
}

/** The format whose labels place more cells; 2021 on a tie (the current format). */
function bestFormat(locator: WorkbookLocator, sheets: number[], order: readonly FormatId[]): FormatLocation {
  let best: FormatLocation | undefined;
  for (const f of order) {
    const l = locator.locate(prepareReader(f), sheets);
    if (!best || l.placed > best.placed) best = l;
    // Every cell of the format placed: that is the format (the other one lacks some of its labels).
    if (l.placed >= getFormat(f).cells.length) break;
  }
  return best!;
}

/**
 * Label keys that only one format has: counted on a sheet, they say which format to try first. Built from both
 * formats together, so not a part of one format's `prepareReader`.
 */
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
  const scores = new Map(
    FORMAT_IDS.map((f) => [f, texts.reduce((n, t) => n + (OWN_KEYS.get(f)!.has(t.key) ? 1 : 0), 0)]),
  );
  return [...FORMAT_IDS].sort((a, b) => scores.get(b)! - scores.get(a)!);
}

/** Where the tables stand in a workbook: one complete report per sheet, or the tables gathered over all sheets. */
interface Layout {
  /** Sheets holding a complete report of their own, with it, when there are two or more (else empty). */
  complete: { planned: LocationPlan; i: number }[];
  /** The tables over all sheets (when fewer than two sheets are complete). */
  whole: LocationPlan | null;
}

/** What decides a layout: the number of sheets and the texts that can match a label, with their positions. */
interface LayoutKey {
  sheetCount: number;
  labels: Keyed[];
}

function sameKey(a: LayoutKey, b: LayoutKey): boolean {
  if (a.sheetCount !== b.sheetCount || a.labels.length !== b.labels.length) return false;
  for (let i = 0; i < a.labels.length; i++) {
    const x = a.labels[i];
    const y = b.labels[i];
    if (x.row !== y.row || x.col !== y.col || x.sheet !== y.sheet || x.rows !== y.rows || x.cols !== y.cols)
      return false;
    if (x.text !== y.text) return false;
  }
  return true;
}

/** A hash of the positions (texts are compared only when it matches). */
function positionHash(k: LayoutKey): number {
  let h = k.sheetCount;
  for (const t of k.labels) {
    h = Math.imul(h ^ t.sheet, 0x01000193);
    h = Math.imul(h ^ t.row, 0x01000193);
    h = Math.imul(h ^ t.col, 0x01000193);
    h = Math.imul(h ^ ((t.rows << 8) | t.cols), 0x01000193);
  }
  return h;
}

/**
 * A folder of reports filled in one template repeats one layout: its tables are located and planned once. Keyed
 * by the labels' positions in a workbook (not by format: that is `prepareReader`), bounded by `MAX_LAYOUTS`.
 */
const layouts = new Map<number, { key: LayoutKey; layout: Layout }[]>();
const MAX_LAYOUTS = 64;
let layoutCount = 0;

function layoutOf(texts: Keyed[], sheetCount: number): Layout {
  // Only these texts reach the locator's index (and `likelyFirst`): the title, notes and typed values never do.
  const matchKeys = FORMAT_IDS.map((f) => prepareReader(f).matchKeys);
  const key: LayoutKey = { sheetCount, labels: texts.filter((t) => matchKeys.some((k) => isLabelText(t, k))) };
  const hash = positionHash(key);
  const known = layouts.get(hash);
  const hit = known?.find((k) => sameKey(k.key, key));
  if (hit) return hit.layout;
  const labels = key.labels;
  const locator = new WorkbookLocator(labels);
  const order = likelyFirst(labels);
  const sheets = Array.from({ length: sheetCount }, (_, i) => i);
  const complete = sheets
    .map((i) => bestFormat(locator, [i], order))
    .map((loc, i) => ({ loc, i }))
    .filter(({ loc }) => loc.tables.every(tableFound));
  // Only what reading uses is planned: each complete sheet when there are several, else the whole workbook.
  const layout: Layout =
    complete.length > 1
      ? { complete: complete.map(({ loc, i }) => ({ planned: locationPlan(loc), i })), whole: null }
      : { complete: [], whole: locationPlan(bestFormat(locator, sheets, order)) };
  if (layoutCount >= MAX_LAYOUTS) {
    layouts.clear();
    layoutCount = 0;
  }
  const bucket = layouts.get(hash);
  if (bucket) bucket.push({ key, layout });
  else layouts.set(hash, [{ key, layout }]);
  layoutCount++;
  return layout;
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
    const key = ole && isEncryptedOoxml(bytes) ? 'read.xlsx.encrypted' : ole ? 'read.xlsx.old' : 'read.xlsx.saveAs';
    throw InputError.of(key, {}, file);
  }
  let sheets: XSheet[];
  let consolidated: boolean;
  try {
    ({ sheets, consolidated } = readWorkbookWithMarks(bytes, inflateRaw));
  } catch (e) {
    const why = OoxmlError.of(e);
    throw InputError.of('read.xlsx.unreadable', { why: { zh: why.message, en: why.en } }, file);
  }
  const keyed = sheetTexts(sheets);
  const { complete, whole } = layoutOf(keyed, sheets.length);
  const mark = consolidated ? { consolidated } : {};
  if (complete.length > 1) {
    return complete.map(({ planned, i }) => {
      const { name, hidden = false, named = false } = sheets[i];
      const sheet = { workbook: file, name, hidden, named };
      return { ...toInput(`${file} [${name}]`, planned, sheets, keyed), sheet, ...mark };
    });
  }

  const planned = whole!;
  if (!planned.tables.some((t) => t !== null)) {
    const example = getFormat('2021').tables[1].labels.find((l) => l.role === 'rowLabel')?.text;
    throw InputError.of('read.xlsx.noTables', { example }, file);
  }
  return [{ ...toInput(file, planned, sheets, keyed), ...mark }];
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
