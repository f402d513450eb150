import * as path from 'path';
import { runCli } from '../support/run-cli';

const ROOT = path.join(__dirname, '../..');

const run = (args: string[]) => runCli(args, ROOT);

test('check --json gives each report a rates object of ratios; the text shows percentages', async () => {
  const file = 'test/fixtures/expected/suqian-2024.json';
  const json = JSON.parse((await run(['check', file, '--json'])).stdout);
  const rates = json.reports[0].rates;
  expect(Object.keys(rates)).toEqual(['substantiveDisclosure', 'refusal', 'reviewCorrection', 'suitCorrection']);
  expect(rates.reviewCorrection).toEqual({ ratio: 18 / 134, numerator: 18, denominator: 134, meaningful: true });
  const text = (await run(['check', file])).stdout;
  expect(text).toContain('复议纠错率 13.4%（18/134）');
  const en = (await run(['check', file, '--lang', 'en'])).stdout;
  expect(en).toContain('review correction rate 13.4% (18/134)');
});
