/**
 * The cell the user just changed is the first suspect. The error locator judges a report as a whole (opening a
 * workbook, an import, the command line); in a live sheet the add-in also knows what the user changed a moment ago.
 * When a relation breaks (or its imbalance changes) right after an edit, and one edited cell can explain it (the
 * relation holds again with a non-negative value there), that cell is the suspect and the value the suggestion.
 *
 * Pure: the Excel host resolves the event's address to cell ids and keeps the memory between checks.
 */
import { T3_ENTRIES_2021, T3_RESULT_TOTAL_ROW } from './formats';
import { getFormat } from './formats';
import { digitTypoTier } from './locate';
import type { CellId, CheckResult, Finding, FormatId, RawValue, ReportFormat } from './types';

/** Rules that are an equation between cells: a typed value can be the reason one fails. */
export const RELATION_RULES: ReadonlySet<string> = new Set([
  'T3.balance',
  'T3.rowTotal',
  'T3.resultTotal',
  'T4.groupTotal',
]);

/** One cell the user changed, as the change event told it (before/after only for a single-cell edit). */
export interface EditedCell {
  id: CellId;
  before?: RawValue;
  after?: RawValue;
}

/** Why a finding names an edited cell first. */
export interface EditAttribution {
  cell: CellId;
  /** The value before the edit, when Excel said (a single-cell edit). */
  before?: RawValue;
  after?: RawValue;
  /** The value that makes the relation hold again. */
  fix: number;
  digitTypo: boolean;
}

/** Per relation instance (`rule|instance`): its imbalance at the last check and the edit it was put down to. */
export type EditMemory = ReadonlyMap<string, { imbalance: number; edit: EditAttribution | null }>;

export function findingKey(f: Pick<Finding, 'rule' | 'instance'>): string {
  return `${f.rule}|${f.instance}`;
}

/**
 * How much each input cell weighs in `reported − computed` of a failed relation, totals that are intact formulas
 * being replaced by their parts (a formula total follows its parts, so the parts are what can be wrong).
 */
export function explainingCells(
  format: ReportFormat,
  f: Finding,
  formulaCells: ReadonlySet<CellId>,
): Map<CellId, number> {
  const sides = sidesOf(format, f);
  const out = new Map<CellId, number>();
  const add = (id: CellId, k: number, depth: number) => {
    const def = format.cellById.get(id);
    if (def?.sumOf && formulaCells.has(id) && depth < 4) {
      for (const p of def.sumOf) add(p, k, depth + 1);
      return;
    }
    out.set(id, (out.get(id) ?? 0) + k);
  };
  for (const [id, k] of sides) add(id, k, 0);
  for (const [id, k] of out) if (k === 0) out.delete(id);
  return out;
}

/** +1 for a cell on the reported side of the relation, −1 on the computed side. */
function sidesOf(format: ReportFormat, f: Finding): [CellId, number][] {
  if (f.rule === 'T3.balance') {
    // 一 + 二 (computed) against 三（七）总计 + 四 (reported), in the order the table's header states it.
    const computedRows = new Set(T3_ENTRIES_2021.slice(0, 2).map((e) => (e.type === 'row' ? e.key : '')));
    return f.cells.map((id) => {
      const row = format.cellById.get(id)?.rowKey ?? '';
      return [id, computedRows.has(row) && row !== T3_RESULT_TOTAL_ROW ? -1 : 1];
    });
  }
  // A sum: the total is reported, its parts computed.
  const total = f.cells.find((id) => {
    const def = format.cellById.get(id);
    return def?.sumOf && f.cells.filter((c) => c !== id).every((c) => def.sumOf!.includes(c));
  });
  return f.cells.map((id) => [id, id === total ? 1 : -1]);
}

/** The value `id` needs for the relation to hold; undefined when no valid value does. */
function fixFor(format: ReportFormat, result: CheckResult, f: Finding, id: CellId, k: number): number | undefined {
  if (f.imbalance === undefined || !k) return undefined;
  const def = format.cellById.get(id);
  if (!def) return undefined;
  const now = result.cells[id] ?? 0;
  const fix = Math.round((now - f.imbalance / k) * 1e6) / 1e6;
  if (def.kind !== 'signedCount' && fix < 0) return undefined;
  if (def.kind !== 'amount' && !Number.isInteger(fix)) return undefined;
  return fix;
}

interface Attributed {
  memory: EditMemory;
  /** By `findingKey`: the edit each failed relation is put down to. */
  edits: Record<string, EditAttribution>;
}

/**
 * Puts failed relations down to the cells just edited (`edited`, in the order changed, empty when the check did
 * not follow an edit). A relation whose imbalance is unchanged since the last check keeps what it was put down to.
 * The findings themselves stay the checker's verdict; `applyEdits` shows them with the edited cell first.
 */
export function attributeEdits(
  formatId: FormatId,
  result: CheckResult,
  formulaCells: ReadonlySet<CellId>,
  edited: readonly EditedCell[],
  memory: EditMemory,
): Attributed {
  const format = getFormat(formatId);
  const next = new Map<string, { imbalance: number; edit: EditAttribution | null }>();
  const edits: Record<string, EditAttribution> = {};
  const latest = new Map<CellId, EditedCell>();
  for (const e of edited) {
    const earlier = latest.get(e.id);
    latest.delete(e.id);
    // Typed twice before a check: it was changed from the first value to the last.
    latest.set(e.id, earlier && earlier.before !== undefined ? { ...e, before: earlier.before } : e);
  }
  for (const f of result.findings) {
    if (!RELATION_RULES.has(f.rule) || f.imbalance === undefined) continue;
    const key = findingKey(f);
    const prev = memory.get(key);
    let edit: EditAttribution | null = null;
    if (prev && prev.imbalance === f.imbalance) edit = prev.edit;
    else if (latest.size) edit = pick(format, result, f, formulaCells, latest);
    next.set(key, { imbalance: f.imbalance, edit });
    if (edit) edits[key] = edit;
  }
  return { memory: next, edits };
}

/** The findings with each attributed edit as the first suspect and its value as the suggestion. */
export function applyEdits(findings: readonly Finding[], edits: Readonly<Record<string, EditAttribution>>): Finding[] {
  return findings.map((f) => {
    const edit = edits[findingKey(f)];
    if (!edit) return f;
    return {
      ...f,
      suspects: [edit.cell, ...f.suspects.filter((c) => c !== edit.cell)],
      suggestion: { [edit.cell]: edit.fix },
      suggestionReason: edit.digitTypo ? ('digitTypo' as const) : ('unique' as const),
    };
  });
}

function pick(
  format: ReportFormat,
  result: CheckResult,
  f: Finding,
  formulaCells: ReadonlySet<CellId>,
  edited: ReadonlyMap<CellId, EditedCell>,
): EditAttribution | null {
  const weights = explainingCells(format, f, formulaCells);
  const able: { e: EditedCell; fix: number }[] = [];
  for (const e of edited.values()) {
    const k = weights.get(e.id);
    if (k === undefined) continue;
    const fix = fixFor(format, result, f, e.id, k);
    if (fix !== undefined) able.push({ e, fix });
  }
  // One edited cell can explain it: that is the one. Several (a pasted block): the locator chooses among them.
  const chosen = able.length === 1 ? able[0] : able.find((a) => a.e.id === f.suspects[0] && f.suspects.length === 1);
  if (!chosen) return null;
  const now = result.cells[chosen.e.id] ?? 0;
  return {
    cell: chosen.e.id,
    ...(chosen.e.before !== undefined ? { before: chosen.e.before } : {}),
    ...(chosen.e.after !== undefined ? { after: chosen.e.after } : {}),
    fix: chosen.fix,
    digitTypo: digitTypoTier(now, chosen.fix) === 1,
  };
}
