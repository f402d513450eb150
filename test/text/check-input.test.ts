import { checkReportInput } from '../../src/io/check-input';
import type { ReportInput } from '../../src/io/report-input';
import { importReportText } from '../../src/io/text';
import { expectedReports, readSample } from './fixtures';

function input(over: Partial<ReportInput>): ReportInput {
  return { file: 'r.txt', format: '2021', cells: {}, ...over };
}

const rulesOf = (i: ReportInput) => checkReportInput(i).findings.map((f) => f.rule);

describe('what a published report adds to its table checks', () => {
  test('FMT.outdated for a report on 2021 or later in the 2019 trial format only', () => {
    expect(rulesOf(input({ format: '2019', year: 2022 }))).toContain('FMT.outdated');
    expect(rulesOf(input({ format: '2019', year: 2021 }))).toContain('FMT.outdated');
    expect(rulesOf(input({ format: '2019', year: 2020 }))).not.toContain('FMT.outdated');
    expect(rulesOf(input({ format: '2021', year: 2024 }))).not.toContain('FMT.outdated');
    expect(rulesOf(input({ format: '2019' }))).not.toContain('FMT.outdated');
  });

  test('the 2020 samples in the 2019 format are not outdated', () => {
    const r = importReportText(readSample('13-taojiang-shenjiju-2020-format2019.txt'));
    expect(rulesOf(input({ format: r.format, year: r.year, cells: r.cells }))).not.toContain('FMT.outdated');
  });

  test('the narrative of the input is checked, once, with a summary line per N. rule', () => {
    const exp = expectedReports().find((e) => e.name === 'suqian-2024.json')!;
    const narrative = '全市全年备案政府信息依申请公开领域行政复议案件134件，行政诉讼案件57件。';
    const result = checkReportInput(input({ cells: exp.cells, narrative, year: 2024 }), {});
    const n = result.findings.filter((f) => f.rule.startsWith('N.')).map((f) => f.rule);
    expect(n.sort()).toEqual(['N.review', 'N.suit']);
    const narrativeRows = result.summary.filter((s) => s.rule.startsWith('N.'));
    expect(narrativeRows.length).toBeGreaterThan(0);
    expect(narrativeRows.reduce((n, s) => n + s.failed, 0)).toBe(2);
  });
});
