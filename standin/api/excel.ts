/** The runtime objects installed as the globals `Excel`, `Office` and `OfficeExtension`. */
import type { Book } from '../book';
import { ENUMS, ErrorCodes } from '../enums';
import { StandInError } from '../errors';
import { ClientResult, StandInContext, StandInObject } from './base';
import { StandInWorkbook } from './workbook';

type Batch<T> = (context: StandInContext) => Promise<T>;
/** What callers see: Office's own types, so code written for Excel reads the same against the stand-in. */
type OfficeBatch<T> = (context: Excel.RequestContext) => Promise<T>;

export type ExcelEnums = typeof ENUMS;

export interface ExcelNamespace extends ExcelEnums {
  run<T>(batch: OfficeBatch<T>): Promise<T>;
  run<T>(objectOrContextOrOptions: unknown, batch: OfficeBatch<T>): Promise<T>;
  RequestContext: new () => Excel.RequestContext;
}

function contextOf(x: unknown): StandInContext | null {
  if (x instanceof StandInContext) return x;
  if (x instanceof StandInObject) return x.context;
  if (Array.isArray(x)) return contextOf(x[0]);
  if (x && typeof x === 'object' && 'previousObjects' in x)
    return contextOf((x as { previousObjects: unknown }).previousObjects);
  return null;
}

export function createExcel(book: Book): ExcelNamespace {
  class RequestContext extends StandInContext {
    constructor() {
      super(book, (ctx) => new StandInWorkbook(ctx));
    }
  }

  async function run<T>(a: unknown, b?: Batch<T>): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as Batch<T>;
    if (typeof batch !== 'function') throw new StandInError('InvalidArgument', 'Excel.run needs a batch function.');
    const ctx = (typeof a === 'function' ? null : contextOf(a)) ?? new RequestContext();
    const result = await batch(ctx);
    // Office sends what is still queued when the batch's promise resolves.
    if (ctx.pendingCount > 0) await ctx.sync();
    return result;
  }

  return { run, RequestContext, ...ENUMS } as unknown as ExcelNamespace;
}

export interface HostOptions {
  /** Highest ExcelApi requirement set the host supports, e.g. '1.12' (default). */
  excelApi: string;
  /** Other requirement sets answered true by `isSetSupported` (name → highest version). */
  otherSets: Record<string, string>;
  platform: string;
}

function versionAtMost(wanted: string | undefined, max: string): boolean {
  const w = (wanted ?? '1.1').split('.').map(Number);
  const m = max.split('.').map(Number);
  for (let i = 0; i < Math.max(w.length, m.length); i++) {
    const a = w[i] ?? 0;
    const b = m[i] ?? 0;
    if (a !== b) return a < b;
  }
  return true;
}

export function createOffice(opts: HostOptions) {
  const sets: Record<string, string> = { ExcelApi: opts.excelApi, ...opts.otherSets };
  const info = { host: 'Excel', platform: opts.platform };
  return {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    context: {
      host: 'Excel',
      platform: opts.platform,
      diagnostics: { host: 'Excel', platform: opts.platform, version: '16.0.0.0' },
      displayLanguage: 'zh-CN',
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const max = Object.entries(sets).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
          return max !== undefined && versionAtMost(minVersion === undefined ? undefined : String(minVersion), max);
        },
      },
    },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      callback?.(info);
      return Promise.resolve(info);
    },
  };
}

export function createOfficeExtension() {
  return {
    Error: StandInError,
    ErrorCodes: { ...ErrorCodes, propertyNotLoaded: 'PropertyNotLoaded' },
    ClientResult,
    config: { extendedErrorLogging: false },
  };
}
