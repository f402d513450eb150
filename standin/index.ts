/**
 * The Excel stand-in for Jest and the bench: Microsoft's office.js client (loaded into jsdom) talking RichApi to
 * an in-memory Excel. Test and demo infrastructure: never shipped to Excel.
 *
 *   const standIn = createStandIn();
 *   standIn.install();                       // globalThis.Excel / Office / OfficeExtension
 *   await Excel.run(async (ctx) => { … });   // the real adapter code, through the real client
 *   standIn.app.typeCell('Sheet1', 'B5', '12');
 *   await standIn.app.settle();              // events delivered, handlers done
 */
import { createStandInWith, type StandIn, type StandInOptions } from './core';
import { CLIENT_FILE } from './richapi/client';
import { loadOfficeJs } from './richapi/node-client';

export function createStandIn(opts: StandInOptions = {}): StandIn {
  return createStandInWith(loadOfficeJs, opts);
}

/** Which office.js build the stand-in runs (the bench prints it as `excel.client`). */
export function officeJsBuild(): string {
  return `@microsoft/office-js ${loadOfficeJs().version} ${CLIENT_FILE}`;
}

export type { StandIn, StandInOptions } from './core';
export { UserActionRefused } from './app';
export type { CellInfo, SheetView } from './app';
