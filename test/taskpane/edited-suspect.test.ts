/**
 * The cell the user just changed is the first suspect: the real Excel host over the stand-in, the user typing,
 * pasting, deleting and undoing in the sheet; what the host says about the findings and what it paints.
 */
import { getFormat } from '../../src/model/formats';
import { groupMistakes } from '../../src/model/mistakes';
import { applyEdits, findingKey } from '../../src/model/recent-edit';
import type { CellId } from '../../src/model/types';
import { createExcelHost, type ExcelHost } from '../../src/excel/host';
import type { HostCheck } from '../../src/taskpane/host-api';
import { PAINT_FILL } from '../../src/excel/palette';
import { cellAddressOf, generateSheet, installStandIn, type Bench } from '../excel/harness';

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

const last = () => results[results.length - 1];

/**
 * Ctrl+Z, at least once and at most six times, until the cell shows `value` again (the add-in's own paint batches are
 * undo steps too, as in Excel).
 */
async function undoUntil(id: CellId, value: number | string): Promise<void> {
  const { app } = bench.standIn;
  let presses = 0;
  do {
    expect(app.undo()).toBe(true);
    await settle();
  } while (++presses < 6 && app.cell(sheet, addr(id)).value !== value);
  expect(app.cell(sheet, addr(id)).value).toBe(value);
}

/** The mistakes the pane lists, with the edits applied, as the pane sees them. */
function mistakes(c: HostCheck) {
  const shown = applyEdits(c.result!.findings, c.edits ?? {});
  return groupMistakes(c.result!.format, shown, new Set(c.formulaCells)).filter((m) => m.finding.severity === 'error');
}

function strongCells(): CellId[] {
  return format.cells
    .filter((c) => bench.standIn.app.cell(sheet, addr(c.id)).conditionalFill === PAINT_FILL.errorStrong)
    .map((c) => c.id);
}

/** 自然人 column of table 三 consistent: 12 received, 12 disclosed, nothing carried. */
const CONSISTENT: Record<CellId, number> = Object.fromEntries(
  format.cells.filter((c) => c.role === 'input').map((c) => [c.id, 0]),
);
Object.assign(CONSISTENT, { 'T3.NEW.NP': 12, 'T3.R1.NP': 12 });

beforeEach(async () => {
  bench = installStandIn();
  host = createExcelHost({ debounceMs: 0 });
  sheet = await generateSheet(host);
  results = [];
  await host.writeValues(CONSISTENT);
  await host.startLive((c) => results.push(c));
  expect(last().result!.findings.filter((f) => f.severity === 'error')).toEqual([]);
});

afterEach(async () => {
  await host.stopLive();
  bench.restore();
});

describe('a typed value that breaks a relation', () => {
  it('digit swap (21 for 12 in （一）予以公开): one mistake, the typed cell first, 12 suggested, painted alone', async () => {
    bench.standIn.app.typeCell(sheet, addr('T3.R1.NP'), 21);
    await settle();
    const m = mistakes(last());
    expect(m).toHaveLength(1);
    expect(m[0].finding.rule).toBe('T3.balance');
    expect(m[0].finding.suspects[0]).toBe('T3.R1.NP');
    expect(m[0].finding.suggestion).toEqual({ 'T3.R1.NP': 12 });
    expect(m[0].finding.suggestionReason).toBe('digitTypo');
    // The 总计 column repeats the imbalance: shown inside, not as a second mistake.
    expect(m[0].echoes.map((f) => f.rule)).toEqual(['T3.balance']);
    const edit = last().edits![findingKey(m[0].finding)];
    expect(edit).toMatchObject({ cell: 'T3.R1.NP', before: 12, after: 21, fix: 12 });
    expect(strongCells()).toEqual(['T3.R1.NP']);
  });

  it('plain typo (13 for 12): the typed cell is the suspect and the only cell painted as most likely', async () => {
    bench.standIn.app.typeCell(sheet, addr('T3.R1.NP'), 13);
    await settle();
    const m = mistakes(last());
    expect(m).toHaveLength(1);
    expect(m[0].finding.suspects[0]).toBe('T3.R1.NP');
    expect(m[0].finding.suggestion).toEqual({ 'T3.R1.NP': 12 });
    expect(strongCells()).toEqual(['T3.R1.NP']);
  });

  it('a later unrelated edit keeps the attribution; fixing the cell clears everything', async () => {
    const { app } = bench.standIn;
    app.typeCell(sheet, addr('T3.R1.NP'), 21);
    await settle();
    app.typeCell(sheet, addr('T2.NORM.ISSUED'), 3);
    await settle();
    expect(mistakes(last())[0].finding.suspects[0]).toBe('T3.R1.NP');
    app.typeCell(sheet, addr('T3.R1.NP'), 12);
    await settle();
    expect(mistakes(last())).toEqual([]);
    expect(strongCells()).toEqual([]);
  });

  it('a paste: the pasted cell that explains the break is the suspect', async () => {
    const r1 = format.cellById.get('T3.R1.NP')!;
    const biz = format.t3.applicantColumns[1];
    expect(format.cellById.get(`T3.R1.${biz}`)!.col).toBe(r1.col + 1);
    // Two cells pasted side by side: 自然人 gets 15 (a typo for 12), the next column its own correct 0.
    bench.standIn.app.paste(sheet, addr('T3.R1.NP'), [[15, 0]]);
    await settle();
    const m = mistakes(last());
    expect(m).toHaveLength(1);
    expect(m[0].finding.suspects[0]).toBe('T3.R1.NP');
    expect(m[0].finding.suggestion).toEqual({ 'T3.R1.NP': 12 });
  });

  it('delete, then undo: a deleted cell is not filled yet (no error), undo brings the clean state back', async () => {
    const { app } = bench.standIn;
    app.clear(sheet, addr('T3.R1.NP'));
    await settle();
    // （一） blank: （七）总计 waits for it, the balance is incomplete, not an error.
    expect(mistakes(last())).toEqual([]);
    expect(last().result!.unfilled).toContain('T3.R1.NP');
    await undoUntil('T3.R1.NP', 12);
    expect(mistakes(last())).toEqual([]);
    expect(last().result!.unfilled).toEqual([]);
    expect(strongCells()).toEqual([]);
  });

  it('undo of a correction brings the mistake back with the undone cell first', async () => {
    const { app } = bench.standIn;
    app.typeCell(sheet, addr('T3.R1.NP'), 21);
    await settle();
    app.typeCell(sheet, addr('T3.R1.NP'), 12);
    await settle();
    await undoUntil('T3.R1.NP', 21);
    const m = mistakes(last());
    expect(m).toHaveLength(1);
    expect(m[0].finding.suspects[0]).toBe('T3.R1.NP');
  });
});

describe('where nothing was just edited', () => {
  it('the error locator stays the judge (a check without an edit names no edit)', async () => {
    await host.stopLive();
    await host.writeValues({ 'T3.R1.NP': 21 });
    const c = await host.checkNow();
    expect(c.edits).toEqual({});
  });
});
