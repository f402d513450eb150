/**
 * The review workbook of `check FOLDER --review review.xlsx`, for the office that reviews many bodies' reports:
 * - 汇总 (summary): one row per body and year: status, errors, warnings, unfilled cells, incomplete checks, the four
 *   rates, and a link to the body's first row on the findings sheet;
 * - 问题 (findings): body, year, table, rule (its title), cells by their labels, reported, computed, message;
 * - 未识别内容 (unread): what a reader could not place, its notes on how it read a report (a text cut short, a
 *   table not found), and the files that could not be read at all.
 * Header rows frozen, filters on, widths that show the Chinese labels. Links are HYPERLINK formulas, which Excel,
 * WPS and LibreOffice all follow (ExcelJS's own internal hyperlinks also write an external relationship that
 * Excel then tries to open as a file).
 * No Node APIs: returns the bytes.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { getFormat } from '../../model/formats';
import { formatMessage } from '../../model/messages';
import { cellName, renderFinding, renderRuleTitle, type Addresses } from '../../model/render';
import { computeRates, MIN_CASES, RATE_KEYS, type Rate } from '../../model/rates';
import { reportVerdict } from '../../model/verdict';
import type { CheckResult, FormatId, Lang } from '../../model/types';
import { renderReaderNote } from '../reader-notes';
import type { ReaderNote, UnreadCell } from '../report-input';
import { unreadReason } from '../unread';

export interface ReviewEntry {
  file: string;
  format: FormatId;
  year?: number;
  org?: string;
  result: CheckResult;
  /** Sheet address of each cell (reports read from workbooks): messages name cells by it too. */
  cellAddress?: Addresses;
  unrecognised?: string[];
  /** Cells the reader could not read, with why. */
  unread?: UnreadCell[];
  /** The reader's notes on how it read the report. */
  notes?: ReaderNote[];
}

export const REVIEW_SHEETS = {
  zh: { summary: '汇总', findings: '问题', unread: '未识别内容' },
  en: { summary: 'Summary', findings: 'Findings', unread: 'Unread' },
} as const;

/** Cells listed by label in one findings row; more are counted. */
const LISTED_CELLS = 6;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };

function t(key: string, lang: Lang, p: Record<string, string | number> = {}): string {
  return formatMessage(key, lang, p);
}

/** A sheet with a bold frozen header row, an autofilter over it and widths in characters (CJK counts double). */
function table(wb: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  return ws;
}

/**
 * Filters over each sheet's rows. Excel writes each filter's range twice, as the sheet's `autoFilter` and as a
 * hidden sheet-local name `_xlnm._FilterDatabase`; LibreOffice builds its filter from the name and drops an
 * `autoFilter` without one. ExcelJS cannot write sheet-local names, so they are added to workbook.xml afterwards.
 */
function filterDatabase(sheets: ExcelJS.Worksheet[], bytes: Uint8Array): Uint8Array {
  const names = sheets.map((ws, i) => {
    const { col, row } = lastCell(ws);
    const ref = `${escapeXml(quoteSheet(ws.name))}!$A$1:$${col}$${row}`;
    return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${ref}</definedName>`;
  });
  const files = unzipSync(bytes);
  const book = strFromU8(files['xl/workbook.xml']);
  if (book.includes('<definedNames>')) throw new Error('review workbook: unexpected defined names');
  files['xl/workbook.xml'] = strToU8(
    book.replace('</sheets>', `</sheets><definedNames>${names.join('')}</definedNames>`),
  );
  return zipSync(files, { level: 6 });
}

/** The bottom-right cell of a sheet's table (the header row when it has no rows); fewer than 27 columns. */
function lastCell(ws: ExcelJS.Worksheet): { col: string; row: number } {
  return { col: String.fromCharCode(64 + ws.columnCount), row: Math.max(1, ws.rowCount) };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function status(r: CheckResult, unread: number, lang: Lang): string {
  return t(`verdict.${reportVerdict(r, unread)}`, lang);
}

/** A rate as a number formatted as a percentage; not meaningful ones greyed with a note; none as a dash. */
function putRate(cell: ExcelJS.Cell, rate: Rate, lang: Lang): void {
  if (rate.ratio === null) {
    cell.value = '—';
    cell.alignment = { horizontal: 'center' };
    return;
  }
  cell.value = rate.ratio;
  cell.numFmt = '0.0%';
  if (!rate.meaningful) {
    cell.font = { italic: true, color: { argb: 'FF808080' } };
    cell.note = t('review.rateNote', lang, { min: MIN_CASES, denominator: rate.denominator ?? 0 });
  }
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export async function buildReviewWorkbook(
  entries: readonly ReviewEntry[],
  unreadable: readonly { file: string; message: string }[],
  lang: Lang = 'zh',
): Promise<Uint8Array> {
  const names = REVIEW_SHEETS[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'disclosure-tables';
  const h = (k: string) => t(`review.col.${k}`, lang);
  const summary = table(wb, names.summary, [
    { header: h('org'), width: 28 },
    { header: h('year'), width: 8 },
    { header: h('status'), width: 10 },
    { header: h('errors'), width: 8 },
    { header: h('warnings'), width: 8 },
    { header: h('unfilled'), width: 8 },
    { header: h('incomplete'), width: 10 },
    ...RATE_KEYS.map((k) => ({ header: t(`rates.${k}`, lang), width: 12 })),
    { header: h('findings'), width: 12 },
    { header: h('file'), width: 40 },
  ]);
  const findings = table(wb, names.findings, [
    { header: h('org'), width: 28 },
    { header: h('year'), width: 8 },
    { header: h('table'), width: 8 },
    { header: h('severity'), width: 8 },
    { header: h('rule'), width: 30 },
    { header: h('cells'), width: 50 },
    { header: h('reported'), width: 10 },
    { header: h('computed'), width: 10 },
    { header: h('message'), width: 80 },
    { header: h('file'), width: 40 },
  ]);
  const unread = table(wb, names.unread, [
    { header: h('org'), width: 28 },
    { header: h('year'), width: 8 },
    { header: h('content'), width: 80 },
    { header: h('file'), width: 40 },
  ]);

  for (const e of entries) {
    const r = e.result;
    const format = getFormat(e.format);
    const org = e.org ?? '';
    const year = e.year ?? '';
    const firstFinding = findings.rowCount + 1;
    for (const f of r.findings) {
      const shown = f.cells.slice(0, LISTED_CELLS).map((id) => cellName(format, id, lang));
      if (f.cells.length > LISTED_CELLS) shown.push(t('list.more', lang, { count: f.cells.length - LISTED_CELLS }));
      const tdef = format.tables.find((x) => x.id === f.table);
      findings.addRow([
        org,
        year,
        tdef ? tdef.shortName[lang] : '',
        t(`cli.${f.severity}`, lang),
        renderRuleTitle(f.rule, lang),
        shown.join(lang === 'zh' ? '、' : '; '),
        f.reported ?? '',
        f.computed ?? '',
        renderFinding(f, format, lang, e.cellAddress),
        e.file,
      ]);
    }
    const rates = computeRates(e.format, r.cells, r.unfilled);
    const incomplete = r.summary.reduce((s, x) => s + x.incomplete, 0);
    const row = summary.addRow([
      org,
      year,
      status(r, e.unread?.length ?? 0, lang),
      r.findings.filter((f) => f.severity === 'error').length,
      r.findings.filter((f) => f.severity === 'warning').length,
      r.unfilled.length,
      incomplete,
    ]);
    RATE_KEYS.forEach((k, i) => putRate(row.getCell(8 + i), rates[k], lang));
    const link = row.getCell(8 + RATE_KEYS.length);
    if (r.findings.length) {
      const text = t('review.linkText', lang, { count: r.findings.length });
      link.value = {
        formula: `HYPERLINK("#${quoteSheet(names.findings)}!A${firstFinding}","${text}")`,
        result: text,
      };
      link.font = { color: { argb: 'FF0563C1' }, underline: true };
    }
    row.getCell(9 + RATE_KEYS.length).value = e.file;
    for (const u of e.unread ?? [])
      unread.addRow([
        org,
        year,
        `${cellName(format, u.cell, lang)}${lang === 'zh' ? '：' : ': '}${unreadReason(u, lang)}`,
        e.file,
      ]);
    for (const n of e.notes ?? []) unread.addRow([org, year, renderReaderNote(n, e.format, lang), e.file]);
    for (const u of e.unrecognised ?? []) unread.addRow([org, year, u, e.file]);
  }
  for (const u of unreadable) unread.addRow(['', '', t('review.unreadable', lang, { message: u.message }), u.file]);
  findings.getColumn(9).alignment = { wrapText: true, vertical: 'top' };
  const sheets = [summary, findings, unread];
  // The filters' ranges are known once the rows are in; set them before writing, add their names after.
  for (const ws of sheets) {
    const { col, row } = lastCell(ws);
    ws.autoFilter = `A1:${col}${row}`;
  }
  // Stored uncompressed by ExcelJS: the parts are compressed once, when the filter names are added.
  const stored = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions);
  return filterDatabase(sheets, new Uint8Array(stored));
}
