/**
 * What every rule's `evaluate` is given: the report's values parsed once into arrays (by the positions of the
 * format's prepared rules), the caller's options, the summary the rules count into, and a memo for work that
 * several rules of one kind share (the error locator runs once for all relations, the values are read in one pass).
 */
import type {
  CellId,
  CheckOptions,
  FindingDraft,
  FormatId,
  ParsedCell,
  RawValues,
  ReportFormat,
  RuleId,
  RuleSummary,
} from '../types';
import { parseCell } from '../values';
import { prepare, type PreparedFormat } from '../prepared';
import type { FormatRules } from './instances';

export type Status = 'passed' | 'failed' | 'incomplete';

/** Column of a status in the summary's counts (after `checked`). */
const STATUS_COLUMN: Record<Status, number> = { passed: 1, failed: 2, incomplete: 3 };

/** Pass, fail and incomplete counts per rule: one flat array of rules × (checked, passed, failed, incomplete). */
export class Summary {
  private readonly counts: number[];

  constructor(
    private readonly ids: readonly RuleId[],
    private readonly indexOf: ReadonlyMap<RuleId, number>,
  ) {
    this.counts = new Array<number>(ids.length * 4).fill(0);
  }

  add(rule: RuleId, status: Status, n = 1) {
    const i = this.indexOf.get(rule);
    if (i === undefined) throw new Error(`rule ${rule} is not registered`);
    this.counts[i * 4] += n;
    this.counts[i * 4 + STATUS_COLUMN[status]] += n;
  }

  list(): RuleSummary[] {
    const c = this.counts;
    return this.ids.map((rule, i) => ({
      rule,
      checked: c[i * 4],
      passed: c[i * 4 + 1],
      failed: c[i * 4 + 2],
      incomplete: c[i * 4 + 3],
    }));
  }
}

/** The parsed values of one report, by cell position (see `FormatRules.ids`). */
export interface Parsed {
  rules: FormatRules;
  /** The number used in arithmetic (0 for an unfilled cell). */
  value: Float64Array;
  /** The same numbers as JS values, for the result: read back from `value`, each would be a new heap number. */
  boxed: unknown[];
  filled: Uint8Array;
  /** The full parse of the cells whose text had something to say (problems or a note). */
  remarks: (ParsedCell | undefined)[];
}

export function parseAll(rules: FormatRules, raw: RawValues): Parsed {
  const cells = rules.format.cells;
  const n = cells.length;
  const value = new Float64Array(n);
  const filled = new Uint8Array(n);
  const boxed = new Array<unknown>(n).fill(null);
  const remarks: (ParsedCell | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const r = raw[rules.ids[i]];
    if (r === null || r === undefined) continue;
    // The common case, a whole count ≥ 0 typed as a number, has nothing more to say (see `parseCell`).
    if (typeof r === 'number' && r >= 0 && Number.isInteger(r)) {
      value[i] = r;
      boxed[i] = r;
      filled[i] = 1;
      continue;
    }
    const p = parseCell(r, cells[i].kind);
    value[i] = p.value;
    boxed[i] = p.value;
    filled[i] = p.filled ? 1 : 0;
    if (p.problems.length) remarks[i] = p;
  }
  return { rules, value, boxed, filled, remarks };
}

export function isFilled(p: Parsed, id: CellId): boolean {
  const i = p.rules.index.get(id);
  return i !== undefined && p.filled[i] === 1;
}

export function valueOf(p: Parsed, id: CellId): number | undefined {
  const i = p.rules.index.get(id);
  return i === undefined ? undefined : p.value[i];
}

export interface RuleContext {
  format: ReportFormat;
  /** The format's prepared parts (`rules` is `prepared.rules`, named apart because nearly every rule reads it). */
  prepared: PreparedFormat;
  rules: FormatRules;
  parsed: Parsed;
  raw: RawValues;
  options: CheckOptions;
  summary: Summary;
  /** Cells a reader could not read (`CheckOptions.unread`): neither unfilled nor judged as values. */
  unread: ReadonlySet<CellId> | null;
  /** Work shared by the rules of one kind, done on first use within this check. */
  shared<T>(key: string, make: () => T): T;
}

export function createContext(format: FormatId, raw: RawValues, options: CheckOptions, summary: Summary): RuleContext {
  const prepared = prepare(format);
  const rules = prepared.rules;
  const memo = new Map<string, unknown>();
  return {
    format: prepared.format,
    prepared,
    rules,
    parsed: parseAll(rules, raw),
    raw,
    options,
    summary,
    unread: options.unread?.length ? new Set(options.unread) : null,
    shared<T>(key: string, make: () => T): T {
      if (memo.has(key)) return memo.get(key) as T;
      const v = make();
      memo.set(key, v);
      return v;
    },
  };
}

/** A draft list per rule, for the kinds whose rules are evaluated together. */
export function byRule(drafts: FindingDraft[]): ReadonlyMap<RuleId, FindingDraft[]> {
  const out = new Map<RuleId, FindingDraft[]>();
  for (const d of drafts) {
    const list = out.get(d.rule);
    if (list) list.push(d);
    else out.set(d.rule, [d]);
  }
  return out;
}

/** Amount sums in floating point (72701.2578 + …): keep differences free of float noise. */
export function roundCents(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
