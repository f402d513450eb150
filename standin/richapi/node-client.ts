/**
 * Loads Microsoft's office.js Excel client (`@microsoft/office-js/dist/excel-web-16.00.debug.js`, unchanged) into
 * a jsdom window under Node, once per process: Jest and the bench run the add-in through it. office.js needs a
 * DOM (it traces to `document` while it initialises), hence jsdom rather than the bare Node global.
 */
import { readFileSync } from 'fs';
import { JSDOM } from 'jsdom';
import { Script } from 'vm';
import { apiVersionsIn, CLIENT_FILE, type OfficeClientWindow } from './client';
import type { ApiVersions } from './host';

let loaded: { window: OfficeClientWindow; apiVersions: ApiVersions; version: string } | null = null;

function officeJsPath(): string {
  return require.resolve(`@microsoft/office-js/dist/${CLIENT_FILE}`);
}

export function loadOfficeJs(): { window: OfficeClientWindow; apiVersions: ApiVersions; version: string } {
  if (loaded) return loaded;
  const file = officeJsPath();
  const source = readFileSync(file, 'utf8');
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    runScripts: 'outside-only',
    url: 'https://localhost/',
  });
  new Script(source, { filename: file }).runInContext(dom.getInternalVMContext());
  const version = (
    JSON.parse(readFileSync(require.resolve('@microsoft/office-js/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const window = dom.window as unknown as OfficeClientWindow;
  loaded = { window, apiVersions: apiVersionsIn(window), version };
  return loaded;
}
