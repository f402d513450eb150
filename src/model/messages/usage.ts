/**
 * The command line's help (`disclosure-tables --help`, `<command> --help`) and its usage errors, in the language
 * `--lang` names (Chinese by default). Option names, file placeholders and exit statuses are the same in both.
 */
import type { MessageTemplate } from './template';

export const USAGE_MESSAGES = {
  // ── disclosure-tables --help ────────────────────────────────────────────────────────────────────────────
  'help.usage': { zh: '用法：disclosure-tables <命令> [选项]', en: 'Usage: disclosure-tables <command> [options]' },
  'help.commands': { zh: '命令：', en: 'Commands:' },
  'help.more': {
    zh: '运行 `disclosure-tables <命令> --help` 查看该命令的选项；--lang en 显示英文。',
    en: 'Run `disclosure-tables <command> --help` for the options of a command; --lang zh shows Chinese.',
  },
  'help.unknownCommand': { zh: '没有“{name}”这个命令', en: 'unknown command “{name}”' },
  'help.unexpectedError': { zh: '内部错误：{message}', en: 'internal error: {message}' },

  // ── Options every command parses (`cli/args.ts`) ───────────────────────────────────────────────────────────
  'usage.needsValue': { zh: '--{name} 后面需要一个值', en: '--{name} needs a value' },
  'usage.unknownOption': { zh: '没有 {option} 这个选项', en: 'unknown option {option}' },
  'usage.unexpected': { zh: '多余的参数“{arg}”', en: 'unexpected argument “{arg}”' },
  'usage.lang': { zh: '--lang 应为 zh 或 en，而不是“{value}”', en: '--lang must be zh or en, not “{value}”' },
  'usage.format': {
    zh: '--format 应为 2021 或 2019，而不是“{value}”',
    en: '--format must be 2021 or 2019, not “{value}”',
  },
  'usage.year': {
    zh: '--year 应为 {first} 至 {last} 之间的报告年度，而不是“{value}”',
    en: '--year must be a year from {first} to {last}, not “{value}”',
  },
  'usage.outRequired': { zh: '缺少 --out 文件.xlsx', en: '--out FILE.xlsx is required' },
  'usage.outNotXlsx': {
    zh: '--out 应是 .xlsx 文件，而不是“{file}”',
    en: '--out must name an .xlsx file, not “{file}”',
  },
  'usage.outExists': {
    zh: '{file} 已存在；请换一个文件名，或加 --replace 覆盖',
    en: '{file} already exists; choose another name or pass --replace',
  },

  // ── check ───────────────────────────────────────────────────────────────────────────────────────────────
  'check.summary': {
    zh: '检查年报的统计表（JSON、.xlsx、文本、HTML、.docx），指出最可能出错的单元格',
    en: 'check the tables of reports (JSON, .xlsx, text, HTML, .docx) and locate wrong cells',
  },
  'check.usage': {
    zh: `用法：disclosure-tables check 文件或文件夹... [--previous 文件] [--review 文件.xlsx] [--json] [--explain]
                                  [--lang zh|en]
      disclosure-tables check 汇总报告 --parts 文件夹 [--expect 机关名单.txt] [--json] [--lang zh|en]

检查政府信息公开工作年度报告的统计表（JSON、.xlsx、.txt、.html、.docx；文件夹会逐层查找）。
  --previous 文件   上年的报告（以上任一种文件），用于跨年度校验
  --parts 文件夹    给出的是汇总报告：每个单元格应等于文件夹中同一年度各下级报告之和；列出不相等的单元格、
                   可能缺少的部分（--expect 名单中有而没有报告的、只有上年报告的、无法读取的）和自身有错误的部分
  --expect 文件     与 --parts 一起使用：应当有报告的机关名单，每行一个
  --review 文件.xlsx  另写一份审阅工作簿：每个机关每个年度一行汇总（状态、计数、比率、问题链接），
                   每条问题及其单元格（按行列标题），以及未能读出的内容
  --replace        与 --review 一起使用：文件已存在时覆盖（不会覆盖要检查的文件）
  --json           在标准输出打印一个 JSON 文档
  --explain        对未能从报告原文读出的每个单元格，说明尝试过哪些读法
  --lang zh|en     提示信息的语言（默认 zh）
退出状态：0 没有错误，1 发现错误，2 用法错误或输入无法读取。`,
    en: `Usage: disclosure-tables check FILE_OR_FOLDER... [--previous FILE] [--review FILE.xlsx] [--json] [--explain]
                                  [--lang zh|en]
       disclosure-tables check TOTAL --parts FOLDER [--expect BODIES.txt] [--json] [--lang zh|en]

Checks the tables of 政府信息公开工作年度报告 (JSON, .xlsx, .txt, .html, .docx; folders are searched).
  --previous FILE  last year's report (any of the kinds above), for the cross-year checks
  --parts FOLDER   TOTAL is a consolidated report: every cell must equal the sum of the reports of its year
                   found in FOLDER; lists the cells that differ, the parts that may be missing (a body listed
                   in --expect, or with last year's report only, or unreadable) and parts with errors
  --expect FILE    with --parts: the bodies that must have a report, one name per line
  --review FILE.xlsx  also write a review workbook: a summary row per body and year (status, counts, rates,
                   a link to its findings), every finding with its cells by label, and what could not be read
  --replace        with --review: replace FILE.xlsx if it exists (never an input)
  --json           print one JSON document on stdout
  --explain        say for each cell that could not be read from a report's text what was tried
  --lang zh|en     language of the messages (default zh)
Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input.`,
  },
  'check.noInput': { zh: '请至少给出一个要检查的文件或文件夹', en: 'name at least one file or folder to check' },
  'check.noReport': { zh: '给出的文件夹里没有找到报告', en: 'no report found in the given folders' },
  'check.expectWithoutParts': {
    zh: '--expect 需要与 --parts 文件夹 一起使用',
    en: '--expect goes with --parts FOLDER',
  },

  // ── template ────────────────────────────────────────────────────────────────────────────────────────────
  'template.summary': {
    zh: '写出能自动校验的三张统计表 .xlsx 模板',
    en: 'write the self-checking .xlsx template of the three tables',
  },
  'template.usage': {
    zh: `用法：disclosure-tables template --out 文件.xlsx [--format 2021|2019] [--year N] [--org 机关名称] [--protect]
                                  [--replace] [--lang zh|en]

  --out 文件.xlsx   写出的工作簿
  --format         2021（国办公开办函〔2021〕30号，默认）或 2019（试行格式，用于 2019、2020 年度报告）
  --year N         标题中的报告年度（默认：上一年）
  --org 机关名称     标题中的机关名称
  --protect        保护工作表，只能编辑填报单元格（不设密码）
  --replace        文件已存在时覆盖
  --lang zh|en     提示信息的语言（默认 zh）`,
    en: `Usage: disclosure-tables template --out FILE.xlsx [--format 2021|2019] [--year N] [--org NAME] [--protect]
                                  [--replace] [--lang zh|en]

  --out FILE.xlsx   where to write the workbook
  --format          2021 (国办公开办函〔2021〕30号, default) or 2019 (the trial format, for 2019 and 2020 reports)
  --year N          the report year in the title (default: last year)
  --org NAME        the body (机关名称) in the title
  --protect         protect the sheet so that only the input cells can be edited (no password)
  --replace         replace FILE.xlsx if it exists
  --lang zh|en      language of the messages (default zh)`,
  },
  'template.written': {
    zh: '已写入 {file}（{format} 格式，{year} 年度）。表内公式和条件格式会在 Excel 或 WPS 中自动校验。',
    en: 'Wrote {file} (format {format}, year {year}). Its formulas and conditional formats check the tables in Excel or WPS.',
  },

  // ── sum ─────────────────────────────────────────────────────────────────────────────────────────────────
  'sum.summary': {
    zh: '把多份报告逐格相加，写成一份汇总 .xlsx',
    en: 'add several reports cell by cell into one consolidated .xlsx',
  },
  'sum.usage': {
    zh: `用法：disclosure-tables sum 文件或文件夹... --out 汇总表.xlsx [--force] [--year N] [--org 机关名称] [--replace]
                             [--lang zh|en]

  --out 汇总表.xlsx  写出的汇总工作簿（填入各项之和的自校验模板）
  --force           表内数字不相符的报告也加入（无论是否加入都会列出）
  --year N          标题中的年度（默认：各报告年度一致时取该年度）
  --org 机关名称      标题中的机关名称（例如汇总所属各部门的市政府）
  --replace         汇总表已存在时覆盖
  --lang zh|en      提示信息的语言（默认 zh）

所有报告必须使用同一种格式（2021 或 2019）。单元格里不是数字的文本（如 3件）从不计入：即使加 --force 也拒绝汇总，
并列出文件、单元格和文本。退出状态：0 已写入，1 拒绝汇总（报告有错误或有这样的单元格），2 用法错误或输入无法读取。`,
    en: `Usage: disclosure-tables sum FILE_OR_FOLDER... --out TOTAL.xlsx [--force] [--year N] [--org NAME] [--replace]
                             [--lang zh|en]

  --out TOTAL.xlsx  the consolidated workbook to write (the self-checking template, filled with the sums)
  --force           add inputs even when their tables do not add up (they are listed either way)
  --year N          the year in the title (default: the inputs’ year, when they all agree)
  --org NAME        the body in the title (for example the city whose bodies are added up)
  --replace         replace TOTAL.xlsx if it exists
  --lang zh|en      language of the messages (default zh)

All inputs must use the same format (2021 or 2019). A cell holding text that is not a number (such as 3件) is
never added: sum refuses, even with --force, and names the file, cell and text.
Exit status: 0 written, 1 refused (inputs with errors or such cells), 2 bad usage or unreadable input.`,
  },
  'sum.noInputs': { zh: '请给出要汇总的报告（文件或文件夹）', en: 'name the reports to add (files or folders)' },
  'sum.years': {
    zh: '这些报告的年度不同（或无法识别），请用 --year N 指定汇总表的年度',
    en: 'the reports are for different (or unknown) years; pass --year N',
  },

  // ── narrative ───────────────────────────────────────────────────────────────────────────────────────────
  'narrative.summary': {
    zh: '用统计表的数字写出年报正文的标准段落（生成文字说明）',
    en: 'write the standard paragraphs of the report text from its tables (生成文字说明)',
  },
  'narrative.usage': {
    zh: `用法：disclosure-tables narrative 文件或文件夹... [--lang zh|en]

用统计表的数字写出年报正文中“主动公开”“依申请公开”“行政复议、行政诉讼”的标准段落（中文），输出到标准输出。
  --lang zh|en     正文以外提示信息的语言（默认 zh）
退出状态：0 已写出，2 用法错误或输入无法读取。`,
    en: `Usage: disclosure-tables narrative FILE_OR_FOLDER... [--lang zh|en]

Writes the standard paragraphs of the report text from its tables (the text is Chinese).
  --lang zh|en     language of the notes around the text (default zh)
Exit status: 0 written, 2 bad usage or unreadable input.`,
  },
} satisfies Record<string, MessageTemplate>;
