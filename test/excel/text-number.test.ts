/**
 * Text typed where a number belongs, through the real adapter against the Excel stand-in: the live check reads
 * `values`, where text stays text and the tables' SUM formulas leave it out (issue #16, #13). One typo is one
 * finding, on that cell, quoting the text and the number it would be; applying the suggestion writes the number.
 */
import { getFormat } from '../../src/model/formats';
import { renderFinding } from '../../src/model/render';
import { createExcelHost, type ExcelHost } from '../../src/excel/host';
import type { HostCheck } from '../../src/taskpane/host-api';
import { mistakesOf } from '../../src/taskpane/view-model';
import { cellAddressOf, installStandIn, type Bench } from './harness';

const format = getFormat('2021');
let bench: Bench;
let host: ExcelHost;
let sheet: string;
let results: HostCheck[];

beforeEach(async () => {
  bench = installStandIn();
  host = createExcelHost({ debounceMs: 0 });
  const out = await host.generate({ format: '2021', year: 2025, org: '某县统计局', target: 'newSheet', protect: true });
  if (!out.ok) throw new Error('generate failed');
  sheet = out.sheet;
  await host.writeValues(Object.fromEntries(format.cells.filter((c) => c.role === 'input').map((c) => [c.id, 0])));
  await host.writeValues({ 'T3.NEW.NP': 3, 'T3.R1.NP': 3 });
  results = [];
  await host.startLive((c) => results.push(c));
});

afterEach(async () => {
  await host.stopLive();
  expect(bench.standIn.app.handlerErrors).toEqual([]);
  bench.restore();
});

async function type(value: string): Promise<HostCheck> {
  bench.standIn.app.typeCell(sheet, cellAddressOf(bench.standIn, format, 'T3.R1.NP'), value);
  await bench.standIn.app.settle();
  await host.whenIdle();
  return results[results.length - 1];
}

const CASES: [string, number, RegExp][] = [
  ['3件', 3, /“3件”/],
  ['3\u200b', 3, /“3<U\+200B>”/],
  ['１\u00ad２', 12, /“１<U\+00AD>２”/],
];

test.each(CASES)('typing %j gives one finding on that cell with the number it would be', async (typed, n, quoted) => {
  await host.writeValues({ 'T3.NEW.NP': n });
  const c = await type(typed);
  // The text counts as unfilled, as Excel's SUM leaves it out: the sum over its column agrees with the total;
  // the balance the total now breaks is shown under the cell's finding, not beside it.
  const mistakes = mistakesOf(c);
  expect(mistakes.map((m) => [m.finding.rule, m.finding.cells])).toEqual([['V.notNumber', ['T3.R1.NP']]]);
  expect(mistakes[0].caused.map((x) => x.rule).sort()).toEqual(['T3.balance', 'T3.balance']);
  expect(c.result!.findings.filter((x) => x.rule.startsWith('V.'))).toHaveLength(1);
  expect(c.result!.cells['T3.R1.NP']).toBeUndefined();
  const f = mistakes[0].finding;
  expect(f.suggestion).toEqual({ 'T3.R1.NP': n });
  const zh = renderFinding(f, '2021', 'zh', c.cellAddress);
  expect(zh).toMatch(quoted);
  expect(zh).toContain(`如应为 ${n}`);
  expect(renderFinding(f, '2021', 'en', c.cellAddress)).toContain(`if it means ${n}`);

  // The pane's one-click fix writes the suggestion; the finding goes.
  await host.writeValues(f.suggestion!);
  const after = await host.checkNow();
  expect(after.result!.findings).toEqual([]);
  expect(bench.standIn.app.cell(sheet, cellAddressOf(bench.standIn, format, 'T3.R1.NP')).value).toBe(n);
});

test('text with no single reading is one finding without a suggestion, and is never counted', async () => {
  const c = await type('0x1800AB');
  expect(mistakesOf(c).map((m) => [m.finding.rule, m.finding.cells, m.finding.suggestion])).toEqual([
    ['V.notNumber', ['T3.R1.NP'], undefined],
  ]);
  expect(c.result!.cells['T3.R1.NP']).toBeUndefined();
});
