import ExcelJS from 'exceljs';
import { readXlsx, parseTitle, xlsxReader } from '../../src/io/xlsx/read';
import { buildTemplateWorkbook, writeTemplate } from '../../src/io/xlsx/template';
import { planReport, reportTitle } from '../../src/model/layout';
import { getFormat, FORMAT_IDS } from '../../src/model/formats';
import { LABEL_VARIANT_FRAGMENTS } from '../../src/model/normalise';
import { InputError } from '../../src/io/report-input';
import type { CellId, FormatId } from '../../src/model/types';
import { distinctValues, handmadeWorkbook } from './handmade';
import { nonEmpty } from '../support/non-empty';

/** Inputs only: totals stay live formulas in the template. */
function inputValues(format: FormatId, all: Record<CellId, number>): Record<CellId, number> {
  const f = getFormat(format);
  return Object.fromEntries(Object.entries(all).filter(([id]) => f.cellById.get(id)!.role === 'input'));
}

function sumOfParts(format: FormatId, values: Record<CellId, number>, id: CellId): number {
  const d = getFormat(format).cellById.get(id)!;
  return d.sumOf ? d.sumOf.reduce((a, p) => a + sumOfParts(format, values, p), 0) : values[id];
}

describe.each(FORMAT_IDS)('reading our own %s template', (format) => {
  it('gives back every value typed, the totals as formulas at the planned addresses, and the title', async () => {
    const values = inputValues(format, distinctValues(format, 3));
    const bytes = await writeTemplate({ format, year: 2023, org: '测试县人民政府办公室', values });
    const [input, ...more] = await readXlsx('t.xlsx', bytes);
    expect(more).toHaveLength(0);
    expect(input.format).toBe(format);
    expect(input.year).toBe(2023);
    expect(input.org).toBe('测试县人民政府办公室');
    expect(input.notes).toBeUndefined();
    const plan = planReport({ format, year: 2023 });
    expect(input.cellAddress).toEqual(plan.cellAddress);
    const f = getFormat(format);
    for (const c of nonEmpty(f.cells)) {
      if (c.role === 'input') {
        expect(input.cells[c.id]).toBe(values[c.id]);
        expect(input.formulas?.[c.id]).toBeUndefined();
      } else {
        // The cached result a reader sees without recalculating is the true sum.
        expect(input.cells[c.id]).toBe(sumOfParts(format, values, c.id));
        const parts = c.sumOf!.map((p) => plan.cellAddress[p]);
        expect(input.formulas?.[c.id]).toBe(`=SUM(${parts[0]}:${parts[parts.length - 1]})`);
      }
    }
  });
});

describe('formulas saved without their results', () => {
  it('computes SUMs and sums of references, and leaves other formulas unknown', async () => {
    const format = '2021';
    const values = inputValues(format, distinctValues(format, 8));
    const wb = await buildTemplateWorkbook({ format, year: 2024, values });
    const ws = wb.worksheets[0];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
      }),
    );
    const plan = planReport({ format, year: 2024 });
    const t4 = getFormat(format).cells.filter((c) => c.table === 'T4' && c.sumOf);
    // One total as a `+` chain, one as a formula the reader does not evaluate.
    ws.getCell(plan.cellAddress[t4[0].id]).value = {
      formula: t4[0].sumOf!.map((p) => plan.cellAddress[p]).join('+'),
    } as ExcelJS.CellFormulaValue;
    ws.getCell(plan.cellAddress[t4[1].id]).value = { formula: 'ROUND(1.2,0)' } as ExcelJS.CellFormulaValue;
    const [input] = await readXlsx('nocache.xlsx', new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    for (const c of nonEmpty(getFormat(format).cells.filter((x) => x.sumOf))) {
      if (c.id === t4[1].id) expect(input.cells[c.id]).toBeNull();
      else expect(input.cells[c.id]).toBe(sumOfParts(format, values, c.id));
    }
  });
});

describe('reading a workbook typed by hand', () => {
  const traditional: Record<string, string> = { 开: '開', 处: '處', 请: '請', 数: '數', 计: '計', 议: '議', 诉: '訴' };
  const respell = (label: string) => {
    let s = label;
    for (const [variant, canonical] of LABEL_VARIANT_FRAGMENTS) s = s.split(canonical).join(variant);
    s = s
      .replace(/（/g, '(')
      .replace(/）/g, ')')
      .replace(/^(\d)\./, '$1、');
    s = [...s].map((ch) => traditional[ch] ?? ch).join('');
    // Broken cells: a space in the middle of longer labels.
    return s.length > 3 ? `${s.slice(0, 2)} ${s.slice(2)}` : s;
  };

  it('finds the 2021 tables on other sheets, at an offset, with variants, extra rows and columns', async () => {
    const values = distinctValues('2021', 5);
    const bytes = await handmadeWorkbook({
      format: '2021',
      values,
      respell,
      title: { sheet: '封面', text: `  ${reportTitle(2022, '某某镇人民政府')}` },
      placements: [
        { table: 'T2', sheet: '主动公开', row: 3, col: 1 },
        { table: 'T3', sheet: '依申请', row: 7, col: 2, extraRowsAfter: [4, 20], extraColsAfter: [5] },
        { table: 'T4', sheet: '复议诉讼', row: 0, col: 4 },
      ],
    });
    const [input] = await readXlsx('hand.xlsx', bytes);
    expect(input.format).toBe('2021');
    // The inserted rows are named for the user; nothing else is.
    expect(input.unrecognised).toBeUndefined();
    expect(input.notes).toEqual(
      [1, 2].map(() => ({ kind: 'strayText', params: { table: 'T3', text: '其中：备注行' } })),
    );
    expect(input.year).toBe(2022);
    expect(input.org).toBe('某某镇人民政府');
    expect(input.cells).toEqual(values);
    expect(input.formulas).toBeUndefined();
  });

  it('places columns by their own header when the group headers above are missing', async () => {
    const values = distinctValues('2021', 6);
    const groupHeaders = new Set(
      getFormat('2021')
        .tables.find((t) => t.id === 'T3')!
        .labels.filter((l) => l.role === 'header' && l.row + l.rows < 3)
        .map((l) => l.text),
    );
    const bytes = await handmadeWorkbook({
      format: '2021',
      values,
      // Someone typed only the bottom header row of 表三.
      respell: (label) => (groupHeaders.has(label) ? '' : label),
      placements: [{ table: 'T3', sheet: 'S', row: 4, col: 0 }],
    });
    const [input] = await readXlsx('flat.xlsx', bytes);
    const t3 = Object.fromEntries(Object.entries(values).filter(([id]) => id.startsWith('T3.')));
    expect(input.cells).toEqual(t3);
  });

  it('detects a 2019 table and reads its own cells', async () => {
    const values = distinctValues('2019', 9);
    const bytes = await handmadeWorkbook({
      format: '2019',
      values,
      respell,
      placements: [
        { table: 'T2', sheet: 'Sheet1', row: 0, col: 0 },
        { table: 'T3', sheet: 'Sheet1', row: 20, col: 0 },
        { table: 'T4', sheet: 'Sheet1', row: 52, col: 1 },
      ],
    });
    const [input] = await readXlsx('2019.xlsx', bytes);
    expect(input.format).toBe('2019');
    expect(input.cells).toEqual(values);
  });

  it('reads blanks and text as typed and names the table it could not find', async () => {
    const values: Record<CellId, string | number> = distinctValues('2021', 2);
    values['T3.NEW.NP'] = '／';
    values['T3.R1.BIZ'] = '１２';
    delete values['T3.R2.NP'];
    const bytes = await handmadeWorkbook({
      format: '2021',
      values,
      placements: [{ table: 'T3', sheet: 'S', row: 1, col: 1 }],
    });
    const [input] = await readXlsx('t3only.xlsx', bytes);
    expect(input.cells['T3.NEW.NP']).toBe('／');
    expect(input.cells['T3.R1.BIZ']).toBe('１２');
    expect(input.cells['T3.R2.NP']).toBeNull();
    expect(Object.keys(input.cells).every((id) => id.startsWith('T3.'))).toBe(true);
    expect(input.notes).toEqual([
      { kind: 'tableNotFound', params: { table: 'T2' } },
      { kind: 'tableNotFound', params: { table: 'T4' } },
    ]);
  });

  it('gives one report per sheet when each sheet holds a whole report', async () => {
    const a = distinctValues('2021', 1);
    const b = distinctValues('2021', 4);
    const wbBytes = await handmadeWorkbook({
      format: '2021',
      values: a,
      placements: [
        { table: 'T2', sheet: '2023', row: 0, col: 0 },
        { table: 'T3', sheet: '2023', row: 16, col: 0 },
        { table: 'T4', sheet: '2023', row: 46, col: 0 },
      ],
    });
    // Second sheet: the same tables with other values, copied in through ExcelJS.
    const bBytes = await handmadeWorkbook({
      format: '2021',
      values: b,
      placements: [
        { table: 'T2', sheet: '2024', row: 2, col: 1 },
        { table: 'T3', sheet: '2024', row: 20, col: 1 },
        { table: 'T4', sheet: '2024', row: 50, col: 1 },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(wbBytes as unknown as ArrayBuffer);
    const other = new ExcelJS.Workbook();
    await other.xlsx.load(bBytes as unknown as ArrayBuffer);
    const src = other.getWorksheet('2024')!;
    const dst = wb.addWorksheet('2024');
    src.eachRow((row, r) => row.eachCell((cell, c) => (dst.getCell(r, c).value = cell.value)));
    const inputs = await readXlsx('two.xlsx', new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(inputs.map((i) => i.file)).toEqual(['two.xlsx [2023]', 'two.xlsx [2024]']);
    expect(inputs[0].cells).toEqual(a);
    expect(inputs[1].cells).toEqual(b);
  });
});

describe('reading what is not a report', () => {
  it('refuses a workbook without the tables, with a clear message', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').getCell('A1').value = '工资表';
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(readXlsx('pay.xlsx', bytes)).rejects.toThrow(InputError);
    await expect(readXlsx('pay.xlsx', bytes)).rejects.toThrow(/没有找到表二、表三或表四/);
  });

  it('refuses bytes that are not an .xlsx', async () => {
    await expect(readXlsx('bad.xlsx', new TextEncoder().encode('hello'))).rejects.toThrow(InputError);
  });

  it('asks to save an old .xls or WPS .et workbook as .xlsx', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(xlsxReader.accepts('old.xls', ole)).toBe(true);
    await expect(readXlsx('old.xls', ole)).rejects.toThrow(/另存为/);
    await expect(readXlsx('old.et', ole)).rejects.toThrow(InputError);
    // A misnamed .xlsx is read as what it is.
    const bytes = await writeTemplate({ year: 2024 });
    expect((await readXlsx('misnamed.xls', bytes))[0].format).toBe('2021');
  });

  it('claims spreadsheet files and extension-less zips only', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    expect(xlsxReader.accepts('a.XLSX', new Uint8Array())).toBe(true);
    expect(xlsxReader.accepts('a.docx', zip)).toBe(false);
    expect(xlsxReader.accepts('download', zip)).toBe(true);
    expect(xlsxReader.accepts('a.json', new Uint8Array([0x7b]))).toBe(false);
  });
});

describe('parseTitle', () => {
  it('reads year and body from the generated title and from a 年度 title', () => {
    expect(parseTitle(reportTitle(2024, '某市统计局'))).toEqual({ year: 2024, org: '某市统计局' });
    const suffix = reportTitle(2024, '').replace(/^2024年/, '');
    expect(parseTitle(`某 区 司法局 ２０２１年度${suffix}`)).toEqual({ year: 2021, org: '某区司法局' });
    expect(parseTitle('本年度办理结果')).toBeNull();
  });
});
