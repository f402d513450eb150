/**
 * `npm run lint` guards the layers: an import across a forbidden boundary fails, the same file with an allowed
 * import passes. Runs ESLint itself (in a child process: its config is an ES module, which jest's sandbox cannot
 * load) on probe sources placed, without writing them, in each layer.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/** The `no-restricted-imports` messages ESLint gives each probe, in order. */
function lintProbes(probes: [string, string][]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const path = require('path');
    (async () => {
      const probes = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [file, source] of probes) {
        const [r] = await eslint.lintText(source, { filePath: path.join(process.cwd(), file) });
        out.push(r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const input = JSON.stringify(probes.map(([f, s]) => [f, `${s}\nexport const probe = 1;\n`]));
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[][];
}

const FORBIDDEN: [string, string][] = [
  ['src/model/probe.ts', "import { readTables } from '../excel/read';"],
  ['src/model/rules/probe.ts', "import { readInputs } from '../../io/readers';"],
  ['src/model/probe.ts', "import * as fs from 'fs';"],
  ['src/model/probe.ts', "import * as React from 'react';"],
  ['src/io/xlsx/probe.ts', "import { PAINT_FILL } from '../../excel/palette';"],
  ['src/cli/probe.ts', "import { App } from '../taskpane/App';"],
  ['src/excel/probe.ts', "import { createStandIn } from '../../standin';"],
  ['src/taskpane/components/probe.tsx', "import { createStandIn } from '../../../standin';"],
  ['src/taskpane/probe.ts', "import * as fs from 'fs';"],
  ['src/excel/probe.ts', "import { main } from '../cli/main';"],
];

const ALLOWED: [string, string][] = [
  ['src/model/probe.ts', "import { getFormat } from './formats';"],
  ['src/model/rules/probe.ts', "import type { Finding } from '../types';"],
  ['src/io/xlsx/probe.ts', "import { SELF_CHECK_FILL } from '../../model/layout';"],
  ['src/excel/probe.ts', "import { check } from '../model/check';"],
  ['src/taskpane/probe.ts', "import { createExcelHost } from '../excel/host';"],
  ['src/cli/probe.ts', "import * as fs from 'fs';"],
];

describe('layer boundaries (no-restricted-imports)', () => {
  const results = lintProbes([...FORBIDDEN, ...ALLOWED]);

  test.each(FORBIDDEN.map((p, i) => [...p, i] as const))('%s: `%s` fails', (_file, _source, i) => {
    expect(results[i]).toHaveLength(1);
  });

  test.each(ALLOWED.map((p, i) => [...p, FORBIDDEN.length + i] as const))('%s: `%s` passes', (_file, _source, i) => {
    expect(results[i]).toEqual([]);
  });

  test('both lists hold cases', () => {
    expect(FORBIDDEN.length).toBeGreaterThanOrEqual(8);
    expect(ALLOWED.length).toBeGreaterThanOrEqual(5);
  });
});
