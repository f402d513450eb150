/** Failures found by the mutation property test, kept as named cases. */
import * as fs from 'fs';
import * as path from 'path';
import { getFormat } from '../../src/model/formats';
import { importReportTexts } from '../../src/io/text';
import { mutate, type Mutation } from './mutations';
import { expectReadTrue } from './fixtures';
import { nonEmpty } from '../support/non-empty';

const dir = path.join(__dirname, '../fixtures');
const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected/fixture-test-city-2025.json'), 'utf8'));
const lines = fs
  .readFileSync(path.join(dir, 'samples/90-FIXTURE-NOT-REAL-hangzhou-style-test-city-2025.txt'), 'utf8')
  .split('\n');

test('a doubled R6_2 line next to a lost R6_3 line does not fill R6_3 with R6_2 numbers', () => {
  const r62 = lines.findIndex((l) => l.includes('2.申请人逾期未按收费通知要求缴纳费用'));
  const r63 = lines.findIndex((l, i) => i > r62 && l.includes('3.其他'));
  expect(r62).toBeGreaterThan(0);
  const mutated = [...lines.slice(0, r62 + 1), lines[r62], ...lines.slice(r62 + 1, r63), ...lines.slice(r63 + 1)];
  const [report] = importReportTexts(mutated.join('\n'));
  expectReadTrue(report.cells, expected.cells);
});

test('side by side: losing the line that names the year of a one-year table 四 block reads no table 四 at all', () => {
  const suqian = fs.readFileSync(path.join(dir, 'samples/02-suqian-city-2023-2024-format2021.txt'), 'utf8').split('\n');
  const marker = suqian.findIndex((l) => /^\s*2024 年报告\s*$/.test(l));
  expect(marker).toBeGreaterThan(0);
  const mutated = [...suqian.slice(0, marker), ...suqian.slice(marker + 1)];
  const truth: Record<number, Record<string, number>> = {
    2023: JSON.parse(fs.readFileSync(path.join(dir, 'expected/suqian-2023.json'), 'utf8')).cells,
    2024: JSON.parse(fs.readFileSync(path.join(dir, 'expected/suqian-2024.json'), 'utf8')).cells,
  };
  for (const report of nonEmpty(importReportTexts(mutated.join('\n')))) {
    expectReadTrue(report.cells, truth[report.year!]);
  }
});

describe('HTML table 四 with one figure line lost and another doubled (issue #7, FC_SEED=11 and 33)', () => {
  // The fixture writes table 四's row of figures as three source lines of five cells, one per group. Losing the
  // 行政复议 line and doubling a 行政诉讼 line leaves 15 cells, each group adding up: only the doubled line shows.
  const t4 = getFormat('2021')
    .cells.filter((c) => c.table === 'T4')
    .map((c) => c.id);
  const counterexamples: Record<string, Mutation[]> = {
    'seed 11: source line lost, 行政复议 line lost, 未经复议直接起诉 line doubled': [
      { kind: 'drop', at: 438416540, toFull: false },
      { kind: 'drop', at: 0, toFull: false },
      { kind: 'dup', at: 1846640554, toFull: false },
    ],
    'seed 33: 行政复议 line lost, 未经复议直接起诉 line doubled': [
      { kind: 'drop', at: 1852976483, toFull: false },
      { kind: 'dup', at: 1421294711, toFull: false },
    ],
  };
  for (const [name, muts] of Object.entries(counterexamples)) {
    test(`${name}: table 四 is unread, tables 二 and 三 are read in full`, () => {
      const mutated = mutate(lines, muts);
      // The damage is what the name says: the 行政复议 figures are gone and a line of figures repeats its neighbour.
      expect(mutated.some((l) => l.includes(`<td>${expected.cells['T4.REVIEW.UPHELD']}</td>`))).toBe(false);
      expect(mutated.some((l, i) => i > 0 && /<td>\d/.test(l) && l === mutated[i - 1])).toBe(true);
      const [report] = importReportTexts(mutated.join('\n'));
      expectReadTrue(report.cells, expected.cells);
      expect(report.unread.map((u) => u.cell).sort()).toEqual([...t4].sort());
      expect(report.unfilled).toEqual([]);
      // Why is said on the cells (the repeated line), once: no note repeats it.
      expect(report.unread.some((u) => u.reason === 'doubled' && u.tried?.what === 'doubled')).toBe(true);
    });
  }
});

describe('texts cut off inside a table (issue #7, wider damage: FC_SEED=1, 6, 10 of the second property test)', () => {
  const t3 = (row: string) =>
    getFormat('2021')
      .cells.filter((c) => c.id.startsWith(`T3.${row}.`))
      .map((c) => c.id);
  const cases: { name: string; muts: Mutation[]; row: string; ends: RegExp }[] = [
    {
      // `<td colspan="2">（七）总计</td>` leaves one empty cell after the label; with the last cell cut off, the
      // row still counts seven cells, the first of them that empty one.
      name: 'seed 1: cut inside （七）总计 after its sixth figure',
      muts: [{ kind: 'truncate', at: 932316373, toFull: false, pos: 422619580 }],
      row: 'R7_TOTAL',
      ends: /（七）总计.*<td>29<\/td>$/,
    },
    {
      name: 'seed 10: cut inside 二、上年结转 after its fourth figure (a label over three columns)',
      muts: [
        { kind: 'truncate', at: 480413463, toFull: false, pos: 401324939 },
        { kind: 'drop', at: 0, toFull: false, pos: 0 },
      ],
      row: 'CARRY_IN',
      ends: /二、上年结转.*<td>1<\/td>$/,
    },
    {
      name: 'seed 6: cut inside the tag after 一、本年新收’s sixth figure (`<t`)',
      muts: [
        { kind: 'split', at: 39643620, toFull: false, pos: 0 },
        { kind: 'drop', at: 22718543, toFull: false, pos: 0 },
        { kind: 'drop', at: 0, toFull: false, pos: 0 },
        { kind: 'truncate', at: 1709869391, toFull: false, pos: 2147483637 },
      ],
      row: 'NEW',
      ends: /一、本年新收.*<td>32<\/td><t$/,
    },
  ];
  for (const c of cases) {
    test(`${c.name}: no figure of the row lands in a neighbouring column`, () => {
      const mutated = mutate(lines, c.muts);
      expect(mutated[mutated.length - 1]).toMatch(c.ends);
      const [report] = importReportTexts(mutated.join('\n'));
      expectReadTrue(report.cells, expected.cells);
      // （七）总计 is the sum of the rows above it, all read: the arithmetic places its six figures and its total.
      if (c.row === 'R7_TOTAL') for (const id of nonEmpty(t3(c.row))) expect(report.cells[id]).toBe(expected.cells[id]);
    });
  }

  test('a layout text cut inside a figure (59 of 597) does not read the piece as the figure', () => {
    const suqian = fs
      .readFileSync(path.join(dir, 'samples/02-suqian-city-2023-2024-format2021.txt'), 'utf8')
      .split('\n');
    const at = suqian.findIndex((l) => l.startsWith('行政规范性文件'));
    expect(suqian[at]).toMatch(/ 597 /);
    const cut = [...suqian.slice(0, at), suqian[at].slice(0, suqian[at].indexOf('597') + 2)];
    const [y2023, y2024] = importReportTexts(cut.join('\n'));
    const truth2023 = JSON.parse(fs.readFileSync(path.join(dir, 'expected/suqian-2023.json'), 'utf8')).cells;
    const truth2024 = JSON.parse(fs.readFileSync(path.join(dir, 'expected/suqian-2024.json'), 'utf8')).cells;
    expectReadTrue(y2023.cells, truth2023);
    expect(y2023.unread.map((u) => u.cell)).toContain('T2.NORM.IN_FORCE');
    // The cut is in the left report's row: the right report's last row (规章) was copied whole and is read.
    for (const col of ['ISSUED', 'REPEALED', 'IN_FORCE'])
      expect(y2024.cells[`T2.REG.${col}`]).toBe(truth2024[`T2.REG.${col}`]);
  });
});

test('seed report, FC_SEED=47: a lone page number line above table 四’s row of figures is not its first cell', () => {
  const seedDir = path.join(dir, 'samples/seed-county-bureau-2025.txt');
  const seedTruth = JSON.parse(fs.readFileSync(path.join(dir, 'expected/seed-county-bureau-2025.json'), 'utf8')).cells;
  const muts: Mutation[] = [
    { kind: 'drop', at: 0, toFull: false, pos: 0 },
    { kind: 'noise', at: 1346643721, toFull: false, pos: 100944077 },
    { kind: 'drop', at: 0, toFull: false, pos: 0 },
  ];
  const mutated = mutate(fs.readFileSync(seedDir, 'utf8').split('\n'), muts);
  const at = mutated.findIndex((l) => l === '7');
  expect(mutated[at + 1]).toMatch(/^0\t0\t0/);
  const [report] = importReportTexts(mutated.join('\n'));
  expectReadTrue(report.cells, seedTruth);
  expect(report.cells['T4.REVIEW.TOTAL']).toBe(seedTruth['T4.REVIEW.TOTAL']);
});

test('seed report, FC_SEED=70: a lone figure under a caption, its row label cut off, is not placed by row order', () => {
  const seedTruth = JSON.parse(fs.readFileSync(path.join(dir, 'expected/seed-county-bureau-2025.json'), 'utf8')).cells;
  const muts: Mutation[] = [
    { kind: 'truncate', at: 1407647123, toFull: false, pos: 1 },
    { kind: 'noise', at: 0, toFull: false, pos: 0 },
    { kind: 'noise', at: 181708203, toFull: false, pos: 453768780 },
  ];
  const mutated = mutate(
    fs.readFileSync(path.join(dir, 'samples/seed-county-bureau-2025.txt'), 'utf8').split('\n'),
    muts,
  );
  // The text ends `第二十条第（八）项` / `7` / `` / `信`: the 行政事业性收费 row is gone, a page number is left.
  expect(mutated.slice(-4)).toEqual([expect.stringMatching(/^第二十条第（八）项/), '7', '', '信']);
  const [report] = importReportTexts(mutated.join('\n'));
  expectReadTrue(report.cells, seedTruth);
  expect(report.unread.map((u) => u.cell)).toContain('T2.FEE.AMOUNT');
  expect(report.cells['T2.COERCION.DECISIONS']).toBe(seedTruth['T2.COERCION.DECISIONS']);
});

test('seed report, wider damage with issue #14 kinds: table 四’s sub-header lost, the header’s trailing tabs are no cells of its row', () => {
  const seedTruth = JSON.parse(fs.readFileSync(path.join(dir, 'expected/seed-county-bureau-2025.json'), 'utf8')).cells;
  const lines = fs.readFileSync(path.join(dir, 'samples/seed-county-bureau-2025.txt'), 'utf8').split('\n');
  const mutated = mutate(lines, [{ kind: 'drop', at: 398105563, toFull: false, pos: 0 }]);
  expect(lines[398105563 % lines.length]).toMatch(/^\t+结果 维持/);
  const [report] = importReportTexts(mutated.join('\n'));
  expectReadTrue(report.cells, seedTruth);
  expect(report.unfilled).toEqual([]);
});
