/**
 * Shared vocabulary of the report model. Everything here is plain data so that the Excel adapter, the .xlsx
 * writer, the text importer, the task pane and the command line all speak about cells by canonical id only.
 */

export type FormatId = '2021' | '2019';
export type TableId = 'T2' | 'T3' | 'T4';
/** Canonical cell id `TABLE.ROW.COL`, for example `T3.NEW.NP`. */
export type CellId = string;
export type Lang = 'zh' | 'en';

/**
 * `count`: integer ≥ 0. `signedCount`: integer, may be negative (2019 `本年增/减`).
 * `amount`: decimal ≥ 0 (`T2.FEE.AMOUNT` in 万元, 2019 `采购总金额`).
 */
export type CellKind = 'count' | 'signedCount' | 'amount';

/**
 * `input`: the user types it. `total`: generated as a live formula (`formula` says how), and still checked,
 * because published tables are typed by hand and generated ones get overwritten.
 */
type CellRole = 'input' | 'total';

/** Zero-based position inside a table's own grid (row 0 is the table's first header row). */
interface GridPos {
  row: number;
  col: number;
}

interface GridSpan extends GridPos {
  rows: number;
  cols: number;
}

export interface LabelCell extends GridSpan {
  text: string;
  /** `caption`: a block caption row; `header`: a column header; `rowLabel`: a row label. */
  role: 'caption' | 'header' | 'rowLabel';
}

export interface DataCell extends GridSpan {
  id: CellId;
  table: TableId;
  rowKey: string;
  colKey: string;
  kind: CellKind;
  role: CellRole;
  /** For totals: the cells the live formula adds up (a SUM over a contiguous range of the grid). */
  sumOf?: CellId[];
  /** Human names of the row and the column, verbatim labels, for messages and the task pane. */
  rowLabel: string;
  colLabel: string;
}

export interface TableDef {
  id: TableId;
  /** Section heading printed above the table, verbatim (for example `三、收到和处理政府信息公开申请情况`). */
  heading: string;
  /** Short name for the UI (`表二`). */
  shortName: { zh: string; en: string };
  rows: number;
  cols: number;
  labels: LabelCell[];
  cells: DataCell[];
}

export interface ReportFormat {
  id: FormatId;
  /** The document that issued the format, for the UI and the CLI. */
  source: string;
  tables: TableDef[];
  /** Every data cell of every table, in reading order. */
  cells: DataCell[];
  /** O(1) lookup by id. */
  cellById: ReadonlyMap<CellId, DataCell>;
  /** Row and column keys of the tables that carry arithmetic, in sheet order. */
  t3: { rows: string[]; leafRows: string[]; columns: string[]; applicantColumns: string[] };
  t4: { groups: string[]; columns: string[]; partColumns: string[] };
}

/** What a caller hands to the checker: numbers, the raw strings a user typed, or null/undefined for blank. */
export type RawValue = number | string | null | undefined;
export type RawValues = Readonly<Record<CellId, RawValue>>;

export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'T3.balance'
  | 'T3.rowTotal'
  | 'T3.resultTotal'
  | 'T4.groupTotal'
  | 'V.notNumber'
  | 'V.negative'
  | 'V.fraction'
  | 'V.fullWidth'
  | 'V.textNumber'
  | 'V.unfilled'
  | 'P.issuedVsInForce'
  | 'P.feeDecimals'
  | 'P.regulationsAtLocalLevel'
  | 'P.sameAsLastYear'
  | 'X.carry'
  | 'X.inForce'
  | 'P.copiedText'
  | 'F.notFormula'
  | 'F.formulaRange'
  | 'FMT.outdated'
  | NarrativeRuleId;

/** The narrative rules: a figure of 一、总体情况 against the tables (`rules/narrative.ts`). */
export type NarrativeRuleId =
  | 'N.received'
  | 'N.noApplications'
  | 'N.carryIn'
  | 'N.completed'
  | 'N.carryOut'
  | 'N.review'
  | 'N.suit'
  | 'N.resultCount'
  | 'N.resultPercent'
  | 'N.allCompleted'
  | 'N.allUpheld';

/** Why a suggested value was chosen: the only correction that satisfies every rule, or a digit typo (swapped digits). */
type Evidence = 'unique' | 'digitTypo';

/**
 * What a finding knows besides its cells and numbers, as data: a cell's text as typed (`raw`), a formula, the
 * narrative's phrase, the body level, how sure the error locator is (`suspicion`). Never a sentence: the words
 * come from the message table when the finding is rendered (`renderFinding`).
 */
export type FindingParams = Record<string, string | number | readonly number[]>;

export interface Finding {
  rule: RuleId;
  /** Identifies the rule instance (for example the column `NP` of `T3.balance`), stable across checks. */
  instance: string;
  severity: Severity;
  table?: TableId;
  /** Every cell the failed relation involves. */
  cells: CellId[];
  /** The value as written in the report (for a sum: the total cell; for the balance: 三 + 四). */
  reported?: number;
  /** The value the relation implies (for a sum: the sum of the parts; for the balance: 一 + 二). */
  computed?: number;
  /** reported − computed. */
  imbalance?: number;
  /** The cells most likely wrong (smallest change that satisfies every rule); empty when nothing can be said. */
  suspects: CellId[];
  /** Corrected values for the suspects, when one correction is clearly the right one. */
  suggestion?: Record<CellId, number>;
  /** Why the suggestion was chosen, for example a transposed-digit typo. */
  suggestionReason?: Evidence;
  /** The rest of what the finding says, as data; the sentence is written by `renderFinding` in the reader's language. */
  params: FindingParams;
}

/** A finding as a rule writes it: the severity is the registry's, added by the checker's loop. */
export type FindingDraft = Omit<Finding, 'severity'>;

/**
 * What is wrong with a generated table in a workbook, as data (the pane words it through the message table):
 * its name points nowhere (`deleted`), it is not there (`notFound`), or its layout differs from the format.
 */
export type TableDamage =
  | { kind: 'deleted' }
  | { kind: 'notFound' }
  | {
      kind: 'layout';
      /** The number of columns the table should have, when it has another. */
      columns?: number;
      /** Header texts that were changed. */
      badHeaders: string[];
      /** Sheet row numbers (1-based) that are not part of the format. */
      extraRows: number[];
      /** Row labels the table lacks. */
      missingRows: string[];
      /** Whether the values could still be read by their row labels. */
      usable: boolean;
    };

export interface RuleSummary {
  rule: RuleId;
  checked: number;
  passed: number;
  failed: number;
  incomplete: number;
}

export interface CheckOptions {
  /** Last year's values (any format), enables `X.carry`, `X.inForce` and `P.sameAsLastYear`. */
  previous?: RawValues;
  previousFormat?: FormatId;
  /** Ids of total cells that are live formulas: the error locator then prefers input cells as suspects. */
  formulaCells?: ReadonlySet<CellId> | readonly CellId[];
  /**
   * Formula text of the data cells as read from a sheet (`=SUM(D23:I23)`; absent or '' for a typed value), with
   * `cellAddress`: enables the `F.` findings (a total typed over, a SUM range that no longer covers its parts)
   * and makes every intact total formula count as a formula cell for the error locator.
   */
  formulas?: Readonly<Record<CellId, string | undefined>>;
  cellAddress?: Readonly<Record<CellId, string>>;
  /** The level of the body, when known, for `P.regulationsAtLocalLevel`. */
  bodyLevel?: 'central' | 'province' | 'city' | 'county' | 'town' | 'unknown';
  /** The body's name (机关名称): its level is read from it (县, 镇, 街道 …) when `bodyLevel` is not given. */
  org?: string;
  /** The text of 一、总体情况, for the narrative `N.` rules (`narrative.ts`). */
  narrative?: string;
  /** The prose sections of this year's and last year's report, for `P.copiedText` (`copied-text.ts`). */
  prose?: Partial<Record<'overview' | 'problems' | 'other', string>>;
  previousProse?: Partial<Record<'overview' | 'problems' | 'other', string>>;
  /** Report year, for messages and the format-outdated check. */
  year?: number;
  /**
   * Cells a reader could not read from a published report (not blank in it): kept out of `unfilled` and of the
   * `V.unfilled` finding, returned as `unread`.
   */
  unread?: readonly CellId[];
}

export interface ParsedCell {
  /** The number used in arithmetic (0 for an unfilled cell). */
  value: number;
  filled: boolean;
  /** For text that is not a number: the number it would be, when one reading is plausible (`3件` → 3). */
  wouldBe?: number;
  /** Input problems, each becomes a `V.` finding (its severity is the rule's, in the registry). */
  problems: { rule: RuleId; severity: Severity }[];
}

export interface CheckResult {
  format: FormatId;
  /** Values as numbers for the filled cells. */
  cells: Record<CellId, number>;
  unfilled: CellId[];
  /** Cells the reader could not read (`CheckOptions.unread`) and that hold no value. */
  unread?: CellId[];
  findings: Finding[];
  summary: RuleSummary[];
}
