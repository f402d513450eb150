/**
 * The wild corpus (test/fixtures/wild): published reports the text reader was not tuned on, with the values a person
 * transcribed from each text by hand. Scores what the reader says against them: a wrong value is a failure, an unread
 * cell is not, and the share of the transcribed cells the reader reads is measured.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ImportResult } from '../../src/io/text';

export const WILD = path.join(__dirname, '..', 'fixtures', 'wild');

export interface WildExpected {
  source: string;
  year: number;
  format: string;
  /** Cells whose value the text gives beyond doubt. */
  cells: Record<string, number>;
  /**
   * Cells a person cannot place for sure: the transcriber's reading, or null where no reading is safe. A reader may
   * leave them unread; when it reports one, it must be this reading (null: it must not report a number at all).
   */
  unsure?: Record<string, number | null>;
}

export function wildFiles(): string[] {
  return fs
    .readdirSync(WILD)
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort();
}

export function readWild(file: string): string {
  return fs.readFileSync(path.join(WILD, file), 'utf8');
}

export function wildExpected(file: string): WildExpected {
  return JSON.parse(fs.readFileSync(path.join(WILD, 'expected', file.replace(/\.(txt|html)$/, '.json')), 'utf8'));
}

export interface WildScore {
  /** Cells the reader gave a value that differs from the hand-transcribed one (or a value where none is safe). */
  wrong: { cell: string; read: number | string; expected: number | null }[];
  /** Values the reader reports (not inferred by arithmetic) that occur nowhere in the text as a figure. */
  notInText: { cell: string; value: number | string }[];
  /** Cells of `expected.cells` the reader reads (with the right value). */
  read: number;
  /** Number of cells in `expected.cells`. */
  total: number;
}

/** The text's figures as written (half-width, thousands separators dropped), for "does this value occur". */
function figuresOf(text: string): Set<number> {
  const flat = text.normalize('NFKC').replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  return new Set((flat.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number));
}

export function scoreWild(text: string, exp: WildExpected, r: ImportResult): WildScore {
  const figures = figuresOf(text);
  const inferred = new Set<string>(r.inferred ?? []);
  const wrong: WildScore['wrong'] = [];
  const notInText: WildScore['notInText'] = [];
  let read = 0;
  for (const [cell, value] of Object.entries(r.cells)) {
    if (cell in exp.cells) {
      if (value === exp.cells[cell]) read++;
      else wrong.push({ cell, read: value, expected: exp.cells[cell] });
    } else if (exp.unsure && cell in exp.unsure && value !== exp.unsure[cell]) {
      wrong.push({ cell, read: value, expected: exp.unsure[cell] });
    }
    if (!inferred.has(cell) && !(typeof value === 'number' && figures.has(value))) notInText.push({ cell, value });
  }
  return { wrong, notInText, read, total: Object.keys(exp.cells).length };
}
