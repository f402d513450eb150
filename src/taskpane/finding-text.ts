/**
 * The short sentence a finding card leads with: what does not add up, with the numbers, then the cell most likely
 * wrong and what it should be. Written from the finding's data (never from the model's long message, which stays
 * available as the full text), with the sheet address and the row label, never an internal id. Pure.
 */
import { getFormat } from '../model/formats';
import { renderFinding } from '../model/render';
import type { Mistake } from '../model/mistakes';
import type { EditAttribution } from '../model/recent-edit';
import { findingKey } from '../model/recent-edit';
import type { CellId, CheckResult, Finding, Lang, RawValue } from '../model/types';
import { ruleTitle, type Strings } from './i18n';
import { formatNumber } from '../model/numbers';

/** The last part of a column label (`申请人情况·自然人` → `自然人`). */
function shortCol(label: string): string {
  return label.slice(label.lastIndexOf('·') + 1);
}

/** `D25（（一）予以公开 · 自然人）`: the address, then the row and column as printed in the table. */
export function cellRef(result: CheckResult, id: CellId, address: Readonly<Record<CellId, string>>, lang: Lang) {
  const c = getFormat(result.format).cellById.get(id);
  const label = c ? (c.rowLabel === c.colLabel ? c.rowLabel : `${c.rowLabel} · ${shortCol(c.colLabel)}`) : '';
  const where = address[id] ?? '';
  if (!label) return where;
  if (!where) return label;
  return lang === 'zh' ? `${where}（${label}）` : `${where} (${label})`;
}

function shown(v: RawValue | number | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'number' ? formatNumber(v) : v;
}

export interface ShortText {
  /** What does not add up. */
  what: string;
  /** The most likely cell and its value, or the candidates; '' when nothing can be said. */
  where: string;
  /** "also breaks 总计", for an echo shown inside this finding. */
  echo: string;
}

export function shortText(
  t: Strings,
  lang: Lang,
  result: CheckResult,
  m: Mistake,
  address: Readonly<Record<CellId, string>>,
  edits: Readonly<Record<string, EditAttribution>>,
): ShortText {
  const f = m.finding;
  const format = getFormat(result.format);
  const ref = (id: CellId) => cellRef(result, id, address, lang);
  const table = f.table ? (format.tables.find((x) => x.id === f.table)?.shortName[lang] ?? '') : '';
  const diff = f.imbalance !== undefined ? formatNumber(Math.abs(f.imbalance)) : '';
  let what = '';
  if (f.rule === 'T3.balance' && f.computed !== undefined && f.reported !== undefined) {
    const col = shortCol(format.cellById.get(f.cells[0])?.colLabel ?? '');
    what = t.balanceShort(table, col, formatNumber(f.computed), formatNumber(f.reported), diff);
  } else if (f.reported !== undefined && f.computed !== undefined && f.imbalance !== undefined) {
    const total = f.cells.find((id) => format.cellById.get(id)?.sumOf) ?? f.cells[0];
    what = t.sumShort(table, ref(total), formatNumber(f.reported), formatNumber(f.computed), diff);
  } else if (f.rule === 'F.notFormula') {
    what = t.notFormulaShort(ref(f.cells[0]), shown(f.reported));
  } else if (f.rule === 'F.formulaRange') {
    what = t.formulaRangeShort(ref(f.cells[0]), String(f.params?.formula ?? ''), String(f.params?.expected ?? ''));
  } else if (f.rule.startsWith('V.') && f.cells.length === 1) {
    what = t.valueShort(ref(f.cells[0]), ruleTitle(t, f.rule));
    // Text that reads one way (`3件` → 3), like a number stored as text: Excel's SUM leaves it out.
    const wouldBe = f.rule === 'V.notNumber' ? f.params.wouldBe : f.reported;
    if (
      typeof wouldBe === 'number' &&
      (f.rule === 'V.notNumber' || f.rule === 'V.textNumber' || f.rule === 'V.fullWidth')
    )
      what += t.valueWouldBe(formatNumber(wouldBe));
  } else {
    what = renderFinding(f, result.format, lang, address);
  }
  const sep = lang === 'zh' ? '、' : ', ';
  return { what, where: whereText(t, result, f, ref, sep, edits[findingKey(f)]), echo: echoText(t, m) };
}

function whereText(
  t: Strings,
  result: CheckResult,
  f: Finding,
  ref: (id: CellId) => string,
  sep: string,
  edit: EditAttribution | undefined,
): string {
  if (f.rule.startsWith('F.') || f.rule.startsWith('V.') || !f.suspects.length) return '';
  const first = f.suspects[0];
  const fix = f.suggestion?.[first];
  const why = f.suggestionReason === 'digitTypo' ? t.whyDigitTypo : '';
  if (fix !== undefined) {
    if (edit && edit.cell === first && edit.before !== undefined)
      return t.likelyEdited(ref(first), shown(edit.before), shown(result.cells[first]), formatNumber(fix), why);
    return t.likely(ref(first), shown(result.cells[first]), formatNumber(fix), why);
  }
  if (f.suspects.length === 1) return t.likelyNoFix(ref(first));
  return t.candidates(f.suspects.slice(0, 3).map(ref).join(sep));
}

function echoText(t: Strings, m: Mistake): string {
  const e = m.echoes[0];
  return e && e.imbalance !== undefined ? t.alsoBreaksTotal(formatNumber(Math.abs(e.imbalance))) : '';
}
