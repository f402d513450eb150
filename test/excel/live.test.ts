/**
 * Checking and live checking through the real adapter against the Excel stand-in: what the user does in the sheet
 * (type, paste, clear, fill down, undo, insert or delete rows, overwrite a total) and what the add-in paints, with
 * the round trips each costs.
 */
import { getFormat } from '../../src/model/formats';
import type { CellId } from '../../src/model/types';
import { createExcelHost, type ExcelHost } from '../../src/excel/host';
import type { HostCheck } from '../../src/taskpane/host-api';
import { MAX_STRONG_SUSPECTS } from '../../src/excel/highlight';
import { applyEdits } from '../../src/model/recent-edit';
import { PAINT_FILL } from '../../src/excel/palette';
import { SELF_CHECK_FILL } from '../../src/model/layout';
import { cellAddressOf, installStandIn, tableOrigin, type Bench } from './harness';
import { nonEmpty } from '../support/non-empty';

const format = getFormat('2021');

let bench: Bench;
let host: ExcelHost;
let sheet: string;
let results: HostCheck[];

function addr(id: CellId): string {
  return cellAddressOf(bench.standIn, format, id);
}

async function settle(): Promise<void> {
  await bench.standIn.app.settle();
  await host.whenIdle();
}

function last(): HostCheck {
  return results[results.length - 1];
}

function fillShown(id: CellId): string | null {
  return bench.standIn.app.cell(sheet, addr(id)).conditionalFill;
}

async function setUp(protect: boolean): Promise<void> {
  bench = installStandIn();
  host = createExcelHost({ debounceMs: 0 });
  const out = await host.generate({ format: '2021', year: 2025, org: '某县统计局', target: 'newSheet', protect });
  if (!out.ok) throw new Error('generate failed');
  sheet = out.sheet;
  // Generated input cells start blank; these tests start from a table filled with 0 (nothing happened this year).
  await host.writeValues(Object.fromEntries(format.cells.filter((c) => c.role === 'input').map((c) => [c.id, 0])));
  results = [];
}

afterEach(async () => {
  await host.stopLive();
  expect(bench.standIn.app.handlerErrors).toEqual([]);
  bench.restore();
});

describe('on a protected generated sheet', () => {
  beforeEach(() => setUp(true));

  it('a table filled with 0 checks clean in at most 2 syncs and paints nothing', async () => {
    bench.standIn.app.resetSyncCount();
    const c = await host.checkNow();
    expect(bench.standIn.app.syncCount).toBeLessThanOrEqual(2);
    expect(c.result?.findings).toEqual([]);
    expect(c.problems).toEqual([]);
    expect(c.painted).toBe(true);
    expect(c.tables.map((t) => t.table)).toEqual(['T2', 'T3', 'T4']);
    expect(c.cellAddress['T3.NEW.NP']).toBe(addr('T3.NEW.NP'));
    expect(bench.standIn.app.paintedByConditionalFormats(sheet)).toEqual([]);
  });

  it('typing a value that breaks the balance paints the rule, and fixing it restores the cells exactly', async () => {
    const { app } = bench.standIn;
    await host.writeValues({ 'T3.NEW.NP': 12, 'T3.R1.NP': 12 });
    // The user's own fills: one on a cell that will be painted, one on a neighbour that will not.
    app.formatCells(sheet, addr('T3.R1.NP'), { fill: '#00B050' });
    app.formatCells(sheet, addr('T3.R1.BIZ'), { fill: '#FFFF00' });
    await host.startLive((c) => results.push(c));
    expect(last().result?.findings).toEqual([]);

    app.resetSyncCount();
    app.typeCell(sheet, addr('T3.R1.NP'), 21);
    await settle();
    expect(app.syncCount).toBeLessThanOrEqual(2);
    const balance = last().result!.findings.filter((f) => f.rule === 'T3.balance');
    expect(balance.length).toBeGreaterThan(0);
    expect(balance.some((f) => f.suspects.includes('T3.R1.NP'))).toBe(true);
    const np = balance.find((f) => f.instance.includes('NP'))!;
    expect(np.suspects.length).toBeLessThanOrEqual(MAX_STRONG_SUSPECTS);
    for (const id of nonEmpty(np.cells)) expect([id, fillShown(id)]).not.toEqual([id, null]);
    // The cell just typed is the first suspect and the one painted as most likely wrong; the cells of the
    // relation are candidates.
    const shown = applyEdits([np], last().edits ?? {})[0];
    expect(shown.suspects[0]).toBe('T3.R1.NP');
    expect(fillShown('T3.R1.NP')).toBe(PAINT_FILL.errorStrong);
    for (const id of nonEmpty(np.cells)) expect([id, fillShown(id)]).toEqual([id, PAINT_FILL.errorLight]);
    // The cells' own formatting is never written.
    expect(app.cell(sheet, addr('T3.R1.NP')).fill).toBe('#00B050');
    expect(app.cell(sheet, addr('T3.R1.BIZ'))).toMatchObject({ fill: '#FFFF00', conditionalFill: null });

    app.resetSyncCount();
    app.typeCell(sheet, addr('T3.R1.NP'), 12);
    await settle();
    expect(app.syncCount).toBeLessThanOrEqual(2);
    expect(last().result?.findings).toEqual([]);
    expect(app.paintedByConditionalFormats(sheet)).toEqual([]);
    expect(app.cell(sheet, addr('T3.R1.NP'))).toMatchObject({ fill: '#00B050', conditionalFill: null });
    expect(app.cell(sheet, addr('T3.R1.BIZ'))).toMatchObject({ fill: '#FFFF00', conditionalFill: null });
  });

  it('an edit that leaves the findings as they were costs one sync: no repaint', async () => {
    const { app } = bench.standIn;
    await host.startLive((c) => results.push(c));
    app.typeCell(sheet, addr('T3.NEW.NP'), 3);
    await settle();
    const before = last().result!.findings.map((f) => f.instance);
    app.resetSyncCount();
    app.typeCell(sheet, addr('T4.REVIEW.UPHELD'), 2);
    await settle();
    expect(app.syncCount).toBe(1);
    expect(last().result!.findings.map((f) => f.instance)).toEqual(before);
  });

  it('pasting a block is one check in at most 3 syncs', async () => {
    const { app } = bench.standIn;
    await host.startLive((c) => results.push(c));
    const n = results.length;
    app.resetSyncCount();
    app.paste(sheet, addr('T3.NEW.NP'), [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    await settle();
    expect(app.syncCount).toBeLessThanOrEqual(3);
    expect(results.length).toBe(n + 1);
    const cols = last()
      .result!.findings.filter((f) => f.rule === 'T3.balance')
      .map((f) => f.instance);
    for (const c of ['NP', 'BIZ', 'RES']) expect(cols.some((i) => i.includes(c))).toBe(true);
    expect(fillShown('T3.NEW.BIZ')).not.toBeNull();
  });

  it('clearing an input marks it unfilled; undo brings the value and the clean state back', async () => {
    const { app } = bench.standIn;
    await host.startLive((c) => results.push(c));
    app.clear(sheet, addr('T3.R2.LAW'));
    await settle();
    expect(last().result!.unfilled).toContain('T3.R2.LAW');
    // The sheet's own pale self-checking mark shows it; the add-in paints nothing over it.
    expect(fillShown('T3.R2.LAW')).toBe(SELF_CHECK_FILL.unfilled);
    // Each batch of the add-in's writes is an undo step of its own (the stand-in follows Excel), so the first undo
    // may take back the paint; undo until the value is back, as the user would.
    for (let i = 0; i < 3 && app.values(sheet, addr('T3.R2.LAW'))[0][0] === ''; i++) {
      app.undo();
      await settle();
    }
    expect(app.values(sheet, addr('T3.R2.LAW'))).toEqual([[0]]);
    expect(last().result!.unfilled).toEqual([]);
    expect(fillShown('T3.R2.LAW')).toBeNull();
  });

  it('fill-down is checked like typing', async () => {
    const { app } = bench.standIn;
    await host.startLive((c) => results.push(c));
    app.typeCell(sheet, addr('T3.NEW.OTH'), 4);
    app.fillDown(sheet, `${addr('T3.NEW.OTH')}:${addr('T3.CARRY_IN.OTH')}`);
    await settle();
    expect(app.values(sheet, addr('T3.CARRY_IN.OTH'))).toEqual([[4]]);
    const f = last().result!.findings.find((x) => x.rule === 'T3.balance' && x.instance.includes('OTH'));
    expect(f?.imbalance).toBe(-8);
  });

  it("ignores the add-in's own writes: no live check follows writeValues and painting does not loop", async () => {
    const { app } = bench.standIn;
    await host.startLive((c) => results.push(c));
    const n = results.length;
    app.resetSyncCount();
    const c = await host.writeValues({ 'T3.NEW.NP': 7, 'T3.CARRY_OUT.NP': 7 });
    await settle();
    expect(results.length).toBe(n);
    expect(c.result!.findings).toEqual([]);
    expect(app.values(sheet, addr('T3.CARRY_OUT.NP'))).toEqual([[7]]);
    // Write (1) + check (read 1, nothing to paint).
    expect(app.syncCount).toBeLessThanOrEqual(3);
  });

  it('stopLive stops listening', async () => {
    const { app } = bench.standIn;
    await host.startLive((c) => results.push(c));
    await host.stopLive();
    const n = results.length;
    app.typeCell(sheet, addr('T3.NEW.NP'), 9);
    await settle();
    expect(results.length).toBe(n);
  });

  it('goToCell selects the cell; clearHighlights removes every paint', async () => {
    const { app } = bench.standIn;
    app.typeCell(sheet, addr('T3.NEW.NP'), 9);
    await host.checkNow();
    expect(app.paintedByConditionalFormats(sheet).length).toBeGreaterThan(0);
    await host.goToCell('T3.R5_2.LAW');
    expect(app.selection()).toContain(addr('T3.R5_2.LAW'));
    await host.clearHighlights();
    // The self-checking formats still show the failed balance; the add-in's own paints are gone.
    const painted = app.paintedByConditionalFormats(sheet).map((p) => p.fill);
    for (const f of nonEmpty(Object.values(PAINT_FILL))) expect(painted).not.toContain(f);
  });

  it('after a reload (a new host), what was painted is found on the sheet and removed when fixed', async () => {
    const { app } = bench.standIn;
    app.typeCell(sheet, addr('T3.NEW.NP'), 9);
    await host.checkNow();
    host = createExcelHost({ debounceMs: 0 });
    app.typeCell(sheet, addr('T3.NEW.NP'), 0);
    const c = await host.checkNow();
    expect(c.result!.findings).toEqual([]);
    expect(app.paintedByConditionalFormats(sheet)).toEqual([]);
  });
});

describe('on an unprotected generated sheet', () => {
  beforeEach(() => setUp(false));

  it('a total overwritten by a typed number is reported as no longer a formula', async () => {
    const { app } = bench.standIn;
    await host.startLive((c) => results.push(c));
    app.typeCell(sheet, addr('T3.R1.TOT'), 5);
    await settle();
    const f = last().result!.findings.find((x) => x.rule === 'F.notFormula');
    expect(f?.cells).toContain('T3.R1.TOT');
    expect(fillShown('T3.R1.TOT')).not.toBeNull();
  });

  it('a row inserted inside table 三 is reported, and the values are still read by their labels', async () => {
    const { app } = bench.standIn;
    await host.writeValues({ 'T3.R3_2.NP': 3, 'T3.NEW.NP': 3 });
    await host.startLive((c) => results.push(c));
    const row = Number(addr('T3.R3_2.NP').replace(/^[A-Z]+/, ''));
    app.insertRows(sheet, row);
    await settle();
    const damaged = last().problems.find((p) => p.kind === 'tableDamaged' && p.table === 'T3');
    expect(damaged).toBeDefined();
    const damage = damaged && 'damage' in damaged ? damaged.damage : null;
    expect(damage?.kind === 'layout' ? damage.extraRows : []).toContain(row);
    expect(last().result!.cells['T3.R3_2.NP']).toBe(3);
    expect(last().cellAddress['T3.R3_2.NP']).toBe(`D${row + 1}`);
  });

  it('a deleted table block is reported and the other tables are still checked', async () => {
    const { app } = bench.standIn;
    await host.startLive((c) => results.push(c));
    const o = tableOrigin(bench.standIn, 'T4');
    app.deleteRows(sheet, o.row + 1, o.rows);
    await settle();
    expect(last().problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'tableDamaged', table: 'T4' })]),
    );
    expect(last().result).not.toBeNull();
    expect(last().result!.findings.filter((f) => f.table === 'T4')).toEqual([]);
  });

  it('a sheet the user protected against formatting is checked without painting, and says so', async () => {
    const { app } = bench.standIn;
    app.protectSheet(sheet);
    app.typeCell(sheet, addr('T3.NEW.NP'), 9);
    const c = await host.checkNow();
    expect(c.painted).toBe(false);
    expect(c.problems).toContainEqual({ kind: 'sheetProtected', sheet });
    expect(c.result!.findings.length).toBeGreaterThan(0);
    expect(app.paintedByConditionalFormats(sheet).map((p) => p.fill)).not.toContain(PAINT_FILL.errorStrong);
  });

  it('a deleted sheet is reported as deleted tables, not thrown', async () => {
    const { app } = bench.standIn;
    await host.checkNow();
    app.addSheet('其他');
    app.deleteSheet(sheet);
    const c = await host.checkNow();
    expect(c.result).toBeNull();
    expect(c.problems.map((p) => p.kind)).toEqual(['tableDamaged', 'tableDamaged', 'tableDamaged']);
  });

  it('moved tables are found again through their names', async () => {
    const { app } = bench.standIn;
    await host.checkNow();
    app.insertRows(sheet, 1, 5);
    const c = await host.checkNow();
    expect(c.problems).toEqual([]);
    expect(c.cellAddress['T3.NEW.NP']).toBe(addr('T3.NEW.NP'));
  });
});

it('at ExcelApi 1.14 the trigger source tells its own writes apart as well', async () => {
  bench = installStandIn({ excelApi: '1.14' });
  host = createExcelHost({ debounceMs: 0 });
  const out = await host.generate({ format: '2021', year: 2025, org: '', target: 'newSheet' });
  if (!out.ok) throw new Error('generate failed');
  sheet = out.sheet;
  results = [];
  await host.startLive((c) => results.push(c));
  const n = results.length;
  const zeros = Object.fromEntries(format.cells.filter((c) => c.role === 'input').map((c) => [c.id, 0]));
  await host.writeValues({ ...zeros, 'T3.NEW.NP': 2, 'T3.CARRY_OUT.NP': 2 });
  await settle();
  expect(results.length).toBe(n);
  bench.standIn.app.typeCell(sheet, addr('T3.NEW.NP'), 3);
  await settle();
  expect(results.length).toBe(n + 1);
  expect(last().result!.findings.some((f) => f.rule === 'T3.balance')).toBe(true);
});

it('no tables in the workbook is a problem, not an exception', async () => {
  bench = installStandIn();
  host = createExcelHost({ debounceMs: 0 });
  const c = await host.checkNow();
  expect(c.result).toBeNull();
  expect(c.problems).toEqual([{ kind: 'noTables' }]);
});

it('an old Excel is told what it lacks', async () => {
  bench = installStandIn({ excelApi: '1.5' });
  host = createExcelHost({ debounceMs: 0 });
  expect(host.missingRequirements()).toEqual(['ExcelApi 1.6', 'ExcelApi 1.7']);
  const out = await host.generate({ format: '2021', year: 2025, org: '', target: 'newSheet' });
  expect(out).toMatchObject({ ok: false, reason: 'unsupported' });
});
