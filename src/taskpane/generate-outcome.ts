/**
 * Why tables were not generated, in the pane's language: the host refuses with data (`GenerateOutcome`), the
 * words come from the message table (`generate.*`) or the pane's strings.
 */
import { formatMessage } from '../model/messages';
import type { Lang } from '../model/types';
import type { GenerateOutcome } from './host-api';
import type { Strings } from './i18n';

type GenerateRefusal = Exclude<GenerateOutcome, { ok: true }>;

export function generateRefusalText(out: GenerateRefusal, t: Strings, lang: Lang): string {
  switch (out.reason) {
    case 'targetNotEmpty':
      return t.targetNotEmpty(out.sheet, out.address);
    case 'sheetProtected':
    case 'sheetHoldsSet':
      return formatMessage(`generate.${out.reason}`, lang, { sheet: out.sheet });
    case 'badSelection':
      return formatMessage('generate.badSelection', lang);
    case 'unsupported':
    case 'failed':
      return formatMessage('host.failed', lang, { message: out.message });
  }
}
