/** `disclosure-tables template`: writes the self-checking .xlsx template. */
import * as fs from 'fs';
import * as path from 'path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { formatOption, langOption, loadTemplateWriter, outputPath, parseArgs, yearOption } from '../args';
import { formatMessage } from '../../model/messages';

export const templateCommand: Command = {
  name: 'template',
  summary: 'template.summary',
  usage: 'template.usage',
  async run(args, io) {
    const p = parseArgs(args, ['out', 'format', 'year', 'org', 'lang'], ['protect', 'replace']);
    const lang = langOption(p.values.get('lang'));
    if (p.positional.length) throw new UsageError('usage.unexpected', { arg: p.positional[0] });
    const format = formatOption(p, '2021');
    const year = yearOption(p);
    const out = outputPath(p, io);
    const { writeTemplate } = await loadTemplateWriter();
    const bytes = await writeTemplate({
      format,
      year,
      org: p.values.get('org') ?? '',
      protect: p.flags.has('protect'),
    });
    fs.writeFileSync(out, bytes);
    const shown = path.relative(io.cwd, out) || out;
    io.stdout(formatMessage('template.written', lang, { file: shown, format, year: String(year) }) + '\n');
    return 0;
  },
};
