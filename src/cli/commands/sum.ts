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
import type { CellId, FormatId, Finding, Lang } from '../../model/types';
import { readInputs } from '../../io/readers';
import { InputError, type ReportInput } from '../../io/report-input';
import { loadTemplateWriter, parseArgs, yearOption } from '../args';
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

function langOption(v: string | undefined): Lang {
  if (v === undefined) return 'zh';
  if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang must be zh or en, not '${v}'`);
  return v;
}

const SUM_MESSAGES = {
  zh: {
    noInputs: '请给出要汇总的报告（文件或文件夹）',
    noOut: '缺少 --out 汇总表.xlsx',
    notXlsx: (o: string) => `--out 应是 .xlsx 文件，而不是“${o}”`,
    exists: (o: string) => `${o} 已存在；请换一个文件名，或加 --replace 覆盖`,
    none: '给出的文件里没有找到报告',
    outIsInput: (o: string) => `--out ${o} 是要汇总的文件之一`,
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
  },
  en: {
    noInputs: 'name the reports to add (files or folders)',
    noOut: '--out TOTAL.xlsx is required',
    notXlsx: (o: string) => `--out must name an .xlsx file, not '${o}'`,
    exists: (o: string) => `${o} already exists; choose another name or pass --replace`,
    none: 'no report found in the files given',
    outIsInput: (o: string) => `--out ${o} is one of the inputs`,
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
    if (fs.existsSync(out) && !p.flags.has('replace')) throw new UsageError(m.exists(outArg));

    const inputs = await readInputs(p.positional, { cwd: io.cwd });
    if (!inputs.length) throw new InputError(m.none);
    if (inputs.some((i) => path.resolve(io.cwd, i.file.replace(/ \[[^\]]*\]$/, '')) === out))
      throw new UsageError(m.outIsInput(outArg));

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
            .map((e) => `    - ${renderFinding(e, input.format, lang)}`)
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
    fs.writeFileSync(out, await writeTemplate({ format: sum.format, year, org, values: sum.values }));

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
