/**
 * What a published report adds to the checks of its tables: the narrative (`N.` rules) and the format version
 * against the report year (`FMT.outdated`). The check command runs `check()` on the cells, then passes the result
 * through `withReportInputFindings`, so every input (JSON, .xlsx, text, HTML, .docx) gets the same treatment.
 */
import { FORMAT_IDS } from '../model/formats';
import { formatMessage } from '../model/messages';
import { checkNarrative } from '../model/narrative';
import type { CheckOptions, CheckResult, Finding, RuleId, RuleSummary } from '../model/types';
import type { ReportInput } from './report-input';

/** The first year the 2021 format applies to (reports on 2021 were the first written in it). */
const FORMAT_2021_FIRST_YEAR = 2021;

/** `FMT.outdated` when a report on 2022 or later is laid out in the 2019 trial format. */
export function formatFindings(input: ReportInput, options: CheckOptions = {}): Finding[] {
  const year = options.year ?? input.year;
  // Reports on 2021 itself were written while the new format was being rolled out: only later years are flagged.
  if (year === undefined || input.format !== '2019' || year <= FORMAT_2021_FIRST_YEAR) return [];
  const expected = FORMAT_IDS.find((f) => f !== '2019')!;
  return [
    {
      rule: 'FMT.outdated',
      instance: 'FMT.outdated',
      severity: 'warning',
      cells: [],
      suspects: [],
      message: formatMessage('FMT.outdated', options.lang ?? 'zh', { year, expected, actual: input.format }),
      detail: { year, expected, actual: input.format },
    },
  ];
}

/** The `N.` findings of the input's narrative, with how many comparisons each rule made. */
export function narrativeFindings(
  input: ReportInput,
  options: CheckOptions = {},
): { findings: Finding[]; checked: Map<RuleId, number> } {
  const checked = new Map<RuleId, number>();
  if (!input.narrative) return { findings: [], checked };
  const findings = checkNarrative(input.narrative, input.cells, input.format, options.lang ?? 'zh', checked);
  return { findings, checked };
}

/** `result` (from `check()` on `input.cells`) with the narrative and format findings added, once each. */
export function withReportInputFindings(
  result: CheckResult,
  input: ReportInput,
  options: CheckOptions = {},
): CheckResult {
  const { findings: narrative, checked } = narrativeFindings(input, options);
  const have = new Set(result.findings.map((f) => `${f.rule}|${f.instance}`));
  const extra = [...narrative, ...formatFindings(input, options)].filter((f) => !have.has(`${f.rule}|${f.instance}`));
  const summary: RuleSummary[] = [...result.summary];
  for (const [rule, n] of checked) {
    if (summary.some((s) => s.rule === rule)) continue;
    const failed = narrative.filter((f) => f.rule === rule).length;
    summary.push({ rule, checked: n, passed: n - failed, failed, incomplete: 0 });
  }
  return { ...result, findings: [...result.findings, ...extra], summary };
}
