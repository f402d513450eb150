/**
 * The live formulas of total cells, when the caller read them from a sheet (`formulas` with `cellAddress`): a
 * total typed over with a number (`F.notFormula`), a SUM that no longer covers exactly its parts (`F.formulaRange`).
 * The intact totals are what the error locator treats as following their parts (`formulaCells`).
 */
import { checkFormulas } from '../formula-check';
import type { CellId, FindingDraft, RuleId } from '../types';
import { byRule, isFilled, valueOf, type RuleContext } from './context';
import type { RuleDef } from './rule';

interface FormulaFindings {
  byRule: ReadonlyMap<RuleId, FindingDraft[]>;
  /** Totals that are live formulas following their parts. */
  formulaCells: ReadonlySet<CellId>;
}

function evaluateFormulas(ctx: RuleContext): FormulaFindings {
  const { format, options, parsed, summary } = ctx;
  const cells = new Set<CellId>(options.formulaCells ?? []);
  const drafts: FindingDraft[] = [];
  const address = options.cellAddress;
  if (options.formulas && address) {
    const report = checkFormulas(ctx.prepared, options.formulas, address);
    for (const id of report.intact) cells.add(id);
    const typedOver = report.problems.filter((p) => p.rule === 'F.notFormula').length;
    const badRange = report.problems.length - typedOver;
    summary.add('F.notFormula', 'failed', typedOver);
    summary.add('F.notFormula', 'passed', report.checked.notFormula - typedOver);
    summary.add('F.formulaRange', 'failed', badRange);
    summary.add('F.formulaRange', 'passed', report.checked.formulaRange - badRange);
    for (const p of report.problems) {
      cells.delete(p.cell);
      const value = valueOf(parsed, p.cell)!;
      drafts.push({
        rule: p.rule,
        instance: `${p.rule}:${p.cell}`,
        table: p.table,
        cells: [p.cell],
        ...(isFilled(parsed, p.cell) ? { reported: value } : {}),
        suspects: [p.cell],
        params: { formula: p.formula, expected: p.expected, value },
      });
    }
  }
  // A typed value can never be a live total, whatever the caller said.
  for (const id of cells) if (!format.cellById.get(id)?.sumOf) cells.delete(id);
  return { byRule: byRule(drafts), formulaCells: cells };
}

const formulas = (ctx: RuleContext) => ctx.shared('formulas', () => evaluateFormulas(ctx));

/** The totals the error locator may treat as following their parts. */
export function formulaCells(ctx: RuleContext): ReadonlySet<CellId> {
  return formulas(ctx).formulaCells;
}

export const FORMULA_RULES: readonly RuleDef[] = [
  {
    id: 'F.notFormula',
    severity: 'warning',
    kind: 'formula',
    title: 'title.F.notFormula',
    messages: ['F.notFormula'],
    evaluate: (ctx) => formulas(ctx).byRule.get('F.notFormula') ?? [],
  },
  {
    id: 'F.formulaRange',
    severity: 'warning',
    kind: 'formula',
    title: 'title.F.formulaRange',
    messages: ['F.formulaRange'],
    evaluate: (ctx) => formulas(ctx).byRule.get('F.formulaRange') ?? [],
  },
];
