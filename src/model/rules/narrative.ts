/**
 * The narrative rules: each figure that `一、总体情况` states (applications received, carried over, completed,
 * results, 复议 and 诉讼) against the tables. The phrases are read once for all of them (`../narrative.ts`); each
 * rule is registered here like any other, with its own severity, title and message.
 */
import { checkNarrative } from '../narrative';
import type { FindingDraft, NarrativeRuleId, RuleId } from '../types';
import { byRule, type RuleContext } from './context';
import type { RuleDef } from './rule';

interface NarrativeFindings {
  byRule: ReadonlyMap<RuleId, FindingDraft[]>;
  checked: ReadonlyMap<NarrativeRuleId, number>;
  /** Comparisons not made: a cell they need is blank or unread (never counted as passed). */
  incomplete: ReadonlyMap<NarrativeRuleId, number>;
}

function readNarrative(ctx: RuleContext): NarrativeFindings | null {
  const text = ctx.options.narrative;
  if (!text) return null;
  const checked = new Map<NarrativeRuleId, number>();
  const incomplete = new Map<NarrativeRuleId, number>();
  const drafts = checkNarrative(text, ctx.raw, ctx.format, checked, incomplete);
  return { byRule: byRule(drafts), checked, incomplete };
}

function narrativeRule(id: NarrativeRuleId): RuleDef {
  return {
    id,
    severity: 'warning',
    kind: 'narrative',
    title: `title.${id}`,
    messages: id === 'N.received' ? [id, 'N.withCarryIn'] : [id],
    evaluate(ctx) {
      const n = ctx.shared('narrative', () => readNarrative(ctx));
      if (!n) return [];
      const found = n.byRule.get(id) ?? [];
      ctx.summary.add(id, 'failed', found.length);
      ctx.summary.add(id, 'passed', Math.max(0, (n.checked.get(id) ?? 0) - found.length));
      ctx.summary.add(id, 'incomplete', n.incomplete.get(id) ?? 0);
      return found;
    },
  };
}

export const NARRATIVE_RULES: readonly RuleDef[] = [
  narrativeRule('N.noApplications'),
  narrativeRule('N.received'),
  narrativeRule('N.carryIn'),
  narrativeRule('N.completed'),
  narrativeRule('N.carryOut'),
  narrativeRule('N.resultCount'),
  narrativeRule('N.resultPercent'),
  narrativeRule('N.review'),
  narrativeRule('N.suit'),
  narrativeRule('N.allCompleted'),
  narrativeRule('N.allUpheld'),
];
