/** @jest-environment jsdom */
import './jsdom-env';
import * as fs from 'fs';
import * as path from 'path';
import * as React from 'react';
import { importReportText } from '../../src/io/text';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { strings } from '../../src/taskpane/i18n';
import { formatMessage } from '../../src/model/messages';
import { getFormat } from '../../src/model/formats';
import type { CellId, CheckResult, FormatId } from '../../src/model/types';
import { callsOf, createFakeHost, hostCheck, passingResult } from './fake-host';
import { pasteReport } from './paste-report';

const zh = strings('zh');
// Rendering the pane with the previewed tables in jsdom takes seconds on a shared CPU: a limit, not a measurement.
jest.setTimeout(30_000);
const en = strings('en');
const FIXTURES = path.join(__dirname, '..', 'fixtures');

function sample(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, 'samples', name), 'utf8');
}

interface Expected {
  source: string;
  year: number;
  format: FormatId;
  cells: Record<CellId, number>;
}

function expected(name: string): Expected {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected', name), 'utf8')) as Expected;
}

/** What the import must write: the fixture's values of the input cells only (totals are formulas). */
function inputValues(e: Expected): Record<CellId, number> {
  const out: Record<CellId, number> = {};
  for (const c of getFormat(e.format).cells) if (c.role === 'input' && c.id in e.cells) out[c.id] = e.cells[c.id];
  return out;
}

async function renderApp(host: ReturnType<typeof createFakeHost>, lang: 'zh' | 'en' = 'zh') {
  render(<App host={host} initialLang={lang} today={new Date(2026, 2, 1)} />);
  await waitFor(() => expect(callsOf(host, 'checkNow').length).toBeGreaterThan(0));
  await act(async () => undefined);
}

const paste = pasteReport;

const WITH_EXPECTED = fs
  .readdirSync(path.join(FIXTURES, 'expected'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ json: f, e: expected(f) }))
  // Side-by-side comparisons hold two reports in one text; the pane imports single reports.
  .filter(({ e }) => fs.existsSync(path.join(FIXTURES, 'samples', e.source)));

describe('task pane: importing a published report', () => {
  it.each(WITH_EXPECTED.map(({ json, e }) => [json, e] as const))(
    '%s: previews the counts, then writes exactly the input cells’ values and shows the check',
    async (_json, e) => {
      const want = inputValues(e);
      const host = createFakeHost({
        check: hostCheck(passingResult(e.format)),
        afterWrite: (values) => {
          const r = passingResult(e.format);
          Object.assign(r.cells, values);
          return hostCheck(r);
        },
      });
      await renderApp(host);
      const section = await paste(sample(e.source));
      const preview = await within(section).findByTestId('import-preview');
      expect(within(preview).getByText(zh.importCellsRead(Object.keys(e.cells).length))).toBeTruthy();
      expect(within(preview).getByText(zh.importToWrite(Object.keys(want).length))).toBeTruthy();
      expect(within(preview).getByText(String(e.year))).toBeTruthy();
      // Nothing is written by the preview itself.
      expect(callsOf(host, 'writeValues')).toHaveLength(0);

      await act(async () => {
        fireEvent.click(within(preview).getByRole('button', { name: zh.importWrite }));
      });
      await waitFor(() => expect(callsOf(host, 'writeValues')).toHaveLength(1));
      expect(callsOf(host, 'writeValues')[0][0]).toEqual(want);
      expect(await within(section).findByText(zh.importDone(Object.keys(want).length))).toBeTruthy();
      expect(screen.getByTestId('overall').getAttribute('data-state')).toBe('pass');
    },
  );

  it('a partial report: the preview says apart which cells the report leaves blank and which were not read', async () => {
    const text = sample('06-xuwen-bureau-blank-cells-partial.txt');
    const read = importReportText(text);
    expect(read.unread.length).toBeGreaterThan(0);
    expect(read.unfilled.length).toBeGreaterThan(0);
    await renderApp(createFakeHost({ check: hostCheck(passingResult(read.format)) }));
    const preview = await within(await paste(text)).findByTestId('import-preview');
    expect(within(preview).getByText(zh.importUnread(read.unread.length))).toBeTruthy();
    expect(within(preview).getByText(zh.importUnfilled(read.unfilled.length))).toBeTruthy();
  });

  it('a text without tables says so and asks nothing of the host', async () => {
    const host = createFakeHost({ check: hostCheck(passingResult()) });
    await renderApp(host);
    const section = await paste('2025 年，本机关认真贯彻落实《政府信息公开条例》，政务公开工作取得新进展。');
    expect(await within(section).findByText(zh.importNoTables)).toBeTruthy();
    expect(within(section).queryByTestId('import-preview')).toBeNull();
    expect(within(section).queryByRole('button', { name: zh.importWrite })).toBeNull();
    expect(callsOf(host, 'writeValues')).toHaveLength(0);
  });

  it('an empty paste asks for the text instead of reading', async () => {
    const host = createFakeHost({ check: hostCheck(passingResult()) });
    await renderApp(host);
    const section = await paste('   ');
    expect(within(section).getByText(zh.importEmpty)).toBeTruthy();
    expect(callsOf(host, 'writeValues')).toHaveLength(0);
  });

  it('figures already in the tables are overwritten only after confirmation', async () => {
    const e = WITH_EXPECTED.find(({ e }) => Object.values(inputValues(e)).some((v) => v !== 0))!.e;
    const want = inputValues(e);
    const existing: CheckResult = passingResult(e.format);
    // Two non-zero figures the import would change, one it would not touch differently.
    const ids = Object.keys(want);
    existing.cells[ids[0]] = want[ids[0]] + 7;
    existing.cells[ids[1]] = want[ids[1]] + 3;
    const host = createFakeHost({ check: hostCheck(existing), afterWrite: () => hostCheck(passingResult(e.format)) });
    await renderApp(host);
    const section = await paste(sample(e.source));
    const preview = await within(section).findByTestId('import-preview');

    await act(async () => {
      fireEvent.click(within(preview).getByRole('button', { name: zh.importWrite }));
    });
    expect(within(preview).getByText(zh.importOverwrite(2, 2))).toBeTruthy();
    expect(callsOf(host, 'writeValues')).toHaveLength(0);
    // The confirmation takes the keyboard focus, so Enter or Space answers it.
    expect(document.activeElement).toBe(within(preview).getByRole('button', { name: zh.importConfirmOverwrite }));

    fireEvent.click(within(preview).getByRole('button', { name: zh.importCancel }));
    expect(callsOf(host, 'writeValues')).toHaveLength(0);

    await act(async () => {
      fireEvent.click(within(preview).getByRole('button', { name: zh.importWrite }));
    });
    await act(async () => {
      fireEvent.click(within(preview).getByRole('button', { name: zh.importConfirmOverwrite }));
    });
    await waitFor(() => expect(callsOf(host, 'writeValues')).toHaveLength(1));
    expect(callsOf(host, 'writeValues')[0][0]).toEqual(want);
  });

  it('a report in the other format is not written into the tables, and unplaced lines can be listed', async () => {
    const text = sample('12-wuhan-sthjj-2020-format2019-hubei-annotated.txt');
    const host = createFakeHost({ check: hostCheck(passingResult('2021')) });
    await renderApp(host, 'en');
    const section = await paste(text, en);
    const preview = await within(section).findByTestId('import-preview');
    expect(within(preview).getByText(en.importFormatMismatch('2019', '2021'))).toBeTruthy();
    expect(within(preview).queryByRole('button', { name: en.importWrite })).toBeNull();

    const toggle = within(preview).getByRole('button', { name: en.importShowLines });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const lines = within(preview).getByTestId('import-unrecognised');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe(lines.id);
    expect(within(lines).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(callsOf(host, 'writeValues')).toHaveLength(0);
  });

  it('without tables in the workbook and no year in the report, asks to generate them first', async () => {
    const host = createFakeHost();
    await renderApp(host);
    // Without its year (title page, first sentence), nothing in the text says which year the report is for.
    const text = sample('seed-county-bureau-2025.txt').replace(/2025年?/g, '');
    expect(importReportText(text).year).toBeUndefined();
    const section = await paste(text);
    expect(await within(section).findByText(zh.importNeedTables('2021'))).toBeTruthy();
    expect(within(section).queryByRole('button', { name: zh.importGenerateAndImport })).toBeNull();
    expect(callsOf(host, 'writeValues')).toHaveLength(0);
    expect(callsOf(host, 'generate')).toHaveLength(0);
  });

  it('a write the host refuses is reported, not announced as done', async () => {
    const host = createFakeHost({
      check: hostCheck(passingResult()),
      afterWrite: () => hostCheck(null, { problems: [{ kind: 'sheetProtected', sheet: '统计表' }] }),
    });
    await renderApp(host);
    const section = await paste(sample('seed-county-bureau-2025.txt'));
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: zh.importWrite }));
    });
    expect(await within(section).findByText(zh.importNotWritten)).toBeTruthy();
    expect(screen.getByText(formatMessage('host.sheetProtected', 'zh', { sheet: '统计表' }))).toBeTruthy();
  });
});
