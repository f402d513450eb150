/** Writing the narrative into the workbook where Excel itself says no: a protected sheet, several areas selected. */
import { createExcelHost } from '../../src/excel/host';
import { installStandIn, type Bench } from './harness';

let bench: Bench;
beforeEach(() => (bench = installStandIn()));
afterEach(() => bench.restore());

const lines = ['（一）主动公开', '本年度新制发规章 0 件。'];

test('a cell of a protected sheet is not written: the pane is told which sheet, the cell keeps its value', async () => {
  const host = createExcelHost({ debounceMs: 0 });
  const out = await host.generate({ format: '2021', year: 2025, org: '某县统计局', target: 'newSheet' });
  if (!out.ok) throw new Error(out.reason);
  expect(bench.standIn.app.protection(out.sheet).protected).toBe(true);
  bench.standIn.app.select(out.sheet, 'Z200');
  expect(await host.writeText({ lines, target: 'selection' })).toEqual({
    ok: false,
    reason: 'sheetProtected',
    sheet: out.sheet,
  });
  expect(bench.standIn.app.cell(out.sheet, 'Z200').value).toBe('');
});

test('several areas selected: no one cell to write into, nothing written', async () => {
  const host = createExcelHost({ debounceMs: 0 });
  const sheet = bench.standIn.app.sheets()[0];
  bench.standIn.app.selectAreas(sheet, ['B2', 'D4']);
  expect(await host.writeText({ lines, target: 'selection' })).toEqual({ ok: false, reason: 'badSelection' });
  expect(
    bench.standIn.app
      .values(sheet, 'B2:D4')
      .flat()
      .every((v) => v === ''),
  ).toBe(true);
});

test('the new sheet shows the text: wrapped, as text, in a wide first column', async () => {
  const host = createExcelHost({ debounceMs: 0 });
  const out = await host.writeText({ lines: ['=1+1', ...lines], target: 'newSheet' });
  if (!out.ok) throw new Error(out.reason);
  expect(out).toEqual({ ok: true, sheet: '文字说明', address: 'A1:A3' });
  expect(bench.standIn.app.activeSheet()).toBe('文字说明');
  const a1 = bench.standIn.app.cell('文字说明', 'A1');
  // A line that looks like a formula stays the text it is.
  expect([a1.value, a1.formula, a1.wrapText]).toEqual(['=1+1', '=1+1', true]);
  expect(bench.standIn.app.columnWidth('文字说明', 'A')).toBeGreaterThan(300);
});
