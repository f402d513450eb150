/**
 * Finds our tables through their workbook names and reads all three at once: values, formulas and the add-in's own
 * highlight formats, in one `context.sync` when the tables are where they were last time (two when they moved or on
 * the first read). Maps what it read to canonical cell ids through the format's grid, and reports tables that were
 * deleted, moved out of shape or damaged instead of misreading them.
 */
import { a1, parseA1 } from '../model/a1';
import { getFormat } from '../model/formats';
import { tableName } from '../model/layout';
import type { CellId, FormatId, RawValue, ReportFormat, TableDamage, TableDef, TableId } from '../model/types';
import type { HostProblem, TableLocation } from '../taskpane/host-api';
import { matchGrid } from './grid';
import { MARKS_KEY, SETTINGS_KEY, TABLE_IDS, parseMeta, parseNameReference, type ReportMeta } from './metadata';
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

/**
 * Reads the tables. `cache`: where they were found last time (enables the one-sync path). Runs inside the caller's
 * `Excel.run` so that the paint that follows can use the loaded conditional-format proxies.
 */
export async function readTables(ctx: Excel.RequestContext, cache: CachedLocation[] | null): Promise<Snapshot> {
  const wb = ctx.workbook;
  wb.names.load('items/name,items/formula');
  const setting = wb.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('value');
  const marksSetting = wb.settings.getItemOrNullObject(MARKS_KEY);
  marksSetting.load('value');
  const cachedFormats = new Map<string, Excel.ConditionalFormatCollection>();
  let proxies = cache ? cache.map((loc) => queueTable(ctx, loc, cachedFormats)) : [];
  await ctx.sync();

  const meta = setting.isNullObject ? null : parseMeta(setting.value);
  const marks = marksSetting.isNullObject ? [] : parseMarks(marksSetting.value);
  const problems: HostProblem[] = [];
  const named: TableLocation[] = [];
  for (const t of TABLE_IDS) {
    const item = wb.names.items.find((n) => n.name === tableName(t));
    if (!item) continue;
    const ref = parseNameReference(String(item.formula ?? ''));
    if (!ref) {
      problems.push({ kind: 'tableDamaged', table: t, damage: { kind: 'deleted' } });
      continue;
    }
    named.push({ table: t, sheet: ref.sheet, address: ref.address });
  }
  if (!named.length && !problems.length) return { ...emptySnapshot(meta, [{ kind: 'noTables' }]), marks };

  const cachedNames = proxies.map((p) => ({ table: p.loc.table, sheet: p.sheet.name, address: p.loc.address }));
  if (!cache || !sameLocations(cachedNames, named)) {
    const formatsBySheet = new Map<string, Excel.ConditionalFormatCollection>();
    proxies = named.map((n) => queueTable(ctx, { ...n, sheetId: '' }, formatsBySheet));
    await ctx.sync();
  }
  const format = getFormat(meta?.format ?? inferFormat(named));
  return { ...mapSnapshot(format, meta, proxies, problems), marks };
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
