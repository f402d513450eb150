/**
 * Generation through the real adapter against the Excel stand-in: the tables land where the spec puts them, with
 * live totals, merges, borders, number formats, names, metadata and protection; a non-empty target is refused.
 */
import { SELF_CHECK_FILL } from '../../src/model/layout';
import * as fs from 'fs';
import * as path from 'path';
import { a1, rectA1 } from '../../src/model/a1';
import { getFormat } from '../../src/model/formats';
import type { TableId } from '../../src/model/types';
import { generateReport } from '../../src/excel/generate';
import { at, installStandIn, sheetCells, tableOrigin, type Bench } from './harness';
import { nonEmpty, ofLength } from '../support/non-empty';

const spec = fs.readFileSync(path.join(__dirname, '../fixtures/spec/report-format.md'), 'utf8');

function specSection(start: string, end: string): string {
  const i = spec.indexOf(start);
  return spec.slice(i, spec.indexOf(end, i + start.length));
}

let bench: Bench;
beforeEach(() => {
  bench = installStandIn();
});
afterEach(() => bench.restore());

describe.each(['2021', '2019'] as const)('generate, %s format, on a new sheet', (formatId) => {
  const format = getFormat(formatId);

  it('puts every label, merge, input and live total where the format says, in at most 3 syncs', async () => {
    const { app } = bench.standIn;
    app.resetSyncCount();
    const out = await generateReport({ format: formatId, year: 2025, org: '某县统计局', target: 'newSheet' });
    expect(out.ok).toBe(true);
    expect(app.syncCount).toBeLessThanOrEqual(3);
    if (!out.ok) return;
    const cells = sheetCells(bench.standIn, out.sheet);
    const cellAt = (address: string) => cells.get(address)!;

    for (const t of ofLength(format.tables, 3)) {
      const o = tableOrigin(bench.standIn, t.id);
      expect(o.sheet).toBe(out.sheet);
      expect([o.rows, o.cols]).toEqual([t.rows, t.cols]);
      const addr = (row: number, col: number) => a1(o.row + row, o.col + col);
      for (const l of nonEmpty(t.labels)) {
        const cell = cellAt(addr(l.row, l.col));
        expect([l.text, cell.value]).toEqual([l.text, l.text]);
        if (l.rows > 1 || l.cols > 1)
          expect(cell.mergedArea).toBe(rectA1({ row: o.row + l.row, col: o.col + l.col, rows: l.rows, cols: l.cols }));
        expect(cell.borders.top).toBe('Continuous');
      }
      for (const c of nonEmpty(t.cells)) {
        const cell = cellAt(addr(c.row, c.col));
        expect(cell.numberFormat).toBe(c.kind === 'amount' ? '0.0000' : '0');
        if (c.sumOf) {
          const first = format.cellById.get(c.sumOf[0])!;
          const last = format.cellById.get(c.sumOf[c.sumOf.length - 1])!;
          expect([c.id, cell.formula]).toEqual([
            c.id,
            `=SUM(${addr(first.row, first.col)}:${addr(last.row, last.col)})`,
          ]);
          expect(cell.locked).toBe(true);
        } else {
          // Input cells start blank: not yet filled is not the same as 0.
          expect([c.id, cell.value]).toEqual([c.id, '']);
          expect(cell.locked).toBe(false);
        }
      }
    }
    expect(app.protection(out.sheet)).toMatchObject({ protected: true, options: { allowFormatCells: true } });
    expect(app.settings()['disclosureTables.report']).toMatchObject({
      format: formatId,
      year: 2025,
      org: '某县统计局',
    });
    // A fresh table breaks no self-check: only its blank input cells carry the pale "not yet filled" mark.
    const painted = app.paintedByConditionalFormats(out.sheet);
    const inputs = format.tables.flatMap((t) => {
      const o = tableOrigin(bench.standIn, t.id);
      return t.cells.filter((c) => c.role === 'input').map((c) => a1(o.row + c.row, o.col + c.col));
    });
    expect(inputs.length).toBeGreaterThan(100);
    for (const p of nonEmpty(painted)) expect([p.address, p.fill]).toEqual([p.address, SELF_CHECK_FILL.unfilled]);
    const shown = new Set(painted.map((p) => p.address));
    for (const a of inputs) expect([a, shown.has(a)]).toEqual([a, true]);
  });
});

describe('generate (2021) against the spec text', () => {
  it('table 三: every `RANGE` `label` pair of the spec is there, merged, relative to the table origin', async () => {
    const out = await generateReport({ format: '2021', year: 2024, org: '', target: 'newSheet' });
    if (!out.ok) throw new Error('generate failed');
    const o = tableOrigin(bench.standIn, 'T3');
    const text = specSection('## Table 三', '## Table 四');
    const cells = sheetCells(bench.standIn, out.sheet);
    const pairs = [...text.matchAll(/([A-J]\d+(?::[A-J]\d+)?)`?\s*(?:=\s*)?`([^`]+)`/g)].map((m) => [m[1], m[2]]);
    expect(pairs.length).toBeGreaterThanOrEqual(30);
    for (const [rel, label] of pairs) {
      const target = at(o, rel);
      const cell = cells.get(target.split(':')[0])!;
      expect([rel, cell.value]).toEqual([rel, label]);
      if (rel.includes(':')) expect([rel, cell.mergedArea]).toEqual([rel, target]);
    }
  });

  it('table 四: headers and the four 总计 formulas', async () => {
    const out = await generateReport({ format: '2021', year: 2024, org: '', target: 'newSheet' });
    if (!out.ok) throw new Error('generate failed');
    const o = tableOrigin(bench.standIn, 'T4');
    const app = bench.standIn.app;
    expect(app.cell(out.sheet, at(o, 'A1')).mergedArea).toBe(at(o, 'A1:E1'));
    expect(app.cell(out.sheet, at(o, 'F1')).mergedArea).toBe(at(o, 'F1:O1'));
    expect(app.cell(out.sheet, at(o, 'E4')).formula).toBe(`=SUM(${at(o, 'A4:D4')})`);
    expect(app.cell(out.sheet, at(o, 'J4')).formula).toBe(`=SUM(${at(o, 'F4:I4')})`);
    expect(app.cell(out.sheet, at(o, 'O4')).formula).toBe(`=SUM(${at(o, 'K4:N4')})`);
  });

  it('the self-checking formats flag a broken balance without the add-in', async () => {
    const out = await generateReport({ format: '2021', year: 2024, org: '', target: 'newSheet' });
    if (!out.ok) throw new Error('generate failed');
    const o = tableOrigin(bench.standIn, 'T3');
    const app = bench.standIn.app;
    // A column being filled from the top is not marked: 一 typed, the rest still blank.
    app.typeCell(out.sheet, at(o, 'D4'), 5);
    const errorFill = (address: string) =>
      app.paintedByConditionalFormats(out.sheet).some((p) => p.address === address && p.fill === SELF_CHECK_FILL.error);
    expect(errorFill(at(o, 'D4'))).toBe(false);
    // 一 0, 二 0, 四 5: 三 + 四 is above 一 + 二 whatever is still typed in 三.
    app.typeCell(out.sheet, at(o, 'D4'), 0);
    app.typeCell(out.sheet, at(o, 'D5'), 0);
    app.typeCell(out.sheet, at(o, 'D28'), 5);
    // 一 + 二 ≠ 三（七） + 四 in column 自然人: the four cells of the balance in that column.
    for (const rel of ['D4', 'D5', 'D27', 'D28']) expect([rel, errorFill(at(o, rel))]).toEqual([rel, true]);
    expect(errorFill(at(o, 'E4'))).toBe(false);
  });
});

describe('generate at the selection', () => {
  it('writes at the selected cell when the area is empty', async () => {
    const { app } = bench.standIn;
    app.select('Sheet1', 'C5');
    app.resetSyncCount();
    const out = await generateReport({ format: '2021', year: 2025, org: '某镇', target: 'selection', protect: false });
    expect(out).toMatchObject({ ok: true, sheet: 'Sheet1' });
    expect(app.syncCount).toBeLessThanOrEqual(3);
    const o = tableOrigin(bench.standIn, 'T2');
    expect(o.col).toBe(2);
    expect(app.protection('Sheet1').protected).toBe(false);
  });

  it('refuses a non-empty target and changes nothing', async () => {
    const { app } = bench.standIn;
    app.typeCell('Sheet1', 'H30', '用户的数据');
    app.formatCells('Sheet1', 'B2', { fill: '#00FF00' });
    app.select('Sheet1', 'B2');
    const before = JSON.stringify(app.view('Sheet1', 60, 20));
    const namesBefore = app.names();
    const out = await generateReport({ format: '2021', year: 2025, org: '', target: 'selection' });
    expect(out).toMatchObject({ ok: false, reason: 'targetNotEmpty', sheet: 'Sheet1' });
    expect(JSON.stringify(app.view('Sheet1', 60, 20))).toBe(before);
    expect(app.names()).toEqual(namesBefore);
    expect(app.settings()).toEqual({});
    expect(app.conditionalFormats('Sheet1')).toEqual([]);
  });

  it('refuses a sheet the user protected', async () => {
    const { app } = bench.standIn;
    app.protectSheet('Sheet1');
    const out = await generateReport({ format: '2021', year: 2025, org: '', target: 'selection' });
    expect(out).toMatchObject({ ok: false, reason: 'sheetProtected' });
  });
});

it('generating again moves the workbook-level names to the new set; each set keeps its own names and year', async () => {
  const { app } = bench.standIn;
  const first = await generateReport({ format: '2021', year: 2024, org: '某镇', target: 'newSheet' });
  const out = await generateReport({ format: '2021', year: 2025, org: '某县统计局', target: 'newSheet' });
  if (!out.ok || !first.ok) throw new Error('generate failed');
  for (const t of ['T2', 'T3', 'T4'] as TableId[]) expect(tableOrigin(bench.standIn, t).sheet).toBe(out.sheet);
  const names = app.names();
  expect(names.filter((n) => n.scope === null).map((n) => n.name)).toEqual(
    ['T2', 'T3', 'T4'].map((t) => `DisclosureTables_${t}`),
  );
  // Worksheet-scoped names, one per table, on each set's sheet, pointing into that sheet, saying its year.
  for (const [sheet, comment] of [
    [first.sheet, 'T3 2021 2024 某镇'],
    [out.sheet, 'T3 2021 2025 某县统计局'],
  ]) {
    const own = names.filter((n) => n.scope === sheet);
    expect(own.map((n) => n.name)).toEqual(['T2', 'T3', 'T4'].map((t) => `DisclosureTables_${t}`));
    for (const n of own) expect(n.formula.startsWith(`='${sheet}'!`)).toBe(true);
    expect(own[1].comment).toBe(comment);
  }
});

it('a workbook of an earlier version (workbook-level names only) keeps its set found when a second is generated', async () => {
  const { app } = bench.standIn;
  const first = await generateReport({ format: '2021', year: 2024, org: '某镇', target: 'newSheet' });
  if (!first.ok) throw new Error('generate failed');
  // What an earlier version left: the workbook-level names (comment `T2 2021`) and the setting, nothing on the sheet.
  await Excel.run(async (ctx) => {
    const names = ctx.workbook.worksheets.getItem(first.sheet).names;
    for (const t of ['T2', 'T3', 'T4']) names.getItem(`DisclosureTables_${t}`).delete();
    await ctx.sync();
  });
  const refs = app.names().map((n) => n.formula);
  expect(app.names().every((n) => n.scope === null)).toBe(true);
  const out = await generateReport({ format: '2021', year: 2025, org: '某县统计局', target: 'newSheet' });
  if (!out.ok) throw new Error('generate failed');
  const own = app.names().filter((n) => n.scope === first.sheet);
  expect(own.map((n) => n.formula)).toEqual(refs);
  expect(own[0].comment).toBe('T2 2021 2024 某镇');
});

it('refuses to generate at a selection on a sheet that already holds a set, naming the sheet, and writes nothing', async () => {
  const { app } = bench.standIn;
  const first = await generateReport({ format: '2021', year: 2024, org: '某镇', target: 'newSheet', protect: false });
  if (!first.ok) throw new Error('generate failed');
  app.select(first.sheet, 'T200');
  const before = JSON.stringify(app.view(first.sheet, 220, 30));
  const namesBefore = app.names();
  const out = await generateReport({ format: '2021', year: 2025, org: '某镇', target: 'selection', protect: false });
  expect(out).toEqual({ ok: false, reason: 'sheetHoldsSet', sheet: first.sheet });
  expect(JSON.stringify(app.view(first.sheet, 220, 30))).toBe(before);
  expect(app.names()).toEqual(namesBefore);
});
