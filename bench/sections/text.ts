/**
 * Published-report reading: every sample report text read as the check command reads it (bytes → ReportInputs)
 * and checked (tables, narrative and format version). Prints, per sample,
 * the cells read, unread and the unrecognised text items.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkReportInput } from '../../src/io/check-input';
import type { ReportInput } from '../../src/io/report-input';
import { textReportReader } from '../../src/io/text/readers';
import { printReading } from '../reading';
import { median } from '../stats';

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = path.join(__dirname, '..', '..', 'test', 'fixtures', 'samples');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(fs.readFileSync(path.join(dir, f))) }));

  printReading(log);

  const once = async () => {
    for (const f of files) {
      const inputs: ReportInput[] = await textReportReader.read(f.name, f.bytes);
      for (const input of inputs) {
        checkReportInput(input);
      }
    }
  };
  await once();
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = process.hrtime.bigint();
    await once();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const ms = median(times);
  const filesPerSecond = Math.round((files.length / ms) * 1000 * 10) / 10;
  log(`${files.length} report texts read and checked in ${ms.toFixed(1)} ms (median): ${filesPerSecond} files/s`);
  return { 'text.filesPerSecond': filesPerSecond };
}
