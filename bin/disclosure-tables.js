#!/usr/bin/env node
'use strict';
// The compiled command line lives in lib/ (built by `npm run build:cli`, run automatically by `npm ci`).
let main;
try {
  main = require('../lib/cli/main.js');
} catch (e) {
  process.stderr.write('disclosure-tables: not built yet; run `npm run build:cli` first\n');
  process.exit(2);
}
// Exits once stdout and stderr are flushed: into a pipe (`check folder --json | jq`) they are written
// asynchronously, and exiting at once would cut a long report off.
function exitAfterFlush(code) {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
main.main(process.argv.slice(2), main.processIO()).then(exitAfterFlush, (e) => {
  process.stderr.write(`disclosure-tables: ${e && e.message ? e.message : e}\n`);
  exitAfterFlush(2);
});
