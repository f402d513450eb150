/**
 * `check … --review review.xlsx`: where the review workbook may be written, and writing it. The path is checked
 * before anything is read (an existing file is kept unless --replace; a file named as an input is never written
 * over), and again against every file the folders held once they are read.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Lang } from '../../model/types';
import type { ReviewEntry } from '../../io/xlsx/review-workbook';
import { UsageError } from '../command';

export function reviewPath(arg: string, inputs: string[], replace: boolean, cwd: string): string {
  if (!/\.xlsx$/i.test(arg)) throw new UsageError('review.notXlsx', { file: arg });
  const full = path.resolve(cwd, arg);
  if (inputs.some((i) => path.resolve(cwd, i) === full)) throw new UsageError('review.isInput', { file: arg });
  if (fs.existsSync(full) && !replace) throw new UsageError('review.exists', { file: arg });
  return full;
}

export async function writeReviewWorkbook(
  file: string,
  entries: readonly ReviewEntry[],
  unreadable: readonly { file: string; message: string }[],
  lang: Lang,
): Promise<void> {
  // ExcelJS loads only when a review workbook is asked for: plain `check` stays quick to start.
  const { buildReviewWorkbook } = await import('../../io/xlsx/review-workbook');
  fs.writeFileSync(file, await buildReviewWorkbook(entries, unreadable, lang));
}
