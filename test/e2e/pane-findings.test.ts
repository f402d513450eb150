/**
 * One mistake, one finding, the right cell, as a user sees it in the playground (issue 13): a fresh table says
 * 尚未填写; a digit swap and a plain typo in （一）予以公开 · 自然人 each give exactly one error whose first suspect is
 * the mistyped cell, and that cell alone is painted as wrong (the other cells that could explain it only as
 * candidates); typing over a total gives one error with 恢复公式, and restoring clears every finding and every paint.
 * Screenshots go to test-artifacts/pane-findings-*.png.
 */
import { cellId, getFormat } from '../../src/model/formats';
import { PAINT_FILL } from '../../src/excel/palette';
import { strings } from '../../src/taskpane/i18n';
import { cellLook, describeBrowser, haveChromium, openPane, rgbOf, type PaneSession } from './support/browser';

const zh = strings('zh');
const format = getFormat('2021');
const NP = format.t3.applicantColumns[0];
const NEW = cellId('T3', 'NEW', NP);
const DISCLOSED = cellId('T3', format.t3.leafRows[0], NP);
const TOTAL = cellId('T3', 'R7_TOTAL', NP);
const STRONG = rgbOf(PAINT_FILL.errorStrong);
const CANDIDATE = rgbOf(PAINT_FILL.errorLight);

let pane: PaneSession;
let addr: Record<string, string> = {};

beforeAll(async () => {
  if (haveChromium) pane = await openPane('pane-findings');
});
afterAll(async () => {
  await pane?.close();
});

/** Every painted cell of the grid with its computed fill. */
async function paintedCells(): Promise<{ address: string; fill: string }[]> {
  return pane.page.$$eval('td[data-painted]', (tds) =>
    tds.map((td) => ({ address: td.getAttribute('data-address') ?? '', fill: getComputedStyle(td).backgroundColor })),
  );
}

const errorCards = () => pane.page.locator('[data-testid="finding"][data-severity="error"]');

/** Types a wrong figure over the consistent column and checks the one finding and the paint it gives. */
async function oneErrorOn(wrong: string, name: string) {
  await pane.typeInGrid(addr[DISCLOSED], wrong);
  await pane.overall('errors');
  expect(await pane.page.getByTestId('overall').textContent()).toContain(zh.overallErrorCount(1));
  expect(await errorCards().count()).toBe(1);
  const card = errorCards().first();
  expect(await card.getAttribute('data-suspect')).toBe(addr[DISCLOSED]);
  // The short sentence names the cell and what it most likely should hold; no internal id.
  const message = (await card.getByTestId('finding-message').textContent()) ?? '';
  expect(message).toContain(addr[DISCLOSED]);
  expect(message).not.toMatch(/T[234]\.[A-Z0-9_]+/);
  expect(await card.getByTestId('suggestion').textContent()).toBe(`${addr[DISCLOSED]} → 12`);

  // The sheet: the mistyped cell, and only it, is painted strong (and bold); the others only as candidates.
  await pane.page.waitForFunction(
    (a) => document.querySelector(`td[data-address="${a}"][data-painted]`),
    addr[DISCLOSED],
  );
  expect(await cellLook(pane, addr[DISCLOSED])).toEqual({ fill: STRONG, bold: true });
  const painted = await paintedCells();
  expect(painted.filter((p) => p.fill === STRONG).map((p) => p.address)).toEqual([addr[DISCLOSED]]);
  const others = painted.filter((p) => p.address !== addr[DISCLOSED]);
  expect(others.length).toBeGreaterThan(0);
  expect(others.filter((p) => p.fill !== CANDIDATE)).toEqual([]);
  await pane.shot(name);

  // Putting the figure right clears the finding and the paint.
  await pane.typeInGrid(addr[DISCLOSED], '12');
  await pane.overall('pass');
  await pane.page.waitForFunction(() => document.querySelectorAll('td[data-painted]').length === 0);
  expect(await pane.page.locator('[data-testid="finding"]').count()).toBe(0);
}

describeBrowser('the pane points at the mistake', () => {
  it('a freshly generated table says 尚未填写, never 通过', async () => {
    // Unprotected, as a user who wants to type over a total has it (a protected sheet refuses typing there).
    await pane.generate('某某县统计局', { protect: false });
    await pane.overall('notFilled');
    const overall = (await pane.page.getByTestId('overall').textContent()) ?? '';
    expect(overall).toContain(zh.overallNotFilled);
    expect(overall).not.toContain(zh.overallPass);
    expect(await pane.page.locator('[data-testid="finding"][data-severity="error"]').count()).toBe(0);
    await pane.shot('01-fresh');
  });

  it('a consistent 自然人 column passes: 12 received, 12 disclosed, the rest 0', async () => {
    addr = await pane.addresses();
    await pane.page.getByRole('button', { name: zh.fillZero }).click();
    await pane.overall('pass');
    await pane.typeInGrid(addr[NEW], '12');
    await pane.typeInGrid(addr[DISCLOSED], '12');
    await pane.overall('pass');
    expect(await pane.cell(addr[TOTAL]).textContent()).toBe('12');
    expect(await paintedCells()).toEqual([]);
    await pane.shot('02-consistent');
  });

  it('a digit swap (21 for 12) gives one error on the mistyped cell, painted strong', async () => {
    await oneErrorOn('21', '03-digit-swap');
  });

  it('a plain typo (13 for 12) gives one error on the mistyped cell, painted strong', async () => {
    await oneErrorOn('13', '04-typo');
  });

  it('typing over a total gives one error with 恢复公式; restoring clears every finding and every paint', async () => {
    const formula = (await pane.cell(addr[TOTAL]).getAttribute('title')) ?? '';
    expect(formula).toMatch(/^=SUM\(/);
    await pane.typeInGrid(addr[TOTAL], '15');
    await pane.overall('errors');
    expect(await errorCards().count()).toBe(1);
    const card = errorCards().first();
    expect(await card.getAttribute('data-suspect')).toBe(addr[TOTAL]);
    // The root cause is the finding; the relations it breaks are listed under it, not beside it.
    expect(await card.getByTestId('finding-caused').locator('li').count()).toBeGreaterThan(0);
    const restore = card.getByRole('button', { name: zh.restoreFormula });
    await restore.waitFor();
    await pane.page.waitForFunction(
      (a) => document.querySelector(`td[data-address="${a}"][data-painted]`),
      addr[TOTAL],
    );
    expect((await cellLook(pane, addr[TOTAL])).fill).toBe(STRONG);
    await pane.shot('05-total-typed-over');

    await restore.click();
    await pane.overall('pass');
    await pane.page.waitForFunction(() => document.querySelectorAll('td[data-painted]').length === 0);
    expect(await pane.page.locator('[data-testid="finding"]').count()).toBe(0);
    expect(await pane.cell(addr[TOTAL]).getAttribute('title')).toBe(formula);
    expect(await pane.cell(addr[TOTAL]).textContent()).toBe('12');
    await pane.shot('06-formula-restored');
  });

  it('raised no errors in the page', () => {
    expect(pane.errors).toEqual([]);
  });
});
