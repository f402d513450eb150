/** Numbers as people write them in these reports: the one formatter for messages, the CLI and the pane. */

/** No thousands separator, no float noise (0.1 + 0.2). */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 1e8) / 1e8);
}

/** A signed difference, `+3` / `-3`, for the `相差` part of the messages. */
export function formatDiff(n: number): string {
  return n > 0 ? `+${formatNumber(n)}` : formatNumber(n);
}
