/**
 * Turns the label data of `labels.ts` into table grids with merges and canonical cell ids. The grid follows the
 * spec's sheet layout exactly, so the layout planner only has to place a grid, never to know a label.
 */
import type { CellId, DataCell, FormatId, LabelCell, ReportFormat, TableDef, TableId } from '../types';
import {
  DOC_SECTIONS,
  FORMAT_SOURCES,
  T2_BLOCKS_2019,
  T2_BLOCKS_2021,
  T3_APPLICANTS,
  T3_COLUMNS,
  T3_CORNER,
  T3_ENTRIES_2019,
  T3_ENTRIES_2021,
  T3_ORGS,
  T3_RESULT_TOTAL_ROW,
  T3_TOTAL_COLUMN,
  T4_COLUMNS,
  T4_GROUPS,
  T4_TOTAL_COLUMN,
  type T2Block,
  type T3Entry,
} from './labels';

const T2_VALUE_COLS = 3;

/** How n value columns share the three value columns of table 二: the last one takes what is left. */
function spreadColumns(n: number): { col: number; cols: number }[] {
  const out: { col: number; cols: number }[] = [];
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    out.push({ col: 1 + i, cols: last ? T2_VALUE_COLS - i : 1 });
  }
  return out;
}

export function cellId(table: TableId, row: string, col: string): CellId {
  return `${table}.${row}.${col}`;
}

function buildT2(blocks: T2Block[]): TableDef {
  const labels: LabelCell[] = [];
  const cells: DataCell[] = [];
  let r = 0;
  for (const block of blocks) {
    labels.push({ row: r, col: 0, rows: 1, cols: 1 + T2_VALUE_COLS, text: block.caption, role: 'caption' });
    r++;
    const spread = spreadColumns(block.columns.length);
    labels.push({ row: r, col: 0, rows: 1, cols: 1, text: block.header, role: 'header' });
    block.columns.forEach((c, i) => labels.push({ row: r, ...spread[i], rows: 1, text: c.label, role: 'header' }));
    r++;
    for (const row of block.rows) {
      labels.push({ row: r, col: 0, rows: 1, cols: 1, text: row.label, role: 'rowLabel' });
      block.columns.forEach((c, i) =>
        cells.push({
          id: cellId('T2', row.key, c.key),
          table: 'T2',
          rowKey: row.key,
          colKey: c.key,
          row: r,
          ...spread[i],
          rows: 1,
          kind: c.kind,
          role: 'input',
          rowLabel: row.label,
          colLabel: c.label,
        }),
      );
      r++;
    }
  }
  return {
    id: 'T2',
    heading: DOC_SECTIONS.t2,
    shortName: { zh: '表二', en: 'Table 2' },
    rows: r,
    cols: 1 + T2_VALUE_COLS,
    labels,
    cells,
  };
}

interface T3RowInfo {
  key: string;
  label: string;
  leaf: boolean;
}

const T3_LABEL_COLS = 3;
const T3_HEADER_ROWS = 3;

function buildT3(entries: T3Entry[]): { table: TableDef; rows: T3RowInfo[] } {
  const labels: LabelCell[] = [
    { row: 0, col: 0, rows: 3, cols: 3, text: T3_CORNER, role: 'header' },
    { row: 0, col: 3, rows: 1, cols: T3_COLUMNS.length, text: T3_APPLICANTS, role: 'header' },
  ];
  const orgCols = T3_COLUMNS.filter((c) => c.org);
  T3_COLUMNS.forEach((c, i) => {
    const col = T3_LABEL_COLS + i;
    if (!c.org) labels.push({ row: 1, col, rows: 2, cols: 1, text: c.label, role: 'header' });
    else labels.push({ row: 2, col, rows: 1, cols: 1, text: c.label, role: 'header' });
  });
  const firstOrg = T3_LABEL_COLS + T3_COLUMNS.findIndex((c) => c.org);
  labels.push({ row: 1, col: firstOrg, rows: 1, cols: orgCols.length, text: T3_ORGS, role: 'header' });

  const rows: T3RowInfo[] = [];
  let r = T3_HEADER_ROWS;
  for (const e of entries) {
    if (e.type === 'row') {
      labels.push({ row: r, col: 0, rows: 1, cols: 3, text: e.label, role: 'rowLabel' });
      rows.push({ key: e.key, label: e.label, leaf: false });
      r++;
      continue;
    }
    const start = r;
    for (const cat of e.categories) {
      if (cat.key) {
        labels.push({ row: r, col: 1, rows: 1, cols: 2, text: cat.label, role: 'rowLabel' });
        rows.push({ key: cat.key, label: cat.label, leaf: cat.key !== T3_RESULT_TOTAL_ROW });
        r++;
      } else {
        const items = cat.items ?? [];
        labels.push({ row: r, col: 1, rows: items.length, cols: 1, text: cat.label, role: 'rowLabel' });
        for (const item of items) {
          labels.push({ row: r, col: 2, rows: 1, cols: 1, text: item.label, role: 'rowLabel' });
          rows.push({ key: item.key, label: `${cat.label}${item.label}`, leaf: true });
          r++;
        }
      }
    }
    labels.push({ row: start, col: 0, rows: r - start, cols: 1, text: e.label, role: 'rowLabel' });
  }

  const leafKeys = rows.filter((x) => x.leaf).map((x) => x.key);
  const applicantKeys = T3_COLUMNS.filter((c) => c.key !== T3_TOTAL_COLUMN).map((c) => c.key);
  const cells: DataCell[] = [];
  rows.forEach((row, i) => {
    T3_COLUMNS.forEach((c, j) => {
      const isTotCol = c.key === T3_TOTAL_COLUMN;
      const isTotRow = row.key === T3_RESULT_TOTAL_ROW;
      const sumOf = isTotCol
        ? applicantKeys.map((k) => cellId('T3', row.key, k))
        : isTotRow
          ? leafKeys.map((k) => cellId('T3', k, c.key))
          : undefined;
      cells.push({
        id: cellId('T3', row.key, c.key),
        table: 'T3',
        rowKey: row.key,
        colKey: c.key,
        row: T3_HEADER_ROWS + i,
        col: T3_LABEL_COLS + j,
        rows: 1,
        cols: 1,
        kind: 'count',
        role: sumOf ? 'total' : 'input',
        ...(sumOf ? { sumOf } : {}),
        rowLabel: row.label,
        colLabel: c.org ? `${T3_ORGS}·${c.label}` : c.label,
      });
    });
  });
  return {
    table: {
      id: 'T3',
      heading: DOC_SECTIONS.t3,
      shortName: { zh: '表三', en: 'Table 3' },
      rows: r,
      cols: T3_LABEL_COLS + T3_COLUMNS.length,
      labels,
      cells,
    },
    rows,
  };
}

function buildT4(): TableDef {
  const width = T4_COLUMNS.length;
  const labels: LabelCell[] = [];
  const cells: DataCell[] = [];
  const parents = [...new Set(T4_GROUPS.map((g) => g.parent))];
  for (const parent of parents) {
    const idx = T4_GROUPS.findIndex((g) => g.parent === parent);
    const n = T4_GROUPS.filter((g) => g.parent === parent).length;
    labels.push({ row: 0, col: idx * width, rows: 1, cols: n * width, text: parent, role: 'header' });
  }
  T4_GROUPS.forEach((g, gi) => {
    const base = gi * width;
    const standalone = g.parent === g.label;
    if (!standalone) labels.push({ row: 1, col: base, rows: 1, cols: width, text: g.label, role: 'header' });
    T4_COLUMNS.forEach((c, ci) => {
      labels.push(
        standalone
          ? { row: 1, col: base + ci, rows: 2, cols: 1, text: c.label, role: 'header' }
          : { row: 2, col: base + ci, rows: 1, cols: 1, text: c.label, role: 'header' },
      );
      const isTotal = c.key === T4_TOTAL_COLUMN;
      cells.push({
        id: cellId('T4', g.key, c.key),
        table: 'T4',
        rowKey: g.key,
        colKey: c.key,
        row: 3,
        col: base + ci,
        rows: 1,
        cols: 1,
        kind: 'count',
        role: isTotal ? 'total' : 'input',
        ...(isTotal
          ? { sumOf: T4_COLUMNS.filter((x) => x.key !== T4_TOTAL_COLUMN).map((x) => cellId('T4', g.key, x.key)) }
          : {}),
        rowLabel: standalone ? g.label : `${g.parent}·${g.label}`,
        colLabel: c.label,
      });
    });
  });
  return {
    id: 'T4',
    heading: DOC_SECTIONS.t4,
    shortName: { zh: '表四', en: 'Table 4' },
    rows: 4,
    cols: T4_GROUPS.length * width,
    labels,
    cells,
  };
}

/** A format definition from the layout data; `prepare(id).format` holds the one every caller shares. */
export function buildFormat(id: FormatId): ReportFormat {
  const t2 = buildT2(id === '2021' ? T2_BLOCKS_2021 : T2_BLOCKS_2019);
  const { table: t3, rows } = buildT3(id === '2021' ? T3_ENTRIES_2021 : T3_ENTRIES_2019);
  const t4 = buildT4();
  const tables = [t2, t3, t4];
  const cells = tables.flatMap((t) => t.cells);
  return {
    id,
    source: FORMAT_SOURCES[id],
    tables,
    cells,
    cellById: new Map(cells.map((c) => [c.id, c])),
    t3: {
      rows: rows.map((r) => r.key),
      leafRows: rows.filter((r) => r.leaf).map((r) => r.key),
      columns: T3_COLUMNS.map((c) => c.key),
      applicantColumns: T3_COLUMNS.filter((c) => c.key !== T3_TOTAL_COLUMN).map((c) => c.key),
    },
    t4: {
      groups: T4_GROUPS.map((g) => g.key),
      columns: T4_COLUMNS.map((c) => c.key),
      partColumns: T4_COLUMNS.filter((c) => c.key !== T4_TOTAL_COLUMN).map((c) => c.key),
    },
  };
}
