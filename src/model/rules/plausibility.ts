/**
 * Figures that can be right but rarely are: more documents issued than in force and repealed, a fee in 万元 with
 * more than four decimals (an amount in yuan), 规章 reported by a county or town body; and a report in a format
 * older than its year.
 */
import { detectBodyLevel, type BodyLevel } from '../body-level';
import { formatNumber } from '../numbers';
import type { CellId, FindingDraft } from '../types';
import { isFilled, valueOf } from './context';
import type { RuleDef } from './rule';

const issuedVsInForce: RuleDef = {
  id: 'P.issuedVsInForce',
  severity: 'warning',
  kind: 'plausibility',
  title: 'title.P.issuedVsInForce',
  messages: ['P.issuedVsInForce'],
  evaluate({ rules, parsed, summary }) {
    const docs = rules.t2.documentColumns;
    if (!docs) return [];
    const out: FindingDraft[] = [];
    const v = (id: CellId) => valueOf(parsed, id) ?? 0;
    for (const r of rules.t2.documentRows) {
      const issued = `T2.${r}.${docs.issued}`;
      const repealed = `T2.${r}.${docs.repealed}`;
      const inForce = `T2.${r}.${docs.inForce}`;
      const ids = [issued, repealed, inForce];
      if (!ids.every((id) => isFilled(parsed, id))) {
        summary.add('P.issuedVsInForce', 'incomplete');
        continue;
      }
      const ok = v(issued) <= v(inForce) + v(repealed);
      summary.add('P.issuedVsInForce', ok ? 'passed' : 'failed');
      if (ok) continue;
      out.push({
        rule: 'P.issuedVsInForce',
        instance: `P.issuedVsInForce:${r}`,
        table: 'T2',
        cells: ids,
        reported: v(issued),
        computed: v(inForce) + v(repealed),
        imbalance: v(issued) - v(inForce) - v(repealed),
        suspects: [],
        params: { issued: v(issued), repealed: v(repealed), inForce: v(inForce) },
      });
    }
    return out;
  },
};

const feeDecimals: RuleDef = {
  id: 'P.feeDecimals',
  severity: 'warning',
  kind: 'plausibility',
  title: 'title.P.feeDecimals',
  messages: ['P.feeDecimals'],
  evaluate({ rules, parsed, raw, summary }) {
    const fee = rules.t2.feeCell;
    if (!fee) return [];
    if (!isFilled(parsed, fee)) {
      summary.add('P.feeDecimals', 'incomplete');
      return [];
    }
    const value = valueOf(parsed, fee)!;
    const text = typeof raw[fee] === 'string' ? String(raw[fee]) : formatNumber(value);
    const m = /[.．](\d+)/.exec(text);
    const decimals = m ? m[1].length : 0;
    summary.add('P.feeDecimals', decimals > 4 ? 'failed' : 'passed');
    if (decimals <= 4) return [];
    return [
      {
        rule: 'P.feeDecimals',
        instance: 'P.feeDecimals',
        table: 'T2',
        cells: [fee],
        reported: value,
        suspects: [fee],
        params: { value },
      },
    ];
  },
};

const bodyLevels = new Map<string, BodyLevel>();
/** `detectBodyLevel`, remembered: a folder's reports come from a few bodies, and the Excel host asks on every edit. */
function bodyLevelOf(org: string | undefined): BodyLevel {
  if (!org) return detectBodyLevel(org);
  let level = bodyLevels.get(org);
  if (level === undefined) {
    if (bodyLevels.size >= 1024) bodyLevels.clear();
    bodyLevels.set(org, (level = detectBodyLevel(org)));
  }
  return level;
}

const regulationsAtLocalLevel: RuleDef = {
  id: 'P.regulationsAtLocalLevel',
  severity: 'warning',
  kind: 'plausibility',
  title: 'title.P.regulationsAtLocalLevel',
  messages: ['P.regulationsAtLocalLevel'],
  evaluate({ rules, parsed, options, summary }) {
    const level = options.bodyLevel && options.bodyLevel !== 'unknown' ? options.bodyLevel : bodyLevelOf(options.org);
    if (level === 'unknown') return [];
    const local = level === 'county' || level === 'town';
    const nonZero = rules.regulationCells.filter((id) => isFilled(parsed, id) && valueOf(parsed, id) !== 0);
    const bad = local && nonZero.length > 0;
    summary.add('P.regulationsAtLocalLevel', bad ? 'failed' : 'passed');
    if (!bad) return [];
    return [
      {
        rule: 'P.regulationsAtLocalLevel',
        instance: 'P.regulationsAtLocalLevel',
        table: 'T2',
        cells: nonZero,
        suspects: nonZero,
        params: { level, values: nonZero.map((id) => valueOf(parsed, id)!) },
      },
    ];
  },
};

const outdated: RuleDef = {
  id: 'FMT.outdated',
  severity: 'warning',
  kind: 'format',
  title: 'title.FMT.outdated',
  messages: ['FMT.outdated'],
  evaluate({ format, options, summary }) {
    if (options.year === undefined) return [];
    const bad = options.year >= 2021 && format.id === '2019';
    summary.add('FMT.outdated', bad ? 'failed' : 'passed');
    if (!bad) return [];
    return [
      {
        rule: 'FMT.outdated',
        instance: 'FMT.outdated',
        cells: [],
        suspects: [],
        params: { year: options.year, expected: '2021', actual: format.id },
      },
    ];
  },
};

export const PLAUSIBILITY_RULES: readonly RuleDef[] = [issuedVsInForce, feeDecimals, regulationsAtLocalLevel];
export const FORMAT_RULES: readonly RuleDef[] = [outdated];
