/**
 * The stand-in in the browser playground: the page loads Microsoft's office.js Excel client itself
 * (`office-js/excel-web-16.00.debug.js`, the same file Jest loads into jsdom; playground/playground.html), and the
 * RichApi host answers it from the in-memory workbook, exactly as in the tests (`core.ts`). The page loads the
 * Excel client directly, not the office.js loader: the loader's job is to pick the host's client file when Office
 * hosts the page, and in the playground the page is the host.
 */
import { createStandInWith, type StandIn, type StandInOptions } from './core';
import { apiVersionsIn, type OfficeClientWindow } from './richapi/client';

/** The client the page loaded; null when the page has no office.js (the caller says so). */
function pageOfficeClient(): OfficeClientWindow | null {
  const w = globalThis as unknown as Partial<OfficeClientWindow>;
  return w.Excel && w.OfficeExtension ? (w as OfficeClientWindow) : null;
}

export function createStandIn(opts: StandInOptions = {}): StandIn {
  const w = pageOfficeClient();
  if (!w) throw new Error('office.js (excel-web-16.00.debug.js) is not loaded on this page');
  return createStandInWith(() => ({ window: w, apiVersions: apiVersionsIn(w) }), opts);
}
