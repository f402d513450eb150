/** Failures found by the mutation property test, kept as named cases. */
import * as fs from 'fs';
import * as path from 'path';
import { importReportTexts } from '../../src/io/text';

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
  for (const [id, v] of Object.entries(report.cells)) expect([id, v]).toEqual([id, expected.cells[id]]);
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
  for (const report of importReportTexts(mutated.join('\n'))) {
    for (const [id, v] of Object.entries(report.cells)) expect([id, v]).toEqual([id, truth[report.year!][id]]);
  }
});
