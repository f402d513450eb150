/** `disclosure-tables template`: writes the self-checking .xlsx template. */
import * as fs from 'fs';
import * as path from 'path';
import type { Command, CliIO } from '../command';
import { UsageError } from '../command';
import { isFormatId } from '../../model/formats';
import type { FormatId } from '../../model/types';
import { writeTemplate } from '../../io/xlsx/template';

export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  positional: string[];
}

/** `--name value`, `--name=value` and bare `--flag`; `valued` lists the options that take a value. */
export function parseArgs(args: string[], valued: readonly string[], flags: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { flags: new Set(), values: new Map(), positional: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (valued.includes(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined || v === '') throw new UsageError(`--${name} needs a value`);
      out.values.set(name, v);
    } else if (flags.includes(name) && eq < 0) {
      out.flags.add(name);
    } else {
      throw new UsageError(`unknown option ${a}`);
    }
  }
  return out;
}

export function formatOption(p: ParsedArgs, fallback: FormatId): FormatId {
  const f = p.values.get('format') ?? fallback;
  if (!isFormatId(f)) throw new UsageError(`--format must be 2021 or 2019, not '${f}'`);
  return f;
}

/** Reports are written early in the year for the year before, so that is the default. */
export function yearOption(p: ParsedArgs, fallback = new Date().getFullYear() - 1): number {
  const y = p.values.get('year');
  if (y === undefined) return fallback;
  if (!/^\d{4}$/.test(y)) throw new UsageError(`--year must be a four-digit year, not '${y}'`);
  return Number(y);
}

/** Refuses to replace an existing file unless --replace: it may hold a report someone typed. */
export function outputPath(p: ParsedArgs, io: CliIO): string {
  const out = p.values.get('out');
  if (!out) throw new UsageError('--out FILE.xlsx is required');
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`--out must name an .xlsx file, not '${out}'`);
  const full = path.resolve(io.cwd, out);
  if (fs.existsSync(full) && !p.flags.has('replace'))
    throw new UsageError(`${out} already exists; choose another name or pass --replace`);
  return full;
}

export const templateCommand: Command = {
  name: 'template',
  summary: 'write the self-checking .xlsx template of the three tables',
  usage: [
    'Usage: disclosure-tables template --out FILE.xlsx [--format 2021|2019] [--year N] [--org NAME] [--protect]',
    '                                  [--replace] [--lang zh|en]',
    '',
    '  --out FILE.xlsx   where to write the workbook',
    '  --format          2021 (国办公开办函〔2021〕30号, default) or 2019 (the trial format, for 2019 and 2020 reports)',
    '  --year N          the report year in the title (default: last year)',
    '  --org NAME        the body (机关名称) in the title',
    '  --protect         protect the sheet so that only the input cells can be edited (no password)',
    '  --replace         replace FILE.xlsx if it exists',
    '  --lang zh|en      language of the messages (default zh)',
  ].join('\n'),
  async run(args, io) {
    const p = parseArgs(args, ['out', 'format', 'year', 'org', 'lang'], ['protect', 'replace']);
    const lang = p.values.get('lang') ?? 'zh';
    if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en, not '${lang}'`);
    if (p.positional.length) throw new UsageError(`unexpected argument '${p.positional[0]}'`);
    const format = formatOption(p, '2021');
    const year = yearOption(p);
    const out = outputPath(p, io);
    const bytes = await writeTemplate({
      format,
      year,
      org: p.values.get('org') ?? '',
      protect: p.flags.has('protect'),
    });
    fs.writeFileSync(out, bytes);
    const shown = path.relative(io.cwd, out) || out;
    io.stdout(
      lang === 'zh'
        ? `已写入 ${shown}（${format} 格式，${year} 年度）。表内公式和条件格式会在 Excel 或 WPS 中自动校验。\n`
        : `Wrote ${shown} (format ${format}, year ${year}). Its formulas and conditional formats check the tables in Excel or WPS.\n`,
    );
    return 0;
  },
};
