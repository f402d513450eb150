import { planReport, tableName } from '../../src/model/layout';
import { getFormat } from '../../src/model/formats';
import { a1, parseA1 } from '../../src/model/a1';
import type { FormatId } from '../../src/model/types';
import { nonEmpty, ofLength } from '../support/non-empty';

describe.each(['2021', '2019'] as FormatId[])('layout plan, format %s', (format) => {
  const f = getFormat(format);
  const plan = planReport({ format, year: 2025, org: '某县统计局' });

  test('every data cell is placed once, at an address inside its table', () => {
    const ids = plan.cells.filter((c) => c.cellId).map((c) => c.cellId);
    expect(ids.sort()).toEqual(f.cells.map((c) => c.id).sort());
    for (const t of ofLength(plan.tables, 3)) {
      const box = parseA1(t.address);
      for (const c of nonEmpty(f.cells.filter((x) => x.table === t.id))) {
        const at = parseA1(plan.cellAddress[c.id]);
        expect(at.row).toBeGreaterThanOrEqual(box.row);
        expect(at.row).toBeLessThan(box.row + box.rows);
        expect(at.col).toBeLessThan(box.col + box.cols);
      }
    }
  });

  test('no two plan cells share an address, and no cell lies inside another merge', () => {
    const seen = new Set<string>();
    for (const c of nonEmpty(plan.cells)) {
      expect(seen.has(c.address)).toBe(false);
      seen.add(c.address);
    }
    for (const m of nonEmpty(plan.merges)) {
      for (const c of nonEmpty(plan.cells)) {
        const inside = c.row >= m.row && c.row < m.row + m.rows && c.col >= m.col && c.col < m.col + m.cols;
        if (inside) expect(c.address).toBe(a1(m.row, m.col));
      }
    }
  });

  test('totals are SUM formulas over exactly their parts; inputs start blank (not yet filled, not 0)', () => {
    for (const c of nonEmpty(plan.cells.filter((x) => x.cellId))) {
      const def = f.cellById.get(c.cellId!)!;
      if (def.role === 'input') {
        expect(c.value).toBeUndefined();
        expect(c.formula).toBeUndefined();
        continue;
      }
      const m = /^=SUM\(([A-Z]+\d+):([A-Z]+\d+)\)$/.exec(c.formula ?? '')!;
      expect(m).not.toBeNull();
      const range = parseA1(`${m[1]}:${m[2]}`);
      const covered = new Set<string>();
      for (let r = range.row; r < range.row + range.rows; r++)
        for (let k = range.col; k < range.col + range.cols; k++) covered.add(a1(r, k));
      expect([...covered].sort()).toEqual(def.sumOf!.map((id) => plan.cellAddress[id]).sort());
    }
  });

  test('a title, the three section headings, names for the three tables', () => {
    expect(plan.cells[0].value).toBe('某县统计局2025年政府信息公开工作年度报告');
    expect(plan.tables.map((t) => t.name)).toEqual(['T2', 'T3', 'T4'].map((t) => tableName(t as 'T2')));
    for (const t of ofLength(plan.tables, 3)) {
      const heading = plan.cells.find((c) => c.address === t.headingAddress)!;
      expect(heading.value).toBe(f.tables.find((x) => x.id === t.id)!.heading);
    }
  });

  test('input ranges are exactly the input cells', () => {
    const inputs = f.cells.filter((c) => c.role === 'input');
    expect(plan.inputRanges).toHaveLength(inputs.length);
  });
});

test('a plan placed at an offset shifts every address and formula', () => {
  const base = planReport({ year: 2025 });
  const moved = planReport({ year: 2025, row: 4, col: 2 });
  expect(moved.address).toBe('C5:Q57');
  expect(moved.cellAddress['T3.NEW.NP']).toBe(a1(parseA1(base.cellAddress['T3.NEW.NP']).row + 4, 5));
  const tot = moved.cells.find((c) => c.cellId === 'T3.NEW.TOT')!;
  expect(tot.formula).toBe(`=SUM(${moved.cellAddress['T3.NEW.NP']}:${moved.cellAddress['T3.NEW.OTH']})`);
});
