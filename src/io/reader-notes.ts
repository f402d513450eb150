/**
 * What the command line and the task pane say about a reader's notes (`ReaderNote`, data): one sentence per kind
 * from the message table, with tables and rows named by their labels in the reader's language, never by id.
 */
import { getFormat } from '../model/formats';
import { formatMessage, type MessageKey } from '../model/messages';
import type { FormatId, Lang, TableId } from '../model/types';
import type { ReaderNote, ReaderNoteKind } from './report-input';

/**
 * Notes that mean part of the report was not read (or may belong to another report): the user needs them before
 * trusting, or writing, what was read. The others say how something was read.
 */
const PARTIAL: ReadonlySet<ReaderNoteKind> = new Set<ReaderNoteKind>([
  'cutShort',
  'sideBySide',
  'endsEarly',
  'continuesAsAnother',
  'startGuessed',
  'tableNotFound',
]);

export function meansPartlyUnread(note: ReaderNote): boolean {
  return PARTIAL.has(note.kind);
}

function tableName(format: FormatId, table: TableId, lang: Lang): string {
  return getFormat(format).tables.find((t) => t.id === table)?.shortName[lang] ?? '';
}

/** The note as a sentence in `lang`; `format` is the report's (it names the tables and rows). */
export function renderReaderNote(note: ReaderNote, format: FormatId, lang: Lang): string {
  const key = `note.${note.kind}` as MessageKey;
  switch (note.kind) {
    case 'cutShort':
    case 'tableNotFound':
      return formatMessage(key, lang, { table: tableName(format, note.params.table, lang) });
    case 'strayText':
      return formatMessage(key, lang, { table: tableName(format, note.params.table, lang), text: note.params.text });
    case 'labelsMissing':
      return formatMessage(key, lang, {
        table: tableName(format, note.params.table, lang),
        labels: note.params.labels
          .map((l) => formatMessage('note.quoted', lang, { text: l }))
          .join(formatMessage('list.separator', lang)),
      });
    case 'placedByOrder': {
      const table = tableName(format, note.params.table, lang);
      const cell = note.params.cell ? getFormat(format).cellById.get(note.params.cell) : undefined;
      const row = cell ? formatMessage('note.row', lang, { table, row: cell.rowLabel }) : table;
      return formatMessage(key, lang, { row, label: note.params.label });
    }
    case 'formatAssumed':
    case 'sideBySide':
    case 'endsEarly':
    case 'continuesAsAnother':
    case 'startGuessed':
      return formatMessage(key, lang, note.params);
  }
}

/** A note as the JSON output gives it: the data, and its sentence in `lang`. */
export function noteAsJson(note: ReaderNote, format: FormatId, lang: Lang) {
  return { kind: note.kind, params: note.params, message: renderReaderNote(note, format, lang) };
}
