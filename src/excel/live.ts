/**
 * Live checking: listens to `onChanged` on the sheets that hold the tables, lets a burst of changes settle
 * (typing, a paste, fill-down, undo each fire one or more events), then runs one check. Changes the add-in made
 * itself are ignored: Excel reports API writes through the same event.
 */
import { cellsOf, contains, overlaps, parseA1, parseAddress, sameRect, type Rect } from '../model/a1';
import type { CachedLocation } from './read';
import { supports } from './requirements';
import { runExcel } from './run';

/**
 * The areas of an event address as Excel gives them: `B5`, `B5:D9`, whole columns `D:D`, whole rows `5:7`, and
 * several areas `A1:B2,D4` (https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs#excel-excel-worksheetchangedeventargs-address-member:
 * "the range address that represents the changed area"). Null when it cannot be read.
 */
export function eventAreas(address: string): Rect[] | null {
  const out: Rect[] = [];
  for (const part of String(address ?? '').split(',')) {
    const area = parseAddress(part);
    if (!area) return null;
    out.push(area.rect);
  }
  return out.length ? out : null;
}

/**
 * Remembers what the add-in is about to write, so that the events its writes cause are not taken for the user's
 * (at ExcelApi < 1.14 Excel does not say who made a change). A single-cell event must also carry the value the
 * add-in wrote: a user who types over that cell a moment later is still heard.
 */
export class OwnWrites {
  private pending: { sheet: string; range: Rect; value?: unknown; until: number }[] = [];

  constructor(private readonly ttlMs = 3000) {}

  expect(sheet: string, address: string, value?: unknown): void {
    this.pending.push({ sheet, range: parseA1(address), value, until: Date.now() + this.ttlMs });
  }

  clear(): void {
    this.pending = [];
  }

  /**
   * True when the event reports a write of the add-in. An entry is consumed by the event that reports exactly its
   * range; otherwise it lives until its time is up (Excel may report one write in parts).
   */
  consume(sheet: string, address: string, valueAfter?: unknown): boolean {
    const now = Date.now();
    this.pending = this.pending.filter((p) => p.until >= now);
    const areas = eventAreas(address);
    // The add-in writes single rectangles: a whole column, several areas or an unreadable address is the user's.
    if (!areas || areas.length !== 1 || areas[0].rows * areas[0].cols > 10000) return false;
    const ev = areas[0];
    const covering = this.pending.filter((p) => p.sheet === sheet && overlaps(p.range, ev));
    if (!covering.length) return false;
    const all = [...cellsOf(ev)].every(([r, c]) => covering.some((p) => contains(p.range, r, c)));
    if (!all) return false;
    const exact = covering.find((p) => sameRect(p.range, ev));
    if (valueAfter !== undefined && exact && exact.value !== undefined && !sameValue(exact.value, valueAfter)) {
      return false;
    }
    if (exact) this.pending = this.pending.filter((p) => p !== exact);
    return true;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || String(a) === String(b);
}

interface ChangeEvent {
  address: string;
  changeType: string;
  worksheetId: string;
  triggerSource?: string;
  /** `Remote`: a co-author's change, arriving from another copy of the workbook. */
  source?: string;
}

/** Whether a change on a sheet can affect the tables: edits that touch them, and any row/column shift. */
function isRelevant(ev: ChangeEvent, locations: readonly CachedLocation[]): boolean {
  const here = locations.filter((l) => l.sheetId === ev.worksheetId);
  if (!here.length) return false;
  if (ev.changeType !== 'RangeEdited' && ev.changeType !== 'Unknown') return true;
  const areas = eventAreas(ev.address);
  if (!areas) return true;
  return here.some((l) => areas.some((a) => overlaps(parseA1(l.address), a)));
}

/**
 * What the user changed, as the event said: the range, and for a single cell the values before and after
 * (`details`, ExcelApi 1.9; https://learn.microsoft.com/javascript/api/excel/excel.changedeventdetail).
 */
export interface UserChange {
  worksheetId: string;
  address: string;
  valueBefore?: unknown;
  valueAfter?: unknown;
}

interface LiveOptions {
  debounceMs: number;
  ownWrites: OwnWrites;
  /**
   * Runs one full check (read + paint) and returns the sheets to listen to afterwards. `changes`: what the user
   * changed since the last check (typed values, pastes, deletes, undo), oldest first.
   */
  runCheck: (changes: readonly UserChange[], paint: boolean) => Promise<CachedLocation[]>;
  /** Where the tables are now, to filter events. */
  locations: () => readonly CachedLocation[];
  onError: (e: unknown) => void;
  /**
   * The user activated a sheet (a tab clicked, or a sheet deleted): whether a check should follow (the sheet holds
   * another set of tables, or is one never seen).
   */
  onSheetActivated?: (worksheetId: string) => boolean;
}

const MAX_CHANGES = 200;

export class LiveChecker {
  private handlers = new Map<string, OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>>();
  private activation: OfficeExtension.EventHandlerResult<Excel.WorksheetActivatedEventArgs> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private active = false;
  private idleWaiters: (() => void)[] = [];
  /** User changes since the last check started; a bound keeps a huge burst (fill-down of a column) cheap. */
  private changes: UserChange[] = [];
  /** A change made here (not by a co-author) since the last check: only then does the check paint. */
  private localSinceCheck = false;

  constructor(private readonly opts: LiveOptions) {}

  async start(): Promise<void> {
    this.active = true;
    this.localSinceCheck = false;
    await this.subscribe(this.opts.locations());
    if (this.opts.onSheetActivated) await this.listenToActivation();
  }

  /**
   * `WorksheetCollection.onActivated` (ExcelApi 1.7): the pane follows the active sheet's set of tables. An Excel
   * that refuses the registration (office-js issue 1103: `AccessDenied` on some Excel 2019 builds) still checks:
   * the pane's chooser and 立即检查 switch sets there.
   */
  private async listenToActivation(): Promise<void> {
    try {
      await runExcel(async (ctx) => {
        const h = ctx.workbook.worksheets.onActivated.add(this.onActivated);
        await ctx.sync();
        this.activation = h;
      });
    } catch {
      this.activation = null;
    }
  }

  private readonly onActivated = async (ev: Excel.WorksheetActivatedEventArgs): Promise<void> => {
    if (!this.active || !this.opts.onSheetActivated?.(ev.worksheetId)) return;
    this.localSinceCheck = true;
    this.schedule();
  };

  async stop(): Promise<void> {
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const handlers: OfficeExtension.EventHandlerResult<unknown>[] = [...this.handlers.values()];
    if (this.activation) handlers.push(this.activation);
    this.activation = null;
    this.handlers.clear();
    for (const h of handlers) {
      try {
        await Excel.run(h.context, async (ctx) => {
          h.remove();
          await ctx.sync();
        });
      } catch {
        // The sheet is gone, and its handler with it.
      }
    }
    await this.idle();
  }

  /** Schedules a check as if the user had changed something (after the add-in generated new tables). */
  refresh(): void {
    this.localSinceCheck = true;
    if (this.active) this.schedule();
  }

  /** Resolves when no check is scheduled or running (tests and benches wait on it). */
  idle(): Promise<void> {
    if (!this.timer && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private readonly onChanged = async (ev: Excel.WorksheetChangedEventArgs): Promise<void> => {
    const e: ChangeEvent = {
      address: ev.address,
      changeType: String(ev.changeType),
      worksheetId: ev.worksheetId,
      // Read only where the requirement set has them (triggerSource: ExcelApi 1.14, details: 1.9); older hosts
      // leave them out and the own-writes ledger does the work (test/host-support/office-api-usage.test.ts).
      triggerSource: supports('1.14') ? (ev as { triggerSource?: string }).triggerSource : undefined,
      source: String(ev.source ?? ''),
    };
    const details = supports('1.9')
      ? (ev as { details?: { valueBefore?: unknown; valueAfter?: unknown } }).details
      : undefined;
    if (!this.active) return;
    if (e.triggerSource === 'ThisLocalAddin') return;
    const loc = this.opts.locations().find((l) => l.sheetId === e.worksheetId);
    const after = details?.valueAfter;
    if (loc && e.changeType === 'RangeEdited' && this.opts.ownWrites.consume(loc.sheet, e.address, after)) return;
    if (!isRelevant(e, this.opts.locations())) return;
    // A co-author's edit is checked here too (the pane shows what the workbook now says), but painted only by
    // the co-author's own add-in: two panes painting the same cells at once would stack duplicate highlights.
    // https://learn.microsoft.com/javascript/api/excel/excel.eventsource
    if (e.source !== 'Remote') this.localSinceCheck = true;
    if (e.changeType === 'RangeEdited' && this.changes.length < MAX_CHANGES) {
      this.changes.push({
        worksheetId: e.worksheetId,
        address: e.address,
        ...(details ? { valueBefore: details.valueBefore, valueAfter: details.valueAfter } : {}),
      });
    }
    this.schedule();
  };

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.opts.debounceMs);
  }

  private async flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        const changes = this.changes;
        this.changes = [];
        const paint = this.localSinceCheck;
        this.localSinceCheck = false;
        const locations = await this.opts.runCheck(changes, paint);
        if (this.active) await this.subscribe(locations);
      } catch (e) {
        this.opts.onError(e);
      }
    })();
    await this.running;
    this.running = null;
    if (this.again) {
      this.again = false;
      return this.flush();
    }
    if (!this.timer) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** Listens on every sheet that holds a table now; tables can be moved to another sheet. */
  private async subscribe(locations: readonly CachedLocation[]): Promise<void> {
    const ids = [...new Set(locations.map((l) => l.sheetId).filter(Boolean))].filter((id) => !this.handlers.has(id));
    if (!ids.length) return;
    await runExcel(async (ctx) => {
      const added = ids.map((id) => [id, ctx.workbook.worksheets.getItem(id).onChanged.add(this.onChanged)] as const);
      await ctx.sync();
      for (const [id, h] of added) this.handlers.set(id, h);
    });
  }
}
