/**
 * Paints findings on the sheet through conditional formats the add-in owns, one per painted cell, never through the
 * cells' own fill.
 *
 * Why conditional formats and not direct fills: a conditional format sits on top of the cell's own formatting and
 * leaves it untouched, so removing it makes the cell look exactly as before, including a fill the user changed
 * while the highlight was on, with nothing to remember or restore. It also outranks the pale self-checking formats
 * written at generation (we give ours priority 0), so the strong/light distinction stays visible on failed
 * balance rows. A direct fill would have to be saved before the first paint (an extra read), restored on every fix,
 * and would lose to any conditional format on the same cell.
 *
 * The sheet is the paint state: each format's rule is `=ISTEXT("DisclosureTables:<cell id>")` (always true, and it
 * names the cell), its fill colour says the paint class. The read batch loads the conditional formats of the tables'
 * sheets anyway, so the add-in knows what is painted after a reload, an undo or a paste without a store of its own,
 * and repaints only the cells whose class changed: no change in findings, no paint round trip.
 */
import { MAX_STRONG_SUSPECTS, groupMistakes, mostLikely } from '../model/mistakes';
import { applyEdits, type EditAttribution } from '../model/recent-edit';
import type { CellId, Finding, FormatId } from '../model/types';
import { PAINT_FILL, PAINT_FONT, PAINT_ORDER, paintClassOfFill, type PaintClass } from './palette';
import type { LoadedFormat, Snapshot } from './read';

const TAG = 'DisclosureTables:';
const TAG_RE = /ISTEXT\("DisclosureTables:([^"]+)"\)/;

/**
 * `address`: the cell the format is put on, written as an absolute reference that Excel rewrites whenever the cell
 * moves (rows inserted above, the table cut and pasted), so the rule read back says where the format sits now with
 * no extra round trip. The rule is true only on that cell (`ROW()`/`COLUMN()` of the cell it is evaluated on equal
 * the anchor's): copy and paste, fill-down and the fill handle carry conditional formats to other cells with
 * absolute references unchanged, and a copied highlight must not paint the cell it lands on. Copies anywhere on a
 * table's sheet are swept by the next paint: the read batch loads the whole sheet's conditional formats, and a cell
 * id with more than one rule is repainted from scratch (`planPaint`); clearing the highlights removes them all.
 */
export function paintFormula(id: CellId, address?: string): string {
  const tag = `ISTEXT("${TAG}${id}")`;
  if (!address) return `=${tag}`;
  const at = absolute(address);
  return `=AND(${tag},ROW()=ROW(${at}),COLUMN()=COLUMN(${at}))`;
}

export function paintedCellOf(formula: string): CellId | null {
  return TAG_RE.exec(formula)?.[1] ?? null;
}

/** The anchor of a rule: `ROW($D$10)` now, `ISREF($D$10)` in rules written by earlier versions. */
const AT_RE = /(?:ISREF|ROW)\(\$([A-Z]+)\$(\d+)\)/;

/** Where a highlight format sits now, from its rule; null for a rule that does not say (written before). */
function paintedAddressOf(formula: string): string | null {
  const m = AT_RE.exec(formula);
  return m ? `${m[1]}${m[2]}` : null;
}

function absolute(address: string): string {
  return address.replace(/\$/g, '').replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
}

function stronger(a: PaintClass | undefined, b: PaintClass): PaintClass {
  return a && PAINT_ORDER.indexOf(a) <= PAINT_ORDER.indexOf(b) ? a : b;
}

export { MAX_STRONG_SUSPECTS } from '../model/mistakes';

/** How the add-in knows more than the findings say: which totals are live formulas, what the user just edited. */
interface PaintContext {
  format: FormatId;
  formulaCells: ReadonlySet<CellId>;
  edits?: Readonly<Record<string, EditAttribution>>;
}

/**
 * The paint class of every cell the findings involve. Per mistake (see `groupMistakes`): its most likely cell
 * strongly (red fill, bold dark-red figures: colour is not the only cue), the other cells that could explain it as
 * candidates in a neutral colour, not as if they were wrong. Findings caused by a mistake add candidates only;
 * the 总计 column's echo of an applicant column is not painted (its cells are formulas). Blank cells are not
 * painted: the generated sheet marks them itself (a pale self-checking format) and the pane counts them; painting
 * every blank of a fresh table would bury the one cell that matters. Without a context each finding is its own
 * mistake.
 */
export function desiredPaint(findings: readonly Finding[], ctx?: PaintContext): Map<CellId, PaintClass> {
  const out = new Map<CellId, PaintClass>();
  const put = (id: CellId, cls: PaintClass) => out.set(id, stronger(out.get(id), cls));
  const shown = ctx ? applyEdits(findings, ctx.edits ?? {}) : findings;
  const mistakes = ctx
    ? groupMistakes(ctx.format, shown, ctx.formulaCells)
    : shown.filter((f) => f.rule !== 'V.unfilled').map((f) => ({ finding: f, echoes: [], caused: [] as Finding[] }));
  const paint = (f: Finding, main: boolean) => {
    if (f.severity === 'info') return;
    const strong: PaintClass = f.severity === 'error' ? 'errorStrong' : 'warningStrong';
    const light: PaintClass = f.severity === 'error' ? 'errorLight' : 'warningLight';
    const first = main ? mostLikely(f) : [];
    for (const id of [...f.cells, ...f.suspects.slice(0, MAX_STRONG_SUSPECTS)]) put(id, light);
    for (const id of first) put(id, strong);
  };
  for (const m of mistakes) {
    paint(m.finding, true);
    for (const x of m.caused) paint(x, false);
  }
  return out;
}

interface PaintPlan {
  remove: LoadedFormat[];
  add: { id: CellId; sheet: string; address: string; cls: PaintClass }[];
}

/** What is painted now, per cell, as found on the sheet. */
function currentPaint(formats: readonly LoadedFormat[]): Map<CellId, LoadedFormat[]> {
  const out = new Map<CellId, LoadedFormat[]>();
  for (const f of formats) {
    const id = paintedCellOf(f.formula);
    if (!id) continue;
    const list = out.get(id) ?? [];
    list.push(f);
    out.set(id, list);
  }
  return out;
}

/** The smallest change from what is painted to what should be: cells whose class is unchanged are not touched. */
export function planPaint(snap: Snapshot, desired: ReadonlyMap<CellId, PaintClass>): PaintPlan {
  const plan: PaintPlan = { remove: [], add: [] };
  const current = currentPaint(snap.formats);
  const ids = new Set<CellId>([...current.keys(), ...desired.keys()]);
  for (const id of ids) {
    const have = current.get(id) ?? [];
    const want = snap.cellAddress[id] ? desired.get(id) : undefined;
    const haveCls = have.length === 1 ? paintClassOfFill(have[0].fill) : null;
    // A format moves with its cell, while a damaged table's values are read by their labels, possibly elsewhere
    // (a row inserted between table 四's header and its data row): a format that is not where the value is read
    // does not count as painted.
    const inPlace =
      have.length === 1 &&
      have[0].sheet === snap.cellSheet[id] &&
      paintedAddressOf(have[0].formula) === snap.cellAddress[id];
    if (want && inPlace && haveCls === want) continue;
    plan.remove.push(...have);
    if (want) plan.add.push({ id, sheet: snap.cellSheet[id], address: snap.cellAddress[id], cls: want });
  }
  return plan;
}

export function isEmptyPlan(p: PaintPlan): boolean {
  return p.remove.length === 0 && p.add.length === 0;
}

/** Queues the paint plan; the caller syncs. */
export function queuePaint(ctx: Excel.RequestContext, plan: PaintPlan): void {
  for (const f of plan.remove) f.cf.delete();
  for (const a of plan.add) {
    const cf = ctx.workbook.worksheets.getItem(a.sheet).getRange(a.address).conditionalFormats.add('Custom');
    cf.custom.rule.formula = paintFormula(a.id, a.address);
    cf.custom.format.fill.color = PAINT_FILL[a.cls];
    const font = PAINT_FONT[a.cls];
    if (font) {
      cf.custom.format.font.color = font;
      cf.custom.format.font.bold = true;
    }
    cf.priority = 0;
  }
}
