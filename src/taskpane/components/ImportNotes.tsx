import * as React from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { meansPartlyUnread, renderReaderNote } from '../../io/reader-notes';
import type { ReaderNote } from '../../io/report-input';
import type { FormatId, Lang } from '../../model/types';
import { importNoteStrings } from '../i18n-import';
import { useStyles } from './styles';

interface ImportNotesProps {
  notes: readonly ReaderNote[];
  format: FormatId;
  lang: Lang;
}

/**
 * What the reader says about how it read the pasted text, in the preview, before anything is written. A note that
 * means part of the report was not read (the text cut short inside a table, a split between two reports that is a
 * guess) is a warning above the tables; the others (a row placed by its order) are a quiet list.
 */
export function ImportNotes({ notes, format, lang }: ImportNotesProps) {
  const s = useStyles();
  const t = importNoteStrings(lang);
  const partial = notes.filter(meansPartlyUnread);
  const other = notes.filter((n) => !meansPartlyUnread(n));
  const list = (shown: readonly ReaderNote[]) => (
    <ul>
      {shown.map((n, i) => (
        <li key={i}>{renderReaderNote(n, format, lang)}</li>
      ))}
    </ul>
  );
  return (
    <>
      {partial.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="import-notes-partial">
          <MessageBarBody>
            <div>{t.notesPartlyUnread}</div>
            {list(partial)}
          </MessageBarBody>
        </MessageBar>
      )}
      {other.length > 0 && (
        <div className={s.muted} data-testid="import-notes">
          <div>{t.notesHeading}</div>
          {list(other)}
        </div>
      )}
    </>
  );
}
