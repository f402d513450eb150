/**
 * Jest global setup: the tests that run the installed command (`bin/disclosure-tables.js`) or its worker threads
 * need lib/ built from the current sources. `npm ci` builds it (`prepare`); after an edit it is rebuilt here, once,
 * before any test file runs, so no two test files build it at the same time.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

module.exports = function ensureBuiltCli() {
  const lib = path.join(ROOT, 'lib', 'cli', 'main.js');
  const sources = ['model', 'io', 'cli'].map((d) => newest(path.join(ROOT, 'src', d)));
  if (fs.existsSync(lib) && fs.statSync(lib).mtimeMs >= Math.max(...sources)) return;
  // A clean build: tsc leaves the output of a moved module behind (lib/model/rules.js after rules.ts became
  // rules/index.ts), and Node would load the stale file first.
  fs.rmSync(path.join(ROOT, 'lib'), { recursive: true, force: true });
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch {
    // tsc emits even with type errors (the type check proper is `npm run typecheck`); the tests tell whether it runs.
  }
};
