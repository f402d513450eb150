import { parseCell } from '../../src/model/values';
import type { CellKind, RawValue, RuleId } from '../../src/model/types';

type Case = [RawValue, CellKind, { value: number; filled: boolean; rules: RuleId[]; wouldBe?: number }];

const CASES: Case[] = [
  [12, 'count', { value: 12, filled: true, rules: [] }],
  [0, 'count', { value: 0, filled: true, rules: [] }],
  ['12', 'count', { value: 12, filled: true, rules: ['V.textNumber'] }],
  [' 12 ', 'count', { value: 12, filled: true, rules: ['V.textNumber'] }],
  ['１２', 'count', { value: 12, filled: true, rules: ['V.fullWidth'] }],
  ['1,234', 'count', { value: 1234, filled: true, rules: ['V.textNumber'] }],
  ['1，234', 'count', { value: 1234, filled: true, rules: ['V.fullWidth'] }],
  ['1,234,567', 'count', { value: 1234567, filled: true, rules: ['V.textNumber'] }],
  // Text around a number is no number: never a silent value (issue #16), but the reading it would have.
  ['22（其中修订 16 件）', 'count', { value: 0, filled: false, rules: ['V.notNumber'], wouldBe: 22 }],
  ['5件', 'count', { value: 0, filled: false, rules: ['V.notNumber'], wouldBe: 5 }],
  ['３件', 'count', { value: 0, filled: false, rules: ['V.notNumber'], wouldBe: 3 }],
  ['1573\u200b179', 'count', { value: 0, filled: false, rules: ['V.notNumber'], wouldBe: 1573179 }],
  ['15\u00ad73', 'count', { value: 0, filled: false, rules: ['V.notNumber'], wouldBe: 1573 }],
  ["1'573'179", 'count', { value: 0, filled: false, rules: ['V.notNumber'], wouldBe: 1573179 }],
  ['1 573 179', 'count', { value: 0, filled: false, rules: ['V.notNumber'], wouldBe: 1573179 }],
  ['1573e3', 'count', { value: 0, filled: false, rules: ['V.notNumber'] }],
  ['0x1800AB', 'count', { value: 0, filled: false, rules: ['V.notNumber'] }],
  ['12px', 'count', { value: 0, filled: false, rules: ['V.notNumber'] }],
  ['3件4件', 'count', { value: 0, filled: false, rules: ['V.notNumber'] }],
  ['Infinity', 'count', { value: 0, filled: false, rules: ['V.notNumber'] }],
  ['\u3000１２\u00a0', 'count', { value: 12, filled: true, rules: ['V.fullWidth'] }],
  ['−7', 'signedCount', { value: -7, filled: true, rules: ['V.textNumber'] }],
  // Found by the property test: a plus sign was read as a minus.
  ['+4', 'signedCount', { value: 4, filled: true, rules: ['V.textNumber'] }],
  ['＋４', 'count', { value: 4, filled: true, rules: ['V.fullWidth'] }],
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
    expect(p.wouldBe).toBe(want.wouldBe);
  });

  test('text and impossible counts are errors, readable oddities are warnings', () => {
    expect(parseCell('abc', 'count').problems[0].severity).toBe('error');
    expect(parseCell(-1, 'count').problems[0].severity).toBe('error');
    expect(parseCell(0.5, 'count').problems[0].severity).toBe('error');
    expect(parseCell('１２', 'count').problems[0].severity).toBe('warning');
    expect(parseCell('12', 'count').problems[0].severity).toBe('warning');
  });
});
