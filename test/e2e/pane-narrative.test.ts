/**
 * Beyond checking, as a user meets it in the playground (issue 15): generate the tables, fill consistent figures,
 * read the rates in the summary, open 生成文字说明, write the text into a new sheet and see that sheet; then a figure
 * that can be right but rarely is (more 规章 issued than in force and repealed) is marked 已核实 with a reason: the
 * warning goes quiet, the mark is listed, and changing the figure brings the warning back.
 * Screenshots go to test-artifacts/pane-narrative-*.png.
 */
import { strings } from '../../src/taskpane/i18n';
import { reviewStrings } from '../../src/taskpane/i18n-review';
import { describeBrowser, haveChromium, openPane, type PaneSession } from './support/browser';

const zh = strings('zh');
const r = reviewStrings('zh');

let pane: PaneSession;
let sheet = '';
let addr: Record<string, string> = {};

beforeAll(async () => {
  if (haveChromium) pane = await openPane('pane-narrative');
});
afterAll(async () => {
  await pane?.close();
});

/** The user types into cells of the tables' sheet through the playground's Excel (the live check follows). */
async function typeCells(values: Record<string, number>) {
  await pane.page.evaluate(
    ({ sheet, cells }) => {
      const pg = (
        window as unknown as {
          playground: { app: { typeCell(sheet: string, address: string, v: number): void } };
        }
      ).playground;
      for (const [address, v] of cells) pg.app.typeCell(sheet, address, v);
    },
    { sheet, cells: Object.entries(values).map(([id, v]) => [addr[id], v] as [string, number]) },
  );
}

const warningCard = () => pane.page.locator('[data-testid="finding"][data-rule="P.issuedVsInForce"]');

describeBrowser('narrative, rates and 已核实 in the pane', () => {
  it('consistent figures pass and the summary shows the rates', async () => {
    sheet = await pane.generate('某某县统计局', { protect: false });
    addr = await pane.addresses();
    await pane.page.getByRole('button', { name: zh.fillZero }).click();
    await pane.overall('pass');
    await typeCells({ 'T3.NEW.NP': 20, 'T3.R1.NP': 15, 'T3.R2.NP': 5 });
    await pane.page.locator('[data-rate="substantiveDisclosure"]', { hasText: '100.0%' }).waitFor();
    await pane.overall('pass');
    expect(await pane.page.locator('[data-rate="reviewCorrection"]').textContent()).toContain(r.rateNoCases);
  });

  it('生成文字说明 previews the text of the tables and writes it into a new sheet the user then sees', async () => {
    await pane.page.getByRole('button', { name: r.narrativeOpen }).click();
    const text = pane.page.getByTestId('narrative-text');
    await text.waitFor();
    const value = await text.inputValue();
    expect(value).toContain('本年度共收到政府信息公开申请 20 件');
    expect(value).toContain('予以公开 15 件、部分公开 5 件（合计占 100.0%）');
    expect(value).toContain('未发生政府信息公开行政复议案件');
    expect(await pane.page.getByTestId('narrative-errors').count()).toBe(0);
    await text.scrollIntoViewIfNeeded();
    await pane.shot('01-preview');

    await pane.page.getByRole('button', { name: r.writeNewSheet }).click();
    const lines = value.split('\n');
    await pane.page
      .getByTestId('narrative-written')
      .getByText(r.written('文字说明', `A1:A${lines.length}`))
      .waitFor();
    // The new sheet is the active one in the grid, its first rows the text's lines.
    await pane.page.getByRole('tab', { name: '文字说明', selected: true }).waitFor();
    expect(await pane.cell('A1').textContent()).toBe(lines[0]);
    expect(await pane.cell('A2').textContent()).toBe(lines[1]);
    await pane.shot('02-written-sheet');
  });

  it('a warning marked 已核实 goes quiet and is listed; changing its figure brings it back', async () => {
    await typeCells({ 'T2.REG.ISSUED': 3 });
    await warningCard().waitFor();
    await warningCard().getByRole('button', { name: r.markReviewed }).click();
    await warningCard().getByLabel(r.markReasonLabel).fill('本年制发的规章已被上级规章取代并废止');
    await warningCard().getByRole('button', { name: r.markSave }).click();
    await pane.page.locator('[data-testid="mark"][data-state="quiet"]').waitFor();
    expect(await warningCard().count()).toBe(0);
    await pane.overall('pass');
    expect(await pane.page.getByTestId('mark-reason').textContent()).toContain('本年制发的规章已被上级规章取代并废止');
    await pane.page.getByTestId('marks').scrollIntoViewIfNeeded();
    await pane.shot('03-marked');

    await typeCells({ 'T2.REG.ISSUED': 4 });
    await pane.page.locator('[data-testid="mark"][data-state="revived"]').waitFor();
    await warningCard().waitFor();
  });

  it('raised no errors in the page', () => {
    expect(pane.errors).toEqual([]);
  });
});
