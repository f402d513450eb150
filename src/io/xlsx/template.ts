/**
 * Writes the self-checking .xlsx template: the layout planner's SheetPlan applied through ExcelJS, the same plan
 * the Excel add-in applies, so positions, labels and formulas exist once. The workbook checks itself in any
 * spreadsheet program through conditional formats and data validation, without the add-in.
 *
 * Browser-safe (the task pane offers the template as a download through a lazy import): no Node APIs here;
 * writing files is the command line's job (`src/cli/commands/template.ts`).
 */
import ExcelJS from 'exceljs';
import { getFormat } from '../../model/formats';
import {
  planReport,
  SELF_CHECK_FILL,
  STYLES,
  type CellStyle,
  type PlanConditionalFormat,
  type SheetPlan,
} from '../../model/layout';
import { a1, absoluteQualified, parseA1 } from '../../model/a1';
import type { CellId, CellKind, FormatId, RawValue, RawValues } from '../../model/types';
import { CONSOLIDATED_MARK } from './consolidated';

export interface TemplateOptions {
  format?: FormatId;
  year: number;
  org?: string;
  /**
   * Values to write into the data cells (a consolidated report, a test). Input cells take the value (null or ''
   * leaves them blank); a total given a value is written as that typed number instead of its formula, as a user
   * who typed over it would have. Cells not listed keep the template's blank inputs and formulas.
   */
  values?: RawValues;
  /** Protect the sheet (no password) so only the input cells can be edited. */
  protect?: boolean;
  sheetName?: string;
  /** Mark the workbook as a consolidated report written by `sum` (`consolidated.ts`), so a later `sum` knows it. */
  consolidated?: boolean;
}

/** The sheet name of generated workbooks. Not a label of the format: any name is read back. */
export const DEFAULT_SHEET_NAME = '统计表';

/** Shown by Excel and WPS when a value is refused. Keyed by cell kind; the kinds come from the format data. */
const VALIDATION: Record<CellKind, { title: string; message: string; rule: ExcelJS.DataValidation }> = {
  count: {
    title: '请填写件数',
    message: '这里只能填写大于或等于 0 的整数；本年没有发生的请填 0。',
    rule: { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] },
  },
  signedCount: {
    title: '请填写整数',
    message: '这里只能填写整数；减少的请填负数，没有变化的请填 0。',
    rule: { type: 'whole', operator: 'between', formulae: [-1e9, 1e9] },
  },
  amount: {
    title: '请填写金额',
    message: '这里只能填写大于或等于 0 的数字（按表头所示单位）；没有发生的请填 0。',
    rule: { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] },
  },
};

const CF_FILL: Record<PlanConditionalFormat['severity'], string> = SELF_CHECK_FILL;

function argb(hex: string): string {
  return 'FF' + hex.replace('#', '').toUpperCase();
}

function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
  return {
    font: { name: s.fontName, size: s.fontSize, bold: s.bold },
    alignment: {
      horizontal: s.horizontal.toLowerCase() as 'left' | 'center' | 'right',
      vertical: s.vertical === 'Center' ? 'middle' : 'top',
      wrapText: s.wrap,
    },
    ...(s.border ? { border: { top: thin, left: thin, bottom: thin, right: thin } } : {}),
    ...(s.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } } } : {}),
    protection: { locked: s.locked },
  };
}

/** A RawValue as ExcelJS writes it: numbers stay numbers, text stays text, blank is null. */
function cellValue(v: RawValue): ExcelJS.CellValue {
  if (v === undefined || v === null || v === '') return null;
  return v;
}

function numeric(v: RawValue): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/**
 * Applies a plan to a worksheet. Kept apart from `writeTemplate` so a consolidated or filled workbook reuses the
 * same code path as the blank template.
 */
export function applyPlan(ws: ExcelJS.Worksheet, plan: SheetPlan, values?: RawValues): void {
  const format = getFormat(plan.format);

  plan.columnWidths.forEach((w, i) => (ws.getColumn(plan.col + i + 1).width = w));
  for (const [row, h] of Object.entries(plan.rowHeights)) ws.getRow(Number(row) + 1).height = h;

  // Merged ranges get the style on every cell, or Excel draws the border of the top-left cell only.
  const styleAt = new Map<string, CellStyle>();
  for (const c of plan.cells) styleAt.set(c.address, STYLES[c.style]);
  for (const m of plan.merges) {
    const style = styleAt.get(a1(m.row, m.col));
    if (!style) continue;
    for (let r = m.row; r < m.row + m.rows; r++)
      for (let c = m.col; c < m.col + m.cols; c++) ws.getCell(r + 1, c + 1).style = excelStyle(style);
    ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  }

  // Cached results of the totals, so a reader that does not recalculate (ours, a previewer) sees true sums.
  const valueOf = (id: CellId): number => {
    const def = format.cellById.get(id)!;
    if (values && id in values) return numeric(values[id]);
    return def.sumOf ? def.sumOf.reduce((a, p) => a + valueOf(p), 0) : 0;
  };

  for (const c of plan.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.style = excelStyle(STYLES[c.style]);
    if (c.numberFormat) cell.numFmt = c.numberFormat;
    const given = c.cellId !== undefined && values !== undefined && c.cellId in values;
    if (c.formula && !given) {
      cell.value = { formula: c.formula.replace(/^=/, ''), result: valueOf(c.cellId!) };
    } else if (given) {
      cell.value = cellValue(values![c.cellId!]);
    } else if (c.value !== undefined) {
      cell.value = c.value;
    }
    if (c.cellId && !c.formula) {
      const v = VALIDATION[format.cellById.get(c.cellId)!.kind];
      cell.dataValidation = {
        ...v.rule,
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: v.title,
        error: v.message,
      };
    }
  }

  // Errors outrank the pale "not filled" mark; within a severity the plan's order is kept.
  const rank = { error: 0, warning: 1, unfilled: 2 } as const;
  const ordered = [...plan.conditionalFormats].sort((a, b) => rank[a.severity] - rank[b.severity]);
  ordered.forEach((cf, i) =>
    ws.addConditionalFormatting({
      ref: cf.ranges.join(' '),
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [cf.formula],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(CF_FILL[cf.severity]) } } },
        },
      ],
    }),
  );
}

/** Workbook-level names that find each table again after rows were inserted above it. */
function addTableNames(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  for (const t of plan.tables) wb.definedNames.add(absoluteQualified(ws.name, parseA1(t.address)), t.name);
}

export async function buildTemplateWorkbook(opts: TemplateOptions): Promise<ExcelJS.Workbook> {
  const plan = planReport({ format: opts.format ?? '2021', year: opts.year, org: opts.org ?? '' });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'disclosure-tables';
  if (opts.consolidated) wb.keywords = CONSOLIDATED_MARK;
  wb.title = plan.cells[0]?.value !== undefined ? String(plan.cells[0].value) : '';
  const ws = wb.addWorksheet(opts.sheetName ?? DEFAULT_SHEET_NAME, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ showGridLines: false }],
  });
  applyPlan(ws, plan, opts.values);
  addTableNames(wb, ws, plan);
  if (opts.protect) {
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
  }
  return wb;
}

/** The template as .xlsx bytes. */
export async function writeTemplate(opts: TemplateOptions): Promise<Uint8Array> {
  const wb = await buildTemplateWorkbook(opts);
  const buf = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}
