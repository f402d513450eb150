import * as React from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Switch,
} from '@fluentui/react-components';
import { FORMAT_IDS, getFormat, isFormatId } from '../../model/formats';
import type { FormatId, Lang } from '../../model/types';
import type { GenerateOutcome, GenerateRequest } from '../host-api';
import type { WorkbookDelivery } from '../../excel/open-workbook';
import type { Strings } from '../i18n';
import { failedText } from './ProblemBars';
import { generateRefusalText } from '../generate-outcome';
import { useStyles } from './styles';

export interface GenerateFormProps {
  t: Strings;
  lang: Lang;
  onGenerate(req: GenerateRequest): Promise<GenerateOutcome>;
  disabled?: boolean;
  /** The report year offered first: reports are written in the spring for the year before. */
  defaultYear: number;
  /** Offers the blank .xlsx template for the same format, year and body, when given. */
  onDownloadTemplate?(req: { format: FormatId; year: number; org: string }): Promise<WorkbookDelivery | void>;
  /** The sheet of the tables the add-in checks now, when there are some: generating a second set asks first. */
  existingSheet?: string | null;
}

type Note = { kind: 'success' | 'notEmpty' | 'error' | 'again'; text: string; req?: GenerateRequest } | null;

export function GenerateForm({
  t,
  lang,
  onGenerate,
  disabled,
  defaultYear,
  onDownloadTemplate,
  existingSheet,
}: GenerateFormProps) {
  const s = useStyles();
  const [format, setFormat] = React.useState<FormatId>('2021');
  const [year, setYear] = React.useState(String(defaultYear));
  const [org, setOrg] = React.useState('');
  const [target, setTarget] = React.useState<GenerateRequest['target']>('newSheet');
  const [protect, setProtect] = React.useState(true);
  const [busy, setBusy] = React.useState(false);
  const [note, setNote] = React.useState<Note>(null);
  const [touched, setTouched] = React.useState(false);

  const yearNum = Number(year);
  const yearOk = /^\d{4}$/.test(year.trim()) && yearNum >= 2000 && yearNum <= 2100;
  const orgOk = org.trim().length > 0;

  const run = async (req: GenerateRequest) => {
    setBusy(true);
    setNote(null);
    try {
      const out = await onGenerate(req);
      if (out.ok) setNote({ kind: 'success', text: t.generated(out.sheet, out.address) });
      else if (out.reason === 'targetNotEmpty')
        setNote({ kind: 'notEmpty', text: t.targetNotEmpty(out.sheet, out.address), req });
      else setNote({ kind: 'error', text: generateRefusalText(out, t, lang) });
    } catch (e) {
      setNote({ kind: 'error', text: failedText(e, lang) });
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    setTouched(true);
    if (!yearOk || !onDownloadTemplate) return;
    setBusy(true);
    try {
      const way = await onDownloadTemplate({ format, year: yearNum, org: org.trim() });
      // Where no download bar appears (desktop, Mac), say where the template went.
      if (way === 'newWorkbook') setNote({ kind: 'success', text: t.templateOpened });
      else if (way === 'browser') setNote({ kind: 'success', text: t.templateInBrowser });
    } catch (e) {
      setNote({ kind: 'error', text: t.templateFailed + (e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!yearOk || !orgOk) return;
    const req: GenerateRequest = { format, year: yearNum, org: org.trim(), target, protect };
    // A second set of tables makes the add-in check the new one: the user says so first.
    if (existingSheet) setNote({ kind: 'again', text: t.generateAgainTitle(existingSheet), req });
    else void run(req);
  };

  return (
    <form className={s.stack} onSubmit={submit} aria-label={t.generateHeading} noValidate>
      <Field label={t.format}>
        <Select value={format} onChange={(_, d) => isFormatId(d.value) && setFormat(d.value)}>
          {FORMAT_IDS.map((id) => (
            <option key={id} value={id}>
              {t.formatOption(id, getFormat(id).source)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t.year}
        required
        validationState={touched && !yearOk ? 'error' : 'none'}
        validationMessage={touched && !yearOk ? t.yearInvalid : undefined}
      >
        <Input inputMode="numeric" value={year} onChange={(_, d) => setYear(d.value)} />
      </Field>
      <Field
        label={t.org}
        required
        validationState={touched && !orgOk ? 'error' : 'none'}
        validationMessage={touched && !orgOk ? t.orgMissing : undefined}
      >
        <Input value={org} placeholder={t.orgPlaceholder} onChange={(_, d) => setOrg(d.value)} />
      </Field>
      <Field label={t.target}>
        <RadioGroup value={target} onChange={(_, d) => setTarget(d.value as GenerateRequest['target'])}>
          <Radio value="newSheet" label={t.targetNewSheet} />
          <Radio value="selection" label={t.targetSelection} />
        </RadioGroup>
      </Field>
      <Switch checked={protect} onChange={(_, d) => setProtect(d.checked)} label={t.protect} />
      <div className={s.actions}>
        {/* Busy, it stays focusable: a keyboard user's focus is not dropped to the page while it works. */}
        <Button appearance="primary" type="submit" disabled={disabled} disabledFocusable={busy && !disabled}>
          {busy ? t.generating : t.generate}
        </Button>
        {onDownloadTemplate && (
          <Button appearance="subtle" disabled={busy} onClick={() => void download()}>
            {t.templateDownload}
          </Button>
        )}
      </div>
      {note && (
        <MessageBar intent={note.kind === 'success' ? 'success' : note.kind === 'error' ? 'error' : 'warning'}>
          <MessageBarBody>{note.text}</MessageBarBody>
          {note.kind === 'again' && note.req && (
            <MessageBarActions>
              <Button size="small" disabled={busy} onClick={() => void run(note.req!)}>
                {t.generateAgain}
              </Button>
              <Button size="small" appearance="subtle" onClick={() => setNote(null)}>
                {t.importCancel}
              </Button>
            </MessageBarActions>
          )}
          {note.kind === 'notEmpty' && note.req && (
            <MessageBarActions>
              <Button
                size="small"
                disabled={busy}
                onClick={() => {
                  setTarget('newSheet');
                  void run({ ...note.req!, target: 'newSheet' });
                }}
              >
                {t.useNewSheet}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
    </form>
  );
}
