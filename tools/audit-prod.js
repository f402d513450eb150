#!/usr/bin/env node
/**
 * The dependency gate of CI: `npm audit --omit=dev` must report no high or critical vulnerability. Exit 1 when it
 * does. When the registry cannot answer audits at all (an offline mirror, a proxy that refuses the POST), that is
 * said plainly and the gate passes on the hand review in docs/dependency-review.md, which names its date; any
 * other failure of npm is a failure here.
 */
'use strict';
const { spawnSync } = require('child_process');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  process.stderr.write(`audit-prod: npm audit gave no JSON (exit ${r.status})\n${r.stderr}`);
  process.exit(1);
}

const counts = report.metadata && report.metadata.vulnerabilities;
if (counts) {
  const serious = (counts.high || 0) + (counts.critical || 0);
  const list = Object.values(report.vulnerabilities || {})
    .filter((v) => v.severity === 'high' || v.severity === 'critical')
    .map((v) => `  ${v.severity.padEnd(8)} ${v.name} ${v.range}`);
  process.stdout.write(
    `audit-prod: production dependencies: ${counts.critical || 0} critical, ${counts.high || 0} high, ` +
      `${counts.moderate || 0} moderate, ${counts.low || 0} low\n${list.join('\n')}${list.length ? '\n' : ''}`,
  );
  process.exit(serious ? 1 : 0);
}

// npm's JSON for an endpoint that refused: { message, statusCode, uri, ... } or { error: { code, summary } }.
const status = report.statusCode;
const code = report.code || (report.error && report.error.code);
const unreachable =
  status === 404 || status === 405 || status === 501 || ['ENOTFOUND', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN'].includes(code);
if (unreachable) {
  process.stdout.write(
    `audit-prod: the registry cannot answer audits here (${report.message || (report.error && report.error.summary) || code}).\n` +
      'audit-prod: NOT AUDITED by npm; see docs/dependency-review.md for the hand review of the production tree.\n',
  );
  process.exit(0);
}
process.stderr.write(`audit-prod: npm audit failed: ${JSON.stringify(report).slice(0, 500)}\n`);
process.exit(1);
