import * as React from 'react';
import { Badge } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, ErrorCircle16Filled } from '@fluentui/react-icons';
import { getFormat } from '../../model/formats';
import type { CheckResult, Lang } from '../../model/types';
import type { Strings } from '../i18n';
import { overview } from '../view-model';
import { useStyles } from './styles';

export interface StatusSummaryProps {
  t: Strings;
  lang: Lang;
  result: CheckResult | null;
}

export function StatusSummary({ t, lang, result }: StatusSummaryProps) {
  const s = useStyles();
  if (!result) {
    return (
      <div className={s.overall} data-testid="overall">
        <Badge appearance="outline" color="informative">
          {t.overallNotChecked}
        </Badge>
      </div>
    );
  }
  const o = overview(result);
  const format = getFormat(result.format);
  const name = (id: string | null) => (id && format.tables.find((x) => x.id === id)?.shortName[lang]) || t.otherTable;
  const pass = o.state === 'pass';
  return (
    <div className={s.stack}>
      <div className={s.overall} role="status" data-testid="overall" data-state={o.state}>
        <Badge
          size="large"
          appearance="filled"
          color={pass ? 'success' : 'danger'}
          icon={pass ? <CheckmarkCircle16Filled /> : <ErrorCircle16Filled />}
        >
          {pass ? t.overallPass : t.overallErrors}
        </Badge>
        {o.warnings > 0 && <span className={s.muted}>{t.overallWarningsNote(o.warnings)}</span>}
      </div>
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
                <th scope="row">{name(r.table)}</th>
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
