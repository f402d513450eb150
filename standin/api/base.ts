/**
 * Office.js request semantics: proxies queue their operations on the context, `sync()` runs the queue in order
 * inside one undo step, and a property reads only after it was loaded (or set) and synced.
 */
import type { Book } from '../book';
import { MESSAGES, StandInError } from '../errors';
import { nextTask } from '../tasks';

/**
 * The members named in K, with the types Office declares: plain properties keep their exact type, methods keep
 * their parameters, and members returning API objects (ours are stand-ins, not Office's classes) return unknown.
 * `class X implements Mirror<Excel.Range, 'values' | …>` makes a misnamed or mistyped member fail `tsc`.
 */
export type Mirror<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => unknown
    ? (...args: LooseArgs<A>) => unknown
    : T[P] extends ApiValue | ApiValue[]
      ? unknown
      : T[P];
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ApiValue = OfficeExtension.ClientObject | OfficeExtension.EventHandlers<any>;

/** Parameters that take an Office object (`Range | string`) are checked for their other forms only. */
type LooseArgs<A extends unknown[]> = { [I in keyof A]: Exclude<A[I], OfficeExtension.ClientObject> };

interface Action {
  label: string;
  run: () => void;
}

export class StandInContext {
  private queue: Action[] = [];
  /** Event handlers registered through this context, by event key, so any proxy of the same object removes them. */
  readonly registrations = new Map<string, Map<unknown, () => void>>();
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  /** Office's debug aid; the stand-in keeps the labels of the last batch. */
  readonly debugInfo = { pendingStatements: [] as string[] };
  private _workbook: unknown;

  constructor(
    readonly book: Book,
    makeWorkbook: (ctx: StandInContext) => unknown,
  ) {
    this._workbook = makeWorkbook(this);
  }

  get workbook(): never {
    return this._workbook as never;
  }

  get application(): never {
    return (this._workbook as { application: never }).application;
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  enqueue(label: string, run: () => void): void {
    this.queue.push({ label, run });
  }

  /**
   * The RichApi host runs each action of a request as it reads it: whatever the action queued (an object's
   * resolution, a write, a computed result) runs now, inside the request's transaction. The first failure throws.
   */
  flush(): void {
    while (this.queue.length) {
      const actions = this.queue;
      this.queue = [];
      for (const a of actions) {
        try {
          a.run();
        } catch (e) {
          this.queue = [];
          throw e instanceof StandInError ? withLocation(e, a.label) : e;
        }
      }
    }
  }

  /** Runs every queued operation in one round trip; the first failure stops the batch, like Office. */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const actions = this.queue;
    this.queue = [];
    this.book.syncCount++;
    // The real round trip is asynchronous: let other tasks run first.
    await nextTask();
    let failure: unknown = null;
    this.book.run('api', 'Add-in changes', () => {
      for (const a of actions) {
        try {
          a.run();
        } catch (e) {
          failure = e instanceof StandInError ? withLocation(e, a.label) : e;
          break;
        }
      }
    });
    if (failure) throw failure;
    return passThroughValue as T;
  }
}

function withLocation(e: StandInError, label: string): StandInError {
  if (!e.debugInfo.errorLocation) e.debugInfo.errorLocation = label;
  e.debugInfo.statement = label;
  return e;
}

export class ClientResult<T> {
  private _value: T | undefined;
  private _ready = false;

  constructor(ctx: StandInContext, label: string, compute: () => T) {
    ctx.enqueue(label, () => {
      this._value = compute();
      this._ready = true;
    });
  }

  /** The RichApi host reads the computed value to answer the Method action. */
  get _ready_(): boolean {
    return this._ready;
  }

  get value(): T {
    if (!this._ready)
      throw new StandInError('PropertyNotLoaded', MESSAGES.propertyNotLoaded('value'), 'ClientResult.value');
    return this._value as T;
  }
}

/** The RichApi spelling of a client member name: `values` → `Values`. */
function richApiName(clientName: string): string {
  return clientName.charAt(0).toUpperCase() + clientName.slice(1);
}

/** The client spelling of a RichApi member name: `GetRange` → `getRange`. */
export function clientName(richApiName: string): string {
  return richApiName.charAt(0).toLowerCase() + richApiName.slice(1);
}

type LoadOption = string | string[] | object | undefined;

/** Turns Office's load forms (`'a, b/c'`, `['a']`, `{ a: true, b: { c: true } }`, `{ select, expand }`) into paths. */
function loadPaths(opt: LoadOption): string[][] | null {
  if (opt === undefined || opt === null) return null;
  if (typeof opt === 'string') {
    return opt
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => s.split('/').map((p) => p.trim()));
  }
  if (Array.isArray(opt)) return opt.flatMap((s: string) => loadPaths(s) ?? []);
  const out: string[][] = [];
  const { select, expand, $top: _t, $skip: _s, ...rest } = opt as Record<string, unknown>;
  void _t;
  void _s;
  if (typeof select === 'string') out.push(...(loadPaths(select) ?? []));
  if (typeof expand === 'string') out.push(...(loadPaths(expand) ?? []));
  for (const [k, v] of Object.entries(rest)) {
    if (v === true) out.push([k]);
    else if (v && typeof v === 'object') {
      const inner = loadPaths(v as Record<string, unknown>) ?? [];
      if (inner.length === 0) out.push([k]);
      for (const p of inner) out.push([k, ...p]);
    }
  }
  if (out.length === 0 && select === undefined && expand === undefined && Object.keys(rest).length === 0) return null;
  return out;
}

/**
 * Base of every proxy. `resolve` finds the target when the proxy's creation is replayed at sync (so addresses
 * and names are checked in order, like Office); a null result makes a null object when `nullable`, else ItemNotFound.
 */
export abstract class StandInObject<Target = unknown> {
  protected _loaded = new Map<string, unknown>();
  protected _target: Target | null | undefined = undefined;
  private _isNull: boolean | undefined = undefined;

  constructor(
    readonly context: StandInContext,
    readonly _typeName: string,
    resolve: (() => Target | null) | Target,
    nullable = false,
    immediate = false,
  ) {
    if (immediate) {
      this._target = resolve as Target;
      this._isNull = false;
    } else {
      const fn = resolve as () => Target | null;
      context.enqueue(`${_typeName}`, () => {
        const t = fn();
        if (t === null && !nullable) throw new StandInError('ItemNotFound', MESSAGES.itemNotFound, _typeName);
        this._target = t;
        this._isNull = t === null;
      });
    }
  }

  /** Scalar properties loaded by `load()` with no argument. */
  protected abstract readonly scalarProps: readonly string[];

  /** The current value of a scalar property, read from the workbook at sync time. */
  protected abstract read(prop: string): unknown;

  /** Navigation properties (child proxies) a load path may go through. */
  protected child(_prop: string): StandInObject | null {
    void _prop;
    return null;
  }

  protected get book(): Book {
    return this.context.book;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) {
      throw new StandInError(
        'PropertyNotLoaded',
        MESSAGES.propertyNotLoaded('isNullObject'),
        `${this._typeName}.isNullObject`,
      );
    }
    return this._isNull;
  }

  /** The target inside an operation at sync; using a null object fails like Office. */
  protected target(): Target {
    if (this._target === null || this._target === undefined) {
      throw new StandInError('ItemNotFound', MESSAGES.itemNotFound, this._typeName);
    }
    return this._target;
  }

  protected op(name: string, run: () => void): void {
    this.context.enqueue(`${this._typeName}.${name}`, run);
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this.op('load', () => this.applyLoad(paths));
    return this;
  }

  /** At sync: copies the requested properties from the workbook into this proxy. */
  applyLoad(paths: string[][] | null): void {
    if (this._target === null) {
      for (const p of paths ?? this.scalarProps.map((s) => [s])) if (p.length === 1) this._loaded.set(p[0], null);
      return;
    }
    const list = paths ?? this.scalarProps.map((s) => [s]);
    for (const path of list) {
      const [head, ...rest] = path;
      const kid = this.child(head);
      if (kid) kid.applyLoad(rest.length ? [rest] : null);
      else if (this.scalarProps.includes(head)) this._loaded.set(head, this.read(head));
      else
        throw new StandInError(
          'InvalidArgument',
          `The property '${head}' does not exist on ${this._typeName}.`,
          `${this._typeName}.load`,
        );
    }
  }

  protected get<T>(prop: string): T {
    if (!this._loaded.has(prop)) {
      throw new StandInError('PropertyNotLoaded', MESSAGES.propertyNotLoaded(prop), `${this._typeName}.${prop}`);
    }
    return this._loaded.get(prop) as T;
  }

  /** Setting a property is visible on the proxy at once and reaches the workbook at sync, as in Office. */
  protected put(prop: string, value: unknown, apply: () => void): void {
    this._loaded.set(prop, value);
    this.op(prop, apply);
  }

  /** Sets several properties at once (`obj.set({ ... })`), including nested ones. */
  set(props: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(props)) {
      const kid = this.child(k);
      if (kid && v && typeof v === 'object' && !Array.isArray(v)) kid.set(v as Record<string, unknown>);
      else (this as unknown as Record<string, unknown>)[k] = v;
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._loaded) out[k] = v;
    return out;
  }

  // ---------------------------------------------------------------- the RichApi host's view (standin/richapi)

  /** After its resolution ran: whether this is a null object (`…OrNullObject` found nothing). */
  _hostIsNull(): boolean {
    return this._target === null;
  }

  /**
   * The key Excel sends with every answer about this object, unasked: types with a private `_Id` in office.js
   * (NamedItem, Setting) get it in each query result, so the client addresses them by key, never by position.
   * Types with a public `id` (Worksheet, ConditionalFormat) send it only when it is loaded, or on Instantiate.
   */
  _hostKey(): [string, unknown] | null {
    return null;
  }

  /** A navigation property (`format`, `custom`, `protection`) by its client name, or null. */
  _hostChild(prop: string): StandInObject | null {
    return this.child(prop);
  }

  /**
   * The answer to a Query action: the selected scalar properties (all of them when nothing is selected), keyed
   * by their RichApi names (`values` → `Values`), nested objects for paths through navigation properties, and null
   * for a null object, as Excel answers.
   */
  _hostQuery(select: string[][] | null): Record<string, unknown> | null {
    if (this._target === null) return null;
    this.target();
    const out: Record<string, unknown> = {};
    const key = this._hostKey();
    if (key) out[key[0]] = key[1];
    for (const path of select ?? this.scalarProps.map((s) => [s])) this.queryInto(out, path);
    return out;
  }

  private queryInto(out: Record<string, unknown>, path: string[]): void {
    const [head, ...rest] = path;
    const kid = this.child(head);
    const key = richApiName(head);
    if (kid) {
      kid.context.flush();
      const prev = out[key];
      const sub = kid._hostQuery(rest.length ? [rest] : null);
      out[key] = prev && sub && typeof prev === 'object' ? Object.assign(prev, sub) : sub;
    } else if (this.scalarProps.includes(head)) out[key] = this.read(head);
    else
      throw new StandInError(
        'InvalidArgument',
        `The property '${head}' does not exist on ${this._typeName}.`,
        `${this._typeName}.load`,
      );
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** A collection: `items` reads after loading, and a load of item properties applies to every item. */
export abstract class StandInCollection<Item extends StandInObject> extends StandInObject<true> {
  private _items: Item[] | undefined;
  protected readonly scalarProps: readonly string[] = [];

  constructor(ctx: StandInContext, typeName: string) {
    super(ctx, typeName, true, false, true);
  }

  /** The current items, as proxies bound to their targets. */
  protected abstract currentItems(): Item[];

  protected read(): unknown {
    return undefined;
  }

  get items(): Item[] {
    if (!this._items) {
      throw new StandInError('PropertyNotLoaded', MESSAGES.propertyNotLoaded('items'), `${this._typeName}.items`);
    }
    return this._items;
  }

  override applyLoad(paths: string[][] | null): void {
    const items = this.currentItems();
    const itemPaths = paths?.map((p) => (p[0] === 'items' ? p.slice(1) : p)).filter((p) => p.length > 0) ?? [];
    for (const it of items) it.applyLoad(itemPaths.length ? itemPaths : null);
    this._items = items;
  }

  override toJSON(): Record<string, unknown> {
    return { items: (this._items ?? []).map((i) => i.toJSON()) };
  }

  /** Excel answers a collection query with the items' selected properties under `_Items`. */
  override _hostQuery(select: string[][] | null): Record<string, unknown> {
    const itemPaths = select?.map((p) => (p[0] === 'items' ? p.slice(1) : p)).filter((p) => p.length > 0) ?? [];
    return { _Items: this.currentItems().map((it) => it._hostQuery(itemPaths.length ? itemPaths : null)) };
  }

  /** The items as the host sees them now (GetItemAt addresses them by position). */
  _hostItems(): Item[] {
    return this.currentItems();
  }
}

type Handler<T> = (args: T) => Promise<unknown>;

/** `obj.onChanged.add(handler)`: registration and removal take effect at the next sync, as in Office. */
export class StandInEventHandlers<T> {
  constructor(
    private readonly ctx: StandInContext,
    private readonly name: string,
    /** Identifies the event source at sync time (e.g. the worksheet id), so proxies of one object share handlers. */
    private readonly eventKey: () => string,
    private readonly subscribe: (deliver: (args: T) => unknown) => () => void,
  ) {}

  private table(): Map<unknown, () => void> {
    const k = `${this.name}:${this.eventKey()}`;
    let t = this.ctx.registrations.get(k);
    if (!t) this.ctx.registrations.set(k, (t = new Map()));
    return t;
  }

  add(handler: Handler<T>): StandInEventHandlerResult<T> {
    this.ctx.enqueue(`${this.name}.add`, () => {
      const t = this.table();
      if (!t.has(handler))
        t.set(
          handler,
          this.subscribe((a) => handler(a)),
        );
    });
    return new StandInEventHandlerResult(this.ctx, this, handler);
  }

  remove(handler: Handler<T>): void {
    this.ctx.enqueue(`${this.name}.remove`, () => {
      const t = this.table();
      t.get(handler)?.();
      t.delete(handler);
    });
  }
}

class StandInEventHandlerResult<T> {
  constructor(
    readonly context: StandInContext,
    private readonly handlers: StandInEventHandlers<T>,
    private readonly handler: Handler<T>,
  ) {}

  remove(): void {
    this.handlers.remove(this.handler);
  }
}
