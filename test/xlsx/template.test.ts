import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeTemplate, DEFAULT_SHEET_NAME } from '../../src/io/xlsx/template';
import { planReport, STYLES, NUMBER_FORMATS } from '../../src/model/layout';
import { getFormat, FORMAT_IDS } from '../../src/model/formats';
import { SELF_CHECK_FILL } from '../../src/model/layout';
import { templateCommand } from '../../src/cli/commands/template';
import type { CliIO } from '../../src/cli/command';
import { UsageError } from '../../src/cli/command';
import type { FormatId } from '../../src/model/types';
import { nonEmpty, ofLength } from '../support/non-empty';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** What ExcelJS keeps after loading but leaves out of its typings. */
interface LoadedSheet {
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  sheetProtection?: { sheet?: boolean };
}
const loaded = (ws: ExcelJS.Worksheet) => ws as unknown as LoadedSheet;

const argb = (hex: string) => 'FF' + hex.slice(1).toUpperCase();

describe.each(FORMAT_IDS)('the %s template read back with ExcelJS', (format: FormatId) => {
  const plan = planReport({ format, year: 2024, org: '某某区人民政府' });
  const f = getFormat(format);
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    wb = await load(await writeTemplate({ format, year: 2024, org: '某某区人民政府' }));
    ws = wb.getWorksheet(DEFAULT_SHEET_NAME)!;
  });

  it('holds every label, value and formula of the plan at its address', () => {
    for (const c of nonEmpty(plan.cells)) {
      const cell = ws.getCell(c.address);
      if (c.formula) expect(`=${cell.formula}`).toBe(c.formula);
      // An input cell of the plan has no value: it is written blank (not yet filled), which ExcelJS reads as null.
      else expect(cell.value).toBe(c.value ?? null);
    }
  });

  it('sums each total over exactly the cells the format says it adds', () => {
    for (const c of nonEmpty(f.cells.filter((x) => x.sumOf))) {
      const m = /^SUM\(([A-Z]+\d+):([A-Z]+\d+)\)$/.exec(ws.getCell(plan.cellAddress[c.id]).formula)!;
      expect(m).not.toBeNull();
      const parts = c.sumOf!.map((p) => plan.cellAddress[p]);
      expect([m[1], m[2]]).toEqual([parts[0], parts[parts.length - 1]]);
    }
  });

  it('merges exactly the planned ranges', () => {
    expect([...ws.model.merges].sort()).toEqual(plan.merges.map((m) => m.address).sort());
  });

  it('styles cells as planned: fonts, borders, wrap, fills, locking, number formats', () => {
    for (const c of nonEmpty(plan.cells)) {
      const cell = ws.getCell(c.address);
      const s = STYLES[c.style];
      expect(cell.font.name).toBe(s.fontName);
      expect(cell.font.size).toBe(s.fontSize);
      expect(Boolean(cell.font.bold)).toBe(s.bold);
      expect(Boolean(cell.alignment?.wrapText)).toBe(s.wrap);
      expect(Boolean(cell.border?.top)).toBe(s.border);
      if (s.fill) expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(argb(s.fill));
      expect(cell.protection?.locked ?? true).toBe(s.locked);
      if (c.cellId) expect(cell.numFmt).toBe(NUMBER_FORMATS[f.cellById.get(c.cellId)!.kind]);
    }
    nonEmpty(plan.columnWidths).forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
    for (const [r, h] of nonEmpty(Object.entries(plan.rowHeights))) expect(ws.getRow(Number(r) + 1).height).toBe(h);
  });

  it('names each table with a workbook-level name over its planned range', () => {
    const names = wb.definedNames.model;
    for (const t of ofLength(plan.tables, 3)) {
      const n = names.find((x) => x.name === t.name);
      expect(n?.ranges.map((r) => r.replace(/\$/g, '').replace(/^.*!/, ''))).toEqual([t.address]);
    }
  });

  it('carries every self-checking conditional format with its severity fill', () => {
    const cfs = loaded(ws).conditionalFormattings;
    expect(cfs).toHaveLength(plan.conditionalFormats.length);
    for (const p of nonEmpty(plan.conditionalFormats)) {
      const cf = cfs.find(
        (x) => x.ref === p.ranges.join(' ') && (x.rules[0] as ExcelJS.ExpressionRuleType).formulae?.[0] === p.formula,
      );
      expect(cf).toBeDefined();
      const rule = cf!.rules[0];
      expect(rule.type).toBe('expression');
      expect((rule.style?.fill as ExcelJS.FillPattern).bgColor?.argb).toBe(argb(SELF_CHECK_FILL[p.severity]));
    }
    // Errors win over the "not filled" mark where both apply.
    const prio = (sev: string) =>
      plan.conditionalFormats
        .filter((p) => p.severity === sev)
        .map(
          (p) =>
            cfs.find(
              (x) =>
                x.ref === p.ranges.join(' ') && (x.rules[0] as ExcelJS.ExpressionRuleType).formulae?.[0] === p.formula,
            )!.rules[0].priority,
        );
    expect(Math.max(...prio('error'))).toBeLessThan(Math.min(...prio('unfilled')));
  });

  it('validates every input cell by its kind, with a Chinese message, and no total', () => {
    for (const c of nonEmpty(f.cells)) {
      const dv = ws.getCell(plan.cellAddress[c.id]).dataValidation;
      if (c.role === 'total') {
        expect(dv).toBeUndefined();
        continue;
      }
      expect(dv.type).toBe(c.kind === 'amount' ? 'decimal' : 'whole');
      if (c.kind !== 'signedCount') {
        expect(dv.operator).toBe('greaterThanOrEqual');
        expect(Number(dv.formulae[0])).toBe(0);
      } else {
        expect(Number(dv.formulae[0])).toBeLessThan(0);
      }
      expect(dv.showErrorMessage).toBe(true);
      expect(dv.error).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('sheet protection', () => {
  it('is off by default and on with protect: true, leaving inputs unlocked', async () => {
    const plain = await load(await writeTemplate({ year: 2024 }));
    expect(loaded(plain.worksheets[0]).sheetProtection).toBeFalsy();
    const wb = await load(await writeTemplate({ year: 2024, protect: true }));
    const ws = wb.worksheets[0];
    expect(loaded(ws).sheetProtection?.sheet).toBe(true);
    const plan = planReport({ year: 2024 });
    const input = getFormat('2021').cells.find((c) => c.role === 'input')!;
    expect(ws.getCell(plan.cellAddress[input.id]).protection?.locked).toBe(false);
  });
});

describe('template command', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-template-'));
  const out: string[] = [];
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => out.push(t), isTTY: false, cwd: dir };

  it('writes a 2019 template with year and body in the title', async () => {
    const code = await templateCommand.run(
      ['--out', 'a.xlsx', '--format', '2019', '--year', '2020', '--org', '某局'],
      io,
    );
    expect(code).toBe(0);
    const wb = await load(fs.readFileSync(path.join(dir, 'a.xlsx')));
    const plan = planReport({ format: '2019', year: 2020, org: '某局' });
    expect(wb.worksheets[0].getCell(plan.cells[0].address).value).toBe(plan.cells[0].value);
    expect(wb.worksheets[0].getCell(plan.cellAddress['T3.R6.NP']).value).toBeNull();
  });

  it('refuses to replace a file without --replace and leaves it untouched', async () => {
    const file = path.join(dir, 'keep.xlsx');
    fs.writeFileSync(file, 'user data');
    await expect(templateCommand.run(['--out', 'keep.xlsx'], io)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(file, 'utf8')).toBe('user data');
    expect(await templateCommand.run(['--out', 'keep.xlsx', '--replace'], io)).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it.each([
    [['--format', '2020', '--out', 'x.xlsx']],
    [['--year', '24', '--out', 'x.xlsx']],
    // Four digits, but no report year: before the 条例 (2008) or beyond next year's report.
    [['--year', '0000', '--out', 'x.xlsx']],
    [['--year', '2007', '--out', 'x.xlsx']],
    [['--year', String(new Date().getFullYear() + 2), '--out', 'x.xlsx']],
    [['--out', 'x.csv']],
    [[]],
    [['--out', 'x.xlsx', '--colour']],
  ])('rejects bad usage %j', async (args) => {
    await expect(templateCommand.run(args, io)).rejects.toThrow(UsageError);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});
