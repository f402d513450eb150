/**
 * The stand-in in the browser playground. Until the playground loads Microsoft's office.js Excel client itself
 * (it loads only the office.js loader, which brings no `Excel` namespace outside Office), the add-in there talks
 * to the stand-in's own client (`api/excel.ts`) on the same workbook model; Jest and the bench use the real client
 * (`index.ts`). Listed in the README's development section.
 */
import { StandInApp } from './app';
import { Book } from './book';
import { createExcel, createOffice, createOfficeExtension } from './api/excel';
import type { StandInOptions } from './core';
import { RichApiHost } from './richapi/host';

export function createStandIn(opts: StandInOptions = {}) {
  const book = new Book(opts.sheets ?? ['Sheet1']);
  const excelApi = opts.excelApi ?? '1.12';
  const [major, minor] = excelApi.split('.').map(Number);
  book.apiVersion = major > 1 ? 99 : (minor ?? 0);
  const Excel = createExcel(book);
  const Office = createOffice({
    excelApi,
    otherSets: opts.otherRequirementSets ?? {},
    platform: opts.platform ?? 'PC',
  });
  const OfficeExtension = createOfficeExtension();
  const host = new RichApiHost(book, { excelApi, apiVersions: null });
  return {
    Excel,
    Office,
    OfficeExtension,
    app: new StandInApp(book, { settle: () => book.settle(), host: () => host }),
    install(target: object = globalThis) {
      const t = target as Record<string, unknown>;
      const saved = { Excel: t.Excel, Office: t.Office, OfficeExtension: t.OfficeExtension };
      t.Excel = Excel;
      t.Office = Office;
      t.OfficeExtension = OfficeExtension;
      return () => Object.assign(t, saved);
    },
  };
}
