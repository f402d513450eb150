import type { FormatId, ReportFormat } from '../types';
import { buildFormat } from './build';

const SOURCES: Record<FormatId, string> = {
  '2021': '国办公开办函〔2021〕30号',
  '2019': '国办公开办函〔2019〕60号',
};

const cache = new Map<FormatId, ReportFormat>();

/** The format definition, built once and shared: it is immutable data. */
export function getFormat(id: FormatId): ReportFormat {
  let f = cache.get(id);
  if (!f) {
    f = buildFormat(id, SOURCES[id]);
    cache.set(id, f);
  }
  return f;
}

export const FORMAT_IDS: readonly FormatId[] = ['2021', '2019'];

export function isFormatId(x: unknown): x is FormatId {
  return x === '2021' || x === '2019';
}

export { cellId } from './build';
export * from './labels';
