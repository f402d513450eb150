import * as React from 'react';
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Textarea,
} from '@fluentui/react-components';
import type { GenerateOutcome, HostCheck, HostOperations } from '../host-api';
import { renderReaderNote } from '../../io/reader-notes';
import type { ImportResult } from '../../io/text';
import { getFormat } from '../../model/formats';
import type { CheckResult, Lang } from '../../model/types';
import type { Strings } from '../i18n';
import { generateRefusalText } from '../generate-outcome';
import {
  type ImportBlock,
  type ImportPlan,
  type WorkbookReport,
  blockOf,
  mismatchOf,
  overwriteOf,
  planImport,
} from '../import-plan';
import { ImportNotes } from './ImportNotes';
import { ImportPreviewTables } from './ImportPreviewTables';
import { failedText } from './ProblemBars';
import { useStyles } from './styles';

type ReportReader = (text: string) => ImportResult;

/** The report reader is a sizeable module only this panel needs: it loads as its own chunk on first use. */
async function loadDefaultReader(): Promise<ReportReader> {
  const m = await import(/* webpackChunkName: "text-import" */ '../../io/text');
  return m.importReportText;
}

interface ImportPanelProps {
  t: Strings;
  lang?: Lang;
  host: HostOperations;
  /** The tables in the workbook as last checked; null when there are none. */
  tables: CheckResult | null;
  /** The year and body the workbook's tables were generated for, to compare with the report's. */
  workbook?: WorkbookReport;
  disabled?: boolean;
  /** Receives the check that follows the write, so the pane shows it like any other. */
  onResult(c: HostCheck): void;
  loadReader?: () => Promise<ReportReader>;
}

type Note = { intent: 'success' | 'warning' | 'error'; text: string } | null;

const WRITE_PROBLEMS = new Set(['noTables', 'sheetProtected', 'failed']);

function blockText(t: Strings, block: ImportBlock, plan: ImportPlan): string {
  switch (block.kind) {
    case 'noTablesInText':
      return t.importNoTables;
    case 'needTables':
      return t.importNeedTables(plan.format);
    case 'formatMismatch':
      return t.importFormatMismatch(plan.format, block.tables);
    case 'nothingToWrite':
      return t.importNothingToWrite;
  }
}

function generateProblem(out: Exclude<GenerateOutcome, { ok: true }>, t: Strings, lang: Lang): string {
  if (out.reason === 'targetNotEmpty') return `${out.sheet}!${out.address}`;
  if (out.reason === 'failed' || out.reason === 'unsupported') return out.message;
  return generateRefusalText(out, t, lang);
}

export function ImportPanel({
  t,
  lang = 'zh',
  host,
  tables,
  workbook,
  disabled,
  onResult,
  loadReader = loadDefaultReader,
}: ImportPanelProps) {
  const s = useStyles();
  const [text, setText] = React.useState('');
  const [busy, setBusy] = React.useState<'read' | 'write' | 'generate' | null>(null);
  const [plan, setPlan] = React.useState<ImportPlan | null>(null);
  const [confirming, setConfirming] = React.useState(false);
  // The report is another year's or body's than the tables: writing waits for the user to say so.
  const [acceptMismatch, setAcceptMismatch] = React.useState(false);
  const [showLines, setShowLines] = React.useState(false);
  const [note, setNote] = React.useState<Note>(null);
  const confirmRef = React.useRef<HTMLButtonElement>(null);
  const linesId = React.useId();

  const previewRef = React.useRef<HTMLDivElement>(null);

  React.useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  // The preview opens under a long text area: bring it into view (jsdom has no scrolling, hence the `?.`).
  React.useEffect(() => {
    if (plan) previewRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [plan]);

  const reset = () => {
    setPlan(null);
    setConfirming(false);
    setShowLines(false);
    setAcceptMismatch(false);
  };

  const preview = async () => {
    reset();
    setNote(null);
    if (!text.trim()) {
      setNote({ intent: 'warning', text: t.importEmpty });
      return;
    }
    setBusy('read');
    try {
      const read = await loadReader();
      const next = planImport(read(text));
      // Nothing read: the reader's own reason (two reports side by side, years not named) says more than "no tables".
      const why = next.notes.find((n) => n.kind === 'sideBySide');
      if (next.read === 0)
        setNote({ intent: 'warning', text: why ? renderReaderNote(why, next.format, lang) : t.importNoTables });
      else setPlan(next);
    } catch (e) {
      setNote({ intent: 'error', text: failedText(e, lang) });
    } finally {
      setBusy(null);
    }
  };

  const block = plan ? blockOf(plan, tables) : null;
  const overwrite = plan && tables && !block ? overwriteOf(plan, tables) : null;
  const toWrite = plan ? Object.keys(plan.values).length : 0;
  const mismatch = plan && !block ? mismatchOf(plan, workbook) : null;
  const held = !!mismatch && !acceptMismatch;
  // Tables can be made for the report only when it says its year: the year is in their title and metadata.
  const canGenerate = block?.kind === 'needTables' && plan?.year !== undefined && Object.keys(plan.values).length > 0;

  const written = (c: HostCheck) => {
    onResult(c);
    if (c.result && !c.problems.some((p) => WRITE_PROBLEMS.has(p.kind))) {
      setNote({ intent: 'success', text: t.importDone(toWrite) });
      reset();
    } else setNote({ intent: 'error', text: t.importNotWritten });
  };
  const failed = (e: unknown) => setNote({ intent: 'error', text: failedText(e, lang) });

  const write = async (confirmed: boolean) => {
    if (!plan || block || held) return;
    if (overwrite && overwrite.changed > 0 && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setBusy('write');
    try {
      written(await host.writeValues(plan.values));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };

  /** 生成并导入: tables for the report's year and format on a new sheet, then its figures into them. */
  const generateAndImport = async () => {
    if (!plan || plan.year === undefined) return;
    setNote(null);
    setBusy('generate');
    try {
      const out = await host.generate({
        format: plan.format,
        year: plan.year,
        org: plan.org ?? '',
        target: 'newSheet',
      });
      if (!out.ok) setNote({ intent: 'error', text: t.importGenerateFailed(generateProblem(out, t, lang)) });
      else written(await host.writeValues(plan.values));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className={s.stack}>
      <Field label={t.importText} hint={t.importHint}>
        <Textarea
          value={text}
          rows={6}
          resize="vertical"
          onChange={(_, d) => {
            setText(d.value);
            // A preview describes the text it was made from; an edited text needs a new one.
            if (plan) reset();
          }}
        />
      </Field>
      <div className={s.actions}>
        <Button disabled={disabled || busy !== null} onClick={() => void preview()}>
          {busy === 'read' ? t.importReading : t.importPreview}
        </Button>
      </div>

      <div aria-live="polite" className={s.stack}>
        {plan && (
          <div ref={previewRef} className={s.card} data-testid="import-preview">
            <h3 className={s.groupTitle}>{t.importDetected}</h3>
            <dl className={s.facts}>
              <dt>{t.importFormat}</dt>
              <dd>{t.formatOption(plan.format, getFormat(plan.format).source)}</dd>
              <dt>{t.importYear}</dt>
              <dd>{plan.year ?? t.importUnknown}</dd>
              <dt>{t.importOrg}</dt>
              <dd>{plan.org ?? t.importUnknown}</dd>
            </dl>
            <ul className={s.muted}>
              <li>{t.importCellsRead(plan.read)}</li>
              <li>{t.importToWrite(toWrite)}</li>
              {plan.notNumber > 0 && <li>{t.importNotNumber(plan.notNumber)}</li>}
              {plan.unfilled > 0 && <li>{t.importUnfilled(plan.unfilled)}</li>}
              {plan.unread > 0 && <li>{t.importUnread(plan.unread)}</li>}
              {plan.unrecognised.length > 0 && <li>{t.importUnrecognised(plan.unrecognised.length)}</li>}
            </ul>
            <ImportNotes notes={plan.notes} format={plan.format} lang={lang} />
            <ImportPreviewTables t={t} lang={lang} plan={plan} />
            {plan.unrecognised.length > 0 && (
              <>
                <div>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-expanded={showLines}
                    aria-controls={linesId}
                    onClick={() => setShowLines(!showLines)}
                  >
                    {showLines ? t.importHideLines : t.importShowLines}
                  </Button>
                </div>
                {showLines && (
                  <ul id={linesId} className={s.muted} data-testid="import-unrecognised">
                    {plan.unrecognised.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
            {!block && !plan.org && workbook?.org.trim() && <p className={s.muted}>{t.importOrgNotFound}</p>}
            {mismatch && (
              <MessageBar intent="warning" data-testid="import-mismatch">
                <MessageBarBody>
                  {mismatch.year && <div>{t.importMismatchYear(mismatch.year.report, mismatch.year.workbook)}</div>}
                  {mismatch.org && <div>{t.importMismatchOrg(mismatch.org.report, mismatch.org.workbook)}</div>}
                  <Checkbox
                    checked={acceptMismatch}
                    onChange={(_, d) => setAcceptMismatch(d.checked === true)}
                    label={t.importMismatchConfirm}
                  />
                </MessageBarBody>
              </MessageBar>
            )}
            {canGenerate ? (
              <MessageBar intent="info">
                <MessageBarBody>{t.importGenerateHint(plan.year!, plan.format)}</MessageBarBody>
                <MessageBarActions>
                  <Button
                    appearance="primary"
                    size="small"
                    disabled={disabled || busy !== null}
                    onClick={() => void generateAndImport()}
                  >
                    {busy === 'generate' ? t.importGenerating : t.importGenerateAndImport}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            ) : block ? (
              <MessageBar intent="warning">
                <MessageBarBody>{blockText(t, block, plan)}</MessageBarBody>
              </MessageBar>
            ) : confirming && overwrite ? (
              <MessageBar intent="warning">
                <MessageBarBody>{t.importOverwrite(overwrite.held, overwrite.changed)}</MessageBarBody>
                <MessageBarActions>
                  <Button ref={confirmRef} size="small" disabled={busy !== null} onClick={() => void write(true)}>
                    {t.importConfirmOverwrite}
                  </Button>
                  <Button size="small" appearance="subtle" onClick={() => setConfirming(false)}>
                    {t.importCancel}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            ) : (
              <div className={s.actions}>
                <Button
                  appearance="primary"
                  disabled={disabled || busy !== null || held}
                  onClick={() => void write(false)}
                >
                  {busy === 'write' ? t.importWriting : t.importWrite}
                </Button>
              </div>
            )}
          </div>
        )}
        {note && (
          <MessageBar intent={note.intent}>
            <MessageBarBody>{note.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
