/**
 * `P.copiedText`: a prose section of this year's report that is (nearly) all last year's sentences
 * (`../copied-text.ts`). Needs both years' prose, which only the report text readers give.
 */
import { copiedSections } from '../copied-text';
import { DOC_SECTIONS } from '../formats';
import type { RuleDef } from './rule';

export const COPIED_TEXT_RULE: RuleDef = {
  id: 'P.copiedText',
  severity: 'warning',
  kind: 'crossYear',
  title: 'title.P.copiedText',
  messages: ['P.copiedText'],
  evaluate(ctx) {
    const now = ctx.options.prose;
    const before = ctx.options.previousProse;
    if (!now || !before) return [];
    const { copied, compared } = copiedSections(now, before);
    ctx.summary.add('P.copiedText', 'failed', copied.length);
    ctx.summary.add('P.copiedText', 'passed', compared - copied.length);
    return copied.map((c) => ({
      rule: 'P.copiedText',
      instance: `P.copiedText:${c.section}`,
      cells: [],
      suspects: [],
      params: {
        section: DOC_SECTIONS[c.section],
        percent: Math.round(c.share * 100),
        repeated: c.repeated,
        sentences: c.sentences,
      },
    }));
  },
};
