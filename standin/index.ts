/**
 * An in-memory stand-in for the part of the Excel JavaScript API the add-in uses, for Jest and the browser
 * playground (Excel itself cannot run there). Test and demo infrastructure: never shipped to Excel.
 *
 *   const standIn = createStandIn();
 *   standIn.install();                       // globalThis.Excel / Office / OfficeExtension
 *   await Excel.run(async (ctx) => { … });   // the real adapter code, unchanged
 *   standIn.app.typeCell('Sheet1', 'B5', '12');
 *   await standIn.app.settle();              // events delivered, handlers done
 */
import { StandInApp } from './app';
import { Book } from './book';
import type { ExcelNamespace } from './api/excel';
import { createExcel, createOffice, createOfficeExtension } from './api/excel';

export interface StandInOptions {
  /** Initial sheet names (default `['Sheet1']`). */
  sheets?: string[];
  /** Highest ExcelApi requirement set the simulated host supports (default '1.12'); lower it to simulate an old host. */
  excelApi?: string;
  /** Other requirement sets the host supports, name → highest version. */
  otherRequirementSets?: Record<string, string>;
  platform?: 'PC' | 'OfficeOnline' | 'Mac';
}

export interface StandIn {
  Excel: ExcelNamespace;
  Office: ReturnType<typeof createOffice>;
  OfficeExtension: ReturnType<typeof createOfficeExtension>;
  app: StandInApp;
  /** Sets `Excel`, `Office` and `OfficeExtension` on `target`; returns a function that restores what was there. */
  install(target?: object): () => void;
}

export function createStandIn(opts: StandInOptions = {}): StandIn {
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
  return {
    Excel,
    Office,
    OfficeExtension,
    app: new StandInApp(book),
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

export { StandInApp, UserActionRefused } from './app';
export type { CellInfo, SheetView } from './app';
export type { PaintedCell } from './book';
export { StandInError } from './errors';
