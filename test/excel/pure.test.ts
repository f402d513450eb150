/**
 * The adapter's pure parts: grid matching against the format, name
 * references and the paint classes. The Office.js parts are covered against the stand-in in the other files.
 */
import { quoteSheet } from '../../src/model/a1';
import { getFormat } from '../../src/model/formats';
import type { Finding, TableDef } from '../../src/model/types';
import { matchGrid } from '../../src/excel/grid';
import { desiredPaint, paintedCellOf, paintFormula } from '../../src/excel/highlight';
import { parseNameReference } from '../../src/excel/metadata';
import { ofLength } from '../support/non-empty';

/** The table's grid as Excel would return `values`: labels at their top-left cells, zeros in data cells. */
function gridValues(def: TableDef): (string | number)[][] {
  const g: (string | number)[][] = Array.from({ length: def.rows }, () => Array<string | number>(def.cols).fill(''));
  for (const l of def.labels) g[l.row][l.col] = l.text;
  for (const c of def.cells) g[c.row][c.col] = 0;
  return g;
}

describe('matchGrid', () => {
  const format = getFormat('2021');
  const t3 = format.tables.find((t) => t.id === 'T3')!;

  it.each(['2021', '2019'] as const)('accepts every table of the %s format exactly as planned', (id) => {
    for (const def of ofLength(getFormat(id).tables, 3)) {
      const m = matchGrid(def, gridValues(def));
      expect(m).toMatchObject({ exact: true, usable: true, extraRows: [], missingRows: [], badHeaders: [] });
    }
  });

  it('finds the rows of table 三 again after a row was inserted inside it, and names the extra row', () => {
    const g = gridValues(t3);
    const r31 = t3.cells.find((c) => c.id === 'T3.R3_1.NP')!.row;
    g.splice(r31 + 1, 0, Array<string | number>(t3.cols).fill(''));
    const m = matchGrid(t3, g);
    expect(m.exact).toBe(false);
    expect(m.usable).toBe(true);
    expect(m.extraRows).toEqual([r31 + 1]);
    const r32 = t3.cells.find((c) => c.id === 'T3.R3_2.NP')!.row;
    expect(m.rowMap.get(r32)).toBe(r32 + 1);
    expect(m.rowMap.get(r31)).toBe(r31);
  });

  it('reports a deleted row as missing and the table as unusable', () => {
    const g = gridValues(t3);
    const r = t3.cells.find((c) => c.id === 'T3.R5_2.NP')!.row;
    g.splice(r, 1);
    const m = matchGrid(t3, g);
    expect(m.usable).toBe(false);
    expect(m.missingRows).toEqual([t3.labels.find((l) => l.row === r && l.col === 2)!.text]);
  });

  it('reports an inserted column', () => {
    const g = gridValues(t3).map((row) => [...row.slice(0, 4), '', ...row.slice(4)]);
    const m = matchGrid(t3, g);
    expect(m.columnsChanged).toBe(true);
    expect(m.usable).toBe(false);
  });

  it('tolerates full-width/half-width and spacing differences in labels', () => {
    const g = gridValues(t3);
    g[3][0] = String(g[3][0]).replace('、', '. ');
    expect(matchGrid(t3, g).exact).toBe(true);
  });
});

describe('name references', () => {
  it('reads sheet and address, quoted or not, and refuses #REF!', () => {
    expect(parseNameReference('=Sheet1!$A$4:$D$17')).toEqual({ sheet: 'Sheet1', address: 'A4:D17' });
    expect(parseNameReference("='2025年 报表''s'!$A$4:$D$17")).toEqual({ sheet: "2025年 报表's", address: 'A4:D17' });
    expect(parseNameReference('=#REF!')).toBeNull();
    expect(parseNameReference('=Sheet1!#REF!')).toBeNull();
  });

  it.each(['Sheet1', '2025年度报表', "it's", '表 二'])('round-trips the quoted sheet name %s', (s) => {
    expect(parseNameReference(`=${quoteSheet(s)}!$B$2`)).toEqual({ sheet: s, address: 'B2' });
  });

  it('refuses a name for whole columns or rows, which no table is', () => {
    expect(parseNameReference('=Sheet1!$A:$D')).toBeNull();
    expect(parseNameReference('=Sheet1!$4:$17')).toBeNull();
  });
});

describe('paint classes', () => {
  const finding = (over: Partial<Finding>): Finding => ({
    rule: 'T3.balance',
    instance: 'NP',
    severity: 'error',
    cells: ['A', 'B', 'C'],
    suspects: ['B'],
    params: {},
    ...over,
  });

  it('paints suspects strongly and the other cells of the rule lightly', () => {
    const p = desiredPaint([finding({})]);
    expect(Object.fromEntries(p)).toEqual({ A: 'errorLight', B: 'errorStrong', C: 'errorLight' });
  });

  it('paints an undecided list of suspects lightly', () => {
    const many = ['A', 'B', 'C', 'D', 'E'];
    const p = desiredPaint([finding({ cells: many, suspects: many })]);
    expect(new Set(p.values())).toEqual(new Set(['errorLight']));
  });

  it('keeps the strongest class where findings overlap, tells warnings apart and leaves blank cells unpainted', () => {
    const p = desiredPaint([
      finding({ severity: 'warning', cells: ['A', 'D'], suspects: ['A'] }),
      finding({ cells: ['A', 'B'], suspects: ['B'] }),
      finding({ rule: 'V.unfilled', severity: 'warning', cells: ['E'], suspects: ['E'] }),
      finding({ severity: 'info', cells: ['F'], suspects: ['F'] }),
    ]);
    // Blank cells are left to the sheet's own pale mark and the pane's counts.
    expect(Object.fromEntries(p)).toEqual({ A: 'errorLight', B: 'errorStrong', D: 'warningLight' });
  });

  it('the paint rule names its cell', () => {
    expect(paintedCellOf(paintFormula('T3.R3_2.LAW'))).toBe('T3.R3_2.LAW');
    expect(paintedCellOf('=D$5+D$6<>D$30+D$31')).toBeNull();
  });
});
