/**
 * Where real Excel is stricter than an ideal one, in the browser playground: Microsoft's office.js Excel client in
 * the page, the stand-in's RichApi host answering it. A user's data bar and colour scale on a table, a whole-column
 * clear, typing while a check is waiting (cell-edit mode), a highlight copied out of the tables and a co-author's
 * edit each leave the add-in checking correctly (the same behaviours as test/excel/excel-behaviours.test.ts).
 */
import { cellId, getFormat } from '../../src/model/formats';
import { PAINT_FILL } from '../../src/excel/palette';
import { strings } from '../../src/taskpane/i18n';
import { describeBrowser, haveChromium, openPane, type PaneSession } from './support/browser';

const zh = strings('zh');
const format = getFormat('2021');
const [col] = format.t3.applicantColumns;
/** Table 三's first row (new applications): typing a count there breaks its balance. */
const NEW = cellId('T3', format.t3.rows[0], col);

/** The stand-in's user, as the playground exposes it (window.playground.app). */
interface PlaygroundApp {
  activeSheet(): string;
  addConditionalFormat(sheet: string, range: string, type: string): void;
  clear(sheet: string, range: string): void;
  copyPaste(sheet: string, from: string, to: string): void;
  coauthorTypeCell(sheet: string, address: string, text: string): void;
  undo(): boolean;
  paintedByConditionalFormats(sheet: string): { address: string; fill: string | null }[];
  conditionalFormats(sheet: string): { ranges: string[]; formula: string | null }[];
  handlerErrors: readonly unknown[];
  inCellEditMode: boolean;
  requestCount: number;
}

let s: PaneSession;
let sheet: string;
let addr: Record<string, string>;

type PlaygroundWindow = { playground: { app: PlaygroundApp } };

/** Our fills (the sheet's own pale self-checking formats are copied and shown too, and are not highlights). */
const OUR_FILLS = Object.values(PAINT_FILL).map((f) => f.toUpperCase());

/** Cells the add-in's highlights paint now. */
const painted = () =>
  s.page.evaluate(
    ([sh, fills]) =>
      (window as unknown as PlaygroundWindow).playground.app
        .paintedByConditionalFormats(sh)
        .filter((p) => p.fill !== null && fills.includes(p.fill.toUpperCase()))
        .map((p) => p.address),
    [sheet, OUR_FILLS] as const,
  );

beforeAll(async () => {
  if (!haveChromium) return;
  s = await openPane('excel-behaviours');
  sheet = await s.generate('某县统计局', { protect: false });
  await s.page.getByRole('button', { name: zh.fillZero }).click();
  await s.overall('pass');
  addr = await s.addresses();
});

afterAll(async () => {
  await s?.close();
});

describeBrowser('Excel behaviours in the playground', () => {
  it('runs Microsoft’s office.js client, answered by the stand-in host in the page', async () => {
    const client = await s.page.evaluate(() => {
      const ext = (window as unknown as { OfficeExtension?: Record<string, unknown> }).OfficeExtension;
      return {
        requestContext: typeof ext?.ClientRequestContext,
        httpUtility: typeof ext?.HttpUtility,
      };
    });
    expect(client).toEqual({ requestContext: 'function', httpUtility: 'function' });
    expect(sheet).toBeTruthy();
    expect(
      await s.page.evaluate(() => (window as unknown as PlaygroundWindow).playground.app.requestCount),
    ).toBeGreaterThan(0);
  });

  it("a user's data bar and colour scale on table 三 do not stop checking", async () => {
    const t3 = format.cells.filter((c) => c.table === 'T3').map((c) => addr[c.id]);
    expect(t3.length).toBeGreaterThan(0);
    const range = `${t3[0]}:${t3[t3.length - 1]}`;
    await s.page.evaluate(
      ([sh, r]) => {
        const { app } = (window as unknown as PlaygroundWindow).playground;
        app.addConditionalFormat(sh, r, 'DataBar');
        app.addConditionalFormat(sh, r, 'ColorScale');
      },
      [sheet, range] as const,
    );
    await s.typeInGrid(addr[NEW], '9');
    await s.overall('errors');
    await s.page.locator(`td[data-address="${addr[NEW]}"][data-painted]`).waitFor();
    expect(await painted()).toContain(addr[NEW]);
    await s.shot('01-databar');
    await s.typeInGrid(addr[NEW], '0');
    await s.overall('pass');
    expect(await painted()).toEqual([]);
  });

  it('clearing a whole column of table 三 (event address `D:D`) still checks; Ctrl+Z brings it back', async () => {
    const column = addr[NEW].replace(/\d+$/, '');
    await s.page.evaluate(([sh, c]) => (window as unknown as PlaygroundWindow).playground.app.clear(sh, `${c}:${c}`), [
      sheet,
      column,
    ] as const);
    // Column D holds table headers too: the check runs and says which tables it can no longer read.
    await s.page
      .getByText(/的结构已被改动/)
      .first()
      .waitFor();
    expect(await s.cell(addr[NEW]).textContent()).toBe('');
    // Nothing in the damaged tables was checked: the summary says so instead of 通过.
    await s.overall('damaged');
    await s.shot('02-column-cleared');
    // Ctrl+Z, as often as it takes (the add-in's paint batch may be the last undo step, see the Jest test).
    for (let i = 0; i < 4 && (await s.cell(addr[NEW]).textContent()) !== '0'; i++) {
      await s.page.evaluate(() => (window as unknown as PlaygroundWindow).playground.app.undo());
      await s.page.waitForTimeout(200);
    }
    expect(await s.cell(addr[NEW]).textContent()).toBe('0');
    await s.overall('pass');
  });

  it('typing in another cell while a check waits: the check runs when the user leaves the cell', async () => {
    await s.typeInGrid(addr[NEW], '9');
    // The next cell's editor opens at once: Excel is in cell-edit mode before the live check has run.
    const other = addr[cellId('T3', format.t3.rows[1], col)];
    await s.cell(other).click();
    await s.page.keyboard.type('0');
    expect(await s.page.evaluate(() => (window as unknown as PlaygroundWindow).playground.app.inCellEditMode)).toBe(
      true,
    );
    await s.page.keyboard.press('Enter');
    await s.overall('errors');
    await s.page.locator(`td[data-address="${addr[NEW]}"][data-painted]`).waitFor();
    await s.shot('03-after-edit-mode');
  });

  it('a highlight copied out of the tables paints nothing there and is swept by the next check', async () => {
    const z = 'Z100';
    const ours = () =>
      s.page.evaluate(
        ([sh, at]) =>
          (window as unknown as PlaygroundWindow).playground.app
            .conditionalFormats(sh)
            .filter((cf) => cf.formula?.includes('DisclosureTables:') && cf.ranges.includes(at)).length,
        [sheet, z] as const,
      );
    await s.page.evaluate(
      ([sh, from, to]) => (window as unknown as PlaygroundWindow).playground.app.copyPaste(sh, from, to),
      [sheet, addr[NEW], z] as const,
    );
    expect(await ours()).toBeGreaterThan(0);
    expect(await painted()).not.toContain(z);
    // The next edit in the tables is checked, and its paint sweeps the copy.
    await s.typeInGrid(addr[cellId('T3', format.t3.rows[1], col)], '0');
    await s.page.waitForFunction(
      ([sh, at]) =>
        !(window as unknown as PlaygroundWindow).playground.app
          .conditionalFormats(sh)
          .some((cf) => cf.formula?.includes('DisclosureTables:') && cf.ranges.includes(at)),
      [sheet, z] as const,
    );
    expect(await painted()).toContain(addr[NEW]);
  });

  it("a co-author's edit is checked here, and painted only by the co-author's own pane", async () => {
    await s.typeInGrid(addr[NEW], '0');
    await s.overall('pass');
    expect(await painted()).toEqual([]);
    await s.page.evaluate(
      ([sh, at]) => (window as unknown as PlaygroundWindow).playground.app.coauthorTypeCell(sh, at, '7'),
      [sheet, addr[NEW]] as const,
    );
    await s.overall('errors');
    expect(await painted()).toEqual([]);
    await s.shot('04-coauthor');
  });

  it('no event handler failed and the page raised no errors', async () => {
    expect(
      await s.page.evaluate(() => (window as unknown as PlaygroundWindow).playground.app.handlerErrors.length),
    ).toBe(0);
    expect(s.errors).toEqual([]);
  });
});
