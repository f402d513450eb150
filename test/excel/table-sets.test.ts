/**
 * Several sets of tables in one workbook (issue 13, "Which tables"), through the real adapter on the stand-in: the
 * host checks the set on the active sheet (`WorksheetCollection.onActivated`), keeps the set checked last when the
 * active sheet holds none, lets the pane choose, and still reads a workbook of an earlier version that names its
 * one set at workbook level only.
 */
import { getFormat } from '../../src/model/formats';
import type { CellId } from '../../src/model/types';
import { createExcelHost, type ExcelHost } from '../../src/excel/host';
import type { HostCheck } from '../../src/taskpane/host-api';
import { cellAddressOf, installStandIn, type Bench } from './harness';

const format = getFormat('2021');
const zeros = Object.fromEntries(format.cells.filter((c) => c.role === 'input').map((c) => [c.id, 0]));

let bench: Bench;
let host: ExcelHost;
let results: HostCheck[];

/** Every set generated on a new sheet starts at A1: a cell has the same address on each set's sheet. */
const addr = (id: CellId) => cellAddressOf(bench.standIn, format, id);
const last = () => results[results.length - 1];
const sheetsOf = (c: HostCheck) => [...new Set(c.tables.map((t) => t.sheet))];

async function settle(): Promise<void> {
  await bench.standIn.app.settle();
  await host.whenIdle();
}

/** Generates a set for `year` on a new sheet and fills it with 0 (a year with nothing to report). */
async function generateFilled(year: number): Promise<string> {
  const out = await host.generate({ format: '2021', year, org: `某县${year}`, target: 'newSheet', protect: false });
  if (!out.ok) throw new Error('generate failed');
  bench.standIn.app.activateSheet(out.sheet);
  expect(sheetsOf(await host.checkNow())).toEqual([out.sheet]);
  await host.writeValues(zeros);
  return out.sheet;
}

beforeEach(() => {
  bench = installStandIn();
  host = createExcelHost({ debounceMs: 0 });
  results = [];
});

afterEach(async () => {
  await host.stopLive();
  expect(bench.standIn.app.handlerErrors).toEqual([]);
  bench.restore();
});

describe('two sets on two sheets', () => {
  let first: string;
  let second: string;
  beforeEach(async () => {
    first = await generateFilled(2024);
    second = await generateFilled(2025);
    // Set 1 has a mistake: 一 typed as 5 breaks table 三's balance in the 自然人 column.
    bench.standIn.app.activateSheet(first);
    await host.checkNow();
    await host.writeValues({ 'T3.NEW.NP': 5 });
    bench.standIn.app.activateSheet(second);
    await host.startLive((c) => results.push(c));
    await settle();
  });

  it('lists both sets by sheet and year, and checks the one on the active sheet', () => {
    const c = last();
    expect(c.sets).toHaveLength(2);
    expect(c.sets!.map((x) => [x.sheet, x.year])).toEqual([
      [first, 2024],
      [second, 2025],
    ]);
    expect(c.checkedSet).toBe(c.sets![1].id);
    expect(sheetsOf(c)).toEqual([second]);
    expect(c.report).toEqual({ year: 2025, org: '某县2025' });
    expect(c.result!.findings).toEqual([]);
  });

  it('activating sheet 1 checks set 1 (its findings, its paint); activating sheet 2 checks set 2 again', async () => {
    const { app } = bench.standIn;
    expect(app.paintedByConditionalFormats(second)).toEqual([]);
    const n = results.length;
    app.activateSheet(first);
    await settle();
    expect(results.length).toBe(n + 1);
    expect(sheetsOf(last())).toEqual([first]);
    expect(last().report).toEqual({ year: 2024, org: '某县2024' });
    expect(last().result!.cells['T3.NEW.NP']).toBe(5);
    const balance = last().result!.findings.filter((f) => f.instance === 'T3.balance:NP');
    expect(balance).toHaveLength(1);
    expect(app.cell(first, addr('T3.NEW.NP')).conditionalFill).not.toBeNull();
    expect(app.paintedByConditionalFormats(second)).toEqual([]);

    app.activateSheet(second);
    await settle();
    expect(sheetsOf(last())).toEqual([second]);
    expect(last().result!.findings).toEqual([]);
    expect(last().result!.cells['T3.NEW.NP']).toBe(0);
    // Set 1's highlights stay on its sheet (nothing is written on a change of tab); set 2 has none.
    expect(app.cell(first, addr('T3.NEW.NP')).conditionalFill).not.toBeNull();
    expect(app.paintedByConditionalFormats(second)).toEqual([]);
  });

  it('a sheet without tables keeps the set checked last', async () => {
    const { app } = bench.standIn;
    app.activateSheet(first);
    await settle();
    app.activateSheet('Sheet1');
    await settle();
    expect(sheetsOf(last())).toEqual([first]);
    app.typeCell(first, addr('T3.NEW.NP'), 6);
    await settle();
    expect(sheetsOf(last())).toEqual([first]);
    expect(last().result!.cells['T3.NEW.NP']).toBe(6);
  });

  it('editing the set not checked does not mix into the results; an edit of the checked set costs one sync', async () => {
    const { app } = bench.standIn;
    const n = results.length;
    // A co-author (or a formula) changes set 1 while set 2 is checked.
    app.typeCell(first, addr('T3.NEW.NP'), 7);
    await settle();
    expect(results.length).toBe(n);
    app.resetSyncCount();
    app.typeCell(second, addr('T4.REVIEW.UPHELD'), 0);
    await settle();
    expect(app.syncCount).toBe(1);
    expect(sheetsOf(last())).toEqual([second]);
    expect(last().result!.cells['T3.NEW.NP']).toBe(0);
    expect(last().result!.findings).toEqual([]);
    // Back on sheet 1, its set is read afresh.
    app.activateSheet(first);
    await settle();
    expect(last().result!.cells['T3.NEW.NP']).toBe(7);
  });

  it('chooseSet checks the chosen set and shows its sheet; an id not in the workbook changes nothing', async () => {
    const { app } = bench.standIn;
    const ids = last().sets!.map((x) => x.id);
    expect(ids).toHaveLength(2);
    const c = await host.chooseSet(ids[0]);
    expect(c.checkedSet).toBe(ids[0]);
    expect(sheetsOf(c)).toEqual([first]);
    expect(app.activeSheet()).toBe(first);
    const same = await host.chooseSet('{no such sheet}');
    expect(same.checkedSet).toBe(ids[0]);
    expect(app.activeSheet()).toBe(first);
  });

  it('generating a third set does not break the other two', async () => {
    const { app } = bench.standIn;
    const third = await host.generate({ format: '2019', year: 2023, org: '某镇', target: 'newSheet' });
    if (!third.ok) throw new Error('generate failed');
    await settle();
    expect(sheetsOf(last())).toEqual([third.sheet]);
    expect(last().result!.format).toBe('2019');
    expect(last().sets!.map((x) => [x.sheet, x.year])).toEqual([
      [first, 2024],
      [second, 2025],
      [third.sheet, 2023],
    ]);
    for (const [sheet, year, np] of [
      [first, 2024, 5],
      [second, 2025, 0],
    ] as const) {
      app.activateSheet(sheet);
      await settle();
      expect(sheetsOf(last())).toEqual([sheet]);
      expect(last().result!.format).toBe('2021');
      expect(last().report!.year).toBe(year);
      expect(last().result!.cells['T3.NEW.NP']).toBe(np);
      expect(last().problems).toEqual([]);
    }
  });

  it('deleting the checked set’s sheet moves the check to the set left', async () => {
    const { app } = bench.standIn;
    app.deleteSheet(second);
    await settle();
    expect(sheetsOf(last())).toEqual([first]);
    expect(last().sets!.map((x) => x.sheet)).toEqual([first]);
    expect(last().problems).toEqual([]);
  });
});

describe('a workbook of an earlier version: one set, named at workbook level only', () => {
  it('is found and checked, live, with the year its setting holds', async () => {
    const { app } = bench.standIn;
    const sheet = await generateFilled(2024);
    await Excel.run(async (ctx) => {
      const names = ctx.workbook.worksheets.getItem(sheet).names;
      for (const t of ['T2', 'T3', 'T4']) names.getItem(`DisclosureTables_${t}`).delete();
      await ctx.sync();
    });
    expect(app.names().filter((n) => n.scope !== null)).toEqual([]);
    const fresh = createExcelHost({ debounceMs: 0 });
    try {
      await fresh.startLive((c) => results.push(c));
      expect(sheetsOf(last())).toEqual([sheet]);
      expect(last().report).toEqual({ year: 2024, org: '某县2024' });
      expect(last().sets!.map((x) => [x.sheet, x.year])).toEqual([[sheet, 2024]]);
      app.typeCell(sheet, addr('T3.NEW.NP'), 4);
      await app.settle();
      await fresh.whenIdle();
      expect(last().result!.cells['T3.NEW.NP']).toBe(4);
      expect(last().result!.findings.some((f) => f.rule === 'T3.balance')).toBe(true);
    } finally {
      await fresh.stopLive();
    }
  });
});
