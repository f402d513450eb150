/**
 * A seeded session of random user actions against the Excel stand-in, with the real adapter live checking, and the
 * oracle that judges the adapter after every action. Shared by the CI fuzz test (test/fuzz/) and `npm run fuzz`
 * (bench/fuzz.ts), so that a seed that fails in one reproduces in the other.
 *
 * The oracle is independent of the adapter's reader where it can be: tables are found through the workbook names the
 * stand-in keeps up to date, an intact table (its name covers exactly the format's grid) is mapped through the
 * format's grid, and values and formulas are read from the stand-in's cells. Only a table the user damaged (a row
 * inserted inside it) is mapped through the addresses the adapter reported, which are then re-read fresh.
 */
import { a1, parseA1 } from '../../src/model/a1';
import { check } from '../../src/model/check';
import { getFormat } from '../../src/model/formats';
import { normaliseLabel } from '../../src/model/normalise';
import { tableName } from '../../src/model/layout';
import type { CellId, CheckResult, RawValue, TableId } from '../../src/model/types';
import { createExcelHost, type ExcelHost } from '../../src/excel/host';
import type { HostCheck } from '../../src/taskpane/host-api';
import { desiredPaint, paintedCellOf } from '../../src/excel/highlight';
import { liveFormulaCells } from '../../src/model/mistakes';
import { openTotals } from '../../src/model/open-totals';
import type { EditAttribution } from '../../src/model/recent-edit';
import { PAINT_FILL } from '../../src/excel/palette';
import { createStandIn, UserActionRefused, type StandIn } from '../../standin';
import { shareVerdicts } from './model-verdicts';

const format = getFormat('2021');
const YEAR = 2025;
const TABLES: TableId[] = ['T2', 'T3', 'T4'];
const OUR_FILLS = new Set(Object.values(PAINT_FILL));

/** mulberry32: small, fast, and the same sequence on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind =
  | 'type'
  | 'paste'
  | 'clear'
  | 'overwriteTotal'
  | 'fillDown'
  | 'undo'
  | 'insertRows'
  | 'deleteRows'
  | 'insertColumns'
  | 'deleteColumns'
  | 'moveTable'
  | 'renameSheet'
  | 'typeBeside'
  | 'formatCell'
  | 'clearColumn'
  | 'clearRow';

/** Weights: mostly the edits users make all day, now and then a structural change. */
const WEIGHTS: [Kind, number][] = [
  ['type', 34],
  ['paste', 10],
  ['clear', 7],
  ['overwriteTotal', 4],
  ['fillDown', 5],
  ['undo', 10],
  ['insertRows', 2],
  ['deleteRows', 2],
  ['insertColumns', 1],
  ['deleteColumns', 1],
  ['moveTable', 2],
  ['renameSheet', 2],
  ['typeBeside', 8],
  ['formatCell', 4],
  // Whole columns and rows (Delete on a selected column or row header): Excel reports them as `D:D`, `5:5`.
  ['clearColumn', 1],
  ['clearRow', 1],
];

export interface SessionStats {
  actions: number;
  refused: number;
  checks: number;
  maxSyncsTyping: number;
  maxSyncsPaste: number;
  /** Ctrl+Z presses that took something back (the rest found the undo stack empty). */
  undone: number;
}

export class FuzzFailure extends Error {
  constructor(
    message: string,
    readonly seed: number,
    readonly log: string[],
  ) {
    super(
      `${message}\n  seed ${seed} (reproduce: FUZZ_SEED=${seed})\n  last actions:\n    ${log.slice(-12).join('\n    ')}`,
    );
  }
}

interface BookLike {
  run<T>(origin: string, label: string, fn: () => T): T;
  sheetByNameOrNull(name: string): SheetLike | null;
  cell(sheet: SheetLike, row: number, col: number): { formula?: string | null } | undefined;
  cellValue(sheet: SheetLike, row: number, col: number): unknown;
  painted(sheet: SheetLike): { address: string; fill: string | null }[];
}
interface SheetLike {
  name: string;
  protection: { protected: boolean; options: { allowFormatCells: boolean } };
  conditionalFormats: {
    formula: string | null;
    fill: string | null;
    rects: { row: number; col: number; rows: number; cols: number }[];
  }[];
}

/** Methods of the stand-in's book that change what the user sees in cells, other than conditional formats. */
const CELL_WRITERS = [
  'writeCells',
  'clear',
  'formatCells',
  'setLocked',
  'structural',
  'fillDown',
  'moveRange',
  'merge',
  'unmerge',
  'renameSheet',
  'protect',
  'unprotect',
  'setColumnWidth',
  'setRowHeight',
  'deleteSheet',
  'setValidation',
  'clearValidation',
  'clearConditionalFormats',
];

/** Records every change the add-in (origin `api`) makes to the book beyond its own highlight formats. */
function watchAddinWrites(book: BookLike): string[] {
  const seen: string[] = [];
  let origin: string | null = null;
  const b = book as unknown as Record<string, (...a: unknown[]) => unknown>;
  const run = b.run.bind(book);
  b.run = (o: unknown, label: unknown, fn: unknown) => {
    const outer = origin;
    origin = origin ?? (o as string);
    try {
      return run(o, label, fn);
    } finally {
      origin = outer;
    }
  };
  for (const m of CELL_WRITERS) {
    const orig = b[m].bind(book);
    b[m] = (...args: unknown[]) => {
      if (origin !== 'user') seen.push(m);
      return orig(...args);
    };
  }
  for (const m of ['deleteConditionalFormat', 'updateConditionalFormat']) {
    const orig = b[m].bind(book);
    b[m] = (...args: unknown[]) => {
      const cf = args[1] as { formula: string | null };
      const ours = (f: string | null) => f === null || paintedCellOf(f) !== null;
      const before = cf.formula;
      const out = orig(...args);
      // A format the add-in just added has no rule yet; after the call it must carry the add-in's tag.
      if (origin !== 'user' && !(ours(before) && ours(cf.formula))) seen.push(`${m} of a format not ours`);
      return out;
    };
  }
  return seen;
}

interface Located {
  table: TableId;
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function locate(standIn: StandIn): Located[] {
  const out: Located[] = [];
  for (const t of TABLES) {
    const n = standIn.app.names().find((x) => x.name === tableName(t) && x.scope === null);
    if (!n) continue;
    const f = n.formula.replace(/^=/, '');
    const bang = f.lastIndexOf('!');
    if (bang < 0 || f.includes('#REF!')) continue; // the table was deleted
    const r = parseA1(f.slice(bang + 1));
    const sheet = f.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
    out.push({ table: t, sheet, row: r.row, col: r.col, rows: r.rows, cols: r.cols });
  }
  return out;
}

function apiValue(v: unknown): RawValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'object' && v && 'error' in v) return String((v as { error: string }).error);
  return String(v).toUpperCase();
}

/**
 * The model's verdict on the tables as read, remembered on its exact input (see model-verdicts.ts): under the fuzz
 * test and `npm run fuzz` the adapter's `check` is the same shared one, so an input is judged once.
 */
const judge = shareVerdicts(check);

/** What the model says about the tables as they stand in the stand-in now. */
function expected(
  standIn: StandIn,
  book: BookLike,
  reported: HostCheck,
): {
  result: CheckResult;
  cellAddress: Record<CellId, string>;
  cellSheet: Record<CellId, string>;
  formulas: Record<CellId, string | undefined>;
  intact: TableId[];
  located: TableId[];
} {
  const values: Record<CellId, RawValue> = {};
  const formulas: Record<CellId, string | undefined> = {};
  const cellAddress: Record<CellId, string> = {};
  const cellSheet: Record<CellId, string> = {};
  const intact: TableId[] = [];
  const located = locate(standIn);
  const found: TableId[] = [];
  for (const def of format.tables) {
    const loc = located.find((l) => l.table === def.id);
    if (!loc) continue;
    const sheet = book.sheetByNameOrNull(loc.sheet);
    if (!sheet) continue;
    found.push(def.id);
    // Intact: the name covers exactly the format's grid and every label is in its place. The shape alone is not
    // enough: a column deleted and another inserted later leaves the right width with a header gone (seed 20251128).
    const whole =
      loc.rows === def.rows &&
      loc.cols === def.cols &&
      def.labels.every(
        (l) => normalised(text(book.cellValue(sheet, loc.row + l.row, loc.col + l.col))) === normalised(l.text),
      );
    if (whole) intact.push(def.id);
    for (const c of def.cells) {
      let addr: string | undefined;
      let p: { row: number; col: number };
      if (whole) {
        p = { row: loc.row + c.row, col: loc.col + c.col };
        addr = cellA1(p.row, p.col);
      } else {
        addr = reported.cellAddress[c.id];
        if (!addr) continue;
        p = parseA1(addr);
      }
      const cell = book.cell(sheet, p.row, p.col);
      values[c.id] = apiValue(book.cellValue(sheet, p.row, p.col));
      formulas[c.id] = cell?.formula ? cell.formula : undefined;
      cellAddress[c.id] = addr;
      cellSheet[c.id] = loc.sheet;
    }
  }
  // Live totals over blank cells are not figures yet (src/model/open-totals.ts), as the host reads them.
  const read = openTotals('2021', values, liveFormulaCells('2021', formulas, []));
  const result = judge('2021', read, { formulas, cellAddress, year: YEAR });
  const mapped = new Set(Object.keys(cellAddress).map(tableOf));
  const out = (id: CellId) => !mapped.has(tableOf(id));
  const excluded = new Set(TABLES.filter((t) => !mapped.has(t)));
  return {
    result: {
      ...result,
      unfilled: result.unfilled.filter((id) => !out(id)),
      findings: result.findings.filter(
        (f) => !(f.table && excluded.has(f.table)) && !f.cells.some(out) && !f.suspects.some(out),
      ),
    },
    cellAddress,
    cellSheet,
    formulas,
    intact,
    located: found,
  };
}

/** `a1`, remembered: the oracle names the same few hundred cells after every action. */
function cellA1(row: number, col: number): string {
  const k = row * 16384 + col;
  let s = A1.get(k);
  if (s === undefined) {
    if (A1.size >= 65536) A1.clear();
    A1.set(k, (s = a1(row, col)));
  }
  return s;
}
const A1 = new Map<number, string>();

/** The table a cell id belongs to (its first part). */
function tableOf(id: CellId): string {
  return TABLE_OF.get(id) ?? id.split('.')[0];
}
const TABLE_OF = new Map<string, string>(format.cells.map((c) => [c.id, c.id.split('.')[0]]));

/** `normaliseLabel`, remembered: the oracle compares the same few label texts after every action. */
function normalised(label: string): string {
  let n = NORMALISED.get(label);
  if (n === undefined) {
    if (NORMALISED.size >= 4096) NORMALISED.clear();
    NORMALISED.set(label, (n = normaliseLabel(label)));
  }
  return n;
}
const NORMALISED = new Map<string, string>();

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9.,-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** What a user types into a number cell: mostly good counts, and every kind of bad entry seen in practice. */
function someValue(r: () => number): string | number {
  const n = Math.floor(r() * 30);
  switch (Math.floor(r() * 12)) {
    case 0:
      return -n - 1;
    case 1:
      return n + 0.5;
    case 2:
      return FULL_WIDTH(String(n));
    case 3:
      return `'${n}`; // a number stored as text
    case 4:
      return pick(r, ['无', '—', 'N/A', '一', ' ', '0件']);
    case 5:
      return `${n * 1000}`.replace(/(\d)(\d{3})$/, '$1,$2');
    default:
      return n;
  }
}

export interface SessionOptions {
  seed: number;
  actions: number;
  /** Protect the generated sheet (only input cells accept typing). */
  protect?: boolean;
  /**
   * The Excel played keeps the add-in's writes on the user's undo stack (default true); false: every write batch of
   * the add-in clears it, as on hosts without API undo. The session's Ctrl+Z steps meet each.
   */
  apiUndo?: boolean;
}

/** Runs one session; throws FuzzFailure with the seed and the last actions on the first wrong answer. */
export async function runSession(opts: SessionOptions): Promise<SessionStats> {
  const r = rng(opts.seed);
  const protect = opts.protect ?? r() < 0.3;
  const standIn = createStandIn({ apiUndo: opts.apiUndo ?? true });
  const restore = standIn.install();
  const { app } = standIn;
  const book = (app as unknown as { book: BookLike }).book;
  const log: string[] = [];
  const stats: SessionStats = {
    actions: 0,
    refused: 0,
    checks: 0,
    maxSyncsTyping: 0,
    maxSyncsPaste: 0,
    undone: 0,
  };
  const fail = (msg: string): never => {
    if (process.env.FUZZ_DEBUG) (globalThis as Record<string, unknown>).fuzzDebug = { standIn, results: debugResults };
    throw new FuzzFailure(msg, opts.seed, log);
  };
  let host: ExcelHost | null = null;
  let debugResults: HostCheck[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  const realTimers = zeroDelayTimers();
  try {
    host = createExcelHost({ debounceMs: 0 });
    const out = await host.generate({
      format: '2021',
      year: YEAR,
      org: '某县政务服务数据管理局',
      target: 'newSheet',
      protect,
    });
    if (!out.ok) return fail(`generate failed: ${JSON.stringify(out)}`);
    let sheet = out.sheet;
    // Generated input cells start blank; a session starts from a table filled with 0 (clearing makes blanks), as a
    // workbook just opened: no undo history (undoing the add-in's own batches fires no event, see the paint note).
    await host.writeValues(Object.fromEntries(format.cells.filter((c) => c.role === 'input').map((c) => [c.id, 0])));
    (book as unknown as { clearUndo(): void }).clearUndo();
    const results: HostCheck[] = [];
    debugResults = results;
    await host.startLive((c) => results.push(c));
    const addinWrites = watchAddinWrites(book);
    let structuralBefore = true;
    let moved = 0;
    let paintUnknown = false;

    const inputCells = format.cells.filter((c) => c.role === 'input');
    const totalCells = format.cells.filter((c) => c.role !== 'input');
    const located = () => locate(standIn);
    const addrOf = (id: CellId): string | null => {
      const c = format.cellById.get(id)!;
      const loc = located().find((l) => l.table === c.table);
      if (!loc || loc.rows !== format.tables.find((t) => t.id === c.table)!.rows) return null;
      return a1(loc.row + c.row, loc.col + c.col);
    };

    for (let i = 0; i < opts.actions; i++) {
      const kind = weighted(r);
      const countBefore = results.length;
      app.resetSyncCount();
      let desc = kind as string;
      try {
        desc = act(kind);
      } catch (e) {
        if (!(e instanceof UserActionRefused)) throw e;
        stats.refused++;
        desc += ' (refused)';
      }
      log.push(`#${i} ${desc}`);
      stats.actions++;
      await app.settle();
      await host.whenIdle();
      await app.settle();
      await host.whenIdle();
      const syncs = app.syncCount;
      stats.checks += results.length - countBefore;
      if (app.handlerErrors.length) fail(`handler threw: ${String(app.handlerErrors[0])}`);
      if (unhandled.length) fail(`unhandled rejection: ${String(unhandled[0])}`);
      if (addinWrites.length) fail(`the add-in changed the user's cells: ${addinWrites.join(', ')}`);
      const last = results[results.length - 1];
      if (!last) fail('no result reported');
      if (last.problems.some((p) => p.kind === 'failed')) fail(`check failed: ${JSON.stringify(last.problems)}`);

      // Budgets: only when the tables stayed where the previous check found them (a moved table costs one more read).
      if (!structuralBefore) {
        const typing = kind === 'type' || kind === 'overwriteTotal' || kind === 'typeBeside';
        const block = kind === 'paste' || kind === 'clear' || kind === 'fillDown';
        if (typing) stats.maxSyncsTyping = Math.max(stats.maxSyncsTyping, syncs);
        if (block) stats.maxSyncsPaste = Math.max(stats.maxSyncsPaste, syncs);
        if (typing && syncs > 2) fail(`${syncs} syncs for a single-cell edit`);
        if (block && syncs > 3) fail(`${syncs} syncs for a block edit`);
      }
      structuralBefore = ![
        'type',
        'paste',
        'clear',
        'overwriteTotal',
        'fillDown',
        'typeBeside',
        'formatCell',
        'clearColumn',
        'clearRow',
      ].includes(kind);

      const want = expected(standIn, book, last);
      if (!last.result) {
        if (want.result.findings.length || Object.keys(want.cellAddress).length)
          fail(`no result but ${Object.keys(want.cellAddress).length} cells are readable`);
        continue;
      }
      for (const t of want.located) {
        const damaged = last.problems.some((p) => p.kind === 'tableDamaged' && p.table === t);
        const intact = want.intact.includes(t);
        if (damaged === intact) fail(`${t} is ${intact ? 'intact' : 'damaged'} but the adapter says the opposite`);
      }
      for (const t of want.intact) {
        for (const c of format.tables.find((d) => d.id === t)!.cells) {
          if (last.cellAddress[c.id] !== want.cellAddress[c.id])
            fail(`${c.id} reported at ${last.cellAddress[c.id]}, the table puts it at ${want.cellAddress[c.id]}`);
        }
      }
      if (!same(last.result.findings, want.result.findings)) {
        fail(
          `stale or wrong findings:\n  got  ${summary(last.result.findings)}\n  want ${summary(want.result.findings)}`,
        );
      }
      if (!same(last.result.unfilled, want.result.unfilled)) fail('unfilled cells differ from the model');
      // With API undo, Ctrl+Z right after a check takes back the add-in's last paint batch (a batch is an undo step)
      // and fires no event: the paint is then out of date until the next check, which repairs it. Judged again from
      // there. Without API undo the paint cleared the undo stack: Ctrl+Z then has nothing of the add-in's to take.
      if (kind === 'undo' && results.length === countBefore) paintUnknown = true;
      else if (results.length > countBefore) paintUnknown = false;
      if (!paintUnknown) checkPaint(want, last.edits ?? {});
    }

    function checkPaint(want: ReturnType<typeof expected>, edits: Readonly<Record<string, EditAttribution>>): void {
      // Which cell the user just edited is the host's knowledge (the change events): taken from its answer.
      const formulaCells = liveFormulaCells('2021', want.formulas, want.result.findings);
      const desired = desiredPaint(want.result.findings, { format: '2021', formulaCells, edits });
      const sheets = new Set(Object.values(want.cellSheet));
      for (const name of sheets) {
        const s = book.sheetByNameOrNull(name)!;
        if (s.protection.protected && !s.protection.options.allowFormatCells) continue;
        // The add-in's formats are always true and rank first (Excel lists formats by priority), so the first of
        // them on a cell is what shows; evaluating every self-checking format per action would be too slow.
        const shown = new Map<string, string | null>();
        const ours = new Map<string, CellId>();
        for (const cf of s.conditionalFormats) {
          const id = cf.formula ? paintedCellOf(cf.formula) : null;
          if (!id) continue;
          for (const rect of cf.rects) {
            const at = cellA1(rect.row, rect.col);
            ours.set(at, id);
            if (!shown.has(at)) shown.set(at, cf.fill);
          }
        }
        for (const [id, addr] of Object.entries(want.cellAddress)) {
          if (want.cellSheet[id] !== name) continue;
          const cls = desired.get(id);
          const fill = shown.get(addr) ?? null;
          if (cls && fill !== PAINT_FILL[cls]) fail(`${id} (${addr}) should show ${cls}, shows ${fill}`);
          if (!cls && fill && OUR_FILLS.has(fill)) fail(`${id} (${addr}) still highlighted (${fill}) with no problem`);
        }
        // Every highlight of ours sits on the cell its id is read from, on a problem still there; damaged tables
        // included (a highlight follows its cell while a damaged table is read by its labels: the add-in repaints).
        for (const [addr, id] of ours) {
          if (want.cellAddress[id] !== addr)
            fail(`a highlight for ${id} sits on ${addr}, the value is read at ${want.cellAddress[id]}`);
          if (!desired.has(id)) fail(`a highlight for ${id} (${addr}) stays with no problem`);
        }
      }
    }

    function act(kind: Kind): string {
      const locs = located();
      const anyLoc = () => (locs.length ? pick(r, locs) : null);
      switch (kind) {
        case 'type': {
          const id = pick(r, inputCells).id;
          const addr = addrOf(id);
          if (!addr) return 'type: table not intact';
          const v = someValue(r);
          app.typeCell(sheet, addr, v);
          return `type ${JSON.stringify(v)} in ${id} (${addr})`;
        }
        case 'overwriteTotal': {
          const id = pick(r, totalCells).id;
          const addr = addrOf(id);
          if (!addr) return 'overwriteTotal: table not intact';
          const v = Math.floor(r() * 50);
          app.typeCell(sheet, addr, v);
          return `overwrite total ${id} (${addr}) with ${v}`;
        }
        case 'paste': {
          const id = pick(r, inputCells).id;
          const addr = addrOf(id);
          if (!addr) return 'paste: table not intact';
          const rows = 1 + Math.floor(r() * 4);
          const cols = 1 + Math.floor(r() * 4);
          const block = Array.from({ length: rows }, () =>
            Array.from({ length: cols }, () => (r() < 0.1 ? null : someValue(r))),
          );
          app.paste(sheet, addr, block);
          return `paste ${JSON.stringify(block)} at ${id} (${addr})`;
        }
        case 'clear': {
          const id = pick(r, inputCells).id;
          const addr = addrOf(id);
          if (!addr) return 'clear: table not intact';
          const p = parseA1(addr);
          const range = `${addr}:${a1(p.row + Math.floor(r() * 3), p.col + Math.floor(r() * 3))}`;
          app.clear(sheet, range);
          return `clear ${range}`;
        }
        case 'clearColumn':
        case 'clearRow': {
          const id = pick(r, inputCells).id;
          const addr = addrOf(id);
          if (!addr) return `${kind}: table not intact`;
          const p = parseA1(addr);
          const col = a1(0, p.col).replace(/\d+$/, '');
          const range = kind === 'clearColumn' ? `${col}:${col}` : `${p.row + 1}:${p.row + 1}`;
          app.clear(sheet, range);
          return `clear ${range}`;
        }
        case 'fillDown': {
          const id = pick(r, inputCells).id;
          const addr = addrOf(id);
          if (!addr) return 'fillDown: table not intact';
          const p = parseA1(addr);
          const range = `${addr}:${a1(p.row + 1 + Math.floor(r() * 4), p.col)}`;
          app.fillDown(sheet, range);
          return `fill down ${range}`;
        }
        case 'undo': {
          const done = app.undo();
          if (done) stats.undone++;
          return `undo (${done ? 'done' : 'nothing'})`;
        }
        case 'insertRows':
        case 'deleteRows': {
          const loc = anyLoc();
          if (!loc) return `${kind}: no table`;
          const row = loc.row + 1 + Math.floor(r() * (loc.rows + 4)) - 2;
          if (row < 1) return `${kind}: row < 1`;
          if (kind === 'insertRows') app.insertRows(sheet, row);
          else app.deleteRows(sheet, row);
          return `${kind} at ${row} (table ${loc.table} rows ${loc.row + 1}-${loc.row + loc.rows})`;
        }
        case 'insertColumns':
        case 'deleteColumns': {
          const loc = anyLoc();
          if (!loc) return `${kind}: no table`;
          const col = loc.col + Math.floor(r() * (loc.cols + 2));
          const letter = a1(0, col).replace(/\d+$/, '');
          if (kind === 'insertColumns') app.insertColumns(sheet, letter);
          else app.deleteColumns(sheet, letter);
          return `${kind} at ${letter}`;
        }
        case 'moveTable': {
          const loc = anyLoc();
          if (!loc) return 'moveTable: no table';
          // Beyond everything else on the sheet, so that the move overwrites nothing of the user's.
          const to = a1(loc.row, 20 + 12 * (moved++ % 20));
          const from = `${a1(loc.row, loc.col)}:${a1(loc.row + loc.rows - 1, loc.col + loc.cols - 1)}`;
          app.moveRange(sheet, from, to);
          return `move ${loc.table} ${from} → ${to}`;
        }
        case 'renameSheet': {
          const to = `表${Math.floor(r() * 1000)}`;
          if (app.sheets().includes(to)) return 'rename: name taken';
          app.renameSheet(sheet, to);
          const was = sheet;
          sheet = to;
          return `rename sheet ${was} → ${to}`;
        }
        case 'typeBeside': {
          const loc = anyLoc();
          if (!loc) return 'typeBeside: no table';
          const addr = a1(loc.row + Math.floor(r() * loc.rows), loc.col + loc.cols + Math.floor(r() * 2));
          const v = someValue(r);
          app.typeCell(sheet, addr, v);
          return `type ${JSON.stringify(v)} beside ${loc.table} at ${addr}`;
        }
        case 'formatCell': {
          const id = pick(r, format.cells).id;
          const addr = addrOf(id);
          if (!addr) return 'formatCell: table not intact';
          const fill = pick(r, ['#00B050', '#FFFF00', null]);
          app.formatCells(sheet, addr, { fill });
          return `format ${id} (${addr}) fill ${fill}`;
        }
      }
    }
    return stats;
  } finally {
    process.off('unhandledRejection', onUnhandled);
    realTimers();
    if (host) await host.stopLive().catch(() => undefined);
    restore();
  }
}

/**
 * For the session: a zero-delay timer (the adapter's debounce, `debounceMs: 0`) runs on the next turn of the event
 * loop, as a browser runs it, instead of after Node's one-millisecond minimum, which left the fuzz idle for a
 * millisecond after nearly every action. Timers with a delay are untouched. Returns the function that puts the real
 * timers back.
 */
function zeroDelayTimers(): () => void {
  const g = globalThis as unknown as {
    setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...a: unknown[]) => unknown;
    clearTimeout: (handle: unknown) => void;
  };
  const { setTimeout: realSet, clearTimeout: realClear } = g;
  const immediate = new Set<NodeJS.Immediate>();
  g.setTimeout = (fn, ms, ...a) => {
    if (typeof fn !== 'function' || (ms ?? 0) > 0) return realSet(fn, ms, ...a);
    const handle = setImmediate(() => {
      immediate.delete(handle);
      fn(...a);
    });
    immediate.add(handle);
    return handle;
  };
  g.clearTimeout = (handle) => {
    if (immediate.delete(handle as NodeJS.Immediate)) clearImmediate(handle as NodeJS.Immediate);
    else realClear(handle);
  };
  return () => {
    g.setTimeout = realSet;
    g.clearTimeout = realClear;
    for (const h of immediate) clearImmediate(h);
  };
}

function weighted(r: () => number): Kind {
  const total = WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [k, w] of WEIGHTS) {
    x -= w;
    if (x < 0) return k;
  }
  return WEIGHTS[0][0];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function summary(findings: readonly { rule: string; instance: string }[]): string {
  return findings.map((f) => `${f.rule}:${f.instance}`).join(' ') || '(none)';
}
