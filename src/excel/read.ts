/**
 * Finds the sets of tables through their names (src/excel/metadata.ts), picks the one to check (`SetChoice`) and
 * reads its three tables at once: values, formulas and the add-in's own
 * highlight formats, in one `context.sync` when the tables are where they were last time (two when they moved or on
 * the first read). Maps what it read to canonical cell ids through the format's grid, and reports tables that were
 * deleted, moved out of shape or damaged instead of misreading them.
 */
import { a1, parseA1 } from '../model/a1';
import { getFormat } from '../model/formats';
import { tableName } from '../model/layout';
import type { CellId, FormatId, RawValue, ReportFormat, TableDamage, TableDef, TableId } from '../model/types';
import type { HostProblem, TableLocation, TableSet } from '../taskpane/host-api';
import { matchGrid } from './grid';
import {
  MARKS_KEY,
  SETTINGS_KEY,
  TABLE_IDS,
  parseMeta,
  parseNameComment,
  parseNameReference,
  type ReportMeta,
} from './metadata';
import { parseMarks, type ReviewedMark } from '../model/reviewed-marks';

export interface CachedLocation extends TableLocation {
  sheetId: string;
}

/** What the add-in knows about a conditional format on the tables, as loaded in the read batch. */
export interface LoadedFormat {
  cf: Excel.ConditionalFormat;
  sheet: string;
  formula: string;
  fill: string | null;
}

export interface Snapshot {
  format: FormatId;
  meta: ReportMeta | null;
  locations: CachedLocation[];
  values: Record<CellId, RawValue>;
  formulas: Record<CellId, string | undefined>;
  /** Sheet-local address of each mapped data cell. */
  cellAddress: Record<CellId, string>;
  /** Sheet name of each mapped data cell (tables may be moved to different sheets). */
  cellSheet: Record<CellId, string>;
  problems: HostProblem[];
  /** Tables that could not be mapped: their cells are absent from `values`. */
  excluded: TableId[];
  /** Sheets that hold a table and forbid formatting. */
  noFormatSheets: string[];
  /** Conditional formats on the sheets that hold a table (the add-in's own highlights, and copies of them). */
  formats: LoadedFormat[];
  /** The 已核实 marks stored in the workbook. */
  marks: ReviewedMark[];
  /** Every set of tables in the workbook, and the id of the one read (null when there is none). */
  sets: TableSet[];
  checkedSet: string | null;
  /** The workbook's sheets (ids) as seen by this read. */
  sheetIds: string[];
}

interface TableProxies {
  loc: CachedLocation;
  sheet: Excel.Worksheet;
  range: Excel.Range;
  cfs: Excel.ConditionalFormatCollection;
}

/**
 * Queues one table's read. The conditional formats are those of the table's whole sheet, loaded once per sheet
 * (`formatsBySheet`): copy and paste, fill-down and the fill handle carry the add-in's highlights to cells outside
 * the tables, and the next paint must find those copies to sweep them.
 */
function queueTable(
  ctx: Excel.RequestContext,
  loc: CachedLocation,
  formatsBySheet: Map<string, Excel.ConditionalFormatCollection>,
): TableProxies {
  const key = loc.sheetId || loc.sheet;
  const sheet = ctx.workbook.worksheets.getItem(key);
  sheet.load('id,name');
  sheet.protection.load('protected,options');
  const range = sheet.getRange(loc.address);
  range.load('values,formulas');
  let cfs = formatsBySheet.get(key);
  if (!cfs) {
    cfs = sheet.getRange().conditionalFormats;
    // `id`: rules are then addressed by id, not by position, so several can be deleted in one batch. Not `custom`:
    // on a user's data bar or colour scale Excel fails the whole batch (office-js issue 2180); `customOrNullObject`
    // is a null object there.
    cfs.load('items/id,items/type,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color');
    formatsBySheet.set(key, cfs);
  }
  return { loc, sheet, range, cfs };
}

function sameLocations(a: readonly TableLocation[], b: readonly TableLocation[]): boolean {
  return (
    a.length === b.length &&
    a.every((x) => b.some((y) => y.table === x.table && y.sheet === x.sheet && y.address === x.address))
  );
}

/** Infers the format from the shape of the tables when the metadata setting is missing (a template from the CLI). */
function inferFormat(found: { table: TableId; address: string }[]): FormatId {
  for (const id of ['2021', '2019'] as FormatId[]) {
    const f = getFormat(id);
    const t2 = found.find((x) => x.table === 'T2');
    if (t2) {
      const r = parseA1(t2.address);
      const def = f.tables.find((t) => t.id === 'T2')!;
      if (r.rows === def.rows && r.cols === def.cols) return id;
    }
  }
  return '2021';
}

/** What a read remembers for the next one: the tables read (the one-sync path) and the sheets whose names it reads. */
export interface ReadCache {
  locations: CachedLocation[] | null;
  /** The workbook's sheets (ids) as last seen: their names are read with the first sync. */
  sheetIds: string[];
}

/** Which set to read: the one on the active sheet when it holds one, else the one read last. */
interface SetChoice {
  activeSheetId: string | null;
  lastSetId: string | null;
}

/** A set of tables as the workbook names it. */
interface FoundSet {
  /** The id of the sheet whose names these are (for the workbook-level names: the sheet they point into). */
  id: string;
  sheet: string;
  meta: ReportMeta | null;
  tables: TableLocation[];
  /** Tables whose name refers to no cells any more (`#REF!`: their rows or sheet were deleted). */
  broken: TableId[];
}

interface NameProxy {
  sheetId: string;
  table: TableId;
  item: Excel.NamedItem;
}

/** Queues a look at each sheet's names of ours (three `getItemOrNullObject`, never the whole collection). */
function queueSheetNames(ctx: Excel.RequestContext, sheetIds: readonly string[]): NameProxy[] {
  return sheetIds.flatMap((sheetId) => {
    const names = ctx.workbook.worksheets.getItem(sheetId).names;
    return TABLE_IDS.map((table) => {
      const item = names.getItemOrNullObject(tableName(table));
      item.load('name,formula,comment,scope');
      return { sheetId, table, item };
    });
  });
}

function setOf(id: string, sheet: string, named: { table: TableId; formula: string; comment: unknown }[]): FoundSet {
  const set: FoundSet = { id, sheet, meta: null, tables: [], broken: [] };
  for (const n of named) {
    set.meta ??= parseNameComment(n.comment);
    const ref = parseNameReference(n.formula);
    if (ref) set.tables.push({ table: n.table, sheet: ref.sheet, address: ref.address });
    else set.broken.push(n.table);
  }
  return set;
}

/**
 * Reads the tables of one set. `cache`: what the last read found (enables the one-sync path: the sheets' names and
 * the tables read last time are read together, and nothing more is needed while they stay where they were). Runs
 * inside the caller's `Excel.run` so that the paint that follows can use the loaded conditional-format proxies.
 */
export async function readTables(
  ctx: Excel.RequestContext,
  cache: ReadCache | null,
  choice: SetChoice = { activeSheetId: null, lastSetId: null },
): Promise<Snapshot> {
  const wb = ctx.workbook;
  wb.names.load('items/name,items/formula,items/comment');
  wb.worksheets.load('items/id,items/name');
  const setting = wb.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('value');
  const marksSetting = wb.settings.getItemOrNullObject(MARKS_KEY);
  marksSetting.load('value');
  const cachedFormats = new Map<string, Excel.ConditionalFormatCollection>();
  let proxies = cache?.locations ? cache.locations.map((loc) => queueTable(ctx, loc, cachedFormats)) : [];
  const names = queueSheetNames(ctx, cache?.sheetIds ?? []);
  await ctx.sync();

  const sheets = wb.worksheets.items.map((w) => ({ id: w.id, name: w.name }));
  const unseen = sheets.map((w) => w.id).filter((id) => !cache?.sheetIds.includes(id));
  if (unseen.length) {
    names.push(...queueSheetNames(ctx, unseen));
    await ctx.sync();
  }
  const legacyMeta = setting.isNullObject ? null : parseMeta(setting.value);
  const marks = marksSetting.isNullObject ? [] : parseMarks(marksSetting.value);
  const sheetIds = sheets.map((w) => w.id);

  // Each sheet's own names make a set; office-js issue 1011: a sheet's names may list the workbook's as well.
  const sets: FoundSet[] = [];
  for (const w of sheets) {
    const own = names.filter((n) => n.sheetId === w.id && !n.item.isNullObject && n.item.scope === 'Worksheet');
    if (own.length)
      sets.push(
        setOf(
          w.id,
          w.name,
          own.map((n) => ({ table: n.table, formula: String(n.item.formula ?? ''), comment: n.item.comment })),
        ),
      );
  }
  // The workbook-level names: the set generated last (then also named on its sheet), or all a workbook of an earlier
  // version has.
  const wbNamed = TABLE_IDS.flatMap((table) => {
    const item = wb.names.items.find((n) => n.name === tableName(table));
    return item ? [{ table, formula: String(item.formula ?? ''), comment: item.comment }] : [];
  });
  const latest = setOf('', '', wbNamed);
  const latestSheet = sheets.find((w) => w.name === latest.tables[0]?.sheet);
  if (latestSheet && !sets.some((x) => x.id === latestSheet.id)) {
    sets.push({ ...latest, id: latestSheet.id, sheet: latestSheet.name, meta: latest.meta ?? legacyMeta });
    sets.sort((a, b) => sheetIds.indexOf(a.id) - sheetIds.indexOf(b.id));
  }
  const base = {
    sheetIds,
    sets: sets.map(({ id, sheet, meta }) => ({ id, sheet, ...(meta ? { year: meta.year } : {}) })),
  };

  const target =
    sets.find((x) => x.id === choice.activeSheetId) ??
    sets.find((x) => x.id === choice.lastSetId) ??
    sets.find((x) => x.id === latestSheet?.id) ??
    sets[0];
  // No set at all, but workbook-level names that refer to nothing: the tables were deleted (said per table).
  const problems: HostProblem[] =
    (target ?? (wbNamed.length ? latest : null))?.broken.map((t) => ({
      kind: 'tableDamaged' as const,
      table: t,
      damage: { kind: 'deleted' as const },
    })) ?? [];
  const named = target?.tables ?? [];
  if (!named.length && !problems.length)
    return { ...emptySnapshot(legacyMeta, [{ kind: 'noTables' }]), marks, ...base, checkedSet: null };

  const cachedNames = proxies.map((p) => ({ table: p.loc.table, sheet: p.sheet.name, address: p.loc.address }));
  if (!cache?.locations || !sameLocations(cachedNames, named)) {
    const formatsBySheet = new Map<string, Excel.ConditionalFormatCollection>();
    proxies = named.map((n) => queueTable(ctx, { ...n, sheetId: '' }, formatsBySheet));
    await ctx.sync();
  }
  const meta = target?.meta ?? (target ? null : legacyMeta);
  const format = getFormat(meta?.format ?? inferFormat(named));
  return { ...mapSnapshot(format, meta, proxies, problems), marks, ...base, checkedSet: target?.id ?? null };
}

function emptySnapshot(meta: ReportMeta | null, problems: HostProblem[]): Snapshot {
  return {
    format: meta?.format ?? '2021',
    meta,
    locations: [],
    values: {},
    formulas: {},
    cellAddress: {},
    cellSheet: {},
    problems,
    excluded: [...TABLE_IDS],
    noFormatSheets: [],
    formats: [],
    marks: [],
    sets: [],
    checkedSet: null,
    sheetIds: [],
  };
}

function mapSnapshot(
  format: ReportFormat,
  meta: ReportMeta | null,
  proxies: TableProxies[],
  problems: HostProblem[],
): Snapshot {
  const snap = emptySnapshot(meta, problems);
  snap.format = format.id;
  snap.excluded = [];
  const seenSheets = new Set<Excel.ConditionalFormatCollection>();
  for (const p of proxies) {
    const def = format.tables.find((t) => t.id === p.loc.table)!;
    const sheetName = p.sheet.name;
    const loc: CachedLocation = { table: def.id, sheet: sheetName, sheetId: p.sheet.id, address: p.loc.address };
    snap.locations.push(loc);
    if (p.sheet.protection.protected && !p.sheet.protection.options.allowFormatCells) {
      if (!snap.noFormatSheets.includes(sheetName)) snap.noFormatSheets.push(sheetName);
    }
    for (const cf of seenSheets.has(p.cfs) ? [] : p.cfs.items) {
      snap.formats.push({
        cf,
        sheet: sheetName,
        formula: cf.customOrNullObject.isNullObject ? '' : String(cf.customOrNullObject.rule.formula ?? ''),
        fill: cf.customOrNullObject.isNullObject ? null : (cf.customOrNullObject.format.fill.color ?? null),
      });
    }
    seenSheets.add(p.cfs);
    mapTable(def, p.range.values, p.range.formulas, parseA1(p.loc.address), sheetName, snap);
  }
  for (const t of TABLE_IDS) {
    if (!snap.locations.some((l) => l.table === t)) {
      if (!snap.excluded.includes(t)) snap.excluded.push(t);
      if (!problems.some((x) => x.kind === 'tableDamaged' && x.table === t))
        problems.push({ kind: 'tableDamaged', table: t, damage: { kind: 'notFound' } });
    }
  }
  return snap;
}

function mapTable(
  def: TableDef,
  values: unknown[][],
  formulas: unknown[][],
  origin: { row: number; col: number },
  sheet: string,
  snap: Snapshot,
): void {
  const m = matchGrid(def, values);
  if (!m.exact) snap.problems.push({ kind: 'tableDamaged', table: def.id, damage: describeDamage(def, m, origin) });
  if (!m.usable) {
    snap.excluded.push(def.id);
    return;
  }
  for (const c of def.cells) {
    const r = m.rowMap.get(c.row)!;
    const v = values[r]?.[c.col];
    const f = formulas[r]?.[c.col];
    snap.values[c.id] = toRaw(v);
    snap.formulas[c.id] = typeof f === 'string' && f.startsWith('=') ? f : undefined;
    snap.cellAddress[c.id] = a1(origin.row + r, origin.col + c.col);
    snap.cellSheet[c.id] = sheet;
  }
}

/** Excel gives '' for an empty cell, booleans for TRUE/FALSE and strings for errors; the model wants RawValue. */
function toRaw(v: unknown): RawValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  return String(v);
}

/** What is wrong with a table's layout, as data (the pane words it through the message table). */
function describeDamage(
  def: TableDef,
  m: ReturnType<typeof matchGrid>,
  origin: { row: number; col: number },
): TableDamage {
  return {
    kind: 'layout',
    ...(m.columnsChanged ? { columns: def.cols } : {}),
    badHeaders: [...m.badHeaders],
    extraRows: m.extraRows.map((r) => origin.row + r + 1),
    missingRows: [...m.missingRows],
    usable: m.usable,
  };
}
