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
import { renderFinding } from '../../model/render';
import { checkReportInput } from '../../io/check-input';
import { addValues } from '../../model/aggregate';
import type { CellId, FormatId, Finding } from '../../model/types';
import { planFiles, readPlannedFile, type PlannedFile } from '../../io/readers';
import { InputError, type ReportInput } from '../../io/report-input';
import { langOption, loadTemplateWriter, parseArgs, yearOption } from '../args';
import { terminalSafe } from '../terminal-safe';

export interface SumResult {
  format: FormatId;
  values: Record<CellId, number>;
  /** Cells some input left unfilled (counted as 0). */
  unfilledSomewhere: CellId[];
}

/** Adds the input cells of reports of one format (`model/aggregate`); totals are left to the workbook's formulas. */
export function addReports(inputs: ReportInput[]): SumResult {
  const format = inputs[0].format;
  const { values, unfilledSomewhere } = addValues(
    format,
    inputs.map((i) => i.cells),
    'input',
  );
  return { format, values, unfilledSomewhere };
}

/** A report's file and body, for the terminal: both come from the input, so control characters are escaped. */
function nameOf(input: ReportInput, cwd: string): string {
  const file = path.isAbsolute(input.file) ? path.relative(cwd, input.file) || input.file : input.file;
  const who = [input.org, input.year ? `${input.year}` : ''].filter(Boolean).join(' ');
  return terminalSafe(who ? `${file} (${who})` : file);
}

function errorsOf(input: ReportInput): Finding[] {
  const result = checkReportInput(input);
  return result.findings.filter((x) => x.severity === 'error');
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

type SumMessages = (typeof SUM_MESSAGES)['zh' | 'en'];

/**
 * Workbooks written by `sum` found in a folder among ordinary reports: an earlier total, which would count its
 * bodies twice, so it is left out. Named on the command line, or when every input is one (adding up the totals of
 * several cities), it is added.
 */
function withoutEarlierTotals(read: Read[], m: SumMessages, cwd: string, notes: string[]): Read[] {
  if (read.every((r) => r.input.consolidated)) return read;
  const kept: Read[] = [];
  for (const r of read) {
    if (r.input.consolidated && !r.explicit) notes.push(m.earlierTotal(nameOf(r.input, cwd)));
    else kept.push(r);
  }
  return kept;
}

/**
 * One set of tables from each workbook: a workbook holding several complete sets (a hidden copy, a second sheet
 * kept for reference) would otherwise be added once per set. The set taken is the one of the year asked for
 * (`--year`), then the visible one the add-in's names point at, then the first visible one, then the first.
 */
function oneSetPerWorkbook(read: Read[], year: number | undefined, m: SumMessages, notes: string[]): Read[] {
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
    const names = list.map((r) => ({ name: terminalSafe(sheet(r).name), hidden: sheet(r).hidden }));
    notes.push(m.sets(terminalSafe(workbook), names, terminalSafe(sheet(pick).name), m.why[why]));
  }
  return read.filter((r) => !dropped.has(r));
}

/** A sheet holding a set of the tables, as a note names it. */
interface Sheet {
  name: string;
  hidden: boolean;
}

const SUM_MESSAGES = {
  zh: {
    noInputs: '请给出要汇总的报告（文件或文件夹）',
    noOut: '缺少 --out 汇总表.xlsx',
    notXlsx: (o: string) => `--out 应是 .xlsx 文件，而不是“${o}”`,
    exists: (o: string) => `${o} 已存在；请换一个文件名，或加 --replace 覆盖`,
    none: '给出的文件里没有找到报告',
    outIsInput: (o: string, f: string) => `--out ${o} 就是要汇总的文件 ${f}（同一文件，经由其他路径或链接），未写入`,
    mixed: '这些报告使用了不同的格式（2019 年试行格式与 2021 年格式），表格的行不同，不能逐格相加。请按格式分别汇总：',
    duplicate: (a: string, b: string) => `注意：${b} 与 ${a} 的数字完全相同，是否重复加入了同一份报告？`,
    errors: (n: number) => `${n} 个错误`,
    more: (n: number) => `……另有 ${n} 个`,
    refused: (n: number, all: number) => `${all} 份报告中有 ${n} 份表内数字不相符，未写入汇总表。`,
    howTo: '请先更正（见 `disclosure-tables check`），或加 --force 按原样汇总。',
    forced: (n: number) => `按 --force 汇总了 ${n} 份有错误的报告：`,
    years: '这些报告的年度不同（或无法识别），请用 --year N 指定汇总表的年度',
    added: (n: number, f: string, y: number, o: string) => `已将 ${n} 份报告（${f} 格式，${y} 年度）汇总到 ${o}：`,
    unfilled: (n: number) => `有 ${n} 个单元格在部分报告中未填写，按 0 计入。`,
    allFilled: '所有报告的单元格均已填写。',
    totalErrors: (n: number) => `汇总表有 ${n} 个错误，来自按 --force 加入的报告。`,
    addsUp: '汇总表的数字全部相符。',
    earlierTotal: (f: string) => `注意：${f} 是本工具之前写出的汇总表，未计入（否则其中各单位会被重复相加）`,
    sets: (w: string, sheets: Sheet[], pick: string, why: string) =>
      `注意：${w} 中有 ${sheets.length} 套完整的表（工作表${sheets.map((x) => `「${x.name}」${x.hidden ? '（隐藏）' : ''}`).join('、')}），只计入工作表「${pick}」（${why}）`,
    why: {
      year: '--year 所指年度的一套',
      named: '加载项生成并标记的一套',
      visible: '第一套未隐藏的表',
      first: '第一套',
    },
  },
  en: {
    noInputs: 'name the reports to add (files or folders)',
    noOut: '--out TOTAL.xlsx is required',
    notXlsx: (o: string) => `--out must name an .xlsx file, not '${o}'`,
    exists: (o: string) => `${o} already exists; choose another name or pass --replace`,
    none: 'no report found in the files given',
    outIsInput: (o: string, f: string) =>
      `--out ${o} is the input ${f} (the same file, by another path or a link); nothing was written`,
    mixed:
      'the reports use different formats (2019 trial format and 2021 format); their tables have different rows and cannot be added cell by cell. Add the reports of one format at a time:',
    duplicate: (a: string, b: string) => `note: ${b} has exactly the numbers of ${a}: the same report added twice?`,
    errors: (n: number) => `${n} error(s)`,
    more: (n: number) => `… ${n} more`,
    refused: (n: number, all: number) => `${n} of ${all} report(s) do not add up; nothing was written.`,
    howTo: 'Correct them (see `disclosure-tables check`), or pass --force to add them as they are.',
    forced: (n: number) => `Adding ${n} report(s) with errors (--force):`,
    years: 'the reports are for different (or unknown) years; pass --year N',
    added: (n: number, f: string, y: number, o: string) => `Added ${n} report(s) (format ${f}, year ${y}) into ${o}:`,
    unfilled: (n: number) => `${n} cell(s) were not filled in some report and were counted as 0.`,
    allFilled: 'Every cell was filled in every report.',
    totalErrors: (n: number) =>
      `The consolidated tables have ${n} error(s): they come from the inputs added with --force.`,
    addsUp: 'The consolidated tables add up.',
    earlierTotal: (f: string) =>
      `note: ${f} is a consolidated workbook this tool wrote earlier; left out (its bodies would be added twice)`,
    sets: (w: string, sheets: Sheet[], pick: string, why: string) =>
      `note: ${w} holds ${sheets.length} complete sets of the tables (sheets ${sheets.map((x) => `'${x.name}'${x.hidden ? ' (hidden)' : ''}`).join(', ')}); only sheet '${pick}' is added (${why})`,
    why: {
      year: 'the set of the year given by --year',
      named: 'the set the add-in generated and named',
      visible: 'the first set not hidden',
      first: 'the first set',
    },
  },
} as const;

export const sumCommand: Command = {
  name: 'sum',
  summary: 'add several reports cell by cell into one consolidated .xlsx',
  usage: [
    'Usage: disclosure-tables sum FILE_OR_FOLDER... --out TOTAL.xlsx [--force] [--year N] [--org NAME] [--replace]',
    '                             [--lang zh|en]',
    '',
    '  --out TOTAL.xlsx  the consolidated workbook to write (the self-checking template, filled with the sums)',
    '  --force           add inputs even when their tables do not add up (they are listed either way)',
    '  --year N          the year in the title (default: the inputs\u2019 year, when they all agree)',
    '  --org NAME        the body in the title (for example the city whose bodies are added up)',
    '  --replace         replace TOTAL.xlsx if it exists',
    '  --lang zh|en      language of the messages (default zh)',
    '',
    'All inputs must use the same format (2021 or 2019). Exit status: 0 written, 1 refused (inputs with errors),',
    '2 bad usage or unreadable input.',
  ].join('\n'),
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseArgs(args, ['out', 'year', 'org', 'lang'], ['force', 'replace']);
    const lang = langOption(p.values.get('lang'));
    const m = SUM_MESSAGES[lang];
    if (!p.positional.length) throw new UsageError(m.noInputs);
    const outArg = p.values.get('out');
    if (!outArg) throw new UsageError(m.noOut);
    if (!/\.xlsx$/i.test(outArg)) throw new UsageError(m.notXlsx(outArg));
    const out = path.resolve(io.cwd, outArg);
    const shownOut = terminalSafe(outArg);
    // A link counts as there even when it leads nowhere: writing would go through it.
    if (fs.lstatSync(out, { throwIfNoEntry: false }) && !p.flags.has('replace'))
      throw new UsageError(m.exists(shownOut));

    const planned = planFiles(p.positional, io.cwd);
    // The same file under another path, a symbolic link or a hard link is still an input: compared by identity.
    const target = identity(out);
    const overwritten = target && planned.find((f) => !f.skipped && sameFile(identity(f.file) ?? NO_FILE, target));
    if (overwritten) throw new InputError(m.outIsInput(shownOut, terminalSafe(overwritten.name)));

    const notes: string[] = [];
    const requestedYear = p.values.has('year') ? yearOption(p) : undefined;
    const read = oneSetPerWorkbook(
      withoutEarlierTotals(await readAll(planned), m, io.cwd, notes),
      requestedYear,
      m,
      notes,
    );
    const inputs = read.map((r) => r.input);
    if (!inputs.length) throw new InputError(m.none);
    for (const note of notes) io.stderr(note + '\n');

    const formats = new Set(inputs.map((i) => i.format));
    if (formats.size > 1) {
      const list = inputs.map((i) => `  ${i.format}  ${nameOf(i, io.cwd)}`).join('\n');
      throw new InputError(`${m.mixed}\n${list}`);
    }
    for (const [a, b] of duplicates(inputs)) io.stderr(m.duplicate(nameOf(a, io.cwd), nameOf(b, io.cwd)) + '\n');

    const refused: { input: ReportInput; errors: Finding[] }[] = [];
    for (const input of inputs) {
      const errors = errorsOf(input);
      if (errors.length) refused.push({ input, errors });
    }
    if (refused.length) {
      const lines = refused.map(
        ({ input, errors }) =>
          `  ${nameOf(input, io.cwd)}: ${m.errors(errors.length)}\n` +
          errors
            .slice(0, 3)
            .map((e) => `    - ${terminalSafe(renderFinding(e, input.format, lang))}`)
            .join('\n') +
          (errors.length > 3 ? `\n    - ${m.more(errors.length - 3)}` : ''),
      );
      if (!p.flags.has('force')) {
        io.stderr(
          `disclosure-tables sum: ${m.refused(refused.length, inputs.length)}\n${lines.join('\n')}\n${m.howTo}\n`,
        );
        return 1;
      }
      io.stderr(`${m.forced(refused.length)}\n${lines.join('\n')}\n`);
    }

    const year = yearOption(p, commonYear(inputs) ?? NaN);
    if (Number.isNaN(year)) throw new UsageError(m.years);
    const sum = addReports(inputs);
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
        m.added(inputs.length, sum.format, year, path.relative(io.cwd, out) || out),
        ...inputs.map((i) => `  + ${nameOf(i, io.cwd)}`),
        ...headline,
        sum.unfilledSomewhere.length ? m.unfilled(sum.unfilledSomewhere.length) : m.allFilled,
        totalErrors ? m.totalErrors(totalErrors) : m.addsUp,
      ].join('\n') + '\n',
    );
    return 0;
  },
};
