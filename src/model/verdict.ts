/**
 * One word for a whole report, the same on every surface (command line, its JSON, the review workbook): a report
 * with blank cells is incomplete, never "passed", and one whose cells the reader could not all read is not
 * "passed" either (what was not read was not checked), without blaming the report for it.
 */
import type { CheckResult } from './types';

type ReportVerdict = 'errors' | 'incomplete' | 'warnings' | 'unread' | 'pass';

/** `unread`: how many cells the reader could not read (not the report's fault; 0 for a workbook or JSON). */
export function reportVerdict(r: CheckResult, unread = 0): ReportVerdict {
  if (r.findings.some((f) => f.severity === 'error')) return 'errors';
  // Before warnings: the blanks' own finding is a warning, and "incomplete" is what the user has to act on.
  if (r.unfilled.length > 0) return 'incomplete';
  if (r.findings.some((f) => f.severity === 'warning')) return 'warnings';
  if (unread > 0) return 'unread';
  return 'pass';
}
