/**
 * Output of `disclosure-tables check`: the JSON document (one stable shape for scripts) and the readable report
 * (summary line, then findings grouped by table and rule, with cells, reported vs computed, suspects and
 * suggestion). Colours only when the caller says the output is a terminal.
 */
import { getFormat } from '../model/formats';
import { formatMessage, type MessageKey, type MessageParams } from '../model/messages';
import { formatDiff, formatNumber } from '../model/numbers';
import { cellList, cellName, renderFinding, renderRuleTitle, type Addresses } from '../model/render';
import { computeRates, describeRates } from '../model/rates';
import { reportVerdict } from '../model/verdict';
import type { CheckResult, Finding, FindingParams, FormatId, Lang, RuleSummary, TableId } from '../model/types';
import type { ReaderNote, UnreadCell } from '../io/report-input';
import { meansPartlyUnread, noteAsJson, renderReaderNote } from '../io/reader-notes';
import { groupUnread, unreadReason, unreadTried } from '../io/unread';

export interface ReportEntry {
  file: string;
  format: FormatId;
  year?: number;
  org?: string;
  /** The previous year's report the cross-year rules used. */
  previous?: string;
  result: CheckResult;
  /** Sheet address of each cell, when the report was read from a workbook: messages then name cells by it too. */
  cellAddress?: Addresses;
  unrecognised?: string[];
  /** Cells the reader could not read (not blank in the report), with why. */
  unread?: UnreadCell[];
  /** What the reader says about how it read the report (a text cut short, a table not found). */
  notes?: ReaderNote[];
}

interface JsonFinding {
  rule: string;
  instance: string;
  severity: string;
  table: TableId | null;
  cells: string[];
  reported: number | null;
  computed: number | null;
  imbalance: number | null;
  suspects: string[];
  suggestion: Record<string, number> | null;
  suggestionReason: string | null;
  /** The finding as a sentence, in the language `--lang` names. */
  message: string;
  /** What the finding knows besides its cells and numbers (a cell's text, a formula, the narrative's phrase). */
  params: FindingParams;
}

function jsonFinding(f: Finding, format: FormatId, lang: Lang, addresses?: Addresses): JsonFinding {
  return {
    rule: f.rule,
    instance: f.instance,
    severity: f.severity,
    table: f.table ?? null,
    cells: f.cells,
    reported: f.reported ?? null,
    computed: f.computed ?? null,
    imbalance: f.imbalance ?? null,
    suspects: f.suspects,
    suggestion: f.suggestion ?? null,
    suggestionReason: f.suggestionReason ?? null,
    message: renderFinding(f, format, lang, addresses),
    params: f.params,
  };
}

export function jsonDocument(
  entries: ReportEntry[],
  unreadable: { file: string; message: string }[],
  lang: Lang = 'zh',
): unknown {
  return {
    reports: entries.map((e) => ({
      file: e.file,
      format: e.format,
      year: e.year ?? null,
      ...(e.org ? { org: e.org } : {}),
      status: reportVerdict(e.result, e.unread?.length ?? 0),
      ...(e.previous ? { previous: e.previous } : {}),
      cells: e.result.cells,
      unfilled: e.result.unfilled,
      findings: e.result.findings.map((f) => jsonFinding(f, e.format, lang, e.cellAddress)),
      summary: e.result.summary.map((s: RuleSummary) => ({ ...s })),
      rates: computeRates(e.format, e.result.cells, e.result.unfilled),
      ...(e.unrecognised && e.unrecognised.length ? { unrecognised: e.unrecognised } : {}),
      ...(e.notes && e.notes.length ? { notes: e.notes.map((n) => noteAsJson(n, e.format, lang)) } : {}),
      ...(e.unread && e.unread.length
        ? {
            unread: e.unread.map((u) => ({
              cell: u.cell,
              reason: u.reason,
              // The sentence names the cell by its table, row and column; the ids stay in `cell` and `reason`.
              name: cellName(e.format, u.cell, lang),
              message: `${cellName(e.format, u.cell, lang)}${formatMessage('list.colon', lang)}${unreadReason(u, lang)}`,
              line: u.line ?? null,
              tried: unreadTried(u, lang) ?? null,
            })),
          }
        : {}),
    })),
    ...(unreadable.length ? { unreadable } : {}),
  };
}

export function countSeverity(r: CheckResult, s: Finding['severity']): number {
  return r.findings.filter((f) => f.severity === s).length;
}

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', bold: '\x1b[1m', dim: '\x1b[2m' };
const RESET = '\x1b[0m';

interface RenderOptions {
  lang: Lang;
  colour: boolean;
  /** Say for each unread cell what the reader tried. */
  explain?: boolean;
}

export function renderReport(e: ReportEntry, o: RenderOptions): string {
  const t = (key: MessageKey, p: MessageParams = {}) => formatMessage(key, o.lang, p);
  const paint = (c: keyof typeof COLOURS, s: string) => (o.colour ? COLOURS[c] + s + RESET : s);
  const r = e.result;
  const lines: string[] = [];
  const org = e.org ? `${e.org} · ` : '';
  const meta =
    e.year !== undefined
      ? t('cli.reportMeta', { org, year: e.year, format: e.format })
      : t('cli.reportMetaNoYear', { org, format: e.format });
  lines.push(paint('bold', `${e.file}`) + `  ${meta}`);
  const errors = countSeverity(r, 'error');
  const warnings = countSeverity(r, 'warning');
  const verdict = reportVerdict(r, e.unread?.length ?? 0);
  const verdictColour = verdict === 'errors' ? 'error' : verdict === 'pass' ? 'bold' : 'warning';
  lines.push(`  ${paint(verdictColour, t('cli.verdict', { verdict: t(`verdict.${verdict}`) }))}`);
  // Value rules look at every cell: counting them would drown the relations in the total.
  const total = r.summary
    .filter((s) => !s.rule.startsWith('V.'))
    .reduce(
      (a, s) => ({
        checked: a.checked + s.checked,
        passed: a.passed + s.passed,
        failed: a.failed + s.failed,
        incomplete: a.incomplete + s.incomplete,
      }),
      { checked: 0, passed: 0, failed: 0, incomplete: 0 },
    );
  const counts = t('cli.counts', { errors, warnings, unfilled: r.unfilled.length });
  const sep = o.lang === 'zh' ? '；' : '; ';
  const unreadCount = e.unread?.length ? `${sep}${t('cli.unreadCount', { count: e.unread.length })}` : '';
  lines.push(
    `  ${paint(errors ? 'error' : warnings ? 'warning' : 'bold', counts + unreadCount)}${sep}${t('cli.ruleCounts', total)}`,
  );
  lines.push(`  ${t('cli.rates', { list: describeRates(computeRates(e.format, r.cells, r.unfilled), o.lang) })}`);
  lines.push(`  ${e.previous ? t('cli.previous', { file: e.previous }) : paint('dim', t('cli.noPrevious'))}`);
  if (!r.findings.length) lines.push(`  ${t('cli.allGood')}`);

  const format = getFormat(e.format);
  const groups = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const key = f.table ?? '';
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  for (const [table, findings] of groups) {
    const tdef = format.tables.find((x) => x.id === table);
    lines.push('', paint('bold', tdef ? `${tdef.shortName[o.lang]} ${tdef.heading}` : t('cli.otherTables')));
    let rule = '';
    for (const f of findings) {
      if (f.rule !== rule) {
        rule = f.rule;
        lines.push(`  ${renderRuleTitle(f.rule, o.lang)}`);
      }
      const sev = paint(f.severity, t(`cli.${f.severity}` as MessageKey));
      lines.push(`    ${sev}  ${renderFinding(f, e.format, o.lang, e.cellAddress)}`);
      const pad = '        ';
      if (f.cells.length > 1) {
        lines.push(pad + paint('dim', t('cli.cells', { cells: cellList(format, f.cells, o.lang, e.cellAddress) })));
      }
      if (f.reported !== undefined && f.computed !== undefined) {
        lines.push(
          pad +
            t('cli.values', {
              reported: f.reported,
              computed: f.computed,
              diff: formatDiff(f.imbalance ?? f.reported - f.computed),
            }),
        );
      }
      if (f.suspects.length && f.rule !== 'V.unfilled') {
        lines.push(pad + t('cli.suspects', { cells: cellList(format, f.suspects, o.lang, e.cellAddress) }));
      }
      if (f.suggestion) {
        const values = Object.entries(f.suggestion)
          .map(([id, v]) =>
            t('value.assign', { cell: cellName(format, id, o.lang, e.cellAddress?.[id]), value: formatNumber(v) }),
          )
          .join(t('list.separator'));
        lines.push(
          pad +
            paint('bold', t(f.suggestionReason === 'digitTypo' ? 'cli.suggestionTypo' : 'cli.suggestion', { values })),
        );
      }
    }
  }
  if (e.notes && e.notes.length) {
    // Before the unread cells: a note such as "the text ends inside 表四" says why many of them were not read.
    lines.push(
      '',
      paint(e.notes.some(meansPartlyUnread) ? 'warning' : 'dim', t('cli.notes', { count: e.notes.length })),
    );
    for (const n of e.notes)
      lines.push(paint(meansPartlyUnread(n) ? 'warning' : 'dim', `  ${renderReaderNote(n, e.format, o.lang)}`));
  }
  if (e.unread && e.unread.length) {
    lines.push('', paint('warning', t('cli.unread', { count: e.unread.length })));
    const groups = groupUnread(e.unread, o.lang);
    for (const g of groups.slice(0, 20)) {
      // --explain names every cell of the group, not the first few: it is asked for to see each unread cell.
      const cells = o.explain
        ? g.cells.map((id) => cellName(format, id, o.lang)).join(t('list.separator'))
        : cellList(format, g.cells, o.lang);
      lines.push(`  ${g.reason}${t('list.colon')}${cells}`);
      if (g.line) lines.push(paint('dim', `      ${t('cli.unreadLine', { line: g.line })}`));
      if (o.explain && g.tried) lines.push(paint('dim', `      ${t('cli.unreadTried', { tried: g.tried })}`));
    }
    if (groups.length > 20) lines.push('  …');
  }
  if (e.unrecognised && e.unrecognised.length) {
    lines.push('', paint('dim', t('cli.unrecognised', { count: e.unrecognised.length })));
    for (const u of e.unrecognised.slice(0, 20)) lines.push(paint('dim', `  ${u}`));
    if (e.unrecognised.length > 20) lines.push(paint('dim', '  …'));
  }
  return lines.join('\n') + '\n';
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

function pad(s: string, n: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, n - width(s)));
  return right ? fill + s : s + fill;
}

export function renderSummaryTable(entries: ReportEntry[], o: RenderOptions): string {
  const t = (key: MessageKey, p: MessageParams = {}) => formatMessage(key, o.lang, p);
  const head = ['cli.colFile', 'cli.colOrg', 'cli.colYear', 'cli.colErrors', 'cli.colWarnings', 'cli.colUnfilled'].map(
    (k) => t(k as MessageKey),
  );
  const rows = entries.map((e) => [
    e.file,
    e.org ?? '',
    e.year !== undefined ? String(e.year) : '',
    String(countSeverity(e.result, 'error')),
    String(countSeverity(e.result, 'warning')),
    String(e.result.unfilled.length),
  ]);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i >= 2)).join('  ');
  const out = [
    t('cli.summaryTitle', { count: entries.length }),
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
  ];
  for (const r of rows) {
    const text = line(r);
    out.push(o.colour && r[3] !== '0' ? COLOURS.error + text + RESET : text);
  }
  return out.join('\n') + '\n';
}

/** One line redrawn in place on stderr: `正在读取 [#####-----] 12/40 file`. */
export function progressLine(done: number, total: number, file: string, lang: Lang): string {
  const slots = 20;
  const filled = Math.round((done / Math.max(1, total)) * slots);
  const name = file.length > 40 ? '…' + file.slice(-39) : file;
  return `\r\x1b[2K${formatMessage('cli.progress', lang)} [${'#'.repeat(filled)}${'-'.repeat(slots - filled)}] ${done}/${total} ${name}`;
}
