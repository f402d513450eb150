/**
 * Microsoft's office.js Excel client, as the add-in meets it, pointed at the stand-in's RichApi host instead of
 * Excel. Only documented test seams of office.js are used:
 * - `OfficeExtension.SessionBase._overrideSession`: every request context resolves to one request URL;
 * - `OfficeExtension.HttpUtility.setCustomSendRequestFunc`: each `ProcessQuery` request goes to a function (the
 *   host) instead of the network;
 * - `OfficeExtension._testSetRichApiMessageReadyImpl` / `_testTriggerRichApiMessageEvent`: event registration is
 *   ready at once, and the host's event messages reach office.js's own dispatch.
 * Plus one observation point: office.js catches and only logs what an event handler throws, and does not wait for
 * it; the stand-in wraps `EventHandlers.prototype.createFireOneEventHandlerFunc` to see each handler's promise (for
 * `settle()`) and its error (for `handlerErrors`), then behaves exactly as before.
 */
import type { ApiVersions, RichApiRequest, RichApiResponse, EventSink } from './host';

/** The globals office.js defines (typed loosely: the add-in sees them through @types/office-js). */
export interface OfficeClientWindow {
  Excel: Record<string, unknown>;
  Office: unknown;
  OfficeExtension: {
    SessionBase: { _overrideSession: unknown };
    HttpUtility: { setCustomSendRequestFunc(fn: ((req: RichApiRequest) => Promise<RichApiResponse>) | null): void };
    GenericEventRegistration: { s_genericEventRegistrations: Record<string, unknown> };
    EventHandlers: { prototype: { createFireOneEventHandlerFunc: FireOne } };
    _testSetRichApiMessageReadyImpl(impl: (() => Promise<void>) | null): void;
    _testTriggerRichApiMessageEvent: EventSink;
  };
}

type FireOne = (handler: (args: unknown) => unknown, args: unknown) => () => unknown;

interface Connection {
  send(req: RichApiRequest): Promise<RichApiResponse>;
  /** Called with each event handler's promise as office.js starts it. */
  handlerStarted(p: Promise<unknown>): void;
  handlerFailed(e: unknown): void;
  /**
   * The host's `Office` (its `context.requirements` answers for the simulated Excel): office.js reads
   * `window.Office.context.requirements.isSetSupported` for request flags and `delayForCellEdit`.
   */
  office: unknown;
}

const patched = new WeakSet<object>();
const current = new WeakMap<object, Connection>();

/** The label the bench prints as `excel.client`. */
export const CLIENT_FILE = 'excel-web-16.00.debug.js';

/**
 * Points a loaded office.js at `conn`. One client per window serves one stand-in at a time (the last connected),
 * as one Excel serves one add-in frame; event registrations of an earlier stand-in are dropped.
 */
export function connect(w: OfficeClientWindow, conn: Connection): EventSink {
  const ext = w.OfficeExtension;
  const sink: EventSink = (msg) => ext._testTriggerRichApiMessageEvent(msg);
  if (current.get(ext) === conn) return sink;
  current.set(ext, conn);
  (w as { Office: unknown }).Office = conn.office;
  ext.SessionBase._overrideSession = {
    _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: 'https://standin.invalid', headers: {} }),
  };
  ext.HttpUtility.setCustomSendRequestFunc((req) => current.get(ext)!.send(req));
  ext._testSetRichApiMessageReadyImpl(() => Promise.resolve());
  ext.GenericEventRegistration.s_genericEventRegistrations = {};
  if (!patched.has(ext)) {
    patched.add(ext);
    const proto = ext.EventHandlers.prototype;
    const original = proto.createFireOneEventHandlerFunc;
    proto.createFireOneEventHandlerFunc = function (this: unknown, handler, args) {
      const fire = original.call(this, handler, args);
      return () => {
        const c = current.get(ext);
        let p: Promise<unknown>;
        try {
          p = Promise.resolve(fire());
        } catch (e) {
          p = Promise.reject(e);
        }
        c?.handlerStarted(p.catch(() => undefined));
        return p.catch((e: unknown) => {
          c?.handlerFailed(e);
          throw e;
        });
      };
    };
  }
  return sink;
}

const versions = new WeakMap<object, ApiVersions>();

/**
 * Which ExcelApi version introduced each member, as the loaded office.js itself records it: every generated member
 * starts with `_throwIfApiNotSupported("Worksheet.onChanged", _defaultApiSetName, "1.7", _hostName)`. Read from the
 * source text of the client's own classes (`Function.prototype.toString`, no evaluation), so the same code serves
 * the jsdom copy in Node and the page's copy in the browser. The host refuses members newer than the Excel it plays,
 * as that Excel would (it does not have them).
 */
export function apiVersionsIn(w: OfficeClientWindow): ApiVersions {
  const known = versions.get(w.Excel);
  if (known) return known;
  const out = new Map<string, string>();
  const re = /_throwIfApiNotSupported\("(\w+)\.(\w+)", _defaultApiSetName, "(\d+\.\d+)"/g;
  for (const cls of Object.values(w.Excel)) {
    if (typeof cls !== 'function' || !cls.prototype) continue;
    for (const d of Object.values(Object.getOwnPropertyDescriptors(cls.prototype as object))) {
      for (const fn of [d.get, d.set, d.value] as unknown[]) {
        if (typeof fn !== 'function') continue;
        const source = Function.prototype.toString.call(fn);
        for (let m = re.exec(source); m; m = re.exec(source)) {
          const key = `${m[1]}.${m[2].charAt(0).toLowerCase()}${m[2].slice(1)}`;
          if (!out.has(key)) out.set(key, m[3]);
        }
      }
    }
  }
  versions.set(w.Excel, out);
  return out;
}
