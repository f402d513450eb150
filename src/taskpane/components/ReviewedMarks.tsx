import * as React from 'react';
import { Badge, Button, Field, Input } from '@fluentui/react-components';
import { markKey, MAX_REASON_LENGTH, type MarkStatus, type NewMark } from '../../model/reviewed-marks';
import type { FormatId, Lang } from '../../model/types';
import { formatMessage } from '../../model/messages';
import { cellName, renderRuleTitle } from '../../model/render';
import { reviewStrings } from '../i18n-review';
import { useStyles } from './styles';

type MarkProblem = Extract<NewMark, { ok: false }>['problem'];

export interface MarkReviewedButtonProps {
  lang: Lang;
  /** Stores the mark; resolves to what was wrong with it, or null when it is stored. */
  onMark(reason: string): Promise<MarkProblem | null>;
}

/** "标记为已核实" on a warning: a short reason is asked for, then the warning goes quiet. */
export function MarkReviewedButton({ lang, onMark }: MarkReviewedButtonProps) {
  const s = useStyles();
  const r = reviewStrings(lang);
  const [open, setOpen] = React.useState(false);
  const [reason, setReason] = React.useState('');
  const [problem, setProblem] = React.useState<MarkProblem | null>(null);
  const [busy, setBusy] = React.useState(false);
  if (!open)
    return (
      <Button size="small" appearance="subtle" onClick={() => setOpen(true)}>
        {r.markReviewed}
      </Button>
    );
  const save = async () => {
    setBusy(true);
    try {
      const p = await onMark(reason);
      setProblem(p);
      if (!p) setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  const message =
    problem === 'noReason'
      ? r.markNoReason
      : problem === 'reasonTooLong'
        ? r.markTooLong(MAX_REASON_LENGTH)
        : problem === 'notWarning'
          ? r.markNotWarning
          : undefined;
  return (
    <div className={s.stack} data-testid="mark-form">
      <Field label={r.markReasonLabel} validationMessage={message} validationState={message ? 'error' : 'none'}>
        <Input
          value={reason}
          placeholder={r.markReasonPlaceholder}
          maxLength={MAX_REASON_LENGTH}
          onChange={(_, d) => setReason(d.value)}
        />
      </Field>
      <div className={s.actions}>
        <Button size="small" appearance="primary" disabled={busy} onClick={() => void save()}>
          {r.markSave}
        </Button>
        <Button size="small" appearance="subtle" onClick={() => (setOpen(false), setProblem(null))}>
          {r.markCancel}
        </Button>
      </div>
    </div>
  );
}

interface ReviewedMarksProps {
  lang: Lang;
  format: FormatId;
  marks: MarkStatus[];
  onRemove(key: string): Promise<void>;
}

const STATE_COLOR = { quiet: 'success', revived: 'warning', resolved: 'informative' } as const;

/** The warnings marked 已核实, with the reason, the day and whether they are still quiet; each can be removed. */
export function ReviewedMarks({ lang, format, marks, onRemove }: ReviewedMarksProps) {
  const s = useStyles();
  const r = reviewStrings(lang);
  const [busy, setBusy] = React.useState<string | null>(null);
  const remove = async (key: string) => {
    setBusy(key);
    try {
      await onRemove(key);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className={s.stack} data-testid="marks">
      <p className={s.muted}>{r.marksIntro}</p>
      <ul className={s.list}>
        {marks.map(({ mark, state }) => {
          const key = markKey(mark);
          const cells = Object.keys(mark.values).map((id) => cellName(format, id, lang));
          return (
            <li key={key} className={s.card} data-testid="mark" data-state={state}>
              <span>
                <Badge size="small" appearance="tint" color={STATE_COLOR[state]}>
                  {r.markState[state]}
                </Badge>{' '}
                <span className={s.message}>{renderRuleTitle(mark.rule, lang)}</span>
              </span>
              {cells.length > 0 && <span className={s.muted}>{cells.join(formatMessage('list.clauses', lang))}</span>}
              <span className={s.muted} data-testid="mark-reason">
                {r.markReason(mark.reason)} · {r.markedOn(mark.date)}
              </span>
              <div className={s.actions}>
                <Button size="small" appearance="subtle" disabled={busy !== null} onClick={() => void remove(key)}>
                  {r.removeMark}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
