/**
 * Checking a folder on every core: the worker threads must change nothing but the speed. The same folder checked
 * by the main thread alone, with workers, and with a worker that dies part-way gives the same outcomes in the
 * same order; the installed command prints the same output either way.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BatchPool, PARALLEL_MIN_TASKS, workerCount } from '../../src/io/batch/pool';
import type { Task } from '../../src/io/batch/tasks';
import { planFiles } from '../../src/io/readers';
import { writeTemplate } from '../../src/io/xlsx/template';
import type { CellId, RawValue } from '../../src/model/types';
import { consistentInputs } from '../xlsx/values';

const ROOT = path.join(__dirname, '../..');
/** Built from the current sources by the global setup (test/support/built-cli.js). */
const WORKER = path.join(ROOT, 'lib/io/batch/worker.js');
const BIN = path.join(ROOT, 'bin/disclosure-tables.js');
const FILES = PARALLEL_MIN_TASKS + 6;

let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-batch-'));
  for (let i = 0; i < FILES; i++) {
    const format = i % 3 ? '2021' : '2019';
    const values: Record<CellId, RawValue> = consistentInputs(format, 100 + i);
    if (i % 5 === 2) values['T3.NEW.NP'] = Number(values['T3.NEW.NP']) + 7;
    if (i % 7 === 3) values['T2.R1.MADE'] = '十二';
    const bytes = await writeTemplate({ format, year: 2023 + (i % 2), org: `单位${i % 4}`, values });
    fs.writeFileSync(path.join(dir, `report-${String(i).padStart(2, '0')}.xlsx`), bytes);
  }
  fs.writeFileSync(path.join(dir, 'zz-broken.xlsx'), 'PK\u0003\u0004 not really a zip');
  fs.writeFileSync(path.join(dir, 'zz-notes.md'), 'no reader takes this');
}, 60000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function readTasks(): Task[] {
  return planFiles([dir]).map((file) => ({ kind: 'read' as const, file }));
}

test('worker threads give the outcomes of the main thread alone, in order', async () => {
  const alone = new BatchPool(0, null);
  const parallel = new BatchPool(2, WORKER);
  try {
    const started: number[] = [];
    const a = await alone.runAll(readTasks());
    const b = await parallel.runAll(readTasks(), (i) => started.push(i));
    expect(b).toEqual(a);
    // Every task started exactly once, in order of the queue.
    expect(started).toEqual(a.map((_, i) => i));
    const broken = a.find((o) => 'ok' in o && 'unreadable' in o.ok && o.ok.unreadable?.file.includes('zz-broken'));
    expect(broken).toBeDefined();

    const inputs = a.flatMap((o) => ('ok' in o && 'inputs' in o.ok ? o.ok.inputs : []));
    expect(inputs).toHaveLength(FILES);
    const checks = inputs.map((input) => ({ kind: 'check' as const, input, options: { lang: 'en' as const } }));
    const c1 = await alone.runAll(checks);
    const c2 = await parallel.runAll(checks);
    expect(c2).toEqual(c1);
    expect(c1.filter((o) => 'ok' in o && o.ok.findings.some((f) => f.severity === 'error')).length).toBeGreaterThan(0);

    // Read and checked in one task: the same results as checking what was read.
    const both = await parallel.runAll(readTasks().map((t) => ({ ...t, check: { lang: 'en' as const } })));
    const results = both.flatMap((o) => ('ok' in o && 'results' in o.ok ? o.ok.results! : []));
    expect(results).toEqual(c1.map((o) => ('ok' in o ? o.ok : null)));
  } finally {
    await parallel.close();
  }
}, 60000);

test('tasks of a worker that dies are done by the main thread', async () => {
  const dying = path.join(dir, 'dying-worker.js');
  // Loads, says it is ready, and exits on its first task, as a thread that ran out of memory would.
  fs.writeFileSync(
    dying,
    `const { parentPort } = require('worker_threads');
     parentPort.on('message', () => process.exit(3));
     parentPort.postMessage({ ready: true });`,
  );
  const pool = new BatchPool(1, dying);
  try {
    const want = await new BatchPool(0, null).runAll(readTasks());
    expect(await pool.runAll(readTasks())).toEqual(want);
    // The pool goes on without it.
    expect(await pool.runAll(readTasks())).toEqual(want);
  } finally {
    await pool.close();
  }
}, 60000);

test('an error thrown in a worker comes back as the same kind of error', async () => {
  const pool = new BatchPool(1, WORKER);
  try {
    const missing = { file: path.join(dir, 'missing.xlsx'), name: 'missing.xlsx', explicit: true };
    const tasks: Task[] = [...readTasks(), { kind: 'read', file: missing }];
    const out = await pool.runAll(tasks);
    const last = out[out.length - 1];
    expect(last).toEqual({ error: { input: true, message: 'no such file or folder', file: 'missing.xlsx' } });
  } finally {
    await pool.close();
  }
}, 60000);

test('DISCLOSURE_TABLES_WORKERS sets the number of worker threads', () => {
  expect(workerCount({ DISCLOSURE_TABLES_WORKERS: '0' })).toBe(0);
  expect(workerCount({ DISCLOSURE_TABLES_WORKERS: '3' })).toBe(3);
  const cores = os.availableParallelism();
  expect(workerCount({ DISCLOSURE_TABLES_WORKERS: 'many' })).toBe(cores > 1 ? Math.min(cores, 8) : 0);
});

test('the installed command prints the same report with and without workers', () => {
  const run = (workers: string, ...args: string[]) =>
    spawnSync(process.execPath, [BIN, 'check', dir, ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, DISCLOSURE_TABLES_WORKERS: workers },
    });
  for (const args of [['--json'], ['--lang', 'en']]) {
    const alone = run('0', ...args);
    const parallel = run('2', ...args);
    expect(alone.status).toBe(2); // zz-broken.xlsx is unreadable
    expect(parallel.status).toBe(alone.status);
    expect(parallel.stdout).toBe(alone.stdout);
    expect(parallel.stderr).toBe(alone.stderr);
  }
}, 60000);

test('a long --json report written into a pipe arrives whole', () => {
  // Regression: the command exited before Node had flushed stdout into the pipe, cutting the JSON at 128 KB.
  const r = spawnSync(process.execPath, [BIN, 'check', dir, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.stdout.length).toBeGreaterThan(256 * 1024);
  const doc = JSON.parse(r.stdout);
  expect(doc.reports).toHaveLength(FILES);
}, 60000);
