/**
 * Checks what a reader found, whatever the file kind (JSON, .xlsx, text, HTML, .docx): the cells, and what the
 * reader knows besides them (year, body, narrative, formulas and their addresses) become the checker's options,
 * so `check`, `sum` and the tests treat every input the same way.
 */
import { detectBodyLevel } from '../model/body-level';
import { check } from '../model/check';
import type { CheckOptions, CheckResult } from '../model/types';
import type { ReportInput } from './report-input';

/**
 * A body that names no level in the name read (or has none) but calls itself 我镇 / 本镇 / 我乡 / 本街道 in its
 * narrative is a town-level body (for `P.regulationsAtLocalLevel`).
 */
function levelFromNarrative(input: ReportInput): CheckOptions['bodyLevel'] | undefined {
  if (!input.narrative || (input.org && detectBodyLevel(input.org) !== 'unknown')) return undefined;
  return /(?:我|本)(?:镇|乡|街道)(?![村级长])/.test(input.narrative.replace(/\s+/g, '')) ? 'town' : undefined;
}

export function checkReportInput(input: ReportInput, options: CheckOptions = {}): CheckResult {
  const level = levelFromNarrative(input);
  return check(input.format, input.cells, {
    ...(level ? { bodyLevel: level } : {}),
    ...(input.year !== undefined ? { year: input.year } : {}),
    ...(input.org ? { org: input.org } : {}),
    ...(input.narrative ? { narrative: input.narrative } : {}),
    ...(input.formulas ? { formulas: input.formulas } : {}),
    ...(input.cellAddress ? { cellAddress: input.cellAddress } : {}),
    ...(input.unread?.length ? { unread: input.unread.map((u) => u.cell) } : {}),
    ...options,
  });
}
