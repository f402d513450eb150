/**
 * The one renderer of findings: `renderFinding(finding, format, lang, addresses)` writes a finding (data) as a
 * sentence in the reader's language, from the message table. A cell is named by its table, row and column labels,
 * and by its sheet address when the caller knows it (Excel, an .xlsx file); never by its internal id.
 */
import { getFormat } from './formats';
import { formatMessage, type MessageKey, type MessageParams } from './messages';
import { formatDiff, formatNumber } from './numbers';
import { prepare } from './prepared';
import type { EditAttribution } from './recent-edit';
import { ruleDef } from './rules';
import type {
  CellId,
  DataCell,
  FindingDraft,
  FormatId,
  Lang,
  RawValue,
  ReportFormat,
  RuleId,
  TableDamage,
  TableId,
} from './types';

/** Sheet address of each data cell (`D23`), when the report was read from a sheet. */
export type Addresses = Readonly<Record<CellId, string>>;

function formatOf(format: FormatId | ReportFormat): ReportFormat {
  return typeof format === 'string' ? getFormat(format) : format;
}

function tableName(format: ReportFormat, table: TableId | undefined, lang: Lang): string {
  return format.tables.find((t) => t.id === table)?.shortName[lang] ?? '';
}

/**
 * A cell as the tables print it. `full` (a sentence of the CLI or the details): `表三“一、本年新收…”行“自然人”列（D23）`.
 * `short` (the pane's card, beside the sheet): the address first, then the row and the column's last label,
 * `D23（一、本年新收… · 自然人）`.
 */
export function cellName(
  format: FormatId | ReportFormat,
  id: CellId,
  lang: Lang,
  address?: string,
  form: 'full' | 'short' = 'full',
): string {
  const f = formatOf(format);
  const c = f.cellById.get(id);
  if (!c) return address ?? '?';
  if (form === 'short') {
    const label =
      c.rowLabel === c.colLabel
        ? c.rowLabel
        : formatMessage('cell.rowCol', lang, { row: c.rowLabel, col: shortCol(c.colLabel) });
    return address ? address + formatMessage('cell.ref', lang, { ref: label }) : label;
  }
  const name = formatMessage(c.rowLabel === c.colLabel ? 'cell.nameSingle' : 'cell.name', lang, {
    table: tableName(f, c.table, lang),
    row: c.rowLabel,
    col: c.colLabel,
  });
  return address ? name + formatMessage('cell.ref', lang, { ref: address }) : name;
}

const NAMED_CELLS = 3;
const LISTED_ADDRESSES = 5;

/** A few cells by name; a long list by sheet address when there is one, and a count of the rest. */
export function cellList(format: ReportFormat, ids: CellId[], lang: Lang, addresses?: Addresses): string {
  const sep = formatMessage('list.separator', lang);
  if (ids.length <= NAMED_CELLS) return ids.map((id) => cellName(format, id, lang, addresses?.[id])).join(sep);
  const located = addresses && ids.every((id) => addresses[id]);
  const shown = located
    ? ids.slice(0, LISTED_ADDRESSES).map((id) => addresses[id])
    : ids.slice(0, NAMED_CELLS).map((id) => cellName(format, id, lang));
  const more = ids.length > shown.length ? formatMessage('list.more', lang, { count: ids.length }) : '';
  return shown.join(sep) + more;
}

/** The name of several cells of table 三: the category label that spans their rows, when there is one. */
function groupName(format: ReportFormat, ids: CellId[], lang: Lang): string | null {
  const cells = ids.map((id) => format.cellById.get(id)).filter((c): c is DataCell => c !== undefined);
  if (cells.length !== ids.length || cells.some((c) => c.table !== 'T3')) return null;
  const t = format.tables.find((x) => x.id === 'T3')!;
  const top = Math.min(...cells.map((c) => c.row));
  const bottom = Math.max(...cells.map((c) => c.row));
  const span = t.labels.find(
    (l) => l.role === 'rowLabel' && l.col > 0 && l.row === top && l.row + l.rows - 1 === bottom,
  );
  if (!span) return null;
  return formatMessage('cell.name', lang, { table: t.shortName[lang], row: span.text, col: cells[0].colLabel });
}

/** A column label without the header it sits under (`申请人情况·自然人` → `自然人`). */
function shortCol(label: string): string {
  return label.slice(label.lastIndexOf('·') + 1);
}

/** What the error locator found, appended to a relation's sentence. */
function located(f: FindingDraft, format: ReportFormat, lang: Lang, addresses?: Addresses): string {
  if (!f.suspects.length || f.params.suspicion === undefined) return '';
  const sep = formatMessage('list.separator', lang);
  const names = cellList(format, f.suspects, lang, addresses);
  const suggested = f.suggestion ? f.suspects.filter((c) => c in f.suggestion!) : [];
  const assign = (c: CellId) =>
    formatMessage('value.assign', lang, {
      cell: cellName(format, c, lang, addresses?.[c]),
      value: f.suggestion![c],
    });
  if (f.params.suspicion === 'ambiguous') {
    let out = formatMessage('locate.suspectsMany', lang, { cells: names });
    if (f.suggestionReason === 'digitTypo' && suggested.length)
      out += formatMessage('locate.digitTypo', lang, { values: suggested.map(assign).join(sep) });
    return out;
  }
  let out = formatMessage('locate.suspects', lang, { cells: names });
  if (suggested.length) {
    const values = suggested.length === 1 ? formatNumber(f.suggestion![suggested[0]]) : suggested.map(assign).join(sep);
    out += formatMessage(f.suggestionReason === 'digitTypo' ? 'locate.digitTypo' : 'locate.suggestion', lang, {
      values,
    });
  }
  return out;
}

function num(f: FindingDraft, key: string): number | undefined {
  const v = f.params[key];
  return typeof v === 'number' ? v : undefined;
}

function text(f: FindingDraft, key: string): string | undefined {
  const v = f.params[key];
  return typeof v === 'string' ? v : undefined;
}

/** The message key and its parameters for a finding. */
function words(f: FindingDraft, format: ReportFormat, lang: Lang, addresses?: Addresses): [MessageKey, MessageParams] {
  const cell = (id: CellId) => format.cellById.get(id);
  const name = (id: CellId) => cellName(format, id, lang, addresses?.[id]);
  const table = tableName(format, f.table, lang);
  const diff = formatDiff(f.imbalance ?? (f.reported ?? 0) - (f.computed ?? 0));
  const first = f.cells[0];
  switch (f.rule) {
    case 'T3.balance':
    case 'T3.rowTotal':
    case 'T3.resultTotal':
    case 'T4.groupTotal': {
      const eq = prepare(format.id).rules.equationByInstance.get(f.instance);
      return [f.rule, { ...eq?.labels, table, reported: f.reported, computed: f.computed, diff }];
    }
    case 'V.notNumber':
    case 'V.negative':
    case 'V.fraction':
    case 'V.fullWidth':
    case 'V.textNumber': {
      const wouldBe = num(f, 'wouldBe');
      const key =
        f.rule === 'V.negative' && cell(first)?.kind === 'amount'
          ? 'V.negativeAmount'
          : f.rule === 'V.notNumber' && wouldBe !== undefined
            ? 'V.notNumberWouldBe'
            : f.rule;
      return [key, { cell: name(first), raw: text(f, 'raw') ?? '', value: num(f, 'value'), wouldBe }];
    }
    case 'V.unfilled':
      return [f.rule, { table, count: f.cells.length, cells: cellList(format, f.cells, lang, addresses) }];
    case 'F.notFormula':
    case 'F.formulaRange':
      return [
        f.rule,
        { cell: name(first), formula: text(f, 'formula'), expected: text(f, 'expected'), value: num(f, 'value') },
      ];
    case 'P.issuedVsInForce': {
      const [issued, repealed, inForce] = f.cells.map((id) => cell(id));
      return [
        f.rule,
        {
          table,
          row: issued?.rowLabel,
          issuedLabel: issued?.colLabel,
          repealedLabel: repealed?.colLabel,
          inForceLabel: inForce?.colLabel,
          issued: num(f, 'issued'),
          repealed: num(f, 'repealed'),
          inForce: num(f, 'inForce'),
        },
      ];
    }
    case 'P.feeDecimals':
      return [f.rule, { cell: name(first), value: num(f, 'value') }];
    case 'P.regulationsAtLocalLevel': {
      const c = cell(first);
      const normRow = prepare(format.id).rules.t2.documentRows[1];
      const values = (f.params.values as readonly number[] | undefined) ?? [];
      const sep = formatMessage('list.separator', lang);
      return [
        f.rule,
        {
          level: formatMessage(`level.${text(f, 'level')}`, lang),
          table,
          row: c?.rowLabel,
          normRow: c ? cell(`T2.${normRow}.${c.colKey}`)?.rowLabel : undefined,
          cells: f.cells
            .map((id, i) =>
              formatMessage('value.labelled', lang, { label: cell(id)?.colLabel, value: values[i] ?? '?' }),
            )
            .join(sep),
        },
      ];
    }
    case 'P.copiedText':
      return [
        f.rule,
        {
          section: text(f, 'section'),
          percent: num(f, 'percent'),
          repeated: num(f, 'repeated'),
          sentences: num(f, 'sentences'),
        },
      ];
    case 'P.sameAsLastYear':
      return [
        f.rule,
        {
          tables: format.tables.map((t) => t.shortName[lang]).join(formatMessage('list.separator', lang)),
          count: f.cells.length,
        },
      ];
    case 'X.carry': {
      const c = cell(first);
      const prevFormat = text(f, 'previousFormat');
      const prev = prevFormat === '2019' || prevFormat === '2021' ? getFormat(prevFormat) : format;
      return [
        f.rule,
        {
          table,
          col: c && shortCol(c.colLabel),
          carryIn: c?.rowLabel,
          carryOut: prev.cellById.get(text(f, 'previousCell') ?? '')?.rowLabel,
          reported: f.reported,
          computed: f.computed,
          diff,
        },
      ];
    }
    case 'X.inForce': {
      const [inForce, issued, repealed] = f.cells.map((id) => cell(id));
      return [
        f.rule,
        {
          table,
          row: inForce?.rowLabel,
          inForceLabel: inForce?.colLabel,
          issuedLabel: issued?.colLabel,
          repealedLabel: repealed?.colLabel,
          previous: num(f, 'previous'),
          issued: num(f, 'issued'),
          repealed: num(f, 'repealed'),
          reported: f.reported,
          computed: f.computed,
          diff,
        },
      ];
    }
    case 'FMT.outdated': {
      const expected = text(f, 'expected');
      return [
        f.rule,
        {
          year: num(f, 'year'),
          expected: expected === '2019' || expected === '2021' ? getFormat(expected).source : expected,
          actual: format.source,
        },
      ];
    }
    case 'N.resultPercent': {
      // Its own numbers, and whether the total was stated in the same sentence or is table 三's 办理结果总计.
      const key = text(f, 'denominatorFrom') === 'sentence' ? 'N.resultPercent.sentence' : 'N.resultPercent';
      return [
        key,
        { phrase: text(f, 'phrase'), numerator: num(f, 'numerator'), total: num(f, 'total'), table: f.computed },
      ];
    }
    default: {
      // The narrative rules: the phrase quoted, the cells it names, the figure the tables give.
      const named = f.cells.slice(0, num(f, 'named') ?? f.cells.length);
      const where =
        named.length === 1
          ? name(named[0])
          : (groupName(format, named, lang) ?? named.map(name).join(formatMessage('list.and', lang)));
      const carry = num(f, 'withCarryIn');
      const alt = carry !== undefined ? formatMessage('N.withCarryIn', lang, { value: carry }) : '';
      return [f.rule, { phrase: text(f, 'phrase'), where, table: f.computed, alt, total: num(f, 'total') }];
    }
  }
}

/** A finding as a sentence for people, in `lang`; `addresses` adds the sheet address to every cell it names. */
export function renderFinding(
  finding: FindingDraft,
  format: FormatId | ReportFormat,
  lang: Lang,
  addresses?: Addresses,
): string {
  const f = formatOf(format);
  const [key, params] = words(finding, f, lang, addresses);
  let out = formatMessage(key, lang, params);
  if (finding.rule.startsWith('T3.') || finding.rule.startsWith('T4.')) out += located(finding, f, lang, addresses);
  return out;
}

/** What is wrong with a table in the workbook, in `lang` (the table itself is named by the caller's sentence). */
export function renderTableDamage(damage: TableDamage, lang: Lang): string {
  if (damage.kind === 'deleted') return formatMessage('damage.deleted', lang);
  if (damage.kind === 'notFound') return formatMessage('damage.notFound', lang);
  const sep = formatMessage('list.separator', lang);
  const parts: string[] = [];
  if (damage.columns !== undefined) parts.push(formatMessage('damage.columns', lang, { count: damage.columns }));
  if (damage.badHeaders.length)
    parts.push(formatMessage('damage.headers', lang, { list: damage.badHeaders.join(sep) }));
  if (damage.extraRows.length)
    parts.push(formatMessage('damage.extraRows', lang, { list: damage.extraRows.join(sep) }));
  if (damage.missingRows.length)
    parts.push(formatMessage('damage.missingRows', lang, { list: damage.missingRows.join(sep) }));
  const what = parts.join(formatMessage('list.clauses', lang)) || formatMessage('damage.layout', lang);
  return what + formatMessage(damage.usable ? 'damage.usable' : 'damage.unusable', lang);
}

/** What a rule checks (`title.<rule>`), for headings and lists; the one source of rule titles. */
export function renderRuleTitle(rule: RuleId, lang: Lang): string {
  const def = ruleDef(rule);
  return def ? formatMessage(def.title, lang) : '';
}

/** What the pane knows beside a finding when it writes the short form. */
interface ShortContext {
  /** The numbers of the filled cells (`CheckResult.cells`), to say what the likely cell holds now. */
  values?: Readonly<Record<CellId, number>>;
  /** The edit the finding was put down to, when the user just changed its likely cell. */
  edit?: EditAttribution;
  /** The same imbalance repeated by table 三's 总计 column (`Mistake.echoes[0]`). */
  echo?: FindingDraft;
}

/** A finding's short form: what does not add up, the likely cell ('' when nothing can be said), a total it also breaks. */
interface ShortFinding {
  what: string;
  where: string;
  echo: string;
}

/** A value as the short form shows it: blank as a dash. */
function shown(v: RawValue | number | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'number' ? formatNumber(v) : v;
}

const SHORT_VALUE_RULES: ReadonlySet<RuleId> = new Set([
  'V.notNumber',
  'V.negative',
  'V.fraction',
  'V.fullWidth',
  'V.textNumber',
]);

/** Value rules whose text reads one way (`3件` → 3, `１２`, `'12`): Excel's SUM leaves such text out. */
const WOULD_BE_RULES: ReadonlySet<RuleId> = new Set(['V.notNumber', 'V.textNumber', 'V.fullWidth']);

function shortWhat(f: FindingDraft, format: ReportFormat, lang: Lang, addresses?: Addresses): string {
  const ref = (id: CellId) => cellName(format, id, lang, addresses?.[id], 'short');
  const table = tableName(format, f.table, lang);
  const diff = f.imbalance !== undefined ? formatNumber(Math.abs(f.imbalance)) : '';
  if (f.rule === 'T3.balance' && f.computed !== undefined && f.reported !== undefined) {
    const col = shortCol(format.cellById.get(f.cells[0])?.colLabel ?? '');
    return formatMessage('short.balance', lang, { table, col, left: f.computed, right: f.reported, diff });
  }
  if (f.reported !== undefined && f.computed !== undefined && f.imbalance !== undefined) {
    const total = f.cells.find((id) => format.cellById.get(id)?.sumOf) ?? f.cells[0];
    return formatMessage('short.sum', lang, {
      table,
      total: ref(total),
      reported: f.reported,
      computed: f.computed,
      diff,
    });
  }
  if (f.rule === 'F.notFormula')
    return formatMessage('short.F.notFormula', lang, { cell: ref(f.cells[0]), value: shown(f.reported) });
  if (f.rule === 'F.formulaRange')
    return formatMessage('short.F.formulaRange', lang, {
      cell: ref(f.cells[0]),
      formula: text(f, 'formula') ?? '',
      expected: text(f, 'expected') ?? '',
    });
  if (SHORT_VALUE_RULES.has(f.rule) && f.cells.length === 1) {
    const out = formatMessage(`short.${f.rule}`, lang, { cell: ref(f.cells[0]) });
    const wouldBe = f.rule === 'V.notNumber' ? num(f, 'wouldBe') : f.reported;
    return WOULD_BE_RULES.has(f.rule) && wouldBe !== undefined
      ? out + formatMessage('short.wouldBe', lang, { value: wouldBe })
      : out;
  }
  return renderFinding(f, format, lang, addresses);
}

function shortWhere(
  f: FindingDraft,
  format: ReportFormat,
  lang: Lang,
  addresses: Addresses | undefined,
  ctx: ShortContext,
): string {
  if (f.rule.startsWith('F.') || f.rule.startsWith('V.') || !f.suspects.length) return '';
  const ref = (id: CellId) => cellName(format, id, lang, addresses?.[id], 'short');
  const first = f.suspects[0];
  const fix = f.suggestion?.[first];
  const why = f.suggestionReason === 'digitTypo' ? formatMessage('short.digitTypo', lang) : '';
  const now = shown(ctx.values?.[first]);
  if (fix !== undefined) {
    const edit = ctx.edit;
    if (edit && edit.cell === first && edit.before !== undefined)
      return formatMessage('short.likelyEdited', lang, {
        cell: ref(first),
        before: shown(edit.before),
        after: now,
        fix,
        why,
      });
    return formatMessage('short.likely', lang, { cell: ref(first), now, fix, why });
  }
  if (f.suspects.length === 1) return formatMessage('short.likelyNoFix', lang, { cell: ref(first) });
  const cells = f.suspects.slice(0, NAMED_CELLS).map(ref).join(formatMessage('list.separator', lang));
  return formatMessage('short.candidates', lang, { cells });
}

/**
 * The short form of a finding, for the pane's card: the numbers that do not add up, then the cell most likely
 * wrong and what it should be, each cell by its sheet address and its row and column; the full sentence stays
 * `renderFinding`'s (the card's details).
 */
export function renderFindingShort(
  finding: FindingDraft,
  format: FormatId | ReportFormat,
  lang: Lang,
  addresses?: Addresses,
  ctx: ShortContext = {},
): ShortFinding {
  const f = formatOf(format);
  const echo =
    ctx.echo?.imbalance !== undefined
      ? formatMessage('short.alsoBreaksTotal', lang, { diff: formatNumber(Math.abs(ctx.echo.imbalance)) })
      : '';
  return { what: shortWhat(finding, f, lang, addresses), where: shortWhere(finding, f, lang, addresses, ctx), echo };
}
