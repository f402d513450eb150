/** Shared setup for the stand-in's tests. */
import type { StandIn, StandInOptions } from '../../standin';
import { createStandIn } from '../../standin';

export function setup(
  opts?: StandInOptions,
): StandIn & { run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T> } {
  const s = createStandIn(opts);
  return { ...s, run: (batch) => s.Excel.run(batch) };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; message: string };
  }
  throw new Error('expected the promise to reject');
}
