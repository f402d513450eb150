/**
 * The blank .xlsx template, handed to the user in the way the running Office allows (src/excel/open-workbook.ts):
 * a new workbook in Excel (ExcelApi 1.8), the add-in's own download page in the browser (template.html), or a
 * download link where the platform honours one (Office on the web, the playground). ExcelJS is large, so it is
 * loaded only when asked for (a separate chunk), keeping it out of the pane's first load.
 */
import type { GenerateRequest } from './host-api';
import type { WorkbookDelivery } from '../excel/open-workbook';
import { FORMAT_IDS } from '../model/formats';
import type { FormatId } from '../model/types';

export type TemplateRequest = Omit<GenerateRequest, 'target' | 'protect'>;
type OpenWorkbook = (bytes: Uint8Array, downloadPage: string) => Promise<WorkbookDelivery>;

/** The download page next to the pane (same folder on the add-in's server). */
export const TEMPLATE_PAGE = 'template.html';
const MAX_ORG = 100;

export function templateFileName(req: TemplateRequest): string {
  return `${req.org || 'report'}-${req.year}-${req.format}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
}

/** The download page's absolute URL for a request: what openBrowserWindow opens. */
export function templatePageUrl(req: TemplateRequest, base: string): string {
  const url = new URL(TEMPLATE_PAGE, base);
  url.search = new URLSearchParams({ format: req.format, year: String(req.year), org: req.org }).toString();
  return url.href;
}

/** The request a download page's query string carries; null when it is not a valid one. */
export function templateRequestFromQuery(search: string): TemplateRequest | null {
  const q = new URLSearchParams(search);
  const format = q.get('format') ?? '';
  const year = Number(q.get('year'));
  const org = (q.get('org') ?? '').trim();
  if (!(FORMAT_IDS as readonly string[]).includes(format)) return null;
  if (!Number.isInteger(year) || year < 2000 || year > 2100 || org.length > MAX_ORG) return null;
  return { format: format as FormatId, year, org };
}

async function templateBytes(req: TemplateRequest): Promise<Uint8Array> {
  const { writeTemplate } = await import(/* webpackChunkName: "xlsx-template" */ '../io/xlsx/template');
  return writeTemplate({ format: req.format, year: req.year, org: req.org, protect: true });
}

/** Saves bytes through a download link (what a browser, and Office on the web, honour). */
function saveWithLink(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Makes the template and hands it over: through `open` (the host's way, when it has one), else by the link.
 * Returns the way used, for the pane to say what happened.
 */
export async function deliverTemplate(req: TemplateRequest, open?: OpenWorkbook): Promise<WorkbookDelivery> {
  const bytes = await templateBytes(req);
  const way = open ? await open(bytes, templatePageUrl(req, location.href)) : 'download';
  if (way === 'download') saveWithLink(bytes, templateFileName(req));
  return way;
}

/** The playground and other browsers: always the link. */
export async function downloadTemplate(req: TemplateRequest): Promise<WorkbookDelivery> {
  return deliverTemplate(req);
}
