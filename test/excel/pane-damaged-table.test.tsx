/**
 * @jest-environment jsdom
 *
 * The real Excel host on the stand-in under the pane: when the user clears a whole column that holds the tables'
 * labels, the host can no longer read the tables whole. The pane used to say 通过 with 0 errors then (nothing was
 * checked, so nothing was wrong); a table that was not fully checked is never a pass.
 */
import './jsdom-text-encoding';
import '../taskpane/jsdom-env';
import * as React from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import { createExcelHost } from '../../src/excel/host';
import { getFormat } from '../../src/model/formats';
import { App } from '../../src/taskpane/App';
import { strings } from '../../src/taskpane/i18n';
import { cellAddressOf, generateSheet, installStandIn } from './harness';

const zh = strings('zh');

it('clearing a column that holds the tables’ labels: 未能完整检查, never 通过', async () => {
  const bench = installStandIn();
  const host = createExcelHost({ debounceMs: 0 });
  try {
    const format = getFormat('2021');
    await generateSheet(host);
    const inputs = format.cells.filter((c) => c.role === 'input');
    await host.writeValues(Object.fromEntries(inputs.map((c) => [c.id, 0])));

    render(<App host={host} initialLang="zh" />);
    const overall = () => screen.getByTestId('overall');
    await waitFor(() => expect(overall().getAttribute('data-state')).toBe('pass'), { timeout: 15000 });

    // Column D: the first applicant column of table 三, and the header rows of every table above it.
    const address = cellAddressOf(bench.standIn, format, 'T3.NEW.NP');
    const sheet = bench.standIn.app.activeSheet();
    const column = address.replace(/\d+$/, '');
    await act(async () => {
      bench.standIn.app.clear(sheet, `${column}:${column}`);
      await bench.standIn.app.settle();
      await host.checkNow().then(() => undefined);
    });
    await waitFor(() => expect(overall().getAttribute('data-state')).not.toBe('pass'), { timeout: 15000 });
    expect(screen.getAllByText(/的结构已被改动/).length).toBeGreaterThan(0);
    expect(overall().getAttribute('data-state')).toBe('damaged');
    expect(overall().textContent).toContain(zh.overallDamaged);
    expect(overall().textContent).not.toContain(zh.overallPass);
    expect(screen.getAllByText(zh.tableNotChecked.trim()).length).toBeGreaterThan(0);
  } finally {
    await host.stopLive();
    bench.restore();
  }
}, 60000);
