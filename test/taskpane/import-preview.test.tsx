/** @jest-environment jsdom */
/**
 * The import preview shows the three tables with what each cell gets (a number written, a blank of the report, a
 * cell the reader could not read), warns when the report is another year's or body's than the tables, and offers
 * 生成并导入 when the workbook has none.
 */
import './jsdom-env';
import * as fs from 'fs';
import * as path from 'path';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { importReportText } from '../../src/io/text';
import { App } from '../../src/taskpane/App';
import { strings } from '../../src/taskpane/i18n';
import { getFormat } from '../../src/model/formats';
import { mismatchOf, planImport, previewCell } from '../../src/taskpane/import-plan';
import { previewGrid } from '../../src/taskpane/preview-grid';
import type { FormatId } from '../../src/model/types';
import { callsOf, createFakeHost, createModelHost, hostCheck, passingResult } from './fake-host';
import { pasteReport } from './paste-report';
import { nonEmpty } from '../support/non-empty';

const zh = strings('zh');
// Rendering the pane with the previewed tables in jsdom takes seconds on a shared CPU: a limit, not a measurement.
jest.setTimeout(30_000);
const en = strings('en');
const SAMPLES = path.join(__dirname, '..', 'fixtures', 'samples');
const sample = (name: string) => fs.readFileSync(path.join(SAMPLES, name), 'utf8');
/** A complete, consistent 2021 table set of 2025 that names no body. */
const CITY_2025 = sample('90-FIXTURE-NOT-REAL-hangzhou-style-test-city-2025.txt');
const PARTIAL = sample('06-xuwen-bureau-blank-cells-partial.txt');

async function renderApp(host: Parameters<typeof App>[0]['host'], lang: 'zh' | 'en' = 'zh') {
  render(<App host={host} initialLang={lang} today={new Date(2026, 2, 1)} />);
  await act(async () => undefined);
}

async function paste(text: string, t = zh) {
  return within(await pasteReport(text, t)).findByTestId('import-preview');
}

describe('preview grid', () => {
  it.each(['2021', '2019'] as FormatId[])('%s: every place of every table is covered exactly once', (id) => {
    const format = getFormat(id);
    expect(format.tables).toHaveLength(3);
    for (const table of format.tables) {
      const covered = new Map<string, number>();
      const rows = previewGrid(table);
      expect(rows).toHaveLength(table.rows);
      for (const row of rows)
        for (const e of row)
          for (let r = e.row; r < e.row + e.rows; r++)
            for (let c = e.col; c < e.col + e.cols; c++) covered.set(`${r},${c}`, (covered.get(`${r},${c}`) ?? 0) + 1);
      expect([...covered.values()].every((n) => n === 1)).toBe(true);
      expect(covered.size).toBe(table.rows * table.cols);
      expect(rows.flat().filter((e) => e.item.kind === 'cell')).toHaveLength(table.cells.length);
    }
  });
});

describe('the preview shows the tables', () => {
  it('each cell says what it gets: the number written, the report’s blank, a cell not read, a total', async () => {
    const read = importReportText(PARTIAL);
    const plan = planImport(read);
    const format = getFormat(plan.format);
    const blank = read.unfilled.find((id) => format.cellById.get(id)?.table === 'T3')!;
    const unread = read.unread.find((u) => format.cellById.get(u.cell)?.role === 'input')!.cell;
    const written = Object.keys(plan.values).find((id) => format.cellById.get(id)?.table === 'T3')!;
    expect([blank, unread, written].every(Boolean)).toBe(true);
    expect(previewCell(plan, format.cellById.get(blank)!).state).toBe('blank');
    expect(previewCell(plan, format.cellById.get(unread)!).state).toBe('unread');

    await renderApp(createFakeHost({ check: hostCheck(passingResult()) }));
    const preview = await paste(PARTIAL);
    const tables = within(preview).getByTestId('import-tables');
    // Table 三 first: it is the one with the arithmetic.
    const panel = within(tables).getByTestId('import-table');
    expect(panel.getAttribute('data-table')).toBe('T3');
    const cell = (id: string) => panel.querySelector(`[data-cell="${id}"]`)!;
    expect(cell(written).getAttribute('data-state')).toBe('write');
    expect(cell(written).textContent).toBe(String(plan.values[written]));
    expect(cell(blank).getAttribute('data-state')).toBe('blank');
    expect(cell(blank).textContent).toBe(zh.importCellBlank);
    const unreadT3 = read.unread.map((u) => u.cell).find((id) => format.cellById.get(id)?.table === 'T3')!;
    expect(cell(unreadT3).getAttribute('data-state')).toBe('unread');
    expect(cell(unreadT3).textContent).toBe(zh.importCellUnread);
    // The legend names both kinds apart.
    expect(within(tables).getByText(zh.importLegendBlank)).toBeTruthy();
    expect(within(tables).getByText(zh.importLegendUnread)).toBeTruthy();

    // Table 四 was cut off in this report: every one of its cells is unread, none blamed on the report as blank.
    fireEvent.click(within(tables).getByRole('button', { name: '表四' }));
    const t4 = within(tables).getByTestId('import-table');
    expect(t4.getAttribute('data-table')).toBe('T4');
    const t4cells = [...t4.querySelectorAll('[data-cell]')];
    expect(t4cells.length).toBe(format.tables.find((t) => t.id === 'T4')!.cells.length);
    expect(t4cells.every((c) => c.getAttribute('data-state') === 'unread')).toBe(true);
  });

  it('is an accessible table: a caption, row and column headers, a scroll box reachable from the keyboard', async () => {
    await renderApp(createFakeHost({ check: hostCheck(passingResult()) }));
    const preview = await paste(CITY_2025);
    const tables = within(preview).getByTestId('import-tables');
    const switcher = within(tables).getByRole('group', { name: zh.importTablesHeading });
    expect(within(switcher).getAllByRole('button')).toHaveLength(3);
    for (const name of ['表二', '表四'])
      expect(within(switcher).getByRole('button', { name, pressed: false })).toBeTruthy();
    expect(within(switcher).getByRole('button', { name: '表三', pressed: true })).toBeTruthy();
    const panel = within(tables).getByTestId('import-table');
    expect(panel.getAttribute('tabindex')).toBe('0');
    expect(panel.getAttribute('role')).toBe('region');
    expect(panel.getAttribute('aria-label')).toContain('表三');
    const table = within(panel).getByRole('table');
    expect(table.querySelector('caption')!.textContent).toContain('表三');
    expect(table.querySelectorAll('th[scope="row"]').length).toBeGreaterThan(5);
    expect(table.querySelectorAll('th[scope="col"]').length).toBeGreaterThan(5);
    // A complete report: every input cell gets its number, every total is shown for comparison only.
    const states = [...panel.querySelectorAll('[data-cell]')].map((c) => c.getAttribute('data-state'));
    expect(states.length).toBeGreaterThan(50);
    expect(new Set(states)).toEqual(new Set(['write', 'total']));
  });

  it('speaks English when the pane does', async () => {
    await renderApp(createFakeHost({ check: hostCheck(passingResult()) }), 'en');
    const preview = await paste(PARTIAL, en);
    const tables = within(preview).getByTestId('import-tables');
    for (const name of ['Table 2', 'Table 3', 'Table 4'])
      expect(within(tables).getByRole('button', { name })).toBeTruthy();
    expect(within(tables).getAllByText(en.importCellUnread).length).toBeGreaterThan(0);
  });
});

describe('a report of another year or body', () => {
  const plan = planImport(importReportText(`<p>某某镇人民政府2024年政府信息公开工作年度报告</p>\n${CITY_2025}`));

  it('mismatchOf names both values; the same body written otherwise is no mismatch', () => {
    expect(plan.year).toBe(2024);
    expect(plan.org).toBe('某某镇人民政府');
    expect(mismatchOf(plan, { year: 2025, org: '某某县统计局' })).toEqual({
      year: { report: 2024, workbook: 2025 },
      org: { report: '某某镇人民政府', workbook: '某某县统计局' },
    });
    expect(mismatchOf(plan, { year: 2024, org: ' 某某镇人民政府 ' })).toBeNull();
    // Tables generated without a body, or a report that names none, leave nothing to compare.
    expect(mismatchOf(plan, { year: 2024, org: '' })).toBeNull();
    expect(mismatchOf({ ...plan, org: undefined }, { year: 2024, org: '某某县统计局' })).toBeNull();
    expect(mismatchOf(plan, undefined)).toBeNull();
  });

  it('warns with both years, and writes only after the user confirms', async () => {
    const host = createFakeHost({ check: hostCheck(passingResult(), { report: { year: 2024, org: '' } }) });
    await renderApp(host);
    const preview = await paste(CITY_2025);
    const warning = within(preview).getByTestId('import-mismatch');
    expect(warning.textContent).toContain(zh.importMismatchYear(2025, 2024));
    const write = within(preview).getByRole('button', { name: zh.importWrite });
    expect((write as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(write);
    expect(callsOf(host, 'writeValues')).toHaveLength(0);
    fireEvent.click(within(warning).getByRole('checkbox', { name: zh.importMismatchConfirm }));
    expect((write as HTMLButtonElement).disabled).toBe(false);
    await act(async () => {
      fireEvent.click(write);
    });
    await waitFor(() => expect(callsOf(host, 'writeValues')).toHaveLength(1));
  });

  it('warns with both bodies when the year is the same', async () => {
    const host = createFakeHost({ check: hostCheck(passingResult(), { report: { year: 2025, org: '某某县统计局' } }) });
    await renderApp(host);
    const preview = await paste(`<p>某某镇人民政府2025年政府信息公开工作年度报告</p>\n${CITY_2025}`);
    const warning = within(preview).getByTestId('import-mismatch');
    expect(warning.textContent).toContain(zh.importMismatchOrg('某某镇人民政府', '某某县统计局'));
    expect(warning.textContent).not.toContain('年度不一致');
  });

  it('a report that names no body says so, without a warning', async () => {
    const host = createFakeHost({ check: hostCheck(passingResult(), { report: { year: 2025, org: '某某县统计局' } }) });
    await renderApp(host);
    const preview = await paste(CITY_2025);
    expect(within(preview).getByText(zh.importOrgNotFound)).toBeTruthy();
    expect(within(preview).queryByTestId('import-mismatch')).toBeNull();
    expect((within(preview).getByRole('button', { name: zh.importWrite }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('生成并导入', () => {
  it('on a workbook without tables, generates the report’s year and format and fills them in one click', async () => {
    const host = createModelHost();
    const generate = jest.spyOn(host, 'generate');
    await renderApp(host);
    const preview = await paste(CITY_2025);
    expect(within(preview).getByText(zh.importGenerateHint(2025, '2021'))).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(preview).getByRole('button', { name: zh.importGenerateAndImport }));
    });
    const plan = planImport(importReportText(CITY_2025));
    const n = Object.keys(plan.values).length;
    expect(await screen.findByText(zh.importDone(n))).toBeTruthy();
    expect(generate).toHaveBeenCalledWith({ format: '2021', year: 2025, org: '', target: 'newSheet' });
    expect(generate).toHaveBeenCalledTimes(1);
    // The check that follows shows the filled tables: a consistent report passes.
    await waitFor(() => expect(screen.getByTestId('overall').getAttribute('data-state')).toBe('pass'));
    const c = await host.checkNow();
    for (const [id, v] of nonEmpty(Object.entries(plan.values))) expect([id, c.result!.cells[id]]).toEqual([id, v]);
  });

  it('a generation the host refuses is said, and nothing is written', async () => {
    const host = createFakeHost();
    host.generateOutcomes.push({ ok: false, reason: 'failed', message: '工作簿为只读' });
    await renderApp(host);
    const preview = await paste(CITY_2025);
    await act(async () => {
      fireEvent.click(within(preview).getByRole('button', { name: zh.importGenerateAndImport }));
    });
    expect(await screen.findByText(zh.importGenerateFailed('工作簿为只读'))).toBeTruthy();
    expect(callsOf(host, 'generate')).toHaveLength(1);
    expect(callsOf(host, 'writeValues')).toHaveLength(0);
  });
});
