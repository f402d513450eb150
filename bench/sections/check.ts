/**
 * Time to check one full report (2021 format, 200 cells) including error location: a consistent report (the
 * suqian-2024 fixture) and the same report with one transposed digit in table 三 (two failed equations, located
 * and explained as a digit typo). Target: under 1 ms each.
 *
 * Memory of `check` over a folder, which must stay flat in the number of files (reports are parked on disk, not
 * kept): the built command run as a child process over 1,000 and then 5,000 .xlsx files, its peak resident memory
 * taken in the child at exit (`process.resourceUsage().maxRSS`). Keys: `check.peakMb1000Files`,
 * `check.peakMb5000Files`, and `check.peakMbPer1000Files`, what each further 1,000 files add ((5,000's peak −
 * 1,000's) / 4): near 0 when flat.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeTemplate } from '../../src/io/xlsx/template';
import { consistentInputs } from '../../test/xlsx/values';
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
  return {
    'check.consistentMedianMs': consistentMedianMs,
    'check.inconsistentMedianMs': inconsistentMedianMs,
    ...(await folderMemory(log)),
  };
}

const ROOT = path.join(__dirname, '../..');
/** Distinct workbooks the folders are filled from (copies under other names: building 5,000 would take minutes). */
const VARIANTS = 20;

async function folderMemory(log: (line: string) => void): Promise<Record<string, number>> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-bench-memory-'));
  try {
    const variants: Uint8Array[] = [];
    for (let i = 0; i < VARIANTS; i++) {
      const values: Record<string, number> = consistentInputs('2021', i);
      // Every fourth carries a typo, so findings are rendered and located too.
      if (i % 4 === 1) values['T3.NEW.NP'] += 10;
      variants.push(await writeTemplate({ format: '2021', year: 2024, org: `单位${i}`, values }));
    }
    // The child writes its peak resident memory (KB) here as it exits.
    const preload = path.join(tmp, 'peak-rss.js');
    fs.writeFileSync(
      preload,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(path.join(tmp, 'rss'))}, String(process.resourceUsage().maxRSS)));`,
    );
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../test/support/built-cli.js')();
    const peakMb = (files: number): number => {
      const dir = path.join(tmp, `folder-${files}`);
      fs.mkdirSync(dir);
      for (let i = 0; i < files; i++)
        fs.writeFileSync(path.join(dir, `report-${String(i).padStart(5, '0')}.xlsx`), variants[i % VARIANTS]);
      const r = spawnSync(
        process.execPath,
        ['-r', preload, path.join(ROOT, 'bin/disclosure-tables.js'), 'check', dir, '--json'],
        { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
      );
      if (r.status !== 1) throw new Error(`check over ${files} files exited ${r.status}: ${r.stderr}`);
      const mb = Number(fs.readFileSync(path.join(tmp, 'rss'), 'utf8')) / 1024;
      fs.rmSync(dir, { recursive: true, force: true });
      log(`check over ${files} .xlsx files (--json): peak ${mb.toFixed(0)} MB resident`);
      return mb;
    };
    const at1000 = peakMb(1000);
    const at5000 = peakMb(5000);
    const per1000 = (at5000 - at1000) / 4;
    log(`each further 1,000 files add ${per1000.toFixed(1)} MB (flat: near 0)`);
    return {
      'check.peakMb1000Files': Number(at1000.toFixed(0)),
      'check.peakMb5000Files': Number(at5000.toFixed(0)),
      'check.peakMbPer1000Files': Number(per1000.toFixed(1)),
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
