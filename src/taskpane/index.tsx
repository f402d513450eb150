/**
 * Entry of the task pane inside Excel: waits for Office, checks that this is Excel, follows its theme and
 * display language, and renders the pane against the real Excel host.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createExcelHost } from '../excel/host';
import { App } from './App';
import { NotInExcel } from './NotInExcel';
import { langFromLocale } from './i18n';
import { deliverTemplate } from './template-download';
import { themeKind } from './theme';

function forcedColors(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(forced-colors: active)').matches;
}

function mount(): HTMLElement {
  const el = document.getElementById('root');
  if (!el) throw new Error('#root missing from taskpane.html');
  return el;
}

/** Office properties some hosts or versions do not have: read without letting a missing one blank the pane. */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

// The bundle could be parsed and its modules evaluated: unsupported-host.js (the ES5 guard loaded before it) shows
// its message only when this mark is missing once the page has loaded.
(window as unknown as { __disclosureTablesStarted?: boolean }).__disclosureTablesStarted = true;

Office.onReady((info) => {
  const root = createRoot(mount());
  const lang = langFromLocale(safely(() => Office.context.displayLanguage) ?? navigator.language);
  const theme = themeKind(
    safely(() => Office.context.officeTheme),
    forcedColors(),
  );
  if (info.host !== Office.HostType.Excel) {
    root.render(<NotInExcel lang={lang} theme={theme} />);
    return;
  }
  const host = createExcelHost();
  // Desktop and Mac task panes ignore download links: the host opens the template in Excel or in the browser.
  root.render(
    <App
      host={host}
      initialLang={lang}
      theme={theme}
      onDownloadTemplate={(req) => deliverTemplate(req, host.openWorkbook)}
    />,
  );
});
