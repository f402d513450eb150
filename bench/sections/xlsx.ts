/**
 * `disclosure-tables check` over a folder of filled .xlsx reports, side by side with LibreOffice recalculating the
 * same files (`soffice --headless --convert-to csv`), the baseline a user has without us.
 *
 * Both sides are measured the same way: files per second once the program is running, start-up excluded (ours:
 * the median of several passes of the built command in this process, after passes that let the engine compile it;
 * LibreOffice: one run over the folder minus one run over a single file, with a profile that has been used once, as a
 * user's has). The start-ups are reported apart, with the whole command's time on the folder (`xlsx.commandSeconds`,
 * against LibreOffice's `libreoffice.folderSeconds`).
 *
 * Keys: `xlsx.filesPerSecond`, `libreoffice.filesPerSecond`, `xlsx.vsLibreOffice`, `xlsx.commandSeconds`,
 * `libreoffice.startSeconds`, and `xlsx.vsLibreOfficeWithStart` (LibreOffice's whole run, start-up included, against
 * our rate once started: the comparison of the first landing, kept to compare over time).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeTemplate } from '../../src/io/xlsx/template';
import type { CellId, RawValue } from '../../src/model/types';
import { consistentInputs } from '../../test/xlsx/values';
import { convert, findSoffice, freshProfile } from '../../test/libreoffice/soffice';

const FILES = 40;
const PASSES = 7;
/**
 * Passes run before measuring: the JavaScript engine compiles our code to optimised machine code only after it has
 * run a while (a few hundred files), which is part of starting up, as LibreOffice's own start-up is.
 */
const WARMUP_PASSES = 5;
const ROOT = path.join(__dirname, '../..');

interface BuiltCli {
  main(
    argv: string[],
    io: { stdout(t: string): void; stderr(t: string): void; isTTY: boolean; cwd: string },
  ): Promise<number>;
}

function seconds(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-bench-xlsx-'));
  const files: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const format = i % 2 ? '2019' : '2021';
    const values: Record<CellId, RawValue> = consistentInputs(format, i);
    // Every fourth file carries a typo, so the error locator works too.
    if (i % 4 === 1) values['T3.NEW.NP'] = Number(values['T3.NEW.NP']) + 10;
    const file = path.join(dir, `report-${String(i).padStart(3, '0')}.xlsx`);
    fs.writeFileSync(file, await writeTemplate({ format, year: 2024, org: `单位${i}`, values }));
    files.push(file);
  }

  // The command as installed: lib/ built from the current sources.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../../test/support/built-cli.js')();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cli = require(path.join(ROOT, 'lib/cli/main.js')) as BuiltCli;
  let out = '';
  const checkFolder = async () => {
    out = '';
    const io = { stdout: (t: string) => (out += t), stderr: () => undefined, isTTY: false, cwd: dir };
    return cli.main(['check', dir, '--json'], io);
  };
  const code = await checkFolder();
  for (let pass = 1; pass < WARMUP_PASSES; pass++) await checkFolder();
  const reports = JSON.parse(out).reports as { errors: number }[];
  if (code !== 1 || reports.length !== FILES) throw new Error(`check gave ${code} and ${reports.length} reports`);
  const rates: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const t0 = process.hrtime.bigint();
    await checkFolder();
    rates.push(FILES / seconds(t0));
  }
  rates.sort((a, b) => a - b);
  const ours = rates[Math.floor(rates.length / 2)];
  log(
    `check ${FILES} .xlsx files: ${ours.toFixed(1)} files/s (median of ${PASSES} passes after ${WARMUP_PASSES} to warm up)`,
  );

  // The whole command as a user starts it, start-up included.
  const t1 = process.hrtime.bigint();
  const whole = spawnSync(process.execPath, [path.join(ROOT, 'bin/disclosure-tables.js'), 'check', dir, '--json'], {
    maxBuffer: 256 * 1024 * 1024,
  });
  const commandSeconds = seconds(t1);
  if (whole.status !== 1) throw new Error(`disclosure-tables check exited ${whole.status}`);
  log(`the whole command on the folder, start-up included: ${commandSeconds.toFixed(2)} s`);
  const figures: Record<string, number> = {
    'xlsx.filesPerSecond': Number(ours.toFixed(1)),
    'xlsx.commandSeconds': Number(commandSeconds.toFixed(2)),
  };

  const soffice = findSoffice();
  if (!soffice) {
    log('LibreOffice not installed: no comparison (apt-get install -y --no-install-recommends libreoffice-calc)');
  } else {
    const profile = freshProfile();
    // A profile used once, as a user's is: the first run of a new profile also sets it up.
    convert(soffice, files.slice(0, 1), 'csv', path.join(dir, 'csv0'), profile);
    const t2 = process.hrtime.bigint();
    convert(soffice, files.slice(0, 1), 'csv', path.join(dir, 'csv1'), profile);
    const one = seconds(t2);
    const t3 = process.hrtime.bigint();
    convert(soffice, files, 'csv', path.join(dir, 'csv'), profile);
    const all = seconds(t3);
    const lo = (FILES - 1) / Math.max(all - one, 1e-3);
    log(
      `LibreOffice: ${all.toFixed(2)} s for the folder, ${one.toFixed(2)} s for one file: ` +
        `${lo.toFixed(2)} files/s once started`,
    );
    log(
      `ratio: ${(ours / lo).toFixed(0)}× once started (target ≥ 50×); ${(ours / (FILES / all)).toFixed(0)}× against LibreOffice's whole run`,
    );
    figures['libreoffice.filesPerSecond'] = Number(lo.toFixed(2));
    figures['libreoffice.folderSeconds'] = Number(all.toFixed(2));
    figures['libreoffice.startSeconds'] = Number(Math.max(0, one - (all - one) / (FILES - 1)).toFixed(2));
    figures['xlsx.vsLibreOffice'] = Number((ours / lo).toFixed(1));
    figures['xlsx.vsLibreOfficeWithStart'] = Number((ours / (FILES / all)).toFixed(1));
    fs.rmSync(profile, { recursive: true, force: true });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}
