/**
 * What every reader (JSON, .xlsx, report text, HTML, .docx) hands to the checker and the command line.
 */
import type { CellId, FormatId, RawValues } from '../model/types';

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
  /** A reader that finds more than one report in one file (a side-by-side comparison) returns several. */
}

/** A reader claims files by extension or content sniffing. */
export interface ReportReader {
  name: string;
  /** True when this reader handles the file (by extension, then by its first bytes). */
  accepts(file: string, head: Uint8Array): boolean;
  read(file: string, bytes: Uint8Array): Promise<ReportInput[]>;
}

/** An input the user gave that cannot be read: the CLI prints `message` and exits 2. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
