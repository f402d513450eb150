/**
 * What each cell holds, read in one pass for all value rules: text that is no number, negative counts, fractions,
 * full-width digits, numbers stored as text (from `parseCell`), and the cells left unfilled, one finding per table.
 * Text that is not a number counts as unfilled; its finding quotes the text with invisible characters shown
 * (`quotedText`) and, where `parseCell` found one plausible reading, offers it as the suggestion.
 */
import type { CellId, FindingDraft, RuleId, TableId } from '../types';
import { byRule, type RuleContext } from './context';
import type { RuleDef } from './rule';
import { quotedText } from '../values';

interface ValueFindings {
  byRule: ReadonlyMap<RuleId, FindingDraft[]>;
  failed: ReadonlyMap<RuleId, number>;
  blankByTable: ReadonlyMap<TableId, CellId[]>;
  /** Unread cells without a value (see `RuleContext.unread`). */
  unread: number;
}

function readValues(ctx: RuleContext): ValueFindings {
  const { format, parsed, raw } = ctx;
  const drafts: FindingDraft[] = [];
  const failed = new Map<RuleId, number>();
  const blankByTable = new Map<TableId, CellId[]>();
  const blank = (t: TableId, id: CellId) => {
    const list = blankByTable.get(t);
    if (list) list.push(id);
    else blankByTable.set(t, [id]);
  };
  const cells = format.cells;
  let unread = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (ctx.unread && parsed.filled[i] !== 1 && ctx.unread.has(c.id)) {
      unread++;
      continue;
    }
    const p = parsed.remarks[i];
    if (!p) {
      if (parsed.filled[i] !== 1) blank(c.table, c.id);
      continue;
    }
    if (!p.filled && !p.problems.length) blank(c.table, c.id);
    const text = raw[c.id];
    for (const pr of p.problems) {
      failed.set(pr.rule, (failed.get(pr.rule) ?? 0) + 1);
      drafts.push({
        rule: pr.rule,
        instance: `${pr.rule}:${c.id}`,
        table: c.table,
        cells: [c.id],
        ...(p.filled ? { reported: p.value } : {}),
        suspects: [c.id],
        // Text that is not a number but reads one way (`3件`): the one-click fix writes that number.
        ...(p.wouldBe !== undefined ? { suggestion: { [c.id]: p.wouldBe } } : {}),
        params: {
          raw: text === null || text === undefined ? '' : quotedText(String(text)),
          value: p.value,
          ...(p.wouldBe !== undefined ? { wouldBe: p.wouldBe } : {}),
        },
      });
    }
  }
  return { byRule: byRule(drafts), failed, blankByTable, unread };
}

const values = (ctx: RuleContext) => ctx.shared('values', () => readValues(ctx));

function problemRule(id: RuleId, severity: RuleDef['severity'], messages: RuleDef['messages']): RuleDef {
  return {
    id,
    severity,
    kind: 'value',
    title: `title.${id}` as RuleDef['title'],
    messages,
    evaluate(ctx) {
      const v = values(ctx);
      const failed = v.failed.get(id) ?? 0;
      ctx.summary.add(id, 'passed', ctx.format.cells.length - failed);
      ctx.summary.add(id, 'failed', failed);
      return v.byRule.get(id) ?? [];
    },
  };
}

const unfilled: RuleDef = {
  id: 'V.unfilled',
  severity: 'warning',
  kind: 'value',
  title: 'title.V.unfilled',
  messages: ['V.unfilled'],
  evaluate(ctx) {
    const { blankByTable, unread } = values(ctx);
    const out: FindingDraft[] = [];
    let blanks = 0;
    for (const t of ctx.format.tables) {
      const ids = blankByTable.get(t.id);
      if (!ids) continue;
      blanks += ids.length;
      out.push({
        rule: 'V.unfilled',
        instance: `V.unfilled:${t.id}`,
        table: t.id,
        cells: ids,
        suspects: [],
        params: { count: ids.length },
      });
    }
    ctx.summary.add('V.unfilled', 'passed', ctx.format.cells.length - blanks - unread);
    ctx.summary.add('V.unfilled', 'failed', blanks);
    return out;
  },
};

export const VALUE_RULES: readonly RuleDef[] = [
  problemRule('V.notNumber', 'error', ['V.notNumber']),
  problemRule('V.negative', 'error', ['V.negative', 'V.negativeAmount']),
  problemRule('V.fraction', 'error', ['V.fraction']),
  problemRule('V.fullWidth', 'warning', ['V.fullWidth']),
  problemRule('V.textNumber', 'warning', ['V.textNumber']),
  unfilled,
];
