/** Browser-safe entry of the published-report reader (the .docx and file readers live in docx.ts/readers.ts). */
export {
  importReportHtml,
  importReportHtmls,
  importReportText,
  importReportTexts,
  looksLikeHtml,
  type ImportResult,
} from './import';
export { htmlToText } from './html';
