/**
 * What every e2e test file shares: where screenshots go, and a `describe` that runs only where Chromium is installed
 * (and fails at once when REQUIRE_CHROMIUM is set, as in CI, instead of skipping).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import {
  CHROMIUM,
  launchChromium,
  playgroundBuild,
  serveStatic,
  type LaunchedBrowser,
  type StaticServer,
} from '../../../playground/node/harness';
import { strings } from '../../../src/taskpane/i18n';

export const ARTIFACTS = path.join(__dirname, '..', '..', '..', 'test-artifacts');
export const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.REQUIRE_CHROMIUM) throw new Error(`${CHROMIUM} is required (REQUIRE_CHROMIUM=1)`);
export const describeBrowser = haveChromium ? describe : describe.skip;

/** What a pane test works with: the page showing the playground, and the steps a user takes in it. */
export interface PaneSession {
  page: Page;
  /** Errors the page raised (uncaught exceptions and console errors other than office.js's refused telemetry). */
  errors: string[];
  /** Saves a screenshot as test-artifacts/<prefix>-<name>.png. */
  shot(name: string): Promise<void>;
  cell(address: string): Locator;
  /** Types into a grid cell the way a user does: click it, type, press Enter. */
  typeInGrid(address: string, text: string): Promise<void>;
  /** The sheet address of every data cell, as the host found them (the pane navigates with the same map). */
  addresses(): Promise<Record<string, string>>;
  /** Waits until the pane's summary shows this state (`notFilled`, `filling`, `pass`, `errors`). */
  overall(state: string): Promise<void>;
  /**
   * Generates a set of tables on a new sheet with the pane's form, confirming when `again` (a set exists already),
   * protected unless `protect` is false; returns the sheet the pane says it generated on.
   */
  generate(org: string, options?: { again?: boolean; protect?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/**
 * office.js, outside Office, frames a Microsoft telemetry page a few seconds after load; the page's CSP refuses it
 * (and the network rule below would too). That refusal is the CSP doing its job, not an error of the add-in.
 */
export const CSP_REFUSED_TELEMETRY =
  /^Framing 'https:\/\/[a-z.]+\.(oaspapps|microsoft|office)\.com\/' violates the following Content Security Policy/;

/** Opens the playground in a fresh Chromium page; nothing may leave the machine. */
export async function openPane(prefix: string, query = ''): Promise<PaneSession> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const server: StaticServer = await serveStatic(await playgroundBuild());
  const chromium: LaunchedBrowser = await launchChromium();
  const page = await chromium.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !CSP_REFUSED_TELEMETRY.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) =>
    route.request().url().startsWith(server.url) ? route.continue() : route.abort('blockedbyclient'),
  );
  await page.goto(`${server.url}playground.html${query}`);
  await page.getByRole('heading', { name: strings('zh').generateHeading }).waitFor();
  const cell = (address: string) => page.locator(`td[data-address="${address}"]`);
  const overall = async (state: string) => {
    await page.locator(`[data-testid="overall"][data-state="${state}"]`).waitFor();
  };
  return {
    page,
    errors,
    cell,
    overall,
    shot: async (name) => {
      await page.screenshot({ path: path.join(ARTIFACTS, `${prefix}-${name}.png`) });
    },
    typeInGrid: async (address, text) => {
      await cell(address).click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    },
    addresses: () =>
      page.evaluate(async () => {
        const pg = (
          window as unknown as {
            playground: { host: { checkNow(): Promise<{ cellAddress: Record<string, string> }> } };
          }
        ).playground;
        return (await pg.host.checkNow()).cellAddress;
      }),
    generate: async (org, { again = false, protect = true } = {}) => {
      const zh = strings('zh');
      const form = page.getByRole('form', { name: zh.generateHeading });
      await form.getByLabel(zh.org).fill(org);
      const protection = form.getByRole('switch', { name: zh.protect });
      if ((await protection.isChecked()) !== protect) await protection.click();
      await form.getByRole('button', { name: zh.generate }).click();
      // A second set is generated only once the user confirms it.
      if (again) await form.getByRole('button', { name: zh.generateAgain }).click();
      const done = form.getByText(/^已在工作表“(.+)”的 \S+ 生成三张统计表。$/);
      await done.waitFor();
      return /“(.+)”/.exec((await done.textContent()) ?? '')![1];
    },
    close: async () => {
      await chromium.close();
      await server.close();
    },
  };
}

/** The computed background and weight of a grid cell, as the user sees it. */
export async function cellLook(session: PaneSession, address: string): Promise<{ fill: string; bold: boolean }> {
  return session.cell(address).evaluate((el) => {
    const st = getComputedStyle(el);
    return { fill: st.backgroundColor, bold: Number(st.fontWeight) >= 600 };
  });
}

/** `#F8696B` → `rgb(248, 105, 107)`, as getComputedStyle reports colours. */
export function rgbOf(hex: string): string {
  const n = parseInt(hex.replace('#', ''), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
