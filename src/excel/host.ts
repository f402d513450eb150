/**
 * The Excel host: everything the task pane asks of Excel, as one `HostOperations` object. Every Office.js failure
 * becomes a `HostProblem` or a failed outcome here; no promise the pane awaits rejects.
 */
import { check } from '../model/check';
import { runExcel } from './run';
import { getFormat } from '../model/formats';
import type { CellId, CheckResult, TableId } from '../model/types';
import { generateReport } from './generate';
import type { GenerateOutcome, GenerateRequest, HostCheck, HostOperations, HostProblem } from '../taskpane/host-api';
import { desiredPaint, isEmptyPlan, planPaint, queuePaint } from './highlight';
import { eventAreas, LiveChecker, OwnWrites, type UserChange } from './live';
import { parseA1 } from '../model/a1';
import { liveFormulaCells } from '../model/mistakes';
import { openTotals } from '../model/open-totals';
import { attributeEdits, type EditMemory, type EditedCell } from '../model/recent-edit';
import { readTables, type ReadCache, type Snapshot } from './read';
import { errorMessage } from './errors';
import { openWorkbook } from './open-workbook';
import { missingRequirements } from './requirements';
import { MARKS_KEY } from './metadata';
import { writeText } from './write-text';
import { applyMarks, parseMarks, storedMarks, withMark, withoutMark, type ReviewedMark } from '../model/reviewed-marks';

interface ExcelHostOptions {
  /** Quiet time after the last change before a live check runs (ms). */
  debounceMs?: number;
}

export interface ExcelHost extends HostOperations {
  writeText: NonNullable<HostOperations['writeText']>;
  markReviewed: NonNullable<HostOperations['markReviewed']>;
  unmarkReviewed: NonNullable<HostOperations['unmarkReviewed']>;
  chooseSet: NonNullable<HostOperations['chooseSet']>;
  /** Resolves when no live check is scheduled or running. */
  whenIdle(): Promise<void>;
}

function emptyCheck(problems: HostProblem[], snap?: Snapshot): HostCheck {
  return {
    ...(snap ? { sets: snap.sets } : {}),
    result: null,
    tables: [],
    cellAddress: {},
    sheet: null,
    problems,
    painted: false,
    formulaCells: [],
    edits: {},
    marks: [],
  };
}

/** The data cells a change event covers, with the values before/after when Excel gave them (one cell). */
function editedCells(snap: Snapshot, changes: readonly UserChange[]): EditedCell[] {
  const out: EditedCell[] = [];
  if (!changes.length) return out;
  const cells = Object.entries(snap.cellAddress).map(([id, address]) => ({
    id,
    sheet: snap.cellSheet[id],
    at: parseA1(address),
  }));
  for (const ch of changes) {
    const sheet = snap.locations.find((l) => l.sheetId === ch.worksheetId)?.sheet;
    if (!sheet) continue;
    // Whole columns (`D:D`), whole rows and several areas, as Excel reports them.
    const areas = eventAreas(ch.address);
    if (!areas) continue;
    const single = areas.length === 1 && areas[0].rows === 1 && areas[0].cols === 1;
    const inside = (c: { row: number; col: number }) =>
      areas.some((r) => c.row >= r.row && c.row < r.row + r.rows && c.col >= r.col && c.col < r.col + r.cols);
    for (const { id, sheet: s, at: c } of cells) {
      if (s !== sheet || !inside(c)) continue;
      out.push({
        id,
        ...(single && ch.valueBefore !== undefined ? { before: rawOf(ch.valueBefore) } : {}),
        ...(single && ch.valueAfter !== undefined ? { after: rawOf(ch.valueAfter) } : {}),
      });
    }
  }
  return out;
}

/** A plain sum of cells on the same sheet: what the add-in generates for a total, and all it restores. */
const SUM_FORMULA = /^=(SUM\([A-Z$0-9:,]+\)|\$?[A-Z]+\$?\d+(\+\$?[A-Z]+\$?\d+)*)$/;

function rawOf(v: unknown): number | string | null {
  if (v === '' || v === null || v === undefined) return null;
  return typeof v === 'number' ? v : String(v);
}

/** Cells of tables that could not be read are left out of the values; their findings would only be noise. */
function runModel(snap: Snapshot): CheckResult {
  const formulaCells = liveFormulaCells(snap.format, snap.formulas, []);
  const result = check(snap.format, openTotals(snap.format, snap.values, formulaCells), {
    formulas: snap.formulas,
    cellAddress: snap.cellAddress,
    ...(snap.meta ? { year: snap.meta.year } : {}),
  });
  if (!snap.excluded.length) return result;
  const excluded = new Set<TableId>(snap.excluded);
  const inExcluded = (id: CellId) => excluded.has(id.split('.')[0] as TableId);
  return {
    ...result,
    unfilled: result.unfilled.filter((id) => !inExcluded(id)),
    findings: result.findings.filter(
      (f) => !(f.table && excluded.has(f.table)) && !f.cells.some(inExcluded) && !f.suspects.some(inExcluded),
    ),
  };
}

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  let cache: ReadCache | null = null;
  let last: Snapshot | null = null;
  // Which set of tables to check: the one on the active sheet (known from `onActivated`, or asked for by checkNow),
  // else the one checked last. Highlights of a set no longer checked stay on its sheet: clearing them would write to
  // the workbook on every change of tab (and where API writes have no undo, empty the user's undo history), and they
  // still say what was wrong there; the set is checked and repainted as soon as its sheet is active again.
  let activeSheetId: string | null = null;
  let lastSetId: string | null = null;
  const ownWrites = new OwnWrites();
  let live: LiveChecker | null = null;
  let editMemory: EditMemory = new Map();

  async function checkIn(
    ctx: Excel.RequestContext,
    paint: boolean,
    changes: readonly UserChange[] = [],
  ): Promise<HostCheck> {
    const snap = await readTables(ctx, cache, { activeSheetId, lastSetId });
    remember(snap);
    if (!snap.locations.length) return emptyCheck(snap.problems, snap);
    // Warnings marked 已核实 with the values they still have are left out before anything is painted or counted.
    const marked = applyMarks(runModel(snap), snap.marks);
    const result = marked.result;
    const formulaCells = liveFormulaCells(result.format, snap.formulas, result.findings);
    const attributed = attributeEdits(result.format, result, formulaCells, editedCells(snap, changes), editMemory);
    editMemory = attributed.memory;
    const problems = [...snap.problems];
    let painted = false;
    if (paint) {
      const plan = planPaint(
        snap,
        desiredPaint(result.findings, { format: result.format, formulaCells, edits: attributed.edits }),
      );
      const blocked = new Set(snap.noFormatSheets);
      for (const sheet of blocked) problems.push({ kind: 'sheetProtected', sheet });
      plan.add = plan.add.filter((a) => !blocked.has(a.sheet));
      plan.remove = plan.remove.filter((r) => !blocked.has(r.sheet));
      if (!isEmptyPlan(plan)) {
        queuePaint(ctx, plan);
        try {
          await ctx.sync();
        } catch (e) {
          // Excel may refuse conditional formats on a protected sheet even where formatting cells is allowed (its
          // documentation does not say): the check stands, the pane says why nothing is painted, and the add-in
          // never unprotects the sheet to paint.
          if ((e as { code?: string }).code === 'AccessDenied') {
            for (const sheet of new Set([...plan.add.map((a) => a.sheet), ...plan.remove.map((r) => r.sheet)]))
              problems.push({ kind: 'sheetProtected', sheet });
          } else problems.push({ kind: 'failed', message: errorMessage(e) });
        }
      }
      painted = blocked.size === 0 && !problems.some((p) => p.kind === 'failed' || p.kind === 'sheetProtected');
    }
    const t3 = snap.locations.find((l) => l.table === 'T3') ?? snap.locations[0];
    return {
      result,
      tables: snap.locations.map(({ table, sheet, address }) => ({ table, sheet, address })),
      cellAddress: { ...snap.cellAddress },
      sheet: t3.sheet,
      problems,
      painted,
      formulaCells: [...formulaCells],
      edits: attributed.edits,
      ...(snap.meta ? { report: { year: snap.meta.year, org: snap.meta.org } } : {}),
      marks: marked.marks,
      sets: snap.sets,
      ...(snap.checkedSet ? { checkedSet: snap.checkedSet } : {}),
    };
  }

  /** Keeps what a read found for the next one; another set than last time starts with no edits remembered. */
  function remember(snap: Snapshot): void {
    if (snap.checkedSet !== lastSetId) editMemory = new Map();
    last = snap;
    lastSetId = snap.checkedSet ?? lastSetId;
    cache = { locations: snap.locations.length ? snap.locations : null, sheetIds: snap.sheetIds };
  }

  /**
   * Asks Excel which sheet is active. `getActiveWorksheet` fails while a chart sheet is active (office-js issue
   * 2444): it is asked on its own, and on failure what is known stays.
   */
  async function askActiveSheet(): Promise<void> {
    try {
      await runExcel(async (ctx) => {
        const ws = ctx.workbook.worksheets.getActiveWorksheet();
        ws.load('id');
        await ctx.sync();
        activeSheetId = ws.id;
      });
    } catch {
      // The check goes on with the set checked last.
    }
  }

  /**
   * A sheet was activated: check, as its set (or, on a sheet without one, the set checked last) is what the pane
   * shows now. On a sheet without a set the check costs one sync and paints nothing new; it also notices a set's
   * sheet deleted (Excel activates another) or a copy of one.
   */
  function onSheetActivated(id: string): boolean {
    if (id === activeSheetId) return false;
    activeSheetId = id;
    return true;
  }

  /** Rewrites the stored marks with `change` applied to what the workbook holds now, then re-checks. */
  async function changeMarks(change: (marks: ReviewedMark[]) => ReviewedMark[]): Promise<HostCheck> {
    try {
      await runExcel(async (ctx) => {
        const setting = ctx.workbook.settings.getItemOrNullObject(MARKS_KEY);
        setting.load('value');
        await ctx.sync();
        const marks = change(setting.isNullObject ? [] : parseMarks(setting.value));
        if (marks.length) ctx.workbook.settings.add(MARKS_KEY, storedMarks(marks));
        else if (!setting.isNullObject) setting.delete();
        await ctx.sync();
      });
    } catch (e) {
      return emptyCheck([{ kind: 'failed', message: errorMessage(e) }]);
    }
    return runCheck(true);
  }

  /** One check; when the remembered locations fail (a sheet was deleted) it forgets them and tries once more. */
  async function runCheck(paint = true, changes: readonly UserChange[] = []): Promise<HostCheck> {
    const attempt = () => runExcel((ctx) => checkIn(ctx, paint, changes));
    try {
      return await attempt();
    } catch (e) {
      if (cache) {
        cache = null;
        try {
          return await attempt();
        } catch (e2) {
          return emptyCheck([{ kind: 'failed', message: errorMessage(e2) }]);
        }
      }
      return emptyCheck([{ kind: 'failed', message: errorMessage(e) }]);
    }
  }

  async function ensureSnapshot(): Promise<Snapshot | null> {
    if (!last || !last.locations.length) await runCheck(false);
    return last;
  }

  const host: ExcelHost = {
    missingRequirements,
    openWorkbook,

    async generate(req: GenerateRequest): Promise<GenerateOutcome> {
      const missing = missingRequirements();
      if (missing.length) return { ok: false, reason: 'unsupported', message: missing.join(', ') };
      const out = await generateReport(req);
      if (out.ok) {
        // The new set is on the active sheet now: the next check finds it there (or as the set named last).
        cache = null;
        last = null;
        activeSheetId = null;
        lastSetId = null;
        editMemory = new Map();
        if (live) live.refresh();
      }
      return out;
    },

    async checkNow() {
      const missing = missingRequirements();
      if (missing.length) return emptyCheck([{ kind: 'unsupportedHost', missing: missing.join(', ') }]);
      await askActiveSheet();
      return runCheck(true);
    },

    async chooseSet(id: string) {
      if (last && !last.sets.some((x) => x.id === id)) return runCheck(true);
      lastSetId = id;
      activeSheetId = id;
      try {
        // Shown as a click on its tab would; a hidden sheet cannot be activated and is checked all the same.
        await runExcel(async (ctx) => {
          ctx.workbook.worksheets.getItem(id).activate();
          await ctx.sync();
        });
      } catch {
        // Checked below; a sheet that is gone is reported by the check.
      }
      return runCheck(true);
    },

    async startLive(onResult) {
      if (live) await live.stop();
      const checker: LiveChecker = new LiveChecker({
        debounceMs: options.debounceMs ?? 150,
        ownWrites,
        locations: () => cache?.locations ?? [],
        runCheck: async (changes, paint) => {
          const c = await runCheck(paint, changes);
          onResult(c);
          return cache?.locations ?? [];
        },
        onSheetActivated,
        onError: (e) => onResult(emptyCheck([{ kind: 'failed', message: errorMessage(e) }])),
      });
      live = checker;
      ownWrites.clear();
      await askActiveSheet();
      const first = await runCheck(true);
      onResult(first);
      try {
        await checker.start();
      } catch (e) {
        onResult(emptyCheck([{ kind: 'failed', message: errorMessage(e) }]));
      }
    },

    async stopLive() {
      const l = live;
      live = null;
      if (l) await l.stop();
    },

    async goToCell(id: CellId) {
      try {
        let snap = await ensureSnapshot();
        if (snap && !snap.cellAddress[id]) {
          await runCheck(false);
          snap = last;
        }
        const address = snap?.cellAddress[id];
        const sheet = snap?.cellSheet[id];
        if (!address || !sheet) return;
        await runExcel(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(address).select();
          await ctx.sync();
        });
      } catch {
        // Navigation is a convenience: a vanished cell or sheet is reported by the next check.
      }
    },

    async writeValues(values: Record<CellId, number>) {
      const snap = await ensureSnapshot();
      if (!snap) return emptyCheck([{ kind: 'noTables' }]);
      const format = getFormat(snap.format);
      const writes = Object.entries(values).filter(([id, v]) => {
        const def = format.cellById.get(id);
        return def?.role === 'input' && snap.cellAddress[id] && typeof v === 'number' && Number.isFinite(v);
      });
      if (writes.length) {
        try {
          await runExcel(async (ctx) => {
            for (const [id, v] of writes) {
              const sheet = snap.cellSheet[id];
              const address = snap.cellAddress[id];
              ownWrites.expect(sheet, address, v);
              ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[v]];
            }
            await ctx.sync();
          });
        } catch (e) {
          return emptyCheck([{ kind: 'failed', message: errorMessage(e) }]);
        }
      }
      return runCheck(true);
    },

    async restoreFormulas(formulas: Record<CellId, string>) {
      const snap = await ensureSnapshot();
      if (!snap) return emptyCheck([{ kind: 'noTables' }]);
      const format = getFormat(snap.format);
      // Only a total of the tables takes a formula, and only a plain sum: nothing else is written.
      const writes = Object.entries(formulas).filter(
        ([id, f]) => format.cellById.get(id)?.sumOf && snap.cellAddress[id] && SUM_FORMULA.test(f),
      );
      if (writes.length) {
        try {
          await Excel.run(async (ctx) => {
            for (const [id, f] of writes) {
              const sheet = snap.cellSheet[id];
              const address = snap.cellAddress[id];
              ownWrites.expect(sheet, address);
              ctx.workbook.worksheets.getItem(sheet).getRange(address).formulas = [[f]];
            }
            await ctx.sync();
          });
        } catch (e) {
          return emptyCheck([{ kind: 'failed', message: errorMessage(e) }]);
        }
      }
      return runCheck(true);
    },

    async writeText(req) {
      const snap = await ensureSnapshot();
      return writeText(req, snap?.locations ?? []);
    },

    async markReviewed(mark) {
      // Only a well-formed mark of a warning rule is stored (the same test as reading one back).
      const [valid] = parseMarks(storedMarks([mark]));
      if (!valid) return runCheck(true);
      return changeMarks((marks) => withMark(marks, valid));
    },

    async unmarkReviewed(key) {
      return changeMarks((marks) => withoutMark(marks, key));
    },

    async clearHighlights() {
      try {
        await runExcel(async (ctx) => {
          const snap = await readTables(ctx, cache, { activeSheetId, lastSetId });
          remember(snap);
          const plan = planPaint(snap, new Map());
          plan.remove = plan.remove.filter((r) => !snap.noFormatSheets.includes(r.sheet));
          if (!isEmptyPlan(plan)) {
            queuePaint(ctx, plan);
            await ctx.sync();
          }
        });
      } catch {
        // Nothing painted can be removed when the tables cannot be read; the next check reports why.
      }
    },

    whenIdle() {
      return live ? live.idle() : Promise.resolve();
    },
  };
  return host;
}
