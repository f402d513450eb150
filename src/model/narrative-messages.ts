/**
 * Builds the messages of the `N.` rules from the central message table: the cells compared are named with the
 * format's own labels (a category such as `（三）不予公开` when the figure is the sum of its rows).
 */
import { formatMessage } from './messages';
import type { CellId, Lang, ReportFormat, RuleId } from './types';

export interface NarrativeMessageParams {
  phrase: string;
  table: number;
  cells: CellId[];
  format: ReportFormat;
  detail: Record<string, string | number>;
  /** 办理结果总计, for the percentage message. */
  total?: number;
}

/** A cell by its labels only (`表三“（七）总计”行“总计”列`), for sentences meant for people. */
export function cellName(format: ReportFormat, id: CellId, lang: Lang): string {
  const c = format.cellById.get(id);
  if (!c) return id;
  const t = format.tables.find((x) => x.id === c.table)!;
  return formatMessage('cell.name', lang, { table: t.shortName[lang], row: c.rowLabel, col: c.colLabel });
}

/** The name of several cells of table 三: the category label that spans their rows, when there is one. */
function groupName(format: ReportFormat, ids: CellId[], lang: Lang): string | null {
  const cells = ids.map((id) => format.cellById.get(id)).filter((c) => c !== undefined);
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

export function narrativeMessage(lang: Lang, rule: RuleId, p: NarrativeMessageParams): string {
  const sep = lang === 'zh' ? '与' : ' and ';
  const where =
    p.cells.length === 1
      ? cellName(p.format, p.cells[0], lang)
      : (groupName(p.format, p.cells, lang) ?? p.cells.map((id) => cellName(p.format, id, lang)).join(sep));
  const carry = p.detail.withCarryIn;
  const alt = carry !== undefined ? formatMessage('N.withCarryIn', lang, { value: carry }) : '';
  return formatMessage(rule, lang, { phrase: p.phrase, where, table: p.table, alt, total: p.total });
}
