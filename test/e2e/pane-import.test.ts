/**
 * Importing a published report in the playground (issue 13, "import that shows what it will do"): the preview lays
 * out tables 二, 三 and 四 with the numbers to be written, a report of another year than the tables is written only
 * after the user confirms, and on a workbook without tables 生成并导入 makes them and fills them in one click.
 * axe-core checks the preview. Screenshots go to test-artifacts/pane-import-*.png.
 */
import * as fs from 'fs';
import * as path from 'path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator } from 'playwright-core';
import { getFormat } from '../../src/model/formats';
import { strings } from '../../src/taskpane/i18n';
import { formatMessage } from '../../src/model/messages';
import { describeBrowser, openPane, type PaneSession } from './support/browser';

const zh = strings('zh');
const FIXTURES = path.join(__dirname, '..', 'fixtures');
/** A complete 2025 report (its expected figures are in test/fixtures/expected). */
const expected = JSON.parse(
  fs.readFileSync(path.join(FIXTURES, 'expected', 'seed-county-bureau-2025.json'), 'utf8'),
) as {
  source: string;
  year: number;
  format: '2021';
  cells: Record<string, number>;
};
const text = fs.readFileSync(path.join(FIXTURES, 'samples', expected.source), 'utf8');
const format = getFormat(expected.format);
const inputs = format.cells.filter((c) => c.role === 'input' && c.id in expected.cells).map((c) => c.id);

/** Pastes the report into the import section and opens the preview. */
async function preview(pane: PaneSession): Promise<{ section: Locator; preview: Locator }> {
  const section = pane.page.getByRole('region', { name: zh.importHeading });
  await section.getByRole('textbox').fill(text);
  await section.getByRole('button', { name: zh.importPreview }).click();
  const shown = section.locator('[data-testid="import-preview"]');
  await shown.getByText(zh.importToWrite(inputs.length)).waitFor();
  return { section, preview: shown };
}

/** Every imported input cell of the grid holds the report's figure. */
async function expectGridHoldsReport(pane: PaneSession) {
  const addr = await pane.addresses();
  expect(inputs.length).toBeGreaterThan(100);
  for (const id of inputs)
    expect([id, Number(await pane.cell(addr[id]).textContent())]).toEqual([id, expected.cells[id]]);
}

describeBrowser('importing a published report in the pane', () => {
  let pane: PaneSession;
  afterEach(async () => {
    expect(pane.errors).toEqual([]);
    await pane.close();
  });

  it('a report of another year: the preview shows the tables with numbers, warns, and writes once confirmed', async () => {
    pane = await openPane('pane-import');
    // Tables for 2024; the report is 2025's.
    const form = pane.page.getByRole('form', { name: zh.generateHeading });
    await form.getByLabel(zh.org).fill('某某县统计局');
    await form.getByLabel(zh.year).fill(String(expected.year - 1));
    await form.getByRole('button', { name: zh.generate }).click();
    await pane.overall('notFilled');

    const { section, preview: shown } = await preview(pane);
    const tables = shown.getByTestId('import-tables');
    // Table 三 first, laid out as the printed table, each cell with the number that will be written.
    const panel = tables.getByTestId('import-table');
    await panel.getByRole('table').waitFor();
    for (const id of ['T3.NEW.NP', 'T3.R1.NP', 'T3.CARRY_OUT.NP'])
      expect([id, await panel.locator(`[data-cell="${id}"]`).textContent()]).toEqual([id, String(expected.cells[id])]);
    expect(await panel.locator('[data-cell="T3.NEW.NP"]').getAttribute('data-state')).toBe('write');
    // The other tables are a button away.
    await tables.getByRole('button', { name: '表二' }).click();
    await tables.locator('[data-table="T2"]').waitFor();
    const t2 = format.cells.find((c) => c.table === 'T2' && c.role === 'input' && c.id in expected.cells)!;
    expect(await tables.locator(`[data-cell="${t2.id}"]`).textContent()).toBe(String(expected.cells[t2.id]));
    await tables.getByRole('button', { name: '表三' }).click();

    // The year differs: both years named, and writing waits for the user's confirmation.
    const warning = shown.getByTestId('import-mismatch');
    expect(await warning.textContent()).toContain(zh.importMismatchYear(expected.year, expected.year - 1));
    const write = shown.getByRole('button', { name: zh.importWrite });
    expect(await write.isDisabled()).toBe(true);
    await shown.scrollIntoViewIfNeeded();
    await pane.shot('01-preview-year-mismatch');

    const axe = await new AxeBuilder({ page: pane.page }).include('[data-testid="import-preview"]').analyze();
    expect(axe.passes.length).toBeGreaterThan(0);
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
      [],
    );

    await warning.getByRole('checkbox', { name: zh.importMismatchConfirm }).check();
    await write.click();
    await section.getByText(zh.importDone(inputs.length)).waitFor();
    await expectGridHoldsReport(pane);
    await section.getByText(zh.importDone(inputs.length)).scrollIntoViewIfNeeded();
    await pane.shot('02-imported');
  });

  it('生成并导入 on a workbook without tables makes the report’s tables and fills them in one click', async () => {
    pane = await openPane('pane-import');
    await pane.page.getByText(formatMessage('host.noTables', 'zh')).waitFor();
    const { section, preview: shown } = await preview(pane);
    await shown.getByText(zh.importGenerateHint(expected.year, expected.format)).scrollIntoViewIfNeeded();
    await pane.shot('03-generate-and-import');
    await shown.getByRole('button', { name: zh.importGenerateAndImport }).click();
    await section.getByText(zh.importDone(inputs.length)).waitFor();
    await expectGridHoldsReport(pane);
    // The tables are the report's year: their title on the sheet says so.
    await pane.page
      .locator('.pg-grid td', { hasText: `${expected.year}年政府信息公开工作年度报告` })
      .first()
      .waitFor();
    await section.getByText(zh.importDone(inputs.length)).scrollIntoViewIfNeeded();
    await pane.shot('04-generated-and-imported');
  });
});
