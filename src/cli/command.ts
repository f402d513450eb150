/** The contract every `disclosure-tables` sub-command implements; `main.ts` dispatches by name. */

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
  /** One line for `disclosure-tables --help`. */
  summary: string;
  usage: string;
  /** Returns the exit status: 0 ok, 1 findings with severity error, 2 bad usage or unreadable input. */
  run(args: string[], io: CliIO): Promise<number>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
