/**
 * The add-in end to end in headless Chromium, against the playground (the real pane and the real Excel host module
 * over the Excel stand-in): generate, break table 三's balance by typing in the grid, see the finding and the paint,
 * go to the cell, apply the suggestion, see both clear. Screenshots go to test-artifacts/.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { cellId, getFormat } from '../../src/model/formats';
import { strings } from '../../src/taskpane/i18n';
import { formatMessage } from '../../src/model/messages';
import {
  launchChromium,
  playgroundBuild,
  serveStatic,
  type LaunchedBrowser,
  type StaticServer,
} from '../../playground/node/harness';
import { ARTIFACTS, CSP_REFUSED_TELEMETRY, describeBrowser, haveChromium } from './support/browser';
import { nonEmpty } from '../support/non-empty';

const zh = strings('zh');
const format = getFormat('2021');

let server: StaticServer;
let chromium: LaunchedBrowser;
let page: Page;
const consoleErrors: string[] = [];
const refusedByCsp: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!haveChromium) return;
  server = await serveStatic(await playgroundBuild());
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    (CSP_REFUSED_TELEMETRY.test(m.text()) ? refusedByCsp : consoleErrors).push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  // Nothing may leave the machine: every request outside the local server fails the test.
  await page.route('**/*', (route) =>
    route.request().url().startsWith(server.url) ? route.continue() : route.abort('blockedbyclient'),
  );
  page.on('requestfailed', (r) => consoleErrors.push(`request failed: ${r.url()}`));
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

async function shot(name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** The sheet addresses of data cells, as the host found them (the pane navigates with the same map). */
async function addresses(): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const pg = (
      window as unknown as { playground: { host: { checkNow(): Promise<{ cellAddress: Record<string, string> }> } } }
    ).playground;
    return (await pg.host.checkNow()).cellAddress;
  });
}

/** Types into a grid cell the way a user does: click it, type, press Enter. */
async function typeInGrid(address: string, text: string) {
  await page.click(`td[data-address="${address}"]`);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

function cellSelector(address: string) {
  return `td[data-address="${address}"]`;
}

describeBrowser('playground in headless Chromium', () => {
  it('loads with Office.js from the local copy and shows the pane, no tables yet', async () => {
    await page.goto(`${server.url}playground.html`);
    await page.getByRole('heading', { name: zh.generateHeading }).waitFor();
    await page.getByText(formatMessage('host.noTables', 'zh')).waitFor();
    expect(await page.evaluate(() => typeof (window as unknown as { Excel?: unknown }).Excel)).toBe('object');
    await shot('01-start');
  });

  it('generates the tables on a new sheet', async () => {
    await page.getByLabel(zh.org).fill('某某县统计局');
    await page.getByRole('button', { name: zh.generate }).click();
    await page.locator('[data-testid="overall"][data-state]').waitFor();
    const t3 = format.tables.find((t) => t.id === 'T3')!;
    // The grid shows the generated tables: table 三's heading is on the active sheet.
    await page.locator('.pg-grid td', { hasText: t3.heading }).first().waitFor();
    // Input cells start blank: a fresh table is not filled yet, never 通过.
    expect(await page.locator('[data-testid="overall"]').getAttribute('data-state')).toBe('notFilled');
    await shot('02-generated');
    // Nothing happened this year except what the test types below: the rest is 0.
    await page.getByRole('button', { name: zh.fillZero }).click();
    await page.locator('[data-testid="overall"][data-state="pass"]').waitFor();
  });

  let suspect = '';
  let suggested = '';

  it('typing a number that breaks table 三 shows the finding and paints the grid', async () => {
    const addr = await addresses();
    const [col] = format.t3.applicantColumns;
    const rows = format.t3.rows;
    const newCell = cellId('T3', rows[0], col);
    const [r1, r2] = format.t3.leafRows.map((r) => cellId('T3', r, col));
    // A consistent column first (35 received: 20 disclosed, 15 partly), then the classic typo: 53 for 35.
    await typeInGrid(addr[r1], '20');
    await typeInGrid(addr[r2], '15');
    await typeInGrid(addr[newCell], '35');
    await page.locator('[data-testid="overall"][data-state="pass"]').waitFor();
    await shot('03-consistent');
    await typeInGrid(addr[newCell], '53');

    const finding = page.locator('[data-testid="finding"][data-rule="T3.balance"]').first();
    await finding.waitFor();
    expect(await page.locator('[data-testid="overall"]').getAttribute('data-state')).toBe('errors');
    await finding.locator('[data-testid="balance-equation"]').waitFor();
    expect(await finding.locator('[data-testid="term-一"]').textContent()).toContain('53');
    // The grid shows the finding too: the cells are painted.
    await page.locator('td[data-painted]').first().waitFor();
    expect(await page.locator('td[data-painted]').count()).toBeGreaterThan(0);
    const suggestion = (await finding.locator('[data-testid="suggestion"]').first().textContent()) ?? '';
    [suspect, suggested] = suggestion.split('→').map((s) => s.replace(/（.*|\(.*/, '').trim());
    expect(suspect).toBe(addr[newCell]);
    expect(suggested).toBe('35');
    await shot('04-finding');
  });

  it('clicking the finding moves the selection to the suspect cell', async () => {
    await page.click(cellSelector('A1'));
    expect(await page.locator('[data-testid="namebox"]').textContent()).toBe('A1');
    await page.locator('[data-testid="finding"][data-rule="T3.balance"] button').first().click();
    await page.waitForFunction((a) => document.querySelector('[data-testid="namebox"]')?.textContent === a, suspect);
    expect(await page.locator(cellSelector(suspect)).getAttribute('data-selected')).toBe('true');
    await shot('05-selected');
  });

  it('applying the suggestion writes it and clears the finding and the paint', async () => {
    await page
      .locator('[data-testid="finding"][data-rule="T3.balance"]')
      .first()
      .getByRole('button', { name: zh.applySuggestion })
      .click();
    await page.locator('[data-testid="overall"][data-state="pass"]').waitFor();
    expect(await page.locator('[data-testid="finding"]').count()).toBe(0);
    await page.waitForFunction(() => document.querySelectorAll('td[data-painted]').length === 0);
    expect(await page.locator(cellSelector(suspect)).textContent()).toBe(suggested);
    await shot('06-cleared');
  });

  it('imports a published report: preview, confirm the overwrite, the tables hold its figures', async () => {
    const fixtures = path.join(__dirname, '..', 'fixtures');
    const expected = JSON.parse(
      fs.readFileSync(path.join(fixtures, 'expected', 'fixture-test-city-2025.json'), 'utf8'),
    ) as { source: string; cells: Record<string, number> };
    const text = fs.readFileSync(path.join(fixtures, 'samples', expected.source), 'utf8');
    const inputs = nonEmpty(format.cells.filter((c) => c.role === 'input' && c.id in expected.cells).map((c) => c.id));
    const addr = await addresses();
    const before = await Promise.all(
      inputs.map(async (id) => Number((await page.locator(cellSelector(addr[id])).textContent()) || 0)),
    );
    const changed = inputs.filter((id, i) => before[i] !== 0 && before[i] !== expected.cells[id]).length;

    const section = page.getByRole('region', { name: zh.importHeading });
    await section.getByRole('textbox').fill(text);
    await section.getByRole('button', { name: zh.importPreview }).click();
    // The reader is a lazily loaded chunk: the preview appears once it has loaded from the local server.
    const preview = section.locator('[data-testid="import-preview"]');
    await preview.getByText(zh.importToWrite(inputs.length)).waitFor();
    await shot('07-import-preview');
    await preview.getByRole('button', { name: zh.importWrite }).click();
    if (changed > 0) {
      // The figures typed earlier are not overwritten without asking.
      await preview.getByRole('button', { name: zh.importConfirmOverwrite }).click();
    }
    await section.getByText(zh.importDone(inputs.length)).waitFor();
    for (const id of inputs) {
      expect([id, Number(await page.locator(cellSelector(addr[id])).textContent())]).toEqual([id, expected.cells[id]]);
    }
    await section.getByText(zh.importDone(inputs.length)).scrollIntoViewIfNeeded();
    await shot('08-imported');
  });

  it('raised no errors in the page and fetched nothing from outside', () => {
    expect(consoleErrors).toEqual([]);
  });
});
