/**
 * This year's report against last year's (`options.previous`, in either format): the applications carried over,
 * the documents in force, and tables copied unchanged from last year.
 */
import type { CellId, FindingDraft, FormatId, RawValues } from '../types';
import { isFilled, parseAll, valueOf, type Parsed, type RuleContext } from './context';
import { prepare } from '../prepared';
import type { FormatRules } from './instances';
import type { RuleDef } from './rule';

/** A previous year's values without a format said: 2021 has rows (R6_1 …) that 2019 lacks, and the reverse. */
function guessFormat(values: RawValues, fallback: FormatId): FormatId {
  const only = (a: FormatId, b: FormatId) => {
    const other = prepare(b).format.cellById;
    return prepare(a).format.cells.some((c) => !other.has(c.id) && values[c.id] !== undefined);
  };
  if (only('2021', '2019')) return '2021';
  if (only('2019', '2021')) return '2019';
  return fallback;
}

interface Previous {
  rules: FormatRules;
  parsed: Parsed;
}

function previousYear(ctx: RuleContext): Previous | null {
  return ctx.shared('previous', () => {
    const raw = ctx.options.previous;
    if (!raw) return null;
    const rules = prepare(ctx.options.previousFormat ?? guessFormat(raw, ctx.format.id)).rules;
    return { rules, parsed: parseAll(rules, raw) };
  });
}

/** Every figure both years have in common is filled and equal, and there is something in them. */
const sameAsLastYear: RuleDef = {
  id: 'P.sameAsLastYear',
  severity: 'warning',
  kind: 'crossYear',
  title: 'title.P.sameAsLastYear',
  messages: ['P.sameAsLastYear'],
  evaluate(ctx) {
    const prev = previousYear(ctx);
    if (!prev) return [];
    const { format, parsed, summary } = ctx;
    const common = format.cells.filter((c) => prev.rules.format.cellById.has(c.id)).map((c) => c.id);
    const comparable = common.filter((id) => isFilled(parsed, id) && isFilled(prev.parsed, id));
    const nonZero = comparable.filter((id) => valueOf(parsed, id) !== 0).length;
    if (comparable.length !== common.length || nonZero < 3) {
      summary.add('P.sameAsLastYear', 'incomplete');
      return [];
    }
    const same = comparable.every((id) => valueOf(parsed, id) === valueOf(prev.parsed, id));
    summary.add('P.sameAsLastYear', same ? 'failed' : 'passed');
    if (!same) return [];
    return [
      {
        rule: 'P.sameAsLastYear',
        instance: 'P.sameAsLastYear',
        cells: comparable,
        suspects: [],
        params: { count: comparable.length },
      },
    ];
  },
};

/** This year's carried-in row against last year's carried-out row, column by column. */
const carry: RuleDef = {
  id: 'X.carry',
  severity: 'warning',
  kind: 'crossYear',
  title: 'title.X.carry',
  messages: ['X.carry'],
  evaluate(ctx) {
    const prev = previousYear(ctx);
    if (!prev) return [];
    const { rules, format, parsed, summary } = ctx;
    const out: FindingDraft[] = [];
    const carryIn = rules.t3.inRows[rules.t3.inRows.length - 1];
    const carryOut = prev.rules.t3.outRows[prev.rules.t3.outRows.length - 1];
    for (const c of format.t3.columns) {
      const here = `T3.${carryIn}.${c}`;
      const there = `T3.${carryOut}.${c}`;
      if (!prev.rules.format.cellById.has(there)) continue;
      if (!isFilled(parsed, here) || !isFilled(prev.parsed, there)) {
        summary.add('X.carry', 'incomplete');
        continue;
      }
      const reported = valueOf(parsed, here)!;
      const computed = valueOf(prev.parsed, there)!;
      summary.add('X.carry', reported === computed ? 'passed' : 'failed');
      if (reported === computed) continue;
      out.push({
        rule: 'X.carry',
        instance: `X.carry:${c}`,
        table: 'T3',
        cells: [here],
        reported,
        computed,
        imbalance: reported - computed,
        suspects: [],
        params: { previousCell: there, previousFormat: prev.rules.format.id },
      });
    }
    return out;
  },
};

/**
 * In force = last year's in force + issued − repealed, only when both years count documents in force (the 2021
 * columns); the 2019 `对外公开总数量` counts published documents, which is not the same stock.
 */
const inForce: RuleDef = {
  id: 'X.inForce',
  severity: 'warning',
  kind: 'crossYear',
  title: 'title.X.inForce',
  messages: ['X.inForce'],
  evaluate(ctx) {
    const prev = previousYear(ctx);
    const docs = ctx.rules.t2.documentColumns;
    const prevDocs = prev?.rules.t2.documentColumns;
    if (!prev || !docs || !prevDocs) return [];
    const { rules, parsed, summary } = ctx;
    const out: FindingDraft[] = [];
    const v = (id: CellId) => valueOf(parsed, id)!;
    for (const r of rules.t2.documentRows) {
      const now = `T2.${r}.${docs.inForce}`;
      const issued = `T2.${r}.${docs.issued}`;
      const repealed = `T2.${r}.${docs.repealed}`;
      const before = `T2.${r}.${prevDocs.inForce}`;
      if (![now, issued, repealed].every((id) => isFilled(parsed, id)) || !isFilled(prev.parsed, before)) {
        summary.add('X.inForce', 'incomplete');
        continue;
      }
      const reported = v(now);
      const previous = valueOf(prev.parsed, before)!;
      const computed = previous + v(issued) - v(repealed);
      summary.add('X.inForce', reported === computed ? 'passed' : 'failed');
      if (reported === computed) continue;
      out.push({
        rule: 'X.inForce',
        instance: `X.inForce:${r}`,
        table: 'T2',
        cells: [now, issued, repealed],
        reported,
        computed,
        imbalance: reported - computed,
        suspects: [],
        params: { previous, issued: v(issued), repealed: v(repealed) },
      });
    }
    return out;
  },
};

/** `P.sameAsLastYear` is a plausibility rule by name, but it needs last year's report, so it lives here. */
export const CROSS_YEAR_RULES: readonly RuleDef[] = [sameAsLastYear, carry, inForce];
