/**
 * The layout planner: turns a report format into a host-neutral sheet plan (values, formulas, merges, styles,
 * widths, names, conditional formats, unlocked input ranges). The Excel adapter and the .xlsx writer both apply
 * this one plan, so positions, labels and formulas exist in one place only.
 */
import { a1, rectA1 } from './a1';
import { REPORT_TITLE_SUFFIX } from './formats/labels';
import { COMMON_PLACEHOLDERS } from './values';
import { getFormat } from './formats';
import type { CellId, CellKind, DataCell, FormatId, ReportFormat, TableDef, TableId } from './types';

export type StyleKey = 'title' | 'heading' | 'caption' | 'header' | 'rowLabel' | 'input' | 'total';

export interface CellStyle {
  fontName: string;
  fontSize: number;
  bold: boolean;
  horizontal: 'Left' | 'Center' | 'Right';
  vertical: 'Center' | 'Top';
  wrap: boolean;
  border: boolean;
  /** Light background that tells totals (formulas) from inputs at a glance. */
  fill?: string;
  locked: boolean;
}

/** Fonts that print like a government report; Excel substitutes a Song face where these are missing. */
const REPORT_FONTS = { body: '宋体', heading: '黑体', title: '宋体' } as const;

export const STYLES: Record<StyleKey, CellStyle> = {
  title: {
    fontName: REPORT_FONTS.title,
    fontSize: 16,
    bold: true,
    horizontal: 'Center',
    vertical: 'Center',
    wrap: false,
    border: false,
    locked: true,
  },
  heading: {
    fontName: REPORT_FONTS.heading,
    fontSize: 12,
    bold: false,
    horizontal: 'Left',
    vertical: 'Center',
    wrap: false,
    border: false,
    locked: true,
  },
  caption: {
    fontName: REPORT_FONTS.body,
    fontSize: 10,
    bold: true,
    horizontal: 'Left',
    vertical: 'Center',
    wrap: true,
    border: true,
    locked: true,
  },
  header: {
    fontName: REPORT_FONTS.body,
    fontSize: 10,
    bold: true,
    horizontal: 'Center',
    vertical: 'Center',
    wrap: true,
    border: true,
    locked: true,
  },
  rowLabel: {
    fontName: REPORT_FONTS.body,
    fontSize: 10,
    bold: false,
    horizontal: 'Left',
    vertical: 'Center',
    wrap: true,
    border: true,
    locked: true,
  },
  input: {
    fontName: REPORT_FONTS.body,
    fontSize: 10,
    bold: false,
    horizontal: 'Center',
    vertical: 'Center',
    wrap: false,
    border: true,
    locked: false,
  },
  total: {
    fontName: REPORT_FONTS.body,
    fontSize: 10,
    bold: true,
    horizontal: 'Center',
    vertical: 'Center',
    wrap: false,
    border: true,
    fill: '#F2F2F2',
    locked: true,
  },
};

export const NUMBER_FORMATS: Record<CellKind, string> = {
  count: '0',
  signedCount: '0',
  amount: '0.0000',
};

interface PlanCell {
  row: number;
  col: number;
  address: string;
  style: StyleKey;
  value?: string | number;
  /** Excel formula text with the leading `=`. */
  formula?: string;
  numberFormat?: string;
  cellId?: CellId;
}

interface PlanMerge {
  row: number;
  col: number;
  rows: number;
  cols: number;
  address: string;
}

/** A conditional format that makes the workbook check itself where the add-in is not running. */
export interface PlanConditionalFormat {
  /** Rule id of the model this format mirrors (`T3.balance`, `T3.rowTotal`, `V.value` …). */
  rule: string;
  /** One or more A1 ranges sharing the formula. */
  ranges: string[];
  /** Formula relative to the top-left cell of the first range, without `=`; `TRUE` paints the cell. */
  formula: string;
  severity: 'error' | 'warning' | 'unfilled';
}

interface PlanTable {
  id: TableId;
  /** Absolute position of the table grid (header rows included, heading excluded). */
  row: number;
  col: number;
  rows: number;
  cols: number;
  address: string;
  /** Workbook-level name that finds the table again after it was moved. */
  name: string;
  headingAddress: string;
}

export interface SheetPlan {
  format: FormatId;
  year: number;
  org: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** The whole area the plan writes to, for the "is this range empty?" test. */
  address: string;
  cells: PlanCell[];
  merges: PlanMerge[];
  /** Width of each column of the area, in characters of the default font (Excel's column width unit). */
  columnWidths: number[];
  /** Row heights in points for rows that need more than one line; others keep the sheet default. */
  rowHeights: Record<number, number>;
  tables: PlanTable[];
  conditionalFormats: PlanConditionalFormat[];
  /** Ranges the user types into (unlocked when the sheet is protected). */
  inputRanges: string[];
  /** Absolute address of each data cell. */
  cellAddress: Record<CellId, string>;
}

interface PlanOptions {
  format?: FormatId;
  year: number;
  org?: string;
  /** Zero-based top-left corner of the area. */
  row?: number;
  col?: number;
}

export const TABLE_NAME_PREFIX = 'DisclosureTables_';

export function tableName(id: TableId): string {
  return `${TABLE_NAME_PREFIX}${id}`;
}

export function reportTitle(year: number, org: string): string {
  return `${org}${year}年${REPORT_TITLE_SUFFIX}`;
}

const COLUMN_WIDTHS = [14, 16, 34];
const VALUE_COLUMN_WIDTH = 10;
/** Approximate characters per line at 10 pt in a column `width` wide: CJK glyphs take two units. */
const LINE_HEIGHT_PT = 14;

function rowHeightFor(text: string, widthChars: number): number {
  const perLine = Math.max(1, Math.floor(widthChars / 2));
  const lines = Math.ceil([...text].length / perLine);
  return Math.max(1, lines) * LINE_HEIGHT_PT + 4;
}

export function planReport(opts: PlanOptions): SheetPlan {
  const format = getFormat(opts.format ?? '2021');
  const org = opts.org ?? '';
  const top = opts.row ?? 0;
  const left = opts.col ?? 0;
  const width = Math.max(...format.tables.map((t) => t.cols));
  const widths = Array.from({ length: width }, (_, i) => COLUMN_WIDTHS[i] ?? VALUE_COLUMN_WIDTH);

  const cells: PlanCell[] = [];
  const merges: PlanMerge[] = [];
  const rowHeights: Record<number, number> = {};
  const tables: PlanTable[] = [];
  const cellAddress: Record<CellId, string> = {};
  const put = (row: number, col: number, c: Omit<PlanCell, 'row' | 'col' | 'address'>) =>
    cells.push({ row, col, address: a1(row, col), ...c });
  const merge = (row: number, col: number, rows: number, cols: number) => {
    if (rows > 1 || cols > 1) merges.push({ row, col, rows, cols, address: rectA1({ row, col, rows, cols }) });
  };
  const needHeight = (row: number, text: string, colFrom: number, cols: number, rows: number) => {
    const w = widths.slice(colFrom - left, colFrom - left + cols).reduce((a, b) => a + b, 0);
    const h = rowHeightFor(text, w) / rows;
    if (h > (rowHeights[row] ?? 0) && h > LINE_HEIGHT_PT + 4) rowHeights[row] = Math.ceil(h);
  };

  let r = top;
  put(r, left, { style: 'title', value: reportTitle(opts.year, org) });
  merge(r, left, 1, width);
  rowHeights[r] = 28;
  r += 2;

  for (const t of format.tables) {
    put(r, left, { style: 'heading', value: t.heading });
    const headingAddress = a1(r, left);
    r++;
    placeTable(t, r, left);
    tables.push({
      id: t.id,
      row: r,
      col: left,
      rows: t.rows,
      cols: t.cols,
      address: rectA1({ row: r, col: left, rows: t.rows, cols: t.cols }),
      name: tableName(t.id),
      headingAddress,
    });
    r += t.rows + 1;
  }

  function placeTable(t: TableDef, row0: number, col0: number) {
    for (const l of t.labels) {
      const row = row0 + l.row;
      const col = col0 + l.col;
      put(row, col, { style: l.role, value: l.text });
      merge(row, col, l.rows, l.cols);
      if (l.role !== 'caption') needHeight(row, l.text, col, l.cols, l.rows);
    }
    for (const c of t.cells) {
      const row = row0 + c.row;
      const col = col0 + c.col;
      cellAddress[c.id] = a1(row, col);
      merge(row, col, c.rows, c.cols);
    }
    for (const c of t.cells) {
      const row = row0 + c.row;
      const col = col0 + c.col;
      const formula = c.sumOf ? `=SUM(${sumRange(c)})` : undefined;
      put(row, col, {
        style: c.role,
        cellId: c.id,
        numberFormat: NUMBER_FORMATS[c.kind],
        // Input cells start blank, not 0: "not filled yet" must be told apart from "filled with 0".
        ...(formula ? { formula } : {}),
      });
    }
  }

  /** Parts of a total always lie in the same table, placed before its totals, and in one contiguous run. */
  function sumRange(c: DataCell): string {
    const parts = (c.sumOf ?? []).map((id) => cellAddress[id]);
    return `${parts[0]}:${parts[parts.length - 1]}`;
  }

  const inputRanges = format.cells
    .filter((c) => c.role === 'input')
    .map((c) => {
      const t = tables.find((x) => x.id === c.table)!;
      return rectA1({ row: t.row + c.row, col: t.col + c.col, rows: c.rows, cols: c.cols });
    });

  const totalRows = r - 1 - top;
  return {
    format: format.id,
    year: opts.year,
    org,
    row: top,
    col: left,
    rows: totalRows,
    cols: width,
    address: rectA1({ row: top, col: left, rows: totalRows, cols: width }),
    cells,
    merges,
    columnWidths: widths,
    rowHeights,
    tables,
    conditionalFormats: selfChecks(format, tables, cellAddress),
    inputRanges,
    cellAddress,
  };
}

/**
 * Fill of the self-checking conditional formats, per severity: part of the plan, so that the Excel adapter and the
 * .xlsx writer paint the same colours. Deliberately paler than the add-in's own highlights (excel/palette.ts).
 */
export const SELF_CHECK_FILL = {
  error: '#FCE4E4',
  warning: '#FFF4D6',
  unfilled: '#FFF8E1',
} as const;

/** Blank or a common placeholder (`/`, `-`, `无` …): the model counts such a cell as unfilled, not as an error. */
function blankLike(ref: string): string {
  return `OR(LEN(${ref})=0,${COMMON_PLACEHOLDERS.map((p) => `${ref}="${p}"`).join(',')})`;
}

/** Absolute-row, relative-column reference, so one formula serves a whole row of cells. */
function rowAbs(address: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return `${m[1]}$${m[2]}`;
}

function colAbs(address: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return `$${m[1]}${m[2]}`;
}

function selfChecks(format: ReportFormat, tables: PlanTable[], addr: Record<CellId, string>): PlanConditionalFormat[] {
  const out: PlanConditionalFormat[] = [];
  const id3 = (row: string, col: string) => `T3.${row}.${col}`;
  const firstCol = format.t3.columns[0];
  const lastCol = format.t3.columns[format.t3.columns.length - 1];
  const rowRange = (row: string) => `${addr[id3(row, firstCol)]}:${addr[id3(row, lastCol)]}`;
  const cellIn = (row: string) => rowAbs(addr[id3(row, firstCol)]);

  // Balance, per column: 一 + 二 = 三（七） + 四. Mirrors T3.balance, blanks included: a column being filled is not
  // marked until no figure still to be typed could make it hold (三 + 四 already above 一 + 二 with 一 and 二 both
  // typed, or below them with every result and 四 typed).
  const leaves = format.t3.leafRows;
  const left = `${cellIn('NEW')}+${cellIn('CARRY_IN')}`;
  const right = `${cellIn('R7_TOTAL')}+${cellIn('CARRY_OUT')}`;
  const leftFilled = `LEN(${cellIn('NEW')})>0,LEN(${cellIn('CARRY_IN')})>0`;
  const rightFilled = `COUNT(${cellIn(leaves[0])}:${cellIn(leaves[leaves.length - 1])})=${leaves.length},LEN(${cellIn('CARRY_OUT')})>0`;
  // The 总计 column is left out: its cells are live sums of the applicant columns, so it balances when they do,
  // and its sums of cells still blank would read as typed zeros.
  const applicantRange = (row: string) =>
    `${addr[id3(row, firstCol)]}:${addr[id3(row, format.t3.applicantColumns[format.t3.applicantColumns.length - 1])]}`;
  out.push({
    rule: 'T3.balance',
    ranges: [
      applicantRange('NEW'),
      applicantRange('CARRY_IN'),
      applicantRange('R7_TOTAL'),
      applicantRange('CARRY_OUT'),
    ],
    formula: `OR(AND(${right}>${left},${leftFilled}),AND(${right}<${left},${rightFilled}))`,
    severity: 'error',
  });

  // 总计 column: a typed number that no longer equals the sum of the six applicant columns. Mirrors T3.rowTotal.
  const apps = format.t3.applicantColumns;
  const firstRow = format.t3.rows[0];
  const lastRow = format.t3.rows[format.t3.rows.length - 1];
  const tot = format.t3.columns[format.t3.columns.length - 1];
  out.push({
    rule: 'T3.rowTotal',
    ranges: [`${addr[id3(firstRow, tot)]}:${addr[id3(lastRow, tot)]}`],
    formula: `${colAbs(addr[id3(firstRow, tot)])}<>SUM(${colAbs(addr[id3(firstRow, apps[0])])}:${colAbs(
      addr[id3(firstRow, apps[apps.length - 1])],
    )})`,
    severity: 'error',
  });

  // （七）总计 row. Mirrors T3.resultTotal.
  out.push({
    rule: 'T3.resultTotal',
    ranges: [rowRange('R7_TOTAL')],
    formula: `${cellIn('R7_TOTAL')}<>SUM(${cellIn(leaves[0])}:${cellIn(leaves[leaves.length - 1])})`,
    severity: 'error',
  });

  // 表四 总计 of each group. Mirrors T4.groupTotal.
  for (const g of format.t4.groups) {
    const parts = format.t4.partColumns;
    const total = addr[`T4.${g}.${format.t4.columns[format.t4.columns.length - 1]}`];
    out.push({
      rule: 'T4.groupTotal',
      ranges: [total],
      formula: `${total}<>SUM(${addr[`T4.${g}.${parts[0]}`]}:${addr[`T4.${g}.${parts[parts.length - 1]}`]})`,
      severity: 'error',
    });
  }

  // Value kinds, per table: text, negative or fractional counts. Blank cells are unfilled, a lighter mark.
  for (const t of tables) {
    const def = format.tables.find((x) => x.id === t.id)!;
    for (const kind of ['count', 'signedCount', 'amount'] as CellKind[]) {
      const ids = def.cells.filter((c) => c.kind === kind).map((c) => c.id);
      if (!ids.length) continue;
      const ranges = ids.map((id) => addr[id]);
      const ref = ranges[0];
      const bad =
        kind === 'count'
          ? `OR(${ref}<0,${ref}<>INT(${ref}))`
          : kind === 'signedCount'
            ? `${ref}<>INT(${ref})`
            : `${ref}<0`;
      out.push({
        rule: 'V.value',
        ranges,
        formula: `IF(ISNUMBER(${ref}),${bad},NOT(${blankLike(ref)}))`,
        severity: 'error',
      });
      out.push({ rule: 'V.unfilled', ranges, formula: blankLike(ref), severity: 'unfilled' });
    }
  }
  return out;
}
