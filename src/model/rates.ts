/**
 * The rates people compare between bodies and years, computed from table 三 and 四 (formulas in
 * test/fixtures/spec/report-format.md, "Rates"):
 *   实质公开率 = (予以公开 + 部分公开) / 办理结果总计           (表三, 总计 column)
 *   不予公开率 = （三）不予公开 (all its rows) / 办理结果总计
 *   复议纠错率 = 行政复议 结果纠正 / 已审结 (维持 + 纠正 + 其他结果)
 *   诉讼纠错率 = 行政诉讼 结果纠正 / 已审结, both groups (未经复议直接起诉 + 复议后起诉) together
 * A rate over fewer than `MIN_CASES` cases says more about chance than about the body: it is still given, but
 * marked not meaningful, so that a 100% 纠错率 from one case is never ranked beside one from fifty.
 * Pure TS: no host, no DOM.
 */
import { formatMessage } from './messages';
import { prepare } from './prepared';
import { RATE_KEYS, type RateKey } from './rate-definitions';
import type { CellId, FormatId, Lang } from './types';

/** Below this many cases (the denominator) a rate is marked not meaningful. */
export const MIN_CASES = 10;

export { RATE_KEYS, type RateKey } from './rate-definitions';

export interface Rate {
  /** numerator / denominator; null when the denominator is 0 or a cell it needs is unfilled. */
  ratio: number | null;
  numerator: number | null;
  denominator: number | null;
  /** False when the denominator is below `MIN_CASES` (or there is no ratio). */
  meaningful: boolean;
}

type Rates = Record<RateKey, Rate>;

/**
 * The four rates of one report. `cells` are the checked numbers (a CheckResult's `cells`); a cell missing from it
 * or listed in `unfilled` makes the rates that need it unknown rather than computed from a 0 nobody wrote.
 */
export function computeRates(
  formatId: FormatId,
  cells: Readonly<Record<CellId, number>>,
  unfilled: readonly CellId[] = [],
): Rates {
  const blank = new Set(unfilled);
  const sum = (ids: CellId[]): number | null => {
    let s = 0;
    for (const id of ids) {
      const v = cells[id];
      if (blank.has(id) || typeof v !== 'number' || !Number.isFinite(v)) return null;
      s += v;
    }
    return s;
  };
  const defs = prepare(formatId).rates;
  const out = {} as Rates;
  for (const key of RATE_KEYS) {
    const numerator = sum(defs[key].numerator);
    const denominator = sum(defs[key].denominator);
    const ratio = numerator !== null && denominator !== null && denominator > 0 ? numerator / denominator : null;
    out[key] = { ratio, numerator, denominator, meaningful: ratio !== null && denominator! >= MIN_CASES };
  }
  return out;
}

/** A ratio as a percentage with one decimal (`0.5625` → `56.3%`), as reports print them. */
export function formatPercent(ratio: number, decimals = 1): string {
  return `${(ratio * 100).toFixed(decimals)}%`;
}

/** One rate as a reader sees it: `实质公开率 56.3%（45/80）`, or why there is none. */
export function describeRate(key: RateKey, rate: Rate, lang: Lang): string {
  const name = formatMessage(`rates.${key}`, lang);
  if (rate.numerator === null || rate.denominator === null) return formatMessage('rates.unknown', lang, { name });
  if (rate.ratio === null) return formatMessage('rates.noCases', lang, { name });
  return formatMessage(rate.meaningful ? 'rates.value' : 'rates.notMeaningful', lang, {
    name,
    percent: formatPercent(rate.ratio),
    numerator: rate.numerator,
    denominator: rate.denominator,
    min: MIN_CASES,
  });
}

/** All four on one line, for the command line's report and the review workbook. */
export function describeRates(rates: Rates, lang: Lang): string {
  return RATE_KEYS.map((k) => describeRate(k, rates[k], lang)).join(lang === 'zh' ? '；' : '; ');
}
