import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { computeRates, formatPercent, MIN_CASES, RATE_KEYS, type Rate } from '../../model/rates';
import { formatMessage } from '../../model/messages';
import type { CheckResult, Lang } from '../../model/types';
import { reviewStrings } from '../i18n-review';
import { useStyles } from './styles';

interface RatesSummaryProps {
  lang: Lang;
  result: CheckResult;
}

/**
 * The four rates people compare (`src/model/rates.ts`) as percentages, under the status: a rate over fewer than
 * `MIN_CASES` cases says so instead of standing beside the others as if comparable. The formulas show on demand,
 * with the figures they take from the tables.
 */
export function RatesSummary({ lang, result }: RatesSummaryProps) {
  const s = useStyles();
  const r = reviewStrings(lang);
  const [formulas, setFormulas] = React.useState(false);
  const rates = React.useMemo(
    () => computeRates(result.format, result.cells, result.unfilled),
    [result.format, result.cells, result.unfilled],
  );
  const shown = (rate: Rate): { value: string; note?: string } => {
    if (rate.numerator === null || rate.denominator === null) return { value: '—', note: r.rateUnknown };
    if (rate.ratio === null) return { value: '—', note: r.rateNoCases };
    return { value: formatPercent(rate.ratio), ...(rate.meaningful ? {} : { note: r.rateFew(MIN_CASES) }) };
  };
  return (
    <section className={s.stack} data-testid="rates" aria-labelledby="dt-rates">
      <h3 id="dt-rates" className={s.groupTitle}>
        {r.ratesHeading}
      </h3>
      <table className={s.statusTable}>
        <tbody>
          {RATE_KEYS.map((key) => {
            const rate = rates[key];
            const { value, note } = shown(rate);
            return (
              <tr key={key} data-testid="rate" data-rate={key} data-meaningful={rate.meaningful}>
                <th scope="row">
                  {formatMessage(`rates.${key}`, lang)}
                  {formulas && (
                    <div className={s.muted} data-testid="rate-formula">
                      {r.rateFormula[key]}{' '}
                      {rate.numerator !== null && rate.denominator !== null
                        ? r.rateFigures(rate.numerator, rate.denominator)
                        : ''}
                    </div>
                  )}
                </th>
                <td>
                  {value}
                  {note && (
                    <div className={s.muted} data-testid="rate-note">
                      {note}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button appearance="subtle" size="small" aria-expanded={formulas} onClick={() => setFormulas(!formulas)}>
        {formulas ? r.hideFormulas : r.showFormulas}
      </Button>
    </section>
  );
}
