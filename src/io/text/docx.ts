/**
 * Word (.docx) reports: mammoth turns the document into HTML (tables keep their merges as colspan/rowspan), then
 * the HTML reader takes over. Node only (mammoth reads the zip from a Buffer).
 */
import { InputError } from '../report-input';
import { importReportHtmls, type ImportResult } from './import';

export async function importReportDocx(bytes: Uint8Array, file = 'document.docx'): Promise<ImportResult[]> {
  // Loaded on first use: mammoth takes a tenth of a second to load, which every other command would pay.
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (e) {
    throw new InputError(`${file}: not a readable Word (.docx) document (${(e as Error).message})`, file);
  }
  return importReportHtmls(html);
}
