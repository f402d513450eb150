import { parseCell } from '../../src/model/values';
import type { CellKind, RawValue, RuleId } from '../../src/model/types';

type Case = [RawValue, CellKind, { value: number; filled: boolean; rules: RuleId[]; note?: string }];

const CASES: Case[] = [
  [12, 'count', { value: 12, filled: true, rules: [] }],
  [0, 'count', { value: 0, filled: true, rules: [] }],
  ['12', 'count', { value: 12, filled: true, rules: ['V.textNumber'] }],
  [' 12 ', 'count', { value: 12, filled: true, rules: ['V.textNumber'] }],
  ['１２', 'count', { value: 12, filled: true, rules: ['V.fullWidth'] }],
  ['1,234', 'count', { value: 1234, filled: true, rules: ['V.textNumber'] }],
  ['1，234', 'count', { value: 1234, filled: true, rules: ['V.fullWidth'] }],
  ['1,234,567', 'count', { value: 1234567, filled: true, rules: ['V.textNumber'] }],
  ['22（其中修订 16 件）', 'count', { value: 22, filled: true, rules: [], note: '（其中修订 16 件）' }],
  ['5件', 'count', { value: 5, filled: true, rules: [], note: '件' }],
  [null, 'count', { value: 0, filled: false, rules: [] }],
  [undefined, 'count', { value: 0, filled: false, rules: [] }],
  ['', 'count', { value: 0, filled: false, rules: [] }],
  ['  ', 'count', { value: 0, filled: false, rules: [] }],
  ['/', 'count', { value: 0, filled: false, rules: [] }],
  ['／', 'count', { value: 0, filled: false, rules: [] }],
  ['-', 'count', { value: 0, filled: false, rules: [] }],
  ['—', 'count', { value: 0, filled: false, rules: [] }],
  ['——', 'count', { value: 0, filled: false, rules: [] }],
  ['－', 'count', { value: 0, filled: false, rules: [] }],
  ['无', 'count', { value: 0, filled: false, rules: [] }],
  ['暂无数据', 'count', { value: 0, filled: false, rules: ['V.notNumber'] }],
  ['abc', 'count', { value: 0, filled: false, rules: ['V.notNumber'] }],
  ['1,2', 'count', { value: 0, filled: false, rules: ['V.notNumber'] }],
  ['12 34', 'count', { value: 0, filled: false, rules: ['V.notNumber'] }],
  ['3.5.1', 'count', { value: 0, filled: false, rules: ['V.notNumber'] }],
  [Number.NaN, 'count', { value: 0, filled: false, rules: ['V.notNumber'] }],
  [-3, 'count', { value: -3, filled: true, rules: ['V.negative'] }],
  ['-3', 'count', { value: -3, filled: true, rules: ['V.textNumber', 'V.negative'] }],
  [2.5, 'count', { value: 2.5, filled: true, rules: ['V.fraction'] }],
  [-3, 'signedCount', { value: -3, filled: true, rules: [] }],
  [1.5, 'signedCount', { value: 1.5, filled: true, rules: ['V.fraction'] }],
  [72701.2578, 'amount', { value: 72701.2578, filled: true, rules: [] }],
  ['0.35', 'amount', { value: 0.35, filled: true, rules: ['V.textNumber'] }],
  [-1.5, 'amount', { value: -1.5, filled: true, rules: ['V.negative'] }],
];

describe('parseCell', () => {
  test.each(CASES)('%j as %s', (raw, kind, want) => {
    const p = parseCell(raw, kind);
    expect(p.value).toBe(want.value);
    expect(p.filled).toBe(want.filled);
    expect(p.problems.map((x) => x.rule)).toEqual(want.rules);
    expect(p.note).toBe(want.note);
  });

  test('text and impossible counts are errors, readable oddities are warnings', () => {
    expect(parseCell('abc', 'count').problems[0].severity).toBe('error');
    expect(parseCell(-1, 'count').problems[0].severity).toBe('error');
    expect(parseCell(0.5, 'count').problems[0].severity).toBe('error');
    expect(parseCell('１２', 'count').problems[0].severity).toBe('warning');
    expect(parseCell('12', 'count').problems[0].severity).toBe('warning');
  });
});
