/**
 * The task pane's ES5 guard (src/taskpane/unsupported-host.js) in a real browser engine, on the built taskpane.html:
 * silent in a modern engine where the pane starts, and a message instead of a blank pane when the bundle cannot run
 * (here: Chromium handed a bundle it cannot parse, and Chromium dressed as Internet Explorer 11, whose document has a
 * documentMode). Office.js is the
 * package's local copy served in place of Microsoft's CDN; nothing leaves the machine. Screenshots in test-artifacts/.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { strings } from '../../src/taskpane/i18n';
import { templateFileName, templatePageUrl } from '../../src/taskpane/template-download';
import {
  launchChromium,
  playgroundBuild,
  serveStatic,
  type LaunchedBrowser,
  type StaticServer,
} from '../../playground/node/harness';
import { ARTIFACTS, describeBrowser, haveChromium } from './support/browser';

/** Office.js's folder on Microsoft's CDN: office.js and the files it loads next to itself. */
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

let dir: string;
let server: StaticServer;
let chromium: LaunchedBrowser;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!haveChromium) return;
  dir = await playgroundBuild();
  server = await serveStatic(dir);
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

/**
 * A fresh page on taskpane.html: Office.js from the local copy, nothing else from outside; `bundle` replaces the
 * pane's script when given. Returns the page once it has loaded, and the errors it raised.
 */
async function openPane(opts: { bundle?: string; init?: () => void } = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await chromium.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (opts.init) await page.addInitScript(opts.init);
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_CDN)) {
      const local = path.join(dir, 'office-js', new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
      if (!fs.existsSync(local)) return route.abort('blockedbyclient');
      return route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(local, 'utf8') });
    }
    if (!url.startsWith(server.url)) return route.abort('blockedbyclient');
    if (opts.bundle !== undefined && /\/taskpane(\.[0-9a-f]+)?\.js$/.test(new URL(url).pathname)) {
      return route.fulfill({ contentType: 'text/javascript', body: opts.bundle });
    }
    return route.continue();
  });
  await page.goto(`${server.url}taskpane.html`, { waitUntil: 'load' });
  return { page, errors };
}

describeBrowser('the task pane in hosts that cannot run it', () => {
  it('stays silent in a modern engine: the pane itself starts (outside Excel it says to open it in Excel)', async () => {
    const { page, errors } = await openPane();
    // Outside Office the display language is the browser's: either language's title shows the pane started.
    const title = new RegExp(`${strings('zh').notInExcelTitle}|${strings('en').notInExcelTitle}`);
    await page.getByText(title).waitFor();
    expect(await page.locator('#dt-unsupported').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as { __disclosureTablesStarted?: boolean }).__disclosureTablesStarted),
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the message, Chinese first, when the bundle cannot be parsed', async () => {
    const { page, errors } = await openPane({ bundle: 'const broken = ;' });
    const box = page.locator('#dt-unsupported');
    await box.waitFor();
    expect(await box.getAttribute('data-reason')).toBe('notStarted');
    expect(await box.getByRole('heading').allTextContents()).toEqual([
      '任务窗格未能启动',
      'The task pane could not start',
    ]);
    expect(errors.join('\n')).toMatch(/SyntaxError/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'old-hosts-01-not-started.png') });
    await page.close();
  });

  it('names Internet Explorer 11 and lists the Excel versions that work', async () => {
    // As in Internet Explorer 11: the engine says it is IE (document.documentMode) and the ES2020 bundle does not parse.
    const { page } = await openPane({
      bundle: 'const broken = a?.b;\n)',
      init: () => Object.defineProperty(document, 'documentMode', { value: 11, configurable: true }),
    });
    const box = page.locator('#dt-unsupported');
    await box.waitFor();
    expect(await box.getAttribute('data-reason')).toBe('engine');
    const text = (await box.textContent()) ?? '';
    expect(text).toContain('Internet Explorer 11');
    expect(text).toContain('Excel 2021');
    expect(text.indexOf('可以使用本加载项的 Excel')).toBeLessThan(text.indexOf('Excel versions that run this add-in'));
    await page.screenshot({ path: path.join(ARTIFACTS, 'old-hosts-02-internet-explorer.png') });
    await page.close();
  });
});

describeBrowser("the template's download page (opened in the browser from desktop Excel)", () => {
  it('makes the workbook in the browser and downloads it under its name', async () => {
    const req = { format: '2021', year: 2025, org: '某某县人民政府办公室' } as const;
    const page = await chromium.context.newPage();
    await page.route('**/*', (route) =>
      route.request().url().startsWith(server.url) ? route.continue() : route.abort('blockedbyclient'),
    );
    const download = page.waitForEvent('download');
    await page.goto(templatePageUrl(req, server.url));
    const file = await download;
    expect(file.suggestedFilename()).toBe(templateFileName(req));
    const bytes = fs.readFileSync((await file.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.getByText(`模板已下载：${templateFileName(req)}`).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'old-hosts-03-template-page.png') });
    await page.close();
  });

  it('a damaged link changes nothing and says so', async () => {
    const page = await chromium.context.newPage();
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.goto(`${server.url}template.html?format=2021&year=abc`);
    await page.getByText(/^链接不完整/).waitFor();
    expect(downloads).toBe(0);
    await page.close();
  });
});
