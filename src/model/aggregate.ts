/**
 * What adds up when the reports of several bodies are consolidated (a city adding its bureaus), in one place for
 * `sum` (which writes the consolidated workbook) and `check TOTAL --parts FOLDER` (which checks one against its
 * parts):
 * - counts add (applications, results, 复议/诉讼 cases, documents issued and repealed);
 * - the in-force stock (现行有效件数) adds: each body counts the documents it made and still in force;
 * - the 2019 format's 本年增/减 adds with its sign, its 上一年项目数量 and 采购 figures add;
 * - money (`amount` cells: 行政事业性收费 in 万元, 2019 采购总金额) adds, kept to 4 decimals, the most the reports
 *   print, so that 0.1 + 0.2 compares equal to 0.3 and a sum never shows binary noise.
 * Every data cell of the format adds; the totals of a sum are the sums of the parts' totals (equal to the totals of
 * the summed inputs when each part adds up). Pure TS.
 */
import { getFormat } from './formats';
import { parseCell } from './values';
import type { CellId, CellKind, DataCell, FormatId, RawValue, RawValues } from './types';

/** Decimals kept for `amount` cells when they are added and compared. */
export const AMOUNT_DECIMALS = 4;

/** A sum as the consolidated report should state it. */
export function roundSum(kind: CellKind, n: number): number {
  return kind === 'amount' ? Number(n.toFixed(AMOUNT_DECIMALS)) : n;
}

/** Whether a consolidated figure equals the sum of its parts (amounts at `AMOUNT_DECIMALS`). */
export function sameSum(kind: CellKind, stated: number, sum: number): boolean {
  return roundSum(kind, stated) === roundSum(kind, sum);
}

interface Addition {
  /** The sum of each cell over the parts (unfilled and unreadable cells count as 0). */
  values: Record<CellId, number>;
  /** Cells some part left unfilled (or filled with something that is not a number): counted as 0. */
  unfilledSomewhere: CellId[];
  /**
   * Cells of a part holding text with a figure that is not a number (`3件`, `1573<U+200B>179`): the sum left
   * them out, so it is short of what the part meant. A caller must not present such a sum as the total.
   */
  misread: Misread[];
}

/** A part's cell whose text holds a figure but is not a number (`parseCell`): never added. */
export interface Misread {
  /** Index of the part in the list given. */
  part: number;
  cell: CellId;
}

/** Text with a digit that `parseCell` does not read as a number: a figure the sum would silently miss. */
function isMisread(raw: RawValue, filled: boolean): boolean {
  return !filled && typeof raw === 'string' && /[0-9０-９]/.test(raw);
}

/**
 * Adds the cells of reports of one format. `which`: `input` (what `sum` writes; its totals are the workbook's
 * formulas) or `all` (what `--parts` compares, totals included).
 */
export function addValues(formatId: FormatId, parts: readonly RawValues[], which: 'input' | 'all' = 'all'): Addition {
  const cells: DataCell[] = getFormat(formatId).cells.filter((c) => which === 'all' || c.role === 'input');
  const values: Record<CellId, number> = {};
  const unfilled: CellId[] = [];
  const misread: Misread[] = [];
  for (const c of cells) {
    let sum = 0;
    let blank = false;
    parts.forEach((p, part) => {
      const parsed = parseCell(p[c.id], c.kind);
      if (!parsed.filled) blank = true;
      if (isMisread(p[c.id], parsed.filled)) misread.push({ part, cell: c.id });
      sum += parsed.value;
    });
    values[c.id] = roundSum(c.kind, sum);
    if (blank) unfilled.push(c.id);
  }
  return { values, unfilledSomewhere: unfilled, misread };
}

/** A cell of a consolidated report that is not the sum of its parts. */
export interface PartsDifference {
  cell: CellId;
  /** What the consolidated report says (null: not filled there). */
  stated: number | null;
  /** The sum over the parts. */
  sum: number;
  /** stated − sum (stated counted as 0 when not filled). */
  difference: number;
}

/**
 * Every cell of the consolidated report against the sum of the parts' cells (`addValues(…, 'all')`): totals
 * included, so a consolidated total typed by hand is held to the parts too. A cell left unfilled in the
 * consolidated report differs when the parts add up to more than 0.
 */
export function compareWithParts(
  formatId: FormatId,
  total: RawValues,
  parts: readonly RawValues[],
): { differences: PartsDifference[]; sum: Addition } {
  const sum = addValues(formatId, parts, 'all');
  const differences: PartsDifference[] = [];
  for (const c of getFormat(formatId).cells) {
    const parsed = parseCell(total[c.id], c.kind);
    const stated = parsed.filled ? parsed.value : null;
    const s = sum.values[c.id];
    if (stated === null ? s === 0 : sameSum(c.kind, stated, s)) continue;
    differences.push({ cell: c.id, stated, sum: s, difference: roundSum(c.kind, (stated ?? 0) - s) });
  }
  return { differences, sum };
}
