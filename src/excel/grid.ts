/**
 * Matches what a named range holds against the format's grid of a table. Pure: takes the cell texts as read,
 * says where each data row of the format is found, and what does not fit (an inserted row, a missing row, a
 * changed header). This is what lets the adapter report a damaged table instead of misreading shifted numbers.
 */
import { normaliseLabel } from '../model/normalise';
import type { LabelCell, TableDef } from '../model/types';

interface GridMatch {
  /** Format grid row → row offset inside the read range, for every row found. */
  rowMap: Map<number, number>;
  /** Row offsets inside the range that belong to no row of the format. */
  extraRows: number[];
  /** Row labels of the format that were not found. */
  missingRows: string[];
  /** Header labels that are not where the format puts them. */
  badHeaders: string[];
  /** True when the range has the wrong number of columns: nothing can be mapped by position. */
  columnsChanged: boolean;
  /** Exactly the format's grid, with every label in place. */
  exact: boolean;
  /** Data cells can be mapped (possibly with rows realigned by their labels). */
  usable: boolean;
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function sameLabel(actual: unknown, label: LabelCell): boolean {
  return normaliseLabel(text(actual)) === normaliseLabel(label.text);
}

export function matchGrid(def: TableDef, values: readonly (readonly unknown[])[]): GridMatch {
  const rows = values.length;
  const cols = rows ? values[0].length : 0;
  const firstData = Math.min(...def.cells.map((c) => c.row));
  const at = (r: number, c: number): unknown => (r < rows && c < cols ? values[r][c] : '');

  const badHeaders = def.labels.filter((l) => l.row < firstData && !sameLabel(at(l.row, l.col), l)).map((l) => l.text);
  const columnsChanged = cols !== def.cols;

  // The label that starts on a row and sits furthest right identifies that row (`1.属于国家秘密`, a block caption).
  const anchor = new Map<number, LabelCell>();
  for (const l of def.labels) {
    const prev = anchor.get(l.row);
    if (!prev || l.col > prev.col) anchor.set(l.row, l);
  }

  const rowMap = new Map<number, number>();
  const missingRows: string[] = [];
  const used = new Set<number>();
  for (let r = 0; r < Math.min(firstData, rows); r++) {
    rowMap.set(r, r);
    used.add(r);
  }
  let next = firstData;
  for (let r = firstData; r < def.rows; r++) {
    const label = anchor.get(r);
    let found = -1;
    if (!label) {
      // A row without a label of its own (the data row of table 四) follows the row before it.
      if (next < rows) found = next;
    } else {
      for (let j = next; j < rows; j++) {
        if (sameLabel(at(j, label.col), label)) {
          found = j;
          break;
        }
      }
    }
    if (found < 0) {
      missingRows.push(label?.text ?? `#${r + 1}`);
      continue;
    }
    rowMap.set(r, found);
    used.add(found);
    next = found + 1;
  }
  const extraRows: number[] = [];
  for (let j = firstData; j < rows; j++) if (!used.has(j)) extraRows.push(j);

  const exact =
    !columnsChanged &&
    rows === def.rows &&
    badHeaders.length === 0 &&
    missingRows.length === 0 &&
    [...rowMap].every(([r, j]) => r === j);
  return {
    rowMap,
    extraRows,
    missingRows,
    badHeaders,
    columnsChanged,
    exact,
    usable: !columnsChanged && badHeaders.length === 0 && missingRows.length === 0,
  };
}
