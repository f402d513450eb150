/** @jest-environment jsdom */
import './jsdom-env';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { strings } from '../../src/taskpane/i18n';
import { reviewStrings } from '../../src/taskpane/i18n-review';
import { narrativeValues } from '../../src/taskpane/components/NarrativePanel';
import { getFormat } from '../../src/model/formats';
import { generateNarrative } from '../../src/model/narrative-gen';
import type { CellId } from '../../src/model/types';
import { createModelHost } from './fake-host';

const zh = strings('zh');
const r = reviewStrings('zh');
const en = reviewStrings('en');
const format = getFormat('2021');
const zeros = Object.fromEntries(format.cells.filter((c) => c.role === 'input').map((c) => [c.id, 0]));
/** A complete report that holds: 20 applications from people, 15 disclosed, 5 partly; 3 reviews decided, 1 corrected. */
const filled: Record<CellId, number> = {
  ...zeros,
  'T3.NEW.NP': 20,
  'T3.R1.NP': 15,
  'T3.R2.NP': 5,
  'T4.REVIEW.UPHELD': 2,
  'T4.REVIEW.CORRECTED': 1,
};

async function paneWith(values: Record<CellId, number>) {
  const host = createModelHost();
  await host.generate({ format: '2021', year: 2025, org: '某县统计局', target: 'newSheet' });
  await host.writeValues(values);
  render(<App host={host} today={new Date(2026, 0, 15)} />);
  await waitFor(() => expect(screen.getByTestId('overall')).toBeTruthy());
  await act(async () => undefined);
  return host;
}

describe('rates in the summary', () => {
  it('shows the four rates as percentages, says when a rate has too few cases, and gives its formula on demand', async () => {
    await paneWith(filled);
    const rows = screen.getAllByTestId('rate');
    expect(rows.map((x) => x.getAttribute('data-rate'))).toEqual([
      'substantiveDisclosure',
      'refusal',
      'reviewCorrection',
      'suitCorrection',
    ]);
    expect(rows[0].textContent).toBe('实质公开率100.0%');
    expect(rows[1].textContent).toBe('不予公开率0.0%');
    // 1 of 3 decided reviews: a percentage, marked not comparable; no suit at all: no rate.
    expect(rows[2].textContent).toBe(`复议纠错率33.3%${r.rateFew(10)}`);
    expect(rows[3].textContent).toBe(`诉讼纠错率—${r.rateNoCases}`);
    expect(screen.queryByTestId('rate-formula')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: r.showFormulas }));
    expect(screen.getAllByTestId('rate-formula')[0].textContent).toBe(
      `${r.rateFormula.substantiveDisclosure} = 20 ÷ 20`,
    );
  });
});

describe('生成文字说明', () => {
  it('previews the narrative of the checked tables, copies it by select-all where there is no clipboard, writes it to a new sheet', async () => {
    const host = await paneWith(filled);
    fireEvent.click(screen.getByRole('button', { name: r.narrativeOpen }));
    const area = screen.getByTestId('narrative-text') as HTMLTextAreaElement;
    const expected = generateNarrative('2021', narrativeValues((await host.checkNow()).result!)).text;
    expect(area.value).toBe(expected);
    expect(area.value).toContain('本年度共收到政府信息公开申请 20 件');
    expect(area.readOnly).toBe(true);
    expect(screen.queryByTestId('narrative-errors')).toBeNull();
    expect(screen.queryByTestId('narrative-unfilled')).toBeNull();

    // jsdom has no clipboard: the text is selected for Ctrl+C.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: r.copy })));
    expect(screen.getByTestId('narrative-copy').textContent).toBe(r.copyManual);
    expect([area.selectionStart, area.selectionEnd]).toEqual([0, expected.length]);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: r.writeNewSheet })));
    const lines = expected.split('\n');
    expect(screen.getByTestId('narrative-written').textContent).toBe(r.written('文字说明', `A1:A${lines.length}`));
    expect(host.textAt('文字说明', 'A1')).toBe(lines[0]);
    expect(host.textAt('文字说明', `A${lines.length}`)).toBe(lines[lines.length - 1]);
  });

  it('copies through the clipboard where there is one', async () => {
    const copied: string[] = [];
    const writeText = jest.fn(async (text: string) => void copied.push(text));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      await paneWith(filled);
      fireEvent.click(screen.getByRole('button', { name: r.narrativeOpen }));
      await act(async () => fireEvent.click(screen.getByRole('button', { name: r.copy })));
      expect(copied).toEqual([(screen.getByTestId('narrative-text') as HTMLTextAreaElement).value]);
      expect(screen.getByTestId('narrative-copy').textContent).toBe(r.copied);
    } finally {
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    }
  });

  it('asks before writing over the selected cell, and writes only after 覆盖', async () => {
    const host = await paneWith(filled);
    host.userTypesText('Sheet1', 'B2', '原有内容');
    host.userSelects('Sheet1', 'B2');
    fireEvent.click(screen.getByRole('button', { name: r.narrativeOpen }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: r.writeSelection })));
    const bar = screen.getByTestId('narrative-written');
    expect(bar.textContent).toContain(r.writeNotEmpty('Sheet1', 'B2'));
    expect(host.textAt('Sheet1', 'B2')).toBe('原有内容');
    await act(async () => fireEvent.click(within(bar).getByRole('button', { name: r.overwrite })));
    expect(host.textAt('Sheet1', 'B2')).toBe((screen.getByTestId('narrative-text') as HTMLTextAreaElement).value);
    expect(screen.getByTestId('narrative-written').textContent).toBe(r.written('Sheet1', 'B2'));
  });

  it('says above the text when the tables have errors or blank cells', async () => {
    const { 'T3.R1.NP': _dropped, ...blank } = filled;
    await paneWith({ ...blank, 'T3.NEW.NP': 25 });
    fireEvent.click(screen.getByRole('button', { name: r.narrativeOpen }));
    expect(screen.getByTestId('narrative-errors').textContent).toMatch(/^表格还有 \d+ 处错误未改正/);
    expect(screen.getByTestId('narrative-unfilled').textContent).toBe(r.narrativeUnfilled(1, false));
  });

  it('a figure the text needs that is blank is 【待填】 in the text, never 0, and the note says so', async () => {
    const { 'T4.REVIEW.UPHELD': _dropped, ...blank } = filled;
    await paneWith(blank);
    fireEvent.click(screen.getByRole('button', { name: r.narrativeOpen }));
    expect(screen.getByTestId('narrative-unfilled').textContent).toBe(r.narrativeUnfilled(1, true));
    expect((screen.getByTestId('narrative-text') as HTMLTextAreaElement).value).toContain('结果维持 【待填】 件');
  });

  it('the surface around the text is English in English; the text stays Chinese', async () => {
    await paneWith(filled);
    fireEvent.click(screen.getByRole('button', { name: zh.switchLanguageLabel }));
    fireEvent.click(screen.getByRole('button', { name: en.narrativeOpen }));
    expect(screen.getByRole('button', { name: en.writeNewSheet })).toBeTruthy();
    expect((screen.getByTestId('narrative-text') as HTMLTextAreaElement).value).toContain('（一）主动公开');
  });
});

describe('已核实 marks', () => {
  it('a warning marked with a reason goes quiet and is listed; removing the mark brings it back; errors have no mark button', async () => {
    await paneWith({ ...zeros, 'T2.REG.ISSUED': 5 });
    const card = () =>
      screen.queryAllByTestId('finding').find((x) => x.getAttribute('data-rule') === 'P.issuedVsInForce');
    expect(card()).toBeDefined();
    fireEvent.click(within(card()!).getByRole('button', { name: r.markReviewed }));
    await act(async () => fireEvent.click(within(card()!).getByRole('button', { name: r.markSave })));
    expect(within(card()!).getByTestId('mark-form').textContent).toContain(r.markNoReason);

    fireEvent.change(within(card()!).getByRole('textbox'), { target: { value: '上级规章取代后废止' } });
    await act(async () => fireEvent.click(within(card()!).getByRole('button', { name: r.markSave })));
    expect(card()).toBeUndefined();
    expect(screen.getByTestId('overall').getAttribute('data-state')).toBe('pass');
    const mark = screen.getByTestId('mark');
    expect(mark.getAttribute('data-state')).toBe('quiet');
    expect(screen.getByTestId('mark-reason').textContent).toBe(
      `${r.markReason('上级规章取代后废止')} · ${r.markedOn('2026-01-15')}`,
    );
    expect(mark.textContent).not.toMatch(/P\.issuedVsInForce|T2\.REG/);

    await act(async () => fireEvent.click(within(mark).getByRole('button', { name: r.removeMark })));
    expect(screen.queryByTestId('mark')).toBeNull();
    expect(card()).toBeDefined();
  });

  it('an error offers no 已核实', async () => {
    await paneWith({ ...zeros, 'T3.CARRY_OUT.NP': 4 });
    const errors = screen.getAllByTestId('finding').filter((x) => x.getAttribute('data-severity') === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(within(e).queryByRole('button', { name: r.markReviewed })).toBeNull();
  });
});
