/** @jest-environment jsdom */
import './jsdom-env';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { strings } from '../../src/taskpane/i18n';
import { check } from '../../src/model/check';
import { getFormat } from '../../src/model/formats';
import type { CellId, RawValue } from '../../src/model/types';
import { openTotals } from '../../src/model/open-totals';
import { attributeEdits } from '../../src/model/recent-edit';
import { callsOf, createFakeHost, hostCheck } from './fake-host';

const zh = strings('zh');
const format = getFormat('2021');
const inputs = format.cells.filter((c) => c.role === 'input').map((c) => c.id);
const TODAY = new Date(2026, 2, 1);

/** Values as a generated sheet would read: inputs as given (blank when absent), totals as their formulas compute. */
function sheetValues(given: Record<CellId, RawValue>): Record<CellId, RawValue> {
  const out: Record<CellId, RawValue> = { ...given };
  const value = (id: CellId): number => {
    const def = format.cellById.get(id)!;
    if (def.sumOf) return def.sumOf.reduce((s, p) => s + value(p), 0);
    const v = given[id];
    return typeof v === 'number' ? v : 0;
  };
  for (const c of format.cells) if (c.sumOf && !(c.id in given)) out[c.id] = value(c.id);
  return out;
}

const TOTALS = new Set(format.cells.filter((c) => c.sumOf).map((c) => c.id));
/** What the Excel host checks: the sheet's values with live totals over blank cells read as not yet filled. */
const hostRead = (given: Record<CellId, RawValue>) => openTotals('2021', sheetValues(given), TOTALS);

const zeros = Object.fromEntries(inputs.map((id) => [id, 0]));

async function renderWith(host: ReturnType<typeof createFakeHost>) {
  render(<App host={host} today={TODAY} />);
  await waitFor(() => expect(callsOf(host, 'checkNow').length).toBeGreaterThan(0));
  await act(async () => undefined);
}

describe('untouched is not passed', () => {
  it('a fresh table says 尚未填写 and offers to fill the blanks with 0; a table filled from the top says 填写中', async () => {
    const host = createFakeHost({ check: hostCheck(check('2021', hostRead({}))) });
    await renderWith(host);
    expect(screen.getByTestId('overall').getAttribute('data-state')).toBe('notFilled');
    expect(screen.getByTestId('overall').textContent).toContain(zh.overallNotFilled);
    expect(screen.queryByTestId('finding')).toBeNull();

    // 自然人 column started from the top: 一 and 二 typed, the results still blank. Not a wall of red.
    const partial = { 'T3.NEW.NP': 12, 'T3.CARRY_IN.NP': 0 };
    await act(async () => host.liveListener!(hostCheck(check('2021', hostRead(partial)))));
    expect(screen.getByTestId('overall').getAttribute('data-state')).toBe('filling');
    expect(screen.queryByTestId('finding')).toBeNull();

    host.afterWrite = (written) => hostCheck(check('2021', hostRead({ ...partial, ...written })));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: zh.fillZero }));
    });
    const written = callsOf(host, 'writeValues')[0][0] as Record<CellId, number>;
    // Every blank input and nothing else: the figures already typed are not touched.
    expect(Object.keys(written).length).toBe(inputs.length - 2);
    expect(written['T3.NEW.NP']).toBeUndefined();
    expect(new Set(Object.values(written))).toEqual(new Set([0]));
    // Filled with 0, 一 = 12 is now unbalanced: an error, not 通过.
    await waitFor(() => expect(screen.getByTestId('overall').getAttribute('data-state')).toBe('errors'));
  });

  it('passes only when every input cell is filled and everything adds up', async () => {
    const host = createFakeHost({ check: hostCheck(check('2021', sheetValues(zeros))) });
    await renderWith(host);
    expect(screen.getByTestId('overall').getAttribute('data-state')).toBe('pass');
    expect(screen.queryByRole('button', { name: zh.fillZero })).toBeNull();
  });
});

describe('one mistake, one finding', () => {
  it('the 总计 column echo is shown inside the applicant column finding, and counted once', async () => {
    const values = sheetValues({ ...zeros, 'T3.NEW.NP': 12, 'T3.R1.NP': 21 });
    const formulaCells = format.cells.filter((x) => x.sumOf).map((x) => x.id);
    const result = check('2021', values, { formulaCells });
    expect(result.findings.filter((f) => f.rule === 'T3.balance')).toHaveLength(2);
    // The host knows the user just typed 21 over 12 in （一）予以公开 · 自然人.
    const { edits } = attributeEdits(
      '2021',
      result,
      new Set(formulaCells),
      [{ id: 'T3.R1.NP', before: 12, after: 21 }],
      new Map(),
    );
    const c = hostCheck(result, { formulaCells, edits });
    const host = createFakeHost({ check: c });
    await renderWith(host);
    const cards = screen.getAllByTestId('finding');
    expect(cards).toHaveLength(1);
    expect(within(cards[0]).getByTestId('finding-echo').textContent).toBe('“总计”列也因此差 9，改正后一并消除。');
    expect(screen.getByTestId('overall').textContent).toContain(zh.overallErrorCount(1));
    expect(screen.getByTestId('status-T3').textContent).toBe('表三100');
    // The equation marks 三: it holds the suspect （一）予以公开 through （七）总计.
    const eq = within(cards[0]).getByTestId('balance-equation');
    expect(within(eq).getByTestId('term-三').getAttribute('data-suspect')).toBe('true');
    expect(within(eq).getByTestId('term-一').getAttribute('data-suspect')).toBeNull();
    // No internal id in what the card says.
    expect(cards[0].textContent).not.toMatch(/T3\.|NP\b/);
    const addr = c.cellAddress['T3.R1.NP'];
    expect(within(cards[0]).getByTestId('finding-where').textContent).toBe(
      ` 最可能是刚修改的 ${addr}（（一）予以公开 · 自然人）：由 12 改为 21，应为 12（数字顺序颠倒）。`,
    );
  });

  it('with no sheet address for a cell, the card names it by its row and column, never by its id', async () => {
    const values = sheetValues({ ...zeros, 'T3.NEW.NP': 12, 'T3.R1.NP': 21 });
    const formulaCells = format.cells.filter((x) => x.sumOf).map((x) => x.id);
    const result = check('2021', values, { formulaCells });
    const { edits } = attributeEdits('2021', result, new Set(formulaCells), [{ id: 'T3.R1.NP', after: 21 }], new Map());
    expect(Object.keys(edits).length).toBeGreaterThan(0);
    await renderWith(createFakeHost({ check: hostCheck(result, { formulaCells, edits, cellAddress: {} }) }));
    const [card] = screen.getAllByTestId('finding');
    expect(within(card).getByTestId('finding-where').textContent).toBe(
      ' 最可能是 （一）予以公开 · 自然人：21 应为 12（数字顺序颠倒）。',
    );
    expect(within(card).getByTestId('suggestion').textContent).toBe('（一）予以公开 · 自然人 → 12');
    expect(card.textContent).not.toMatch(/T3\.|NP\b/);
  });

  it('a total typed over is its own error with 恢复公式, the relations it breaks shown under it', async () => {
    const formulas: Record<CellId, string | undefined> = {};
    const cellAddress: Record<CellId, string> = {};
    format.cells.forEach((c, i) => (cellAddress[c.id] = `X${i + 1}`));
    for (const c of format.cells) if (c.sumOf) formulas[c.id] = `=SUM(${c.sumOf.map((p) => cellAddress[p]).join(',')})`;
    const typedOver = 'T3.NEW.TOT';
    formulas[typedOver] = undefined;
    const values = sheetValues({ ...zeros, [typedOver]: 7 });
    const result = check('2021', values, { formulas, cellAddress });
    const f = result.findings.find((x) => x.rule === 'F.notFormula')!;
    expect(f.cells).toEqual([typedOver]);
    const host = createFakeHost({
      check: hostCheck(result, {
        cellAddress,
        formulaCells: format.cells.filter((x) => x.sumOf && x.id !== typedOver).map((x) => x.id),
      }),
    });
    host.afterWrite = () => hostCheck(check('2021', sheetValues(zeros)));
    await renderWith(host);
    const cards = screen.getAllByTestId('finding').filter((c) => c.getAttribute('data-severity') === 'error');
    expect(cards).toHaveLength(1);
    expect(cards[0].getAttribute('data-rule')).toBe('F.notFormula');
    expect(within(cards[0]).getByTestId('finding-caused').textContent).toContain(zh.causedHeading);
    await act(async () => {
      fireEvent.click(within(cards[0]).getByRole('button', { name: zh.restoreFormula }));
    });
    expect(callsOf(host, 'restoreFormulas')).toEqual([[{ [typedOver]: f.params.expected }]]);
    await waitFor(() => expect(screen.getByTestId('overall').getAttribute('data-state')).toBe('pass'));
  });
});

describe('which tables', () => {
  it('says which sheet and range it checks, and asks before generating a second set', async () => {
    const result = check('2021', sheetValues(zeros));
    const host = createFakeHost({
      check: hostCheck(result, {
        sheet: '2025年度报表',
        tables: [
          { table: 'T2', sheet: '2025年度报表', address: 'A4:M8' },
          { table: 'T3', sheet: '2025年度报表', address: 'A11:J39' },
          { table: 'T4', sheet: '2025年度报表', address: 'A42:O45' },
        ],
      }),
    });
    await renderWith(host);
    expect(screen.getByTestId('checked-where').textContent).toBe(zh.checkedWhere('2025年度报表', ' A4:O45'));
    fireEvent.change(screen.getByLabelText(new RegExp(zh.org)), { target: { value: '某某县统计局' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: zh.generate }));
    });
    expect(screen.getByText(zh.generateAgainTitle('2025年度报表'))).toBeTruthy();
    expect(callsOf(host, 'generate')).toHaveLength(0);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: zh.generateAgain }));
    });
    expect(callsOf(host, 'generate')).toHaveLength(1);
  });
});
