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
main.main(process.argv.slice(2), main.processIO()).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`disclosure-tables: ${e && e.message ? e.message : e}\n`);
    process.exit(2);
  },
);
