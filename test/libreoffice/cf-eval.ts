/**
 * Evaluates the template's self-checking conditional formats on a worksheet's values, the way a spreadsheet
 * does: each format's formula is relative to the top-left cell of its first range and slides to every cell of
 * its ranges. LibreOffice cannot export which cells a conditional format paints, so the tests recalculate in
 * LibreOffice and evaluate the formats here, on LibreOffice's results.
 */
import ExcelJS from 'exceljs';
import FormulaParser from 'fast-formula-parser';
import { a1, parseA1 } from '../../src/model/a1';
import type { PlanConditionalFormat } from '../../src/model/layout';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { slideFormula } = require('exceljs/lib/utils/shared-formula') as {
  slideFormula: (formula: string, from: string, to: string) => string;
};

type Scalar = number | string | boolean | null;

function scalar(v: ExcelJS.CellValue): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && 'result' in v)
    return scalar((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

/** Custom functions get either the value or an argument object holding it. */
function valueOf(arg: unknown): unknown {
  return arg && typeof arg === 'object' && 'value' in arg ? (arg as { value: unknown }).value : arg;
}

/** Every cell address of a range list such as `D7:J7 D8`. */
export function cellsOf(ranges: string[]): string[] {
  const out: string[] = [];
  for (const r of ranges) {
    const p = parseA1(r);
    for (let i = 0; i < p.rows; i++) for (let j = 0; j < p.cols; j++) out.push(a1(p.row + i, p.col + j));
  }
  return out;
}

/** The cells each conditional format paints, keyed by the format's rule id (`T3.balance`, `V.value` …). */
export function paintedCells(ws: ExcelJS.Worksheet, cfs: PlanConditionalFormat[]): Map<string, Set<string>> {
  const parser = new FormulaParser({
    // The parser evaluates both branches of IF (spreadsheets do not): INT of a text cell must give an error
    // value for the branch not taken, not abort the whole formula.
    // Its LEN of a blank cell is not 0 either.
    functions: {
      LEN: (arg: unknown) => {
        const v = valueOf(arg);
        return v === null || v === undefined ? 0 : String(v).length;
      },
      INT: (arg: unknown) => {
        const v = valueOf(arg);
        if (typeof v === 'number') return Math.floor(v);
        if (v === null || v === undefined) return 0;
        return FormulaParser.FormulaError.VALUE;
      },
    },
    onCell: ({ row, col }: { row: number; col: number }) => scalar(ws.getCell(row, col).value),
    onRange: (ref: { from: { row: number; col: number }; to: { row: number; col: number } }) => {
      const rows: Scalar[][] = [];
      for (let r = ref.from.row; r <= ref.to.row; r++) {
        const row: Scalar[] = [];
        for (let c = ref.from.col; c <= ref.to.col; c++) row.push(scalar(ws.getCell(r, c).value));
        rows.push(row);
      }
      return rows;
    },
  });
  const out = new Map<string, Set<string>>();
  for (const cf of cfs) {
    const set = out.get(cf.rule) ?? new Set<string>();
    out.set(cf.rule, set);
    const anchor = parseA1(cf.ranges[0]);
    const from = a1(anchor.row, anchor.col);
    for (const addr of cellsOf(cf.ranges)) {
      const p = parseA1(addr);
      const result = parser.parse(slideFormula(cf.formula, from, addr), {
        sheet: ws.name,
        row: p.row + 1,
        col: p.col + 1,
      });
      if (result === true) set.add(addr);
    }
  }
  return out;
}
