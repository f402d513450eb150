/**
 * The derived rates (`rates.ts`) as the command line, the review workbook and the pane show them.
 */
import type { MessageTemplate } from './template';

export const RATE_MESSAGES = {
  // ── Rates (`rates.ts`) ─────────────────────────────────────────────────────────────────────────────────
  'rates.substantiveDisclosure': { zh: '实质公开率', en: 'substantive disclosure rate' },
  'rates.refusal': { zh: '不予公开率', en: 'refusal rate' },
  'rates.reviewCorrection': { zh: '复议纠错率', en: 'review correction rate' },
  'rates.suitCorrection': { zh: '诉讼纠错率', en: 'litigation correction rate' },
  'rates.value': {
    zh: '{name} {percent}（{numerator}/{denominator}）',
    en: '{name} {percent} ({numerator}/{denominator})',
  },
  'rates.notMeaningful': {
    zh: '{name} {percent}（{numerator}/{denominator}，不足 {min} 件，不具比较意义）',
    en: '{name} {percent} ({numerator}/{denominator}; fewer than {min} cases, not meaningful)',
  },
  'rates.noCases': { zh: '{name} —（无案件）', en: '{name} — (no cases)' },
  'rates.unknown': { zh: '{name} —（所需单元格未填写）', en: '{name} — (cells it needs are unfilled)' },
} satisfies Record<string, MessageTemplate>;
