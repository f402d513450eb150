/**
 * The host's `Office` global as office.js reads it: `context.requirements.isSetSupported` answers for the simulated
 * Excel (office.js asks it before every member newer than ExcelApi 1.1, and to set request flags such as
 * `delayForCellEdit` and undo), plus the host and platform the add-in sees. `Excel` and `OfficeExtension` are
 * Microsoft's own (richapi/client.ts).
 */

interface HostOptions {
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
