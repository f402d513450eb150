/** The registry of sub-commands. Each lives in its own module under `commands/`. */
import type { Command } from './command';
import { checkCommand } from './commands/check';
import { templateCommand } from './commands/template';
import { sumCommand } from './commands/sum';
import { narrativeCommand } from './commands/narrative';

export const COMMANDS: Command[] = [checkCommand, templateCommand, sumCommand, narrativeCommand];
