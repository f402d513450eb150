/**
 * What the adapter stores in the workbook so that its tables are found again and known as its own after the file is
 * closed and reopened: one workbook-level name per table (Excel moves a name with its cells) and a document setting
 * with the report's format, year and body, and one with the 已核实 marks. Workbook settings (ExcelApi 1.4) are kept
 * in the file, per file and add-in, and saved with the workbook: unlike the common API's document settings they need
 * no `saveAsync` (https://learn.microsoft.com/javascript/api/excel/excel.settingcollection).
 */
import { MAX_COLS, MAX_ROWS, parseAddress, rectA1 } from '../model/a1';
import type { FormatId, TableId } from '../model/types';
import { isFormatId } from '../model/formats';
import { TABLE_NAME_PREFIX } from '../model/layout';

export const SETTINGS_KEY = 'disclosureTables.report';
/** The 已核实 marks (`src/model/reviewed-marks.ts`), in the file with the tables they are about. */
export const MARKS_KEY = 'disclosureTables.reviewed';

export interface ReportMeta {
  version: 1;
  format: FormatId;
  year: number;
  org: string;
}

export function parseMeta(value: unknown): ReportMeta | null {
  const v = typeof value === 'string' ? safeJson(value) : value;
  if (!v || typeof v !== 'object') return null;
  const m = v as Partial<ReportMeta>;
  if (!isFormatId(m.format) || typeof m.year !== 'number') return null;
  return { version: 1, format: m.format, year: m.year, org: typeof m.org === 'string' ? m.org : '' };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

export const TABLE_IDS: readonly TableId[] = ['T2', 'T3', 'T4'];

export function isOurName(name: string): boolean {
  return name.startsWith(TABLE_NAME_PREFIX);
}

/** `=Sheet1!$A$4:$D$17`, `='My sheet'!$A$4:$D$17` → sheet and address; `null` for `#REF!` and non-range names. */
export function parseNameReference(formula: string): { sheet: string; address: string } | null {
  const f = formula.replace(/^=/, '').trim();
  if (f.includes('#REF!')) return null;
  const p = parseAddress(f);
  // A table is never whole rows or columns: a name that refers to those is someone else's.
  if (!p || p.sheet === undefined || p.rect.rows === MAX_ROWS || p.rect.cols === MAX_COLS) return null;
  return { sheet: p.sheet, address: rectA1(p.rect) };
}
