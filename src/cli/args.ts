/** Option parsing shared by the sub-commands: `--name value`, `--name=value`, flags, positionals. */
import * as fs from 'fs';
import * as path from 'path';
import type { CliIO } from './command';
import { UsageError } from './command';
import { isFormatId } from '../model/formats';
import type { FormatId, Lang } from '../model/types';

interface ParsedArgs {
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
      if (v === undefined || v === '') throw new UsageError('usage.needsValue', { name });
      out.values.set(name, v);
    } else if (flags.includes(name) && eq < 0) {
      out.flags.add(name);
    } else {
      throw new UsageError('usage.unknownOption', { option: a });
    }
  }
  return out;
}

export function formatOption(p: ParsedArgs, fallback: FormatId): FormatId {
  const f = p.values.get('format') ?? fallback;
  if (!isFormatId(f)) throw new UsageError('usage.format', { value: f });
  return f;
}

/**
 * Annual reports exist from 2008, the first year of the 政府信息公开条例, to next year's report being prepared: a
 * year outside that (`0000`, `9999`) is a typing slip that would end up in the title of the tables.
 */
const FIRST_REPORT_YEAR = 2008;

/** `--year`; by default last year (reports are written early in the year for the year before). */
export function yearOption(p: ParsedArgs, fallback = new Date().getFullYear() - 1): number {
  const y = p.values.get('year');
  if (y === undefined) return fallback;
  const last = new Date().getFullYear() + 1;
  if (!/^\d{4}$/.test(y) || Number(y) < FIRST_REPORT_YEAR || Number(y) > last)
    throw new UsageError('usage.year', { first: String(FIRST_REPORT_YEAR), last: String(last), value: y });
  return Number(y);
}

/** Refuses to replace an existing file unless --replace: it may hold a report someone typed. */
export function outputPath(p: ParsedArgs, io: CliIO): string {
  const out = p.values.get('out');
  if (!out) throw new UsageError('usage.outRequired');
  if (!/\.xlsx$/i.test(out)) throw new UsageError('usage.outNotXlsx', { file: out });
  const full = path.resolve(io.cwd, out);
  if (fs.existsSync(full) && !p.flags.has('replace')) throw new UsageError('usage.outExists', { file: out });
  return full;
}

/**
 * The .xlsx writer, loaded when a command writes a workbook: ExcelJS takes about half a second to load, which
 * `check` (the command run over whole folders, often from scripts) would otherwise pay on every start.
 */
export function loadTemplateWriter(): Promise<typeof import('../io/xlsx/template')> {
  return import('../io/xlsx/template');
}

/** `--lang zh|en`, Chinese by default. */
export function langOption(v: string | undefined): Lang {
  if (v === undefined) return 'zh';
  if (v !== 'zh' && v !== 'en') throw new UsageError('usage.lang', { value: v });
  return v;
}
