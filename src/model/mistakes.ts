/**
 * One mistake, one finding. The checker reports every rule instance that fails; a user makes mistakes. This module
 * groups the findings by cause, for the pane (which lists and counts mistakes) and the sheet (which paints them):
 * - a cell problem (a total typed over, a SUM that lost part of its range, text in a count cell) is the cause of
 *   every relation it breaks: those are shown under it, not beside it;
 * - table 三's 总计 column adds up the applicant columns: its balance failing by exactly what the applicant
 *   columns fail by is an echo of them, shown inside the applicant column's finding.
 * Pure.
 */
import { getFormat } from './formats';
import { RELATION_RULES, explainingCells } from './recent-edit';
import type { CellId, Finding, FormatId } from './types';

export interface Mistake {
  /** The finding that names the cause. */
  finding: Finding;
  /** The same imbalance repeated by the 总计 column. */
  echoes: Finding[];
  /** Relations that fail because of this finding's cell. */
  caused: Finding[];
}

/** Findings about one cell that make the relations it is part of fail too. */
function isCellCause(f: Finding): boolean {
  return (f.rule.startsWith('F.') || (f.rule.startsWith('V.') && f.rule !== 'V.unfilled')) && f.cells.length === 1;
}

/**
 * `formulaCells`: totals that are intact live formulas (they follow their parts). Unfilled-cell findings are left
 * out: the pane counts them per table.
 */
export function groupMistakes(
  formatId: FormatId,
  findings: readonly Finding[],
  formulaCells: ReadonlySet<CellId>,
): Mistake[] {
  const format = getFormat(formatId);
  const list = findings.filter((f) => f.rule !== 'V.unfilled');
  const mistakes = new Map<Finding, Mistake>();
  for (const f of list) if (isCellCause(f)) mistakes.set(f, { finding: f, echoes: [], caused: [] });
  const causes = [...mistakes.values()];
  const placed = new Set<Finding>(causes.map((m) => m.finding));

  for (const f of list) {
    if (placed.has(f) || !RELATION_RULES.has(f.rule)) continue;
    const reach = explainingCells(format, f, formulaCells);
    const cause = causes.find((m) => f.cells.includes(m.finding.cells[0]) || reach.has(m.finding.cells[0]));
    if (cause) {
      cause.caused.push(f);
      placed.add(f);
    }
  }

  // The 总计 column of table 三: an echo when its cells are formulas and the applicant columns account for it.
  const totalCol = format.t3.columns[format.t3.columns.length - 1];
  const colOf = (f: Finding) => format.cellById.get(f.cells[0])?.colKey;
  const applicant = list.filter((f) => f.rule === 'T3.balance' && !placed.has(f) && colOf(f) !== totalCol);
  for (const f of list) {
    if (placed.has(f) || f.rule !== 'T3.balance' || colOf(f) !== totalCol || !applicant.length) continue;
    if (!f.cells.every((id) => !format.cellById.get(id)?.sumOf || formulaCells.has(id))) continue;
    const sum = applicant.reduce((s, a) => s + (a.imbalance ?? 0), 0);
    if (Math.abs(sum - (f.imbalance ?? NaN)) > 1e-6) continue;
    const host = { finding: applicant[0], echoes: [f], caused: [] };
    mistakes.set(applicant[0], host);
    placed.add(f);
    placed.add(applicant[0]);
  }

  return list
    .filter((f) => mistakes.has(f) || !placed.has(f))
    .map((f) => mistakes.get(f) ?? { finding: f, echoes: [], caused: [] })
    .map((m) => {
      // A typed-over total is a warning on its own; once it breaks a relation it is the error behind it.
      const worst = m.caused.some((c) => c.severity === 'error') ? 'error' : m.finding.severity;
      return worst === m.finding.severity ? m : { ...m, finding: { ...m.finding, severity: worst } };
    });
}

/** Total cells that are live formulas, from the formula texts the host read (a typed-over total is not one). */
export function liveFormulaCells(
  formatId: FormatId,
  formulas: Readonly<Record<CellId, string | undefined>>,
  findings: readonly Finding[],
): Set<CellId> {
  const format = getFormat(formatId);
  const broken = new Set(findings.filter((f) => f.rule.startsWith('F.')).flatMap((f) => f.cells));
  const out = new Set<CellId>();
  for (const [id, text] of Object.entries(formulas))
    if (text && format.cellById.get(id)?.sumOf && !broken.has(id)) out.add(id);
  return out;
}

/**
 * Beyond this many suspects the locator is saying "any of these" (a broken balance with nothing else to go on):
 * painting two dozen cells as most likely would point nowhere.
 */
export const MAX_STRONG_SUSPECTS = 3;

/**
 * The cells painted as most likely wrong: the one suspect a suggestion names (or the only suspect); a short list of
 * equally likely suspects; none when the locator can only say "any of these".
 */
export function mostLikely(f: Finding): CellId[] {
  if (f.suspects.length === 0 || f.suspects.length > MAX_STRONG_SUSPECTS) return [];
  const suggested = f.suggestion ? Object.keys(f.suggestion) : [];
  if (suggested.length === 1 && f.suspects[0] === suggested[0]) return [f.suspects[0]];
  return f.suspects;
}
