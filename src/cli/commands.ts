/** The registry of sub-commands. Each lives in its own module under `commands/`. */
import type { Command } from './command';
import { checkCommand } from './commands/check';

export const COMMANDS: Command[] = [checkCommand];
