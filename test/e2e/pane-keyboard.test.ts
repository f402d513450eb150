/**
 * The pane from the keyboard alone (issue 13): Tab, Shift+Tab, Enter, Space and Esc, no mouse. Generate, see a
 * finding, go to its cell, apply the suggestion, open the details, switch the language. After every key the focus
 * is on an element of the page (never lost to <body>) and visibly marked (:focus-visible with an outline, a ring
 * or an underline the user can see). The workbook's figures are typed as in Excel (the stand-in's typeCell): the
 * grid stands in for Excel and is not what this test drives. Screenshots go to test-artifacts/pane-keyboard-*.png.
 */
import { cellId, getFormat } from '../../src/model/formats';
import { strings } from '../../src/taskpane/i18n';
import type { Locator } from 'playwright-core';
import { describeBrowser, haveChromium, openPane, type PaneSession } from './support/browser';

const zh = strings('zh');
const en = strings('en');
const format = getFormat('2021');
const NP = format.t3.applicantColumns[0];
const NEW = cellId('T3', 'NEW', NP);
const DISCLOSED = cellId('T3', format.t3.leafRows[0], NP);

let pane: PaneSession;
let addr: Record<string, string> = {};

beforeAll(async () => {
  if (haveChromium) pane = await openPane('pane-keyboard');
});
afterAll(async () => {
  await pane?.close();
});

interface Focused {
  /** Tag, role and accessible text of the focused element; `body` when the focus is lost. */
  what: string;
  inPane: boolean;
  /** :focus-visible and a mark the user sees (outline, ring, or a pseudo-element's border/outline). */
  visible: boolean;
}

/** What has the focus now, and whether the user can see it. */
function focused(): Promise<Focused> {
  return pane.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'body', inPane: false, visible: false };
    const marked = (st: CSSStyleDeclaration) =>
      (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0) ||
      (st.boxShadow !== '' && st.boxShadow !== 'none') ||
      (st.content !== 'none' && st.content !== '' && st.borderStyle !== 'none' && parseFloat(st.borderWidth) > 0);
    // Fluent UI draws its focus ring on the element or its ::after; a Switch or Radio on the control around the
    // hidden <input>, an Input as its wrapper's bottom border.
    const candidates = [el, el.parentElement].filter((x): x is HTMLElement => !!x);
    const visible =
      el.matches(':focus-visible') &&
      candidates.some(
        (x) =>
          marked(getComputedStyle(x)) ||
          marked(getComputedStyle(x, '::after')) ||
          marked(getComputedStyle(x, '::before')),
      );
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
    return {
      what: `${el.tagName.toLowerCase()}[${el.getAttribute('role') ?? el.getAttribute('type') ?? ''}] ${name}`,
      inPane: !!el.closest('.pg-pane'),
      visible,
    };
  });
}

/** Presses a key and checks the focus is kept and visible afterwards. */
async function press(key: string): Promise<Focused> {
  await pane.page.keyboard.press(key);
  const f = await focused();
  expect({ key, focus: f.what, visible: f.visible }).toEqual({
    key,
    focus: f.what === 'body' ? 'not body' : f.what,
    visible: true,
  });
  return f;
}

/**
 * Tabs until `target` has the focus; at most `max` presses, each one checked. Tab inside the grid
 * moves between cells as in Excel, so reaching the grid the user presses Esc to come back to the pane's top.
 */
async function tabTo(target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await inGrid()) await press('Escape');
    // Past the page's last control Tab leaves the page (the browser's own UI, here <body>); the next Tab wraps to
    // the top. That is the one place the focus may leave, and only from the last control.
    else if (await lastTabbable()) {
      await pane.page.keyboard.press('Tab');
      await press('Tab');
    } else await press('Tab');
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
  }
  throw new Error(`${String(target)} not reached within ${max} presses`);
}

/** Whether the focused element is the last one Tab reaches on the page. */
function lastTabbable(): Promise<boolean> {
  return pane.page.evaluate(() => {
    const all = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]',
      ),
    ].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
    return all.length > 0 && all[all.length - 1] === document.activeElement;
  });
}

/** The user types in Excel (the stand-in's typeCell on the active sheet): not the pane's keyboard. */
async function typeInExcel(address: string, text: string): Promise<void> {
  await pane.page.evaluate(
    ([a, t]) => {
      const app = (
        window as unknown as {
          playground: { app: { typeCell(s: string, a: string, t: string): void; activeSheet(): string } };
        }
      ).playground.app;
      app.typeCell(app.activeSheet(), a, t);
    },
    [address, text],
  );
}

const inGrid = () => pane.page.evaluate(() => !!document.activeElement?.closest('[data-testid="grid"]'));
const overallText = async () => (await pane.page.getByTestId('overall').textContent()) ?? '';

describeBrowser('the pane from the keyboard alone', () => {
  it('Esc leaves the grid for the pane', async () => {
    // The page opens with the grid, as Excel opens with the sheet: Tab reaches it, Esc goes to the pane.
    for (let i = 0; i < 10 && !(await inGrid()); i++) await pane.page.keyboard.press('Tab');
    expect(await inGrid()).toBe(true);
    const f = await press('Escape');
    expect(f.inPane).toBe(true);
  });

  it('generates the tables: type the body, Enter on 生成统计表', async () => {
    const form = pane.page.getByRole('form', { name: zh.generateHeading });
    await tabTo(form.getByLabel(zh.org));
    await pane.page.keyboard.type('某某县统计局');
    const button = form.getByRole('button', { name: zh.generate });
    await tabTo(button);
    // Shift+Tab goes back one control (the protection switch) and Tab returns: the order follows the form.
    expect((await press('Shift+Tab')).what).toMatch(/^input\[switch\]/);
    await press('Tab');
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    await press('Enter');
    await pane.overall('notFilled');
    expect((await focused()).what).not.toBe('body');
    expect((await focused()).visible).toBe(true);
    await pane.shot('01-generated');
  });

  it('其余空白填 0 from the keyboard (Space)', async () => {
    await tabTo(pane.page.getByRole('button', { name: zh.fillZero }));
    await press('Space');
    await pane.overall('pass');
    // The button is gone with the blanks: the focus stays in the pane, visible, not on <body>.
    const f = await focused();
    expect([f.inPane, f.visible]).toEqual([true, true]);
  });

  it('a finding: Enter on it goes to the cell, Enter on 采用建议 applies the suggestion', async () => {
    addr = await pane.addresses();
    await typeInExcel(addr[NEW], '12');
    await typeInExcel(addr[DISCLOSED], '12');
    // The pane already says 通过 (the zeros passed): wait until the check of these two edits has run, or 21 joins
    // them in one check where two edited cells could explain the imbalance and neither is the sure suspect.
    await pane.page.evaluate(async () => {
      const pg = (
        window as unknown as { playground: { app: { settle(): Promise<void> }; host: { whenIdle(): Promise<void> } } }
      ).playground;
      await pg.app.settle();
      await pg.host.whenIdle();
    });
    await pane.overall('pass');
    await typeInExcel(addr[DISCLOSED], '21');
    await pane.overall('errors');
    const card = pane.page.locator('[data-testid="finding"]').first();
    await tabTo(card.locator('button').first());
    await press('Enter');
    await pane.page.waitForFunction(
      (a) => document.querySelector('[data-testid="namebox"]')?.textContent === a,
      addr[DISCLOSED],
    );
    await pane.shot('02-went-to-cell');
    // Going to the cell leaves the focus in the pane (Excel selects the cell; the pane keeps the keyboard).
    expect((await focused()).inPane).toBe(true);

    await tabTo(card.getByRole('button', { name: zh.applySuggestion }));
    await press('Enter');
    await pane.overall('pass');
    expect(await pane.cell(addr[DISCLOSED]).textContent()).toBe('12');
    const f = await focused();
    expect([f.inPane, f.visible]).toEqual([true, true]);
    await pane.shot('03-applied');
  });

  it('详细说明 opens with Space and closes with Enter', async () => {
    await typeInExcel(addr[DISCLOSED], '13');
    await pane.overall('errors');
    const details = pane.page.locator('[data-testid="finding"]').first().getByRole('button', { name: zh.showDetails });
    await tabTo(details);
    await press('Space');
    await pane.page.getByTestId('finding-details').waitFor();
    const toggle = pane.page.locator('[data-testid="finding"]').first().getByRole('button', { name: zh.hideDetails });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await pane.shot('04-details');
    await press('Enter');
    expect(await pane.page.getByTestId('finding-details').count()).toBe(0);
  });

  it('switches the language with Enter; the focus stays on the switch', async () => {
    await tabTo(pane.page.getByRole('button', { name: zh.switchLanguageLabel }));
    await press('Enter');
    await pane.page.getByRole('heading', { name: en.generateHeading }).waitFor();
    expect(await overallText()).toContain(en.overallErrorCount(1));
    const back = pane.page.getByRole('button', { name: en.switchLanguageLabel });
    expect(await back.evaluate((el) => el === document.activeElement)).toBe(true);
    await pane.shot('05-english');
  });

  it('raised no errors in the page', () => {
    expect(pane.errors).toEqual([]);
  });
});
