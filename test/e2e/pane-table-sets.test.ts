/**
 * Which tables (issue 13): the pane always says which sheet and range it checks; generating a second set asks
 * first, names the set checked so far, and afterwards the pane says it checks the new one (the first set stays in
 * the workbook). Clicking a sheet's tab checks the set on it; the set chooser does the same from the pane, with the
 * keyboard too. Screenshots go to test-artifacts/pane-table-sets-*.png.
 */
import { strings } from '../../src/taskpane/i18n';
import { setStrings } from '../../src/taskpane/i18n-sets';
import { describeBrowser, haveChromium, openPane, type PaneSession } from './support/browser';

const zh = strings('zh');
const sets = setStrings('zh');

let pane: PaneSession;
let first = '';

beforeAll(async () => {
  if (haveChromium) pane = await openPane('pane-table-sets');
});
afterAll(async () => {
  await pane?.close();
});

const checkedWhere = async () => pane.page.getByTestId('checked-where').allTextContents();

/** A sheet's tab: its name, then a note when it is protected (names may start alike: `X` and `X(2)`). */
const tabOf = (sheet: string) =>
  pane.page.getByRole('tab').filter({ hasText: new RegExp(`^${sheet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(（|$)`) });

/** Waits until the pane says it checks this sheet. */
const waitChecking = (sheet: string) =>
  pane.page.waitForFunction(
    (s) => [...document.querySelectorAll('[data-testid="checked-where"]')].some((e) => e.textContent?.includes(s)),
    `“${sheet}”`,
  );

/** Which of the chooser's buttons are pressed, in order. */
const pressedSets = () =>
  pane.page
    .getByTestId('set-chooser')
    .getByRole('button')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-pressed')));

describeBrowser('the pane says which table set it checks', () => {
  it('one set: the pane names its sheet and range', async () => {
    first = await pane.generate('某某县统计局');
    await pane.overall('notFilled');
    const lines = await checkedWhere();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${zh.checkedWhere(first, ' ')}[A-Z]+\\d+:[A-Z]+\\d+$`));
    await pane.shot('01-one-set');
  });

  it('a second set asks first, naming the set checked so far', async () => {
    const form = pane.page.getByRole('form', { name: zh.generateHeading });
    await form.getByLabel(zh.org).fill('某某县统计局');
    await form.getByRole('button', { name: zh.generate }).click();
    await form.getByText(zh.generateAgainTitle(first)).waitFor();
    await pane.shot('02-asks-first');
    // Cancelling changes nothing: the same set is checked, no sheet is added.
    const sheetsBefore = await pane.page.getByRole('tab').count();
    await form.getByRole('button', { name: zh.importCancel }).click();
    expect(await form.getByText(zh.generateAgainTitle(first)).count()).toBe(0);
    expect(await pane.page.getByRole('tab').count()).toBe(sheetsBefore);
    expect((await checkedWhere())[0]).toContain(`“${first}”`);
  });

  it('once confirmed, the pane says it checks the new set; the first stays in the workbook', async () => {
    const sheetsBefore = await pane.page.getByRole('tab').allTextContents();
    const second = await pane.generate('某某县统计局', { again: true });
    expect(second).not.toBe(first);
    await pane.page.waitForFunction(
      (s) => [...document.querySelectorAll('[data-testid="checked-where"]')].some((e) => e.textContent?.includes(s)),
      `“${second}”`,
    );
    const lines = await checkedWhere();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`“${second}”`);
    expect(lines[0]).not.toContain(`“${first}”`);
    const sheetsAfter = await pane.page.getByRole('tab').allTextContents();
    expect(sheetsAfter.length).toBe(sheetsBefore.length + 1);
    expect(sheetsAfter.some((t) => t.startsWith(first))).toBe(true);
    await pane.shot('03-second-set');
  });

  it('clicking the other sheet’s tab: the pane names that sheet and shows its own findings', async () => {
    const { page } = pane;
    const second = (await checkedWhere())[0].match(/“(.+)”/)![1];
    expect(second).not.toBe(first);
    // Set 1: every blank 0, then 一 typed as 5 (table 三's balance breaks); set 2 stays unfilled.
    await tabOf(first).click();
    await waitChecking(first);
    await page.getByRole('button', { name: zh.fillZero }).click();
    await pane.overall('pass');
    const at = await pane.addresses();
    await pane.typeInGrid(at['T3.NEW.NP'], '5');
    await pane.overall('errors');
    expect(await pane.page.getByTestId('finding-message').count()).toBeGreaterThan(0);
    await pane.shot('04-first-set-errors');

    await tabOf(second).click();
    await waitChecking(second);
    await pane.overall('notFilled');
    expect(await pane.page.getByTestId('finding-message').count()).toBe(0);
    expect(await pressedSets()).toEqual(['false', 'true']);
    await pane.shot('05-second-set-by-tab');

    await tabOf(first).click();
    await waitChecking(first);
    await pane.overall('errors');
    expect(await pressedSets()).toEqual(['true', 'false']);
  });

  it('the chooser works from the keyboard: Tab to a set, Enter or Space checks it', async () => {
    const { page } = pane;
    const chooser = page.getByTestId('set-chooser');
    const buttons = chooser.getByRole('button');
    expect(await buttons.count()).toBe(2);
    expect(await chooser.textContent()).toContain(sets.chooserLabel(2));
    const second = (await buttons.nth(1).textContent())!.match(/“(.+)”/)![1];
    await buttons.nth(0).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitChecking(second);
    expect(await pressedSets()).toEqual(['false', 'true']);
    await pane.overall('notFilled');
    await pane.shot('06-chooser-keyboard');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await waitChecking(first);
    expect(await pressedSets()).toEqual(['true', 'false']);
    await pane.overall('errors');
  });

  it('raised no errors in the page', () => {
    expect(pane.errors).toEqual([]);
  });
});
