import * as fs from 'fs';
import * as path from 'path';
import { importReportText } from '../../src/io/text';
import { getFormat } from '../../src/model/formats';
import { blockOf, overwriteOf, planImport } from '../../src/taskpane/import-plan';
import { passingResult } from './fake-host';
import { nonEmpty } from '../support/non-empty';

const text = fs.readFileSync(
  path.join(__dirname, '..', 'fixtures', 'samples', '90-FIXTURE-NOT-REAL-hangzhou-style-test-city-2025.txt'),
  'utf8',
);
const format = getFormat('2021');
const inputs = format.cells.filter((c) => c.role === 'input').map((c) => c.id);
const totals = nonEmpty(format.cells.filter((c) => c.role === 'total').map((c) => c.id));

describe('import plan', () => {
  it('writes the numbers of input cells only: never totals, never text that is not a number', () => {
    const read = importReportText(text);
    const [unreadable] = inputs;
    const plan = planImport({ ...read, cells: { ...read.cells, [unreadable]: '十二' } });
    expect(Object.keys(plan.values).sort()).toEqual(inputs.filter((id) => id !== unreadable).sort());
    for (const id of totals) expect(plan.values).not.toHaveProperty(id);
    expect(plan.notNumber).toBe(1);
    expect(plan.read).toBe(Object.keys(read.cells).length);
    expect(blockOf(plan, passingResult('2021'))).toBeNull();
  });

  it('counts the cells the report leaves blank apart from those the reader could not read', () => {
    const partial = fs.readFileSync(
      path.join(__dirname, '..', 'fixtures', 'samples', '06-xuwen-bureau-blank-cells-partial.txt'),
      'utf8',
    );
    const read = importReportText(partial);
    expect(read.unread.length).toBeGreaterThan(0);
    expect(read.unfilled.length).toBeGreaterThan(0);
    const plan = planImport(read);
    expect(plan.unread).toBe(read.unread.length);
    expect(plan.unfilled).toBe(read.unfilled.length);
    for (const u of read.unread) expect(plan.values).not.toHaveProperty(u.cell);
  });

  it('counts the non-zero figures in the tables and those the import would change', () => {
    const plan = planImport(importReportText(text));
    const tables = passingResult('2021');
    expect(overwriteOf(plan, tables)).toEqual({ held: 0, changed: 0 });
    const [a, b] = inputs;
    tables.cells[a] = plan.values[a] + 1;
    // A figure equal to the imported one is kept, not changed.
    tables.cells[b] = plan.values[b] === 0 ? 5 : plan.values[b];
    const changedB = plan.values[b] === 0 ? 1 : 0;
    expect(overwriteOf(plan, tables)).toEqual({ held: 2, changed: 1 + changedB });
  });

  it('blocks a text without tables, a workbook without tables, and a format mismatch', () => {
    const empty = planImport(importReportText('没有表格的文字'));
    expect(blockOf(empty, passingResult('2021'))).toEqual({ kind: 'noTablesInText' });
    const plan = planImport(importReportText(text));
    expect(blockOf(plan, null)).toEqual({ kind: 'needTables' });
    expect(blockOf(plan, passingResult('2019'))).toEqual({ kind: 'formatMismatch', tables: '2019' });
  });
});
