/**
 * Applies a layout plan to the workbook: values, live total formulas, merges, styles, borders, widths, heights,
 * self-checking conditional formats, table names, report metadata and (optionally) protection. Positions and labels
 * come from `planReport` only. At most three round trips: look at the target and the workbook's names, make sure the
 * target is empty and see whether the set named so far has names of its own, write. A sheet holds one set (its
 * names are the sheet's): generating at a selection on a sheet that holds one is refused.
 */
import { cellsOf, coalesce, parseA1, rectA1, shiftFormula, type Rect } from '../model/a1';
import { runExcel } from './run';
import { planReport, SELF_CHECK_FILL, STYLES, tableName, type SheetPlan, type StyleKey } from '../model/layout';
import type { GenerateOutcome, GenerateRequest } from '../taskpane/host-api';
import {
  SETTINGS_KEY,
  TABLE_IDS,
  isOurName,
  nameComment,
  parseMeta,
  parseNameReference,
  tableOfName,
  type ReportMeta,
} from './metadata';
import type { TableId } from '../model/types';
import { errorMessage } from './errors';

const BORDER_ITEMS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

/** Excel's column width unit is a character of the default font: 7 px each plus 5 px padding, 0.75 pt per px. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function sheetNameFor(year: number, taken: readonly string[]): string {
  return uniqueSheetName(`${year}年度报表`, taken);
}

/** `base`, or `base(2)`, `base(3)`…: the first that no sheet has (Excel compares sheet names ignoring case). */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base}(${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Whether the sheet holds a set of tables: a worksheet-scoped name of ours (office-js issue 1011: a sheet's names
 * may list the workbook's too, so the scope is what tells). */
function queueSetNames(sheet: Excel.Worksheet): Excel.NamedItem[] {
  return TABLE_IDS.map((t) => {
    const n = sheet.names.getItemOrNullObject(tableName(t));
    n.load('name,scope');
    return n;
  });
}

function holdsSet(names: readonly Excel.NamedItem[]): boolean {
  return names.some((n) => !n.isNullObject && n.scope === 'Worksheet');
}

export async function generateReport(req: GenerateRequest): Promise<GenerateOutcome> {
  try {
    return await runExcel(async (ctx) => {
      const wb = ctx.workbook;
      wb.names.load('items/name,items/formula,items/comment');
      const oldMeta = wb.settings.getItemOrNullObject(SETTINGS_KEY);
      oldMeta.load('value');
      let sheet: Excel.Worksheet;
      let plan: SheetPlan;
      let used: Excel.Range | null = null;
      let ownNames: Excel.NamedItem[] = [];
      if (req.target === 'newSheet') {
        wb.worksheets.load('items/name');
        await ctx.sync();
        const name = sheetNameFor(
          req.year,
          wb.worksheets.items.map((w) => w.name),
        );
        sheet = wb.worksheets.add(name);
        sheet.load('name');
        plan = planReport({ format: req.format, year: req.year, org: req.org });
      } else {
        const selection = wb.getSelectedRange();
        selection.load('rowIndex,columnIndex');
        sheet = selection.worksheet;
        sheet.load('name');
        sheet.protection.load('protected');
        ownNames = queueSetNames(sheet);
        await ctx.sync();
        if (sheet.protection.protected) return { ok: false, reason: 'sheetProtected', sheet: sheet.name };
        plan = planReport({
          format: req.format,
          year: req.year,
          org: req.org,
          row: selection.rowIndex,
          col: selection.columnIndex,
        });
        used = sheet.getRange(plan.address).getUsedRangeOrNullObject(true);
        used.load('address');
      }
      // The set the workbook-level names point at keeps names of its own on its sheet (a workbook of an earlier
      // version has only the workbook-level ones): moving them to the new set must not leave the old one unfound.
      const ours = wb.names.items.filter((n) => isOurName(n.name));
      const earlier = ours
        .map((n) => ({ table: tableOfName(n.name), ref: parseNameReference(String(n.formula ?? '')) }))
        .filter((x): x is { table: TableId; ref: { sheet: string; address: string } } => !!x.table && !!x.ref);
      const earlierSheet = earlier[0]?.ref.sheet;
      const earlierNames = earlierSheet ? queueSetNames(wb.worksheets.getItem(earlierSheet)) : [];
      if (used || earlierNames.length) await ctx.sync();
      if (req.target === 'selection') {
        if (holdsSet(ownNames) || earlierSheet === sheet.name)
          return { ok: false, reason: 'sheetHoldsSet', sheet: sheet.name };
        if (used && !used.isNullObject)
          return { ok: false, reason: 'targetNotEmpty', sheet: sheet.name, address: plan.address };
      }
      if (earlierSheet && !holdsSet(earlierNames)) {
        const meta = (oldMeta.isNullObject ? null : parseMeta(oldMeta.value)) ?? null;
        const target = wb.worksheets.getItem(earlierSheet);
        for (const { table, ref } of earlier) {
          const comment = meta ? nameComment(table, meta) : `${table}`;
          target.names.add(tableName(table), wb.worksheets.getItem(ref.sheet).getRange(ref.address), comment);
        }
      }
      for (const item of ours) item.delete();
      writePlan(sheet, plan, req.protect ?? true);
      const meta: ReportMeta = { version: 1, format: plan.format, year: plan.year, org: plan.org };
      for (const t of plan.tables) {
        const range = sheet.getRange(t.address);
        wb.names.add(t.name, range, nameComment(t.id, meta));
        sheet.names.add(t.name, range, nameComment(t.id, meta));
      }
      wb.settings.add(SETTINGS_KEY, meta);
      sheet.activate();
      const firstInput = plan.inputRanges[0];
      if (firstInput) sheet.getRange(firstInput).select();
      await ctx.sync();
      return { ok: true, sheet: sheet.name, address: plan.address };
    });
  } catch (e) {
    // Excel's getSelectedRange throws on a multi-area selection (Ctrl+click) and on a chart or shape:
    // https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1)
    if (req.target === 'selection' && (e as { code?: string }).code === 'InvalidSelection') {
      return { ok: false, reason: 'badSelection' };
    }
    return { ok: false, reason: 'failed', message: errorMessage(e) };
  }
}

/** Queues every write of the plan on `sheet`; no sync. */
function writePlan(sheet: Excel.Worksheet, plan: SheetPlan, protect: boolean): void {
  const area = sheet.getRange(plan.address);
  const formulas: (string | number)[][] = Array.from({ length: plan.rows }, () =>
    Array<string | number>(plan.cols).fill(''),
  );
  const numberFormats: string[][] = Array.from({ length: plan.rows }, () => Array<string>(plan.cols).fill('General'));
  for (const c of plan.cells) {
    const r = c.row - plan.row;
    const k = c.col - plan.col;
    formulas[r][k] = c.formula ?? c.value ?? '';
    // Labels are text: `1.属于国家秘密` must never be read as a number or a date.
    numberFormats[r][k] = c.numberFormat ?? (typeof c.value === 'string' ? '@' : 'General');
  }
  area.numberFormat = numberFormats;
  area.formulas = formulas;

  for (const m of plan.merges) sheet.getRange(m.address).merge(false);

  // Styles, applied to the whole merged area of each styled cell, coalesced into rectangles per style.
  const byStyle = new Map<StyleKey, [number, number][]>();
  for (const c of plan.cells) {
    const m = plan.merges.find((x) => x.row === c.row && x.col === c.col);
    const list = byStyle.get(c.style) ?? [];
    list.push(...cellsOf(m ?? { row: c.row, col: c.col, rows: 1, cols: 1 }));
    byStyle.set(c.style, list);
  }
  for (const [key, cells] of byStyle) for (const rect of coalesce(cells)) applyStyle(sheet.getRange(rectA1(rect)), key);

  for (const t of plan.tables) {
    const borders = sheet.getRange(t.address).format.borders;
    for (const side of BORDER_ITEMS) {
      const b = borders.getItem(side);
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = '#000000';
    }
  }

  plan.columnWidths.forEach((w, i) => {
    sheet.getRange(rectA1({ row: plan.row, col: plan.col + i, rows: 1, cols: 1 })).format.columnWidth =
      charsToPoints(w);
  });
  for (const [row, h] of Object.entries(plan.rowHeights)) {
    sheet.getRange(rectA1({ row: Number(row), col: plan.col, rows: 1, cols: plan.cols })).format.rowHeight = h;
  }

  for (const cf of plan.conditionalFormats) {
    const rects = cf.ranges.map((r) => parseA1(r));
    const origin = rects[0];
    const cells = rects.flatMap((r) => [...cellsOf(r)]);
    for (const rect of coalesce(cells)) addSelfCheck(sheet, rect, origin, cf.formula, SELF_CHECK_FILL[cf.severity]);
  }

  const inputCells = plan.inputRanges.flatMap((r) => [...cellsOf(parseA1(r))]);
  for (const rect of coalesce(inputCells)) sheet.getRange(rectA1(rect)).format.protection.locked = false;
  if (protect) {
    // Formatting stays allowed so the add-in can paint findings without ever unprotecting (which would clear the
    // user's undo history); inserting rows is not, as it would break the tables' fixed grids.
    sheet.protection.protect({
      allowFormatCells: true,
      allowFormatColumns: true,
      allowFormatRows: true,
      selectionMode: 'Normal',
    });
  }
}

function applyStyle(range: Excel.Range, key: StyleKey): void {
  const s = STYLES[key];
  const f = range.format;
  f.font.name = s.fontName;
  f.font.size = s.fontSize;
  f.font.bold = s.bold;
  f.horizontalAlignment = s.horizontal;
  f.verticalAlignment = s.vertical;
  f.wrapText = s.wrap;
  if (s.fill) f.fill.color = s.fill;
}

function addSelfCheck(sheet: Excel.Worksheet, rect: Rect, origin: Rect, formula: string, fill: string): void {
  const cf = sheet.getRange(rectA1(rect)).conditionalFormats.add('Custom');
  cf.custom.rule.formula = `=${shiftFormula(formula, rect.row - origin.row, rect.col - origin.col)}`;
  cf.custom.format.fill.color = fill;
}
