/** @jest-environment jsdom */
/**
 * Which tables (issue 13): with two or more sets in the workbook the pane lists them by sheet and year, the one it
 * checks pressed, and a click checks another; the line under the status names the sheet checked. Keyboard use of
 * the buttons is covered in the browser (test/e2e/pane-table-sets.test.ts).
 */
import './jsdom-env';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { strings } from '../../src/taskpane/i18n';
import { setStrings } from '../../src/taskpane/i18n-sets';
import { createModelHost } from './fake-host';

const zh = strings('zh');
const zs = setStrings('zh');
const es = setStrings('en');

async function twoSets() {
  const host = createModelHost();
  const a = await host.generate({ format: '2021', year: 2024, org: '某镇', target: 'newSheet' });
  const b = await host.generate({ format: '2021', year: 2025, org: '某镇', target: 'newSheet' });
  if (!a.ok || !b.ok) throw new Error('generate failed');
  await host.writeValues({ 'T3.NEW.NP': 5 });
  render(<App host={host} today={new Date(2026, 2, 1)} />);
  await waitFor(() => expect(screen.getByTestId('set-chooser')).toBeTruthy());
  return { host, a: a.sheet, b: b.sheet };
}

const buttons = () => within(screen.getByTestId('set-chooser')).getAllByRole('button');
const pressed = () => buttons().map((x) => x.getAttribute('aria-pressed'));

describe('the set chooser', () => {
  it('lists the sets by sheet and year, Chinese first, the checked one pressed', async () => {
    const { a, b } = await twoSets();
    expect(screen.getByText(zs.chooserLabel(2))).toBeTruthy();
    expect(buttons().map((x) => x.textContent)).toEqual([zs.setOption(a, 2024), zs.setOption(b, 2025)]);
    expect(pressed()).toEqual(['false', 'true']);
    expect(screen.getByTestId('checked-where').textContent).toContain(zh.checkedWhere(b, ''));
    // English second: the same buttons, in English.
    fireEvent.click(screen.getByRole('button', { name: zh.switchLanguageLabel }));
    expect(buttons().map((x) => x.textContent)).toEqual([es.setOption(a, 2024), es.setOption(b, 2025)]);
  });

  it('a click checks the other set: its sheet named, its findings shown; back again', async () => {
    const { host, a, b } = await twoSets();
    expect(screen.getByTestId('overall').getAttribute('data-state')).toBe('errors');
    await act(async () => {
      fireEvent.click(buttons()[0]);
    });
    await waitFor(() => expect(pressed()).toEqual(['true', 'false']));
    expect(host.calls.filter((c) => c === 'chooseSet')).toHaveLength(1);
    expect(screen.getByTestId('checked-where').textContent).toContain(zh.checkedWhere(a, ''));
    expect(screen.getByTestId('overall').getAttribute('data-state')).toBe('notFilled');
    // The pressed one is the set checked: clicking it again asks nothing.
    await act(async () => {
      fireEvent.click(buttons()[0]);
    });
    expect(host.calls.filter((c) => c === 'chooseSet')).toHaveLength(1);
    await act(async () => {
      fireEvent.click(buttons()[1]);
    });
    await waitFor(() => expect(pressed()).toEqual(['false', 'true']));
    expect(screen.getByTestId('checked-where').textContent).toContain(zh.checkedWhere(b, ''));
    expect(screen.getByTestId('overall').getAttribute('data-state')).toBe('errors');
  });

  it('is not shown with one set', async () => {
    const host = createModelHost();
    await host.generate({ format: '2021', year: 2025, org: '某镇', target: 'newSheet' });
    render(<App host={host} today={new Date(2026, 2, 1)} />);
    await waitFor(() => expect(screen.getByTestId('checked-where')).toBeTruthy());
    expect(screen.queryByTestId('set-chooser')).toBeNull();
  });
});
