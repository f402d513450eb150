/**
 * Requirement sets the adapter relies on. Checked once at start so the task pane can say plainly what the running
 * Excel lacks instead of failing on the first call.
 */

/** Needed for the core: names with formulas, settings, conditional formats, onChanged with addresses. */
export const REQUIRED_SETS = ['1.4', '1.6', '1.7'] as const;

interface RequirementsLike {
  isSetSupported(name: string, version?: string): boolean;
}

function requirements(): RequirementsLike | undefined {
  const office = (globalThis as { Office?: { context?: { requirements?: RequirementsLike } } }).Office;
  return office?.context?.requirements;
}

/**
 * Missing requirement sets, as `ExcelApi 1.x`. Outside Office (no `Office.context.requirements`) the answer depends
 * on whether an `Excel` namespace is present at all: the stand-in provides one and supports what we use.
 */
export function missingRequirements(): string[] {
  const req = requirements();
  if (!req) return typeof (globalThis as { Excel?: unknown }).Excel === 'undefined' ? ['ExcelApi 1.7'] : [];
  return REQUIRED_SETS.filter((v) => !safeSupported(req, v)).map((v) => `ExcelApi ${v}`);
}

/** Optional sets improve behaviour when present (event trigger source, change details). */
export function supports(version: string): boolean {
  const req = requirements();
  return req ? safeSupported(req, version) : true;
}

function safeSupported(req: RequirementsLike, version: string): boolean {
  try {
    return req.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}
