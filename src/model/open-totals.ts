/**
 * A live total over blank cells is not a figure yet. Excel's SUM of a column still being filled shows 0, and the
 * checker would take that 0 as typed: the 总计 column's balance would fail as soon as 一 is typed (a wall of red
 * while the user fills from the top). A total that is a live formula and adds up a blank cell (directly or through
 * another total) is read as unfilled, like the cells it waits for; once every part is filled it is a figure again.
 * Pure; the Excel host applies it before checking, the self-checking template mirrors it in its formats.
 */
import { getFormat } from './formats';
import type { CellId, FormatId, RawValue } from './types';
import { isBlank } from './values';

export function openTotals(
  formatId: FormatId,
  values: Readonly<Record<CellId, RawValue>>,
  formulaCells: ReadonlySet<CellId>,
): Record<CellId, RawValue> {
  const format = getFormat(formatId);
  const open = new Map<CellId, boolean>();
  const isOpen = (id: CellId, depth: number): boolean => {
    const known = open.get(id);
    if (known !== undefined) return known;
    const def = format.cellById.get(id);
    const result =
      def?.sumOf && formulaCells.has(id) && depth < 4
        ? def.sumOf.some((p) => isOpen(p, depth + 1))
        : isBlank(values[id]);
    open.set(id, result);
    return result;
  };
  let out: Record<CellId, RawValue> | null = null;
  for (const id of formulaCells) {
    if (!format.cellById.get(id)?.sumOf || !isOpen(id, 0)) continue;
    out ??= { ...values };
    out[id] = null;
  }
  return out ?? (values as Record<CellId, RawValue>);
}
