/**
 * Where real Excel is stricter than an ideal one, through Microsoft's office.js client and the stand-in's RichApi
 * host: each behaviour is cited in the stand-in, and each test here failed on the adapter before it was fixed for
 * that behaviour.
 */
import { generateRefusalText } from '../../src/taskpane/generate-outcome';
import { strings } from '../../src/taskpane/i18n';
import { a1 } from '../../src/model/a1';
import { getFormat } from '../../src/model/formats';
import type { CellId } from '../../src/model/types';
import { createExcelHost, type ExcelHost } from '../../src/excel/host';
import type { HostCheck } from '../../src/taskpane/host-api';
import { PAINT_FILL } from '../../src/excel/palette';
import type { StandInOptions } from '../../standin';
import { cellAddressOf, generateSheet, installStandIn, tableOrigin, type Bench } from './harness';

const format = getFormat('2021');
const OUR_FILLS = new Set<string>(Object.values(PAINT_FILL).map((f) => f.toUpperCase()));

let bench: Bench;
let host: ExcelHost;
let sheet: string;
let results: HostCheck[];

function addr(id: CellId): string {
  return cellAddressOf(bench.standIn, format, id);
}

function column(id: CellId): string {
  return addr(id).replace(/\d+$/, '');
}

async function settle(): Promise<void> {
  await bench.standIn.app.settle();
  await host.whenIdle();
}

function last(): HostCheck {
  return results[results.length - 1];
}

/** Cells the add-in's own highlights paint now. */
function ourPaint(): string[] {
  return bench.standIn.app
    .paintedByConditionalFormats(sheet)
    .filter((p) => p.fill && OUR_FILLS.has(p.fill.toUpperCase()))
    .map((p) => p.address);
}

beforeEach(() => start());

/** A fresh stand-in (options: the Excel it plays) with a generated table filled with 0. */
async function start(opts: StandInOptions = {}): Promise<void> {
  bench?.restore();
  bench = installStandIn(opts);
  host = createExcelHost({ debounceMs: 0 });
  sheet = await generateSheet(host);
  // Generated input cells start blank; these tests start from a table filled with 0.
  const format = getFormat('2021');
  await host.writeValues(Object.fromEntries(format.cells.filter((c) => c.role === 'input').map((c) => [c.id, 0])));
  results = [];
}

afterEach(async () => {
  bench.standIn.app.leaveCellEditMode();
  await host.stopLive();
  expect(bench.standIn.app.handlerErrors).toEqual([]);
  bench.restore();
});

describe('conditional formats the user made', () => {
  it.each(['DataBar', 'ColorScale', 'CellValue'])(
    "a user's %s on a table does not stop checking (loading `custom` on it fails in Excel: office-js issue 2180)",
    async (type) => {
      const { app } = bench.standIn;
      const o = tableOrigin(bench.standIn, 'T3');
      app.addConditionalFormat(sheet, `${a1(o.row, o.col)}:${a1(o.row + o.rows - 1, o.col + o.cols - 1)}`, type);
      app.typeCell(sheet, addr('T3.NEW.NP'), 9);
      const c = await host.checkNow();
      expect(c.problems).toEqual([]);
      expect(c.result?.findings.length).toBeGreaterThan(0);
      expect(c.painted).toBe(true);
      expect(ourPaint()).toContain(addr('T3.NEW.NP'));
      // The user's rule is still there.
      expect(app.conditionalFormats(sheet).some((cf) => cf.type === type)).toBe(true);
    },
  );

  it("highlights are removed by id: several in one batch, and a user's own rule between them survives", async () => {
    const { app } = bench.standIn;
    app.typeCell(sheet, addr('T3.NEW.NP'), 9);
    await host.checkNow();
    expect(ourPaint().length).toBeGreaterThan(1);
    // The user's own formula rule on the same table, added after the add-in painted.
    app.addConditionalFormat(sheet, addr('T3.R1.BIZ'), 'Custom', { formula: '=TRUE', fill: '#00B0F0' });
    app.typeCell(sheet, addr('T3.NEW.NP'), 0);
    const c = await host.checkNow();
    expect(c.problems).toEqual([]);
    expect(c.result?.findings).toEqual([]);
    expect(ourPaint()).toEqual([]);
    expect(app.cell(sheet, addr('T3.R1.BIZ')).conditionalFill).toBe('#00B0F0');
  });
});

describe('what the user does while the add-in works', () => {
  it('typing in a cell during a live check: the check waits until the user leaves the cell (delayForCellEdit)', async () => {
    const { app } = bench.standIn;
    await host.startLive((c) => results.push(c));
    const before = results.length;
    app.typeCell(sheet, addr('T3.NEW.NP'), 9);
    app.enterCellEditMode();
    await app.settle();
    await new Promise((r) => setTimeout(r, 30));
    // Excel holds the batch while the user types: no check has finished, none has failed.
    expect(results.length).toBe(before);
    app.leaveCellEditMode();
    await settle();
    expect(last().problems).toEqual([]);
    expect(last().result?.findings.length).toBeGreaterThan(0);
    expect(ourPaint()).toContain(addr('T3.NEW.NP'));
  });

  it('clearing a whole column of a table (event address `D:D`) still checks', async () => {
    const { app } = bench.standIn;
    await host.writeValues({ 'T3.NEW.NP': 12, 'T3.R1.NP': 12 });
    await host.startLive((c) => results.push(c));
    expect(last().result?.findings).toEqual([]);
    const n = results.length;
    app.clear(sheet, `${column('T3.R1.NP')}:${column('T3.R1.NP')}`);
    await settle();
    expect(results.length).toBeGreaterThan(n);
    expect(app.values(sheet, addr('T3.R1.NP'))).toEqual([['']]);
  });

  it('clearing a whole row of a table (event address `12:12`) still checks', async () => {
    const { app } = bench.standIn;
    await host.writeValues({ 'T3.NEW.NP': 12, 'T3.R1.NP': 12 });
    await host.startLive((c) => results.push(c));
    const n = results.length;
    const row = addr('T3.R1.NP').replace(/^[A-Z]+/, '');
    app.clear(sheet, `${row}:${row}`);
    await settle();
    // The row's label went with it: the check runs and says what it found.
    expect(results.length).toBeGreaterThan(n);
    expect(last().problems.length + (last().result?.findings.length ?? 0)).toBeGreaterThan(0);
  });

  it("a co-author's edit (source Remote) is checked here but painted only by the co-author's own pane", async () => {
    const { app } = bench.standIn;
    await host.startLive((c) => results.push(c));
    const n = results.length;
    app.coauthorTypeCell(sheet, addr('T3.NEW.NP'), 9);
    await settle();
    expect(results.length).toBeGreaterThan(n);
    expect(last().result?.findings.length).toBeGreaterThan(0);
    expect(ourPaint()).toEqual([]);
    // The next edit made here paints.
    app.typeCell(sheet, addr('T3.R1.NP'), 1);
    await settle();
    expect(ourPaint().length).toBeGreaterThan(0);
  });
});

describe('copy and paste carry conditional formats', () => {
  it('a highlight copied to another cell does not paint it, and a copy that lands in a table is swept by the next check', async () => {
    const { app } = bench.standIn;
    app.typeCell(sheet, addr('T3.NEW.NP'), 9);
    await host.checkNow();
    expect(ourPaint()).toContain(addr('T3.NEW.NP'));
    // Outside the tables: the rule came along with the format, and it is false there.
    app.copyPaste(sheet, addr('T3.NEW.NP'), 'Z100');
    expect(app.conditionalFormats(sheet).some((cf) => cf.ranges.includes('Z100'))).toBe(true);
    expect(ourPaint()).not.toContain('Z100');
    // Inside a table: the copy's cell id is not where it sits; the next check removes it.
    const target = addr('T4.REVIEW.UPHELD');
    app.copyPaste(sheet, addr('T3.NEW.NP'), target);
    await host.checkNow();
    const rulesOnTarget = app.conditionalFormats(sheet).filter((cf) => cf.ranges.includes(target));
    expect(rulesOnTarget.filter((cf) => cf.formula?.includes('DisclosureTables:T3.NEW.NP'))).toEqual([]);
    expect(ourPaint()).toContain(addr('T3.NEW.NP'));
  });
});

describe('stray copies of highlights', () => {
  /** The add-in's rules (by their tag) that sit on `cell`. */
  const oursOn = (cell: string) =>
    bench.standIn.app
      .conditionalFormats(sheet)
      .filter((cf) => cf.formula?.includes('DisclosureTables:') && cf.ranges.some((r) => r.split(':')[0] === cell));

  it('a highlight copied outside the tables (paste, then fill-down) is swept by the next paint', async () => {
    const { app } = bench.standIn;
    app.typeCell(sheet, addr('T3.NEW.NP'), 9);
    await host.checkNow();
    expect(ourPaint()).toContain(addr('T3.NEW.NP'));
    app.copyPaste(sheet, addr('T3.NEW.NP'), 'Z100');
    app.fillDown(sheet, 'Z100:Z102');
    expect(oursOn('Z100').length).toBeGreaterThan(0);
    const c = await host.checkNow();
    expect(c.painted).toBe(true);
    for (const cell of ['Z100', 'Z101', 'Z102']) expect(oursOn(cell)).toEqual([]);
    // The original stays, once.
    expect(oursOn(addr('T3.NEW.NP'))).toHaveLength(1);
    expect(ourPaint()).toContain(addr('T3.NEW.NP'));
  });

  it("clearing the highlights also removes copies outside the tables, and leaves the user's own rules", async () => {
    const { app } = bench.standIn;
    app.typeCell(sheet, addr('T3.NEW.NP'), 9);
    await host.checkNow();
    app.copyPaste(sheet, addr('T3.NEW.NP'), 'Z100');
    app.addConditionalFormat(sheet, 'Z101', 'Custom', { formula: '=TRUE', fill: '#00B0F0' });
    await host.clearHighlights();
    expect(app.conditionalFormats(sheet).filter((cf) => cf.formula?.includes('DisclosureTables:'))).toEqual([]);
    expect(app.cell(sheet, 'Z101').conditionalFill).toBe('#00B0F0');
  });
});

describe('undo (Ctrl+Z) on both kinds of Excel', () => {
  it('with API undo, Ctrl+Z first takes back the highlights with no event: the findings stay, the next check paints again', async () => {
    const { app } = bench.standIn;
    await host.startLive((c) => results.push(c));
    app.typeCell(sheet, addr('T3.NEW.NP'), 9);
    await settle();
    expect(ourPaint()).toContain(addr('T3.NEW.NP'));
    const n = results.length;
    expect(app.undo()).toBe(true);
    await settle();
    // The add-in's paint batch was the last undo step: gone from the sheet, and Excel said nothing.
    expect(results.length).toBe(n);
    expect(ourPaint()).toEqual([]);
    expect(app.values(sheet, addr('T3.NEW.NP'))).toEqual([[9]]);
    expect(last().result?.findings.length).toBeGreaterThan(0);
    // The next check reads what is painted from the sheet, not from memory, and paints the mistake again.
    app.typeCell(sheet, addr('T3.R1.NP'), 0);
    await settle();
    expect(results.length).toBeGreaterThan(n);
    expect(ourPaint()).toContain(addr('T3.NEW.NP'));
  });

  it('with API undo, a highlight Ctrl+Z brings back over a fixed cell is removed by the next check', async () => {
    const { app } = bench.standIn;
    await host.startLive((c) => results.push(c));
    app.typeCell(sheet, addr('T3.NEW.NP'), 9);
    await settle();
    app.typeCell(sheet, addr('T3.NEW.NP'), 0);
    await settle();
    expect(last().result?.findings).toEqual([]);
    expect(ourPaint()).toEqual([]);
    // Ctrl+Z takes back the add-in's removal: the old highlight is back on a correct cell, with no event.
    expect(app.undo()).toBe(true);
    await settle();
    expect(ourPaint()).toContain(addr('T3.NEW.NP'));
    expect(app.values(sheet, addr('T3.NEW.NP'))).toEqual([[0]]);
    // Ctrl+Z again restores the 9 typed before: an edit, checked; then the fix typed again, checked and swept.
    expect(app.undo()).toBe(true);
    await settle();
    expect(last().result?.findings.length).toBeGreaterThan(0);
    app.typeCell(sheet, addr('T3.NEW.NP'), 0);
    await settle();
    expect(last().result?.findings).toEqual([]);
    expect(ourPaint()).toEqual([]);
  });

  it("without API undo, a check that paints nothing keeps the user's Ctrl+Z; one that paints clears it, as Excel does", async () => {
    await start({ apiUndo: false });
    const { app } = bench.standIn;
    await host.startLive((c) => results.push(c));
    app.typeCell(sheet, addr('T3.R1.NP'), 0);
    await settle();
    // The check only read: the user's typing is still undoable.
    expect(app.undoDepth).toBe(1);
    app.typeCell(sheet, addr('T3.NEW.NP'), 9);
    await settle();
    expect(ourPaint()).toContain(addr('T3.NEW.NP'));
    // Painting was an API write: Excel cleared the undo stack, so nothing can take the highlight away unseen.
    expect(app.undoDepth).toBe(0);
    expect(app.undo()).toBe(false);
    expect(app.values(sheet, addr('T3.NEW.NP'))).toEqual([[9]]);
    // A user's Ctrl+Z after a later edit that paints nothing new undoes the edit and is checked.
    const n = results.length;
    app.typeCell(sheet, addr('T3.R2.NP'), 0);
    await settle();
    expect(app.undo()).toBe(true);
    await settle();
    expect(results.length).toBeGreaterThan(n);
    expect(last().result?.findings.length).toBeGreaterThan(0);
    expect(ourPaint()).toContain(addr('T3.NEW.NP'));
  });
});

describe('protection', () => {
  it.each([false, true])(
    'on a sheet protected with allowFormatCells (Excel refusing conditional formats there: %s) the check runs, the sheet stays protected, and a refused paint is explained',
    async (refused) => {
      bench.restore();
      bench = installStandIn({ refuseConditionalFormatsWhenProtected: refused });
      host = createExcelHost({ debounceMs: 0 });
      const out = await host.generate({
        format: '2021',
        year: 2025,
        org: '某县统计局',
        target: 'newSheet',
        protect: true,
      });
      if (!out.ok) throw new Error('generate failed');
      sheet = out.sheet;
      const { app } = bench.standIn;
      // Generated inputs are blank: a table filled with 0, then 一 typed, breaks the balance.
      const format = getFormat('2021');
      await host.writeValues(Object.fromEntries(format.cells.filter((x) => x.role === 'input').map((x) => [x.id, 0])));
      app.typeCell(sheet, addr('T3.NEW.NP'), 9);
      const c = await host.checkNow();
      expect(c.result?.findings.length).toBeGreaterThan(0);
      expect(app.protection(sheet).protected).toBe(true);
      if (refused) {
        expect(c.problems).toEqual([{ kind: 'sheetProtected', sheet }]);
        expect(c.painted).toBe(false);
        expect(ourPaint()).toEqual([]);
      } else {
        expect(c.problems).toEqual([]);
        expect(c.painted).toBe(true);
        expect(ourPaint()).toContain(addr('T3.NEW.NP'));
      }
    },
  );
});

describe('generating at the selection', () => {
  it('with several areas selected (getSelectedRange throws in Excel), says so in words and writes nothing', async () => {
    const { app } = bench.standIn;
    app.selectAreas('Sheet1', ['B2', 'F10:G12']);
    const before = app.usedRange('Sheet1');
    const out = await host.generate({ format: '2021', year: 2025, org: '某镇', target: 'selection', protect: false });
    expect(out).toEqual({ ok: false, reason: 'badSelection' });
    if (out.ok) throw new Error('generated');
    // The host says why as data; the pane words it through the message table.
    const message = generateRefusalText(out, strings('zh'), 'zh');
    expect(message).toContain('选中了多个区域');
    expect(message).not.toMatch(/InvalidSelection|getSelectedRange/);
    expect(app.usedRange('Sheet1')).toBe(before);
  });
});
