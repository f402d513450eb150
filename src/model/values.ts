/**
 * What people type or paste into a cell, read as a number. Published tables carry numbers stored as text,
 * full-width digits, thousands separators, notes after the number (`22（其中修订 16 件）`) and placeholders for
 * "nothing" (`/`, `-`, `—`, `无`). The parser keeps the number wherever one can be read with confidence and
 * reports the rest as `V.` problems; whether a cell counts as filled decides if the rules it touches are complete.
 */
import type { CellKind, ParsedCell, RawValue, RuleId, Severity } from './types';

/**
 * The placeholders people type most, as literal cell texts: the self-checking workbook's conditional formats
 * treat these as unfilled too (a formula cannot run the pattern below). Each is matched by PLACEHOLDER.
 */
export const COMMON_PLACEHOLDERS = ['/', '-', '—', '－', '无', '／'] as const;

/** Blank-equivalents seen in real reports: the cell says "nothing here" without a number. */
const PLACEHOLDER = /^(?:[/\\／＼]|[-－—–─―‐‑]+|无|無|空|…+|\.{2,}|n\/?a)$/i;

/** A leading number: sign, digits (optionally grouped by thousands), decimals; the rest of the cell is a note. */
const NUMBER = /^([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/;

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

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

export function parseCell(raw: RawValue, kind: CellKind): ParsedCell {
  if (raw === null || raw === undefined) return { ...UNFILLED, problems: [] };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { value: 0, filled: false, problems: [problem('V.notNumber', 'error')] };
    return { value: raw, filled: true, problems: kindProblems(raw, kind) };
  }
  const text = String(raw)
    .replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, '')
    .replace(/\r?\n/g, ' ');
  if (text === '' || PLACEHOLDER.test(halfWidth(text))) return { ...UNFILLED, problems: [] };

  const half = halfWidth(text);
  const m = NUMBER.exec(half);
  const rest = m ? half.slice(m[0].length).trim() : '';
  // `1,2` or `12 34` or `3.5.1`: a number followed by more digits is not a number with a note.
  if (!m || /^[\d,.，．%％]/.test(rest)) {
    return { value: 0, filled: false, problems: [problem('V.notNumber', 'error')] };
  }
  const sign = m[1] ? -1 : 1;
  const value = sign * Number(m[2].replace(/,/g, '') + (m[3] ?? ''));
  const problems: ParsedCell['problems'] = [];
  const fullWidth = text.slice(0, m[0].length) !== half.slice(0, m[0].length);
  if (fullWidth) problems.push(problem('V.fullWidth', 'warning'));
  else if (!rest) problems.push(problem('V.textNumber', 'warning'));
  problems.push(...kindProblems(value, kind));
  const parsed: ParsedCell = { value: value === 0 ? 0 : value, filled: true, problems };
  if (rest) parsed.note = text.slice(m[0].length).trim();
  return parsed;
}

/** True when the raw value is a placeholder or blank (not filled, and not a typing mistake either). */
export function isBlank(raw: RawValue): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'number') return false;
  const t = halfWidth(String(raw).trim());
  return t === '' || PLACEHOLDER.test(t);
}
