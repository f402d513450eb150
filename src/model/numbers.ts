/** Numbers as people write them in these reports: the one formatter for messages, the CLI and the pane. */

/**
 * No thousands separator (the national tables never use one), no float noise (0.1 + 0.2 shows 0.3): amounts keep
 * their real decimals. A number that is missing or not a number shows as a dash, the way the pane marks a gap.
 */
export function formatNumber(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '—';
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 1e8) / 1e8);
}

/** A signed difference, `+3` / `-3`, for the `相差` part of the messages. */
export function formatDiff(n: number): string {
  return n > 0 ? `+${formatNumber(n)}` : formatNumber(n);
}
