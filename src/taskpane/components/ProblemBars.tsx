import * as React from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { HostProblem } from '../host-api';
import type { FormatId, Lang } from '../../model/types';
import { getFormat } from '../../model/formats';
import { renderTableDamage } from '../../model/render';
import type { Strings } from '../i18n';

export function problemText(t: Strings, p: HostProblem, lang: Lang, format: FormatId = '2021'): string {
  switch (p.kind) {
    case 'noTables':
      return t.problemNoTables;
    case 'unsupportedHost':
      return t.problemUnsupported(p.missing);
    case 'sheetProtected':
      return t.problemSheetProtected(p.sheet);
    case 'tableDamaged':
      return t.problemTableDamaged(
        getFormat(format).tables.find((x) => x.id === p.table)?.shortName[lang] ?? p.table,
        renderTableDamage(p.damage, lang),
      );
    case 'failed':
      return t.problemFailed(p.message);
  }
}

export interface ProblemBarsProps {
  t: Strings;
  lang: Lang;
  problems: HostProblem[];
  format?: FormatId;
}

/** Problems of the host itself: each one a message bar, never a silent failure. */
export function ProblemBars({ t, lang, problems, format }: ProblemBarsProps) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {problems.map((p, i) => (
        <MessageBar key={i} intent={p.kind === 'noTables' ? 'info' : p.kind === 'failed' ? 'error' : 'warning'}>
          <MessageBarBody>{problemText(t, p, lang, format)}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
