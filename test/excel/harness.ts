/** Shared set-up for the adapter's integration tests: a fresh stand-in per test, installed as the global Excel. */
import { parseA1, a1 } from '../../src/model/a1';
import { tableName } from '../../src/model/layout';
import type { CellId, ReportFormat, TableId } from '../../src/model/types';
import type { HostOperations } from '../../src/taskpane/host-api';
import { createStandIn, type CellInfo, type StandIn, type StandInOptions } from '../../standin';

export interface Bench {
  standIn: StandIn;
  restore: () => void;
}

/**
 * Generates the 2021 tables for a 2025 report on a new sheet, unprotected (tests type over totals), and returns
 * the sheet's name: the set-up most adapter tests start from.
 */
export async function generateSheet(host: Pick<HostOperations, 'generate'>): Promise<string> {
  const out = await host.generate({
    format: '2021',
    year: 2025,
    org: '某县统计局',
    target: 'newSheet',
    protect: false,
  });
  if (!out.ok) throw new Error('generate failed');
  return out.sheet;
}

export function installStandIn(opts: StandInOptions = {}): Bench {
  const standIn = createStandIn(opts);
  const restore = standIn.install();
  return { standIn, restore };
}

/** Where a table is, read from the workbook name the adapter created (as the user's Excel would show it). */
export function tableOrigin(
  standIn: StandIn,
  table: TableId,
): { sheet: string; row: number; col: number; rows: number; cols: number } {
  const n = standIn.app.names().find((x) => x.name === tableName(table) && x.scope === null);
  if (!n) throw new Error(`no name for ${table}`);
  const r = parseA1(n.formula.replace(/^=/, ''));
  return { sheet: r.sheet!, row: r.row, col: r.col, rows: r.rows, cols: r.cols };
}

/** Sheet address of a data cell, from its table's name in the workbook and the format's grid. */
export function cellAddressOf(standIn: StandIn, format: ReportFormat, id: CellId): string {
  const c = format.cellById.get(id);
  if (!c) throw new Error(`no cell ${id} in the ${format.id} format`);
  const o = tableOrigin(standIn, c.table);
  return a1(o.row + c.row, o.col + c.col);
}

/** Sheet address of a table-relative A1 reference (`A1` = the table's first header cell). */
export function at(origin: { row: number; col: number }, rel: string): string {
  const r = parseA1(rel);
  const tl = a1(origin.row + r.row, origin.col + r.col);
  return r.rows === 1 && r.cols === 1
    ? tl
    : `${tl}:${a1(origin.row + r.row + r.rows - 1, origin.col + r.col + r.cols - 1)}`;
}

/** All cells of a sheet at once (one conditional-format evaluation instead of one per `app.cell` call). */
export function sheetCells(standIn: StandIn, sheet: string): Map<string, CellInfo> {
  const v = standIn.app.view(sheet, 1, 1);
  return new Map(v.cells.flat().map((c) => [c.address, c]));
}
