/**
 * Text where a number belongs, as a user meets it in the playground (issues 16 and 13): "3件" typed into a data
 * cell of a generated table is text, which Excel's SUM leaves out. The pane shows exactly one finding, on that
 * cell, with the number it would be; 采用建议 writes 3 and the finding goes. Screenshot:
 * test-artifacts/pane-text-number-*.png.
 */
import { cellId, getFormat } from '../../src/model/formats';
import { strings } from '../../src/taskpane/i18n';
import { describeBrowser, haveChromium, openPane, type PaneSession } from './support/browser';

const zh = strings('zh');
const format = getFormat('2021');
const NP = format.t3.applicantColumns[0];
const NEW = cellId('T3', 'NEW', NP);
const DISCLOSED = cellId('T3', format.t3.leafRows[0], NP);
const TOTAL = cellId('T3', 'R7_TOTAL', NP);

let pane: PaneSession;
let addr: Record<string, string> = {};

beforeAll(async () => {
  if (haveChromium) pane = await openPane('pane-text-number');
});
afterAll(async () => {
  await pane?.close();
});

describeBrowser('text that is not a number in a data cell', () => {
  it('"3件" gives one finding on that cell; applying the suggestion writes 3 and the finding goes', async () => {
    await pane.generate('某某县统计局');
    addr = await pane.addresses();
    await pane.page.getByRole('button', { name: zh.fillZero }).click();
    await pane.overall('pass');
    await pane.typeInGrid(addr[NEW], '3');
    await pane.typeInGrid(addr[DISCLOSED], '3件');
    await pane.overall('errors');
    // Typing 3 in 一 alone breaks the balance for a moment: wait for the check of the text itself.
    await pane.page.waitForSelector('[data-testid="finding"][data-rule="V.notNumber"]');
    // The grid shows the text as typed, and the SUM total leaves it out.
    expect(await pane.cell(addr[DISCLOSED]).textContent()).toBe('3件');
    expect(await pane.cell(addr[TOTAL]).textContent()).toBe('0');

    const cards = pane.page.locator('[data-testid="finding"]');
    expect(await cards.count()).toBe(1);
    const card = cards.first();
    expect(await card.getAttribute('data-severity')).toBe('error');
    const message = (await card.getByTestId('finding-message').textContent()) ?? '';
    expect(message).toContain(addr[DISCLOSED]);
    expect(message).toContain('看起来是 3，但 Excel 求和时不会计入，请改填数字 3。');
    expect(message).not.toMatch(/T[234]\.[A-Z0-9_]+|V\.notNumber/);
    expect(await card.getByTestId('suggestion').textContent()).toBe(`${addr[DISCLOSED]} → 3`);
    // Not blank: the pane offers no "fill the blanks with 0" that would write over the text.
    expect(await pane.page.getByRole('button', { name: zh.fillZero }).count()).toBe(0);
    await pane.shot('01-text-in-cell');

    await card.getByRole('button', { name: zh.applySuggestion }).click();
    await pane.overall('pass');
    expect(await pane.page.locator('[data-testid="finding"]').count()).toBe(0);
    expect(await pane.cell(addr[DISCLOSED]).textContent()).toBe('3');
    expect(await pane.cell(addr[TOTAL]).textContent()).toBe('3');
    await pane.shot('02-fixed');
  });

  it('raised no errors in the page', () => {
    expect(pane.errors).toEqual([]);
  });
});
