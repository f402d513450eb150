/**
 * One prepared object per format: the format definition and everything the model derives from it, each part built
 * on first use and then kept for the life of the process (the format data is immutable, so nothing goes stale).
 * This is the one place per-format work is kept: a module that needs such data is handed this object, or takes it
 * from `prepare(id)`, instead of keeping a memo of its own. The readers' own derived data (text row keys, workbook
 * label keys and table shapes) lives in `src/io/prepared.ts`, which composes this object: io may import the model,
 * never the reverse.
 *
 * The part builders live with the code that uses their output and import neither this module nor
 * `formats/index.ts` at run time, so that `getFormat` can be `prepare(id).format` without an import cycle.
 */
import { buildFormat } from './formats/build';
import { formatTotals, type Total } from './formula-check';
import { dependentsOf, LocatorMemo } from './locate';
import { rateDefinitionsOf, type RateDefinitions } from './rate-definitions';
import { buildRules, type FormatRules } from './rules/instances';
import type { CellId, FormatId, ReportFormat } from './types';

export class PreparedFormat {
  readonly format: ReportFormat;
  /**
   * What the error locator keeps between checks: the effect of each cell and the candidates of each set of
   * failed equations, per set of live formula totals (they stay the same from one edit to the next).
   */
  readonly locator = new LocatorMemo();
  private rulesPart?: FormatRules;
  private dependentsPart?: ReadonlyMap<CellId, readonly CellId[]>;
  private totalsPart?: readonly Total[];
  private ratesPart?: RateDefinitions;

  constructor(readonly id: FormatId) {
    this.format = buildFormat(id);
  }

  /** The equations, cell positions and cell meanings `check()` and the renderer use. */
  get rules(): FormatRules {
    return (this.rulesPart ??= buildRules(this.format));
  }

  /** For each cell, the totals that add it up directly (parts → totals): what follows it when it changes. */
  get dependents(): ReadonlyMap<CellId, readonly CellId[]> {
    return (this.dependentsPart ??= dependentsOf(this.format));
  }

  /** The totals whose formulas `checkFormulas` judges, each remembering the layout it was last seen in. */
  get totals(): readonly Total[] {
    return (this.totalsPart ??= formatTotals(this.format));
  }

  /** The cells each rate adds up above and below the line. */
  get rates(): RateDefinitions {
    return (this.ratesPart ??= rateDefinitionsOf(this.format));
  }
}

/** The prepared formats: two at most, one per format id, never evicted. */
const PREPARED = new Map<FormatId, PreparedFormat>();

/** The prepared object of a format: built on the first call, the same object on every later one. */
export function prepare(id: FormatId): PreparedFormat {
  let p = PREPARED.get(id);
  if (!p) {
    p = new PreparedFormat(id);
    PREPARED.set(id, p);
  }
  return p;
}
