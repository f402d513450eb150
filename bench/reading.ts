/**
 * How much of each sample report the text reader reads: per report found in a sample, the cells read, the cells
 * it could not read (`unread`: its own failure), the cells the report leaves blank (`blank`), the text items it
 * could not place (`unrecog`), and, for the samples with expected values, values that differ from them (`wrong`).
 * Part of the text bench section; run alone with `npx tsx bench/reading.ts`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { importReportTexts, type ImportResult } from '../src/io/text';

const ROOT = path.join(__dirname, '..', 'test', 'fixtures');

interface ExpectedFile {
  source: string;
  year: number;
  cells: Record<string, number>;
}

function expected(): ExpectedFile[] {
  const dir = path.join(ROOT, 'expected');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as ExpectedFile);
}

export interface ReadingRow {
  sample: string;
  year?: number;
  format: string;
  read: number;
  unread: number;
  blank: number;
  unrecognised: number;
  /** Values that differ from the expected ones (null: no expected values for this report). */
  wrong: number | null;
}

/** Older results have no `unread` list: everything not read was listed as unfilled. */
function unreadOf(r: ImportResult): number {
  const u = (r as { unread?: unknown[] }).unread;
  return Array.isArray(u) ? u.length : r.unfilled.length;
}
function blankOf(r: ImportResult): number {
  const u = (r as { unread?: unknown[] }).unread;
  return Array.isArray(u) ? r.unfilled.length : 0;
}

export function readingRows(): ReadingRow[] {
  const dir = path.join(ROOT, 'samples');
  const exp = expected();
  const rows: ReadingRow[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const results = importReportTexts(fs.readFileSync(path.join(dir, f), 'utf8'));
    for (const r of results) {
      const e = exp.find((x) => x.source.split(' ')[0] === f && (results.length === 1 || x.year === r.year));
      const wrong = e ? Object.entries(r.cells).filter(([id, v]) => e.cells[id] !== v).length : null;
      rows.push({
        sample: f,
        ...(r.year !== undefined ? { year: r.year } : {}),
        format: r.format,
        read: Object.keys(r.cells).length,
        unread: unreadOf(r),
        blank: blankOf(r),
        unrecognised: r.unrecognised.length,
        wrong,
      });
    }
  }
  return rows;
}

export function printReading(log: (line: string) => void): ReadingRow[] {
  const rows = readingRows();
  log('sample | year | format | read | unread | blank | unrecognised | wrong');
  for (const r of rows)
    log(
      `${r.sample} | ${r.year ?? '?'} | ${r.format} | ${r.read} | ${r.unread} | ${r.blank} | ${r.unrecognised} | ` +
        `${r.wrong ?? '-'}`,
    );
  return rows;
}

if (require.main === module) printReading((l) => process.stdout.write(l + '\n'));
