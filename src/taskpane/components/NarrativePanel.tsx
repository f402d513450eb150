import * as React from 'react';
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, Textarea } from '@fluentui/react-components';
import { generateNarrative } from '../../model/narrative-gen';
import type { CellId, CheckResult, Lang, RawValue } from '../../model/types';
import type { HostOperations, WriteTextOutcome, WriteTextRequest } from '../host-api';
import { reviewStrings, type ReviewStrings } from '../i18n-review';
import { useStyles } from './styles';

interface NarrativePanelProps {
  lang: Lang;
  result: CheckResult;
  /** Errors the tables still have (mistakes, not rule instances): the text says so above itself. */
  errors: number;
  /** Input cells of the tables still blank. */
  blanks: number;
  /** Writes the text into the workbook; absent where the host cannot (the copy still works). */
  writeText?: HostOperations['writeText'];
  /** The clipboard, where the host gives one (tests pass their own; absent: select-all and Ctrl+C). */
  clipboard?: Pick<Clipboard, 'writeText'> | null;
}

/** What the tables hold as the narrative reads them: a blank cell is blank (【待填】), never 0. */
export function narrativeValues(result: CheckResult): Record<CellId, RawValue> {
  const values: Record<CellId, RawValue> = { ...result.cells };
  for (const id of result.unfilled) values[id] = null;
  return values;
}

function outcomeText(r: ReviewStrings, out: WriteTextOutcome): string {
  if (out.ok) return r.written(out.sheet, out.address);
  switch (out.reason) {
    case 'targetNotEmpty':
      return r.writeNotEmpty(out.sheet, out.address);
    case 'insideTables':
      return r.writeInsideTables(out.address);
    case 'sheetProtected':
      return r.writeProtected(out.sheet);
    case 'badSelection':
      return r.writeBadSelection;
    case 'failed':
      return r.writeFailed(out.message);
  }
}

function defaultClipboard(): Pick<Clipboard, 'writeText'> | null {
  // Absent outside secure contexts and in older webviews, whatever the type says.
  const c = typeof navigator !== 'undefined' ? (navigator.clipboard as Clipboard | undefined) : undefined;
  return c && typeof c.writeText === 'function' ? c : null;
}

/**
 * "生成文字说明": the standard sentences of the report's overview, written from the tables the pane has checked
 * (`src/model/narrative-gen.ts`, the same text as `disclosure-tables narrative`), previewed read-only, copied, or
 * written into a new sheet or the selected cell. The text is Chinese whatever the pane's language.
 */
export function NarrativePanel({
  lang,
  result,
  errors,
  blanks,
  writeText,
  clipboard = defaultClipboard(),
}: NarrativePanelProps) {
  const s = useStyles();
  const r = reviewStrings(lang);
  const [open, setOpen] = React.useState(false);
  const [copyNote, setCopyNote] = React.useState<'copied' | 'manual' | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<WriteTextOutcome | null>(null);
  const area = React.useRef<HTMLTextAreaElement>(null);
  const narrative = React.useMemo(
    () => (open ? generateNarrative(result.format, narrativeValues(result)) : null),
    [open, result],
  );
  const lines = narrative ? narrative.text.split('\n') : [];

  const copy = async () => {
    if (!narrative) return;
    try {
      if (!clipboard) throw new Error('no clipboard');
      await clipboard.writeText(narrative.text);
      setCopyNote('copied');
    } catch {
      // Office hosts may refuse the clipboard to the pane: the text is selected for the user's own Ctrl+C.
      area.current?.focus();
      area.current?.select();
      setCopyNote('manual');
    }
  };
  const write = async (target: WriteTextRequest['target'], overwrite?: WriteTextRequest['overwrite']) => {
    if (!writeText) return;
    setBusy(true);
    try {
      setOutcome(await writeText({ lines, target, ...(overwrite ? { overwrite } : {}) }));
    } catch (e) {
      setOutcome({ ok: false, reason: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={s.stack} data-testid="narrative">
      <p className={s.muted}>{r.narrativeIntro}</p>
      <div className={s.actions}>
        <Button aria-expanded={open} onClick={() => (setOpen(!open), setOutcome(null), setCopyNote(null))}>
          {open ? r.narrativeClose : r.narrativeOpen}
        </Button>
      </div>
      {narrative && (
        <>
          {errors > 0 && (
            <MessageBar intent="warning" data-testid="narrative-errors">
              <MessageBarBody>{r.narrativeErrors(errors)}</MessageBarBody>
            </MessageBar>
          )}
          {(blanks > 0 || narrative.unfilled.length > 0) && (
            <MessageBar intent="info" data-testid="narrative-unfilled">
              <MessageBarBody>
                {r.narrativeUnfilled(blanks || narrative.unfilled.length, narrative.unfilled.length > 0)}
              </MessageBarBody>
            </MessageBar>
          )}
          <Field label={r.narrativeTextLabel}>
            <Textarea
              ref={area}
              readOnly
              lang="zh-CN"
              value={narrative.text}
              rows={12}
              resize="vertical"
              data-testid="narrative-text"
            />
          </Field>
          <div className={s.actions}>
            <Button appearance="primary" onClick={() => void copy()}>
              {r.copy}
            </Button>
            {writeText && (
              <>
                <Button disabled={busy} onClick={() => void write('newSheet')}>
                  {busy ? r.writing : r.writeNewSheet}
                </Button>
                <Button disabled={busy} onClick={() => void write('selection')}>
                  {r.writeSelection}
                </Button>
              </>
            )}
          </div>
          {copyNote && (
            <p className={s.muted} role="status" data-testid="narrative-copy">
              {copyNote === 'copied' ? r.copied : r.copyManual}
            </p>
          )}
          {outcome && (
            <MessageBar intent={outcome.ok ? 'success' : 'warning'} data-testid="narrative-written">
              <MessageBarBody>{outcomeText(r, outcome)}</MessageBarBody>
              {!outcome.ok && outcome.reason === 'targetNotEmpty' && (
                <MessageBarActions>
                  <Button
                    size="small"
                    disabled={busy}
                    onClick={() => void write('selection', { sheet: outcome.sheet, address: outcome.address })}
                  >
                    {r.overwrite}
                  </Button>
                  <Button size="small" appearance="subtle" onClick={() => setOutcome(null)}>
                    {r.cancel}
                  </Button>
                </MessageBarActions>
              )}
            </MessageBar>
          )}
        </>
      )}
    </div>
  );
}
