/**
 * 已核实 marks: the author has looked at a warning (a figure that can be right but rarely is) and says it is right,
 * with a short reason. A mark is keyed by the warning's rule and instance and by the values of every cell the
 * warning involves at the time of marking: while those values stay, the warning is quiet (not listed, not counted,
 * not painted); once any of them changes the warning is back, because what was checked is no longer what is there.
 * Errors (figures that cannot all be right) cannot be marked.
 *
 * The marks live in the workbook (the Excel host stores them as a document setting), so they are data from a file:
 * `parseMarks` accepts only well-formed marks of warning rules and drops everything else.
 * Pure TS: no host, no DOM.
 */
import { ruleDef } from './rules';
import type { CellId, CheckResult, Finding, RuleId } from './types';

export interface ReviewedMark {
  rule: RuleId;
  instance: string;
  /** Every cell of the warning and its value when marked; null for a cell that was not filled. */
  values: Record<CellId, number | null>;
  /** Why the figures are right, in the author's words. */
  reason: string;
  /** The day of marking, `YYYY-MM-DD`. */
  date: string;
}

/** A reason is a short note, not a document: longer text is refused rather than cut. */
export const MAX_REASON_LENGTH = 200;
/** More marks than any report has warnings: a setting that holds more is not ours. */
const MAX_MARKS = 500;

/** What a mark and a finding have in common: one key per rule instance. */
export function markKey(x: { rule: RuleId; instance: string }): string {
  return `${x.rule}|${x.instance}`;
}

/** Only warnings can be marked; an error stays an error whatever the author thinks of it. */
export function canMark(f: Finding): boolean {
  return f.severity === 'warning' && ruleDef(f.rule)?.severity === 'warning';
}

function valueOf(result: Pick<CheckResult, 'cells' | 'unfilled'>, unfilled: ReadonlySet<CellId>, id: CellId) {
  const v = result.cells[id];
  return unfilled.has(id) || typeof v !== 'number' || !Number.isFinite(v) ? null : v;
}

export type NewMark =
  { ok: true; mark: ReviewedMark } | { ok: false; problem: 'notWarning' | 'noReason' | 'reasonTooLong' };

function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A mark of `finding` as the tables stand in `result`. */
export function newMark(
  finding: Finding,
  result: Pick<CheckResult, 'cells' | 'unfilled'>,
  reason: string,
  today: Date,
): NewMark {
  if (!canMark(finding)) return { ok: false, problem: 'notWarning' };
  const text = reason.trim();
  if (!text) return { ok: false, problem: 'noReason' };
  if (text.length > MAX_REASON_LENGTH) return { ok: false, problem: 'reasonTooLong' };
  const unfilled = new Set(result.unfilled);
  const values: Record<CellId, number | null> = {};
  for (const id of finding.cells) values[id] = valueOf(result, unfilled, id);
  return {
    ok: true,
    mark: { rule: finding.rule, instance: finding.instance, values, reason: text, date: isoDay(today) },
  };
}

/**
 * Whether `mark` still quiets `finding`: the same warning, about the same cells, and every one of them holds the
 * value it held when marked.
 */
export function markApplies(
  mark: ReviewedMark,
  finding: Finding,
  result: Pick<CheckResult, 'cells' | 'unfilled'>,
): boolean {
  if (markKey(mark) !== markKey(finding) || !canMark(finding)) return false;
  const keyed = Object.keys(mark.values);
  if (keyed.length !== finding.cells.length || !finding.cells.every((id) => id in mark.values)) return false;
  const unfilled = new Set(result.unfilled);
  return keyed.every((id) => mark.values[id] === valueOf(result, unfilled, id));
}

/**
 * `quiet`: the warning is there with the marked values and is not shown. `revived`: the warning is there but a
 * value changed, so it is shown again. `resolved`: the warning is gone (the figures were changed until it holds).
 */
export type MarkState = 'quiet' | 'revived' | 'resolved';

export interface MarkStatus {
  mark: ReviewedMark;
  state: MarkState;
}

/** The check with the quiet warnings taken out, and what became of every mark. */
export function applyMarks(
  result: CheckResult,
  marks: readonly ReviewedMark[],
): { result: CheckResult; marks: MarkStatus[] } {
  if (!marks.length) return { result, marks: [] };
  const byKey = new Map(result.findings.map((f) => [markKey(f), f]));
  const quiet = new Set<string>();
  const statuses = marks.map((mark): MarkStatus => {
    const f = byKey.get(markKey(mark));
    if (!f) return { mark, state: 'resolved' };
    if (!markApplies(mark, f, result)) return { mark, state: 'revived' };
    quiet.add(markKey(mark));
    return { mark, state: 'quiet' };
  });
  if (!quiet.size) return { result, marks: statuses };
  return { result: { ...result, findings: result.findings.filter((f) => !quiet.has(markKey(f))) }, marks: statuses };
}

/** `marks` with `mark` added, replacing an earlier mark of the same warning. */
export function withMark(marks: readonly ReviewedMark[], mark: ReviewedMark): ReviewedMark[] {
  return [...marks.filter((m) => markKey(m) !== markKey(mark)), mark].slice(-MAX_MARKS);
}

export function withoutMark(marks: readonly ReviewedMark[], key: string): ReviewedMark[] {
  return marks.filter((m) => markKey(m) !== key);
}

/** The stored form: versioned, so that a later add-in can read what this one wrote. */
export function storedMarks(marks: readonly ReviewedMark[]): { version: 1; marks: ReviewedMark[] } {
  return { version: 1, marks: [...marks] };
}

function parseMark(x: unknown): ReviewedMark | null {
  if (!x || typeof x !== 'object') return null;
  const m = x as Partial<Record<keyof ReviewedMark, unknown>>;
  if (typeof m.rule !== 'string' || typeof m.instance !== 'string' || typeof m.reason !== 'string') return null;
  if (ruleDef(m.rule as RuleId)?.severity !== 'warning') return null;
  if (typeof m.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(m.date)) return null;
  const reason = m.reason.trim();
  if (!reason || reason.length > MAX_REASON_LENGTH) return null;
  if (!m.values || typeof m.values !== 'object' || Array.isArray(m.values)) return null;
  const values: Record<CellId, number | null> = {};
  for (const [id, v] of Object.entries(m.values as Record<string, unknown>)) {
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) return null;
    values[id] = v;
  }
  return { rule: m.rule as RuleId, instance: m.instance, values, reason, date: m.date };
}

/** The marks a stored setting holds (an object or its JSON text); anything malformed is dropped, never thrown. */
export function parseMarks(stored: unknown): ReviewedMark[] {
  let v = stored;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return [];
    }
  }
  if (!v || typeof v !== 'object' || (v as { version?: unknown }).version !== 1) return [];
  const list = (v as { marks?: unknown }).marks;
  if (!Array.isArray(list)) return [];
  const out = new Map<string, ReviewedMark>();
  for (const x of list.slice(0, MAX_MARKS)) {
    const m = parseMark(x);
    if (m) out.set(markKey(m), m);
  }
  return [...out.values()];
}
