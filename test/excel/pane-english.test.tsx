/**
 * @jest-environment jsdom
 *
 * The real Excel host on the stand-in, under the pane in English: the findings are English (the host used to
 * ignore the language it was given and return Chinese), and switching to Chinese re-renders them without one more
 * read of the workbook.
 */
import './jsdom-text-encoding';
import '../taskpane/jsdom-env';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createExcelHost } from '../../src/excel/host';
import { getFormat } from '../../src/model/formats';
import { App } from '../../src/taskpane/App';
import { strings } from '../../src/taskpane/i18n';
import { installStandIn } from './harness';
import { nonEmpty } from '../support/non-empty';

it('the Excel host under an English pane gives English findings; switching language reads nothing again', async () => {
  const bench = installStandIn();
  const host = createExcelHost({ debounceMs: 0 });
  try {
    const out = await host.generate({ format: '2021', year: 2025, org: '某县统计局', target: 'newSheet' });
    expect(out.ok).toBe(true);
    const inputs = getFormat('2021').cells.filter((c) => c.role === 'input');
    await host.writeValues({ ...Object.fromEntries(inputs.map((c) => [c.id, 0])), 'T3.NEW.NP': 5 });

    render(<App host={host} initialLang="en" />);
    await waitFor(() => expect(screen.getAllByTestId('finding-message').length).toBeGreaterThan(0), {
      timeout: 15000,
    });
    // The pane's first check and its live start run side by side: wait until the workbook sees no more requests.
    await act(async () => {
      for (let seen = -1, rounds = 0; seen !== bench.standIn.app.syncCount && rounds < 50; rounds++) {
        seen = bench.standIn.app.syncCount;
        await bench.standIn.app.settle();
        await host.whenIdle();
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    const english = screen.getAllByTestId('finding-message').map((m) => m.textContent ?? '');
    expect(english.some((t) => /^Table 3, column 自然人/.test(t))).toBe(true);
    for (const t of nonEmpty(english)) expect(t).not.toMatch(/[表列行]|相差/);

    const syncs = bench.standIn.app.syncCount;
    expect(syncs).toBeGreaterThan(0);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: strings('en').switchLanguageLabel }));
    });
    const chinese = screen.getAllByTestId('finding-message').map((m) => m.textContent ?? '');
    expect(chinese.some((t) => /^表三 自然人列/.test(t))).toBe(true);
    // Not one round trip to the workbook: no read, no check, no paint.
    expect(bench.standIn.app.syncCount).toBe(syncs);
  } finally {
    await host.stopLive();
    bench.restore();
  }
}, 60000);
