/** @jest-environment jsdom */
/**
 * The pane with text typed where a number belongs (issue #16, #13 "text that looks like a number"): one finding
 * on that cell, saying Excel's sums leave it out and the number it would be; 采用建议 writes the number.
 */
import './jsdom-env';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { strings } from '../../src/taskpane/i18n';
import { check } from '../../src/model/check';
import { getFormat } from '../../src/model/formats';
import type { CellId, RawValue } from '../../src/model/types';
import { callsOf, createFakeHost, hostCheck } from './fake-host';

const zh = strings('zh');
const format = getFormat('2021');
const TOTALS = format.cells.filter((c) => c.sumOf).map((c) => c.id);

/** The sheet as Excel reads it: totals are SUM formulas, and SUM leaves text out. */
function sheet(given: Record<CellId, RawValue>): Record<CellId, RawValue> {
  const value = (id: CellId): number => {
    const def = format.cellById.get(id)!;
    if (def.sumOf) return def.sumOf.reduce((s, p) => s + value(p), 0);
    const v = given[id];
    return typeof v === 'number' ? v : 0;
  };
  const out: Record<CellId, RawValue> = { ...given };
  for (const id of TOTALS) out[id] = value(id);
  return out;
}

const zeros = Object.fromEntries(format.cells.filter((c) => c.role === 'input').map((c) => [c.id, 0]));
const typed = { ...zeros, 'T3.NEW.NP': 3, 'T3.R1.NP': '3件' };

it('"3件" in a data cell is one error card on that cell with the number it would be; applying it writes 3', async () => {
  const host = createFakeHost({ check: hostCheck(check('2021', sheet(typed)), { formulaCells: TOTALS }) });
  host.afterWrite = (written) => hostCheck(check('2021', sheet({ ...typed, ...written })), { formulaCells: TOTALS });
  render(<App host={host} today={new Date(2026, 2, 1)} />);
  await waitFor(() => expect(callsOf(host, 'checkNow').length).toBeGreaterThan(0));
  await act(async () => undefined);

  const cards = screen.getAllByTestId('finding');
  expect(cards).toHaveLength(1);
  expect(cards[0].getAttribute('data-rule')).toBe('V.notNumber');
  expect(cards[0].textContent).toContain('看起来是 3，但 Excel 求和时不会计入，请改填数字 3。');
  // No internal id in what the user reads.
  expect(cards[0].textContent).not.toMatch(/T3\.|V\.notNumber/);
  // The text is not blank: no "fill the blanks with 0" that would write over it, and nothing counted unfilled.
  expect(screen.queryByRole('button', { name: zh.fillZero })).toBeNull();
  await act(async () => {
    fireEvent.click(within(cards[0]).getByRole('button', { name: zh.applySuggestion }));
  });
  expect(callsOf(host, 'writeValues')).toEqual([[{ 'T3.R1.NP': 3 }]]);
  await waitFor(() => expect(screen.getByTestId('overall').getAttribute('data-state')).toBe('pass'));
  expect(screen.queryByTestId('finding')).toBeNull();
});
