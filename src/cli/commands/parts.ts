/**
 * `check TOTAL --parts FOLDER [--expect BODIES.txt]`: a consolidated report against the reports it consolidates.
 *
 * What counts as a part: every report found under FOLDER (the consolidated report itself excluded) of the
 * consolidated report's year; reports whose year the reader could not find are counted too, and say so.
 * What adds up is `model/aggregate.ts`, the same definition `sum` writes with.
 *
 * What "missing" can mean, and what is reported:
 * - with `--expect BODIES.txt` (one body name per line): a listed body with no report of the year;
 * - in a folder holding two years: a body with a report for the year before and none for this year;
 * - a file under FOLDER that a reader claimed but could not read (its numbers are not in the sum).
 * A part nobody listed and nobody reported last year cannot be known to be missing: the folder is the list.
 *
 * Exit status: 1 when a cell differs or the consolidated report's own tables have errors, else 0; missing parts,
 * parts with errors of their own and excluded reports are reported as warnings.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compareWithParts, type PartsDifference } from '../../model/aggregate';
import { getFormat } from '../../model/formats';
import { formatMessage } from '../../model/messages';
import { formatDiff } from '../../model/numbers';
import { cellName } from '../../model/render';
import type { Lang } from '../../model/types';
import { checkReportInput } from '../../io/check-input';
import { readInputsDetailed, type Unreadable } from '../../io/readers';
import { InputError, type ReportInput } from '../../io/report-input';
import type { CliIO } from '../command';
import { UsageError } from '../command';
import { orgKey } from './check';

interface PartRef {
  file: string;
  org?: string;
  year?: number;
}

type MissingPart =
  | { reason: 'expected'; org: string }
  | { reason: 'lastYearOnly'; org: string; lastYear: PartRef }
  | { reason: 'unreadable'; file: string; message: string };

interface PartsReport {
  consolidated: PartRef & { format: string; errors: number };
  parts: (PartRef & { errors: number })[];
  differences: PartsDifference[];
  missing: MissingPart[];
  /** Reports found under FOLDER that were not added: another year, another format. */
  excluded: (PartRef & { reason: 'otherYear' | 'otherFormat' })[];
  /** Two parts of one body (the same body counted twice?). */
  duplicates: [PartRef, PartRef][];
  /** Parts on no --expect list (only with --expect). */
  unlisted: PartRef[];
}

function ref(i: ReportInput): PartRef {
  return { file: i.file, ...(i.org ? { org: i.org } : {}), ...(i.year !== undefined ? { year: i.year } : {}) };
}

function errorsOf(input: ReportInput): number {
  return checkReportInput(input).findings.filter((f) => f.severity === 'error').length;
}

function compareParts(
  total: ReportInput,
  found: ReportInput[],
  unreadable: Unreadable[],
  expected?: string[],
): PartsReport {
  const others = found.filter((i) => i !== total && !(i.file === total.file && i.year === total.year));
  const excluded: PartsReport['excluded'] = [];
  const parts: ReportInput[] = [];
  for (const i of others) {
    if (total.year !== undefined && i.year !== undefined && i.year !== total.year) {
      // Last year's reports tell which bodies should be here; they are not added.
      excluded.push({ ...ref(i), reason: 'otherYear' });
    } else if (i.format !== total.format) excluded.push({ ...ref(i), reason: 'otherFormat' });
    else parts.push(i);
  }
  const present = new Set(parts.filter((p) => p.org).map((p) => orgKey(p.org!)));
  const missing: MissingPart[] = [];
  for (const org of expected ?? []) if (!present.has(orgKey(org))) missing.push({ reason: 'expected', org });
  if (total.year !== undefined) {
    const seen = new Set<string>();
    for (const i of others) {
      if (i.year !== total.year - 1 || !i.org) continue;
      const k = orgKey(i.org);
      if (present.has(k) || seen.has(k) || (expected && expected.some((e) => orgKey(e) === k))) continue;
      seen.add(k);
      missing.push({ reason: 'lastYearOnly', org: i.org, lastYear: ref(i) });
    }
  }
  for (const u of unreadable) missing.push({ reason: 'unreadable', file: u.file, message: u.message });

  const byOrg = new Map<string, ReportInput>();
  const duplicates: [PartRef, PartRef][] = [];
  for (const p of parts) {
    if (!p.org) continue;
    const first = byOrg.get(orgKey(p.org));
    if (first) duplicates.push([ref(first), ref(p)]);
    else byOrg.set(orgKey(p.org), p);
  }
  const listed = expected ? new Set(expected.map(orgKey)) : null;
  const unlisted = listed ? parts.filter((p) => !p.org || !listed.has(orgKey(p.org))).map(ref) : [];

  const { differences } = compareWithParts(
    total.format,
    total.cells,
    parts.map((p) => p.cells),
  );
  return {
    consolidated: { ...ref(total), format: total.format, errors: errorsOf(total) },
    parts: parts.map((p) => ({ ...ref(p), errors: errorsOf(p) })),
    differences,
    missing,
    excluded,
    duplicates,
    unlisted,
  };
}

function who(r: PartRef, lang: Lang): string {
  const w = [r.org, r.year !== undefined ? String(r.year) : ''].filter(Boolean).join(' ');
  return !w ? r.file : lang === 'zh' ? `${r.file}（${w}）` : `${r.file} (${w})`;
}

function renderParts(r: PartsReport, lang: Lang): string {
  const t = (k: string, p: Record<string, string | number> = {}) => formatMessage(k, lang, p);
  const f = getFormat(r.consolidated.format === '2019' ? '2019' : '2021');
  const out: string[] = [
    t('parts.heading', { total: who(r.consolidated, lang), count: r.parts.length }),
    '  ' + (r.consolidated.errors ? t('parts.totalErrors', { count: r.consolidated.errors }) : t('parts.totalOk')),
  ];
  if (!r.differences.length) out.push('  ' + t('parts.allEqual'));
  else {
    out.push('  ' + t('parts.differHeading', { count: r.differences.length }));
    for (const d of r.differences) {
      out.push(
        '    ' +
          t(d.stated === null ? 'parts.differUnfilled' : 'parts.differ', {
            cell: cellName(f, d.cell, lang),
            stated: d.stated ?? '',
            sum: d.sum,
            diff: formatDiff(d.difference),
          }),
      );
    }
  }
  if (r.missing.length) {
    out.push('  ' + t('parts.missingHeading', { count: r.missing.length }));
    for (const m of r.missing) {
      if (m.reason === 'expected') out.push('    ' + t('parts.missingExpected', { org: m.org }));
      else if (m.reason === 'lastYearOnly')
        out.push(
          '    ' + t('parts.missingLastYear', { org: m.org, year: m.lastYear.year ?? '', file: m.lastYear.file }),
        );
      else out.push('    ' + t('parts.missingUnreadable', { file: m.file, message: m.message }));
    }
  }
  const failing = r.parts.filter((p) => p.errors > 0);
  if (failing.length) {
    out.push('  ' + t('parts.failingHeading', { count: failing.length }));
    for (const p of failing) out.push('    ' + t('parts.failing', { part: who(p, lang), count: p.errors }));
  }
  for (const [a, b] of r.duplicates) out.push('  ' + t('parts.duplicate', { a: who(a, lang), b: who(b, lang) }));
  for (const u of r.unlisted) out.push('  ' + t('parts.unlisted', { part: who(u, lang) }));
  const excluded = r.excluded.filter((e) => e.reason === 'otherFormat');
  for (const e of excluded) out.push('  ' + t('parts.otherFormat', { part: who(e, lang) }));
  return out.join('\n') + '\n';
}

function readExpected(file: string, cwd: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new InputError(`cannot read the list of bodies (${(e as NodeJS.ErrnoException).code ?? String(e)})`, file);
  }
  return text
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The `check … --parts FOLDER` run: exactly one consolidated report. */
export async function runPartsCheck(
  totalPaths: string[],
  partsFolder: string,
  opts: { lang: Lang; json: boolean; expect?: string },
  io: CliIO,
): Promise<number> {
  const { inputs, unreadable } = await readInputsDetailed(totalPaths, { cwd: io.cwd });
  if (unreadable.length) throw new InputError(unreadable[0].message, unreadable[0].file);
  if (inputs.length !== 1) throw new UsageError('parts.oneTotal', { count: inputs.length });
  const expected = opts.expect ? readExpected(opts.expect, io.cwd) : undefined;
  const found = await readInputsDetailed([partsFolder], { cwd: io.cwd });
  const totalFile = path.resolve(io.cwd, inputs[0].file);
  const candidates = found.inputs.filter((i) => path.resolve(io.cwd, i.file) !== totalFile);
  const report = compareParts(inputs[0], candidates, found.unreadable, expected);
  if (!report.parts.length) throw new InputError(formatMessage('parts.none', opts.lang), partsFolder);
  io.stdout(opts.json ? JSON.stringify({ parts: report }, null, 2) + '\n' : renderParts(report, opts.lang));
  return report.differences.length || report.consolidated.errors ? 1 : 0;
}
