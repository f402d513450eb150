/**
 * `disclosure-tables check FILE_OR_FOLDER... [--previous FILE] [--json] [--lang zh|en]`: checks every report found
 * (JSON, .xlsx, report text, HTML, .docx) and says which cell is most likely wrong.
 *
 * Last year's report: `--previous` (any readable kind; when it holds several bodies, each report gets its own by
 * name and year), otherwise a report of the same body for the year before among the inputs themselves (a folder
 * holding two years, or a text with both years side by side).
 *
 * Exit status: 0 no finding with severity error, 1 some, 2 bad usage or unreadable input.
 */
import { checkReportInput } from '../../io/check-input';
import { formatMessage } from '../../model/messages';
import type { Lang } from '../../model/types';
import type { ReportInput } from '../../io/report-input';
import { readInputs, readInputsDetailed } from '../../io/readers';
import type { CliIO, Command } from '../command';
import { UsageError } from '../command';
import { parseArgs } from '../args';
import { runPartsCheck } from './parts';
import { reviewPath, writeReviewWorkbook } from './review';
import * as path from 'path';
import {
  countSeverity,
  jsonDocument,
  progressLine,
  renderReport,
  renderSummaryTable,
  type ReportEntry,
} from '../render';

const USAGE = `Usage: disclosure-tables check FILE_OR_FOLDER... [--previous FILE] [--review FILE.xlsx] [--json] [--explain]
                                  [--lang zh|en]
       disclosure-tables check TOTAL --parts FOLDER [--expect BODIES.txt] [--json] [--lang zh|en]

Checks the tables of 政府信息公开工作年度报告 (JSON, .xlsx, .txt, .html, .docx; folders are searched).
  --previous FILE  last year's report (any of the kinds above), for the cross-year checks
  --parts FOLDER   TOTAL is a consolidated report: every cell must equal the sum of the reports of its year
                   found in FOLDER; lists the cells that differ, the parts that may be missing (a body listed
                   in --expect, or with last year's report only, or unreadable) and parts with errors
  --expect FILE    with --parts: the bodies that must have a report, one name per line
  --review FILE.xlsx  also write a review workbook: a summary row per body and year (status, counts, rates,
                   a link to its findings), every finding with its cells by label, and what could not be read
  --replace        with --review: replace FILE.xlsx if it exists (never an input)
  --json           print one JSON document on stdout
  --explain        say for each cell that could not be read from a report's text what was tried
  --lang zh|en     language of the messages (default zh)
Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input.`;

/** Files beyond this count get a progress bar on a terminal. */
const PROGRESS_THRESHOLD = 20;

/** Body names compare without spaces and bracket variants (`（` / `(`). */
export function orgKey(org: string): string {
  return org.normalize('NFKC').replace(/\s+/g, '');
}

/** `file#2024` and `file [Sheet]` come from one file: they pair even without a body name. */
function sourceFile(file: string): string {
  return file.replace(/#[^#]*$/, '').replace(/ \[[^\]]*\]$/, '');
}

/**
 * The previous year's report for each input, or undefined. Candidates of the same body (by name, else from the
 * same file) whose year is one less; a single explicit previous report applies to every input.
 */
export function pairPrevious(inputs: ReportInput[], previous: ReportInput[] | null): (ReportInput | undefined)[] {
  return inputs.map((input) => {
    const pool = previous ?? inputs;
    if (previous && previous.length === 1) return previous[0] === input ? undefined : previous[0];
    if (input.year === undefined) return undefined;
    const sameYear = pool.filter((p) => p !== input && p.year === input.year! - 1);
    const byOrg = input.org ? sameYear.filter((p) => p.org && orgKey(p.org) === orgKey(input.org!)) : [];
    if (byOrg.length === 1) return byOrg[0];
    const bySource = sameYear.filter((p) => sourceFile(p.file) === sourceFile(input.file));
    if (bySource.length === 1 && (!input.org || !bySource[0].org || orgKey(bySource[0].org) === orgKey(input.org))) {
      return bySource[0];
    }
    return undefined;
  });
}

function langOption(v: string | undefined): Lang {
  if (v === undefined) return 'zh';
  if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang must be zh or en, not '${v}'`);
  return v;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'check the tables of reports (JSON, .xlsx, text, HTML, .docx) and locate wrong cells',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseArgs(args, ['previous', 'lang', 'parts', 'expect', 'review'], ['json', 'explain', 'replace']);
    const lang = langOption(p.values.get('lang'));
    if (!p.positional.length) throw new UsageError('name at least one file or folder to check');
    const json = p.flags.has('json');
    const parts = p.values.get('parts');
    if (p.values.has('expect') && !parts) throw new UsageError('--expect goes with --parts FOLDER');
    if (parts) return runPartsCheck(p.positional, parts, { lang, json, expect: p.values.get('expect') }, io);
    const reviewArg = p.values.get('review');
    const review = reviewArg ? reviewPath(reviewArg, p.positional, p.flags.has('replace'), lang, io.cwd) : null;

    let progressShown = false;
    const onFile = (i: number, total: number, file: string) => {
      if (!io.isTTY || total <= PROGRESS_THRESHOLD) return;
      io.stderr(progressLine(i, total, file, lang));
      progressShown = true;
    };
    const { inputs, unreadable } = await readInputsDetailed(p.positional, { cwd: io.cwd, onFile });
    if (progressShown) io.stderr(progressLine(1, 1, '', lang).replace(/\[.*$/, '') + '\r\x1b[2K');
    const prevPath = p.values.get('previous');
    const previous = prevPath ? await readInputs([prevPath], { cwd: io.cwd }) : null;
    const pairs = pairPrevious(inputs, previous);

    const entries: ReportEntry[] = inputs.map((input, i) => {
      const prev = pairs[i];
      const result = checkReportInput(input, {
        ...(prev ? { previous: prev.cells, previousFormat: prev.format } : {}),
        ...(prev?.prose && input.prose ? { prose: input.prose, previousProse: prev.prose } : {}),
      });
      return {
        file: input.file,
        format: input.format,
        ...(input.year !== undefined ? { year: input.year } : {}),
        ...(input.org ? { org: input.org } : {}),
        ...(prev ? { previous: prev.file } : {}),
        result,
        ...(input.cellAddress ? { cellAddress: input.cellAddress } : {}),
        ...(input.unrecognised?.length ? { unrecognised: input.unrecognised } : {}),
        ...(input.unread?.length ? { unread: input.unread } : {}),
      };
    });

    if (review) {
      if (inputs.some((i) => path.resolve(io.cwd, sourceFile(i.file)) === review))
        throw new UsageError(formatMessage('review.isInput', lang, { file: reviewArg! }));
      await writeReviewWorkbook(review, entries, unreadable, lang);
      io.stderr(formatMessage('review.written', lang, { file: reviewArg! }) + '\n');
    }
    for (const u of unreadable)
      io.stderr(formatMessage('cli.unreadable', lang, { file: u.file, message: u.message }) + '\n');
    if (json) {
      io.stdout(JSON.stringify(jsonDocument(entries, unreadable, lang), null, 2) + '\n');
    } else {
      const o = { lang, colour: io.isTTY, explain: p.flags.has('explain') };
      io.stdout(entries.map((e) => renderReport(e, o)).join('\n'));
      if (entries.length > 1) io.stdout('\n' + renderSummaryTable(entries, o));
    }
    if (unreadable.length || !entries.length) {
      if (!entries.length && !unreadable.length)
        io.stderr('disclosure-tables check: no report found in the given folders\n');
      return 2;
    }
    return entries.some((e) => countSeverity(e.result, 'error') > 0) ? 1 : 0;
  },
};
