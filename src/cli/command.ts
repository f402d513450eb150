/** The contract every `disclosure-tables` sub-command implements; `main.ts` dispatches by name. */
import { formatMessage, type MessageKey, type MessageParams } from '../model/messages';
import type { Lang } from '../model/types';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout/stderr is a terminal (progress bars, colours). */
  isTTY: boolean;
  cwd: string;
  /**
   * Resolves once what was written to stdout has gone out. Into a pipe Node writes asynchronously and keeps what
   * the reader has not taken yet in memory: a command printing a report per file waits here now and then, so a
   * folder's output is never held whole.
   */
  drain?: () => Promise<void>;
}

export interface Command {
  name: string;
  /** One line for `disclosure-tables --help` (its key in the message table). */
  summary: MessageKey;
  /** The command's `--help` (its key in the message table). */
  usage: MessageKey;
  /** Returns the exit status: 0 ok, 1 findings with severity error, 2 bad usage or unreadable input. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Bad usage: the message table's key and parameters, said in the language `--lang` names when it is printed. */
export class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(formatMessage(key, 'en', params));
    this.name = 'UsageError';
  }

  text(lang: Lang): string {
    return formatMessage(this.key, lang, this.params);
  }
}
