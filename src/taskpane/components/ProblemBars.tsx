import * as React from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { HostProblem } from '../host-api';
import type { FormatId, Lang } from '../../model/types';
import { getFormat } from '../../model/formats';
import { formatMessage } from '../../model/messages';
import { renderTableDamage } from '../../model/render';

/** A host problem in `lang`, from the message table (`host.*`); the pane writes none of these words itself. */
function problemText(p: HostProblem, lang: Lang, format: FormatId = '2021'): string {
  switch (p.kind) {
    case 'noTables':
      return formatMessage('host.noTables', lang);
    case 'unsupportedHost':
      return formatMessage('host.unsupported', lang, { missing: p.missing });
    case 'sheetProtected':
      return formatMessage('host.sheetProtected', lang, { sheet: p.sheet });
    case 'tableDamaged':
      return formatMessage('host.tableDamaged', lang, {
        table: getFormat(format).tables.find((x) => x.id === p.table)?.shortName[lang] ?? p.table,
        detail: renderTableDamage(p.damage, lang),
      });
    case 'failed':
      return failedText(p.message, lang);
  }
}

/** An operation that threw or failed, with what it said (an Error's message, or the value thrown). */
export function failedText(e: unknown, lang: Lang): string {
  return formatMessage('host.failed', lang, { message: e instanceof Error ? e.message : String(e) });
}

interface ProblemBarsProps {
  lang: Lang;
  problems: HostProblem[];
  format?: FormatId;
}

/** Problems of the host itself: each one a message bar, never a silent failure. */
export function ProblemBars({ lang, problems, format }: ProblemBarsProps) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {problems.map((p, i) => (
        <MessageBar key={i} intent={p.kind === 'noTables' ? 'info' : p.kind === 'failed' ? 'error' : 'warning'}>
          <MessageBarBody>{problemText(p, lang, format)}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
