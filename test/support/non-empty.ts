/**
 * Count guards for the loops of the tests (the rule is in test/lint/loop-guards.test.ts). A loop that asserts inside
 * passes when it runs zero times, so the collection it walks is first shown to hold something, in the loop's own
 * head: `for (const c of nonEmpty(cases))`, or, where the number is known, `for (const c of ofLength(cases, 3))`
 * (a known count is the stronger guard: it also fails when half the cases went missing).
 */

/** What a test loop walks: an array or string (length), a Set or Map (size), or a plain object (its keys). */
type Countable = object | string;

function countOf(xs: Countable): number {
  if (typeof xs === 'string') return xs.length;
  const sized = xs as { length?: unknown; size?: unknown };
  if (typeof sized.length === 'number') return sized.length;
  if (typeof sized.size === 'number') return sized.size;
  // A generator or other one-shot iterator cannot be counted without being used up: say so instead of guessing.
  if (Symbol.iterator in xs) throw new TypeError('nonEmpty/ofLength: spread a one-shot iterator into an array first');
  return Object.keys(xs).length;
}

/** `xs`, after asserting that it holds at least one element. */
export function nonEmpty<C extends Countable>(xs: C): C {
  expect(countOf(xs)).toBeGreaterThan(0);
  return xs;
}

/** `xs`, after asserting that it holds exactly `n` elements (n ≥ 1). */
export function ofLength<C extends Countable>(xs: C, n: number): C {
  expect(n).toBeGreaterThan(0);
  expect(countOf(xs)).toBe(n);
  return xs;
}
