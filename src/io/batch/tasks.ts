/**
 * The units of work of a batch check, as plain data so that a worker thread can run them as well as the main
 * thread: reading one file, checking one report. Errors travel as data too and become InputErrors again.
 */
import type { CheckOptions, CheckResult } from '../../model/types';
import { checkReportInput } from '../check-input';
import { readPlannedFile, type PlannedFile, type Unreadable } from '../readers';
import { InputError, type ReportInput } from '../report-input';

export type Task =
  /** Reads a file; with `check`, also checks each report found with these options (no previous year yet). */
  | { kind: 'read'; file: PlannedFile; maxFileBytes?: number; check?: CheckOptions }
  | { kind: 'check'; input: ReportInput; options: CheckOptions };

/** A file's reports (and their checks, in the same order, when asked), or why it is unreadable, or nothing. */
export type ReadOutput = { inputs: ReportInput[]; results?: CheckResult[] } | { unreadable?: Unreadable };

export type TaskOutput<T extends Task> = T extends { kind: 'read' } ? ReadOutput : CheckResult;

/** An error as it crosses from a worker: InputErrors keep their kind and file, anything else its message. */
export interface WireError {
  input: boolean;
  message: string;
  file?: string;
}

export type Outcome<T> = { ok: T } | { error: WireError };

export async function runTask(task: Task): Promise<ReadOutput | CheckResult> {
  if (task.kind === 'check') return checkReportInput(task.input, task.options);
  const out = await readPlannedFile(task.file, undefined, task.maxFileBytes);
  const options = task.check;
  // Checked where it was read: one trip to a worker instead of two, for the usual folder of one year's reports.
  if (options && 'inputs' in out) return { ...out, results: out.inputs.map((i) => checkReportInput(i, options)) };
  return out;
}

export function toWire(e: unknown): WireError {
  if (e instanceof InputError) return { input: true, message: e.message, ...(e.file ? { file: e.file } : {}) };
  return { input: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}

export function fromWire(w: WireError): Error {
  return w.input ? new InputError(w.message, w.file) : new Error(w.message);
}

/** The value of an outcome, or its error thrown. */
export function unwrap<T>(o: Outcome<T>): T {
  if ('error' in o) throw fromWire(o.error);
  return o.ok;
}
