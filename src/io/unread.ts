/**
 * What the command line and the task pane say about cells a reader could not read: why (one sentence per
 * reason), what was tried, and the cells grouped by the line they came from, so that a table left unread by one
 * bad line is one entry, not twenty.
 */
import { formatMessage, type MessageKey } from '../model/messages';
import type { CellId, Lang } from '../model/types';
import type { UnreadCell } from './report-input';

export function unreadReason(u: UnreadCell, lang: Lang): string {
  return formatMessage(`unread.${u.reason}` as MessageKey, lang);
}

export function unreadTried(u: UnreadCell, lang: Lang): string | undefined {
  if (!u.tried) return undefined;
  const { what, ...params } = u.tried;
  return formatMessage(`unread.tried.${what}` as MessageKey, lang, params);
}

interface UnreadGroup {
  reason: string;
  line?: string;
  tried?: string;
  cells: CellId[];
}

/** Unread cells grouped by reason, line and what was tried, in the order first met. */
export function groupUnread(unread: readonly UnreadCell[], lang: Lang): UnreadGroup[] {
  const groups = new Map<string, UnreadGroup>();
  for (const u of unread) {
    const reason = unreadReason(u, lang);
    const tried = unreadTried(u, lang);
    const key = `${reason}\u0000${u.line ?? ''}\u0000${tried ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { reason, ...(u.line ? { line: u.line } : {}), ...(tried ? { tried } : {}), cells: [] };
      groups.set(key, g);
    }
    g.cells.push(u.cell);
  }
  return [...groups.values()];
}
