/**
 * Reading and checking filled .xlsx reports (ExcelJS + label location + checker), files per second, side by side
 * with LibreOffice recalculating the same files (`soffice --headless --convert-to csv`, one process for the whole
 * batch, its best case). Keys: `xlsx.filesPerSecond`, `libreoffice.filesPerSecond`, `xlsx.vsLibreOffice`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeTemplate } from '../../src/io/xlsx/template';
import { xlsxNodeReader } from '../../src/io/xlsx/node-reader';
import { check } from '../../src/model/check';
import type { CellId, RawValue } from '../../src/model/types';
import { consistentInputs } from '../../test/xlsx/values';
import { convert, findSoffice, freshProfile } from '../../test/libreoffice/soffice';

const FILES = 40;
const PASSES = 7;

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-bench-xlsx-'));
  const files: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const values: Record<CellId, RawValue> = consistentInputs(i % 2 ? '2019' : '2021', i);
    // Every other file carries a typo, so the error locator works too.
    if (i % 4 === 1) values['T3.NEW.NP'] = Number(values['T3.NEW.NP']) + 10;
    const file = path.join(dir, `report-${String(i).padStart(3, '0')}.xlsx`);
    fs.writeFileSync(
      file,
      await writeTemplate({ format: i % 2 ? '2019' : '2021', year: 2024, org: `单位${i}`, values }),
    );
    files.push(file);
  }

  // Warm-up, then several passes over the folder: the median pass is the steady rate of a large folder check
  // (the machine is shared, single passes are noisy).
  const readAndCheck = async () => {
    let findings = 0;
    for (const file of files) {
      for (const input of await xlsxNodeReader.read(file, fs.readFileSync(file))) {
        findings += check(input.format, input.cells, {
          ...(input.formulas ? { formulas: input.formulas } : {}),
          ...(input.cellAddress ? { cellAddress: input.cellAddress } : {}),
        }).findings.length;
      }
    }
    return findings;
  };
  const findings = await readAndCheck();
  const rates: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const t0 = process.hrtime.bigint();
    await readAndCheck();
    rates.push(FILES / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  rates.sort((a, b) => a - b);
  const ours = rates[Math.floor(rates.length / 2)];
  log(
    `read + check ${FILES} .xlsx files: ${ours.toFixed(1)} files/s, median of ${PASSES} passes (${findings} findings)`,
  );
  const figures: Record<string, number> = { 'xlsx.filesPerSecond': Number(ours.toFixed(1)) };

  const soffice = findSoffice();
  if (!soffice) {
    log('LibreOffice not installed: no comparison (apt-get install -y --no-install-recommends libreoffice-calc)');
  } else {
    const t1 = process.hrtime.bigint();
    convert(soffice, files, 'csv', path.join(dir, 'csv'), freshProfile());
    const lo = FILES / (Number(process.hrtime.bigint() - t1) / 1e9);
    log(`LibreOffice recalculation of the same files: ${lo.toFixed(2)} files/s`);
    log(`ratio: ${(ours / lo).toFixed(0)}× (target ≥ 50×)`);
    figures['libreoffice.filesPerSecond'] = Number(lo.toFixed(2));
    figures['xlsx.vsLibreOffice'] = Number((ours / lo).toFixed(1));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}
