/**
 * The template in a real spreadsheet engine: filled workbooks are recalculated by LibreOffice (headless, fresh
 * profile that forces recalculation on load), read back, and compared with the model. LibreOffice cannot export
 * which cells a conditional format paints, so the self-checking formats are evaluated on LibreOffice's
 * recalculated values and compared with the cells of the checker's findings.
 *
 * CI sets REQUIRE_LIBREOFFICE=1 (and installs libreoffice-calc): then a missing soffice fails instead of skipping.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildTemplateWorkbook } from '../../src/io/xlsx/template';
import { readXlsx } from '../../src/io/xlsx/read';
import { planReport } from '../../src/model/layout';
import { getFormat, FORMAT_IDS } from '../../src/model/formats';
import { check } from '../../src/model/check';
import type { CellId, FormatId, RawValue } from '../../src/model/types';
import { convert, findSoffice, freshProfile } from './soffice';
import { cellsOf, paintedCells } from './cf-eval';
import { consistentInputs, valueWithTotals } from '../xlsx/values';
import { nonEmpty } from '../support/non-empty';

const soffice = findSoffice();
const required = process.env.REQUIRE_LIBREOFFICE === '1';

/** A cached result no sum can produce: if it is read back, LibreOffice did not recalculate. */
const STALE = -987654;

async function writeFilled(file: string, format: FormatId, values: Record<CellId, RawValue>): Promise<void> {
  const wb = await buildTemplateWorkbook({ format, year: 2024, org: '测试单位', values });
  wb.worksheets[0].eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula) cell.value = { formula: cell.formula, result: STALE };
    }),
  );
  fs.writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/** CF rule of the template that mirrors a model rule (the value rules share one format). */
function cfRuleOf(rule: string): string {
  return rule === 'V.unfilled' ? 'V.unfilled' : rule.startsWith('V.') ? 'V.value' : rule;
}

/** Damage that breaks each kind of relation once, and each value rule once, away from each other. */
function damaged(format: FormatId, base: Record<CellId, number>): Record<CellId, RawValue> {
  const f = getFormat(format);
  const v: Record<CellId, RawValue> = { ...base };
  const [, c1, c2] = f.t3.applicantColumns;
  const tot = f.t3.columns[f.t3.columns.length - 1];
  const t3 = (r: string, c: string) => `T3.${r}.${c}`;
  v[t3('NEW', c1)] = base[t3('NEW', c1)] + 3; // balance in one column
  v[t3(f.t3.leafRows[0], tot)] = valueWithTotals(format, base, t3(f.t3.leafRows[0], tot)) + 5; // a row total typed over
  v[t3('R7_TOTAL', c2)] = valueWithTotals(format, base, t3('R7_TOTAL', c2)) - 2; // a result total typed over
  const g = f.t4.groups[1];
  const t4tot = `T4.${g}.${f.t4.columns[f.t4.columns.length - 1]}`;
  v[t4tot] = valueWithTotals(format, base, t4tot) + 1; // a group total typed over
  const t2 = f.tables[0].cells.filter((c) => c.kind === 'count');
  v[t2[0].id] = -4; // negative count
  v[t2[1].id] = 2.5; // fractional count
  v[t2[2].id] = '十二'; // text
  v[t2[3].id] = null; // not filled
  return v;
}

const suite = soffice ? describe : required ? describe : describe.skip;
if (!soffice && !required)
  console.warn('LibreOffice (soffice) not found: the LibreOffice recalculation tests are skipped');

suite('the template recalculated by LibreOffice', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-lo-'));
  const cases = FORMAT_IDS.flatMap((format) => [
    { format, name: `${format}-consistent`, values: consistentInputs(format, 11) as Record<CellId, RawValue> },
    { format, name: `${format}-damaged`, values: damaged(format, consistentInputs(format, 12)) },
  ]);
  const recalculated = new Map<string, string>();

  beforeAll(async () => {
    if (!soffice) throw new Error('soffice not found: CI must install libreoffice-calc (REQUIRE_LIBREOFFICE=1)');
    const files = [];
    for (const c of cases) {
      const file = path.join(dir, `${c.name}.xlsx`);
      await writeFilled(file, c.format, c.values);
      files.push(file);
    }
    const outs = convert(soffice, files, 'xlsx', path.join(dir, 'out'), freshProfile());
    cases.forEach((c, i) => recalculated.set(c.name, outs[i]));
  }, 180_000);

  it.each(cases)('$name: every total is the sum the model computes', async ({ format, name, values }) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(recalculated.get(name)!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const plan = planReport({ format, year: 2024 });
    const numeric = (id: CellId) => (typeof values[id] === 'number' ? (values[id] as number) : 0);
    const expected = (id: CellId): number => {
      const d = getFormat(format).cellById.get(id)!;
      if (id in values || !d.sumOf) return numeric(id);
      return d.sumOf.reduce((a, p) => a + expected(p), 0);
    };
    for (const c of nonEmpty(getFormat(format).cells.filter((x) => x.sumOf && !(x.id in values)))) {
      const cell = ws.getCell(plan.cellAddress[c.id]);
      expect(cell.formula).toBeTruthy();
      expect(cell.result).not.toBe(STALE);
      expect(cell.result).toBeCloseTo(expected(c.id), 9);
    }
  });

  it.each(cases)('$name: the conditional formats flag exactly the cells the checker flags', async (c) => {
    const bytes = fs.readFileSync(recalculated.get(c.name)!);
    const [input] = await readXlsx(c.name, bytes);
    expect(input.format).toBe(c.format);
    const result = check(input.format, input.cells, { formulas: input.formulas, cellAddress: input.cellAddress });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const plan = planReport({ format: c.format, year: 2024 });
    const painted = paintedCells(wb.worksheets[0], plan.conditionalFormats);

    const expected = new Map<string, Set<string>>();
    for (const cf of plan.conditionalFormats) {
      const inRanges = new Set(cellsOf(cf.ranges));
      const set = expected.get(cf.rule) ?? new Set<string>();
      expected.set(cf.rule, set);
      for (const f of result.findings.filter((x) => cfRuleOf(x.rule) === cf.rule))
        for (const id of f.cells) if (inRanges.has(plan.cellAddress[id])) set.add(plan.cellAddress[id]);
    }
    const sorted = (m: Map<string, Set<string>>) =>
      Object.fromEntries([...m].map(([k, s]) => [k, [...s].sort()]).sort());
    expect(sorted(painted)).toEqual(sorted(expected));
    if (c.name.endsWith('consistent')) {
      expect([...painted.values()].every((s) => s.size === 0)).toBe(true);
    } else {
      for (const rule of ['T3.balance', 'T3.rowTotal', 'T3.resultTotal', 'T4.groupTotal', 'V.value', 'V.unfilled'])
        expect(painted.get(rule)?.size).toBeGreaterThan(0);
    }
  });
});
