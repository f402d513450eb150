/**
 * Task pane figures: the production JavaScript the pane loads besides Office.js (raw and gzip), and the time from
 * page load to an interactive pane in headless Chromium (the playground: the same pane over the Excel stand-in).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { median } from '../stats';
import { CHROMIUM, buildPages, launchChromium, serveStatic } from '../../playground/node/harness';
import { strings } from '../../src/taskpane/i18n';
import { formatMessage } from '../../src/model/messages';

const RUNS = 7;

/** Scripts a built page loads from its own origin (Office.js comes from Microsoft's CDN and is not counted). */
function localScripts(dir: string, page: string): string[] {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  // The minified page may leave attribute values unquoted.
  return [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^[a-z]+:\/\//i.test(src));
}

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-bench-pane-'));
  try {
    const t0 = Date.now();
    await buildPages({ outDir: out, mode: 'production', demo: true });
    log(`production build (pane + playground): ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const scripts = localScripts(out, 'taskpane.html');
    if (scripts.length === 0) throw new Error('taskpane.html loads no local script: the page or this parser changed');
    const bytes = scripts.map((s) => fs.readFileSync(path.join(out, s)));
    const jsBytes = bytes.reduce((n, b) => n + b.length, 0);
    const jsGzipBytes = bytes.reduce((n, b) => n + zlib.gzipSync(b, { level: 9 }).length, 0);
    log(
      `taskpane.html loads ${scripts.join(', ')}: ${(jsBytes / 1024).toFixed(1)} KiB, gzip ${(jsGzipBytes / 1024).toFixed(1)} KiB`,
    );
    const figures: Record<string, number> = { 'pane.jsBytes': jsBytes, 'pane.jsGzipBytes': jsGzipBytes };

    if (!fs.existsSync(CHROMIUM)) {
      log(`${CHROMIUM} missing: pane.interactiveMs not measured`);
      return figures;
    }
    const server = await serveStatic(out);
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      const zh = strings('zh');
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await page.goto(`${server.url}playground.html?run=${i}`);
        // Interactive: the generate button can be pressed and the first check has answered (the no-tables message).
        await page.getByRole('button', { name: zh.generate }).waitFor();
        await page.getByText(formatMessage('host.noTables', 'zh')).waitFor();
        times.push(await page.evaluate(() => performance.now()));
      }
      const ms = median(times);
      log(
        `page load → interactive pane: median ${ms.toFixed(0)} ms over ${RUNS} loads (${times.map((t) => t.toFixed(0)).join(', ')})`,
      );
      figures['pane.interactiveMs'] = Math.round(ms);
    } finally {
      await browser.close();
      await server.close();
    }
    return figures;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
