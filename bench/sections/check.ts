/**
 * Time to check one full report (2021 format, 200 cells) including error location: a consistent report (the
 * suqian-2024 fixture) and the same report with one transposed digit in table 三 (two failed equations, located
 * and explained as a digit typo). Target: under 1 ms each.
 */
import * as fs from 'fs';
import * as path from 'path';
import { check } from '../../src/model/check';
import type { RawValues } from '../../src/model/types';
import { medianMs } from '../stats';

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const file = path.join(__dirname, '../../test/fixtures/expected/suqian-2024.json');
  const consistent = JSON.parse(fs.readFileSync(file, 'utf8')).cells as Record<string, number>;
  const id = 'T3.R1.NP';
  const swapped = Number(String(consistent[id]).split('').reverse().join(''));
  const inconsistent: RawValues = { ...consistent, [id]: swapped };
  const located = check('2021', inconsistent).findings.filter((f) => f.suspects.includes(id)).length;
  if (!located) throw new Error('bench input not located: the bench would measure the wrong thing');

  const consistentMedianMs = await medianMs(() => check('2021', consistent), 2000, 300);
  const inconsistentMedianMs = await medianMs(() => check('2021', inconsistent), 2000, 300);
  log(`check, consistent report:   median ${consistentMedianMs.toFixed(3)} ms`);
  log(`check, one wrong cell:      median ${inconsistentMedianMs.toFixed(3)} ms (error located)`);
  return { 'check.consistentMedianMs': consistentMedianMs, 'check.inconsistentMedianMs': inconsistentMedianMs };
}
