/**
 * Builds the task pane (taskpane.html + commands.html + help.html + manifest.xml + assets) and, with `--env demo`,
 * the playground (playground.html: the Excel stand-in as a grid beside the same pane, Office.js served locally).
 *
 *   npm run build                         production add-in in dist/ (manifest URLs from ADDIN_PROD_URL)
 *   npm run dev-server                    https://localhost:3000 for sideloading (office-addin-dev-certs)
 *   npm run demo                          http://localhost:3000/playground.html
 *   webpack --mode production --env demo  the playground as static files (the e2e tests and the bench use this)
 */
/* eslint-disable */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const webpack = require('webpack');
const pkg = require('./package.json');

const PORT = Number(process.env.npm_package_config_dev_server_port || pkg.config.dev_server_port || 3000);
const DEV_URL = `https://localhost:${PORT}/`;
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where the playground finds its local copy of Office.js (from @microsoft/office-js). */
const LOCAL_OFFICE_DIR = 'office-js';
const OFFICE_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

/** Only what the pane loads: itself, Office.js (and the host files it fetches from the same CDN). */
function csp({ officeOrigin, dev }) {
  const script = ["'self'", officeOrigin].filter(Boolean).join(' ');
  return [
    "default-src 'self'",
    `script-src ${script}`,
    // Fluent UI (Griffel) inserts its atomic CSS as <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${officeOrigin ? ' ' + officeOrigin : ''}${dev ? ' ws://localhost:* wss://localhost:*' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

function prodUrl() {
  const raw = process.env.ADDIN_PROD_URL;
  if (!raw) return null;
  if (!/^https:\/\//.test(raw)) throw new Error(`ADDIN_PROD_URL must be an https URL, got ${raw}`);
  return raw.endsWith('/') ? raw : raw + '/';
}

/** The dev server's TLS files: the helper's answer, else its files read directly, else none (http). */
async function httpsOptions() {
  try {
    const certs = require('office-addin-dev-certs');
    return await certs.getHttpsServerOptions();
  } catch {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const file = (f) => path.join(dir, f);
    if (['localhost.crt', 'localhost.key'].every((f) => fs.existsSync(file(f)))) {
      return {
        cert: fs.readFileSync(file('localhost.crt')),
        key: fs.readFileSync(file('localhost.key')),
        ...(fs.existsSync(file('ca.crt')) ? { ca: fs.readFileSync(file('ca.crt')) } : {}),
      };
    }
    return null;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'development';
  const dev = mode === 'development';
  const demo = !!env.demo;
  const serving = !!process.env.WEBPACK_SERVE;
  const target = prodUrl();
  if (!dev && !demo && !target) {
    console.warn(`[webpack] ADDIN_PROD_URL is not set: dist/manifest.xml keeps ${DEV_URL}`);
  }

  const officeCdnOrigin = new URL(OFFICE_CDN).origin;
  const pages = [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['taskpane'],
      officeJs: OFFICE_CDN,
      csp: csp({ officeOrigin: officeCdnOrigin, dev }),
    }),
    // The template's download page, opened in the user's browser from desktop Excel (src/excel/open-workbook.ts).
    new HtmlWebpackPlugin({
      filename: 'template.html',
      template: './src/taskpane/template.html',
      chunks: ['template'],
      csp: csp({ officeOrigin: null, dev }),
    }),
    new HtmlWebpackPlugin({
      filename: 'commands.html',
      template: './src/taskpane/commands.html',
      chunks: ['commands'],
      officeJs: OFFICE_CDN,
      csp: csp({ officeOrigin: officeCdnOrigin, dev }),
    }),
  ];
  const copies = [
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    { from: 'src/taskpane/help.html', to: 'help.html' },
    // ES5 and loaded before the bundle (see the file): copied as written, never minified into newer syntax.
    { from: 'src/taskpane/unsupported-host.js', to: 'unsupported-host.js', info: { minimized: true } },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      // Page URLs carry the path prefix; AppDomains carry only the origin.
      transform: (content) =>
        target
          ? content.toString().split(DEV_URL).join(target).split(DEV_URL.slice(0, -1)).join(new URL(target).origin)
          : content,
    },
  ];
  const entry = {
    taskpane: './src/taskpane/index.tsx',
    commands: './src/taskpane/commands.ts',
    template: './src/taskpane/template-page.ts',
  };

  if (demo) {
    entry.playground = './playground/index.tsx';
    pages.push(
      new HtmlWebpackPlugin({
        filename: 'playground.html',
        template: './playground/playground.html',
        chunks: ['playground'],
        // The Excel client itself, the same file the tests load into jsdom (standin/richapi/client.ts).
        officeJs: `${LOCAL_OFFICE_DIR}/excel-web-16.00.debug.js`,
        csp: csp({ officeOrigin: null, dev }),
      }),
    );
    // Office.js and the files it loads next to itself; already minified, so Terser must leave them alone.
    copies.push({
      from: '**/*',
      context: OFFICE_DIST,
      to: `${LOCAL_OFFICE_DIR}/[path][name][ext]`,
      info: { minimized: true },
      globOptions: { ignore: ['**/*.d.ts', '**/*vsdoc*', '**/*.map'] },
      filter: (file) => isOfficeFileNeeded(path.relative(OFFICE_DIST, file)),
    });
  }

  const config = {
    mode,
    entry,
    devtool: dev ? 'source-map' : false,
    output: {
      path: path.resolve(__dirname, demo && !serving && process.env.DEMO_OUT ? process.env.DEMO_OUT : 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
      publicPath: '',
      // Every host that runs Office add-ins has globalThis: webpack then finds the global object without its
      // `new Function("return this")` fallback, which the CSP would refuse anyway.
      environment: { globalThis: true },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
          use: path.resolve(__dirname, 'tools/no-string-callback-loader.js'),
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // ES modules for webpack: tree shaking, and `import()` stays a lazy chunk instead of a require.
            options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'es2020' } },
          },
        },
      ],
    },
    plugins: [...pages, new CopyWebpackPlugin({ patterns: copies }), new SkipMinifying(/xlsx-template/)],
    optimization: {
      // No vendor split: the lazily loaded template chunk keeps ExcelJS inside it (and so its name, which the
      // SkipMinifying plugin recognises); the pane itself is one script.
      splitChunks: { cacheGroups: { defaultVendors: false, default: false } },
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };

  if (serving) {
    const https = demo ? null : await httpsOptions();
    if (!demo && !https) console.warn('[webpack] no office-addin-dev-certs found: serving http (Excel needs https)');
    config.devServer = {
      port: PORT,
      host: 'localhost',
      hot: false,
      liveReload: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: https ? { type: 'https', options: https } : 'http',
      client: { overlay: { warnings: false, errors: true } },
      open: false,
      onListening: () => {
        const scheme = https ? 'https' : 'http';
        console.log(
          `\n  ${demo ? 'Playground' : 'Task pane'}: ${scheme}://localhost:${PORT}/${demo ? 'playground.html' : 'taskpane.html'}\n`,
        );
      },
    };
  }
  return config;
};

/**
 * Marks matching chunks as already minified. ExcelJS arrives minified (its browser build) and is loaded only for
 * the template download: minifying it again would triple the build time for nothing.
 */
class SkipMinifying {
  constructor(pattern) {
    this.pattern = pattern;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap('SkipMinifying', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SkipMinifying', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (this.pattern.test(name)) compilation.updateAsset(name, (source) => source, { minimized: true });
          }
        },
      );
    });
  }
}

/**
 * What the playground and the e2e tests load; nothing else of the 86 MB package is copied: the Excel client the
 * playground runs (`excel-web-16.00.debug.js`), and the office.js loader with what it loads next to itself in a
 * plain browser (test/e2e/old-hosts.test.ts serves them in place of Microsoft's CDN to the built task pane).
 */
function isOfficeFileNeeded(rel) {
  const p = rel.split(path.sep).join('/').toLowerCase();
  // Outside Office, office.js loads the O15 mapping table (which also brings its MicrosoftAjax shim) and strings.
  if (p === 'office.js' || p === 'o15apptofilemappingtable.js') return true;
  if (p === 'excel-web-16.00.debug.js' || /^excel-web-16\.00(-core)?\.js$/.test(p)) return true;
  return /^(en-us|zh-cn)\//.test(p) && !p.endsWith('.debug.js');
}
