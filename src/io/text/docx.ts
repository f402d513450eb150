/**
 * Word (.docx) reports: mammoth turns the document into HTML (tables keep their merges as colspan/rowspan), then
 * the HTML reader takes over. Node only (mammoth reads the zip from a Buffer).
 *
 * Before mammoth sees it, the zip's parts are inflated once under the same cap as a workbook's: mammoth inflates
 * every part whole, and a 0.5 MB document inflating to 480 MB took 2 GB. Pictures are left out of the HTML (the
 * tables are text), so a report full of photographs is not carried as base64.
 */
import { inflateRawSync } from 'zlib';
import { InputError } from '../report-input';
import { inBothLanguages } from '../../model/messages';
import { unzipEntries, ZipError } from '../xlsx/zip';
import { importReportHtmls, type ImportResult } from './import';

/** What the document's parts may inflate to in all: a report of several hundred pages is a few MB of XML. */
const MAX_DOCX_INFLATED_BYTES = 64 * 1024 * 1024;

function checkInflatedSize(bytes: Uint8Array, file: string): void {
  try {
    const zip = unzipEntries(
      bytes,
      () => true,
      (data, maxBytes) => inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) }),
      { maxInflatedBytes: MAX_DOCX_INFLATED_BYTES },
    );
    for (const name of zip.names) zip.get(name);
  } catch (e) {
    if (e instanceof ZipError) {
      throw InputError.of('read.docx.unreadable', { why: { zh: e.message, en: e.en } }, file);
    }
    // Anything else (a bad checksum, an odd entry) is left for mammoth to judge.
  }
}

export async function importReportDocx(bytes: Uint8Array, file = 'document.docx'): Promise<ImportResult[]> {
  checkInflatedSize(bytes, file);
  // Loaded on first use: mammoth takes a tenth of a second to load, which every other command would pay.
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    ));
  } catch (e) {
    throw unreadableDocx(e, file);
  }
  try {
    return importReportHtmls(html);
  } catch (e) {
    if (e instanceof RangeError) throw unreadableDocx(e, file);
    throw e;
  }
}

/** Why mammoth (or the HTML reader after it) gave up, in a sentence: a stack overflow means nesting no report has. */
function unreadableDocx(e: unknown, file: string): InputError {
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    const [zh, en] = inBothLanguages('read.docx.nested');
    return InputError.of('read.docx.unreadable', { why: { zh, en } }, file);
  }
  const why = e instanceof Error ? e.message : String(e);
  return InputError.of('read.docx.unreadable', { why }, file);
}
