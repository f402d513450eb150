/**
 * Finds our tables through their workbook names and reads all three at once: values, formulas and the add-in's own
 * highlight formats, in one `context.sync` when the tables are where they were last time (two when they moved or on
 * the first read). Maps what it read to canonical cell ids through the format's grid, and reports tables that were
 * deleted, moved out of shape or damaged instead of misreading them.
 */
import { a1, parseA1 } from '../model/a1';
import { getFormat } from '../model/formats';
import { tableName } from '../model/layout';
import type { CellId, FormatId, Lang, RawValue, ReportFormat, TableDef, TableId } from '../model/types';
import type { HostProblem, TableLocation } from './host-api';
import { matchGrid } from './grid';
import { SETTINGS_KEY, TABLE_IDS, parseMeta, parseNameReference, type ReportMeta } from './metadata';

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
  /** Conditional formats on each table's range (the add-in's own highlights are found among them). */
  formats: LoadedFormat[];
}

interface TableProxies {
  loc: CachedLocation;
  sheet: Excel.Worksheet;
  range: Excel.Range;
  cfs: Excel.ConditionalFormatCollection;
}

function queueTable(ctx: Excel.RequestContext, loc: CachedLocation): TableProxies {
  const sheet = ctx.workbook.worksheets.getItem(loc.sheetId || loc.sheet);
  sheet.load('id,name');
  sheet.protection.load('protected,options');
  const range = sheet.getRange(loc.address);
  range.load('values,formulas');
  const cfs = range.conditionalFormats;
  // `id`: rules are then addressed by id, not by position, so several can be deleted in one batch. Not `custom`:
  // on a user's data bar or colour scale Excel fails the whole batch (office-js issue 2180); `customOrNullObject`
  // is a null object there.
  cfs.load('items/id,items/type,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color');
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
export async function readTables(
  ctx: Excel.RequestContext,
  cache: CachedLocation[] | null,
  lang: Lang = 'zh',
): Promise<Snapshot> {
  const wb = ctx.workbook;
  wb.names.load('items/name,items/formula');
  const setting = wb.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('value');
  let proxies = cache ? cache.map((loc) => queueTable(ctx, loc)) : [];
  await ctx.sync();

  const meta = setting.isNullObject ? null : parseMeta(setting.value);
  const problems: HostProblem[] = [];
  const named: TableLocation[] = [];
  for (const t of TABLE_IDS) {
    const item = wb.names.items.find((n) => n.name === tableName(t));
    if (!item) continue;
    const ref = parseNameReference(String(item.formula ?? ''));
    if (!ref) {
      problems.push({ kind: 'tableDamaged', table: t, detail: describeMissing(t, true, lang) });
      continue;
    }
    named.push({ table: t, sheet: ref.sheet, address: ref.address });
  }
  if (!named.length && !problems.length) return emptySnapshot(meta, [{ kind: 'noTables' }]);

  const cachedNames = proxies.map((p) => ({ table: p.loc.table, sheet: p.sheet.name, address: p.loc.address }));
  if (!cache || !sameLocations(cachedNames, named)) {
    proxies = named.map((n) => queueTable(ctx, { ...n, sheetId: '' }));
    await ctx.sync();
  }
  const format = getFormat(meta?.format ?? inferFormat(named));
  return mapSnapshot(format, meta, proxies, problems, lang);
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
  };
}

function mapSnapshot(
  format: ReportFormat,
  meta: ReportMeta | null,
  proxies: TableProxies[],
  problems: HostProblem[],
  lang: Lang,
): Snapshot {
  const snap = emptySnapshot(meta, problems);
  snap.format = format.id;
  snap.excluded = [];
  const seenFormats = new Set<Excel.ConditionalFormat>();
  for (const p of proxies) {
    const def = format.tables.find((t) => t.id === p.loc.table)!;
    const sheetName = p.sheet.name;
    const loc: CachedLocation = { table: def.id, sheet: sheetName, sheetId: p.sheet.id, address: p.loc.address };
    snap.locations.push(loc);
    if (p.sheet.protection.protected && !p.sheet.protection.options.allowFormatCells) {
      if (!snap.noFormatSheets.includes(sheetName)) snap.noFormatSheets.push(sheetName);
    }
    for (const cf of p.cfs.items) {
      if (seenFormats.has(cf)) continue;
      seenFormats.add(cf);
      snap.formats.push({
        cf,
        sheet: sheetName,
        formula: cf.customOrNullObject.isNullObject ? '' : String(cf.customOrNullObject.rule.formula ?? ''),
        fill: cf.customOrNullObject.isNullObject ? null : (cf.customOrNullObject.format.fill.color ?? null),
      });
    }
    mapTable(def, p.range.values, p.range.formulas, parseA1(p.loc.address), sheetName, snap, lang);
  }
  for (const t of TABLE_IDS) {
    if (!snap.locations.some((l) => l.table === t)) {
      if (!snap.excluded.includes(t)) snap.excluded.push(t);
      if (!problems.some((x) => x.kind === 'tableDamaged' && x.table === t))
        problems.push({ kind: 'tableDamaged', table: t, detail: describeMissing(t, false, lang) });
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
  lang: Lang,
): void {
  const m = matchGrid(def, values);
  if (!m.exact) {
    snap.problems.push({ kind: 'tableDamaged', table: def.id, detail: describeDamage(def, m, origin, lang) });
  }
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

/** What is wrong with a table, in the user's language: the task pane shows it as it is. */
export function describeDamage(
  def: TableDef,
  m: ReturnType<typeof matchGrid>,
  origin: { row: number; col: number },
  lang: Lang,
): string {
  const zh = lang === 'zh';
  const name = def.shortName[lang];
  const parts: string[] = [];
  if (m.columnsChanged)
    parts.push(
      zh
        ? `列数应为 ${def.cols} 列（可能插入或删除了列）`
        : `it should have ${def.cols} columns (a column was inserted or deleted?)`,
    );
  if (m.badHeaders.length)
    parts.push(zh ? `表头被改动：${m.badHeaders.join('、')}` : `header changed: ${m.badHeaders.join(' | ')}`);
  if (m.extraRows.length) {
    const rows = m.extraRows.map((r) => origin.row + r + 1).join(zh ? '、' : ', ');
    parts.push(
      zh
        ? `第 ${rows} 行不属于标准格式（插入的行），请删除`
        : `row ${rows} is not part of the standard format (inserted?): delete it`,
    );
  }
  if (m.missingRows.length)
    parts.push(zh ? `缺少行：${m.missingRows.join('、')}` : `missing rows: ${m.missingRows.join(' | ')}`);
  const what = parts.join(zh ? '；' : '; ') || (zh ? '布局与标准格式不符' : 'the layout differs from the format');
  const tail = m.usable
    ? zh
      ? '（已按行标签读取数据）'
      : ' (values were read by their row labels)'
    : zh
      ? '（无法可靠读取，本表未检查）'
      : ' (cannot be read reliably: not checked)';
  return `${name}${zh ? '：' : ': '}${what}${tail}`;
}

/** The detail for a table whose name no longer points anywhere. */
export function describeMissing(table: TableId, deleted: boolean, lang: Lang): string {
  const f = getFormat('2021').tables.find((t) => t.id === table)!;
  if (lang === 'zh') return deleted ? `${f.shortName.zh}已被删除（名称引用失效）` : `${f.shortName.zh}未找到`;
  return deleted ? `${f.shortName.en} was deleted (its name no longer refers to cells)` : `${f.shortName.en} not found`;
}
