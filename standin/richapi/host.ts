/**
 * The Excel end of the RichApi protocol that Microsoft's office.js client speaks. The client (loaded unchanged from
 * `@microsoft/office-js`) turns every `context.sync()` into one `ProcessQuery` request: `ObjectPaths` (how each
 * object is reached: the global workbook, a property, a method, an indexer) and `Actions` in order (Instantiate,
 * Query, Method, SetProperty, Trace). This host answers each request from the workbook model (`../book.ts`), the
 * way Excel does: actions run in order inside one undo step, the first failure stops the request and comes back in
 * the response's `Error` field (code, message, location, index of the failing action), the actions before it stay
 * applied. Shapes read from the request builder and response parser of `excel-web-16.00.debug.js`
 * (`ClientRequestBase.buildRequestMessageBodyAndRequestFlags`, `ClientRequestContext.processRequestExecutorResponseMessage`,
 * the generated `_handleResult` / `_handleIdResult` of each class).
 *
 * The objects the requests walk are the stand-in's Excel objects (`../api/*`): on this side of the protocol they are
 * the host's object model, resolved and run when the request arrives; loading, `PropertyNotLoaded`, null objects,
 * collections and error objects on the add-in's side are office.js's own.
 */
import type { Book, RawChange, RawSelection } from '../book';
import { parseAddress, rectA1 } from '../../src/model/a1';
import { ClientResult, clientName, StandInContext, StandInObject } from '../api/base';
import type { RangeTarget } from '../api/range';
import { StandInRange, StandInRangeAreas } from '../api/range';
import { StandInCollection } from '../api/base';
import { StandInWorkbook } from '../api/workbook';
import { itemNotFound, StandInError } from '../errors';
import { nextTask } from '../tasks';

export interface RichApiRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface RichApiResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: number[];
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[] };
  ObjectState?: Record<string, unknown>;
}

interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

/** office.js's numbering (ObjectPathType and ActionType in the client). */
const PATH = { global: 1, newObject: 2, method: 3, property: 4, indexer: 5, referenceId: 6, nullObject: 7 } as const;
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4, trace: 5 } as const;

/** office.js sets this request flag when a request writes (`ClientRequestBase.aggregrateRequestFlags`). */
const FLAG_WRITE = 1;
/** `Excel.run({ delayForCellEdit: true }, …)` sets this request flag (`onBeforeExcelRun` in the client). */
const FLAG_DELAY_FOR_CELL_EDIT = 64;

/** The event type office.js gives `Worksheet.onChanged` (`eventType: 10` in its `GenericEventHandlers`). */
const EVENT_DATA_CHANGED = 10;
/** `GenericEventRegistration.richApiMessageEventCategory` / `Constants.eventMessageCategory`. */
const EVENT_MESSAGE_CATEGORY = 65536;
/** `onSelectionChanged` (`eventType: 14`). */
const EVENT_SELECTION_CHANGED = 14;
/**
 * `WorksheetCollection.onActivated` and `Worksheet.onActivated` (`eventType: 11`), ExcelApi 1.7: "occurs when any
 * worksheet in the workbook is activated"
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onactivated-member).
 * Raised for the user's click on a tab and for the API's `Worksheet.activate()` and selecting on another sheet alike:
 * Excel raises it for add-in actions that change the active sheet (office-js issue 3148: `freezePanes` on another
 * sheet raised `WorksheetActivated`), as VBA's `Worksheet.Activate` method raises the Activate event
 * (https://learn.microsoft.com/office/vba/api/excel.worksheet.activate(even)).
 */
const EVENT_ACTIVATED = 11;
/** office.js's `Constants.eventWorkbookId`: the target of collection-level events. */
const WORKBOOK_TARGET = 'Workbook';
/** Which event each registration method turns on. */
const REGISTER_METHODS: Record<string, number> = {
  DataChangedEvent: EVENT_DATA_CHANGED,
  SelectionChangedEvent: EVENT_SELECTION_CHANGED,
  ActivatedEvent: EVENT_ACTIVATED,
};

/** Where the host sends event messages: office.js's `_testTriggerRichApiMessageEvent`. */
export type EventSink = (msg: {
  entries: { messageCategory: number; messageType: number; targetId: string; message: string }[];
}) => void;

/** Members whose requirement set the host checks, `Type.member` → ExcelApi version, read from office.js. */
export type ApiVersions = ReadonlyMap<string, string>;

const REF_PREFIX = 'standin-event:';

interface HostOptions {
  /** The ExcelApi version this host implements: members of a later set fail with `ApiNotFound`. */
  excelApi: string;
  apiVersions: ApiVersions | null;
  /** The add-in's write batches are undo steps (true) or clear the user's undo stack (false). */
  apiUndo: boolean;
}

/** A range the add-in keeps across syncs (office.js asks with `_KeepReference`), by its reference id. */
interface KeptRange {
  typeName: string;
  target: RangeTarget;
}

export class RichApiHost {
  /** Ranges handed out with a `_ReferenceId`, until office.js's cleanup request removes them. */
  readonly kept = new Map<string, KeptRange>();
  private nextRef = 1;
  /** Every ProcessQuery request, office.js's end-of-run cleanup included (`syncCount` leaves that one out). */
  requestCount = 0;
  /** Events an add-in registered, `eventType:targetId` → count. */
  private readonly registrations = new Map<string, number>();
  private sink: EventSink | null = null;
  /** The user is typing in a cell (Excel's cell-edit mode); resolves when they leave it. */
  private editEnded: Promise<void> | null = null;
  private leaveEdit: (() => void) | null = null;

  constructor(
    private readonly book: Book,
    private readonly opts: HostOptions,
  ) {
    book.onChange((c) => this.raiseChanged(c));
    book.onSelection((sel) => this.raiseSelection(sel));
  }

  connect(sink: EventSink | null): void {
    this.sink = sink;
  }

  get inCellEditMode(): boolean {
    return this.editEnded !== null;
  }

  enterCellEditMode(): void {
    if (this.editEnded) return;
    this.editEnded = new Promise((resolve) => (this.leaveEdit = resolve));
  }

  leaveCellEditMode(): void {
    const leave = this.leaveEdit;
    this.editEnded = null;
    this.leaveEdit = null;
    leave?.();
  }

  /** One `ProcessQuery` round trip: counted, answered after the caller's current task, like a real host. */
  async process(req: RichApiRequest): Promise<RichApiResponse> {
    const body = (typeof req.body === 'string' ? JSON.parse(req.body) : req.body) as RequestBody;
    this.requestCount++;
    if (!isCleanup(body)) this.book.syncCount++;
    await nextTask();
    const flags = Number(/[?&]flags=(-?\d+)/.exec(req.url)?.[1] ?? 0);
    // While the user edits a cell Excel refuses every batch, unless the add-in asked to wait for the edit to end:
    // https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member
    while (this.editEnded) {
      if (!(flags & FLAG_DELAY_FOR_CELL_EDIT)) {
        return answer([], {
          Code: 'InvalidOperationInCellEditMode',
          Message:
            'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
          HttpStatusCode: 400,
          Location: '',
          ActionIndex: -1,
        });
      }
      await this.editEnded;
    }
    const batch = new Batch(this.book, body.ObjectPaths ?? {}, this.opts);
    const changes = this.book.changeCount;
    const results: { ActionId: number; Value: unknown }[] = [];
    let error: ErrorInfo | null = null;
    this.book.run('api', 'Add-in changes', () => {
      const actions = body.Actions ?? [];
      for (let i = 0; i < actions.length; i++) {
        const a = actions[i];
        try {
          const value = batch.perform(a, this);
          results.push({ ActionId: a.Id, Value: value });
        } catch (e) {
          error = errorInfo(e, i);
          break;
        }
      }
    });
    // Where API writes have no undo, a request that wrote clears the user's undo stack, its own step included
    // ("most of the set operation of Excel API will disable undo/redo operation, it's a by-design behavior":
    // https://github.com/OfficeDev/office-js/issues/3788); reads leave it alone. With API undo the request stays one
    // step (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
    if (!this.opts.apiUndo && flags & FLAG_WRITE && this.book.changeCount !== changes) this.book.clearUndo();
    return answer(results, error);
  }

  keep(typeName: string, target: RangeTarget): string {
    const id = `standin-ref:${this.nextRef++}`;
    this.kept.set(id, { typeName, target: { sheetId: target.sheetId, rects: target.rects.map((r) => ({ ...r })) } });
    return id;
  }

  /**
   * `_Register…Event` / `_Unregister…Event` on a worksheet (target: its id) or on the worksheet collection (target:
   * office.js's `Constants.eventWorkbookId`, "Workbook"), counted per event type and target.
   */
  register(eventType: number, targetId: string, delta: 1 | -1): void {
    const k = `${eventType}:${targetId}`;
    const n = (this.registrations.get(k) ?? 0) + delta;
    if (n > 0) this.registrations.set(k, n);
    else this.registrations.delete(k);
  }

  private send(eventType: number, targets: string[], message: Record<string, unknown>): void {
    if (!this.sink) return;
    const entries = targets
      .filter((t) => this.registrations.has(`${eventType}:${t}`))
      .map((targetId) => ({
        messageCategory: EVENT_MESSAGE_CATEGORY,
        messageType: eventType,
        targetId,
        message: JSON.stringify(message),
      }));
    if (entries.length) this.sink({ entries });
  }

  /** `onSelectionChanged` (event type 14), on the sheet and on the worksheet collection; `onActivated` (11) first. */
  private raiseSelection(s: RawSelection): void {
    // The shape `WorksheetCollection.onActivated`'s `eventArgsTransformFunc` reads in office.js.
    if (s.activated)
      this.send(EVENT_ACTIVATED, [s.sheetId, WORKBOOK_TARGET], { type: 'WorksheetActivated', worksheetId: s.sheetId });
    this.send(EVENT_SELECTION_CHANGED, [s.sheetId, WORKBOOK_TARGET], {
      type: 'WorksheetSelectionChanged',
      address: rectA1(s.rect),
      worksheetId: s.sheetId,
    });
  }

  /**
   * A change in the workbook becomes the message Excel sends for `Worksheet.onChanged`, in the shape office.js's
   * `Worksheet_Changed_EventArgsTransform` reads (address, changeType, source, valueBefore…, referenceId for
   * `getRange`). Details from ExcelApi 1.9 and `triggerSource` from 1.14, as Excel gives them.
   */
  private raiseChanged(c: RawChange): void {
    const v = apiMinor(this.opts.excelApi);
    const message: Record<string, unknown> = {
      type: 'WorksheetChanged',
      address: rectA1(c.rect),
      changeType: c.changeType,
      // A co-author's edit reaches every other open copy as a Remote change (Excel.EventSource):
      // https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs#excel-excel-worksheetchangedeventargs-source-member
      source: c.origin === 'remote' ? 'Remote' : 'Local',
      worksheetId: c.sheetId,
      referenceId: `${REF_PREFIX}${c.sheetId}!${rectA1(c.rect)}`,
      shiftDirection: 'None',
    };
    if (v >= 14) message.triggerSource = c.origin === 'api' ? 'ThisLocalAddin' : 'Unknown';
    if (c.details && v >= 9) Object.assign(message, c.details);
    this.send(EVENT_DATA_CHANGED, [c.sheetId, WORKBOOK_TARGET], message);
  }
}

interface ErrorInfo {
  Code: string;
  Message: string;
  HttpStatusCode: number;
  Location: string;
  ActionIndex: number;
}

/**
 * office.js's own request at the end of an `Excel.run` that used ranges: it only releases their reference ids
 * (`_RemoveReference`). It is a round trip Excel also makes, but not a `context.sync()` of the add-in, so the sync
 * budgets leave it out; `requestCount` keeps it.
 */
function isCleanup(body: RequestBody): boolean {
  const actions = body.Actions ?? [];
  return (
    actions.some((a) => a.Name === '_RemoveReference') &&
    actions.every(
      (a) =>
        (a.ActionType === ACTION.method && a.Name === '_RemoveReference') ||
        (a.ActionType === ACTION.instantiate &&
          body.ObjectPaths?.[String(a.ObjectPathId)]?.ObjectPathType === PATH.global),
    )
  );
}

function answer(results: unknown[], error: ErrorInfo | null): RichApiResponse {
  const body: Record<string, unknown> = { Results: results };
  if (error) body.Error = error;
  return { statusCode: 200, headers: {}, body: JSON.stringify(body) };
}

function errorInfo(e: unknown, index: number): ErrorInfo {
  if (e instanceof StandInError) {
    return {
      Code: e.code,
      Message: e.message,
      HttpStatusCode: e.code === 'ItemNotFound' || e.code === 'ApiNotFound' ? 404 : 400,
      Location: e.debugInfo.errorLocation ?? '',
      ActionIndex: index,
    };
  }
  throw e;
}

function apiMinor(version: string): number {
  const [major, minor] = version.split('.').map(Number);
  return major > 1 ? 99 : (minor ?? 0);
}

function versionAbove(wanted: string, have: string): boolean {
  const w = wanted.split('.').map(Number);
  const h = have.split('.').map(Number);
  for (let i = 0; i < Math.max(w.length, h.length); i++) {
    if ((w[i] ?? 0) !== (h[i] ?? 0)) return (w[i] ?? 0) > (h[i] ?? 0);
  }
  return false;
}

type HostValue = StandInObject | null;

/** One request: its object paths resolved once each, its actions run in order. */
class Batch {
  private readonly ctx: StandInContext;
  private readonly objects = new Map<number, HostValue>();

  constructor(
    private readonly book: Book,
    private readonly paths: Record<string, ObjectPathInfo>,
    private readonly opts: HostOptions,
  ) {
    this.ctx = new StandInContext(book, (ctx) => new StandInWorkbook(ctx));
  }

  private host!: RichApiHost;

  perform(a: ActionInfo, host: RichApiHost): unknown {
    this.host = host;
    switch (a.ActionType) {
      case ACTION.instantiate: {
        const obj = this.resolve(a.ObjectPathId);
        if (obj === null || obj._hostIsNull()) return null;
        // Excel answers a range with a reference id: office.js then reaches it by that id in later requests
        // (the range stays valid across syncs of one Excel.run) and removes it when the run ends.
        if (obj instanceof StandInRange || obj instanceof StandInRangeAreas) {
          return { _ReferenceId: host.keep(obj._typeName, obj._hostTarget()) };
        }
        return idOf(obj);
      }
      case ACTION.query: {
        // Loading a null object answers null (office.js then reads `isNullObject` as true).
        const obj = this.resolve(a.ObjectPathId);
        if (obj === null || obj._hostIsNull()) return null;
        const select = a.QueryInfo?.Select?.map((s) => s.split('/'));
        const expand = a.QueryInfo?.Expand?.map((s) => s.split('/')) ?? [];
        const all = select ? [...select, ...expand] : expand.length ? expand : null;
        return obj._hostQuery(all);
      }
      case ACTION.method:
        return this.method(a, host);
      case ACTION.setProperty: {
        const obj = this.live(a.ObjectPathId, a.Name);
        const prop = clientName(a.Name);
        this.checkMember(obj, prop);
        if (!hasMember(obj, prop)) throw apiNotFound(`${obj._typeName}.${prop}`);
        (obj as unknown as Record<string, unknown>)[prop] = this.args(a.ArgumentInfo)[0];
        this.ctx.flush();
        return null;
      }
      case ACTION.trace:
        return null;
      default:
        throw new StandInError('InvalidArgument', `The stand-in does not take action type ${a.ActionType}.`, 'Request');
    }
  }

  private method(a: ActionInfo, host: RichApiHost): unknown {
    // The stand-in keeps no object references between requests: each request walks its paths again.
    if (a.Name === '_KeepReference') return null;
    const obj = this.live(a.ObjectPathId, a.Name);
    switch (a.Name) {
      case '_RemoveReference':
        host.kept.delete(String(this.args(a.ArgumentInfo)[0]));
        return null;
      case '_RemoveAllReferences':
        host.kept.clear();
        return null;
    }
    const reg = /^_(Register|Unregister)(\w+)$/.exec(a.Name);
    if (reg && REGISTER_METHODS[reg[2]] !== undefined) {
      this.checkMember(obj, a.Name);
      const sheet = (obj as unknown as { _sheet?: () => { id: string } })._sheet;
      const target = obj._typeName === 'WorksheetCollection' ? WORKBOOK_TARGET : sheet?.call(obj).id;
      if (!target) throw apiNotFound(`${obj._typeName}.${a.Name}`);
      host.register(REGISTER_METHODS[reg[2]], target, reg[1] === 'Register' ? 1 : -1);
      return null;
    }
    const name = clientName(a.Name);
    this.checkMember(obj, name);
    const fn = (obj as unknown as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw apiNotFound(`${obj._typeName}.${name}`);
    const out = (fn as (...args: unknown[]) => unknown).apply(obj, this.args(a.ArgumentInfo));
    this.ctx.flush();
    if (out instanceof ClientResult) return out._ready_ ? out.value : null;
    return out === undefined || out instanceof StandInObject ? null : out;
  }

  /** The object an action works on; an action on a null object fails as in Excel. */
  private live(pathId: number, what: string): StandInObject {
    const obj = this.resolve(pathId);
    if (obj === null || obj._hostIsNull()) {
      throw new StandInError('ItemNotFound', "The requested resource doesn't exist.", what);
    }
    return obj;
  }

  private args(info: ArgumentInfo | undefined): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    const refs = info?.ReferencedObjectPathIds ?? [];
    refs.forEach((id, i) => {
      if (id) args[i] = this.live(id, 'argument');
    });
    return args;
  }

  /** ExcelApi members newer than the host's version do not exist there (`ApiNotFound`), whatever the client. */
  private checkMember(obj: StandInObject, member: string): void {
    const v = this.opts.apiVersions?.get(`${obj._typeName}.${member}`);
    if (v && versionAbove(v, this.opts.excelApi)) throw apiNotFound(`${obj._typeName}.${member}`);
  }

  private resolve(id: number): HostValue {
    if (this.objects.has(id)) return this.objects.get(id) ?? null;
    const p = this.paths[String(id)];
    if (!p) throw new StandInError('InvalidObjectPath', 'The object path is not in the request.', String(id));
    const obj = this.build(p);
    this.ctx.flush();
    this.objects.set(id, obj);
    return obj;
  }

  private build(p: ObjectPathInfo): HostValue {
    switch (p.ObjectPathType) {
      case PATH.global:
        return this.ctx.workbook as unknown as StandInObject;
      case PATH.nullObject:
        return null;
      case PATH.property: {
        const parent = this.live(p.ParentObjectPathId ?? 0, p.Name);
        const name = clientName(p.Name);
        this.checkMember(parent, name);
        const kid = parent._hostChild(name) ?? (parent as unknown as Record<string, unknown>)[name];
        if (!(kid instanceof StandInObject)) throw apiNotFound(`${parent._typeName}.${name}`);
        return kid;
      }
      case PATH.indexer: {
        const parent = this.live(p.ParentObjectPathId ?? 0, 'getItem');
        const getItem = (parent as unknown as { getItem?: (k: unknown) => StandInObject }).getItem;
        if (!getItem) throw apiNotFound(`${parent._typeName}.getItem`);
        return getItem.call(parent, (p.ArgumentInfo?.Arguments ?? [])[0]);
      }
      case PATH.method: {
        const parent = this.live(p.ParentObjectPathId ?? 0, p.Name);
        const args = this.args(p.ArgumentInfo);
        if (p.Name === '_GetRangeForEventByReferenceId' || p.Name === '_GetRangeOrNullObjectForEventByReferenceId') {
          return this.eventRange(String(args[0] ?? ''), p.Name.includes('OrNull'));
        }
        if (p.Name === 'GetItemAt' && parent instanceof StandInCollection) {
          const item = parent._hostItems()[Number(args[0])];
          if (!item) throw new StandInError('ItemNotFound', "The requested resource doesn't exist.", 'getItemAt');
          return item;
        }
        const name = clientName(p.Name);
        this.checkMember(parent, name);
        const fn = (parent as unknown as Record<string, unknown>)[name];
        if (typeof fn !== 'function') throw apiNotFound(`${parent._typeName}.${name}`);
        const out = (fn as (...a: unknown[]) => unknown).apply(parent, args);
        if (!(out instanceof StandInObject)) throw apiNotFound(`${parent._typeName}.${name}`);
        return out;
      }
      case PATH.referenceId: {
        const kept = this.host.kept.get(p.Name);
        if (!kept) throw new StandInError('InvalidObjectPath', 'The object reference is no longer valid.', p.Name);
        const t = kept.target;
        if (!this.book.sheetByIdOrNull(t.sheetId)) throw itemNotFound('Range');
        return kept.typeName === 'RangeAreas'
          ? new StandInRangeAreas(this.ctx, () => t)
          : new StandInRange(this.ctx, t, false, kept.typeName, true);
      }
      default:
        throw new StandInError('InvalidObjectPath', 'The stand-in cannot reach this object.', p.Name);
    }
  }

  /** The range an onChanged event refers to (`args.getRange(ctx)`), from the reference id its message carried. */
  private eventRange(ref: string, nullable: boolean): StandInObject {
    const m = ref.startsWith(REF_PREFIX) ? /^(.*)!(.*)$/.exec(ref.slice(REF_PREFIX.length)) : null;
    const rect = m ? parseAddress(m[2])?.rect : undefined;
    const sheetId = m?.[1] ?? '';
    return new StandInRange(
      this.ctx,
      () => (rect && this.book.sheetByIdOrNull(sheetId) ? { sheetId, rects: [rect] } : null),
      nullable,
    );
  }
}

function hasMember(obj: object, prop: string): boolean {
  for (let o: object | null = obj; o; o = Object.getPrototypeOf(o) as object | null) {
    if (Object.prototype.hasOwnProperty.call(o, prop)) return true;
  }
  return false;
}

/** What Excel answers to Instantiate: the object's id where it has one (office.js keeps it, `_handleIdResult`). */
function idOf(obj: StandInObject): Record<string, unknown> {
  if (obj._typeName === 'Worksheet' || obj._typeName === 'ConditionalFormat') {
    const q = obj._hostQuery([['id']]);
    return q ? { Id: q.Id } : {};
  }
  const key = obj._hostKey();
  return key ? { [key[0]]: key[1] } : {};
}

function apiNotFound(where: string): StandInError {
  return new StandInError(
    'ApiNotFound',
    "The requested API isn't supported by this version of Excel (ApiNotFound).",
    where,
  );
}
