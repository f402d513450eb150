/**
 * `disclosure-tables sum`: adds the reports of several bodies cell by cell into one consolidated workbook (a city
 * adding up its bureaus). Each input is checked first: adding a table that does not add up spreads its error into
 * the total, so inputs with errors are refused unless --force.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Command, CliIO } from '../command';
import { UsageError } from '../command';
import { getFormat, T3_RESULT_TOTAL_ROW } from '../../model/formats';
import { check } from '../../model/check';
import { cellName, renderFinding } from '../../model/render';
import { quotedText } from '../../model/values';
import { checkReportInput } from '../../io/check-input';
import { addValues, type Misread } from '../../model/aggregate';
import type { CellId, CheckResult, FormatId, Finding, Lang } from '../../model/types';
import { planFiles, readPlannedFile, type PlannedFile } from '../../io/readers';
import { InputError, type ReportInput } from '../../io/report-input';
import { langOption, loadTemplateWriter, parseArgs, yearOption } from '../args';
import { formatMessage } from '../../model/messages';
import { terminalSafe } from '../terminal-safe';

interface SumResult {
  format: FormatId;
  values: Record<CellId, number>;
  /** Cells some input left unfilled (counted as 0). */
  unfilledSomewhere: CellId[];
  /** Cells of an input holding text with a figure that is not a number: left out, so the sum must not be written. */
  misread: Misread[];
}

/** Adds the input cells of reports of one format (`model/aggregate`); totals are left to the workbook's formulas. */
function addReports(inputs: ReportInput[]): SumResult {
  const format = inputs[0].format;
  const { values, unfilledSomewhere, misread } = addValues(
    format,
    inputs.map((i) => i.cells),
    'input',
  );
  return { format, values, unfilledSomewhere, misread };
}

/** A report's file and body, for the terminal: both come from the input, so control characters are escaped. */
function nameOf(input: ReportInput, cwd: string): string {
  const file = path.isAbsolute(input.file) ? path.relative(cwd, input.file) || input.file : input.file;
  const who = [input.org, input.year ? `${input.year}` : ''].filter(Boolean).join(' ');
  return terminalSafe(who ? `${file} (${who})` : file);
}

function errorsOf(result: CheckResult): Finding[] {
  return result.findings.filter((x) => x.severity === 'error');
}

/**
 * A cell the sum would leave out, as the input's check words it (file, cell, the text quoted, the number it would
 * be); a cell the check did not judge (the reader could not place it) is named with its text.
 */
function misreadLine(input: ReportInput, result: CheckResult, cell: CellId, lang: Lang, cwd: string): string {
  const f = result.findings.find((x) => x.rule === 'V.notNumber' && x.cells[0] === cell);
  const what = f
    ? renderFinding(f, input.format, lang, input.cellAddress)
    : `${cellName(input.format, cell, lang, input.cellAddress?.[cell])}: “${quotedText(String(input.cells[cell]))}”`;
  return `  ${nameOf(input, cwd)}: ${terminalSafe(what)}`;
}

function commonYear(inputs: ReportInput[]): number | undefined {
  const years = new Set(inputs.map((i) => i.year));
  return years.size === 1 ? [...years][0] : undefined;
}

/** Two inputs that are the same report (the same file named twice, a copy in a folder): added twice by mistake? */
function duplicates(inputs: ReportInput[]): [ReportInput, ReportInput][] {
  const out: [ReportInput, ReportInput][] = [];
  const seen = new Map<string, ReportInput>();
  for (const input of inputs) {
    const key = JSON.stringify(Object.entries(input.cells).sort(([a], [b]) => (a < b ? -1 : 1)));
    const first = seen.get(key);
    if (first) out.push([first, input]);
    else seen.set(key, input);
  }
  return out;
}

/** A file's identity: device and inode (one file under any path, link or hard link), or its real path. */
function identity(file: fs.PathLike): { id: string; real: string } | null {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st) return null;
  let real: string;
  try {
    real = fs.realpathSync(file).toString();
  } catch {
    real = '';
  }
  // Some file systems give no inode numbers (0): the real path alone tells then.
  return { id: st.ino ? `${st.dev}:${st.ino}` : '', real };
}

const NO_FILE = { id: '', real: '' };

function sameFile(a: { id: string; real: string }, b: { id: string; real: string }): boolean {
  return (a.id !== '' && a.id === b.id) || (a.real !== '' && a.real === b.real);
}

/** A report read, and whether the user named its file or it was found in a folder. */
interface Read {
  input: ReportInput;
  explicit: boolean;
}

/** Every report of the planned files, in order; any unreadable file is an InputError (nothing is added half). */
async function readAll(planned: PlannedFile[]): Promise<Read[]> {
  const out: Read[] = [];
  for (const file of planned) {
    const got = await readPlannedFile(file);
    if ('inputs' in got) for (const input of got.inputs) out.push({ input, explicit: file.explicit });
    else if (got.unreadable) throw new InputError(got.unreadable.message, got.unreadable.file, got.unreadable.en);
  }
  return out;
}

/**
 * Workbooks written by `sum` found in a folder among ordinary reports: an earlier total, which would count its
 * bodies twice, so it is left out. Named on the command line, or when every input is one (adding up the totals of
 * several cities), it is added.
 */
function withoutEarlierTotals(read: Read[], lang: Lang, cwd: string, notes: string[]): Read[] {
  if (read.every((r) => r.input.consolidated)) return read;
  const kept: Read[] = [];
  for (const r of read) {
    if (r.input.consolidated && !r.explicit)
      notes.push(formatMessage('sum.earlierTotal', lang, { file: nameOf(r.input, cwd) }));
    else kept.push(r);
  }
  return kept;
}

/**
 * One set of tables from each workbook: a workbook holding several complete sets (a hidden copy, a second sheet
 * kept for reference) would otherwise be added once per set. The set taken is the one of the year asked for
 * (`--year`), then the visible one the add-in's names point at, then the first visible one, then the first.
 */
function oneSetPerWorkbook(read: Read[], year: number | undefined, lang: Lang, notes: string[]): Read[] {
  const sets = new Map<string, Read[]>();
  for (const r of read) {
    const w = r.input.sheet?.workbook;
    if (w === undefined) continue;
    const list = sets.get(w);
    if (list) list.push(r);
    else sets.set(w, [r]);
  }
  const dropped = new Set<Read>();
  for (const [workbook, list] of sets) {
    if (list.length < 2) continue;
    const ofYear = list.filter((r) => year !== undefined && r.input.year === year);
    const from = ofYear.length ? ofYear : list;
    const sheet = (r: Read) => r.input.sheet!;
    const named = from.find((r) => sheet(r).named && !sheet(r).hidden);
    const visible = from.find((r) => !sheet(r).hidden);
    const pick = named ?? visible ?? from[0];
    const why = ofYear.length && ofYear.length < list.length ? 'year' : named ? 'named' : visible ? 'visible' : 'first';
    for (const r of list) if (r !== pick) dropped.add(r);
    const names = list.map((r) =>
      formatMessage(sheet(r).hidden ? 'sum.sheetHidden' : 'sum.sheet', lang, { name: terminalSafe(sheet(r).name) }),
    );
    notes.push(
      formatMessage('sum.sets', lang, {
        workbook: terminalSafe(workbook),
        count: list.length,
        sheets: names.join(formatMessage('list.separator', lang)),
        pick: terminalSafe(sheet(pick).name),
        why: formatMessage(`sum.why.${why}`, lang),
      }),
    );
  }
  return read.filter((r) => !dropped.has(r));
}

export const sumCommand: Command = {
  name: 'sum',
  summary: 'sum.summary',
  usage: 'sum.usage',
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseArgs(args, ['out', 'year', 'org', 'lang'], ['force', 'replace']);
    const lang = langOption(p.values.get('lang'));
    if (!p.positional.length) throw new UsageError('sum.noInputs');
    const outArg = p.values.get('out');
    if (!outArg) throw new UsageError('usage.outRequired');
    if (!/\.xlsx$/i.test(outArg)) throw new UsageError('usage.outNotXlsx', { file: outArg });
    const out = path.resolve(io.cwd, outArg);
    const shownOut = terminalSafe(outArg);
    // A link counts as there even when it leads nowhere: writing would go through it.
    if (fs.lstatSync(out, { throwIfNoEntry: false }) && !p.flags.has('replace'))
      throw new UsageError('usage.outExists', { file: shownOut });

    const planned = planFiles(p.positional, io.cwd);
    // The same file under another path, a symbolic link or a hard link is still an input: compared by identity.
    const target = identity(out);
    const overwritten = target && planned.find((f) => !f.skipped && sameFile(identity(f.file) ?? NO_FILE, target));
    if (overwritten) throw InputError.of('sum.outIsInput', { out: shownOut, file: terminalSafe(overwritten.name) });

    const notes: string[] = [];
    const requestedYear = p.values.has('year') ? yearOption(p) : undefined;
    const read = oneSetPerWorkbook(
      withoutEarlierTotals(await readAll(planned), lang, io.cwd, notes),
      requestedYear,
      lang,
      notes,
    );
    const inputs = read.map((r) => r.input);
    if (!inputs.length) throw InputError.of('sum.none');
    for (const note of notes) io.stderr(note + '\n');

    const formats = new Set(inputs.map((i) => i.format));
    if (formats.size > 1) {
      const list = inputs.map((i) => `  ${i.format}  ${nameOf(i, io.cwd)}`).join('\n');
      throw InputError.of('sum.mixed', { list });
    }
    for (const [a, b] of duplicates(inputs))
      io.stderr(formatMessage('sum.duplicate', lang, { a: nameOf(a, io.cwd), b: nameOf(b, io.cwd) }) + '\n');

    const results = inputs.map((input) => checkReportInput(input));
    // A figure typed as text is never added as 0 or as a guess: the total would be wrong without a word.
    const sum = addReports(inputs);
    if (sum.misread.length) {
      const lines = sum.misread.map(({ part, cell }) => misreadLine(inputs[part], results[part], cell, lang, io.cwd));
      io.stderr(
        `disclosure-tables sum: ${formatMessage('sum.misread', lang, { count: sum.misread.length })}\n${lines.join('\n')}\n`,
      );
      return 1;
    }
    const refused: { input: ReportInput; errors: Finding[] }[] = [];
    inputs.forEach((input, i) => {
      const errors = errorsOf(results[i]);
      if (errors.length) refused.push({ input, errors });
    });
    if (refused.length) {
      const lines = refused.map(
        ({ input, errors }) =>
          `  ${nameOf(input, io.cwd)}: ${formatMessage('sum.errors', lang, { count: errors.length })}\n` +
          errors
            .slice(0, 3)
            .map((e) => `    - ${terminalSafe(renderFinding(e, input.format, lang))}`)
            .join('\n') +
          (errors.length > 3 ? `\n    - ${formatMessage('sum.more', lang, { count: errors.length - 3 })}` : ''),
      );
      if (!p.flags.has('force')) {
        io.stderr(
          `disclosure-tables sum: ${formatMessage('sum.refused', lang, { count: refused.length, all: inputs.length })}\n${lines.join('\n')}\n${formatMessage('sum.howTo', lang)}\n`,
        );
        return 1;
      }
      io.stderr(`${formatMessage('sum.forced', lang, { count: refused.length })}\n${lines.join('\n')}\n`);
    }

    const year = yearOption(p, commonYear(inputs) ?? NaN);
    if (Number.isNaN(year)) throw new UsageError('sum.years');
    const org = p.values.get('org') ?? '';
    const { writeTemplate } = await loadTemplateWriter();
    fs.writeFileSync(
      out,
      await writeTemplate({ format: sum.format, year, org, values: sum.values, consolidated: true }),
    );

    const f = getFormat(sum.format);
    const total = (id: CellId): number => {
      const d = f.cellById.get(id)!;
      return d.sumOf ? d.sumOf.reduce((a, x) => a + total(x), 0) : sum.values[id];
    };
    const cell = (table: string, row: string, col: string) => f.cellById.get(`${table}.${row}.${col}`)!;
    const t3tot = f.t3.columns[f.t3.columns.length - 1];
    const t4tot = f.t4.columns[f.t4.columns.length - 1];
    const headline = [
      cell('T3', f.t3.rows[0], t3tot),
      cell('T3', T3_RESULT_TOTAL_ROW, t3tot),
      ...f.t4.groups.map((g) => cell('T4', g, t4tot)),
    ].map((c) => `  ${c.rowLabel} · ${c.colLabel}: ${total(c.id)}`);
    // Checked as the workbook shows it: totals are its live formulas over the summed inputs.
    const shown = Object.fromEntries(f.cells.map((c) => [c.id, total(c.id)]));
    const totalErrors = check(sum.format, shown).findings.filter((x) => x.severity === 'error').length;
    io.stdout(
      [
        formatMessage('sum.added', lang, {
          count: inputs.length,
          format: sum.format,
          year: String(year),
          file: path.relative(io.cwd, out) || out,
        }),
        ...inputs.map((i) => `  + ${nameOf(i, io.cwd)}`),
        ...headline,
        sum.unfilledSomewhere.length
          ? formatMessage('sum.unfilled', lang, { count: sum.unfilledSomewhere.length })
          : formatMessage('sum.allFilled', lang),
        totalErrors
          ? formatMessage('sum.totalErrors', lang, { count: totalErrors })
          : formatMessage('sum.addsUp', lang),
      ].join('\n') + '\n',
    );
    return 0;
  },
};
