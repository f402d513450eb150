/**
 * Accessibility of the pane (issue 13): axe-core checks the task pane in its main states (no tables yet, findings
 * shown, a finding's details open, the import preview open, and in English) and the run fails on any serious or
 * critical violation (https://github.com/dequelabs/axe-core/blob/develop/doc/rule-descriptions.md: labels,
 * contrast, roles, names). Only the pane is checked: the grid beside it stands in for Excel and is not shipped.
 * Screenshots go to test-artifacts/pane-a11y-*.png.
 */
import * as fs from 'fs';
import * as path from 'path';
import AxeBuilder from '@axe-core/playwright';
import { cellId, getFormat } from '../../src/model/formats';
import { strings } from '../../src/taskpane/i18n';
import { formatMessage } from '../../src/model/messages';
import { describeBrowser, haveChromium, openPane, type PaneSession } from './support/browser';

const zh = strings('zh');
const format = getFormat('2021');
const NP = format.t3.applicantColumns[0];

let pane: PaneSession;

beforeAll(async () => {
  if (haveChromium) pane = await openPane('pane-a11y');
});
afterAll(async () => {
  await pane?.close();
});

/** Serious and critical violations in the pane, one line each: rule, impact, the elements it names. */
async function violations(state: string): Promise<string[]> {
  const out = await new AxeBuilder({ page: pane.page }).include('aside.pg-pane').analyze();
  // The check ran over the pane: rules passed as well, not an empty selection.
  expect(out.passes.length).toBeGreaterThan(0);
  await pane.shot(state);
  return out.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => `${n.html} ${n.failureSummary}`).join(' | ')}`);
}

describeBrowser('axe-core finds no serious violation in the pane', () => {
  it('with no tables yet', async () => {
    await pane.page.getByText(formatMessage('host.noTables', 'zh')).waitFor();
    expect(await violations('01-no-tables')).toEqual([]);
  });

  it('with a fresh table (尚未填写)', async () => {
    await pane.generate('某某县统计局');
    await pane.overall('notFilled');
    expect(await violations('02-fresh')).toEqual([]);
  });

  it('with a finding shown and the sheet painted', async () => {
    const addr = await pane.addresses();
    await pane.page.getByRole('button', { name: zh.fillZero }).click();
    await pane.overall('pass');
    await pane.typeInGrid(addr[cellId('T3', 'NEW', NP)], '12');
    await pane.typeInGrid(addr[cellId('T3', format.t3.leafRows[0], NP)], '21');
    await pane.overall('errors');
    await pane.page.getByTestId('legend').waitFor();
    expect(await violations('03-finding')).toEqual([]);
  });

  it('with a finding’s details open', async () => {
    await pane.page.getByTestId('finding').first().getByRole('button', { name: zh.showDetails }).click();
    await pane.page.getByTestId('finding-details').waitFor();
    expect(await violations('04-details')).toEqual([]);
  });

  it('with the import preview open', async () => {
    const fixtures = path.join(__dirname, '..', 'fixtures');
    const expected = JSON.parse(
      fs.readFileSync(path.join(fixtures, 'expected', 'fixture-test-city-2025.json'), 'utf8'),
    ) as { source: string };
    const section = pane.page.getByRole('region', { name: zh.importHeading });
    await section.getByRole('textbox').fill(fs.readFileSync(path.join(fixtures, 'samples', expected.source), 'utf8'));
    await section.getByRole('button', { name: zh.importPreview }).click();
    await section.locator('[data-testid="import-preview"]').waitFor();
    await section.scrollIntoViewIfNeeded();
    expect(await violations('05-import-preview')).toEqual([]);
  });

  it('in English', async () => {
    await pane.page.getByRole('button', { name: zh.switchLanguageLabel }).click();
    await pane.page.getByRole('heading', { name: strings('en').generateHeading }).waitFor();
    expect(await violations('06-english')).toEqual([]);
  });

  it('raised no errors in the page', () => {
    expect(pane.errors).toEqual([]);
  });
});
