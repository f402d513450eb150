/**
 * Text copied from last year's report: each prose section (一、总体情况, 五、存在的主要问题及改进情况,
 * 六、其他需要报告的事项) compared sentence by sentence with the same section of last year's report. A sentence is
 * repeated when, with every number taken out, it is (nearly) the same as one of last year's: the figures change
 * every year while the sentence around them stays, and that is fine as long as the sentence says something about
 * this year; a section whose sentences are (nearly) all repeated is what the national notice calls copied.
 * Pure TS.
 */
import { sentences } from './narrative';

/** The prose sections, by their key in `DOC_SECTIONS`. */
type ProseKey = 'overview' | 'problems' | 'other';
type Prose = Partial<Record<ProseKey, string>>;

/** Share of a section's sentences that must be repeated for a warning ("(nearly) all"). */
const COPIED_SHARE = 0.8;
/** Sections with fewer sentences than this say too little to call copied (a one-line 六、其他 "无"). */
const MIN_SENTENCES = 3;
/** Two sentences this similar (character pairs, numbers taken out) are the same sentence reworded in a word. */
const NEARLY_SAME = 0.9;
/** Sentences shorter than this (numbers taken out) are headings or fragments: not counted. */
const MIN_CHARS = 8;

interface CopiedSection {
  section: ProseKey;
  sentences: number;
  repeated: number;
  /** repeated / sentences. */
  share: number;
}

/** A sentence without its numbers and punctuation: `收到申请 120 件。` and `收到申请 98 件。` are the same. */
function skeleton(s: string): string {
  return s.replace(/\d+(?:\.\d+)?/g, '#').replace(/[，。；：、,.;:!?！？"“”（）()\s]/g, '');
}

function pairs(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const p = s.slice(i, i + 2);
    m.set(p, (m.get(p) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient over character pairs. */
function similarity(a: Map<string, number>, b: Map<string, number>, la: number, lb: number): number {
  let common = 0;
  for (const [p, n] of a) common += Math.min(n, b.get(p) ?? 0);
  return (2 * common) / Math.max(1, la - 1 + lb - 1);
}

/** How much of one section repeats last year's. */
export function repeatedShare(current: string, previous: string): { sentences: number; repeated: number } {
  const now = sentences(current)
    .map(skeleton)
    .filter((s) => s.length >= MIN_CHARS);
  const before = sentences(previous)
    .map(skeleton)
    .filter((s) => s.length >= MIN_CHARS);
  const exact = new Set(before);
  const prevPairs = before.map((s) => ({ s, p: pairs(s) }));
  let repeated = 0;
  for (const s of now) {
    if (exact.has(s)) {
      repeated++;
      continue;
    }
    const p = pairs(s);
    // Length first: sentences of very different length cannot be 90% alike.
    const near = prevPairs.some(
      (x) =>
        Math.min(x.s.length, s.length) / Math.max(x.s.length, s.length) >= NEARLY_SAME - 0.1 &&
        similarity(p, x.p, s.length, x.s.length) >= NEARLY_SAME,
    );
    if (near) repeated++;
  }
  return { sentences: now.length, repeated };
}

/** The sections that are (nearly) all last year's sentences. */
export function copiedSections(current: Prose, previous: Prose): { copied: CopiedSection[]; compared: number } {
  const copied: CopiedSection[] = [];
  let compared = 0;
  for (const section of ['overview', 'problems', 'other'] as ProseKey[]) {
    const now = current[section];
    const before = previous[section];
    if (!now || !before) continue;
    const r = repeatedShare(now, before);
    if (r.sentences < MIN_SENTENCES) continue;
    compared++;
    const share = r.repeated / r.sentences;
    if (share >= COPIED_SHARE) copied.push({ section, ...r, share });
  }
  return { copied, compared };
}
