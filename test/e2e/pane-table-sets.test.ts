/**
 * Which tables (issue 13): the pane always says which sheet and range it checks; generating a second set asks
 * first, names the set checked so far, and afterwards the pane says it checks the new one (the first set stays in
 * the workbook). Screenshots go to test-artifacts/pane-table-sets-*.png.
 */
import { strings } from '../../src/taskpane/i18n';
import { describeBrowser, haveChromium, openPane, type PaneSession } from './support/browser';

const zh = strings('zh');

let pane: PaneSession;
let first = '';

beforeAll(async () => {
  if (haveChromium) pane = await openPane('pane-table-sets');
});
afterAll(async () => {
  await pane?.close();
});

const checkedWhere = async () => pane.page.getByTestId('checked-where').allTextContents();

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

  it('raised no errors in the page', () => {
    expect(pane.errors).toEqual([]);
  });
});
