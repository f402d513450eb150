/**
 * The arithmetic of one report (表三 balance, row and result totals, 表四 group totals): every equation of the
 * format is evaluated in one pass, and the error locator runs once over all that failed, so the four rules share
 * that work. A relation that touches an unfilled cell is `incomplete`, and failed only when no figure ≥ 0 in its
 * unfilled cells could make it hold.
 */
import { locate } from '../locate';
import type { FindingDraft, RuleId } from '../types';
import { byRule, roundCents, valueOf, type RuleContext, type Status } from './context';
import { formulaCells } from './formulas';
import type { RuleDef } from './rule';

function evaluateRelations(ctx: RuleContext): ReadonlyMap<RuleId, FindingDraft[]> {
  const { rules, parsed, summary } = ctx;
  const { value, filled } = parsed;
  const residuals: number[] = [];
  const skip = new Set<number>();
  const failed: { index: number; reported: number; computed: number }[] = [];
  for (let index = 0; index < rules.equations.length; index++) {
    const eq = rules.positions[index];
    // Summed in the equation's cell order: amounts are floating point.
    let reported = 0;
    let openReported = false;
    for (const i of eq.reported) {
      reported += value[i];
      if (!filled[i]) openReported = true;
    }
    let computed = 0;
    let openComputed = false;
    for (const i of eq.computed) {
      computed += value[i];
      if (!filled[i]) openComputed = true;
    }
    const d = reported - computed;
    // Whether figures ≥ 0 typed into the unfilled cells could still make the equation hold.
    const fixable = d === 0 || (d < 0 && openReported) || (d > 0 && openComputed);
    let status: Status;
    if (openReported || openComputed) status = fixable ? 'incomplete' : 'failed';
    else status = d === 0 ? 'passed' : 'failed';
    summary.add(rules.equations[index].rule, status);
    if (status === 'incomplete') skip.add(index);
    residuals.push(status === 'incomplete' ? 0 : roundCents(d));
    if (status === 'failed') failed.push({ index, reported, computed });
  }
  if (!failed.length) return new Map();

  const locations = locate({
    prepared: ctx.prepared,
    values: { get: (id) => valueOf(parsed, id) },
    residuals,
    formulaCells: formulaCells(ctx),
    skip,
  });
  const byEq = new Map<number, (typeof locations)[number]>();
  for (const loc of locations) for (const e of loc.equations) byEq.set(e, loc);

  return byRule(
    failed.map(({ index, reported, computed }) => {
      const eq = rules.equations[index];
      const loc = byEq.get(index);
      const suspects = loc ? loc.suspects.filter((c) => loc.reach.get(c)?.has(index)) : [];
      const finding: FindingDraft = {
        rule: eq.rule,
        instance: eq.instance,
        table: eq.table,
        cells: eq.cells,
        reported,
        computed,
        imbalance: roundCents(reported - computed),
        suspects,
        params: {},
      };
      if (loc && suspects.length) {
        // Several cells could each explain the difference alone, and nothing singles one out.
        finding.params.suspicion = loc.suspects.length > 1 && loc.reason !== 'unique' ? 'ambiguous' : 'likely';
        const suggested = loc.suggestion ? suspects.filter((c) => c in loc.suggestion!) : [];
        if (suggested.length) {
          finding.suggestion = Object.fromEntries(suggested.map((c) => [c, loc.suggestion![c]]));
          finding.suggestionReason = loc.reason;
        }
      }
      return finding;
    }),
  );
}

function relation(id: RuleId): RuleDef {
  return {
    id,
    severity: 'error',
    kind: 'relation',
    title: `title.${id}` as RuleDef['title'],
    messages: [
      id as RuleDef['title'],
      'locate.suspects',
      'locate.suspectsMany',
      'locate.suggestion',
      'locate.digitTypo',
    ],
    evaluate: (ctx) => ctx.shared('relations', () => evaluateRelations(ctx)).get(id) ?? [],
  };
}

export const RELATION_RULES: readonly RuleDef[] = [
  relation('T3.balance'),
  relation('T3.rowTotal'),
  relation('T3.resultTotal'),
  relation('T4.groupTotal'),
];
