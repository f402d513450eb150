/**
 * Checks what a reader found, whatever the file kind (JSON, .xlsx, text, HTML, .docx): the cells, and what the
 * reader knows besides them (year, body, narrative, formulas and their addresses) become the checker's options,
 * so `check`, `sum` and the tests treat every input the same way.
 */
import { check } from '../model/check';
import type { CheckOptions, CheckResult } from '../model/types';
import type { ReportInput } from './report-input';

export function checkReportInput(input: ReportInput, options: CheckOptions = {}): CheckResult {
  return check(input.format, input.cells, {
    ...(input.year !== undefined ? { year: input.year } : {}),
    ...(input.org ? { org: input.org } : {}),
    ...(input.narrative ? { narrative: input.narrative } : {}),
    ...(input.formulas ? { formulas: input.formulas } : {}),
    ...(input.cellAddress ? { cellAddress: input.cellAddress } : {}),
    ...(input.unread?.length ? { unread: input.unread.map((u) => u.cell) } : {}),
    ...options,
  });
}
