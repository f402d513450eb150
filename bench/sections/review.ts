/**
 * `check FOLDER --review review.xlsx` on a folder of 400 filled .xlsx reports (every fourth with a typo, so the
 * findings sheet has rows), against `check FOLDER` alone on the same folder: the whole command as a user starts
 * it, start-up included, best of three runs each (the machine is shared; the best run is the least disturbed).
 *
 * Keys: `review.secondsPer400` (check with --review), `review.checkSecondsPer400` (check alone) and
 * `review.vsCheck` (their ratio; the target is ≤ 2).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeTemplate } from '../../src/io/xlsx/template';
import { consistentInputs } from '../../test/xlsx/values';

const FILES = 400;
const RUNS = 3;
const ROOT = path.join(__dirname, '../..');

function best(args: string[], expectCode: number): number {
  let min = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/disclosure-tables.js'), ...args], {
      maxBuffer: 256 * 1024 * 1024,
    });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== expectCode) throw new Error(`disclosure-tables ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    min = Math.min(min, s);
  }
  return min;
}

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-bench-review-'));
  const folder = path.join(dir, 'reports');
  fs.mkdirSync(folder);
  for (let i = 0; i < FILES; i++) {
    const format = i % 2 ? '2019' : '2021';
    const values = consistentInputs(format, i);
    if (i % 4 === 1) values['T3.NEW.NP'] += 10;
    const file = path.join(folder, `report-${String(i).padStart(3, '0')}.xlsx`);
    fs.writeFileSync(file, await writeTemplate({ format, year: 2024, org: `单位${i}`, values }));
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../../test/support/built-cli.js')();
  const out = path.join(dir, 'review.xlsx');
  const alone = best(['check', folder], 1);
  const review = best(['check', folder, '--review', out, '--replace'], 1);
  if (!fs.existsSync(out)) throw new Error('no review workbook written');
  log(`check on ${FILES} .xlsx reports: ${alone.toFixed(2)} s alone, ${review.toFixed(2)} s with --review`);
  log(`ratio ${(review / alone).toFixed(2)} (target ≤ 2), best of ${RUNS} runs each, start-up included`);
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    'review.secondsPer400': Number(review.toFixed(2)),
    'review.checkSecondsPer400': Number(alone.toFixed(2)),
    'review.vsCheck': Number((review / alone).toFixed(2)),
  };
}
