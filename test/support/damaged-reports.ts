/**
 * Hostile report texts that make the text reader leave a note, each built from a real sample of
 * test/fixtures/samples/ (their source lines are in the samples themselves) by the damage its name says: what
 * happens to a report copied from a web page or a PDF in a hurry.
 */
import * as fs from 'fs';
import * as path from 'path';

const SAMPLES = path.join(__dirname, '..', 'fixtures', 'samples');

function sampleLines(name: string): string[] {
  return fs.readFileSync(path.join(SAMPLES, name), 'utf8').split('\n');
}

/** The seed sample (a county bureau, 2025, tab-separated tables): line numbers below are its own. */
const SEED = 'seed-county-bureau-2025.txt';
/** 0-based index of the seed's table 四 heading line, and of its line of 14 figures. */
const T4_HEADING = 69;
const T4_FIGURES = 74;

function seed(): string[] {
  const lines = sampleLines(SEED);
  // The damage below is placed by these lines: fail here, not in the test, if the sample ever moves them.
  if (!lines[T4_HEADING].startsWith('四、政府信息公开行政复议') || lines[T4_FIGURES].split('\t').length !== 14)
    throw new Error(`${SEED} no longer has table 四 where damaged-reports.ts expects it`);
  return lines;
}

/** The text stops inside table 四's line of figures, right after its 13th figure (the copy was cut off). */
export function cutInsideTable4(): string {
  const lines = seed();
  return [...lines.slice(0, T4_FIGURES), lines[T4_FIGURES].split('\t').slice(0, 13).join('\t')].join('\n');
}

/** The report up to its table 四, then from its table 二 on again, with no title above: where they part is a guess. */
export function tablesAgainUntitled(): { text: string; line: number } {
  const lines = seed();
  const first = lines.slice(0, T4_FIGURES + 2);
  const tables = lines.slice(lines.indexOf('二、主动公开政府信息情况'));
  return { text: [...first, ...tables].join('\n'), line: first.length + 1 };
}

/** The report breaks off before its table 四 and another body's titled report follows. */
export function endsBeforeTable4(): { text: string; line: number } {
  const lines = seed();
  const title = '临江市城南街道办事处2025年政府信息公开工作年度报告';
  const before = [...lines.slice(0, T4_HEADING), ''];
  return { text: [...before, title, ...lines].join('\n'), line: before.length + 1 };
}

/** Only table 四 (its labels are the same in both formats), with the text going on after it. */
export function table4Only(): string {
  const lines = seed();
  return [
    '2025年政府信息公开工作年度报告',
    ...lines.slice(T4_HEADING, T4_FIGURES + 2),
    '五、存在的主要问题及改进情况',
  ].join('\n');
}

/** 宿迁市's 2023 and 2024 reports side by side, without the line that says which column is which year. */
export function sideBySideWithoutYears(): string {
  return sampleLines('02-suqian-city-2023-2024-format2021.txt')
    .filter((l) => !/\d{4} 年报告/.test(l))
    .join('\n');
}
