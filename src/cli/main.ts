/**
 * Entry of the `disclosure-tables` command line. Never prints a stack trace: unreadable input and bad usage
 * exit 2 with one clear line on stderr. Help and errors are said in the language `--lang` names (Chinese by
 * default), given before the command (`disclosure-tables --lang en --help`) or among its options.
 */
import type { CliIO, Command } from './command';
import { UsageError } from './command';
import { InputError } from '../io/report-input';
import { formatMessage } from '../model/messages';
import type { Lang } from '../model/types';
import { COMMANDS } from './commands';
import { terminalSafe } from './terminal-safe';

export function helpText(lang: Lang = 'zh'): string {
  const lines = [formatMessage('help.usage', lang), '', formatMessage('help.commands', lang)];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(10)} ${formatMessage(c.summary, lang)}`);
  lines.push('', formatMessage('help.more', lang));
  return lines.join('\n');
}

/** `--lang X` / `--lang=X` in front of the command: the language for everything after, like the command's own. */
function leadingLang(argv: string[]): { lang?: string; rest: string[] } {
  const [first, ...rest] = argv;
  if (first === '--lang') return { lang: rest[0] ?? '', rest: rest.slice(1) };
  if (first?.startsWith('--lang=')) return { lang: first.slice('--lang='.length), rest };
  return { rest: argv };
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const leading = leadingLang(argv);
  const [name, ...own] = leading.rest;
  // A leading --lang is handed to the command, which checks it with its other options.
  const rest = leading.lang !== undefined && !hasLang(own) ? ['--lang', leading.lang, ...own] : own;
  const lang = langOf(leading.lang !== undefined ? ['--lang', leading.lang, ...own] : own);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(lang) + '\n');
    return name ? 0 : 2;
  }
  const cmd: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(
      `disclosure-tables: ${terminalSafe(formatMessage('help.unknownCommand', lang, { name }))}\n${helpText(lang)}\n`,
    );
    return 2;
  }
  const usage = formatMessage(cmd.usage, lang);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(usage + '\n');
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`disclosure-tables ${cmd.name}: ${terminalSafe(e.text(lang))}\n${usage}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      // The message's own line breaks stay (sum lists the inputs one a line); each line is escaped, so text from a
      // file cannot forge one (commands escape what they quote from files before it reaches a message).
      const text = e.text(lang).split('\n').map(terminalSafe).join('\n');
      io.stderr(`disclosure-tables ${cmd.name}: ${terminalSafe(e.file ? e.file + ': ' : '')}${text}\n`);
      return 2;
    }
    // Anything else is a fault of this program: one line, no stack (a stack overflow or allocation failure in a
    // reader on a hostile file lands here).
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr(
      `disclosure-tables ${cmd.name}: ${terminalSafe(formatMessage('help.unexpectedError', lang, { message: msg }))}\n`,
    );
    return 2;
  }
}

function hasLang(args: string[]): boolean {
  return args.some((a) => a === '--lang' || a.startsWith('--lang='));
}

/** The language `--lang` names among the arguments (zh when none or not understood: its error comes later). */
function langOf(args: string[]): Lang {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--lang' && args[i + 1] === 'en') return 'en';
    if (args[i] === '--lang=en') return 'en';
  }
  return 'zh';
}

export function processIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    drain: () =>
      process.stdout.writableNeedDrain ? new Promise((done) => process.stdout.once('drain', done)) : Promise.resolve(),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}
