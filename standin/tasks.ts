/**
 * The next macrotask: where Excel delivers events and answers a round trip, after whatever the caller does now.
 * `setImmediate` under Node: `setTimeout(0)` is clamped to a millisecond there, which made every stand-in round trip
 * and event cost a millisecond of idle time under the long fuzz sessions. Browsers (the playground) use setTimeout.
 */
export function nextTask(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
  return new Promise<void>((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}
