/**
 * The blank .xlsx template as a browser download. ExcelJS is large, so it is loaded only when asked for
 * (a separate chunk), keeping it out of the pane's first load.
 */
import type { GenerateRequest } from '../excel/host-api';

export type TemplateRequest = Omit<GenerateRequest, 'target' | 'protect'>;

export function templateFileName(req: TemplateRequest): string {
  return `${req.org || 'report'}-${req.year}-${req.format}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
}

export async function downloadTemplate(req: TemplateRequest): Promise<void> {
  const { writeTemplate } = await import(/* webpackChunkName: "xlsx-template" */ '../io/xlsx/template');
  const bytes = await writeTemplate({ format: req.format, year: req.year, org: req.org, protect: true });
  const blob = new Blob([bytes as BlobPart], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = templateFileName(req);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
