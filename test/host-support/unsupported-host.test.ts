/**
 * The ES5 guard of the task pane (src/taskpane/unsupported-host.js): it must itself parse in an ES5 engine, and it
 * must replace the blank pane with a message, Chinese first, wherever the bundle cannot run: Internet Explorer 11 and
 * Edge Legacy by name, an engine lacking a feature the bundle uses, and any engine in which the bundle did not start.
 * Each page below is a jsdom window in its own JavaScript realm, laid out as taskpane.html is: the guard in the head,
 * then the bundle, then `load`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { JSDOM, VirtualConsole, type DOMWindow } from 'jsdom';

// acorn comes with webpack (its parser); only its ES5 mode is used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const acorn = require('acorn') as { parse(src: string, opts: { ecmaVersion: number }): unknown };

const ROOT = path.join(__dirname, '..', '..');
const GUARD = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'unsupported-host.js'), 'utf8');
/** What the real bundle does first when it can run (src/taskpane/index.tsx). */
const BUNDLE_THAT_STARTS = 'window.__disclosureTablesStarted = true;';
/** A bundle the engine cannot parse: nothing of it runs (as ES2020 syntax in Internet Explorer 11). */
const BUNDLE_THAT_CANNOT_PARSE = 'var x = ;';

interface PageOptions {
  bundle: string;
  userAgent?: string;
  /** Changes the window before any script runs (the simulated engine). */
  engine?(win: DOMWindow): void;
}

async function openPane(opts: PageOptions): Promise<JSDOM> {
  const virtualConsole = new VirtualConsole(); // the unparsable bundle's SyntaxError stays out of the test output
  const html =
    `<!doctype html><html lang="zh-CN"><head><script>${GUARD}</script></head>` +
    `<body><div id="root"></div><script>${opts.bundle}</script></body></html>`;
  const dom = new JSDOM(html, {
    runScripts: 'dangerously',
    virtualConsole,
    beforeParse(win) {
      if (opts.userAgent) Object.defineProperty(win.navigator, 'userAgent', { get: () => opts.userAgent });
      opts.engine?.(win);
    },
  });
  await new Promise<void>((resolve) => {
    if (dom.window.document.readyState === 'complete') resolve();
    else dom.window.addEventListener('load', () => setTimeout(resolve, 0));
  });
  return dom;
}

function message(dom: JSDOM): HTMLElement | null {
  return dom.window.document.getElementById('dt-unsupported');
}

const IE11_UA = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
const EDGE_LEGACY_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045';

describe('unsupported-host.js is ES5', () => {
  it('parses with an ES5-only parser', () => {
    expect(() => acorn.parse(GUARD, { ecmaVersion: 5 })).not.toThrow();
  });

  it('the ES5 parser refuses later syntax (the check above can fail)', () => {
    for (const later of ['const a = 1;', 'var f = () => 1;', 'var s = `x`;', 'var o = a?.b;', 'var n = a ?? 1;']) {
      expect(() => acorn.parse(later, { ecmaVersion: 5 })).toThrow();
    }
  });
});

describe('unsupported-host.js in the pane', () => {
  it('stays silent where the bundle starts', async () => {
    const dom = await openPane({ bundle: BUNDLE_THAT_STARTS });
    expect(message(dom)).toBeNull();
  });

  it('Internet Explorer 11 (volume-licensed Office 2019): names the engine and the Excel versions that work', async () => {
    const dom = await openPane({
      bundle: BUNDLE_THAT_CANNOT_PARSE,
      userAgent: IE11_UA,
      engine: (win) => Object.defineProperty(win.document, 'documentMode', { value: 11 }),
    });
    const box = message(dom);
    expect(box?.getAttribute('data-reason')).toBe('engine');
    expect(box?.getAttribute('role')).toBe('alert');
    const text = box!.textContent!;
    expect(text).toContain('Internet Explorer 11');
    expect(text).toContain('此版本的 Excel 无法运行本加载项');
    expect(text).toContain('Excel 2021');
    expect(text).toContain('WebView2');
    // Chinese first, English second.
    expect(text.indexOf('此版本的 Excel')).toBeLessThan(text.indexOf('This version of Excel'));
    const blocks = Array.from(box!.children).map((c) => c.getAttribute('lang'));
    expect(blocks).toEqual(['zh-CN', 'en']);
    // It is the pane's content now: nothing else is left in #root.
    expect(dom.window.document.getElementById('root')!.children).toHaveLength(1);
  });

  it('Edge Legacy (older Microsoft 365 builds): names EdgeHTML', async () => {
    const dom = await openPane({ bundle: BUNDLE_THAT_CANNOT_PARSE, userAgent: EDGE_LEGACY_UA });
    const box = message(dom);
    expect(box?.getAttribute('data-reason')).toBe('engine');
    expect(box!.textContent).toContain('EdgeHTML 18');
  });

  it('an engine without a feature the bundle uses: says which, even if the bundle would start', async () => {
    const dom = await openPane({
      bundle: BUNDLE_THAT_STARTS,
      engine: (win) => {
        delete (win.String.prototype as { matchAll?: unknown }).matchAll;
      },
    });
    const box = message(dom);
    expect(box?.getAttribute('data-reason')).toBe('features');
    expect(box!.textContent).toContain('String.prototype.matchAll');
    // The test's own realm is untouched: each page has its own built-ins.
    expect(typeof String.prototype.matchAll).toBe('function');
  });

  it('any other engine in which the bundle does not start: the message once the page has loaded', async () => {
    const dom = await openPane({ bundle: BUNDLE_THAT_CANNOT_PARSE });
    const box = message(dom);
    expect(box?.getAttribute('data-reason')).toBe('notStarted');
    expect(box!.textContent).toContain('任务窗格未能启动');
    expect(box!.textContent).toContain('The task pane could not start');
  });
});

describe('the built pane loads the guard before the bundle', () => {
  it('taskpane.html names unsupported-host.js and webpack copies it unminified', () => {
    const html = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
    expect(html).toMatch(/<script src="unsupported-host\.js"><\/script>/);
    const config = fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
    expect(config).toMatch(/from: 'src\/taskpane\/unsupported-host\.js'.*minimized: true/);
  });
});
