import { prepare } from '../prepared';
import type { FormatId, ReportFormat } from '../types';

/** The format definition, built once and shared with everything derived from it (`prepare`): immutable data. */
export function getFormat(id: FormatId): ReportFormat {
  return prepare(id).format;
}

export const FORMAT_IDS: readonly FormatId[] = ['2021', '2019'];

export function isFormatId(x: unknown): x is FormatId {
  return x === '2021' || x === '2019';
}

export { cellId } from './build';
export {
  DOC_SECTIONS,
  REPORT_TITLE_SUFFIX,
  T3_CORNER,
  T3_ENTRIES_2021,
  T3_RESULT_TOTAL_ROW,
  T3_TOTAL_COLUMN,
  T4_TOTAL_COLUMN,
} from './labels';
