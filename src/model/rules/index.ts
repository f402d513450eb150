/**
 * The rule registry: every rule the checker knows, in the order findings are listed (relations first, the
 * narrative last). Each entry holds the rule's id, severity, title and message keys and its `evaluate`; `check()`
 * is the loop over this list.
 */
import type { RuleId } from '../types';
import { COPIED_TEXT_RULE } from './copied-text';
import { CROSS_YEAR_RULES } from './cross-year';
import { FORMULA_RULES } from './formulas';
import { NARRATIVE_RULES } from './narrative';
import { FORMAT_RULES, PLAUSIBILITY_RULES } from './plausibility';
import { RELATION_RULES } from './relations';
import type { RuleDef } from './rule';
import { VALUE_RULES } from './values';

export const RULES: readonly RuleDef[] = [
  ...RELATION_RULES,
  ...VALUE_RULES,
  ...PLAUSIBILITY_RULES,
  ...CROSS_YEAR_RULES,
  COPIED_TEXT_RULE,
  ...FORMULA_RULES,
  ...FORMAT_RULES,
  ...NARRATIVE_RULES,
];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

const RULE_INDEX: ReadonlyMap<RuleId, number> = new Map(RULES.map((r, i) => [r.id, i]));

/** Position of a rule in the registry, for a stable order of findings. */
export function ruleOrder(id: RuleId): number {
  return RULE_INDEX.get(id) ?? RULES.length;
}

export function ruleDef(id: RuleId): RuleDef | undefined {
  const i = RULE_INDEX.get(id);
  return i === undefined ? undefined : RULES[i];
}

export function ruleIndex(): ReadonlyMap<RuleId, number> {
  return RULE_INDEX;
}
