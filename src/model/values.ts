/**
 * What people type or paste into a cell, read as a number. Published tables carry numbers stored as text,
 * full-width digits, thousands separators and placeholders for "nothing" (`/`, `-`, `—`, `无`).
 *
 * The reading is strict: text is a number only when the WHOLE text (spaces around it aside, U+3000 and NBSP
 * included) is a number in a form people type: an optional sign, digits, thousands grouped by `,`/`，` in threes,
 * decimals, half- or full-width. Anything else that holds a digit (`3件`, `1573<U+200B>179`, `1573e3`, `0x1800AB`,
 * `1'573'179`, a soft hyphen inside the digits) is NOT a number: it counts as unfilled in every check, sum and
 * total (as Excel's SUM ignores text) and is a `V.notNumber` finding on its cell that quotes the text and, where
 * one reading is plausible, the number it would be (`wouldBe`). A leading number is never taken silently.
 *
 * Notes after a number in published text reports (`22（其中修订 16 件）`) are the readers' business: the text
 * reader strips a bracketed note it recognises before the value reaches the checker (src/io/text/tokens.ts
 * `noteless`); a spreadsheet cell holding such text is text, and SUM leaves it out, so here it is a finding.
 */
import type { CellKind, ParsedCell, RawValue, RuleId, Severity } from './types';

/**
 * The placeholders people type most, as literal cell texts: the self-checking workbook's conditional formats
 * treat these as unfilled too (a formula cannot run the pattern below). Each is matched by PLACEHOLDER.
 */
export const COMMON_PLACEHOLDERS = ['/', '-', '—', '－', '无', '／'] as const;

/** Blank-equivalents seen in real reports: the cell says "nothing here" without a number. */
const PLACEHOLDER = /^(?:[/\\／＼]|[-－—–─―‐‑]+|无|無|空|…+|\.{2,}|n\/?a)$/i;

/** A whole number as people type it (after `halfWidth`): sign, digits grouped in threes or not, decimals. */
const NUMBER = /^([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

/** Spaces around a value that carry nothing: what `trim` removes plus the ideographic space, NBSP and BOM. */
const EDGE_SPACE = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/**
 * Characters that show as nothing (zero-width spaces and joiners, the soft hyphen, direction marks, the BOM):
 * pasted from web pages into the middle of a number, they hide that the cell is text.
 */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Full-width ASCII (`１２，３４５．５`) to half-width, one character for one, so offsets stay valid. */
function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function problem(rule: RuleId, severity: Severity) {
  return { rule, severity };
}

const UNFILLED: ParsedCell = Object.freeze({ value: 0, filled: false, problems: [] }) as ParsedCell;

/** Kind constraints: counts are whole and ≥ 0, signed counts whole, amounts ≥ 0. */
function kindProblems(value: number, kind: CellKind): ParsedCell['problems'] {
  const out: ParsedCell['problems'] = [];
  if (value < 0 && kind !== 'signedCount') out.push(problem('V.negative', 'error'));
  if (!Number.isInteger(value) && kind !== 'amount') out.push(problem('V.fraction', 'error'));
  return out;
}

/** The number of a text that `NUMBER` matches whole (half-width), or null. */
function wholeNumber(half: string): number | null {
  const m = NUMBER.exec(half);
  if (!m) return null;
  const n = Number(m[2].replace(/,/g, '') + (m[3] ?? ''));
  if (!Number.isFinite(n)) return null;
  // `+12` is 12; only a minus sign negates (`-0` reads as 0).
  return (m[1] === '-' || m[1] === '−') && n !== 0 ? -n : n;
}

/**
 * The number a text that is not one would be, when only one reading is plausible: invisible characters inside
 * the digits dropped (`1573<U+200B>179`); thousands grouped by a space, thin space or apostrophe (`1'573'179`);
 * a unit or a bracketed note after the number with no further digit (`3件`, `22（其中修订）`). Anything else
 * (`1573e3`, `0x1800AB`, `1,2`, `12 34`, `3.5.1`, two numbers) has no single reading: null.
 */
function plausibleReading(half: string): number | null {
  const visible = half.replace(INVISIBLE, '');
  if (visible !== half) {
    const n = wholeNumber(visible);
    if (n !== null) return n;
  }
  const grouped = /^([+\-−]?\d{1,3})((?:[ \u2009\u202f\u00a0'’]\d{3})+)(\.\d+)?$/.exec(visible);
  if (grouped) return wholeNumber(grouped[1] + grouped[2].replace(/[^\d]/g, '') + (grouped[3] ?? ''));
  const lead = /^([+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(.*)$/.exec(visible);
  if (!lead || !lead[2]) return null;
  const rest = lead[2];
  // A unit in Chinese (件, 万元, 人次) or a note in one pair of brackets, and no further figure: the number is the reading.
  const note = /^[(（][^()（）]*[)）]$/.test(rest);
  if (/\d/.test(rest) && !note) return null;
  if (!note && !/^[\u4e00-\u9fff]{1,3}$/.test(rest)) return null;
  return wholeNumber(lead[1]);
}

export function parseCell(raw: RawValue, kind: CellKind): ParsedCell {
  if (raw === null || raw === undefined) return { ...UNFILLED, problems: [] };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { value: 0, filled: false, problems: [problem('V.notNumber', 'error')] };
    return { value: raw, filled: true, problems: kindProblems(raw, kind) };
  }
  const text = String(raw).replace(EDGE_SPACE, '');
  const half = halfWidth(text);
  if (text === '' || PLACEHOLDER.test(half)) return { ...UNFILLED, problems: [] };

  const value = wholeNumber(half);
  if (value === null) {
    const notNumber: ParsedCell = { value: 0, filled: false, problems: [problem('V.notNumber', 'error')] };
    const reading = /\d/.test(half) ? plausibleReading(half) : null;
    if (reading !== null) notNumber.wouldBe = reading;
    return notNumber;
  }
  const problems: ParsedCell['problems'] = [];
  if (text !== half) problems.push(problem('V.fullWidth', 'warning'));
  else problems.push(problem('V.textNumber', 'warning'));
  problems.push(...kindProblems(value, kind));
  return { value, filled: true, problems };
}

/** True when the raw value is a placeholder or blank (not filled, and not a typing mistake either). */
export function isBlank(raw: RawValue): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'number') return false;
  const t = halfWidth(String(raw).replace(EDGE_SPACE, ''));
  return t === '' || PLACEHOLDER.test(t);
}

/** Longest cell text quoted in a finding; a longer one is cut with `…` (a pasted paragraph is not repeated). */
const QUOTE_MAX = 40;

/**
 * A cell's text as a finding quotes it: characters that show as nothing or move the cursor (controls, zero-width
 * characters, the soft hyphen, line breaks, odd spaces) written as `<U+200B>`, so the reader sees why the cell is
 * not a number; cut at `QUOTE_MAX` characters.
 */
export function quotedText(raw: string): string {
  const chars = [...raw];
  const cut = chars.length > QUOTE_MAX ? chars.slice(0, QUOTE_MAX).join('') + '…' : raw;
  return cut.replace(
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u2000-\u200a\u202f\u205f]/gu,
    (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}
