import * as React from 'react';
import { Badge, Button } from '@fluentui/react-components';
import { getFormat } from '../../model/formats';
import type { Mistake } from '../../model/mistakes';
import type { EditAttribution } from '../../model/recent-edit';
import type { CellId, CheckResult, Finding, Lang, TableId } from '../../model/types';
import { findingKey } from '../../model/recent-edit';
import { formatMessage } from '../../model/messages';
import { cellName, renderFinding, renderFindingShort } from '../../model/render';
import type { Strings } from '../i18n';
import { formatNumber } from '../../model/numbers';
import { TABLE_ORDER, balancePicture, targetCell } from '../view-model';
import { BalanceEquation } from './BalanceEquation';
import { MarkReviewedButton, type MarkReviewedButtonProps } from './ReviewedMarks';
import { canMark } from '../../model/reviewed-marks';
import { useStyles } from './styles';

interface FindingsListProps {
  t: Strings;
  lang: Lang;
  result: CheckResult;
  /** One per cause: the pane lists and counts mistakes, not rule instances. */
  mistakes: Mistake[];
  edits: Readonly<Record<string, EditAttribution>>;
  cellAddress: Record<CellId, string>;
  onGoTo(id: CellId): void;
  onApply(values: Record<CellId, number>): Promise<void>;
  /** Writes the generated formulas back into totals typed over; absent where the host cannot. */
  onRestore?(formulas: Record<CellId, string>): Promise<void>;
  /** Marks a warning 已核实 with the user's reason; absent where the host cannot store marks. */
  onMark?(f: Finding, reason: string): ReturnType<MarkReviewedButtonProps['onMark']>;
}

const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;
/** A long list is truncated until asked: the first few say what is wrong. */
const FIRST_SHOWN = 20;

function tableOfMistake(result: CheckResult, m: Mistake): TableId | null {
  const f = m.finding;
  return f.table ?? getFormat(result.format).cellById.get(f.cells[0] ?? '')?.table ?? null;
}

export function FindingsList(props: FindingsListProps) {
  const { t, lang, result, mistakes } = props;
  const s = useStyles();
  const [all, setAll] = React.useState(false);
  if (mistakes.length === 0) return <p className={s.muted}>{t.noFindings}</p>;
  const format = getFormat(result.format);
  const order = (x: TableId | null) => (x === null ? TABLE_ORDER.length : TABLE_ORDER.indexOf(x));
  const sorted = mistakes
    .map((m, i) => ({ m, i, table: tableOfMistake(result, m) }))
    .sort(
      (a, b) =>
        order(a.table) - order(b.table) ||
        SEVERITY_RANK[a.m.finding.severity] - SEVERITY_RANK[b.m.finding.severity] ||
        a.i - b.i,
    );
  const shown = all ? sorted : sorted.slice(0, FIRST_SHOWN);
  const tables = [...new Set(shown.map((x) => x.table))];
  return (
    <div className={s.stack} data-testid="findings">
      {tables.map((table) => (
        <section key={table ?? 'other'} className={s.stack} aria-labelledby={`dt-findings-${table ?? 'other'}`}>
          <h3 id={`dt-findings-${table ?? 'other'}`} className={s.groupTitle}>
            {(table && format.tables.find((x) => x.id === table)?.shortName[lang]) || t.otherTable}
          </h3>
          <ul className={s.list}>
            {shown
              .filter((x) => x.table === table)
              .map(({ m }) => (
                <MistakeCard key={`${m.finding.rule}|${m.finding.instance}`} {...props} m={m} />
              ))}
          </ul>
        </section>
      ))}
      {shown.length < sorted.length && (
        <Button appearance="subtle" size="small" onClick={() => setAll(true)}>
          … {sorted.length - shown.length}
        </Button>
      )}
    </div>
  );
}

function MistakeCard({
  t,
  lang,
  m,
  result,
  edits,
  cellAddress,
  onGoTo,
  onApply,
  onRestore,
  onMark,
}: FindingsListProps & { m: Mistake }) {
  const s = useStyles();
  const f = m.finding;
  const [busy, setBusy] = React.useState<'apply' | 'restore' | null>(null);
  const [details, setDetails] = React.useState(false);
  const detailsId = React.useId();
  const text = renderFindingShort(f, result.format, lang, cellAddress, {
    values: result.cells,
    edit: edits[findingKey(f)],
    echo: m.echoes[0],
  });
  const target = targetCell(f);
  const where = (id: CellId) => cellAddress[id] ?? '';
  const picture = balancePicture(result, f);
  const suggestion = f.suggestion && Object.keys(f.suggestion).length > 0 ? f.suggestion : undefined;
  const expected = f.rule.startsWith('F.') && typeof f.params?.expected === 'string' ? f.params.expected : undefined;
  // Busy buttons stay focusable (disabledFocusable): a disabled button would drop a keyboard user's focus.
  const run = async (kind: 'apply' | 'restore', fn: () => Promise<void>) => {
    setBusy(kind);
    try {
      await fn();
    } finally {
      setBusy(null);
    }
  };
  return (
    <li
      className={s.card}
      data-testid="finding"
      data-rule={f.rule}
      data-severity={f.severity}
      data-suspect={f.suspects[0] ? where(f.suspects[0]) || f.suspects[0] : undefined}
    >
      <button
        type="button"
        className={s.cardButton}
        onClick={() => target && onGoTo(target)}
        disabled={!target}
        aria-label={`${text.what} ${text.where}${target && where(target) ? ` ${t.goToCell(where(target))}` : ''}`}
      >
        <span>
          <Badge size="small" appearance="tint" color={SEVERITY_COLOR[f.severity]}>
            {t.severity[f.severity]}
          </Badge>{' '}
          <span className={s.message} data-testid="finding-message">
            {text.what}
            {text.where && <strong data-testid="finding-where"> {text.where}</strong>}
          </span>
        </span>
        {text.echo && (
          <span className={s.muted} data-testid="finding-echo">
            {text.echo}
          </span>
        )}
        {picture && <BalanceEquation t={t} picture={picture} />}
      </button>
      {m.caused.length > 0 && (
        <div className={s.muted} data-testid="finding-caused">
          {t.causedHeading}
          <ul>
            {m.caused.map((c) => (
              <li key={`${c.rule}|${c.instance}`}>{renderFindingShort(c, result.format, lang, cellAddress).what}</li>
            ))}
          </ul>
        </div>
      )}
      <div className={s.actions}>
        {expected && onRestore && (
          <Button
            size="small"
            appearance="primary"
            disabledFocusable={busy !== null}
            onClick={() => void run('restore', () => onRestore({ [f.cells[0]]: expected }))}
          >
            {busy === 'restore' ? t.restoring : t.restoreFormula}
          </Button>
        )}
        {suggestion && !expected && (
          <Button
            size="small"
            appearance="primary"
            disabledFocusable={busy !== null}
            onClick={() => void run('apply', () => onApply(suggestion))}
          >
            {busy === 'apply' ? t.applying : t.applySuggestion}
          </Button>
        )}
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={details}
          aria-controls={detailsId}
          onClick={() => setDetails(!details)}
        >
          {details ? t.hideDetails : t.showDetails}
        </Button>
      </div>
      {onMark && canMark(f) && <MarkReviewedButton lang={lang} onMark={(reason) => onMark(f, reason)} />}
      {suggestion && !expected && (
        <p className={s.muted} data-testid="suggestion">
          {Object.entries(suggestion)
            // A cell with no sheet address (never in Excel) is named by its labels, never by its id.
            .map(
              ([id, v]) => `${where(id) || cellName(result.format, id, lang, undefined, 'short')} → ${formatNumber(v)}`,
            )
            .join(formatMessage('list.clauses', lang))}
        </p>
      )}
      {details && (
        <p id={detailsId} className={s.muted} data-testid="finding-details">
          {renderFinding(f, result.format, lang, cellAddress)}
        </p>
      )}
    </li>
  );
}
