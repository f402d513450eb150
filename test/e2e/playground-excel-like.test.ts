/**
 * The playground's grid behaves like Excel where a user would notice: a loading indicator from the first paint,
 * range selection by drag, shift+click and shift+arrows, Ctrl+Z through the stand-in's undo, insert and delete row
 * from the right-click menu, a refusal on a protected cell that stays on screen, Esc and F6 between the grid and
 * the pane, columns that keep their widths and scroll, and cell-edit mode while the editor is open.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { strings } from '../../src/taskpane/i18n';
import {
  launchChromium,
  playgroundBuild,
  serveStatic,
  type LaunchedBrowser,
  type StaticServer,
} from '../../playground/node/harness';
import { ARTIFACTS, describeBrowser, haveChromium } from './support/browser';

const zh = strings('zh');

let dir: string;
let server: StaticServer;
let chromium: LaunchedBrowser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!haveChromium) return;
  dir = await playgroundBuild();
  server = await serveStatic(dir);
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `excel-like-${name}.png`) });
const cell = (address: string) => page.locator(`td[data-address="${address}"]`);
const nameBox = () => page.locator('[data-testid="namebox"]').textContent();
const inEditMode = () =>
  page.evaluate(
    () => (window as unknown as { playground: { app: { inCellEditMode: boolean } } }).playground.app.inCellEditMode,
  );

async function typeInGrid(address: string, text: string) {
  await cell(address).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function selectSheet(name: string) {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

describeBrowser('the playground grid behaves like Excel', () => {
  it('shows a loading indicator from the first paint until the playground has started', async () => {
    // The playground's script is held back a moment: what the page shows meanwhile is its first paint.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/playground(\.[0-9a-f]+)?\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(`${server.url}playground.html`, { waitUntil: 'commit' });
      const loading = page.getByTestId('loading');
      await loading.waitFor();
      const text = (await loading.textContent()) ?? '';
      expect(text.indexOf('正在加载')).toBeGreaterThanOrEqual(0);
      expect(text.indexOf('正在加载')).toBeLessThan(text.indexOf('Loading'));
      await shot('01-loading');
      release();
      await page.getByRole('heading', { name: zh.generateHeading }).waitFor();
      expect(await loading.count()).toBe(0);
    } finally {
      release();
    }
    await page.unroute(/\/playground(\.[0-9a-f]+)?\.js$/);
  });

  it('generates the tables (protected sheet) to work on', async () => {
    await page.getByLabel(zh.org).fill('某某县统计局');
    await page.getByRole('button', { name: zh.generate }).click();
    await page.locator('[data-testid="overall"][data-state]').waitFor();
  });

  it('selects a range by dragging, by shift+click and by shift+arrows; the active cell stays where it started', async () => {
    await selectSheet('Sheet1');
    const from = await cell('B2').boundingBox();
    const to = await cell('D4').boundingBox();
    await page.mouse.move(from!.x + 5, from!.y + 5);
    await page.mouse.down();
    await page.mouse.move(to!.x + 5, to!.y + 5, { steps: 4 });
    await page.mouse.up();
    expect(await nameBox()).toBe('B2:D4');
    expect(await page.locator('td[data-selected]').count()).toBe(9);
    expect(await cell('B2').getAttribute('class')).toContain('pg-active');

    await cell('C3').click();
    await cell('E6').click({ modifiers: ['Shift'] });
    expect(await nameBox()).toBe('C3:E6');
    expect(await cell('C3').getAttribute('class')).toContain('pg-active');

    await cell('F5').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await nameBox()).toBe('E5:F7');
    expect(await cell('F5').getAttribute('class')).toContain('pg-active');
    await shot('02-range');
    // A plain arrow collapses the selection to one cell again.
    await page.keyboard.press('ArrowRight');
    expect(await nameBox()).toBe('G5');
  });

  it('Ctrl+Z undoes the last edit through the stand-in', async () => {
    await typeInGrid('A1', '41');
    expect(await cell('A1').textContent()).toBe('41');
    await typeInGrid('A1', '42');
    await page.keyboard.press('Control+z');
    expect(await cell('A1').textContent()).toBe('41');
    await page.keyboard.press('Control+z');
    expect(await cell('A1').textContent()).toBe('');
  });

  it('inserts and deletes rows from the right-click menu', async () => {
    await typeInGrid('A1', '1');
    await typeInGrid('A2', '2');
    await cell('A2').click({ button: 'right' });
    await page.getByRole('menuitem', { name: /^插入行/ }).click();
    expect([await cell('A2').textContent(), await cell('A3').textContent()]).toEqual(['', '2']);
    await cell('A2').click({ button: 'right' });
    await page.getByRole('menuitem', { name: /^删除行/ }).click();
    expect(await cell('A2').textContent()).toBe('2');
    // A selection of two rows acts on two.
    await cell('A1').click();
    await cell('A2').click({ modifiers: ['Shift'] });
    await cell('A1').click({ button: 'right' });
    await page.getByRole('menuitem', { name: /^插入 2 行/ }).click();
    expect([await cell('A1').textContent(), await cell('A3').textContent(), await cell('A4').textContent()]).toEqual([
      '',
      '1',
      '2',
    ]);
  });

  it('a protected cell refuses typing with a message that stays until closed', async () => {
    const tables = (await page.getByRole('tab').allTextContents()).find((t) => t.includes('已保护'));
    expect(tables).toBeDefined();
    await selectSheet(tables!.replace('（已保护）', ''));
    // The sheet's first cell holds the title: locked, as every cell but the inputs.
    await typeInGrid('A1', '9');
    const message = page.getByTestId('grid-message');
    await message.waitFor();
    expect(await message.textContent()).toContain('受保护的工作表');
    // Moving about does not hide it; only closing it (or an edit that succeeds) does.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    expect(await message.isVisible()).toBe(true);
    await shot('03-protected');
    await message.getByRole('button').click();
    expect(await message.count()).toBe(0);
    // The menu's row commands are refused the same way on a protected sheet.
    await cell('B3').click({ button: 'right' });
    await page.getByRole('menuitem', { name: /^插入行/ }).click();
    await message.waitFor();
    await message.getByRole('button').click();
  });

  it('Esc and F6 leave the grid for the pane; F6 in the pane comes back', async () => {
    await cell('B3').click();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.pg-pane'))).toBe(true);
    await page.keyboard.press('F6');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('grid');
    await page.keyboard.press('F6');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.pg-pane'))).toBe(true);
  });

  it('columns keep their widths and the sheet scrolls sideways in a narrow window', async () => {
    await page.setViewportSize({ width: 820, height: 700 });
    await selectSheet('Sheet1');
    const sizes = await page.evaluate(() => {
      const grid = document.querySelector<HTMLElement>('[data-testid="grid"]')!;
      const cols = Array.from(grid.querySelectorAll('col')).map((c) => parseFloat(c.style.width));
      const heads = Array.from(grid.querySelectorAll('thead th')).map((h) => h.getBoundingClientRect().width);
      return { cols, heads, scrollWidth: grid.scrollWidth, clientWidth: grid.clientWidth };
    });
    expect(sizes.cols.length).toBeGreaterThan(5);
    expect(sizes.scrollWidth).toBeGreaterThan(sizes.clientWidth);
    sizes.cols.forEach((w, i) => expect(Math.abs(sizes.heads[i] - w)).toBeLessThanOrEqual(1));
    await shot('04-narrow');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('the stand-in is in cell-edit mode exactly while the cell editor is open', async () => {
    await cell('C2').click();
    expect(await inEditMode()).toBe(false);
    await page.keyboard.type('5');
    expect(await inEditMode()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await inEditMode()).toBe(false);
    await cell('C2').click();
    await page.keyboard.type('6');
    expect(await inEditMode()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await inEditMode()).toBe(false);
    expect(await cell('C2').textContent()).toBe('6');
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
