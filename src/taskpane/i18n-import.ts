/**
 * The pane's words around a reader's notes in the import preview (ImportNotes). The notes themselves are said by
 * the message table (`renderReaderNote`); these are the headings around them. Chinese first; kept apart from
 * `i18n.ts` so that this block changes without touching the shared table.
 */
import type { Lang } from '../model/types';

const zh = {
  notesPartlyUnread: '原文有部分内容没有读取或归属不确定，写入前请核对：',
  notesHeading: '读取说明',
};

type ImportNoteStrings = typeof zh;

const en: ImportNoteStrings = {
  notesPartlyUnread: 'Part of the text was not read, or which report it belongs to is a guess; check before writing:',
  notesHeading: 'How the text was read',
};

const IMPORT_NOTE_STRINGS: Record<Lang, ImportNoteStrings> = { zh, en };

export function importNoteStrings(lang: Lang): ImportNoteStrings {
  return IMPORT_NOTE_STRINGS[lang];
}
