/**
 * Fuzzy comparison of a label found in a report with a label of the format. Published labels drift (`其他法律法规
 * 规章禁止公开`), get cut at line and page breaks, carry provincial notes in brackets and lose their enumeration
 * markers, so an exact key match is only the first try.
 */
import { labelCore, normaliseLabel, withoutTrailingNote } from '../../model/normalise';

/** Length of the longest common subsequence. */
function lcs(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  if (!A.length || !B.length) return 0;
  let prev = new Array<number>(B.length + 1).fill(0);
  for (let i = 1; i <= A.length; i++) {
    const cur = new Array<number>(B.length + 1).fill(0);
    for (let j = 1; j <= B.length; j++) {
      cur[j] = A[i - 1] === B[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    prev = cur;
  }
  return prev[B.length];
}

const memo = new Map<string, number>();

/** Dice coefficient over the longest common subsequence: 1 for equal keys, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  const key = `${a}\u0000${b}`;
  let v = memo.get(key);
  if (v === undefined) {
    const la = [...a].length;
    const lb = [...b].length;
    v = !la || !lb ? 0 : (2 * lcs(a, b)) / (la + lb);
    // Labels repeat from report to report; the cache stays small because only table text is compared.
    if (memo.size > 50000) memo.clear();
    memo.set(key, v);
  }
  return v;
}

/** Keys a text can be known by: the full key, without enumeration marker, without brackets and their content. */
export function labelKeys(s: string): string[] {
  const keys = new Set<string>();
  const full = normaliseLabel(s);
  if (full) keys.add(full);
  const core = labelCore(s);
  if (core) keys.add(core);
  const noNote = withoutTrailingNote(s);
  if (noNote) keys.add(noNote);
  // Notes in the middle of a label, as provincial templates add them: drop every bracketed part after the start.
  const stripped = s.normalize('NFKC').replace(/(?!^)\([^()]*\)/g, '');
  if (stripped !== s) {
    const k = normaliseLabel(stripped);
    if (k) keys.add(k);
    const c = labelCore(stripped);
    if (c) keys.add(c);
  }
  // A key left with one or two characters once its marker is gone (`3.其他` → `其他`) names nothing in particular.
  return [...keys].filter((k) => k === full || [...k].length >= 3);
}

/** Best similarity between any key of the found text and any key of the format's label. */
export function labelScore(foundKeys: readonly string[], labelKeyList: readonly string[]): number {
  let best = 0;
  for (const a of foundKeys)
    for (const b of labelKeyList) {
      // Short keys (`规章`, `3其他`, a bare `其他`) only count when equal: near misses of two characters mean nothing.
      if (a !== b && Math.min([...a].length, [...b].length) < 4) continue;
      best = Math.max(best, similarity(a, b));
    }
  return best;
}
