/** @jest-environment jsdom */
/**
 * The import preview says what the reader says about how it read the pasted text, before anything is written: a
 * note that means part of the report was not read (cut short, a guessed split between two reports) as a warning
 * above the tables and the write button; the others as a quiet list. In the pane's language.
 */
import './jsdom-env';
import * as fs from 'fs';
import * as path from 'path';
import * as React from 'react';
import { act, fireEvent, getDefaultNormalizer, render, screen, waitFor, within } from '@testing-library/react';
import { renderReaderNote } from '../../src/io/reader-notes';
import { importReportText } from '../../src/io/text';
import { App } from '../../src/taskpane/App';
import { strings } from '../../src/taskpane/i18n';
import { importNoteStrings } from '../../src/taskpane/i18n-import';
import { cutInsideTable4, sideBySideWithoutYears, tablesAgainUntitled } from '../support/damaged-reports';
import { callsOf, createFakeHost, hostCheck, passingResult } from './fake-host';
import { pasteReport } from './paste-report';

// Rendering the pane with the previewed tables in jsdom takes seconds on a shared CPU: a limit, not a measurement.
jest.setTimeout(30_000);

const SUQIAN = path.join(__dirname, '../fixtures/samples/02-suqian-city-2023-2024-format2021.txt');

async function renderApp(lang: 'zh' | 'en' = 'zh') {
  const host = createFakeHost({
    check: hostCheck(passingResult('2021')),
    afterWrite: () => hostCheck(passingResult('2021')),
  });
  render(<App host={host} initialLang={lang} today={new Date(2026, 2, 1)} />);
  await waitFor(() => expect(callsOf(host, 'checkNow').length).toBeGreaterThan(0));
  await act(async () => undefined);
  return host;
}

function precedes(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

describe('import preview: the reader’s notes', () => {
  it('a text cut off inside table 四: a warning above the tables and the write button, then the rest is written', async () => {
    const zh = strings('zh');
    const text = cutInsideTable4();
    const read = importReportText(text);
    expect(read.notes).toEqual([{ kind: 'cutShort', params: { table: 'T4' } }]);
    const host = await renderApp();
    const preview = await within(await pasteReport(text)).findByTestId('import-preview');
    const warning = within(preview).getByTestId('import-notes-partial');
    expect(within(warning).getByText(importNoteStrings('zh').notesPartlyUnread)).toBeTruthy();
    const items = within(warning).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['原文在表四中途结束，最后一个数字可能被截断，这一行没有读取']);
    const write = within(preview).getByRole('button', { name: zh.importWrite });
    expect(precedes(warning, write)).toBe(true);
    expect(precedes(warning, within(preview).getByText(zh.importTablesHeading))).toBe(true);
    expect(within(preview).queryByTestId('import-notes')).toBeNull();
    expect(callsOf(host, 'writeValues')).toHaveLength(0);

    // Seen and accepted: what was read is written, the row cut off is left as it is.
    await act(async () => {
      fireEvent.click(write);
    });
    await waitFor(() => expect(callsOf(host, 'writeValues')).toHaveLength(1));
    const written = callsOf(host, 'writeValues')[0][0] as Record<string, number>;
    const unread = read.unread.map((u) => u.cell);
    expect(unread.length).toBeGreaterThan(0);
    expect(unread.filter((id) => id in written)).toEqual([]);
  });

  it('tables pasted again with no title: the first report’s preview warns that the rest was read as another', async () => {
    const { text, line } = tablesAgainUntitled();
    await renderApp('en');
    const preview = await within(await pasteReport(text, strings('en'))).findByTestId('import-preview');
    const warning = within(preview).getByTestId('import-notes-partial');
    expect(within(warning).getByText(importNoteStrings('en').notesPartlyUnread)).toBeTruthy();
    expect(
      within(warning)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([renderReaderNote({ kind: 'continuesAsAnother', params: { line } }, '2021', 'en')]);
    expect(within(warning).getByText(new RegExp(`at line ${line} with no title`))).toBeTruthy();
  });

  it('a row placed by its order (宿迁市, real) is a quiet note, not a warning, naming the row by its label', async () => {
    const text = fs.readFileSync(SUQIAN, 'utf8');
    const read = importReportText(text);
    const byOrder = (read.notes ?? []).filter((n) => n.kind === 'placedByOrder');
    expect(byOrder).toHaveLength(2);
    await renderApp();
    const preview = await within(await pasteReport(text)).findByTestId('import-preview');
    expect(within(preview).queryByTestId('import-notes-partial')).toBeNull();
    const quiet = within(preview).getByTestId('import-notes');
    expect(within(quiet).getByText(importNoteStrings('zh').notesHeading)).toBeTruthy();
    const items = within(quiet).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(byOrder.map((n) => renderReaderNote(n, '2021', 'zh')));
    expect(items[0].textContent).toMatch(/^表三“.+”行：原文的行标题“1\.逾期不补正”/);
  });

  it('two reports side by side without their years: nothing to preview, and the reason is said', async () => {
    const zh = strings('zh');
    const host = await renderApp();
    const section = await pasteReport(sideBySideWithoutYears());
    // The sentence quotes a line with runs of spaces: matched as written, not with its spaces collapsed.
    const why = renderReaderNote({ kind: 'sideBySide', params: {} }, '2021', 'zh');
    const asWritten = { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) };
    expect(await within(section).findByText(why, asWritten)).toBeTruthy();
    expect(within(section).queryByText(zh.importNoTables)).toBeNull();
    expect(within(section).queryByTestId('import-preview')).toBeNull();
    expect(callsOf(host, 'writeValues')).toHaveLength(0);
    expect(screen.queryByTestId('import-notes-partial')).toBeNull();
  });
});
