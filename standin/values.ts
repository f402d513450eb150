/** How Excel reads typed text, shows values through number formats, and reports value types. */
import FormulaParser from 'fast-formula-parser';
import type { Scalar } from './state';
import { isErrorValue } from './state';

export interface ParsedInput {
  formula: string | null;
  value: Scalar;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;

/** Parses what a user types (or an API writes into `values`) the way Excel's cell entry does. */
export function parseInput(input: unknown, numberFormat = 'General'): ParsedInput {
  if (input === null || input === undefined || input === '') return { formula: null, value: null };
  if (typeof input === 'number') return { formula: null, value: Number.isFinite(input) ? input : { error: '#NUM!' } };
  if (typeof input === 'boolean') return { formula: null, value: input };
  const text = String(input);
  if (numberFormat === '@') return { formula: null, value: text };
  if (text.startsWith("'")) return { formula: null, value: text.slice(1) };
  if (text.length > 1 && text.startsWith('=')) return { formula: text, value: null };
  const trimmed = text.trim();
  if (trimmed !== '' && /\d/.test(trimmed) && NUMBER.test(trimmed)) {
    const pct = trimmed.endsWith('%');
    const n = Number(trimmed.replace(/,/g, '').replace(/%$/, ''));
    if (Number.isFinite(n)) return { formula: null, value: pct ? n / 100 : n };
  }
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { formula: null, value: upper === 'TRUE' };
  if (/^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/.test(upper)) return { formula: null, value: { error: upper } };
  return { formula: null, value: text };
}

/** The value as Office's `values` gives it: blanks are "", errors are their code. */
export function apiValue(v: Scalar): string | number | boolean {
  if (v === null) return '';
  if (isErrorValue(v)) return v.error;
  return v;
}

export function valueType(v: Scalar): 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' {
  if (v === null || v === '') return 'Empty';
  if (isErrorValue(v)) return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

/** The text Excel shows for a value under a number format. */
export function displayText(v: Scalar, numberFormat: string): string {
  if (v === null || v === '') return '';
  if (isErrorValue(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (numberFormat === 'General' || numberFormat === '') {
    if (Number.isInteger(v)) return String(v);
    return String(Number(v.toPrecision(10)));
  }
  try {
    return FormulaParser.SSF.format(numberFormat, v);
  } catch {
    return String(v);
  }
}
