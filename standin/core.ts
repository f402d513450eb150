/**
 * The stand-in: a workbook model (`book.ts`) served to Microsoft's office.js client by a RichApi host
 * (`richapi/host.ts`), and the user at the keyboard (`app.ts`). Shared by the Node entry (`index.ts`, office.js
 * loaded into jsdom) and the browser entry (`browser.ts`, the page's own office.js).
 */
import { StandInApp } from './app';
import { Book } from './book';
import { createOffice } from './office';
import { connect, type OfficeClientWindow } from './richapi/client';
import { RichApiHost, type ApiVersions } from './richapi/host';
import { nextTask } from './tasks';

export interface StandInOptions {
  /** Initial sheet names (default `['Sheet1']`). */
  sheets?: string[];
  /** Highest ExcelApi requirement set the simulated host supports (default '1.12'); lower it to simulate an old host. */
  excelApi?: string;
  /** Other requirement sets the host supports, name → highest version. */
  otherRequirementSets?: Record<string, string>;
  platform?: 'PC' | 'OfficeOnline' | 'Mac';
  /** Refuse conditional formats on every protected sheet, `allowFormatCells` or not (see Book). */
  refuseConditionalFormatsWhenProtected?: boolean;
  /**
   * Whether the add-in's writes join the user's undo stack (default true). Excel with API undo (ExcelApi 1.19 on;
   * office.js asks for the `ExcelApiUndo` requirement set and marks such requests undoable) keeps each batch as one
   * undo step: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities. On older hosts
   * an API write clears the user's undo stack ("by design", office-js issue 3788). See `RichApiHost.process`.
   */
  apiUndo?: boolean;
}

export interface StandIn {
  /** office.js's `Excel` namespace, talking to this stand-in (reading it makes this stand-in the one served). */
  readonly Excel: typeof Excel;
  readonly Office: ReturnType<typeof createOffice>;
  readonly OfficeExtension: typeof OfficeExtension;
  app: StandInApp;
  host: RichApiHost;
  /** Sets `Excel`, `Office` and `OfficeExtension` on `target`; returns a function that restores what was there. */
  install(target?: object): () => void;
}

interface OfficeClient {
  window: OfficeClientWindow;
  apiVersions: ApiVersions | null;
}

/** Requirement sets a current Excel declares besides ExcelApi (office.js asks for them to set request flags). */
const HOST_SETS: Record<string, string> = { RichApiRuntimeFlag: '1.2', DelayForCellEdit: '1.1' };
/** The set office.js asks before marking a request undoable (`CommonUtility.calculateApiFlags`); 1.8 is the
 * highest version this client asks for. */
const UNDO_SETS: Record<string, string> = { ExcelApiUndo: '1.8' };

export function createStandInWith(client: () => OfficeClient, opts: StandInOptions = {}): StandIn {
  const book = new Book(opts.sheets ?? ['Sheet1']);
  const excelApi = opts.excelApi ?? '1.12';
  const [major, minor] = excelApi.split('.').map(Number);
  book.apiVersion = major > 1 ? 99 : (minor ?? 0);
  book.refuseConditionalFormatsWhenProtected = opts.refuseConditionalFormatsWhenProtected ?? false;
  const apiUndo = opts.apiUndo ?? true;
  const Office = createOffice({
    excelApi,
    otherSets: { ...HOST_SETS, ...(apiUndo ? UNDO_SETS : {}), ...(opts.otherRequirementSets ?? {}) },
    platform: opts.platform ?? 'PC',
  });
  let host: RichApiHost | null = null;
  const handlers = new Set<Promise<unknown>>();
  const conn = {
    office: Office,
    send: (req: Parameters<RichApiHost['process']>[0]) => served().host.process(req),
    handlerStarted(p: Promise<unknown>) {
      handlers.add(p);
      void p.finally(() => handlers.delete(p));
    },
    handlerFailed(e: unknown) {
      book.handlerErrors.push(e);
    },
  };
  /** Connects the shared office.js client to this stand-in (idempotent). */
  function served(): { host: RichApiHost; window: OfficeClientWindow } {
    const c = client();
    host ??= new RichApiHost(book, { excelApi, apiVersions: c.apiVersions, apiUndo });
    host.connect(connect(c.window, conn));
    return { host, window: c.window };
  }
  const app = new StandInApp(book, {
    settle: async () => {
      for (;;) {
        await book.settle();
        await nextTask();
        if (!handlers.size) {
          await nextTask();
          if (!handlers.size) return;
        }
        await Promise.all([...handlers]);
      }
    },
    host: () => served().host,
  });
  return {
    get Excel() {
      return served().window.Excel as typeof Excel;
    },
    get OfficeExtension() {
      return served().window.OfficeExtension as unknown as typeof OfficeExtension;
    },
    Office,
    app,
    get host() {
      return served().host;
    },
    install(target: object = globalThis) {
      const w = served().window;
      const t = target as Record<string, unknown>;
      const saved = { Excel: t.Excel, Office: t.Office, OfficeExtension: t.OfficeExtension };
      t.Excel = w.Excel;
      t.Office = Office;
      t.OfficeExtension = w.OfficeExtension;
      return () => Object.assign(t, saved);
    },
  };
}
