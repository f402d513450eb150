/**
 * Entry of the `disclosure-tables` command line. Never prints a stack trace: unreadable input and bad usage
 * exit 2 with one clear line on stderr.
 */
import type { CliIO, Command } from './command';
import { UsageError } from './command';
import { InputError } from '../io/report-input';
import { COMMANDS } from './commands';
import { terminalSafe } from './terminal-safe';

export function helpText(): string {
  const lines = ['Usage: disclosure-tables <command> [options]', '', 'Commands:'];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push('', 'Run `disclosure-tables <command> --help` for the options of a command.');
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText() + '\n');
    return name ? 0 : 2;
  }
  const cmd: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`disclosure-tables: unknown command '${name}'\n${helpText()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(cmd.usage + '\n');
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`disclosure-tables ${cmd.name}: ${e.message}\n${cmd.usage}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      // The message's own line breaks stay (sum lists the inputs one a line); each line is escaped, so text from a
      // file cannot forge one (commands escape what they quote from files before it reaches a message).
      const text = e.text(langOf(rest)).split('\n').map(terminalSafe).join('\n');
      io.stderr(`disclosure-tables ${cmd.name}: ${terminalSafe(e.file ? e.file + ': ' : '')}${text}\n`);
      return 2;
    }
    // Anything else is a fault of this program: one line, no stack (a stack overflow or allocation failure in a
    // reader on a hostile file lands here).
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr(`disclosure-tables ${cmd.name}: ${terminalSafe(msg)}\n`);
    return 2;
  }
}

/** The language `--lang` names among the arguments (zh when none or not understood: its error comes later). */
function langOf(args: string[]): 'zh' | 'en' {
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
