/**
 * The operations the task pane needs from its host, as one interface, next to the pane that uses it. The Excel
 * implementation lives in `src/excel/`; the task pane receives an object of this type as a prop and never calls
 * `Excel` itself (the pattern of Microsoft's React task-pane template). Tests and the playground pass other
 * implementations; test/taskpane/host-contract.ts states what every implementation promises.
 *
 * No operation takes a language: the host returns findings and problems as data, and the pane renders them in the
 * language it shows (switching language is a re-render, not a new read).
 */
import type { EditAttribution } from '../model/recent-edit';
import type { WorkbookDelivery } from '../excel/open-workbook';
import type { CellId, CheckResult, FormatId, TableDamage, TableId } from '../model/types';
import type { MarkStatus, ReviewedMark } from '../model/reviewed-marks';

export interface GenerateRequest {
  format: FormatId;
  year: number;
  org: string;
  /** `newSheet`: a new worksheet; `selection`: starting at the top-left cell of the current selection. */
  target: 'newSheet' | 'selection';
  /** Protect the generated sheet so that only input cells accept typing (default true). */
  protect?: boolean;
}

/**
 * What became of a generate request. A refusal says why as data (the pane words it through the message table,
 * `generate.*` in src/model/messages/host.ts); `message` is only Excel's own text of an unexpected failure, or the
 * requirement sets missing.
 */
export type GenerateOutcome =
  | { ok: true; sheet: string; address: string }
  | { ok: false; reason: 'targetNotEmpty'; sheet: string; address: string }
  /** The sheet is protected, or already holds a set of tables (one set per sheet: its names are the sheet's). */
  | { ok: false; reason: 'sheetProtected' | 'sheetHoldsSet'; sheet: string }
  /** Several areas, a chart or a shape is selected: no one cell to start at. */
  | { ok: false; reason: 'badSelection' }
  | { ok: false; reason: 'unsupported' | 'failed'; message: string };

/** Problems of the host itself, not of the user's numbers: shown as a message in the pane. */
export type HostProblem =
  | { kind: 'noTables' }
  | { kind: 'unsupportedHost'; missing: string }
  | { kind: 'sheetProtected'; sheet: string }
  | { kind: 'tableDamaged'; table: TableId; damage: TableDamage }
  | { kind: 'failed'; message: string };

export interface TableLocation {
  table: TableId;
  sheet: string;
  address: string;
}

/** One set of the three tables in the workbook, listed so that the user can choose which one the pane checks. */
export interface TableSet {
  /** Which set: the id of the sheet that holds it (stable while the workbook is open, renames included). */
  id: string;
  /** The sheet's name as the user sees it on its tab. */
  sheet: string;
  /** The year the set was generated for; absent when the workbook does not say (a template from the CLI). */
  year?: number;
}

export interface HostCheck {
  /** Null when no tables were found (see `problems`). */
  result: CheckResult | null;
  /** Where each table stands in the workbook. */
  tables: TableLocation[];
  /** Sheet address of every data cell found, for navigation. */
  cellAddress: Record<CellId, string>;
  sheet: string | null;
  problems: HostProblem[];
  /** Whether highlights could be painted (false when the sheet forbids formatting). */
  painted: boolean;
  /** Totals that are live formulas now (a typed-over total is not one): they follow their parts. */
  formulaCells?: CellId[];
  /**
   * Failed relations put down to a cell the user just changed (by `rule|instance`): that cell is shown and painted
   * as the first suspect (see `src/model/recent-edit.ts`).
   */
  edits?: Record<string, EditAttribution>;
  /**
   * The year and body the tables were generated for (stored in the workbook with them, see
   * `src/excel/metadata.ts`); absent for tables the add-in did not generate (a template from the command line).
   * The import compares a report's year and body with these before writing.
   */
  report?: { year: number; org: string };
  /**
   * The 已核实 marks stored in the workbook and what became of each (see `src/model/reviewed-marks.ts`); warnings
   * whose mark is `quiet` are already left out of `result`.
   */
  marks?: MarkStatus[];
  /**
   * Every set of tables in the workbook, in sheet order, and which of them this check is of (`checkedSet`, a set's
   * id). The host checks the set on the active sheet when that sheet holds one, else the set it checked last, else
   * the one generated last; `chooseSet` picks another.
   */
  sets?: TableSet[];
  checkedSet?: string;
}

/** Text the pane wrote (the generated narrative) going into the workbook. */
export interface WriteTextRequest {
  /** The paragraphs in order. */
  lines: string[];
  /** `newSheet`: a new worksheet, one paragraph a row; `selection`: the whole text in the selected cell. */
  target: 'newSheet' | 'selection';
  /**
   * The cell the user agreed to replace (from a `targetNotEmpty` outcome): a selected cell that holds something is
   * replaced only when it is this one, so a selection changed in between is never written over unasked.
   */
  overwrite?: { sheet: string; address: string };
}

export type WriteTextOutcome =
  | { ok: true; sheet: string; address: string }
  /** The selected cell holds something: nothing was written; ask, then call again with `overwrite`. */
  | { ok: false; reason: 'targetNotEmpty'; sheet: string; address: string }
  /** The selected cell is a cell of the tables: text there would break them, so it is never written. */
  | { ok: false; reason: 'insideTables'; sheet: string; address: string }
  | { ok: false; reason: 'sheetProtected'; sheet: string }
  /** Several areas, a chart or a shape is selected: no one cell to write into. */
  | { ok: false; reason: 'badSelection' }
  | { ok: false; reason: 'failed'; message: string };

export interface HostOperations {
  /** Requirement sets the running host lacks; empty when everything needed is there. */
  missingRequirements(): string[];
  generate(req: GenerateRequest): Promise<GenerateOutcome>;
  /** Reads the tables, runs the model, paints the findings. */
  checkNow(): Promise<HostCheck>;
  /** Starts live checking; `onResult` is called after every check the host runs on its own. */
  startLive(onResult: (c: HostCheck) => void): Promise<void>;
  stopLive(): Promise<void>;
  /** Selects and scrolls to a data cell. */
  goToCell(id: CellId): Promise<void>;
  /**
   * Writes values into the tables' input cells in one batch (one undo step where Excel allows), then re-checks.
   * Used to apply a suggestion and to fill the tables from an imported report.
   */
  writeValues(values: Record<CellId, number>): Promise<HostCheck>;
  clearHighlights(): Promise<void>;
  /**
   * Hands a new workbook to the user where the task pane cannot download (desktop, Mac): opens it in Excel
   * (ExcelApi 1.8) or `downloadPage` in the browser; 'download' leaves it to the pane's link.
   */
  openWorkbook?(bytes: Uint8Array, downloadPage: string): Promise<WorkbookDelivery>;
  /**
   * Writes formulas back into total cells (the formula the add-in generated, for a total typed over), then re-checks.
   * Only total cells of the tables; anything else is refused.
   */
  restoreFormulas?(formulas: Record<CellId, string>): Promise<HostCheck>;
  /** The .xlsx template as bytes, for offices where the add-in cannot be installed. */
  templateFile?(req: Omit<GenerateRequest, 'target' | 'protect'>): Promise<Uint8Array>;
  /** Writes text into a new sheet or the selected cell; never over a non-empty cell the user did not agree to. */
  writeText?(req: WriteTextRequest): Promise<WriteTextOutcome>;
  /**
   * Stores a 已核实 mark in the workbook (replacing an earlier mark of the same warning), then re-checks. A mark of
   * an error or a malformed one is not stored.
   */
  markReviewed?(mark: ReviewedMark): Promise<HostCheck>;
  /** Removes the mark with this key (`markKey`), then re-checks. */
  unmarkReviewed?(key: string): Promise<HostCheck>;
  /**
   * Checks the set with this id (one of `HostCheck.sets`) from now on and shows its sheet, as a click on its tab
   * would; an id no longer in the workbook changes nothing.
   */
  chooseSet?(id: string): Promise<HostCheck>;
}
