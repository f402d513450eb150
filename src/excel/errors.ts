/** Turns whatever an Office.js call rejected with into a sentence for the task pane. */
export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { message?: unknown; code?: unknown; debugInfo?: { message?: unknown } };
    const msg = typeof o.message === 'string' ? o.message : String(e);
    return typeof o.code === 'string' && !msg.includes(o.code) ? `${msg} (${o.code})` : msg;
  }
  return String(e);
}
