/** The public API of the report model: formats, layout, values, rules, the checker and its messages. */
export { check, cellName } from './check';
export { parseCell, isBlank } from './values';
export { formatMessage, formatNumber, formatDiff, MESSAGES, type MessageKey, type MessageParams } from './messages';
export { RULES, ruleDef, ruleOrder, formatRules, type RuleDef, type RuleCategory, type Equation } from './rules';
export { locate, digitTypoTier, type Location } from './locate';
export { checkFormulas, summedCells } from './formula-check';
export { detectBodyLevel } from './body-level';
export { getFormat, FORMAT_IDS, isFormatId, cellId } from './formats';
export { planReport } from './layout';
export type * from './types';
