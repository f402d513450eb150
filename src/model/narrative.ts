/**
 * Narrative checks: the figures that `一、总体情况` states about applications, results and 复议/诉讼 are compared
 * with the tables. Each disagreement is a warning quoting its sentence; a narrative that agrees yields none.
 * Pure TS. Phrases are matched on normalised text (half-width, simplified characters, no spaces).
 */
import { cellId, getFormat, isFormatId } from './formats';
import { toSimplified } from './normalise';
import type { CellId, FindingDraft, FindingParams, FormatId, NarrativeRuleId, RawValues, ReportFormat } from './types';

type NarrativeMetric =
  'received' | 'carryIn' | 'completed' | 'carryOut' | 'noApplications' | 'review' | 'suit' | `result:${ResultCategory}`;

type ResultCategory = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R1+R2';

interface NarrativeFigure {
  metric: NarrativeMetric;
  /** The number the narrative states (0 for a "未收到" statement). */
  value: number;
  /** A percentage stated next to a result count, as written (`33.1`), with its decimals. */
  percent?: { value: number; decimals: number };
  sentence: string;
  /** The matched phrase, for highlighting. */
  phrase: string;
  /** Where the phrase starts in its sentence (a percentage's own denominator is stated before it). */
  at: number;
}

const UNIT = '(?:件|条|个|宗|起|次)';
const GAP = '[^\\d,，。;；:：()（）]{0,14}?';
/** What a percentage is `占` of, in words (`占办结总数的`, `占全部申请的`): no number, no clause break. */
const PERCENT_OF = '[^\\d,，。;；%]{0,10}?';

/** Result categories in table order; the narrative names them by the category label's core words. */
const RESULT_WORDS: [ResultCategory, RegExp][] = [
  ['R1', /予以公开/],
  ['R2', /部分公开/],
  ['R3', /不予公开/],
  ['R4', /无法提供/],
  ['R5', /不予处理/],
  ['R6', /其他处理/],
];

interface Pattern {
  metric: NarrativeMetric;
  re: RegExp;
  /** Figure is 0 without a number (`未收到…申请`). */
  zero?: boolean;
}

const PATTERNS: Pattern[] = [
  {
    metric: 'noApplications',
    re: /(?:未|没有|无)(?:收到|受理|接到|接收)(?:过|到)?[^\d,，。;；]{0,10}?(?:依申请公开|政府信息公开)?申请(?![\d])/g,
    zero: true,
  },
  {
    metric: 'received',
    re: new RegExp(`(?<![未没无])(?:收到|受理|新收|收办|接收|接到)(?:了)?(${GAP})(\\d+)${UNIT}`, 'g'),
  },
  { metric: 'carryIn', re: new RegExp(`上(?:一)?年(?:度)?结转(${GAP})(\\d+)${UNIT}`, 'g') },
  {
    metric: 'carryOut',
    re: new RegExp(
      `(?:结转(?:至|到)?下(?:一)?年度?|转下(?:一)?年度?|结转下年)(?:继续)?(?:办理)?(${GAP})(\\d+)${UNIT}`,
      'g',
    ),
  },
  {
    metric: 'completed',
    re: new RegExp(`(?:办结|答复完毕|已答复|作出答复|办理完毕|处理完毕)(${GAP})(\\d+)${UNIT}`, 'g'),
  },
  { metric: 'review', re: new RegExp(`行政复议(?:案件|申请)?(${GAP})(\\d+)${UNIT}`, 'g') },
  { metric: 'suit', re: new RegExp(`行政诉讼(?:案件)?(${GAP})(\\d+)${UNIT}`, 'g') },
];

/** One sentence per 。；!? (PDF line breaks inside a sentence are joined first). */
export function sentences(narrative: string): string[] {
  const text = toSimplified(narrative.normalize('NFKC'))
    .replace(/[“”]/g, '"')
    .replace(/\s*\n\s*/g, '')
    .replace(/[ \t\u3000]+/g, '');
  return text
    .split(/(?<=[。;；!?！？])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The figures a narrative states, in order of appearance. */
export function narrativeFigures(narrative: string): NarrativeFigure[] {
  const out: NarrativeFigure[] = [];
  for (const sentence of sentences(narrative)) {
    for (const p of PATTERNS) {
      for (const m of sentence.matchAll(p.re)) {
        // A gap that names a subset (`其中`) or a different thing (`诉讼` inside a 复议 phrase) is not this figure.
        const gap = p.zero ? '' : m[1];
        if (/其中|同比|增长|减少|以上|以下/.test(gap)) continue;
        if (p.metric === 'received' && !/申请/.test(gap + sentence.slice(0, m.index ?? 0).slice(-12))) continue;
        if (p.metric === 'review' && /诉讼/.test(gap)) continue;
        // `办结的申请中同意公开答复 9 件`: a part of the completed applications, not their count.
        if (p.metric === 'completed' && /中|同意|予以|公开|不予|部分/.test(gap)) continue;
        out.push({ metric: p.metric, value: p.zero ? 0 : Number(m[2]), sentence, phrase: m[0], at: m.index ?? 0 });
      }
    }
    // `予以公开及部分公开 208 件` names （一）+（二）: neither category alone.
    const joint = /(?:同意|予以)?公开(?:及|和|与|、|或)部分公开/g;
    const jointSpans: [number, number][] = [];
    for (const m of sentence.matchAll(new RegExp(`${joint.source}(${GAP})(\\d+)${UNIT}`, 'g'))) {
      if (/其中/.test(m[1])) continue;
      jointSpans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
      out.push({ metric: 'result:R1+R2', value: Number(m[2]), sentence, phrase: m[0], at: m.index ?? 0 });
    }
    const inJoint = (at: number) => jointSpans.some(([a, b]) => at >= a && at < b);
    for (const [cat, word] of RESULT_WORDS) {
      const re = new RegExp(
        `${word.source}(${GAP})(\\d+)${UNIT}(?:[,，]?(?:占|占比|比例为?|约占)${PERCENT_OF}(\\d+(?:\\.\\d+)?)%)?`,
        'g',
      );
      for (const m of sentence.matchAll(re)) {
        if (/其中/.test(m[1]) || inJoint(m.index ?? 0)) continue;
        const at = m.index ?? 0;
        const f: NarrativeFigure = { metric: `result:${cat}`, value: Number(m[2]), sentence, phrase: m[0], at };
        if (m[3] !== undefined) f.percent = { value: Number(m[3]), decimals: (m[3].split('.')[1] ?? '').length };
        out.push(f);
      }
    }
  }
  return out;
}

function num(v: RawValues[string]): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

/** The table figure a narrative figure is compared with: the cells and their sum, or null when any is blank. */
function tableFigure(format: ReportFormat, values: RawValues, cells: CellId[]): number | null {
  let s = 0;
  for (const id of cells) {
    const n = num(values[id]);
    if (n === null) return null;
    s += n;
  }
  return s;
}

function resultRows(format: ReportFormat, cat: ResultCategory): string[] {
  const cats = cat.split('+');
  return format.t3.leafRows.filter((r) => cats.some((c) => r === c || r.startsWith(`${c}_`)));
}

function metricCells(format: ReportFormat, metric: NarrativeMetric): CellId[] {
  const { rows, columns, applicantColumns } = format.t3;
  const tot = columns.find((c) => !applicantColumns.includes(c))!;
  const t3 = (row: string) => cellId('T3', row, tot);
  const t4Total = format.t4.columns.find((c) => !format.t4.partColumns.includes(c))!;
  const [NEW, CARRY_IN] = rows;
  switch (metric) {
    case 'received':
    case 'noApplications':
      return [t3(NEW)];
    case 'carryIn':
      return [t3(CARRY_IN)];
    case 'completed':
      return [t3(rows[rows.length - 2])];
    case 'carryOut':
      return [t3(rows[rows.length - 1])];
    case 'review':
      return [cellId('T4', format.t4.groups[0], t4Total)];
    case 'suit':
      return format.t4.groups.slice(1).map((g) => cellId('T4', g, t4Total));
    default:
      return resultRows(format, metric.slice('result:'.length) as ResultCategory).map(t3);
  }
}

const RULE: Record<string, NarrativeRuleId> = {
  received: 'N.received',
  noApplications: 'N.noApplications',
  carryIn: 'N.carryIn',
  completed: 'N.completed',
  carryOut: 'N.carryOut',
  review: 'N.review',
  suit: 'N.suit',
};

/** Whether `percent` is `part / whole` rounded or truncated to the decimals written. */
export function percentAgrees(percent: { value: number; decimals: number }, part: number, whole: number): boolean {
  if (whole <= 0) return false;
  const f = 10 ** percent.decimals;
  const exact = (part / whole) * 100 * f;
  const written = Math.round(percent.value * f);
  // A tiny epsilon keeps 33.3333… from failing a truncation through floating point.
  return Math.round(exact) === written || Math.floor(exact + 1e-9) === written;
}

interface PercentCheck {
  agrees: boolean;
  /** The percentage the numerator and the first denominator give, at the precision written. */
  computed: number;
  denominator: number;
  /** Where that denominator was stated: the same sentence, or table 三's 办理结果总计. */
  from: 'sentence' | 'table';
}

/**
 * Holds a result's percentage against its own count and every total it can be `占` of: a completed (or received)
 * total stated before it in the same sentence, table 三's 办理结果总计, and the last completed total the narrative
 * stated before. It agrees when any of them gives the figure written (rounded or truncated to its decimals); null
 * when no total is known (the comparison is incomplete).
 */
function percentCheck(
  fig: NarrativeFigure,
  percent: { value: number; decimals: number },
  before: readonly NarrativeFigure[],
  tableTotal: number | null,
): PercentCheck | null {
  const inSentence = before.filter((b) => b.sentence === fig.sentence && b.at < fig.at);
  const stated = (metric: NarrativeMetric, among: readonly NarrativeFigure[]) =>
    among.filter((b) => b.metric === metric).map((b) => b.value);
  const candidates: { denominator: number; from: 'sentence' | 'table' }[] = [
    ...stated('completed', inSentence).map((d) => ({ denominator: d, from: 'sentence' as const })),
    ...stated('received', inSentence).map((d) => ({ denominator: d, from: 'sentence' as const })),
    ...(tableTotal !== null ? [{ denominator: tableTotal, from: 'table' as const }] : []),
    ...stated('completed', before).map((d) => ({ denominator: d, from: 'sentence' as const })),
  ].filter((c) => c.denominator > 0);
  if (!candidates.length) return null;
  const agrees = candidates.some((c) => percentAgrees(percent, fig.value, c.denominator));
  const { denominator, from } = candidates[0];
  const scale = 10 ** percent.decimals;
  const computed = Math.round((fig.value / denominator) * 100 * scale) / scale;
  return { agrees, computed, denominator, from };
}

/**
 * Compares the figures of `一、总体情况` with the tables. `values` are the report's cells (numbers or raw
 * strings; blank cells skip the comparisons they touch). The findings are data (`params.phrase`, `params.sentence`,
 * `params.named`: how many of the cells the phrase names); their severity is the registry's.
 */
export function checkNarrative(
  narrative: string,
  values: RawValues,
  format: FormatId | ReportFormat,
  /** Filled with how many comparisons each rule made (for the rule summary). */
  checked?: Map<NarrativeRuleId, number>,
  /** Filled with how many comparisons each rule could not make: a cell it needs is blank or unread. */
  incomplete?: Map<NarrativeRuleId, number>,
): FindingDraft[] {
  const count = (rule: NarrativeRuleId) => checked?.set(rule, (checked.get(rule) ?? 0) + 1);
  const skip = (rule: NarrativeRuleId) => incomplete?.set(rule, (incomplete.get(rule) ?? 0) + 1);
  const f = typeof format === 'string' ? (isFormatId(format) ? getFormat(format) : getFormat('2021')) : format;
  const findings: FindingDraft[] = [];
  const seen = new Map<string, number>();
  const instance = (base: string) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  };
  const { rows, columns, applicantColumns } = f.t3;
  const tot = columns.find((c) => !applicantColumns.includes(c))!;
  const totalCell = cellId('T3', rows[rows.length - 2], tot);
  const carryInCell = cellId('T3', rows[1], tot);

  const figures = narrativeFigures(narrative);
  for (const [i, fig] of figures.entries()) {
    const cells = metricCells(f, fig.metric);
    const table = tableFigure(f, values, cells);
    const isResult = fig.metric.startsWith('result:');
    const rule: NarrativeRuleId = isResult ? 'N.resultCount' : RULE[fig.metric];
    if (isResult && fig.percent) {
      // The percentage is held against its own numerator (the count it follows), whatever the table says of it.
      const whole = tableFigure(f, values, [totalCell]);
      const check = percentCheck(fig, fig.percent, figures.slice(0, i), whole);
      if (!check) skip('N.resultPercent');
      else {
        count('N.resultPercent');
        if (!check.agrees)
          findings.push({
            table: 'T3',
            suspects: [],
            rule: 'N.resultPercent',
            instance: instance(`N.resultPercent:${fig.metric.slice(7)}`),
            cells: table === null ? [totalCell] : [...cells, totalCell],
            reported: fig.percent.value,
            computed: check.computed,
            imbalance: Math.round((fig.percent.value - check.computed) * 1e6) / 1e6,
            params: {
              sentence: fig.sentence,
              phrase: fig.phrase,
              metric: fig.metric,
              named: table === null ? 0 : cells.length,
              percent: fig.percent.value,
              numerator: fig.value,
              total: check.denominator,
              denominatorFrom: check.from,
            },
          });
      }
    }
    if (table === null) {
      skip(rule);
      continue;
    }
    const params: FindingParams = {
      sentence: fig.sentence,
      phrase: fig.phrase,
      metric: fig.metric,
      named: cells.length,
    };
    const base = { table: cells[0].slice(0, 2) as 'T3' | 'T4', suspects: [] };
    count(rule);

    if (fig.metric === 'received' && fig.value !== table) {
      // Some bodies count the applications carried over as received: accept NEW + CARRY_IN as well.
      const carry = tableFigure(f, values, [carryInCell]);
      if (carry !== null && fig.value === table + carry) continue;
      if (carry !== null) params.withCarryIn = table + carry;
    }
    if (fig.value !== table) {
      findings.push({
        ...base,
        rule,
        instance: instance(isResult ? `${rule}:${fig.metric.slice(7)}` : rule),
        cells: fig.metric === 'received' && 'withCarryIn' in params ? [...cells, carryInCell] : cells,
        reported: fig.value,
        computed: table,
        imbalance: fig.value - table,
        params,
      });
    }
  }
  for (const claim of narrativeClaims(narrative)) {
    const rule: NarrativeRuleId = claim.kind === 'allCompleted' ? 'N.allCompleted' : 'N.allUpheld';
    const cells =
      claim.kind === 'allCompleted'
        ? [cellId('T3', rows[rows.length - 1], tot)]
        : claimCells(f, claim.kind === 'allUpheldSuit' ? f.t4.groups.slice(1) : [f.t4.groups[0]]);
    const open = tableFigure(f, values, cells);
    if (open === null) {
      skip(rule);
      continue;
    }
    count(rule);
    if (open === 0) continue;
    findings.push({
      table: cells[0].slice(0, 2) as 'T3' | 'T4',
      suspects: [],
      rule,
      instance: instance(rule),
      cells,
      reported: 0,
      computed: open,
      imbalance: -open,
      params: { sentence: claim.sentence, phrase: claim.phrase, named: cells.length },
    });
  }
  return findings;
}

/** `均获维持` / `所有申请均已办理完成`: statements that leave nothing open, to hold against the tables. */
interface Claim {
  kind: 'allCompleted' | 'allUpheldReview' | 'allUpheldSuit';
  sentence: string;
  phrase: string;
}

function narrativeClaims(narrative: string): Claim[] {
  const out: Claim[] = [];
  for (const sentence of sentences(narrative)) {
    const done =
      /(?:所有|全部)(?:的)?(?:依申请公开|政府信息公开)?申请(?:均|都|已)?(?:已|均)?(?:全部)?(?:办理完成|办理完毕|办结|答复完毕)|(?:申请)?均已(?:按时)?(?:办结|办理完毕|办理完成|答复完毕)/.exec(
        sentence,
      );
    if (done && /申请/.test(sentence) && !/复议|诉讼/.test(done[0]))
      out.push({ kind: 'allCompleted', sentence, phrase: done[0] });
    const upheld = /(?:均|全部|都)(?:获|被|予以|得到)?(?:维持|驳回)/.exec(sentence);
    if (upheld) {
      const before = sentence.slice(0, upheld.index);
      if (/复议/.test(before)) out.push({ kind: 'allUpheldReview', sentence, phrase: upheld[0] });
      if (/诉讼|起诉/.test(before)) out.push({ kind: 'allUpheldSuit', sentence, phrase: upheld[0] });
    }
  }
  return out;
}

/** The cells of 复议 or 诉讼 groups that are neither 维持 nor the total: what `均获维持` says is none. */
function claimCells(format: ReportFormat, groups: readonly string[]): CellId[] {
  const [upheld, ...others] = format.t4.partColumns;
  void upheld;
  return groups.flatMap((g) => others.map((c) => cellId('T4', g, c)));
}
