import { formatFindings, withReportInputFindings } from '../../src/io/check-input';
import type { ReportInput } from '../../src/io/report-input';
import { importReportText } from '../../src/io/text';
import type { CheckResult } from '../../src/model/types';
import { expectedReports, readSample } from './fixtures';

const empty: CheckResult = { format: '2021', cells: {}, unfilled: [], findings: [], summary: [] };

function input(over: Partial<ReportInput>): ReportInput {
  return { file: 'r.txt', format: '2021', cells: {}, ...over };
}

describe('findings a published report adds to its table checks', () => {
  test('FMT.outdated for a 2022-or-later report in the 2019 format only', () => {
    expect(formatFindings(input({ format: '2019', year: 2022 })).map((f) => f.rule)).toEqual(['FMT.outdated']);
    expect(formatFindings(input({ format: '2019', year: 2020 }))).toEqual([]);
    expect(formatFindings(input({ format: '2021', year: 2024 }))).toEqual([]);
    expect(formatFindings(input({ format: '2019' }))).toEqual([]);
  });

  test('the 2020 samples in the 2019 format are not outdated', () => {
    const r = importReportText(readSample('13-taojiang-shenjiju-2020-format2019.txt'));
    expect(formatFindings(input({ format: r.format, year: r.year }))).toEqual([]);
  });

  test('narrative findings are added once, with a summary line per N. rule that compared something', () => {
    const exp = expectedReports().find((e) => e.name === 'suqian-2024.json')!;
    const narrative = '全市全年备案政府信息依申请公开领域行政复议案件134件，行政诉讼案件57件。';
    const i = input({ cells: exp.cells, narrative, year: 2024 });
    const once = withReportInputFindings(empty, i, { lang: 'zh' });
    expect(once.findings.map((f) => f.rule).sort()).toEqual(['N.review', 'N.suit']);
    expect(once.summary.find((s) => s.rule === 'N.review')).toMatchObject({ checked: 1, failed: 1, passed: 0 });
    const twice = withReportInputFindings(once, i, { lang: 'zh' });
    expect(twice.findings).toHaveLength(2);
  });
});
