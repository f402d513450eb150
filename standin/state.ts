/**
 * The workbook as data. Plain objects and Maps only, so a whole workbook can be copied with `structuredClone`
 * for undo.
 */
import type { Rect } from '../src/model/a1';

/** An error value such as `#DIV/0!`; plain data (not a class) so it survives `structuredClone`. */
export interface ErrorValue {
  error: string;
}

export type Scalar = number | string | boolean | null | ErrorValue;

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === 'object' && v !== null && typeof (v as ErrorValue).error === 'string';
}

export interface BorderState {
  style: string;
  color: string;
  weight: string;
}

interface FontState {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  color: string;
  underline: string;
  strikethrough: boolean;
}

export interface CellFormat {
  /** `null`: no fill. */
  fill: string | null;
  font: FontState;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  /** Only the four edges of a single cell are stored; inside borders are expanded to edges when set. */
  borders: Partial<
    Record<'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'DiagonalDown' | 'DiagonalUp', BorderState>
  >;
  locked: boolean;
  formulaHidden: boolean;
  numberFormat: string;
}

export interface Cell {
  /** Formula text with its leading `=`, or null for a constant. */
  formula: string | null;
  /** The constant typed, or the formula's computed result. */
  value: Scalar;
  fmt: CellFormat;
}

export interface ConditionalFormatState {
  id: string;
  type: string;
  rects: Rect[];
  /** For `Custom`: the rule formula with its leading `=`, relative to the top-left cell of the first rect. */
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  stopIfTrue: boolean;
  /** Any other properties an adapter set (kept, not interpreted). */
  extra: Record<string, unknown>;
}

export interface ValidationState {
  rect: Rect;
  rule: Record<string, unknown>;
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  prompt: { message: string; showPrompt: boolean; title: string };
  ignoreBlanks: boolean;
}

export interface ProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: string;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: string;
  tabColor: string;
  /** Key: row * MAX_COLS + col. */
  cells: Map<number, Cell>;
  merges: Rect[];
  /** Points. */
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  conditionalFormats: ConditionalFormatState[];
  validations: ValidationState[];
  protection: { protected: boolean; options: ProtectionOptions; password: string | null };
  frozen: { rows: number; cols: number };
  /** Selection of this sheet (kept per sheet, as Excel does). */
  selection: Rect;
}

export interface NamedItemState {
  name: string;
  /** `=Sheet1!$A$1:$B$2` or a constant formula. */
  formula: string;
  comment: string;
  visible: boolean;
  /** Sheet id when the name is scoped to a worksheet. */
  scope: string | null;
}

export interface WorkbookState {
  sheets: SheetState[];
  names: NamedItemState[];
  /** Settings are stored as JSON text, as Office persists them. */
  settings: Map<string, string>;
  activeSheetId: string;
  nextId: number;
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;
const DEFAULT_FONT: FontState = {
  name: 'Calibri',
  size: 11,
  bold: false,
  italic: false,
  color: '#000000',
  underline: 'None',
  strikethrough: false,
};

export function defaultFormat(): CellFormat {
  return {
    fill: null,
    font: { ...DEFAULT_FONT },
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
    indentLevel: 0,
    borders: {},
    locked: true,
    formulaHidden: false,
    numberFormat: 'General',
  };
}

function defaultProtectionOptions(): ProtectionOptions {
  return {
    allowAutoFilter: false,
    allowDeleteColumns: false,
    allowDeleteRows: false,
    allowEditObjects: false,
    allowEditScenarios: false,
    allowFormatCells: false,
    allowFormatColumns: false,
    allowFormatRows: false,
    allowInsertColumns: false,
    allowInsertHyperlinks: false,
    allowInsertRows: false,
    allowPivotTables: false,
    allowSort: false,
    selectionMode: 'Normal',
  };
}

export function newSheet(id: string, name: string): SheetState {
  return {
    id,
    name,
    visibility: 'Visible',
    tabColor: '',
    cells: new Map(),
    merges: [],
    colWidths: new Map(),
    rowHeights: new Map(),
    conditionalFormats: [],
    validations: [],
    protection: { protected: false, options: defaultProtectionOptions(), password: null },
    frozen: { rows: 0, cols: 0 },
    selection: { row: 0, col: 0, rows: 1, cols: 1 },
  };
}

export function isBlank(c: Cell | undefined): boolean {
  return !c || (c.formula === null && (c.value === null || c.value === ''));
}

/** A cell format to change: formats are never changed in place, so that undo snapshots can share them. */
export function copyFormat(f: CellFormat): CellFormat {
  const borders: CellFormat['borders'] = {};
  for (const k in f.borders) {
    const b = f.borders[k as keyof CellFormat['borders']];
    if (b) borders[k as keyof CellFormat['borders']] = { ...b };
  }
  return { ...f, font: { ...f.font }, borders };
}

const cloneRect = (r: Rect): Rect => ({ ...r });

function hasKeys(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return true;
  return false;
}

/**
 * A copy of the workbook for the undo stack, taken before every change. Written out for the shapes above because
 * `structuredClone` of a sheet of a few thousand cells was the stand-in's hottest spot under the live fuzz. Cells and
 * cell formats are shared with the live book, which never changes one in place: it puts a new cell (or a copied
 * format, copyFormat) where one changes. Free-form records (format extras, validation rules) go through
 * `structuredClone`.
 */
export function cloneState(s: WorkbookState): WorkbookState {
  return {
    sheets: s.sheets.map((sh) => {
      return {
        ...sh,
        cells: new Map(sh.cells),
        merges: sh.merges.map(cloneRect),
        colWidths: new Map(sh.colWidths),
        rowHeights: new Map(sh.rowHeights),
        conditionalFormats: sh.conditionalFormats.map((cf) => ({
          ...cf,
          rects: cf.rects.map(cloneRect),
          // Most formats carry no extras: an empty record needs no structured clone (once per format per change).
          extra: hasKeys(cf.extra) ? structuredClone(cf.extra) : {},
        })),
        validations: sh.validations.map((v) => structuredClone(v)),
        protection: { ...sh.protection, options: { ...sh.protection.options } },
        frozen: { ...sh.frozen },
        selection: cloneRect(sh.selection),
      };
    }),
    names: s.names.map((n) => ({ ...n })),
    settings: new Map(s.settings),
    activeSheetId: s.activeSheetId,
    nextId: s.nextId,
  };
}
