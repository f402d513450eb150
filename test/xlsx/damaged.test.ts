/** Damaged totals in a workbook: read with their formula text and address, then flagged by the checker's F. rules. */
import ExcelJS from 'exceljs';
import { buildTemplateWorkbook } from '../../src/io/xlsx/template';
import { readXlsx } from '../../src/io/xlsx/read';
import { planReport } from '../../src/model/layout';
import { getFormat } from '../../src/model/formats';
import { check } from '../../src/model/check';
import { consistentInputs, valueWithTotals } from './values';

const format = '2021';
const f = getFormat(format);
const plan = planReport({ format, year: 2024 });
const totals = f.cells.filter((c) => c.sumOf);
const typedOver = totals[0];
const shortened = totals.find((c) => c.table === 'T3' && c.rowKey === 'R7_TOTAL')!;

async function damagedWorkbook(): Promise<Uint8Array> {
  const inputs = consistentInputs(format, 21);
  const wb: ExcelJS.Workbook = await buildTemplateWorkbook({ format, year: 2024, values: inputs });
  const ws = wb.worksheets[0];
  // A total typed over with its own (correct) value: the arithmetic holds, but the cell is no longer live.
  ws.getCell(plan.cellAddress[typedOver.id]).value = valueWithTotals(format, inputs, typedOver.id);
  // A SUM whose range lost its last part, as after a careless edit; its cached result follows the short range.
  const parts = shortened.sumOf!.map((p) => plan.cellAddress[p]);
  const short = `SUM(${parts[0]}:${parts[parts.length - 2]})`;
  const result = shortened.sumOf!.slice(0, -1).reduce((a, p) => a + valueWithTotals(format, inputs, p), 0);
  ws.getCell(plan.cellAddress[shortened.id]).value = { formula: short, result };
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('a workbook whose total formulas were damaged', () => {
  it('reads the typed-over total without formula and the shortened SUM as written', async () => {
    const [input] = await readXlsx('damaged.xlsx', await damagedWorkbook());
    expect(input.formulas?.[typedOver.id]).toBeUndefined();
    const parts = shortened.sumOf!.map((p) => plan.cellAddress[p]);
    expect(input.formulas?.[shortened.id]).toBe(`=SUM(${parts[0]}:${parts[parts.length - 2]})`);
    expect(input.cellAddress?.[shortened.id]).toBe(plan.cellAddress[shortened.id]);
  });

  it('gives the checker what it needs to flag both cells', async () => {
    const [input] = await readXlsx('damaged.xlsx', await damagedWorkbook());
    const result = check(input.format, input.cells, { formulas: input.formulas, cellAddress: input.cellAddress });
    const byRule = (rule: string) => result.findings.filter((x) => x.rule === rule).flatMap((x) => x.cells);
    expect(byRule('F.notFormula')).toContain(typedOver.id);
    expect(byRule('F.formulaRange')).toContain(shortened.id);
    // No other total is reported as damaged.
    const damagedIds = new Set(
      result.findings
        .filter((x) => x.rule.startsWith('F.'))
        .flatMap((x) => x.cells.filter((c) => f.cellById.get(c)!.sumOf)),
    );
    expect([...damagedIds].sort()).toEqual([typedOver.id, shortened.id].sort());
  });
});
