/** What checking the imported samples finds: the problems their READMEs describe, and nothing invented. */
import { checkReportInput } from '../../src/io/check-input';
import { textReportReader } from '../../src/io/text/readers';
import type { CheckResult } from '../../src/model/types';
import { readSample, sampleFiles } from './fixtures';
import { nonEmpty } from '../support/non-empty';

async function checkSample(prefix: string): Promise<CheckResult[]> {
  const file = sampleFiles().find((f) => f.startsWith(prefix))!;
  const inputs = await textReportReader.read(file, new TextEncoder().encode(readSample(file)));
  return inputs.map((input) => checkReportInput(input));
}

const rules = (r: CheckResult) => new Set(r.findings.map((f) => f.rule));

test('07: the fee with six decimals is flagged', async () => {
  const [r] = await checkSample('07-');
  expect(rules(r)).toContain('P.feeDecimals');
});

test('09: a town reporting 规章 is flagged', async () => {
  const [r] = await checkSample('09-');
  expect(rules(r)).toContain('P.regulationsAtLocalLevel');
});

test('the complete consistent samples break no relation and no narrative figure', async () => {
  for (const prefix of ['seed', '90-', '02-']) {
    for (const r of nonEmpty(await checkSample(prefix))) {
      const bad = r.findings.filter((f) => /^(T3|T4)\./.test(f.rule) || (f.rule.startsWith('N.') && prefix !== '02-'));
      expect(bad).toEqual([]);
    }
  }
});

test('Suqian 2024: the narrative warnings are the only N. findings', async () => {
  const [y2023, y2024] = await checkSample('02-');
  expect([...rules(y2023)].filter((x) => x.startsWith('N.'))).toEqual([]);
  expect([...rules(y2024)].filter((x) => x.startsWith('N.')).sort()).toEqual(['N.review', 'N.suit']);
});
