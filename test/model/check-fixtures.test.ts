import * as fs from 'fs';
import * as path from 'path';
import { check } from '../../src/model/check';
import { prepare } from '../../src/model/prepared';
import type { FormatId, RawValues } from '../../src/model/types';

const DIR = path.join(__dirname, '../fixtures/expected');
const load = (f: string) =>
  JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as { format: FormatId; year: number; cells: RawValues };
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('every expected fixture is consistent', () => {
  test('there are fixtures', () => expect(FILES.length).toBeGreaterThan(0));

  test.each(FILES)('%s', (file) => {
    const d = load(file);
    const r = check(d.format, d.cells, { year: d.year });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    for (const rule of ['T3.balance', 'T3.rowTotal', 'T3.resultTotal', 'T4.groupTotal']) {
      const s = r.summary.find((x) => x.rule === rule)!;
      expect(s.failed).toBe(0);
      expect(s.checked).toBe(prepare(d.format).rules.equations.filter((e) => e.rule === rule).length);
    }
  });
});

describe('rule instances come from the format', () => {
  test.each([
    ['2021', 25, 21],
    ['2019', 23, 19],
  ] as const)('%s: 7 balances, %i row totals, 7 result totals over %i leaves, 3 group totals', (id, rows, leaves) => {
    const eqs = prepare(id).rules.equations;
    const n = (rule: string) => eqs.filter((e) => e.rule === rule).length;
    expect(n('T3.balance')).toBe(7);
    expect(n('T3.rowTotal')).toBe(rows);
    expect(n('T3.resultTotal')).toBe(7);
    expect(n('T4.groupTotal')).toBe(3);
    expect(eqs.find((e) => e.rule === 'T3.resultTotal')!.computed).toHaveLength(leaves);
  });
});

describe('cross-year rules on a real pair', () => {
  const prev = load('suqian-2023.json');
  const cur = load('suqian-2024.json');

  test('suqian 2023 → 2024 passes X.carry and X.inForce', () => {
    const r = check('2021', cur.cells, { previous: prev.cells, previousFormat: '2021' });
    const carry = r.summary.find((s) => s.rule === 'X.carry')!;
    const inForce = r.summary.find((s) => s.rule === 'X.inForce')!;
    expect(carry).toMatchObject({ checked: 7, passed: 7, failed: 0 });
    expect(inForce).toMatchObject({ checked: 2, passed: 2, failed: 0 });
    expect(r.findings.filter((f) => f.rule.startsWith('X.'))).toEqual([]);
  });

  test('a changed carry-over is a warning naming the column, with last year as computed', () => {
    const id = 'T3.CARRY_IN.NP';
    const bumped = { ...cur.cells, [id]: Number(cur.cells[id]) + 2 };
    const r = check('2021', bumped, { previous: prev.cells });
    const x = r.findings.find((f) => f.rule === 'X.carry')!;
    expect(x.severity).toBe('warning');
    expect(x.cells).toEqual([id]);
    expect(x.reported).toBe(Number(cur.cells[id]) + 2);
    expect(x.computed).toBe(prev.cells['T3.CARRY_OUT.NP']);
    expect(x.imbalance).toBe(2);
  });

  test('X.carry works from a 2019 previous year; X.inForce is not checked then', () => {
    const prev2019: Record<string, number> = {};
    for (const [k, v] of Object.entries(prev.cells)) if (k.startsWith('T3.CARRY_OUT')) prev2019[k] = Number(v);
    prev2019['T3.R6.NP'] = 0;
    const r = check('2021', cur.cells, { previous: prev2019 });
    expect(r.summary.find((s) => s.rule === 'X.carry')).toMatchObject({ checked: 7, passed: 7 });
    expect(r.summary.find((s) => s.rule === 'X.inForce')!.checked).toBe(0);
  });

  test('identical tables to last year are flagged', () => {
    const r = check('2021', cur.cells, { previous: cur.cells });
    expect(r.findings.map((f) => f.rule)).toContain('P.sameAsLastYear');
  });
});
