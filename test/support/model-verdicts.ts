/**
 * The model's verdict remembered on its exact input, shared by the adapter under the fuzz and the fuzz's oracle.
 *
 * Under the live fuzz the adapter and the oracle each ask `check` about the same tables after every action, and most
 * actions (typing beside the tables, formatting, a refused edit, an undo back to a state seen before) ask again about
 * an input already judged. `check` is a pure function of its arguments, so the verdict on an input is the same
 * whoever asks first: remembering it changes no answer and no assertion. It only spares the repeats, which were
 * two thirds of the fuzz's model time. Each caller gets its own copy, so no caller can change what another sees, and
 * an input the key cannot tell apart exactly (a Set, a Map …) is never remembered.
 *
 * The adapter imports `check` from src/model/check; the fuzz test swaps that export for `shareVerdicts(check)` with
 * `jest.mock`, and `npm run fuzz` through `shareVerdictsInNode()` before the adapter is loaded.
 */
import type { check as modelCheck } from '../../src/model/check';

type Check = typeof modelCheck;

const SHARED = Symbol('shared verdicts');
const MAX_VERDICTS = 256;

class NotExact extends Error {}

// Taken once: under Jest the code runs in a vm context, where every lookup of a global (`Math`, `Object` …) is slow.
const imul = Math.imul;
const { keys, getPrototypeOf } = Object;
const isArray = Array.isArray;

// Structure marks in a flattened input: symbols, which no value of an input can be.
const OBJECT = Symbol('{');
const ARRAY = Symbol('[');
const END = Symbol(']');
const HOLE = Symbol('hole');
type Token = string | number | boolean | null | undefined | symbol;

function isPlain(v: object): boolean {
  const proto = getPrototypeOf(v) as { constructor?: { name?: string } } | null;
  return proto === null || proto.constructor?.name === 'Object';
}

/**
 * The input as a flat list of its keys and values between structure marks, in order. Two inputs flatten to lists
 * that are the same value by value (`Object.is`: -0, NaN, undefined and holes kept) only when they are the same
 * input. Only plain objects and arrays are walked; anything else (a Set, a Map, a function …) throws NotExact.
 * A flat list rather than a text key: the tables' records have a few hundred properties (dictionary mode), where
 * `JSON.stringify` and long string keys cost more than the model's own work on most inputs.
 */
function flatten(v: unknown, out: Token[]): void {
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      out.push(v);
      return;
    case 'object':
      break;
    default:
      throw new NotExact();
  }
  if (v === null) {
    out.push(null);
  } else if (isArray(v)) {
    out.push(ARRAY);
    for (let i = 0; i < v.length; i++) {
      if (i in v) flatten(v[i], out);
      else out.push(HOLE);
    }
    out.push(END);
  } else {
    if (!isPlain(v)) throw new NotExact();
    out.push(OBJECT);
    const o = v as Record<string, unknown>;
    for (const k of keys(o)) {
      out.push(k);
      flatten(o[k], out);
    }
    out.push(END);
  }
}

const NUMBER = new Float64Array(1);
const WORDS = new Uint32Array(NUMBER.buffer);

/**
 * FNV-1a over the tokens: picks the bucket, where equal lists are then compared token by token, so the hash only has
 * to spread inputs. A long string is hashed by its length and ends.
 */
function hash(tokens: Token[]): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (typeof t) {
      case 'string': {
        const n = t.length;
        h = imul(h ^ n, 0x01000193);
        if (n <= 16) {
          for (let j = 0; j < n; j++) h = imul(h ^ t.charCodeAt(j), 0x01000193);
        } else {
          for (let j = 0; j < 8; j++) h = imul(h ^ t.charCodeAt(j) ^ (t.charCodeAt(n - 1 - j) << 16), 0x01000193);
        }
        break;
      }
      case 'number':
        NUMBER[0] = t;
        h = imul(h ^ WORDS[0], 0x01000193);
        h = imul(h ^ WORDS[1], 0x01000193);
        break;
      case 'boolean':
        h = imul(h ^ (t ? 3 : 2), 0x01000193);
        break;
      case 'symbol':
        h = imul(h ^ (t === OBJECT ? 5 : t === ARRAY ? 6 : t === END ? 7 : 8), 0x01000193);
        break;
      default:
        h = imul(h ^ (t === null ? 1 : 0), 0x01000193);
    }
  }
  return h >>> 0;
}

/** Token by token, as `Object.is` compares (0 and -0 apart, NaN equal to itself), written out for speed. */
function sameTokens(a: Token[], b: Token[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) {
      if (x === 0 && 1 / x !== 1 / (y as number)) return false;
    } else if (!(x !== x && y !== y)) {
      return false;
    }
  }
  return true;
}

/** `check`, remembering its verdicts (idempotent: a shared `check` is returned as it is). */
export function shareVerdicts(check: Check): Check {
  if ((check as { [SHARED]?: true })[SHARED]) return check;
  const verdicts = new Map<number, { input: Token[]; verdict: ReturnType<Check> }[]>();
  let count = 0;
  const shared = ((...args: Parameters<Check>) => {
    const input: Token[] = [];
    try {
      flatten(args, input);
    } catch (e) {
      if (e instanceof NotExact) return check(...args);
      throw e;
    }
    const h = hash(input);
    let bucket = verdicts.get(h);
    let hit = bucket?.find((b) => sameTokens(b.input, input));
    if (!hit) {
      if (count >= MAX_VERDICTS) {
        verdicts.clear();
        count = 0;
      }
      if (!bucket) verdicts.set(h, (bucket = []));
      bucket.push((hit = { input, verdict: check(...args) }));
      count++;
    }
    return structuredClone(hit.verdict);
  }) as Check;
  (shared as { [SHARED]?: true })[SHARED] = true;
  return shared;
}

/**
 * Outside Jest (`npm run fuzz`): replaces the `check` export of src/model/check in Node's module cache, so that the
 * adapter, loaded after this call, shares the oracle's verdicts. Returns false when the module was loaded already
 * (then each side judges on its own, as before).
 */
export function shareVerdictsInNode(): boolean {
  const path = require.resolve('../../src/model/check');
  const cached = (): NodeModule | undefined => require.cache[path];
  if (cached()) return false;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const actual = require('../../src/model/check') as { check: Check };
  const entry = cached();
  if (!entry) return false;
  entry.exports = { ...actual, check: shareVerdicts(actual.check) };
  return true;
}
