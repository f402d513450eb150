/**
 * What importing a published report would do to the tables, decided before anything is written: which input cells
 * get which numbers, what blocks the import, and which figures already in the tables it would overwrite.
 * Pure (no DOM, no host), so the pane shows exactly what `writeValues` will receive.
 */
import type { ReaderNote } from '../io/report-input';
import type { ImportResult } from '../io/text';
import { getFormat } from '../model/formats';
import { normaliseText } from '../model/normalise';
import type { CellId, CheckResult, DataCell, FormatId } from '../model/types';

export interface ImportPlan {
  format: FormatId;
  year?: number;
  org?: string;
  /** Cells the reader found a value for (numbers and unreadable text alike). */
  read: number;
  /** The input cells' numbers: what is written. Totals are formulas in the generated tables, never written. */
  values: Record<CellId, number>;
  /** Input cells whose text is not a number: shown, not written. */
  notNumber: number;
  /** Cells the report leaves blank. */
  unfilled: number;
  /** Cells the reader could not place (not the report's fault): left as they are, said apart from the blanks. */
  unread: number;
  unrecognised: string[];
  /** What the report holds in each cell read (numbers and text, totals too): the preview shows the tables. */
  cells: Record<CellId, number | string>;
  blankCells: CellId[];
  unreadCells: CellId[];
  /** What the reader says about how it read the text (a table cut short, a guessed split), shown before writing. */
  notes: ReaderNote[];
}

export function planImport(r: ImportResult): ImportPlan {
  const values: Record<CellId, number> = {};
  let notNumber = 0;
  for (const cell of getFormat(r.format).cells) {
    if (cell.role !== 'input' || !(cell.id in r.cells)) continue;
    const v = r.cells[cell.id];
    if (typeof v === 'number' && Number.isFinite(v)) values[cell.id] = v;
    else notNumber++;
  }
  return {
    format: r.format,
    ...(r.year !== undefined ? { year: r.year } : {}),
    ...(r.org ? { org: r.org } : {}),
    read: Object.keys(r.cells).length,
    values,
    notNumber,
    unfilled: r.unfilled.length,
    unread: r.unread.length,
    unrecognised: r.unrecognised,
    cells: r.cells,
    blankCells: r.unfilled,
    unreadCells: r.unread.map((u) => u.cell),
    notes: r.notes ?? [],
  };
}

/**
 * How the preview shows a cell. `write`: the number written. `total`: a total, shown as the report has it for
 * comparison (the tables compute it). `notNumber`: text, not written. `blank`: the report leaves it blank.
 * `unread`: the reader could not read it (its failure, not the report's): the cell is left as it is.
 */
export type PreviewState = 'write' | 'total' | 'notNumber' | 'blank' | 'unread';

export function previewCell(plan: ImportPlan, cell: DataCell): { state: PreviewState; value?: number | string } {
  const v = plan.cells[cell.id];
  if (cell.role === 'total') return v === undefined ? { state: 'unread' } : { state: 'total', value: v };
  if (cell.id in plan.values) return { state: 'write', value: plan.values[cell.id] };
  if (v !== undefined) return { state: 'notNumber', value: v };
  if (plan.blankCells.includes(cell.id)) return { state: 'blank' };
  // A cell neither read nor blank is one the reader did not reach: never said to be the report's blank.
  return { state: 'unread' };
}

/** The year and body the workbook's tables were generated for (`HostCheck.report`). */
export interface WorkbookReport {
  year: number;
  org: string;
}

/** Where the report is another year's or another body's than the workbook's tables; null when nothing differs. */
interface ImportMismatch {
  year?: { report: number; workbook: number };
  org?: { report: string; workbook: string };
}

export function mismatchOf(plan: ImportPlan, workbook: WorkbookReport | undefined): ImportMismatch | null {
  if (!workbook) return null;
  const out: ImportMismatch = {};
  if (plan.year !== undefined && plan.year !== workbook.year) out.year = { report: plan.year, workbook: workbook.year };
  // A body the report does not name, or tables generated without one, leave nothing to compare: no warning.
  const key = (s: string) => normaliseText(s).replace(/[()（）]/g, '');
  if (plan.org && workbook.org.trim() && key(plan.org) !== key(workbook.org))
    out.org = { report: plan.org, workbook: workbook.org };
  return out.year || out.org ? out : null;
}

/** Why the plan cannot be written as it stands; null when it can. */
export type ImportBlock =
  | { kind: 'noTablesInText' }
  | { kind: 'needTables' }
  | { kind: 'formatMismatch'; tables: FormatId }
  | { kind: 'nothingToWrite' };

export function blockOf(plan: ImportPlan, tables: CheckResult | null): ImportBlock | null {
  if (plan.read === 0) return { kind: 'noTablesInText' };
  if (!tables) return { kind: 'needTables' };
  // Cell ids of the two formats do not mean the same rows: writing one into the other would misplace figures.
  if (tables.format !== plan.format) return { kind: 'formatMismatch', tables: tables.format };
  if (Object.keys(plan.values).length === 0) return { kind: 'nothingToWrite' };
  return null;
}

/** Non-zero figures already in the tables' input cells, and how many of them the import would change. */
export function overwriteOf(plan: ImportPlan, tables: CheckResult): { held: number; changed: number } {
  let held = 0;
  let changed = 0;
  for (const cell of getFormat(tables.format).cells) {
    if (cell.role !== 'input') continue;
    const now = tables.cells[cell.id];
    if (typeof now !== 'number' || now === 0) continue;
    held++;
    if (cell.id in plan.values && plan.values[cell.id] !== now) changed++;
  }
  return { held, changed };
}
