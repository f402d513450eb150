import { renderFinding } from '../../model/render';
import * as React from 'react';
import { Badge, Button, mergeClasses } from '@fluentui/react-components';
import { getFormat } from '../../model/formats';
import type { CellId, CheckResult, Finding, Lang } from '../../model/types';
import { ruleTitle, type Strings } from '../i18n';
import {
  balancePicture,
  cellName,
  formatNumber,
  groupFindings,
  shownSuspects,
  signed,
  targetCell,
} from '../view-model';
import { BalanceEquation } from './BalanceEquation';
import { useStyles } from './styles';

export interface FindingsListProps {
  t: Strings;
  lang: Lang;
  result: CheckResult;
  cellAddress: Record<CellId, string>;
  onGoTo(id: CellId): void;
  onApply(values: Record<CellId, number>): Promise<void>;
}

const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;
/** A long list of one rule is truncated until asked: the first few say what is wrong. */
const FIRST_SHOWN = 20;
/** Characters beyond which a message is clamped until expanded. */
const LONG_MESSAGE = 120;

export function FindingsList({ t, lang, result, cellAddress, onGoTo, onApply }: FindingsListProps) {
  const s = useStyles();
  const groups = groupFindings(result);
  if (groups.length === 0) return <p className={s.muted}>{t.noFindings}</p>;
  const format = getFormat(result.format);
  return (
    <div className={s.stack} data-testid="findings">
      {groups.map((g) => (
        <section key={g.table ?? 'other'} className={s.stack} aria-label={g.table ?? t.otherTable}>
          <h3 className={s.groupTitle}>
            {(g.table && format.tables.find((x) => x.id === g.table)?.shortName[lang]) || t.otherTable}
          </h3>
          {g.rules.map((r) => (
            <RuleGroupView
              key={r.rule}
              title={ruleTitle(t, r.rule)}
              findings={r.findings}
              render={(f) => (
                <FindingCard
                  key={`${f.rule}|${f.instance}`}
                  t={t}
                  lang={lang}
                  f={f}
                  result={result}
                  cellAddress={cellAddress}
                  onGoTo={onGoTo}
                  onApply={onApply}
                />
              )}
            />
          ))}
        </section>
      ))}
    </div>
  );
}

function RuleGroupView(props: { title: string; findings: Finding[]; render(f: Finding): React.ReactNode }) {
  const s = useStyles();
  const [all, setAll] = React.useState(false);
  const shown = all ? props.findings : props.findings.slice(0, FIRST_SHOWN);
  return (
    <div className={s.stack}>
      <h4 className={s.ruleTitle}>
        {props.title} ({props.findings.length})
      </h4>
      <ul className={s.list}>{shown.map(props.render)}</ul>
      {shown.length < props.findings.length && (
        <Button appearance="subtle" size="small" onClick={() => setAll(true)}>
          … {props.findings.length - shown.length}
        </Button>
      )}
    </div>
  );
}

interface FindingCardProps {
  t: Strings;
  lang: Lang;
  f: Finding;
  result: CheckResult;
  cellAddress: Record<CellId, string>;
  onGoTo(id: CellId): void;
  onApply(values: Record<CellId, number>): Promise<void>;
}

function FindingCard({ t, lang, f, result, cellAddress, onGoTo, onApply }: FindingCardProps) {
  const s = useStyles();
  const [applying, setApplying] = React.useState(false);
  // Messages that list many cells are clamped to a few lines; the facts below already name the key cells.
  const [expanded, setExpanded] = React.useState(false);
  const message = renderFinding(f, result.format, lang, cellAddress);
  const long = message.length > LONG_MESSAGE;
  const target = targetCell(f);
  const where = (id: CellId) => cellAddress[id] ?? id;
  const picture = balancePicture(result, f);
  const suggestion = f.suggestion && Object.keys(f.suggestion).length > 0 ? f.suggestion : undefined;
  const suspects = shownSuspects(f);
  return (
    <li className={s.card} data-testid="finding" data-rule={f.rule} data-severity={f.severity}>
      <button
        type="button"
        className={s.cardButton}
        onClick={() => target && onGoTo(target)}
        disabled={!target}
        title={target ? t.goToCell(where(target)) : undefined}
      >
        <span>
          <Badge size="small" appearance="tint" color={SEVERITY_COLOR[f.severity]}>
            {t.severity[f.severity]}
          </Badge>{' '}
          <span
            className={mergeClasses(s.message, !expanded && long && s.clamped, 'dt-message')}
            data-testid="finding-message"
          >
            {message}
          </span>
        </span>
        {picture && <BalanceEquation t={t} picture={picture} />}
        {(f.reported !== undefined || f.suspects.length > 0) && (
          <dl className={s.facts}>
            {/* The balance picture already shows both sides; for sums, the total against its parts. */}
            {f.reported !== undefined && !picture && (
              <>
                <dt>{t.reported}</dt>
                <dd>{formatNumber(f.reported)}</dd>
              </>
            )}
            {f.computed !== undefined && !picture && (
              <>
                <dt>{t.computed}</dt>
                <dd>{formatNumber(f.computed)}</dd>
              </>
            )}
            {f.imbalance !== undefined && f.imbalance !== 0 && (
              <>
                <dt>{t.imbalance}</dt>
                <dd>{signed(f.imbalance)}</dd>
              </>
            )}
            {suspects.shown.map((id) => (
              <React.Fragment key={id}>
                <dt>{t.suspect}</dt>
                <dd data-testid="suspect">
                  {where(id)} {cellName(result.format, id, lang)}
                  {result.cells[id] !== undefined && ` = ${formatNumber(result.cells[id])}`}
                </dd>
              </React.Fragment>
            ))}
            {suspects.more > 0 && (
              <>
                <dt />
                <dd>{t.moreSuspects(suspects.more)}</dd>
              </>
            )}
            {suggestion &&
              Object.entries(suggestion).map(([id, v]) => (
                <React.Fragment key={`s-${id}`}>
                  <dt>{t.suggestion}</dt>
                  <dd data-testid="suggestion">
                    {where(id)} → {formatNumber(v)}
                    {f.suggestionReason === 'digitTypo' && t.suggestionDigitTypo}
                  </dd>
                </React.Fragment>
              ))}
          </dl>
        )}
      </button>
      {(suggestion || long) && (
        <div className={s.actions}>
          {suggestion && (
            <Button
              size="small"
              appearance="primary"
              disabled={applying}
              onClick={async () => {
                setApplying(true);
                try {
                  await onApply(suggestion);
                } finally {
                  setApplying(false);
                }
              }}
            >
              {applying ? t.applying : t.applySuggestion}
            </Button>
          )}
          {long && (
            <Button size="small" appearance="subtle" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
              {expanded ? t.showLess : t.showMore}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
