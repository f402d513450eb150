/**
 * `check()`: one report's values in, findings and a per-rule summary out. Pure and fast (the Excel adapter calls it
 * on every edit). It is the loop over the rule registry: parse the values once, evaluate each rule, give each
 * finding its rule's severity, sort. The findings are data; `renderFinding` writes them in the reader's language.
 *
 * Unfilled cells (blank, `/`, `-`, `无`, or text) count as 0. A relation that touches one is `incomplete`, not
 * passed; it is reported as failed only when no non-negative figure in its unfilled cells could make it hold.
 */
import { prepare } from './prepared';
import { RULES, RULE_IDS, ruleIndex, ruleOrder } from './rules';
import { Summary, createContext } from './rules/context';
import type { CellId, CheckOptions, CheckResult, Finding, FormatId, RawValues, ReportFormat, TableId } from './types';

export function check(format: FormatId, raw: RawValues, options: CheckOptions = {}): CheckResult {
  const summary = new Summary(RULE_IDS, ruleIndex());
  const ctx = createContext(format, raw, options, summary);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    for (const draft of rule.evaluate(ctx)) {
      const finding = draft as Finding;
      finding.severity = rule.severity;
      findings.push(finding);
    }
  }
  const { parsed } = ctx;
  const cells: Record<CellId, number> = {};
  const unfilled: CellId[] = [];
  // Cells a reader could not read are not blank in the report: never listed as unfilled (the report is not to
  // blame), and the relations they are in stay incomplete as for any cell without a figure.
  const unread: CellId[] = [];
  const ids = ctx.rules.ids;
  for (let i = 0; i < ids.length; i++) {
    if (parsed.filled[i] === 1) cells[ids[i]] = parsed.boxed[i] as number;
    else if (ctx.unread?.has(ids[i])) unread.push(ids[i]);
    else unfilled.push(ids[i]);
  }
  return {
    format,
    cells,
    unfilled,
    ...(unread.length ? { unread } : {}),
    findings: sortFindings(ctx.format, findings),
    summary: summary.list(),
  };
}

const TABLE_ORDER: Record<TableId, number> = { T2: 0, T3: 1, T4: 2 };

/** By table, then by rule; the findings of a value or formula rule in reading order of their cell. */
function sortFindings(f: ReportFormat, findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const cellOrder = prepare(f.id).rules.cellOrder;
  return findings
    .map((x, i) => ({ x, i }))
    .sort((a, b) => {
      const ta = a.x.table ? TABLE_ORDER[a.x.table] : 3;
      const tb = b.x.table ? TABLE_ORDER[b.x.table] : 3;
      if (ta !== tb) return ta - tb;
      const ra = ruleOrder(a.x.rule);
      const rb = ruleOrder(b.x.rule);
      if (ra !== rb) return ra - rb;
      const ca = cellOrder.get(a.x.cells[0]) ?? 0;
      const cb = cellOrder.get(b.x.cells[0]) ?? 0;
      return a.x.rule.startsWith('V.') || a.x.rule.startsWith('F.') ? ca - cb || a.i - b.i : a.i - b.i;
    })
    .map(({ x }) => x);
}
