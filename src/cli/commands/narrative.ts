/**
 * `disclosure-tables narrative FILE_OR_FOLDER... [--lang zh|en]`: writes the standard sentences of the report's
 * text (主动公开, 依申请公开, 行政复议、行政诉讼) from its tables, to paste into 一、总体情况. The text is Chinese
 * (it goes into a Chinese report); the notes around it follow --lang. Cells the text needed but that are not
 * filled are listed on stderr; the text shows 【待填】 in their place.
 */
import { getFormat } from '../../model/formats';
import { formatMessage } from '../../model/messages';
import { generateNarrative } from '../../model/narrative-gen';
import { cellName } from '../../model/render';
import { readInputs } from '../../io/readers';
import { InputError } from '../../io/report-input';
import type { CliIO, Command } from '../command';
import { UsageError } from '../command';
import { langOption, parseArgs } from '../args';

export const narrativeCommand: Command = {
  name: 'narrative',
  summary: 'narrative.summary',
  usage: 'narrative.usage',
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseArgs(args, ['lang'], []);
    const lang = langOption(p.values.get('lang'));
    if (!p.positional.length) throw new UsageError('narrative.noInput');
    const inputs = await readInputs(p.positional, { cwd: io.cwd });
    if (!inputs.length) throw new InputError(formatMessage('narrative.none', lang));
    const blocks = inputs.map((input) => {
      const g = generateNarrative(input.format, input.cells);
      const who = [input.org, input.year !== undefined ? `${input.year}` : ''].filter(Boolean).join(' ');
      if (g.unfilled.length) {
        const f = getFormat(input.format);
        const names = g.unfilled.map((id) => cellName(f, id, lang)).join(lang === 'zh' ? '、' : ', ');
        io.stderr(
          formatMessage('narrative.unfilled', lang, { file: input.file, count: g.unfilled.length, cells: names }) +
            '\n',
        );
      }
      return inputs.length > 1 ? `# ${input.file}${who ? ` (${who})` : ''}\n${g.text}` : g.text;
    });
    io.stdout(blocks.join('\n\n') + '\n');
    return 0;
  },
};
