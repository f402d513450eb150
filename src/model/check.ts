/**
 * `check()`: one report's values in, findings and a per-rule summary out. Pure and fast (the Excel adapter calls it
 * on every edit): the rule instances are built once per format, and the error locator only runs when an equation
 * fails.
 *
 * Unfilled cells (blank, `/`, `-`, `无`, or text) count as 0. A relation that touches one is `incomplete`, not
 * passed; it is reported as failed only when no non-negative figure in its unfilled cells could make it hold
 * (for example a total that is already smaller than its filled parts). Such a failure is a plain error, located
 * like any other.
 */
import { detectBodyLevel, type BodyLevel } from './body-level';
import { checkFormulas } from './formula-check';
import { locate } from './locate';
import { formatDiff, formatMessage, formatNumber, type MessageKey, type MessageParams } from './messages';
import { checkNarrative, narrativeFigures } from './narrative';
import { RULES, formatRules, ruleOrder, type Equation, type FormatRules } from './rules';
import type {
  CellId,
  CheckOptions,
  CheckResult,
  Finding,
  FormatId,
  Lang,
  ParsedCell,
  RawValues,
  ReportFormat,
  RuleId,
  RuleSummary,
  TableId,
} from './types';
import { parseCell } from './values';

type Status = 'passed' | 'failed' | 'incomplete';

/** Column of a status in the summary's counts (after `checked`). */
const STATUS_COLUMN: Record<Status, number> = { passed: 1, failed: 2, incomplete: 3 };
const RULE_INDEX = new Map<RuleId, number>(RULES.map((r, i) => [r.id, i]));

/**
 * Pass, fail and incomplete counts per rule: one flat array of RULES.length × (checked, passed, failed,
 * incomplete); a rule outside RULES (the narrative's) gets its counts appended in the order first seen.
 */
class Summary {
  private readonly counts = new Array<number>(RULES.length * 4).fill(0);
  private extra: Map<RuleId, number[]> | null = null;

  add(rule: RuleId, status: Status, n = 1) {
    const i = RULE_INDEX.get(rule);
    if (i !== undefined) this.addAt(i, status, n);
    else {
      this.extra ??= new Map();
      let t = this.extra.get(rule);
      if (!t) this.extra.set(rule, (t = [0, 0, 0, 0]));
      t[0] += n;
      t[STATUS_COLUMN[status]] += n;
    }
  }

  /** `add` for a rule of RULES given by its index. */
  addAt(ruleIndex: number, status: Status, n = 1) {
    this.counts[ruleIndex * 4] += n;
    this.counts[ruleIndex * 4 + STATUS_COLUMN[status]] += n;
  }

  list(): RuleSummary[] {
    const c = this.counts;
    const out: RuleSummary[] = RULES.map((r, i) => ({
      rule: r.id,
      checked: c[i * 4],
      passed: c[i * 4 + 1],
      failed: c[i * 4 + 2],
      incomplete: c[i * 4 + 3],
    }));
    if (this.extra)
      for (const [rule, t] of this.extra)
        out.push({ rule, checked: t[0], passed: t[1], failed: t[2], incomplete: t[3] });
    return out;
  }
}

/** Names a cell for messages: table, row and column labels, and the sheet address and id. */
export function cellName(format: ReportFormat, id: CellId, lang: Lang, address?: string): string {
  const c = format.cellById.get(id);
  if (!c) return id;
  const table = format.tables.find((t) => t.id === c.table)!;
  const single = c.rowLabel === c.colLabel;
  const name = formatMessage(single ? 'cell.nameSingle' : 'cell.name', lang, {
    table: table.shortName[lang],
    row: c.rowLabel,
    col: c.colLabel,
  });
  const ref = address ? (lang === 'zh' ? `${address}，${id}` : `${address}, ${id}`) : id;
  return name + formatMessage('cell.ref', lang, { ref });
}

const NAMED_CELLS = 3;
const LISTED_IDS = 5;

function cellList(format: ReportFormat, ids: CellId[], lang: Lang, address?: Readonly<Record<CellId, string>>): string {
  const sep = formatMessage('list.separator', lang);
  if (ids.length <= NAMED_CELLS) return ids.map((id) => cellName(format, id, lang, address?.[id])).join(sep);
  const shown = ids.slice(0, LISTED_IDS).map((id) => (address?.[id] ? `${address[id]}(${id})` : id));
  const more = ids.length > LISTED_IDS ? formatMessage('list.more', lang, { count: ids.length }) : '';
  return shown.join(sep) + more;
}

/** A previous year's values without a format said: 2021 has rows (R6_1 …) that 2019 lacks, and the reverse. */
function guessFormat(values: RawValues, fallback: FormatId): FormatId {
  const only = (a: FormatId, b: FormatId) => {
    const other = formatRules(b).format.cellById;
    return formatRules(a).format.cells.some((c) => !other.has(c.id) && values[c.id] !== undefined);
  };
  if (only('2021', '2019')) return '2021';
  if (only('2019', '2021')) return '2019';
  return fallback;
}

/**
 * A format's cells and equations by position, built once per format: `check()` then works on arrays instead of
 * looking every cell up by id.
 */
interface Compiled {
  rules: FormatRules;
  ids: CellId[];
  index: ReadonlyMap<CellId, number>;
  /** Per equation (in `rules.equations` order): its rule's index in RULES and its cells' positions. */
  equations: { rule: number; reported: number[]; computed: number[] }[];
  /** Table 二's first document row (规章): the cells `P.regulationsAtLocalLevel` looks at. */
  regulationCells: CellId[];
}

const compiledFormats = new WeakMap<FormatRules, Compiled>();

function compiled(rules: FormatRules): Compiled {
  let c = compiledFormats.get(rules);
  if (c) return c;
  const f = rules.format;
  const ids = f.cells.map((x) => x.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const at = (id: CellId) => index.get(id)!;
  c = {
    rules,
    ids,
    index,
    equations: rules.equations.map((eq) => {
      const rule = RULE_INDEX.get(eq.rule);
      if (rule === undefined) throw new Error(`rule ${eq.rule} is not in RULES`);
      return { rule, reported: eq.reported.map(at), computed: eq.computed.map(at) };
    }),
    regulationCells: f.cells.filter((x) => x.table === 'T2' && x.rowKey === rules.t2.documentRows[0]).map((x) => x.id),
  };
  compiledFormats.set(rules, c);
  return c;
}

/** The parsed values of one report, by cell position (see `Compiled.ids`). */
interface Parsed {
  compiled: Compiled;
  /** The number used in arithmetic (0 for an unfilled cell). */
  value: Float64Array;
  /** The same numbers as JS values, for the result: read back from `value`, each would be a new heap number. */
  boxed: unknown[];
  filled: Uint8Array;
  /** The full parse of the cells whose text had something to say (problems or a note). */
  remarks: (ParsedCell | undefined)[];
}

function parseAll(c: Compiled, raw: RawValues): Parsed {
  const cells = c.rules.format.cells;
  const n = cells.length;
  const value = new Float64Array(n);
  const filled = new Uint8Array(n);
  const boxed = new Array<unknown>(n).fill(null);
  const remarks: (ParsedCell | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const r = raw[c.ids[i]];
    if (r === null || r === undefined) continue;
    // The common case, a whole count ≥ 0 typed as a number, has nothing more to say (see `parseCell`).
    if (typeof r === 'number' && r >= 0 && Number.isInteger(r)) {
      value[i] = r;
      boxed[i] = r;
      filled[i] = 1;
      continue;
    }
    const p = parseCell(r, cells[i].kind);
    value[i] = p.value;
    boxed[i] = p.value;
    filled[i] = p.filled ? 1 : 0;
    if (p.problems.length || p.note !== undefined) remarks[i] = p;
  }
  return { compiled: c, value, boxed, filled, remarks };
}

function isFilled(p: Parsed, id: CellId): boolean {
  const i = p.compiled.index.get(id);
  return i !== undefined && p.filled[i] === 1;
}

function valueOf(p: Parsed, id: CellId): number | undefined {
  const i = p.compiled.index.get(id);
  return i === undefined ? undefined : p.value[i];
}

const VALUE_RULES: readonly RuleId[] = ['V.notNumber', 'V.negative', 'V.fraction', 'V.fullWidth', 'V.textNumber'];

export function check(format: FormatId, raw: RawValues, options: CheckOptions = {}): CheckResult {
  const lang: Lang = options.lang ?? 'zh';
  const rules = formatRules(format);
  const f = rules.format;
  const address = options.cellAddress;
  const summary = new Summary();
  const findings: Finding[] = [];
  const name = (id: CellId) => cellName(f, id, lang, address?.[id]);
  const msg = (key: MessageKey, params: MessageParams) => formatMessage(key, lang, params);
  const tableName = (t: TableId) => f.tables.find((x) => x.id === t)!.shortName[lang];

  // ── Values ───────────────────────────────────────────────────────────────────────────────────────────────
  const parsed = parseAll(compiled(rules), raw);
  const cellsOut: Record<CellId, number> = {};
  const unfilled: CellId[] = [];
  // Cells a reader could not read are not blank in the report: never listed as unfilled (the report is not to
  // blame), and the relations they are in stay incomplete as for any cell without a figure.
  const unreadSet = new Set<CellId>(options.unread ?? []);
  const unread: CellId[] = [];
  const blankByTable = new Map<TableId, CellId[]>();
  let problemCount: Map<RuleId, number> | undefined;
  const cells = f.cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const filled = parsed.filled[i] === 1;
    if (!filled && unreadSet.has(c.id)) {
      unread.push(c.id);
      continue;
    }
    if (filled) cellsOut[c.id] = parsed.boxed[i] as number;
    else unfilled.push(c.id);
    const p = parsed.remarks[i];
    if (!p) {
      if (filled) continue;
      const list = blankByTable.get(c.table);
      if (list) list.push(c.id);
      else blankByTable.set(c.table, [c.id]);
      continue;
    }
    const text = raw[c.id];
    if (!p.filled && !p.problems.length) {
      const list = blankByTable.get(c.table);
      if (list) list.push(c.id);
      else blankByTable.set(c.table, [c.id]);
    }
    for (const pr of p.problems) {
      problemCount ??= new Map();
      problemCount.set(pr.rule, (problemCount.get(pr.rule) ?? 0) + 1);
      const key: MessageKey =
        pr.rule === 'V.negative' && c.kind === 'amount' ? 'V.negativeAmount' : (pr.rule as MessageKey);
      findings.push({
        rule: pr.rule,
        instance: `${pr.rule}:${c.id}`,
        severity: pr.severity,
        table: c.table,
        cells: [c.id],
        ...(p.filled ? { reported: p.value } : {}),
        suspects: [c.id],
        message: msg(key, {
          cell: name(c.id),
          raw: text === null || text === undefined ? '' : String(text),
          value: p.value,
        }),
        ...(p.note ? { detail: { note: p.note } } : {}),
      });
    }
  }
  for (const rule of VALUE_RULES) {
    const failed = problemCount?.get(rule) ?? 0;
    summary.add(rule, 'passed', f.cells.length - failed);
    summary.add(rule, 'failed', failed);
  }
  let blanks = 0;
  for (const t of f.tables) {
    const ids = blankByTable.get(t.id);
    if (!ids) continue;
    blanks += ids.length;
    findings.push({
      rule: 'V.unfilled',
      instance: `V.unfilled:${t.id}`,
      severity: 'warning',
      table: t.id,
      cells: ids,
      suspects: [],
      message: msg('V.unfilled', { table: tableName(t.id), count: ids.length, cells: cellList(f, ids, lang, address) }),
    });
  }
  summary.add('V.unfilled', 'passed', f.cells.length - blanks - unread.length);
  summary.add('V.unfilled', 'failed', blanks);

  // ── Formulas ─────────────────────────────────────────────────────────────────────────────────────────────
  const formulaCells = new Set<CellId>(options.formulaCells ?? []);
  if (options.formulas && address) {
    const report = checkFormulas(f, options.formulas, address);
    for (const id of report.intact) formulaCells.add(id);
    const typedOver = report.problems.filter((p) => p.rule === 'F.notFormula').length;
    const badRange = report.problems.length - typedOver;
    summary.add('F.notFormula', 'failed', typedOver);
    summary.add('F.notFormula', 'passed', report.checked.notFormula - typedOver);
    summary.add('F.formulaRange', 'failed', badRange);
    summary.add('F.formulaRange', 'passed', report.checked.formulaRange - badRange);
    for (const p of report.problems) {
      formulaCells.delete(p.cell);
      const value = valueOf(parsed, p.cell)!;
      findings.push({
        rule: p.rule,
        instance: `${p.rule}:${p.cell}`,
        severity: p.severity,
        table: p.table,
        cells: [p.cell],
        ...(isFilled(parsed, p.cell) ? { reported: value } : {}),
        suspects: [p.cell],
        message: msg(p.rule, { cell: name(p.cell), formula: p.formula, expected: p.expected, value }),
        detail: { formula: p.formula, expected: p.expected },
      });
    }
  }
  // A typed value can never be a live total, whatever the caller said.
  for (const id of formulaCells) if (!f.cellById.get(id)?.sumOf) formulaCells.delete(id);

  // ── Relations ────────────────────────────────────────────────────────────────────────────────────────────
  const list = (ids: CellId[]) => cellList(f, ids, lang, address);
  const relationFindings = checkRelations(parsed, formulaCells, summary, lang, name, list);
  for (const x of relationFindings) findings.push(x);

  // ── Plausibility, cross-year, format ─────────────────────────────────────────────────────────────────────
  for (const x of checkPlausibility(parsed, raw, options, summary, lang, name)) findings.push(x);
  if (options.previous) findings.push(...checkCrossYear(parsed, options.previous, options, summary, lang));
  if (options.year !== undefined) {
    const outdated = options.year >= 2021 && format === '2019';
    summary.add('FMT.outdated', outdated ? 'failed' : 'passed');
    if (outdated) {
      findings.push({
        rule: 'FMT.outdated',
        instance: 'FMT.outdated',
        severity: 'warning',
        cells: [],
        suspects: [],
        message: msg('FMT.outdated', {
          year: options.year,
          expected: formatRules('2021').format.source,
          actual: f.source,
        }),
      });
    }
  }

  // ── Narrative ────────────────────────────────────────────────────────────────────────────────────────────
  if (options.narrative) {
    const n = checkNarrative(options.narrative, raw, f, lang);
    const figures = narrativeFigures(options.narrative).length;
    summary.add('N.figures', 'failed', n.length);
    summary.add('N.figures', 'passed', Math.max(0, figures - n.length));
    findings.push(...n);
  }

  return {
    format,
    cells: cellsOut,
    unfilled,
    ...(unread.length ? { unread } : {}),
    findings: sortFindings(f, findings),
    summary: summary.list(),
  };
}

const TABLE_ORDER: Record<TableId, number> = { T2: 0, T3: 1, T4: 2 };

function sortFindings(f: ReportFormat, findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const cellOrder = formatRules(f.id).cellOrder;
  return findings
    .map((x, i) => ({ x, i }))
    .sort((a, b) => {
      const ta = a.x.table ? TABLE_ORDER[a.x.table] : 3;
      const tb = b.x.table ? TABLE_ORDER[b.x.table] : 3;
      if (ta !== tb) return ta - tb;
      const ra = ruleOrder(a.x.rule);
      const rb = ruleOrder(b.x.rule);
      if (ra !== rb) return ra - rb;
      const ca = cellOrder.get(a.x.cells[0]) ?? 0;
      const cb = cellOrder.get(b.x.cells[0]) ?? 0;
      return a.x.rule.startsWith('V.') || a.x.rule.startsWith('F.') ? ca - cb || a.i - b.i : a.i - b.i;
    })
    .map(({ x }) => x);
}

function checkRelations(
  parsed: Parsed,
  formulaCells: ReadonlySet<CellId>,
  summary: Summary,
  lang: Lang,
  name: (id: CellId) => string,
  list: (ids: CellId[]) => string,
): Finding[] {
  const { rules, equations } = parsed.compiled;
  const { value, filled } = parsed;
  const residuals: number[] = [];
  const skip = new Set<number>();
  const failedEq: { eq: Equation; index: number; reported: number; computed: number }[] = [];
  for (let index = 0; index < equations.length; index++) {
    const eq = equations[index];
    // Summed in the equation's cell order, as before: amounts are floating point.
    let reported = 0;
    let openReported = false;
    for (const i of eq.reported) {
      reported += value[i];
      if (!filled[i]) openReported = true;
    }
    let computed = 0;
    let openComputed = false;
    for (const i of eq.computed) {
      computed += value[i];
      if (!filled[i]) openComputed = true;
    }
    const d = reported - computed;
    // Whether figures ≥ 0 typed into the unfilled cells could still make the equation hold.
    const fixable = d === 0 || (d < 0 && openReported) || (d > 0 && openComputed);
    let status: Status;
    if (openReported || openComputed) status = fixable ? 'incomplete' : 'failed';
    else status = d === 0 ? 'passed' : 'failed';
    summary.addAt(eq.rule, status);
    if (status === 'incomplete') skip.add(index);
    residuals.push(status === 'incomplete' ? 0 : roundCents(d));
    if (status === 'failed') failedEq.push({ eq: rules.equations[index], index, reported, computed });
  }
  if (!failedEq.length) return [];

  const locations = locate({ rules, values: { get: (id) => valueOf(parsed, id) }, residuals, formulaCells, skip });
  const byEq = new Map<number, (typeof locations)[number]>();
  for (const loc of locations) for (const e of loc.equations) byEq.set(e, loc);

  return failedEq.map(({ eq, index, reported, computed }) => {
    const imbalance = roundCents(reported - computed);
    const loc = byEq.get(index);
    const suspects = loc ? loc.suspects.filter((c) => loc.reach.get(c)?.has(index)) : [];
    const finding: Finding = {
      rule: eq.rule,
      instance: eq.instance,
      severity: 'error',
      table: eq.table,
      cells: eq.cells,
      reported,
      computed,
      imbalance,
      suspects,
      message: '',
    };
    let message = formatMessage(eq.rule as MessageKey, lang, {
      ...eq.params[lang],
      reported,
      computed,
      diff: formatDiff(imbalance),
    });
    if (loc && suspects.length) {
      const sep = formatMessage('list.separator', lang);
      const names = list(suspects);
      const suggestion = loc.suggestion ? suspects.filter((c) => c in loc.suggestion!) : [];
      const ambiguous = loc.suspects.length > 1 && !(loc.reason === 'unique');
      if (suggestion.length) {
        finding.suggestion = Object.fromEntries(suggestion.map((c) => [c, loc.suggestion![c]]));
        finding.suggestionReason = loc.reason;
      }
      if (ambiguous && loc.reason !== 'digitTypo') {
        message += formatMessage('locate.suspectsMany', lang, { cells: names });
      } else if (ambiguous && loc.reason === 'digitTypo') {
        message += formatMessage('locate.suspectsMany', lang, { cells: names });
        if (suggestion.length) {
          message += formatMessage('locate.digitTypo', lang, {
            values: suggestion.map((c) => `${name(c)} = ${formatNumber(loc.suggestion![c])}`).join(sep),
          });
        }
      } else {
        message += formatMessage('locate.suspects', lang, { cells: names });
        if (suggestion.length) {
          const vals =
            suggestion.length === 1
              ? formatNumber(loc.suggestion![suggestion[0]])
              : suggestion.map((c) => `${c} = ${formatNumber(loc.suggestion![c])}`).join(sep);
          message += formatMessage(loc.reason === 'digitTypo' ? 'locate.digitTypo' : 'locate.suggestion', lang, {
            values: vals,
          });
        }
      }
    }
    finding.message = message;
    return finding;
  });
}

/** Amount sums in floating point (72701.2578 + …): keep differences free of float noise. */
function roundCents(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

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

function checkPlausibility(
  parsed: Parsed,
  raw: RawValues,
  options: CheckOptions,
  summary: Summary,
  lang: Lang,
  name: (id: CellId) => string,
): Finding[] {
  const rules = parsed.compiled.rules;
  const f = rules.format;
  const out: Finding[] = [];
  const t2 = f.tables.find((t) => t.id === 'T2')!;
  const filled = (id: CellId) => isFilled(parsed, id);
  const v = (id: CellId) => valueOf(parsed, id) ?? 0;
  const label = (id: CellId) => f.cellById.get(id)!;

  const docs = rules.t2.documentColumns;
  if (docs) {
    for (const r of rules.t2.documentRows) {
      const issued = `T2.${r}.${docs.issued}`;
      const repealed = `T2.${r}.${docs.repealed}`;
      const inForce = `T2.${r}.${docs.inForce}`;
      const ids = [issued, repealed, inForce];
      if (!ids.every(filled)) {
        summary.add('P.issuedVsInForce', 'incomplete');
        continue;
      }
      const ok = v(issued) <= v(inForce) + v(repealed);
      summary.add('P.issuedVsInForce', ok ? 'passed' : 'failed');
      if (ok) continue;
      out.push({
        rule: 'P.issuedVsInForce',
        instance: `P.issuedVsInForce:${r}`,
        severity: 'warning',
        table: 'T2',
        cells: ids,
        reported: v(issued),
        computed: v(inForce) + v(repealed),
        imbalance: v(issued) - v(inForce) - v(repealed),
        suspects: [],
        message: formatMessage('P.issuedVsInForce', lang, {
          table: t2.shortName[lang],
          row: label(issued).rowLabel,
          issuedLabel: label(issued).colLabel,
          repealedLabel: label(repealed).colLabel,
          inForceLabel: label(inForce).colLabel,
          issued: v(issued),
          repealed: v(repealed),
          inForce: v(inForce),
        }),
      });
    }
  }

  const fee = rules.t2.feeCell;
  if (fee) {
    if (!filled(fee)) summary.add('P.feeDecimals', 'incomplete');
    else {
      const text = typeof raw[fee] === 'string' ? String(raw[fee]) : formatNumber(v(fee));
      const m = /[.．](\d+)/.exec(text);
      const decimals = m ? m[1].length : 0;
      summary.add('P.feeDecimals', decimals > 4 ? 'failed' : 'passed');
      if (decimals > 4) {
        out.push({
          rule: 'P.feeDecimals',
          instance: 'P.feeDecimals',
          severity: 'warning',
          table: 'T2',
          cells: [fee],
          reported: v(fee),
          suspects: [fee],
          message: formatMessage('P.feeDecimals', lang, { cell: name(fee), value: v(fee) }),
        });
      }
    }
  }

  const level = options.bodyLevel && options.bodyLevel !== 'unknown' ? options.bodyLevel : bodyLevelOf(options.org);
  if (level !== 'unknown') {
    const normRow = rules.t2.documentRows[1];
    const regCells = parsed.compiled.regulationCells;
    const local = level === 'county' || level === 'town';
    const nonZero = regCells.filter((id) => filled(id) && v(id) !== 0);
    const bad = local && nonZero.length > 0;
    summary.add('P.regulationsAtLocalLevel', bad ? 'failed' : 'passed');
    if (bad) {
      const sep = formatMessage('list.separator', lang);
      out.push({
        rule: 'P.regulationsAtLocalLevel',
        instance: 'P.regulationsAtLocalLevel',
        severity: 'warning',
        table: 'T2',
        cells: nonZero,
        suspects: nonZero,
        message: formatMessage('P.regulationsAtLocalLevel', lang, {
          level: formatMessage(`level.${level}`, lang),
          table: t2.shortName[lang],
          row: label(regCells[0]).rowLabel,
          normRow: label(`T2.${normRow}.${label(regCells[0]).colKey}`)?.rowLabel ?? normRow,
          cells: nonZero.map((id) => `${label(id).colLabel} ${formatNumber(v(id))}`).join(sep),
        }),
        detail: { level },
      });
    }
  }
  return out;
}

function checkCrossYear(
  parsed: Parsed,
  previousRaw: RawValues,
  options: CheckOptions,
  summary: Summary,
  lang: Lang,
): Finding[] {
  const rules = parsed.compiled.rules;
  const f = rules.format;
  const out: Finding[] = [];
  const prevRules = formatRules(options.previousFormat ?? guessFormat(previousRaw, f.id));
  const prev = parseAll(compiled(prevRules), previousRaw);
  const t3 = f.tables.find((t) => t.id === 'T3')!;
  const t2 = f.tables.find((t) => t.id === 'T2')!;

  // P.sameAsLastYear: every figure both years have in common is filled and equal, and there is something in them.
  const common = f.cells.filter((c) => prevRules.format.cellById.has(c.id)).map((c) => c.id);
  const comparable = common.filter((id) => isFilled(parsed, id) && isFilled(prev, id));
  const nonZero = comparable.filter((id) => valueOf(parsed, id) !== 0).length;
  if (comparable.length === common.length && nonZero >= 3) {
    const same = comparable.every((id) => valueOf(parsed, id) === valueOf(prev, id));
    summary.add('P.sameAsLastYear', same ? 'failed' : 'passed');
    if (same) {
      const sep = formatMessage('list.separator', lang);
      out.push({
        rule: 'P.sameAsLastYear',
        instance: 'P.sameAsLastYear',
        severity: 'warning',
        cells: comparable,
        suspects: [],
        message: formatMessage('P.sameAsLastYear', lang, {
          tables: f.tables.map((t) => t.shortName[lang]).join(sep),
          count: comparable.length,
        }),
      });
    }
  } else summary.add('P.sameAsLastYear', 'incomplete');

  // X.carry: this year's carried-in row against last year's carried-out row, column by column.
  const carryIn = rules.t3.inRows[rules.t3.inRows.length - 1];
  const carryOut = prevRules.t3.outRows[prevRules.t3.outRows.length - 1];
  for (const c of f.t3.columns) {
    const here = `T3.${carryIn}.${c}`;
    const there = `T3.${carryOut}.${c}`;
    if (!prevRules.format.cellById.has(there)) continue;
    if (!isFilled(parsed, here) || !isFilled(prev, there)) {
      summary.add('X.carry', 'incomplete');
      continue;
    }
    const reported = valueOf(parsed, here)!;
    const computed = valueOf(prev, there)!;
    summary.add('X.carry', reported === computed ? 'passed' : 'failed');
    if (reported === computed) continue;
    const hereCell = f.cellById.get(here)!;
    out.push({
      rule: 'X.carry',
      instance: `X.carry:${c}`,
      severity: 'warning',
      table: 'T3',
      cells: [here],
      reported,
      computed,
      imbalance: reported - computed,
      suspects: [],
      message: formatMessage('X.carry', lang, {
        table: t3.shortName[lang],
        col: hereCell.colLabel.slice(hereCell.colLabel.lastIndexOf('·') + 1),
        carryIn: hereCell.rowLabel,
        carryOut: prevRules.format.cellById.get(there)!.rowLabel,
        reported,
        computed,
        diff: formatDiff(reported - computed),
      }),
      detail: { previousCell: there },
    });
  }

  // X.inForce: only when both years count documents in force (the 2021 columns); the 2019 `对外公开总数量`
  // counts published documents, which is not the same stock.
  const docs = rules.t2.documentColumns;
  const prevDocs = prevRules.t2.documentColumns;
  if (docs && prevDocs) {
    for (const r of rules.t2.documentRows) {
      const inForce = `T2.${r}.${docs.inForce}`;
      const issued = `T2.${r}.${docs.issued}`;
      const repealed = `T2.${r}.${docs.repealed}`;
      const before = `T2.${r}.${prevDocs.inForce}`;
      if (![inForce, issued, repealed].every((id) => isFilled(parsed, id)) || !isFilled(prev, before)) {
        summary.add('X.inForce', 'incomplete');
        continue;
      }
      const reported = valueOf(parsed, inForce)!;
      const previous = valueOf(prev, before)!;
      const computed = previous + valueOf(parsed, issued)! - valueOf(parsed, repealed)!;
      summary.add('X.inForce', reported === computed ? 'passed' : 'failed');
      if (reported === computed) continue;
      const cell = (id: CellId) => f.cellById.get(id)!;
      out.push({
        rule: 'X.inForce',
        instance: `X.inForce:${r}`,
        severity: 'warning',
        table: 'T2',
        cells: [inForce, issued, repealed],
        reported,
        computed,
        imbalance: reported - computed,
        suspects: [],
        message: formatMessage('X.inForce', lang, {
          table: t2.shortName[lang],
          row: cell(inForce).rowLabel,
          inForceLabel: cell(inForce).colLabel,
          issuedLabel: cell(issued).colLabel,
          repealedLabel: cell(repealed).colLabel,
          previous,
          issued: valueOf(parsed, issued)!,
          repealed: valueOf(parsed, repealed)!,
          reported,
          computed,
          diff: formatDiff(reported - computed),
        }),
        detail: { previous },
      });
    }
  }
  return out;
}
