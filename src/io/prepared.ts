/**
 * The readers' part of a prepared format: what the text and workbook readers derive from a format, on top of the
 * model's `prepare(id)` (which this object holds as `model`). One object per format, each part built on the first
 * read and kept for the life of the process, like the model's; a reader takes its per-format data from here, and
 * keeps no memo of its own keyed by format.
 *
 * The builders live with the readers that use their output and import this module for its type only, so there
 * is no import cycle.
 */
import { prepare, type PreparedFormat } from '../model/prepared';
import type { FormatId, LabelCell, ReportFormat, TableDef, TableId } from '../model/types';
import { relationsOf, type Relation } from './text/solve';
import { expectedRowsOf, headerKeysOf, type ExpectedRow } from './text/tables';
import { knownKeysOf, labelKeysOf, matchKeysOf, tableShapesOf, type LabelKey, type TableShape } from './xlsx/locate';

export class PreparedReader {
  private textRowsPart?: readonly ExpectedRow[];
  private textHeadersPart?: ReadonlyMap<TableId, readonly string[][]>;
  private relationsPart?: readonly Relation[];
  private labelKeysPart?: ReadonlyMap<LabelCell, LabelKey>;
  private matchKeysPart?: ReadonlySet<string>;
  private knownKeysPart?: ReadonlySet<string>;
  private shapesPart?: ReadonlyMap<TableDef, TableShape>;

  constructor(readonly model: PreparedFormat) {}

  get format(): ReportFormat {
    return this.model.format;
  }

  /** Text reader: the rows of the format with the keys their labels are known by. */
  get textRows(): readonly ExpectedRow[] {
    return (this.textRowsPart ??= expectedRowsOf(this.format));
  }

  /** Text reader: the keys of each table's captions and column headers. */
  get textHeaders(): ReadonlyMap<TableId, readonly string[][]> {
    return (this.textHeadersPart ??= headerKeysOf(this.format));
  }

  /** Text reader: the relations that place values whose columns were lost. */
  get relations(): readonly Relation[] {
    return (this.relationsPart ??= relationsOf(this.format));
  }

  /** Workbook reader: the keys of every label of the tables. */
  get labelKeys(): ReadonlyMap<LabelCell, LabelKey> {
    return (this.labelKeysPart ??= labelKeysOf(this.format));
  }

  /** Workbook reader: the keys a sheet text must have to match some label. */
  get matchKeys(): ReadonlySet<string> {
    return (this.matchKeysPart ??= matchKeysOf(this.labelKeys));
  }

  /** Workbook reader: the keys of every label and heading, for telling stray texts inside a table. */
  get knownKeys(): ReadonlySet<string> {
    return (this.knownKeysPart ??= knownKeysOf(this.format));
  }

  /** Workbook reader: each table's rows, column bands and cells, in the format's table order. */
  get shapes(): ReadonlyMap<TableDef, TableShape> {
    return (this.shapesPart ??= tableShapesOf(this.format, this.labelKeys));
  }
}

/** The readers' prepared formats: two at most, one per format id, never evicted. */
const PREPARED = new Map<FormatId, PreparedReader>();

/** The readers' prepared object of a format: built on the first call, the same object on every later one. */
export function prepareReader(id: FormatId): PreparedReader {
  let p = PREPARED.get(id);
  if (!p) {
    p = new PreparedReader(prepare(id));
    PREPARED.set(id, p);
  }
  return p;
}
