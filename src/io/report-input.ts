/**
 * What every reader (JSON, .xlsx, report text, HTML, .docx) hands to the checker and the command line.
 */
import { inBothLanguages } from '../model/messages';
import type { CellId, FormatId, RawValues, TableId } from '../model/types';

export interface ReportInput {
  /** The file it came from (or a label such as `stdin`). */
  file: string;
  format: FormatId;
  year?: number;
  /** The body (机关名称) when the reader found one. */
  org?: string;
  cells: RawValues;
  /** Formula text of cells that were read as formulas (from .xlsx), for the damaged-total checks. */
  formulas?: Record<CellId, string>;
  /**
   * Sheet address (A1, no sheet name) each data cell was read from (.xlsx), for the `F.` rules
   * (`CheckOptions.cellAddress`) and for messages that point at the user's own cell.
   */
  cellAddress?: Record<CellId, string>;
  /** Text the reader could not place (report text readers). */
  unrecognised?: string[];
  /** The narrative section 一、总体情况 (report text readers), for the `N.` rules. */
  narrative?: string;
  /** The prose sections 一、五、六 (report text readers), for the copied-text comparison with last year. */
  prose?: Partial<Record<'overview' | 'problems' | 'other', string>>;
  /**
   * Cells the reader could not read (report text readers), with why: the checker leaves them out of the cells the
   * report left blank, and rules that need them are incomplete.
   */
  unread?: UnreadCell[];
  /** What the reader says about how it read the report (a text cut short, a table not found), as data. */
  notes?: ReaderNote[];
  /**
   * Where an .xlsx report stood when its workbook holds more than one complete set of the tables (a hidden copy,
   * last year's beside this year's): the workbook, the sheet, and whether that sheet is hidden or the add-in's.
   */
  sheet?: { workbook: string; name: string; hidden: boolean; named: boolean };
  /** The workbook was written by `sum`: a consolidated report adding up several bodies. */
  consolidated?: boolean;
}

/**
 * Why a reader could not read a cell. `unread` is the reader's own failure, never the report's: a cell the report
 * leaves blank is unfilled instead.
 */
export type UnreadReason =
  /** The table is not in the text (an excerpt, or its heading and labels were not found). */
  | 'tableMissing'
  /** No row of the text matched this row's label. */
  | 'rowMissing'
  /** The row holds fewer figures than columns and which column each belongs to cannot be told. */
  | 'columns'
  /** The row holds more figures than columns. */
  | 'tooMany'
  /** A lone figure (a page number?) among the row's figures. */
  | 'stray'
  /** Every placement of the row's figures contradicts the table's arithmetic. */
  | 'contradicts'
  /** A line repeated right after itself may be a doubled copy standing for a lost line; the readings disagree. */
  | 'doubled'
  /** A figure merged across rows (HTML rowspan) belongs to no one row. */
  | 'spanned'
  /** Two rows of figures under one table 四. */
  | 'twoBlocks'
  /** The text holds more than one report and they could not be told apart. */
  | 'twoReports';

export interface UnreadCell {
  cell: CellId;
  reason: UnreadReason;
  /** The line of the text the cell's figures were on (as read), when there was one. */
  line?: string;
  /** What was tried (`check --explain`, the JSON `unread` field); the words are in the message table. */
  tried?: UnreadTried;
}

/** What a reader tried before giving a cell up, as data: `unread.tried.<what>` in the message table says it. */
export interface UnreadTried {
  what: 'lone' | 'tooMany' | 'tooManyPlacements' | 'noneAgrees' | 'severalAgree' | 'doubled' | 'repeats' | 'blocks';
  figures?: number;
  columns?: number;
  placements?: number;
  /** Line numbers (1-based) of the text involved. */
  lines?: string;
}

/**
 * What a reader says about how it read a report, as data: `note.<kind>` in the message table says it, filled by
 * `renderReaderNote` (src/io/reader-notes.ts). Tables and cells are ids here, named by their labels when rendered.
 */
export type ReaderNote =
  /** The text ends inside this table right after a figure that may be cut short: that row is not read. */
  | { kind: 'cutShort'; params: { table: TableId } }
  /** No label tells the format versions apart: the format was assumed (from the year, else the current one). */
  | { kind: 'formatAssumed'; params: { format: FormatId } }
  /** Two reports side by side and no line says which year is which column: nothing is read. */
  | { kind: 'sideBySide'; params: Record<string, never> }
  /** Another report's title (at this 1-based line) stands before this report's table 四: this report ends there. */
  | { kind: 'endsEarly'; params: { line: number } }
  /** The tables start again at this line with no title above: the text from there on is read as another report. */
  | { kind: 'continuesAsAnother'; params: { line: number } }
  /** This report starts at this line where the tables start again with no title above: where it starts is a guess. */
  | { kind: 'startGuessed'; params: { line: number } }
  /** A row whose label is not the format's, placed by its order between rows that were recognised. */
  | { kind: 'placedByOrder'; params: { table: TableId; cell?: CellId; label: string } }
  /** A table of the format is not in the workbook. */
  | { kind: 'tableNotFound'; params: { table: TableId } }
  /** Text inside a table's area of the workbook that is none of the format's labels. */
  | { kind: 'strayText'; params: { table: TableId; text: string } }
  /** Labels of the format not found in a table of the workbook (the table was found by the others). */
  | { kind: 'labelsMissing'; params: { table: TableId; labels: string[] } };

export type ReaderNoteKind = ReaderNote['kind'];

/** A reader claims files by extension or content sniffing. */
export interface ReportReader {
  name: string;
  /** True when this reader handles the file (by extension, then by its first bytes). */
  accepts(file: string, head: Uint8Array): boolean;
  read(file: string, bytes: Uint8Array): Promise<ReportInput[]>;
}

/**
 * An input the user gave that cannot be read: the CLI prints `message` (Chinese), or `en` under `--lang en` when
 * the reader gave one, and exits 2.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly en?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** The error said by the message table, in both languages. */
  static of(
    key: Parameters<typeof inBothLanguages>[0],
    params: Parameters<typeof inBothLanguages>[1] = {},
    file?: string,
  ): InputError {
    const [zh, en] = inBothLanguages(key, params);
    return new InputError(zh, file, en);
  }

  text(lang: 'zh' | 'en'): string {
    return lang === 'en' && this.en ? this.en : this.message;
  }
}
