/**
 * The production task pane, as built: its Content-Security-Policy allows scripts only from itself and the Office.js
 * CDN, its bundles never evaluate strings as code, and its manifest asks no more than ReadWriteDocument.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildPages } from '../../playground/node/harness';
import { nonEmpty } from '../support/non-empty';

let outDir: string;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-security-'));
  await buildPages({ outDir, mode: 'production', demo: false });
}, 180000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

function cspOf(html: string): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/i.exec(html);
  if (!meta) throw new Error('no Content-Security-Policy meta');
  const directives = new Map<string, string[]>();
  for (const d of meta[1].split(';')) {
    const [name, ...values] = d.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

describe.each(['taskpane.html', 'commands.html'])('%s', (page) => {
  test('allows scripts only from itself and the Office.js CDN, never eval', () => {
    const csp = cspOf(fs.readFileSync(path.join(outDir, page), 'utf8'));
    expect(new Set(csp.get('script-src'))).toEqual(new Set(["'self'", 'https://appsforoffice.microsoft.com']));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    for (const values of nonEmpty([...csp.values()])) {
      expect(values).not.toContain("'unsafe-eval'");
      expect(values).not.toContain('*');
    }
    // Nothing leaves the pane but to itself and Office.js's own origin (without a connect-src of its own, a page's
    // connections follow its default-src: CSP Level 3, the default-src fallback).
    for (const src of nonEmpty(csp.get('connect-src') ?? csp.get('default-src') ?? [])) {
      expect(["'self'", 'https://appsforoffice.microsoft.com']).toContain(src);
    }
  });

  test('loads scripts only from itself and the Office.js CDN', () => {
    const html = fs.readFileSync(path.join(outDir, page), 'utf8');
    const srcs = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(srcs.length).toBeGreaterThan(1);
    expect(srcs).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    for (const src of srcs) {
      if (/^https?:/.test(src)) expect(src).toMatch(/^https:\/\/appsforoffice\.microsoft\.com\//);
      else expect(fs.existsSync(path.join(outDir, src))).toBe(true);
    }
    // No inline script: the CSP would block it anyway, and none is needed.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>\s*\S/);
  });
});

test('no bundled script evaluates strings as code', () => {
  const scripts = filesUnder(outDir).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  // The production pane loads Office.js from Microsoft's CDN; no copy of it is in dist/.
  expect(scripts.filter((f) => /office(\.debug)?\.js$/i.test(f))).toEqual([]);
  for (const file of scripts) {
    // No exceptions: webpack's global-object fallback is configured away (output.environment.globalThis) and
    // ExcelJS's string-callback polyfill is replaced at build time (tools/no-string-callback-loader.js).
    const text = fs.readFileSync(file, 'utf8');
    expect({ file: path.relative(outDir, file), eval: /\beval\s*\(/.test(text) }).toEqual({
      file: path.relative(outDir, file),
      eval: false,
    });
    expect({ file: path.relative(outDir, file), fn: /\bnew\s+Function\s*\(/.test(text) }).toEqual({
      file: path.relative(outDir, file),
      fn: false,
    });
  }
});

test('the manifest asks no more than ReadWriteDocument', () => {
  const manifest = fs.readFileSync(path.join(outDir, 'manifest.xml'), 'utf8');
  const permissions = [...manifest.matchAll(/<Permissions>\s*([^<\s]+)\s*<\/Permissions>/g)].map((m) => m[1]);
  expect(permissions.length).toBeGreaterThan(0);
  const allowed = ['Restricted', 'ReadDocument', 'ReadWriteDocument'];
  for (const p of permissions) expect(allowed).toContain(p);
});
