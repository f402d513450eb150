/**
 * Writes text the pane made (the generated narrative) into the workbook: a new sheet with one paragraph a row, or
 * the whole text in the selected cell. Never over anything: a selected cell that holds a value or a formula is
 * left alone until the user says to replace it, and a cell of the tables is never written (text there would break
 * them). The cells are formatted as text (`@`) before the values go in, so that no line is read as a number, a date
 * or a formula.
 */
import { parseA1 } from '../model/a1';
import type { TableLocation, WriteTextOutcome, WriteTextRequest } from '../taskpane/host-api';
import { errorMessage } from './errors';
import { charsToPoints, uniqueSheetName } from './generate';
import { runExcel } from './run';

const TEXT_SHEET_NAME = '文字说明';
/** Wide enough for a sentence a line on screen; the rest wraps. */
const TEXT_COLUMN_CHARS = 100;

function inside(tables: readonly TableLocation[], sheet: string, address: string): boolean {
  const at = parseA1(address);
  return tables.some((t) => {
    if (t.sheet !== sheet) return false;
    const r = parseA1(t.address);
    return at.row >= r.row && at.row < r.row + r.rows && at.col >= r.col && at.col < r.col + r.cols;
  });
}

/** `Sheet1!B3` → `B3`. */
function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
}

export async function writeText(req: WriteTextRequest, tables: readonly TableLocation[]): Promise<WriteTextOutcome> {
  const lines = req.lines.length ? req.lines : [''];
  let sheetName = '';
  try {
    return await runExcel(async (ctx): Promise<WriteTextOutcome> => {
      const wb = ctx.workbook;
      if (req.target === 'newSheet') {
        wb.worksheets.load('items/name');
        await ctx.sync();
        sheetName = uniqueSheetName(
          TEXT_SHEET_NAME,
          wb.worksheets.items.map((w) => w.name),
        );
        const ws = wb.worksheets.add(sheetName);
        const address = lines.length === 1 ? 'A1' : `A1:A${lines.length}`;
        const range = ws.getRange(address);
        range.numberFormat = lines.map(() => ['@']);
        range.values = lines.map((l) => [l]);
        range.format.wrapText = true;
        range.format.verticalAlignment = 'Top';
        ws.getRange('A:A').format.columnWidth = charsToPoints(TEXT_COLUMN_CHARS);
        ws.activate();
        ws.getRange('A1').select();
        await ctx.sync();
        return { ok: true, sheet: sheetName, address };
      }
      const cell = wb.getSelectedRange().getCell(0, 0);
      cell.load('address,values,formulas');
      const ws = cell.worksheet;
      ws.load('name');
      await ctx.sync();
      sheetName = ws.name;
      const address = localAddress(cell.address);
      if (inside(tables, ws.name, address)) return { ok: false, reason: 'insideTables', sheet: ws.name, address };
      const holds = cell.values[0][0] !== '' || String(cell.formulas[0][0] ?? '') !== '';
      const agreed = req.overwrite?.sheet === ws.name && req.overwrite.address === address;
      if (holds && !agreed) return { ok: false, reason: 'targetNotEmpty', sheet: ws.name, address };
      // A protected sheet refuses the write with AccessDenied, unless the cell is unlocked: let Excel decide.
      cell.numberFormat = [['@']];
      cell.values = [[lines.join('\n')]];
      cell.format.wrapText = true;
      await ctx.sync();
      return { ok: true, sheet: ws.name, address };
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    // Excel's getSelectedRange throws on a multi-area selection (Ctrl+click) and on a chart or shape:
    // https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1)
    if (code === 'InvalidSelection') return { ok: false, reason: 'badSelection' };
    if (code === 'AccessDenied' && sheetName) return { ok: false, reason: 'sheetProtected', sheet: sheetName };
    return { ok: false, reason: 'failed', message: errorMessage(e) };
  }
}
