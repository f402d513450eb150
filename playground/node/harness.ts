/**
 * Node-side helpers shared by the end-to-end tests and the pane bench: build the pages with the project's own
 * webpack config, serve a folder on a free localhost port, and launch Debian's Chromium through playwright-core.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type BrowserContext } from 'playwright-core';

const ROOT = path.join(__dirname, '..', '..');

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The environment variable through which the e2e global setup hands its playground build to every test file. */
export const PLAYGROUND_BUILD_ENV = 'DT_PLAYGROUND_BUILD';

interface BuildOptions {
  outDir: string;
  mode: 'development' | 'production';
  demo: boolean;
}

/** Runs webpack.config.js with the given mode and env in-process; rejects with webpack's own error text. */
export async function buildPages(opts: BuildOptions): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => Promise<import('webpack').Configuration>;
  const prevOut = process.env.DEMO_OUT;
  process.env.DEMO_OUT = opts.outDir;
  let config: import('webpack').Configuration;
  try {
    config = await makeConfig(opts.demo ? { demo: true } : {}, { mode: opts.mode });
  } finally {
    if (prevOut === undefined) delete process.env.DEMO_OUT;
    else process.env.DEMO_OUT = prevOut;
  }
  config.output = { ...config.output, path: opts.outDir };
  config.context = ROOT;
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

/** Builds the playground (development mode, as the e2e tests load it) into a new temporary folder. */
export async function buildPlayground(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-playground-'));
  await buildPages({ outDir, mode: 'development', demo: true });
  return outDir;
}

let ownBuild: Promise<string> | null = null;

/**
 * The playground build every e2e test file shares: the one the Jest global setup made (its folder in
 * DT_PLAYGROUND_BUILD), so that adding a test file does not add a build. A file run outside that setup builds once
 * for its own process and removes the folder when the process ends.
 */
export function playgroundBuild(): Promise<string> {
  const shared = process.env[PLAYGROUND_BUILD_ENV];
  if (shared && fs.existsSync(path.join(shared, 'playground.html'))) return Promise.resolve(shared);
  if (!ownBuild) {
    ownBuild = buildPlayground().then((dir) => {
      process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
      return dir;
    });
  }
  return ownBuild;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.css': 'text/css',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** A tiny static file server on 127.0.0.1 and a free port; nothing outside `dir` is served. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.resolve(root, '.' + urlPath);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile folder, removed again on close. */
export async function launchChromium(): Promise<LaunchedBrowser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-chromium-'));
  // Playwright passes the profile folder as --user-data-dir itself (it refuses the flag in `args`).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 860 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
