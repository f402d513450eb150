/**
 * Report readers for published reports: plain text (.txt/.text), web pages (.html/.htm) and Word (.docx).
 * Registered in `src/io/readers.ts`; each returns one ReportInput per report found (two for a side-by-side
 * comparison of two years).
 */
import { InputError, type ReportInput, type ReportReader } from '../report-input';
import { decodeReportBytes } from './decode';
import { importReportDocx } from './docx';
import { importReportHtmls, importReportTexts, type ImportResult } from './import';

function ext(file: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(file);
  return m ? m[1].toLowerCase() : '';
}

function toReportInputs(file: string, results: ImportResult[]): ReportInput[] {
  // A table left entirely blank is found too: it is reported as blank, and its layout is checked.
  const found = results.filter((r) => Object.keys(r.cells).length > 0 || r.unfilled.length > 0);
  if (!found.length) {
    const sideBySide = results.some((r) => r.notes?.some((n) => n.kind === 'sideBySide'));
    throw InputError.of(sideBySide ? 'note.sideBySide' : 'read.text.noTables', {}, file);
  }
  // Two years side by side are told apart by their year; two bodies' reports of one year by their order.
  const years = found.map((r) => r.year);
  const byYear = years.every((y, i) => y !== undefined && years.indexOf(y) === i);
  return found.map((r, i) => ({
    file: found.length > 1 ? `${file}#${byYear ? r.year : i + 1}` : file,
    format: r.format,
    ...(r.year !== undefined ? { year: r.year } : {}),
    ...(r.org ? { org: r.org } : {}),
    cells: r.cells,
    unrecognised: r.unrecognised,
    narrative: r.narrative,
    ...(r.prose ? { prose: r.prose } : {}),
    ...(r.unread.length ? { unread: r.unread } : {}),
    ...(r.notes?.length ? { notes: r.notes } : {}),
  }));
}

export const textReportReader: ReportReader = {
  name: 'report-text',
  accepts: (file) => ['txt', 'text'].includes(ext(file)),
  read: async (file, bytes) => toReportInputs(file, importReportTexts(decodeReportBytes(bytes))),
};

export const htmlReportReader: ReportReader = {
  name: 'report-html',
  accepts: (file) => ['html', 'htm'].includes(ext(file)),
  read: async (file, bytes) => toReportInputs(file, importReportHtmls(decodeReportBytes(bytes))),
};

/** .docx is a zip: its first bytes are `PK\x03\x04`. */
export const docxReportReader: ReportReader = {
  name: 'report-docx',
  accepts: (file, head) => ext(file) === 'docx' && head[0] === 0x50 && head[1] === 0x4b,
  read: async (file, bytes) => toReportInputs(file, await importReportDocx(bytes, file)),
};

export const reportTextReaders: ReportReader[] = [textReportReader, htmlReportReader, docxReportReader];
