/** What a rule is, as data: the registry (`rules/index.ts`) lists one of these per rule id. */
import type { MessageKey } from '../messages';
import type { FindingDraft, RuleId, Severity } from '../types';
import type { RuleContext } from './context';

type RuleKind = 'relation' | 'value' | 'formula' | 'plausibility' | 'crossYear' | 'format' | 'narrative';

export interface RuleDef {
  id: RuleId;
  /** The only place a finding's severity comes from. */
  severity: Severity;
  kind: RuleKind;
  /** What the rule checks, for help texts and headings: a key of the message table. */
  title: MessageKey;
  /** The message-table keys its findings are rendered with. */
  messages: readonly MessageKey[];
  /** The rule's findings for one report (without severity); counts what it checked into `ctx.summary`. */
  evaluate(ctx: RuleContext): FindingDraft[];
}
