/**
 * The one table of message templates, Chinese first, English second. Every sentence meant for people (findings,
 * rule titles, the command line's help, usage errors and reports, reader errors, host problems) is written in the
 * modules of this folder, one per surface, so the wording stays consistent and a translation can be reviewed in
 * one place; `formatMessage` is the one lookup that fills them (`renderFinding` in render.ts builds on it).
 *
 * Keys: a rule id (and `rule.subKey` where a rule says different things in different cases), `title.<rule>` for
 * what a rule checks, `<surface>.<what>` for the rest. Templates are plain strings with `{name}` placeholders.
 * Labels are never written here: callers pass them as parameters, derived from `formats/labels.ts`.
 */
import { formatNumber } from '../numbers';
import type { Lang } from '../types';
import { CLI_MESSAGES } from './cli';
import { FINDING_MESSAGES } from './findings';
import { HOST_MESSAGES } from './host';
import { RATE_MESSAGES } from './rates';
import { READER_MESSAGES } from './readers';
import { REVIEW_MESSAGES } from './review';
import { SUM_MESSAGES } from './sum';
import type { MessageParams, MessageTemplate } from './template';
import { TITLE_MESSAGES } from './titles';
import { USAGE_MESSAGES } from './usage';

export type { MessageParams } from './template';

/** The modules by surface; a key defined in two of them would silently shadow one (a test forbids it). */
export const MESSAGE_MODULES: readonly Readonly<Record<string, MessageTemplate>>[] = [
  FINDING_MESSAGES,
  TITLE_MESSAGES,
  CLI_MESSAGES,
  READER_MESSAGES,
  RATE_MESSAGES,
  REVIEW_MESSAGES,
  HOST_MESSAGES,
  USAGE_MESSAGES,
  SUM_MESSAGES,
];

export const MESSAGES = {
  ...FINDING_MESSAGES,
  ...TITLE_MESSAGES,
  ...CLI_MESSAGES,
  ...READER_MESSAGES,
  ...RATE_MESSAGES,
  ...REVIEW_MESSAGES,
  ...HOST_MESSAGES,
  ...USAGE_MESSAGES,
  ...SUM_MESSAGES,
};

export type MessageKey = keyof typeof MESSAGES;

const TABLE: Readonly<Record<string, MessageTemplate>> = MESSAGES;

/**
 * A template split at its placeholders: literal text at even positions, parameter names at odd ones. Split once per
 * template (the checker fills a few per report, the Excel host on every edit). Keyed by template text, not by
 * format; bounded by the message table, which holds every template there is.
 */
const compiledTemplates = new Map<string, string[]>();

function templateParts(template: string): string[] {
  let parts = compiledTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiledTemplates.set(template, parts);
  }
  return parts;
}

/**
 * One entry said in both languages, `[zh, en]`, for errors that carry both (a reader's error reaches the command
 * line, which picks by `--lang`). A parameter may itself be said in both (`{zh, en}`: the reason inside a reason).
 */
export function inBothLanguages(
  key: MessageKey,
  params: Readonly<Record<string, MessageParams[string] | Readonly<Record<Lang, string>>>> = {},
): [string, string] {
  const pick = (lang: Lang): MessageParams =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
  return [formatMessage(key, 'zh', pick('zh')), formatMessage(key, 'en', pick('en'))];
}

/** Fills a template. Missing parameters stay visible as `{name}` rather than disappearing silently. */
export function formatMessage(key: MessageKey | string, lang: Lang, params: MessageParams = {}): string {
  const t = TABLE[key];
  if (!t) return key;
  const parts = templateParts(t[lang]);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const v = params[parts[i]];
    out += (v === undefined ? `{${parts[i]}}` : typeof v === 'number' ? formatNumber(v) : v) + parts[i + 1];
  }
  return out;
}
