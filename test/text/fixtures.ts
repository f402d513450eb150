/** Sample report texts and their expected cell values (test/fixtures), shared by the text reader's tests. */
import * as fs from 'fs';
import * as path from 'path';
import { nonEmpty } from '../support/non-empty';

export const SAMPLES = path.join(__dirname, '..', 'fixtures', 'samples');
export const EXPECTED = path.join(__dirname, '..', 'fixtures', 'expected');

export interface Expected {
  name: string;
  source: string;
  /** 0 for the left column (or a single report), 1 for the right column of a side-by-side comparison. */
  column: number;
  year: number;
  format: string;
  cells: Record<string, number>;
}

export function sampleFiles(): string[] {
  return fs
    .readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

export function readSample(file: string): string {
  return fs.readFileSync(path.join(SAMPLES, file), 'utf8');
}

export function expectedReports(): Expected[] {
  return fs
    .readdirSync(EXPECTED)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const j = JSON.parse(fs.readFileSync(path.join(EXPECTED, f), 'utf8'));
      const [source, ...rest] = String(j.source).split(' ');
      return {
        name: f,
        source,
        column: /right column/.test(rest.join(' ')) ? 1 : 0,
        year: j.year,
        format: j.format,
        cells: j.cells,
      };
    });
}

/** Every value the reader reported is the true one, and it reported some: a reader that read nothing proves nothing. */
export function expectReadTrue(cells: Record<string, unknown>, truth: Record<string, unknown>): void {
  for (const [id, v] of nonEmpty(Object.entries(cells))) expect([id, v]).toEqual([id, truth[id]]);
}
