/** @jest-environment jsdom */
import './jsdom-env';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { NotInExcel } from '../../src/taskpane/NotInExcel';
import { strings } from '../../src/taskpane/i18n';
import { formatMessage } from '../../src/model/messages';
import { getFormat } from '../../src/model/formats';
import { brokenBalance, callsOf, createFakeHost, hostCheck, passingResult, shownMessage } from './fake-host';
import { ofLength } from '../support/non-empty';

const zh = strings('zh');
const en = strings('en');
const TODAY = new Date(2026, 2, 1);

async function renderApp(
  host: ReturnType<typeof createFakeHost>,
  props: Partial<React.ComponentProps<typeof App>> = {},
) {
  const view = render(<App host={host} today={TODAY} {...props} />);
  // The first check runs on mount; wait until the pane has asked for it and rendered the answer.
  await waitFor(() => expect(callsOf(host, 'checkNow').length).toBeGreaterThan(0));
  await act(async () => undefined);
  return view;
}

describe('task pane: no tables in the workbook', () => {
  it('says so and offers to generate, with the 2021 format and last year by default', async () => {
    const host = createFakeHost();
    await renderApp(host);
    expect(await screen.findByText(formatMessage('host.noTables', 'zh'))).toBeTruthy();
    const form = screen.getByRole('form', { name: zh.generateHeading });
    const format = within(form).getByRole('combobox') as HTMLSelectElement;
    expect(format.value).toBe('2021');
    expect(format.options[format.selectedIndex].text).toContain(getFormat('2021').source);
    fireEvent.change(within(form).getByLabelText(new RegExp(zh.org)), { target: { value: '某某县统计局' } });
    host.check = hostCheck(passingResult());
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: zh.generate }));
    });
    await waitFor(() => expect(callsOf(host, 'generate')).toHaveLength(1));
    expect(callsOf(host, 'generate')[0][0]).toEqual({
      format: '2021',
      year: TODAY.getFullYear() - 1,
      org: '某某县统计局',
      target: 'newSheet',
      protect: true,
    });
    // After generating, the pane checks again and shows the new state.
    await waitFor(() => expect(screen.getByTestId('overall').getAttribute('data-state')).toBe('pass'));
  });

  it('refuses to generate without a body name and says why, asking nothing of the host', async () => {
    const host = createFakeHost();
    await renderApp(host);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: zh.generate }));
    });
    expect(screen.getByText(zh.orgMissing)).toBeTruthy();
    expect(callsOf(host, 'generate')).toHaveLength(0);
  });

  it('when the selection holds data, says so and generates on a new sheet only when asked', async () => {
    const host = createFakeHost();
    host.generateOutcomes.push({ ok: false, reason: 'targetNotEmpty', sheet: 'Sheet1', address: 'B2:P90' });
    await renderApp(host);
    fireEvent.change(screen.getByLabelText(new RegExp(zh.org)), { target: { value: '某某镇人民政府' } });
    fireEvent.click(screen.getByRole('radio', { name: zh.targetSelection }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: zh.generate }));
    });
    await screen.findByText(zh.targetNotEmpty('Sheet1', 'B2:P90'));
    expect(callsOf(host, 'generate').map((a) => (a[0] as { target: string }).target)).toEqual(['selection']);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: zh.useNewSheet }));
    });
    await waitFor(() => expect(callsOf(host, 'generate')).toHaveLength(2));
    expect(callsOf(host, 'generate')[1][0]).toMatchObject({ target: 'newSheet', org: '某某镇人民政府' });
  });
});

describe('task pane: all passing', () => {
  it('shows 通过 and no findings, with zero counts for each table', async () => {
    const host = createFakeHost({ check: hostCheck(passingResult()) });
    await renderApp(host);
    const overall = screen.getByTestId('overall');
    expect(overall.getAttribute('data-state')).toBe('pass');
    expect(overall.textContent).toContain(zh.overallPass);
    expect(screen.getByText(zh.noFindings)).toBeTruthy();
    for (const t of ofLength(getFormat('2021').tables, 3)) {
      const row = screen.getByTestId(`status-${t.id}`);
      expect(row.textContent).toBe(`${t.shortName.zh}000`);
    }
  });

  it('counts unfilled cells per table', async () => {
    const result = passingResult();
    const t4 = getFormat('2021').tables.find((t) => t.id === 'T4')!;
    const blank = t4.cells.slice(0, 3).map((c) => c.id);
    result.unfilled = blank;
    const host = createFakeHost({ check: hostCheck(result) });
    await renderApp(host);
    expect(screen.getByTestId('status-T4').textContent).toBe(`${t4.shortName.zh}00${blank.length}`);
  });
});

describe('task pane: errors', () => {
  const values = { newCount: 12, carryIn: 3, done: 11, carryOut: 1 };

  it('shows the finding with the balance picture, the suspect cell and the suggestion', async () => {
    const { result, finding, ids } = brokenBalance(values);
    const check = hostCheck(result);
    const host = createFakeHost({ check });
    await renderApp(host);
    expect(screen.getByTestId('overall').getAttribute('data-state')).toBe('errors');
    expect(screen.getByTestId('status-T3').textContent).toBe(`${getFormat('2021').tables[1].shortName.zh}100`);
    const card = screen.getByTestId('finding');
    // A short sentence with the numbers leads; the model's full text is there on demand.
    const left = values.newCount + values.carryIn;
    const right = values.done + values.carryOut;
    expect(within(card).getByTestId('finding-message').textContent).toContain(
      `表三 自然人列：一+二 = ${left}，三（七）+ 四 = ${right}，差 ${Math.abs(right - left)}。`,
    );
    expect(card.textContent).not.toContain(shownMessage(finding));
    fireEvent.click(within(card).getByRole('button', { name: zh.showDetails }));
    expect(within(card).getByTestId('finding-details').textContent).toBe(shownMessage(finding));
    const eq = within(card).getByTestId('balance-equation');
    const term = (n: string) => within(eq).getByTestId(`term-${n}`);
    expect(term('一').textContent).toBe(`一${values.newCount}`);
    expect(term('二').textContent).toBe(`二${values.carryIn}`);
    expect(term('三').textContent).toBe(`三${values.done}`);
    expect(term('四').textContent).toBe(`四${values.carryOut}`);
    expect(term('四').getAttribute('data-suspect')).toBe('true');
    expect(term('一').getAttribute('data-suspect')).toBeNull();
    expect(eq.textContent).toContain(`= ${values.newCount + values.carryIn}`);
    expect(eq.textContent).toContain(`= ${values.done + values.carryOut}`);
    expect(card.getAttribute('data-suspect')).toBe(check.cellAddress[ids.carryOutId]);
    const expectedSuggestion = values.carryOut + (values.newCount + values.carryIn) - (values.done + values.carryOut);
    expect(within(card).getByTestId('suggestion').textContent).toBe(
      `${check.cellAddress[ids.carryOutId]} → ${expectedSuggestion}`,
    );
  });

  it('clicking the finding goes to the suspect cell; applying the suggestion writes it and shows the new check', async () => {
    const { result, finding, ids } = brokenBalance(values);
    const host = createFakeHost({
      check: hostCheck(result),
      afterWrite: (written) => {
        const fixed = passingResult();
        Object.assign(fixed.cells, result.cells, written);
        return hostCheck(fixed);
      },
    });
    await renderApp(host);
    const card = screen.getByTestId('finding');
    await act(async () => {
      fireEvent.click(within(card).getAllByRole('button')[0]);
    });
    expect(callsOf(host, 'goToCell')).toEqual([[ids.carryOutId]]);
    await act(async () => {
      fireEvent.click(within(card).getByRole('button', { name: zh.applySuggestion }));
    });
    expect(callsOf(host, 'writeValues')).toEqual([[finding.suggestion]]);
    await waitFor(() => expect(screen.queryByTestId('finding')).toBeNull());
    expect(screen.getByTestId('overall').getAttribute('data-state')).toBe('pass');
  });

  it('shows a host failure as a message instead of failing silently', async () => {
    const { result } = brokenBalance(values);
    const host = createFakeHost({ check: hostCheck(result) });
    host.goToCell = async () => {
      throw new Error('工作表已被删除');
    };
    await renderApp(host);
    await act(async () => {
      fireEvent.click(within(screen.getByTestId('finding')).getAllByRole('button')[0]);
    });
    expect(await screen.findByText(formatMessage('host.failed', 'zh', { message: '工作表已被删除' }))).toBeTruthy();
  });

  it('shows a protected sheet as a message', async () => {
    const { result } = brokenBalance(values);
    const host = createFakeHost({
      check: hostCheck(result, { problems: [{ kind: 'sheetProtected', sheet: '统计表' }], painted: false }),
    });
    await renderApp(host);
    expect(screen.getByText(formatMessage('host.sheetProtected', 'zh', { sheet: '统计表' }))).toBeTruthy();
    expect(screen.getByText(formatMessage('host.notPainted', 'zh'))).toBeTruthy();
  });
});

describe('task pane: live checking', () => {
  it('is on by default, shows what live checks report, and stops when switched off', async () => {
    const host = createFakeHost({ check: hostCheck(passingResult()) });
    await renderApp(host);
    await waitFor(() => expect(host.liveListener).not.toBeNull());
    expect(callsOf(host, 'startLive')).toHaveLength(1);
    const { result } = brokenBalance({ newCount: 5, carryIn: 0, done: 4, carryOut: 0 });
    await act(async () => host.liveListener!(hostCheck(result)));
    expect(screen.getByTestId('finding').textContent).toContain('表三 自然人列：一+二 = 5，三（七）+ 四 = 4，差 1。');
    await act(async () => {
      fireEvent.click(screen.getByRole('switch', { name: zh.liveCheck }));
    });
    await waitFor(() => expect(callsOf(host, 'stopLive')).toHaveLength(1));
    expect(host.liveListener).toBeNull();
  });

  it('check now and clear highlights ask the host', async () => {
    const host = createFakeHost({ check: hostCheck(passingResult()) });
    await renderApp(host);
    const before = callsOf(host, 'checkNow').length;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: zh.checkNow }));
    });
    expect(callsOf(host, 'checkNow')).toHaveLength(before + 1);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: zh.clearHighlights }));
    });
    expect(callsOf(host, 'clearHighlights')).toHaveLength(1);
  });
});

describe('task pane: unsupported host', () => {
  it('names what is missing and asks nothing else of the host', async () => {
    const host = createFakeHost({ missing: ['ExcelApi 1.7'] });
    render(<App host={host} today={TODAY} />);
    expect(screen.getByText(formatMessage('host.unsupported', 'zh', { missing: 'ExcelApi 1.7' }))).toBeTruthy();
    await act(async () => undefined);
    expect(host.calls.map((c) => c.method).filter((m) => m !== 'missingRequirements')).toEqual([]);
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('outside Excel shows a message instead of a blank pane', () => {
    render(<NotInExcel lang="zh" />);
    expect(screen.getByText(zh.notInExcel)).toBeTruthy();
  });
});

describe('task pane: English', () => {
  it('starts in English when asked and checks with English messages', async () => {
    const { result } = brokenBalance({ newCount: 5, carryIn: 0, done: 4, carryOut: 0 });
    const broken = createFakeHost({ check: hostCheck(result) });
    const view = await renderApp(broken, { initialLang: 'en' });
    expect(screen.getByTestId('finding-message').textContent).toContain(
      'Table 3, column 自然人: 一+二 = 5, 三(七) + 四 = 4, off by 1.',
    );
    expect(screen.getByTestId('finding-message').textContent).toMatch(/^Table 3, column/);
    view.unmount();
    const host = createFakeHost({ check: hostCheck(passingResult()) });
    await renderApp(host, { initialLang: 'en' });
    expect(screen.getByTestId('overall').textContent).toContain(en.overallPass);
    expect(screen.getByRole('button', { name: en.checkNow })).toBeTruthy();
    expect(screen.getByTestId('status-T3').textContent).toContain(getFormat('2021').tables[1].shortName.en);
  });

  it('switching language re-renders the findings the pane has: no new read, no new paint, live checking untouched', async () => {
    const { result } = brokenBalance({ newCount: 5, carryIn: 0, done: 4, carryOut: 0 });
    const host = createFakeHost({ check: hostCheck(result) });
    await renderApp(host);
    await waitFor(() => expect(host.liveListener).not.toBeNull());
    const zhText = '表三 自然人列：一+二 = 5，三（七）+ 四 = 4，差 1。';
    const enText = 'Table 3, column 自然人: 一+二 = 5, 三(七) + 四 = 4, off by 1.';
    expect(screen.getByTestId('finding-message').textContent).toContain(zhText);
    const asked = host.calls.length;
    expect(asked).toBeGreaterThanOrEqual(2);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: zh.switchLanguageLabel }));
    });
    expect(screen.getByRole('heading', { name: en.findingsHeading })).toBeTruthy();
    expect(screen.getByTestId('finding-message').textContent).toContain(enText);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: en.switchLanguageLabel }));
    });
    expect(screen.getByTestId('finding-message').textContent).toContain(zhText);
    // Two switches: not one check, live start or stop, write or paint asked of the host.
    expect(host.calls.slice(asked).map((c) => c.method)).toEqual([]);
  });
});
