/**
 * A table of the format as rows of an HTML table: every label and data cell at its place in the table's grid, with
 * its row and column span, the places a span covers left out. The import preview lays the tables out like this, so
 * they read as the printed tables do.
 */
import type { DataCell, LabelCell, TableDef } from '../model/types';

type GridItem = { kind: 'label'; label: LabelCell } | { kind: 'cell'; cell: DataCell };

interface GridEntry {
  item: GridItem;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function previewGrid(table: TableDef): GridEntry[][] {
  const rows: GridEntry[][] = Array.from({ length: table.rows }, () => []);
  const entries: GridEntry[] = [
    ...table.labels.map((label) => ({ item: { kind: 'label' as const, label }, ...span(label) })),
    ...table.cells.map((cell) => ({ item: { kind: 'cell' as const, cell }, ...span(cell) })),
  ];
  for (const e of entries) rows[e.row]?.push(e);
  for (const r of rows) r.sort((a, b) => a.col - b.col);
  return rows;
}

function span(x: { row: number; col: number; rows: number; cols: number }) {
  return { row: x.row, col: x.col, rows: x.rows, cols: x.cols };
}
