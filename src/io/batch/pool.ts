/**
 * Runs a batch's tasks (read a file, check a report) on every core. The main thread works through the queue
 * itself until a worker thread has loaded, then only hands out tasks: a busy main thread would leave the workers
 * waiting for their next task. A folder of a few files never waits for a worker to start, and a worker that fails
 * hands its tasks back to the main thread, so the result is the same with or without workers, in the tasks' order.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { runTask, toWire, type Outcome, type Task, type TaskOutput, type WireError } from './tasks';

/** Below this many tasks the main thread works alone: loading a worker costs about as much as reading 30 files. */
export const PARALLEL_MIN_TASKS = 24;
/** Tasks sent ahead to each worker, so it does not wait for the main thread between two. */
const PREFETCH = 2;
const MAX_WORKERS = 8;

interface Slot {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  /** Message id → task index. */
  inFlight: Map<number, number>;
}

interface Run {
  tasks: Task[];
  results: Outcome<unknown>[];
  next: number;
  /** Tasks handed back by a worker that failed. */
  retry: number[];
  done: number;
  onStart: ((index: number) => void) | undefined;
  resolve: () => void;
}

export class BatchPool {
  private readonly slots: Slot[] = [];
  private run: Run | null = null;
  private mainBusy = false;
  private nextId = 0;

  /** `workers` threads at most, started from `entry` (the compiled worker script; null: the main thread only). */
  constructor(
    private readonly workers: number,
    private readonly entry: string | null,
  ) {}

  /** Threads that may run tasks besides the main thread. */
  get size(): number {
    return this.entry ? this.workers : 0;
  }

  async runAll<T extends Task>(tasks: T[], onStart?: (index: number) => void): Promise<Outcome<TaskOutput<T>>[]> {
    if (this.run) throw new Error('BatchPool.runAll: a batch is already running');
    if (!tasks.length) return [];
    const finished = new Promise<void>((resolve) => {
      this.run = { tasks, results: new Array(tasks.length), next: 0, retry: [], done: 0, onStart, resolve };
    });
    if (tasks.length >= PARALLEL_MIN_TASKS) this.startWorkers();
    for (const s of this.slots) {
      s.worker.ref();
      this.feed(s);
    }
    void this.drainOnMain();
    await finished;
    const results = this.run!.results as Outcome<TaskOutput<T>>[];
    this.run = null;
    // Idle workers must not keep the process alive.
    for (const s of this.slots) s.worker.unref();
    return results;
  }

  /** Stops the workers (tests; the command line lets the process end with them unreferenced). */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private take(): number {
    const run = this.run;
    if (!run) return -1;
    if (run.retry.length) return run.retry.shift()!;
    if (run.next < run.tasks.length) {
      const i = run.next++;
      run.onStart?.(i);
      return i;
    }
    return -1;
  }

  private finish(index: number, outcome: Outcome<unknown>) {
    const run = this.run!;
    run.results[index] = outcome;
    if (++run.done === run.tasks.length) run.resolve();
  }

  private async drainOnMain() {
    if (this.mainBusy) return;
    this.mainBusy = true;
    try {
      // Until a worker is ready (or again when none is left).
      for (let i = this.workerReady() ? -1 : this.take(); i >= 0; i = this.workerReady() ? -1 : this.take()) {
        try {
          this.finish(i, { ok: await runTask(this.run!.tasks[i]) });
        } catch (e) {
          this.finish(i, { error: toWire(e) });
        }
        // Let the workers' answers in, so they are fed while the main thread works.
        if (this.slots.length) await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.mainBusy = false;
    }
  }

  private workerReady(): boolean {
    return this.slots.some((s) => s.ready && !s.dead);
  }

  private feed(slot: Slot) {
    if (!slot.ready || slot.dead) return;
    while (slot.inFlight.size < PREFETCH) {
      const i = this.take();
      if (i < 0) return;
      const id = this.nextId++;
      slot.inFlight.set(id, i);
      slot.worker.postMessage({ id, task: this.run!.tasks[i] });
    }
  }

  private startWorkers() {
    if (!this.entry) return;
    while (this.slots.length < this.workers) {
      const slot: Slot = { worker: new Worker(this.entry), ready: false, dead: false, inFlight: new Map() };
      this.slots.push(slot);
      slot.worker.on('message', (m: { ready?: true; id?: number; ok?: unknown; error?: WireError }) => {
        if (m.ready) {
          slot.ready = true;
        } else {
          const i = slot.inFlight.get(m.id!);
          slot.inFlight.delete(m.id!);
          if (i !== undefined && this.run) this.finish(i, m.error ? { error: m.error } : { ok: m.ok });
        }
        if (this.run) this.feed(slot);
      });
      const fail = () => {
        if (slot.dead) return;
        slot.dead = true;
        this.slots.splice(this.slots.indexOf(slot), 1);
        if (this.run) {
          this.run.retry.push(...slot.inFlight.values());
          for (const s of this.slots) this.feed(s);
          void this.drainOnMain();
        }
        slot.inFlight.clear();
      };
      slot.worker.on('error', fail);
      slot.worker.on('exit', fail);
    }
  }
}

/** The compiled worker script next to this module; absent when running from the TypeScript sources. */
function workerEntry(): string | null {
  const file = path.join(__dirname, 'worker.js');
  return fs.existsSync(file) ? file : null;
}

/**
 * Worker threads to use: one per core, at most 8 (the main thread only hands out tasks once they run).
 * `DISCLOSURE_TABLES_WORKERS=N` sets the number (0: the main thread alone).
 */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const set = env.DISCLOSURE_TABLES_WORKERS;
  if (set !== undefined && /^\d+$/.test(set.trim())) return Math.min(Number(set), MAX_WORKERS);
  return os.availableParallelism() > 1 ? Math.min(os.availableParallelism(), MAX_WORKERS) : 0;
}

let shared: BatchPool | null = null;

/** The process's pool, started on first use and kept for later batches. */
export function batchPool(): BatchPool {
  shared ??= new BatchPool(workerCount(), workerEntry());
  return shared;
}
