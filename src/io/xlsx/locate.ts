/**
 * Finds the standard tables in a grid of text cells by their labels, wherever they stand, and maps every data
 * cell of the format to a sheet position. Host-neutral and pure: the .xlsx reader feeds it the text cells its own
 * parser read (ooxml.ts), and anything else that can list a sheet's text cells (with merge extents) can use it too.
 *
 * Everything comes from the format data: a data cell's row is found by its row label (with the labels that
 * enclose it, such as `（三）不予公开` around `1.属于国家秘密`), its column by its column header (with the headers
 * above it, such as `未经复议直接起诉` over `结果维持`), each compared by `normaliseLabel` keys.
 */
import { labelKeys } from '../../model/normalise';
import type { CellId, FormatId, LabelCell, ReportFormat, TableDef, TableId } from '../../model/types';
import type { PreparedReader } from '../prepared';

/** A text cell of a sheet: zero-based position and merge extent. */
interface GridText {
  sheet: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
  text: string;
}

export interface Keyed extends GridText {
  key: string;
  core: string;
  noteless: string | null;
  notelessCore: string | null;
}

interface CellPlacement {
  sheet: number;
  row: number;
  col: number;
}

export interface TableLocation {
  table: TableId;
  sheet: number;
  /** Data cells placed. */
  cells: Map<CellId, CellPlacement>;
  /** Data cells of the table that could not be placed. */
  missing: CellId[];
  /** Labels of the format not found (row labels and column headers), for the user. */
  missingLabels: string[];
}

export interface FormatLocation {
  format: FormatId;
  tables: TableLocation[];
  placed: number;
}

/**
 * How close a sheet text is to a label: 3 same key, 2 same key once enumeration markers are dropped, 1 the same
 * once a bracketed note is dropped from either (a provincial annotation, `（万元）` for `（单位：万元）`).
 */
function matchLevel(t: Keyed, l: LabelKey): number {
  if (t.key === l.key) return 3;
  if (l.core.length > 0 && t.core === l.core) return 2;
  if (t.noteless !== null && (t.noteless === l.key || (l.core.length > 1 && t.notelessCore === l.core))) return 1;
  if (l.noteless !== null && (t.key === l.noteless || t.noteless === l.noteless)) return 1;
  return 0;
}

/** The same labels recur in every report of a folder: their keys are computed once (bounded, then restarted). */
const keyCache = new Map<string, ReturnType<typeof labelKeys>>();
const KEY_CACHE_LIMIT = 20000;

function cachedKeys(text: string): ReturnType<typeof labelKeys> {
  let k = keyCache.get(text);
  if (!k) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(text, (k = labelKeys(text)));
  }
  return k;
}

/** A sheet text with its keys, or null when it has none (punctuation only). */
export function keyText(
  sheet: number,
  row: number,
  col: number,
  rows: number,
  cols: number,
  text: string,
): Keyed | null {
  const k = cachedKeys(text);
  if (!k.key && !k.core) return null;
  return {
    sheet,
    row,
    col,
    rows,
    cols,
    text,
    key: k.key,
    core: k.core,
    noteless: k.noteless,
    notelessCore: k.notelessCore,
  };
}

/** A label of the format with its keys. */
export interface LabelKey {
  label: LabelCell;
  key: string;
  core: string;
  /** The label without a bracketed note of its own (`本年收费金额（单位：万元）` → `本年收费金额`). */
  noteless: string | null;
}

/** The keys of every label of a format's tables (built once per format, as `prepareReader(id).labelKeys`). */
export function labelKeysOf(format: ReportFormat): Map<LabelCell, LabelKey> {
  const out = new Map<LabelCell, LabelKey>();
  for (const t of format.tables)
    for (const label of t.labels) {
      const keys = labelKeys(label.text);
      out.set(label, { label, key: keys.key, core: keys.core, noteless: keys.noteless });
    }
  return out;
}

/**
 * The keys a sheet text must have to match some label of a format (built once per format, as
 * `prepareReader(id).matchKeys`): the index finds texts by the keys of labels only.
 */
export function matchKeysOf(labels: ReadonlyMap<LabelCell, LabelKey>): Set<string> {
  const keys = new Set<string>();
  for (const k of labels.values()) for (const x of [k.key, k.core, k.noteless]) if (x) keys.add(x);
  return keys;
}

/**
 * Keys of every label and heading of a format, and their cores (built once per format, as
 * `prepareReader(id).knownKeys`): a text inside a found table with none of them is no part of the format.
 */
export function knownKeysOf(format: ReportFormat): Set<string> {
  const texts = format.tables.flatMap((t) => [t.heading, ...t.labels.map((l) => l.text)]);
  return new Set(
    texts.flatMap((x) => {
      const k = labelKeys(x);
      return [k.key, k.core, k.noteless ?? k.key];
    }),
  );
}

/** Index of sheet texts by key and core, so each label costs a lookup instead of a scan. */
class TextIndex {
  private byKey = new Map<string, Keyed[]>();
  private found = new Map<LabelKey, Map<number, { t: Keyed; level: number }[]>>();
  constructor(readonly texts: Keyed[]) {
    const add = (k: string | null, t: Keyed) => {
      if (!k) return;
      const list = this.byKey.get(k);
      if (!list) this.byKey.set(k, [t]);
      else if (list[list.length - 1] !== t) list.push(t);
    };
    for (const t of texts) {
      add(t.key, t);
      add(t.core, t);
      add(t.noteless, t);
      add(t.notelessCore, t);
    }
  }

  /** Texts of one sheet matching a label, best level first, each with its level. */
  find(l: LabelKey, sheet: number): { t: Keyed; level: number }[] {
    let perSheet = this.found.get(l);
    if (!perSheet) this.found.set(l, (perSheet = new Map()));
    const cached = perSheet.get(sheet);
    if (cached) return cached;
    const seen = new Set<Keyed>();
    const out: { t: Keyed; level: number }[] = [];
    for (const k of l.noteless ? [l.key, l.core, l.noteless] : [l.key, l.core]) {
      for (const t of this.byKey.get(k) ?? []) {
        if (t.sheet !== sheet || seen.has(t)) continue;
        seen.add(t);
        const level = matchLevel(t, l);
        if (level > 0) out.push({ t, level });
      }
    }
    out.sort((a, b) => b.level - a.level || a.t.row - b.t.row || a.t.col - b.t.col);
    perSheet.set(sheet, out);
    return out;
  }
}

/**
 * Whether a text can match a label of a format (`matchKeys`, see `matchKeysOf`): the index finds texts by the
 * keys of labels only, so a text none of whose keys is a label's key (a title, a note, a typed value) never
 * places a cell.
 */
export function isLabelText(t: Keyed, matchKeys: ReadonlySet<string>): boolean {
  const u = matchKeys;
  return (
    u.has(t.key) ||
    u.has(t.core) ||
    (t.noteless !== null && u.has(t.noteless)) ||
    (t.notelessCore !== null && u.has(t.notelessCore))
  );
}

const covers = (l: { row: number; rows: number }, row: number) => l.row <= row && row < l.row + l.rows;
const coversCol = (l: { col: number; cols: number }, col: number) => l.col <= col && col < l.col + l.cols;

/** Row labels enclosing a grid row, outermost first; the last one names the row. */
function rowPathOf(t: TableDef, gridRow: number): LabelCell[] {
  return t.labels.filter((l) => l.role === 'rowLabel' && covers(l, gridRow)).sort((a, b) => a.col - b.col);
}

/**
 * Column headers over a data cell, top first, within its block: table 二 repeats a header row under each caption,
 * so only headers below the nearest caption above count.
 */
function headerPathOf(t: TableDef, gridRow: number, gridCol: number): LabelCell[] {
  const captionRow = Math.max(-1, ...t.labels.filter((l) => l.role === 'caption' && l.row < gridRow).map((l) => l.row));
  return t.labels
    .filter((l) => l.role === 'header' && l.row > captionRow && l.row < gridRow && coversCol(l, gridCol))
    .sort((a, b) => a.row - b.row);
}

/** Data cells sharing their column headers (one column of one block). */
interface Band {
  headers: LabelKey[];
  gridRows: number[];
}

/** What a table's grid says about finding it, computed once per table (`prepareReader(id).shapes`). */
export interface TableShape {
  /** Data rows with their row-label path (empty for 表四's unlabeled row). */
  rows: { gridRow: number; path: LabelKey[] }[];
  bands: Band[];
  /** For each data cell: its band and whether its row has labels. */
  cells: { id: CellId; gridRow: number; band: Band; labelled: boolean }[];
}

/** The shape of each table of a format, from its labels' keys (built once per format). */
export function tableShapesOf(
  format: ReportFormat,
  labels: ReadonlyMap<LabelCell, LabelKey>,
): Map<TableDef, TableShape> {
  return new Map(format.tables.map((t) => [t, shapeOf(t, (l) => labels.get(l)!)]));
}

function shapeOf(t: TableDef, lk: (label: LabelCell) => LabelKey): TableShape {
  const gridRows = [...new Set(t.cells.map((c) => c.row))].sort((a, b) => a - b);
  const rows = gridRows.map((gridRow) => ({ gridRow, path: rowPathOf(t, gridRow).map(lk) }));
  const byKey = new Map<string, Band>();
  const cells = t.cells.map((c) => {
    const hp = headerPathOf(t, c.row, c.col);
    const key = hp.map((h) => `${h.row}:${h.col}`).join('/');
    let band = byKey.get(key);
    if (!band) byKey.set(key, (band = { headers: hp.map(lk), gridRows: [] }));
    if (!band.gridRows.includes(c.row)) band.gridRows.push(c.row);
    return { id: c.id, gridRow: c.row, band, labelled: rows.find((r) => r.gridRow === c.row)!.path.length > 0 };
  });
  return { rows, bands: [...byKey.values()].filter((b) => b.headers.length > 0), cells };
}

/** How far above its first data row a header may stand (header rows of the format plus slack for notes). */
const HEADER_WINDOW = 8;

function locateTable(t: TableDef, shape: TableShape, index: TextIndex, sheet: number): TableLocation {
  const missingLabels = new Set<string>();

  // Rows: the innermost label, confirmed by the enclosing ones when the sheet has them; in order down the sheet.
  const sheetRow = new Map<number, number>();
  let firstLabelCol = Infinity;
  let lastRow = -1;
  for (const { gridRow, path } of shape.rows) {
    if (!path.length) continue;
    const leaf = path[path.length - 1];
    const found = index.find(leaf, sheet).filter((m) => m.t.rows === 1);
    const enclosed = found.filter((m) =>
      path.every(
        (p, i) => i === path.length - 1 || index.find(p, sheet).some((e) => e.t.col < m.t.col && covers(e.t, m.t.row)),
      ),
    );
    // Without its enclosing labels, only a label that is exactly the format's counts (a hand-made table may drop
    // the group column); `3.其他` on its own could be anything.
    const pool = enclosed.length ? enclosed : found.filter((m) => m.level === 3);
    const pick = pool.find((m) => m.t.row > lastRow) ?? pool[0];
    if (!pick) {
      missingLabels.add(leaf.label.text);
      continue;
    }
    sheetRow.set(gridRow, pick.t.row);
    firstLabelCol = Math.min(firstLabelCol, pick.t.col + pick.t.cols - 1);
    lastRow = Math.max(lastRow, pick.t.row);
  }

  // Columns, per band: the header nearest above the band's first data row.
  const sheetCol = new Map<Band, number>();
  const dataRowOfHeaders = new Map<Band, number>();
  for (const band of shape.bands) {
    const hp = band.headers;
    let firstData: number | undefined;
    for (const gr of band.gridRows) {
      const r = sheetRow.get(gr);
      if (r !== undefined && (firstData === undefined || r < firstData)) firstData = r;
    }
    const leaf = hp[hp.length - 1];
    const found = index
      .find(leaf, sheet)
      .filter(
        (m) =>
          (firstData === undefined || (m.t.row < firstData && m.t.row >= firstData - HEADER_WINDOW)) &&
          m.t.col > (firstLabelCol === Infinity ? -1 : firstLabelCol),
      );
    const enclosed = found.filter((m) =>
      hp.every(
        (p, i) => i === hp.length - 1 || index.find(p, sheet).some((e) => e.t.row < m.t.row && coversCol(e.t, m.t.col)),
      ),
    );
    // Without the headers above it, a header is taken only when it is exact and the only one of its kind.
    const exact = found.filter((m) => m.level === 3);
    const pool = enclosed.length ? enclosed : exact.length === 1 ? exact : [];
    // Nearest above the data; for a table without row labels (表四), the first occurrence.
    const pick =
      firstData === undefined
        ? pool.sort((a, b) => a.t.row - b.t.row || a.t.col - b.t.col)[0]
        : pool.sort((a, b) => b.t.row - a.t.row || a.t.col - b.t.col)[0];
    if (!pick) {
      missingLabels.add(hp.map((h) => h.label.text).join('·'));
      continue;
    }
    sheetCol.set(band, pick.t.col);
    dataRowOfHeaders.set(band, pick.t.row + pick.t.rows);
  }

  // A row without a label (表四's one data row) stands right under its lowest header.
  const unlabelledRow = new Map<number, number>();
  for (const c of shape.cells) {
    const r = dataRowOfHeaders.get(c.band);
    if (!c.labelled && r !== undefined) unlabelledRow.set(c.gridRow, Math.max(unlabelledRow.get(c.gridRow) ?? r, r));
  }

  const cells = new Map<CellId, CellPlacement>();
  const missing: CellId[] = [];
  for (const c of shape.cells) {
    const col = sheetCol.get(c.band);
    const row = c.labelled ? sheetRow.get(c.gridRow) : unlabelledRow.get(c.gridRow);
    if (col === undefined || row === undefined) missing.push(c.id);
    else cells.set(c.id, { sheet, row, col });
  }
  return { table: t.id, sheet, cells, missing, missingLabels: [...missingLabels] };
}

/** A table counts as found when at least half its cells were placed. */
export function tableFound(l: TableLocation): boolean {
  return l.cells.size * 2 >= l.cells.size + l.missing.length && l.cells.size > 0;
}

/**
 * Locates the tables of either format in one workbook. Each table is located once per sheet and kept, so asking
 * for every sheet alone and then for the workbook as a whole costs no more than the latter.
 */
export class WorkbookLocator {
  private readonly index: TextIndex;
  private readonly cache = new Map<TableDef, Map<number, TableLocation>>();
  constructor(texts: Keyed[]) {
    this.index = new TextIndex(texts);
  }

  private table(t: TableDef, shape: TableShape, sheet: number): TableLocation {
    let perSheet = this.cache.get(t);
    if (!perSheet) this.cache.set(t, (perSheet = new Map()));
    let l = perSheet.get(sheet);
    if (!l) perSheet.set(sheet, (l = locateTable(t, shape, this.index, sheet)));
    return l;
  }

  /** Each table of the format (`reader`: its tables' shapes) on whichever of `sheets` places most of its cells. */
  locate(reader: PreparedReader, sheets: number[]): FormatLocation {
    const tables: TableLocation[] = [];
    const format: FormatId = reader.format.id;
    for (const [t, shape] of reader.shapes) {
      let best: TableLocation | undefined;
      for (const s of sheets) {
        const l = this.table(t, shape, s);
        if (!best || l.cells.size > best.cells.size) best = l;
      }
      if (best) tables.push(best);
    }
    return { format, tables, placed: tables.reduce((a, t) => a + (tableFound(t) ? t.cells.size : 0), 0) };
  }
}
