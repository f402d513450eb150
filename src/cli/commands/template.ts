/** `disclosure-tables template`: writes the self-checking .xlsx template. */
import * as fs from 'fs';
import * as path from 'path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { formatOption, loadTemplateWriter, outputPath, parseArgs, yearOption } from '../args';

export const templateCommand: Command = {
  name: 'template',
  summary: 'write the self-checking .xlsx template of the three tables',
  usage: [
    'Usage: disclosure-tables template --out FILE.xlsx [--format 2021|2019] [--year N] [--org NAME] [--protect]',
    '                                  [--replace] [--lang zh|en]',
    '',
    '  --out FILE.xlsx   where to write the workbook',
    '  --format          2021 (国办公开办函〔2021〕30号, default) or 2019 (the trial format, for 2019 and 2020 reports)',
    '  --year N          the report year in the title (default: last year)',
    '  --org NAME        the body (机关名称) in the title',
    '  --protect         protect the sheet so that only the input cells can be edited (no password)',
    '  --replace         replace FILE.xlsx if it exists',
    '  --lang zh|en      language of the messages (default zh)',
  ].join('\n'),
  async run(args, io) {
    const p = parseArgs(args, ['out', 'format', 'year', 'org', 'lang'], ['protect', 'replace']);
    const lang = p.values.get('lang') ?? 'zh';
    if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en, not '${lang}'`);
    if (p.positional.length) throw new UsageError(`unexpected argument '${p.positional[0]}'`);
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
    io.stdout(
      lang === 'zh'
        ? `已写入 ${shown}（${format} 格式，${year} 年度）。表内公式和条件格式会在 Excel 或 WPS 中自动校验。\n`
        : `Wrote ${shown} (format ${format}, year ${year}). Its formulas and conditional formats check the tables in Excel or WPS.\n`,
    );
    return 0;
  },
};
