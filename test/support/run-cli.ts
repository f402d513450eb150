/** Runs the command line in this process with captured output, as a user would from `cwd`. */
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/command';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], cwd: string, isTTY = false): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY, cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
