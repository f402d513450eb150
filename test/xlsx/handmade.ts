/**
 * Builds workbooks the way people type them by hand: each table placed anywhere on any sheet, straight from the
 * format's grid (so no label is written here), with labels re-spelt, extra rows and columns inserted, and no
 * formulas. The reader must find every cell again.
 */
import ExcelJS from 'exceljs';
import { getFormat } from '../../src/model/formats';
import type { CellId, FormatId, RawValue, TableId } from '../../src/model/types';

export interface Placement {
  table: TableId;
  sheet: string;
  row: number;
  col: number;
  /** Grid rows after which a blank non-standard row (with a note label) is inserted. */
  extraRowsAfter?: number[];
  /** Grid columns after which an extra column (with a header) is inserted. */
  extraColsAfter?: number[];
}

export interface HandmadeOptions {
  format: FormatId;
  placements: Placement[];
  values: Record<CellId, RawValue>;
  /** Re-spells every label (variants, widths, spaces, traditional characters). */
  respell?: (label: string) => string;
  title?: { sheet: string; text: string };
}

export async function handmadeWorkbook(o: HandmadeOptions): Promise<Uint8Array> {
  const f = getFormat(o.format);
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string) => wb.getWorksheet(name) ?? wb.addWorksheet(name);
  if (o.title) sheet(o.title.sheet).getCell(1, 1).value = o.title.text;
  for (const p of o.placements) {
    const t = f.tables.find((x) => x.id === p.table)!;
    const ws = sheet(p.sheet);
    const rowAt = (r: number) => p.row + r + (p.extraRowsAfter ?? []).filter((x) => x < r).length;
    const colAt = (c: number) => p.col + c + (p.extraColsAfter ?? []).filter((x) => x < c).length;
    for (const l of t.labels) {
      const r = rowAt(l.row);
      const c = colAt(l.col);
      ws.getCell(r + 1, c + 1).value = o.respell ? o.respell(l.text) : l.text;
      const r2 = rowAt(l.row + l.rows - 1);
      const c2 = colAt(l.col + l.cols - 1);
      if (r2 > r || c2 > c) ws.mergeCells(r + 1, c + 1, r2 + 1, c2 + 1);
    }
    for (const c of t.cells) {
      const v = o.values[c.id];
      if (v !== undefined && v !== null) ws.getCell(rowAt(c.row) + 1, colAt(c.col) + 1).value = v;
    }
    // The inserted rows and columns carry text and numbers that belong to no standard cell.
    for (const x of p.extraRowsAfter ?? []) {
      const r = rowAt(x) + 1;
      ws.getCell(r + 1, p.col + 1).value = '其中：备注行';
      ws.getCell(r + 1, colAt(t.cols - 1) + 1).value = 99999;
    }
    for (const x of p.extraColsAfter ?? []) {
      const c = colAt(x) + 1;
      ws.getCell(rowAt(t.labels.reduce((a, l) => Math.max(a, l.role === 'header' ? l.row : 0), 0)) + 1, c + 1).value =
        '小计';
      ws.getCell(rowAt(t.rows - 1) + 1, c + 1).value = 88888;
    }
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Distinct values per cell, so a cell read from the wrong place cannot pass by coincidence. */
export function distinctValues(format: FormatId, seed = 1): Record<CellId, number> {
  const out: Record<CellId, number> = {};
  getFormat(format).cells.forEach((c, i) => {
    out[c.id] = c.kind === 'amount' ? Number(((i + seed) * 1.25).toFixed(4)) : (i * 7 + seed) % 1000;
  });
  return out;
}
