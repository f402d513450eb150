/**
 * Runs the built command line (`bin/disclosure-tables.js`, lib/ built by the global setup) in a child process, as a
 * user or a script does, and measures its peak memory with GNU time (`/usr/bin/time -f %M`, the maximum resident
 * set in KB). A generous safety timeout ends a run that hangs; no test asserts speed.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'disclosure-tables.js');
const TIME = '/usr/bin/time';

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory in MB (NaN when GNU time is missing). */
  peakMb: number;
}

/** The safety timeout: far above any run's time on a loaded machine, only there to end a hang. */
export const SAFETY_TIMEOUT_MS = 300_000;

export function runCli(args: string[], cwd: string, input?: string): CliRun {
  const measure = fs.existsSync(TIME);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dt-time-')), 'rss');
  const cmd = measure ? TIME : process.execPath;
  const argv = measure ? ['-f', '%M', '-o', out, process.execPath, BIN, ...args] : [BIN, ...args];
  const r = spawnSync(cmd, argv, {
    cwd,
    encoding: 'utf8',
    timeout: SAFETY_TIMEOUT_MS,
    maxBuffer: 512 * 1024 * 1024,
    ...(input !== undefined ? { input } : { stdio: ['ignore', 'pipe', 'pipe'] }),
  });
  let peakMb = NaN;
  if (measure && fs.existsSync(out)) {
    const kb = Number(/(\d+)\s*$/.exec(fs.readFileSync(out, 'utf8'))?.[1]);
    peakMb = kb / 1024;
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', peakMb };
}

/** Anything a crash prints: a JS stack frame, Node's internals, V8's fatal-error banner. */
export const CRASH = /^\s+at |node:internal|FATAL ERROR|RangeError|TypeError|Maximum call stack|Invalid string length/m;

/**
 * What every hostile run must give: it ended by itself with 0, 1 or 2, printed no trace of a crash, stayed under
 * 1 GB, and, when it refused the input (2), said why in one line.
 */
export function expectCleanEnd(r: CliRun): void {
  expect({ signal: r.signal, crash: CRASH.exec(r.stderr + r.stdout)?.[0] ?? null }).toEqual({
    signal: null,
    crash: null,
  });
  expect([0, 1, 2]).toContain(r.status);
  if (!Number.isNaN(r.peakMb)) expect(r.peakMb).toBeLessThan(1024);
  if (r.status === 2) expect(r.stderr.trim().split('\n')).toHaveLength(1);
}
