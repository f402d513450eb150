import * as React from 'react';
import { mergeClasses } from '@fluentui/react-components';
import type { Strings } from '../i18n';
import { formatNumber } from '../../model/numbers';
import type { BalancePicture, BalanceTerm } from '../view-model';
import { useStyles } from './styles';

/** 一 + 二 against 三 + 四 with the column's numbers: the failing balance at a glance. */
export function BalanceEquation({ t, picture }: { t: Strings; picture: BalancePicture }) {
  const s = useStyles();
  const term = (x: BalanceTerm) => (
    <span
      className={mergeClasses(s.term, x.suspect && s.termSuspect)}
      data-testid={`term-${x.numeral}`}
      data-suspect={x.suspect || undefined}
    >
      <span className={s.termLabel}>{x.numeral}</span>
      <span className={s.termValue}>{x.filled ? formatNumber(x.value) : '—'}</span>
    </span>
  );
  const [a, b] = picture.left;
  const [c, d] = picture.right;
  const sentence = `${t.equationLabel(picture.column)}: ${a.numeral} ${formatNumber(a.value)} + ${b.numeral} ${formatNumber(
    b.value,
  )} = ${formatNumber(picture.leftSum)}, ${c.numeral} ${formatNumber(c.value)} + ${d.numeral} ${formatNumber(
    d.value,
  )} = ${formatNumber(picture.rightSum)}`;
  return (
    <span className={s.equation} role="img" aria-label={sentence} data-testid="balance-equation">
      <span className={s.muted}>{t.equationLabel(picture.column)}</span>
      {term(a)}+{term(b)}
      <span>= {formatNumber(picture.leftSum)}</span>
      <span className={s.neq} aria-hidden>
        ≠
      </span>
      {term(c)}+{term(d)}
      <span>= {formatNumber(picture.rightSum)}</span>
    </span>
  );
}
