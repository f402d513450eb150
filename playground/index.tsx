/**
 * The playground: the Excel stand-in drawn as a grid beside the real task pane. The page has loaded Microsoft's
 * office.js Excel client (the package's local copy, playground.html); the stand-in's RichApi host answers it from
 * the in-memory workbook, and the pane runs the real Excel host module through it, exactly as in Excel.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createStandIn } from '../standin/browser';
import { createExcelHost } from '../src/excel/host';
import { App } from '../src/taskpane/App';
import { langFromLocale } from '../src/taskpane/i18n';
import { downloadTemplate } from '../src/taskpane/template-download';
import { Grid } from './Grid';

function start() {
  const standIn = createStandIn({ sheets: ['Sheet1'], platform: 'OfficeOnline' });
  standIn.install(globalThis);
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang') === 'en' ? 'en' : langFromLocale(params.get('lang') ?? 'zh-CN');
  const host = createExcelHost();
  // Exposed for the end-to-end tests and for curious developers in the browser console.
  (window as unknown as { playground: unknown }).playground = { app: standIn.app, host };
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from playground.html');
  createRoot(root).render(
    <div className="pg-app">
      <header className="pg-banner">
        <strong>演示环境 Playground</strong>
        <span>左侧是模拟的 Excel 工作簿（不是真正的 Excel），右侧是加载项的任务窗格。</span>
      </header>
      <div className="pg-main">
        <Grid app={standIn.app} />
        <aside className="pg-pane" aria-label="任务窗格">
          <App host={host} initialLang={lang} onDownloadTemplate={downloadTemplate} />
        </aside>
      </div>
    </div>,
  );
}

start();
