import * as React from 'react';
import { Badge, Button } from '@fluentui/react-components';
import {
  CheckmarkCircle16Filled,
  Edit16Regular,
  ErrorCircle16Filled,
  DocumentEdit16Regular,
  Warning16Filled,
} from '@fluentui/react-icons';
import type { TableLocation } from '../host-api';
import { getFormat } from '../../model/formats';
import type { CheckResult, Lang } from '../../model/types';
import type { Strings } from '../i18n';
import type { Overview } from '../view-model';
import { useStyles } from './styles';

interface StatusSummaryProps {
  t: Strings;
  lang: Lang;
  result: CheckResult | null;
  overview?: Overview;
  /** Where the checked tables are: the pane always says which sheet and range it checks. */
  tables?: TableLocation[];
  /** Fills every blank input cell with 0; absent when nothing is blank. */
  onFillZero?(): Promise<void>;
}

const BADGE = {
  pass: { color: 'success', icon: <CheckmarkCircle16Filled /> },
  errors: { color: 'danger', icon: <ErrorCircle16Filled /> },
  filling: { color: 'informative', icon: <Edit16Regular /> },
  notFilled: { color: 'informative', icon: <DocumentEdit16Regular /> },
  damaged: { color: 'warning', icon: <Warning16Filled /> },
} as const;

/** `工作表“2025年度报表”A3:O80`: one line per sheet, the range spanning its tables. */
function checkedWhere(t: Strings, tables: readonly TableLocation[]): string[] {
  const bySheet = new Map<string, string[]>();
  for (const l of tables) bySheet.set(l.sheet, [...(bySheet.get(l.sheet) ?? []), l.address]);
  return [...bySheet.entries()].map(([sheet, addresses]) => {
    const first = addresses[0].split(':')[0];
    const lastRange = addresses[addresses.length - 1].split(':');
    return t.checkedWhere(sheet, ` ${first}:${lastRange[lastRange.length - 1]}`);
  });
}

export function StatusSummary({ t, lang, result, overview: o, tables = [], onFillZero }: StatusSummaryProps) {
  const s = useStyles();
  const [filling, setFilling] = React.useState(false);
  if (!result || !o) {
    return (
      <div className={s.overall} data-testid="overall" tabIndex={-1}>
        <Badge appearance="outline" color="informative">
          {t.overallNotChecked}
        </Badge>
      </div>
    );
  }
  const format = getFormat(result.format);
  const name = (id: string | null) => (id && format.tables.find((x) => x.id === id)?.shortName[lang]) || t.otherTable;
  const label = {
    pass: t.overallPass,
    errors: t.overallErrorCount(o.errors),
    filling: t.overallFilling,
    notFilled: t.overallNotFilled,
    damaged: t.overallDamaged,
  }[o.state];
  return (
    <div className={s.stack}>
      <div className={s.overall} role="status" data-testid="overall" data-state={o.state} tabIndex={-1}>
        <Badge size="large" appearance="filled" color={BADGE[o.state].color} icon={BADGE[o.state].icon}>
          {label}
        </Badge>
        {o.warnings > 0 && <span className={s.muted}>{t.overallWarningsNote(o.warnings)}</span>}
      </div>
      {checkedWhere(t, tables).map((line) => (
        <p key={line} className={s.muted} data-testid="checked-where">
          {line}
        </p>
      ))}
      {o.state === 'damaged' && <p className={s.muted}>{t.overallDamagedNote}</p>}
      {o.state === 'notFilled' && <p className={s.muted}>{t.overallNotFilledNote}</p>}
      {o.state !== 'notFilled' && o.unfilled > 0 && <p className={s.muted}>{t.overallFillingNote(o.unfilled)}</p>}
      {onFillZero && o.unfilled > 0 && (
        <div className={s.actions}>
          <Button
            size="small"
            disabledFocusable={filling}
            title={t.fillZeroNote(o.unfilled)}
            onClick={async () => {
              setFilling(true);
              try {
                await onFillZero();
              } finally {
                setFilling(false);
              }
            }}
          >
            {t.fillZero}
          </Button>
          <span className={s.muted}>{t.fillZeroNote(o.unfilled)}</span>
        </div>
      )}
      <table className={s.statusTable}>
        <thead>
          <tr>
            <th scope="col">{t.table}</th>
            <th scope="col">{t.errors}</th>
            <th scope="col">{t.warnings}</th>
            <th scope="col">{t.unfilled}</th>
          </tr>
        </thead>
        <tbody>
          {o.tables
            .filter((r) => r.table !== null || r.errors + r.warnings + r.unfilled > 0)
            .map((r) => (
              <tr key={r.table ?? 'other'} data-testid={`status-${r.table ?? 'other'}`}>
                <th scope="row">
                  {name(r.table)}
                  {r.damaged && <span className={s.muted}>{` ${t.tableNotChecked}`}</span>}
                </th>
                <td>{r.errors}</td>
                <td>{r.warnings}</td>
                <td>{r.unfilled}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

/** What each mark on the sheet means; the swatches use the fills the host paints with. */
export function Legend({
  t,
  fills,
}: {
  t: Strings;
  /** `suspectFont`: the bold figure's colour on the most likely cell. */
  fills: { suspect: string; suspectFont: string; candidate: string; unfilled: string };
}) {
  const s = useStyles();
  const item = (fill: string, text: string, bold = false) => (
    <li className={s.legendItem}>
      <span
        aria-hidden
        className={s.swatch}
        style={{
          backgroundColor: fill,
          fontWeight: bold ? 700 : undefined,
          color: bold ? fills.suspectFont : undefined,
        }}
      >
        {bold ? '12' : ''}
      </span>
      {text}
    </li>
  );
  return (
    <div className={s.stack} data-testid="legend">
      <h3 className={s.ruleTitle}>{t.legendHeading}</h3>
      <ul className={s.list}>
        {item(fills.suspect, t.legendSuspect, true)}
        {item(fills.candidate, t.legendCandidate)}
        {item(fills.unfilled, t.legendUnfilled)}
      </ul>
    </div>
  );
}
