/**
 * What the adapter stores in the workbook so that its tables are found again and known as its own after the file is
 * closed and reopened. Each set of tables has one worksheet-scoped name per table on the sheet that holds it
 * (`Worksheet.names`, ExcelApi 1.4: https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-names-member;
 * Excel moves a name with its cells, copies a sheet's names with the sheet and deletes them with it), whose comment
 * holds the set's format, year and body (`nameComment`), so several sets in one workbook are each found with their
 * own year. The set generated last also has the workbook-level names and the document setting with its format,
 * year and body: what workbooks of earlier versions hold, what the .xlsx reader and `sum` take as the set the add-in
 * named (src/io/xlsx/workbook.ts), and what an earlier version of the add-in still finds. A document setting holds
 * the 已核实 marks. Workbook settings (ExcelApi 1.4) are kept
 * in the file, per file and add-in, and saved with the workbook: unlike the common API's document settings they need
 * no `saveAsync` (https://learn.microsoft.com/javascript/api/excel/excel.settingcollection).
 */
import { MAX_COLS, MAX_ROWS, parseAddress, rectA1 } from '../model/a1';
import type { FormatId, TableId } from '../model/types';
import { isFormatId } from '../model/formats';
import { TABLE_NAME_PREFIX, tableName } from '../model/layout';

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

/** Excel's Name Manager takes comments of at most 255 characters. */
const MAX_COMMENT = 255;

/**
 * `T3 2021 2025 某县统计局`: table, format, year and body, as each name of a set carries them. A body too long for the
 * comment is left out (the set then has no body to compare an import with) rather than cut short into a wrong one.
 */
export function nameComment(table: TableId, meta: ReportMeta): string {
  const head = `${table} ${meta.format} ${meta.year}`;
  const org = meta.org.replace(/\s+/g, ' ').trim();
  return org && head.length + 1 + org.length <= MAX_COMMENT ? `${head} ${org}` : head;
}

/** The format, year and body in a name's comment (`nameComment`); null for a comment of another kind. */
export function parseNameComment(comment: unknown): ReportMeta | null {
  const m = /^T[234] (\d{4}) (\d{4})(?: (.*))?$/s.exec(String(comment ?? '').trim());
  if (!m || !isFormatId(m[1])) return null;
  return { version: 1, format: m[1], year: Number(m[2]), org: m[3] ?? '' };
}

/** The table a name of ours is for (`DisclosureTables_T3` → `T3`); null for any other name. */
export function tableOfName(name: string): TableId | null {
  return TABLE_IDS.find((t) => tableName(t) === name) ?? null;
}

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
