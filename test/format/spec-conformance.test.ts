/**
 * The format data must match the spec verbatim. The expectations are parsed from the spec document itself
 * (copied to test/fixtures/spec/), so a drifted label, id or merge in src/model/formats fails here.
 */
import * as fs from 'fs';
import * as path from 'path';
import { getFormat } from '../../src/model/formats';
import { a1, parseA1, rectA1 } from '../../src/model/a1';
import type { TableDef } from '../../src/model/types';
import { nonEmpty, ofLength } from '../support/non-empty';

const spec = fs.readFileSync(path.join(__dirname, '../fixtures/spec/report-format.md'), 'utf8');

function section(start: string, end: string): string {
  const i = spec.indexOf(start);
  const j = spec.indexOf(end, i + start.length);
  if (i < 0 || j < 0) throw new Error(`spec section ${start} not found`);
  return spec.slice(i, j);
}

/** Every label of a table grid as `RANGE → text`, table-relative A1 (row 1 = first header row). */
function gridLabels(t: TableDef): Map<string, string> {
  return new Map(t.labels.map((l) => [rectA1(l), l.text]));
}

function gridCells(t: TableDef): Map<string, string> {
  return new Map(t.cells.map((c) => [rectA1(c), c.id]));
}

describe('table 三 (2021) matches the spec', () => {
  const t3 = getFormat('2021').tables.find((t) => t.id === 'T3')!;
  const labels = gridLabels(t3);
  const text = section('## Table 三', '## Table 四');

  test('every `RANGE `label`` pair of the spec is a label of the grid, at that range', () => {
    const pairs = [...text.matchAll(/([A-J]\d+(?::[A-J]\d+)?)`?\s*(?:=\s*)?`([^`]+)`/g)].map((m) => [m[1], m[2]]);
    expect(pairs.length).toBeGreaterThanOrEqual(30);
    for (const [range, label] of pairs) expect([range, labels.get(range)]).toEqual([range, label]);
  });

  test('row 3 headers of 法人或其他组织, in column order', () => {
    const row3 = text.match(/with row 3 ([^;]+);/)![1];
    const names = [...row3.matchAll(/`([^`]+)` \(\*\*(\w+)\*\*\)/g)];
    expect(names.map((m) => m[2])).toEqual(['BIZ', 'RES', 'NGO', 'LAW', 'OTH']);
    names.forEach((m, i) => expect(labels.get(a1(2, 4 + i))).toBe(m[1]));
  });

  test('row ids follow the spec rows, and each data row has the seven columns', () => {
    const rows = [...text.matchAll(/^\| (\d+) \| .* \| (\w+) \|$/gm)].map((m) => ({ row: Number(m[1]), id: m[2] }));
    expect(rows).toHaveLength(25);
    const cells = gridCells(t3);
    for (const { row, id } of rows) {
      const cols = ['NP', 'BIZ', 'RES', 'NGO', 'LAW', 'OTH', 'TOT'];
      cols.forEach((c, i) => expect(cells.get(a1(row - 1, 3 + i))).toBe(`T3.${id}.${c}`));
    }
    expect(t3.cells).toHaveLength(175);
  });
});

describe('table 二 (2021) matches the spec grid', () => {
  const t2 = getFormat('2021').tables.find((t) => t.id === 'T2')!;
  const block = section('## Table 二', '## Table 三');
  const grid = block.slice(block.indexOf('```') + 3, block.lastIndexOf('```'));
  const lines = grid.split('\n').filter((l) => /^\d+\s/.test(l));

  test('every spec row: labels and ids in column order, merges as written', () => {
    expect(lines).toHaveLength(t2.rows);
    const labels = gridLabels(t2);
    const cells = gridCells(t2);
    const all = new Map([...labels, ...cells]);
    for (const line of nonEmpty(lines)) {
      const row = Number(line.split(/\s+/)[0]) - 1;
      const merge = /\(([A-D]\d+:[A-D]\d+)(?: merged)?\)/.exec(line)?.[1];
      const tokens = line
        .replace(/\([A-D]\d+:[A-D]\d+(?: merged)?\)/g, '')
        .trim()
        .split(/\s{2,}|\s+(?=T2\.)/)
        .slice(1)
        .map((s) => s.replace(/^\d+\s+/, '').trim())
        .filter(Boolean);
      const atRow = [...all.entries()]
        .filter(([range]) => parseA1(range).row === row)
        .sort((a, b) => parseA1(a[0]).col - parseA1(b[0]).col);
      expect(atRow.map(([, v]) => v)).toEqual(tokens);
      if (merge) expect(atRow.some(([range]) => range === merge)).toBe(true);
    }
  });

  test('only T2.FEE.AMOUNT is an amount', () => {
    expect(t2.cells.filter((c) => c.kind === 'amount').map((c) => c.id)).toEqual(['T2.FEE.AMOUNT']);
  });
});

describe('table 四 matches the spec grid', () => {
  const t4 = getFormat('2021').tables.find((t) => t.id === 'T4')!;
  const text = section('## Table 四', '## Relations within one report');
  const labels = gridLabels(t4);

  test('header rows 1 and 2 as written', () => {
    const lines = text.split('\n').filter((l) => /^row[12] /.test(l));
    for (const line of ofLength(lines, 2)) {
      for (const part of nonEmpty(line.replace(/^row\d\s+/, '').split('|'))) {
        const m = /^\s*([A-O]\d+(?::[A-O]\d+)?)\s+(.+?)\s*$/.exec(part)!;
        expect([m[1], labels.get(m[1])]).toEqual([m[1], m[2]]);
      }
    }
  });

  test('row 3 repeats the five columns under both litigation groups, and ids are GROUP.COLUMN', () => {
    const cols = text.match(/row3 {2}F3\.\.J3 and K3\.\.O3: (.+)/)![1].split(' | ');
    ofLength(cols, 5).forEach((c, i) => {
      expect(labels.get(a1(2, 5 + i))).toBe(c);
      expect(labels.get(a1(2, 10 + i))).toBe(c);
    });
    const groups = ['REVIEW', 'SUIT_DIRECT', 'SUIT_AFTER'];
    const keys = ['UPHELD', 'CORRECTED', 'OTHER', 'PENDING', 'TOTAL'];
    expect(t4.cells.map((c) => c.id)).toEqual(groups.flatMap((g) => keys.map((k) => `T4.${g}.${k}`)));
  });
});

describe('the 2019 trial format', () => {
  const f = getFormat('2019');
  const text = section('## The 2019 trial format', '## Reading published reports');

  test('table 三 has one （六）其他处理 row: 23 data rows, 19 leaves', () => {
    expect(f.t3.rows).toHaveLength(23);
    expect(f.t3.leafRows).toHaveLength(19);
    expect(f.t3.leafRows).toContain('R6');
    const r6 = f.tables[1].labels.find((l) => l.text === '（六）其他处理')!;
    expect([r6.cols, r6.rows]).toEqual([2, 1]);
  });

  test('every 2019 table 二 column and row named in the spec exists with its id', () => {
    const named = [...text.matchAll(/`(\w+)` \(([^)]+)\)/g)].map((m) => [m[1], m[2]]);
    const t2 = f.tables[0];
    for (const [key, label] of nonEmpty(named)) {
      if (/^R6$/.test(key)) continue;
      const asCol = t2.cells.find((c) => c.colKey === key);
      const asRow = t2.cells.find((c) => c.rowKey === key);
      expect(asCol ?? asRow).toBeDefined();
      const actual = asCol ? asCol.colLabel : asRow!.rowLabel;
      expect(label.startsWith(actual) || label.includes(actual)).toBe(true);
    }
  });

  test('本年增/减 may be negative; 采购总金额 is an amount', () => {
    expect(f.cellById.get('T2.LICENSE.CHANGE')!.kind).toBe('signedCount');
    expect(f.cellById.get('T2.PROCUREMENT.AMOUNT')!.kind).toBe('amount');
  });
});

describe('ids are unique and every expected fixture uses exactly the 2021 ids', () => {
  test.each(['2021', '2019'] as const)('%s ids unique', (id) => {
    const ids = getFormat(id).cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  const dir = path.join(__dirname, '../fixtures/expected');
  test.each(fs.readdirSync(dir))('%s', (file) => {
    const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    expect(Object.keys(json.cells).sort()).toEqual(
      getFormat(json.format)
        .cells.map((c) => c.id)
        .sort(),
    );
  });
});
