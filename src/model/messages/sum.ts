/** What `disclosure-tables sum` reports while it adds reports up (its usage errors are in usage.ts). */
import type { MessageTemplate } from './template';

export const SUM_MESSAGES = {
  'sum.outIsInput': {
    zh: '--out {out} 就是要汇总的文件 {file}（同一文件，经由其他路径或链接），未写入',
    en: '--out {out} is the input {file} (the same file, by another path or a link); nothing was written',
  },
  'sum.none': { zh: '给出的文件里没有找到报告', en: 'no report found in the files given' },
  'sum.mixed': {
    zh: '这些报告使用了不同的格式（2019 年试行格式与 2021 年格式），表格的行不同，不能逐格相加。请按格式分别汇总：\n{list}',
    en: 'the reports use different formats (2019 trial format and 2021 format); their tables have different rows and cannot be added cell by cell. Add the reports of one format at a time:\n{list}',
  },
  'sum.duplicate': {
    zh: '注意：{b} 与 {a} 的数字完全相同，是否重复加入了同一份报告？',
    en: 'note: {b} has exactly the numbers of {a}: the same report added twice?',
  },
  'sum.misread': {
    zh: '有 {count} 个单元格填的是文本而不是数字（如“3件”），汇总会漏掉它们，未写入汇总表（加 --force 也不汇总）。请在原报告中改为数字后重新汇总：',
    en: '{count} cell(s) hold text that is not a number (such as “3件”); the sum would leave them out, so nothing was written (not even with --force). Enter numbers in those reports and run sum again:',
  },
  'sum.errors': { zh: '{count} 个错误', en: '{count} error(s)' },
  'sum.more': { zh: '……另有 {count} 个', en: '… {count} more' },
  'sum.refused': {
    zh: '{all} 份报告中有 {count} 份表内数字不相符，未写入汇总表。',
    en: '{count} of {all} report(s) do not add up; nothing was written.',
  },
  'sum.howTo': {
    zh: '请先更正（见 `disclosure-tables check`），或加 --force 按原样汇总。',
    en: 'Correct them (see `disclosure-tables check`), or pass --force to add them as they are.',
  },
  'sum.forced': {
    zh: '按 --force 汇总了 {count} 份有错误的报告：',
    en: 'Adding {count} report(s) with errors (--force):',
  },
  'sum.added': {
    zh: '已将 {count} 份报告（{format} 格式，{year} 年度）汇总到 {file}：',
    en: 'Added {count} report(s) (format {format}, year {year}) into {file}:',
  },
  'sum.unfilled': {
    zh: '有 {count} 个单元格在部分报告中未填写，按 0 计入。',
    en: '{count} cell(s) were not filled in some report and were counted as 0.',
  },
  'sum.allFilled': { zh: '所有报告的单元格均已填写。', en: 'Every cell was filled in every report.' },
  'sum.totalErrors': {
    zh: '汇总表有 {count} 个错误，来自按 --force 加入的报告。',
    en: 'The consolidated tables have {count} error(s): they come from the inputs added with --force.',
  },
  'sum.earlierTotal': {
    zh: '注意：{file} 是本工具之前写出的汇总表，未计入（否则其中各单位会被重复相加）',
    en: 'note: {file} is a consolidated workbook this tool wrote earlier; left out (its bodies would be added twice)',
  },
  'sum.sets': {
    zh: '注意：{workbook} 中有 {count} 套完整的表（工作表{sheets}），只计入工作表「{pick}」（{why}）',
    en: "note: {workbook} holds {count} complete sets of the tables (sheets {sheets}); only sheet '{pick}' is added ({why})",
  },
  'sum.sheet': { zh: '「{name}」', en: "'{name}'" },
  'sum.sheetHidden': { zh: '「{name}」（隐藏）', en: "'{name}' (hidden)" },
  'sum.why.year': { zh: '--year 所指年度的一套', en: 'the set of the year given by --year' },
  'sum.why.named': { zh: '加载项生成并标记的一套', en: 'the set the add-in generated and named' },
  'sum.why.visible': { zh: '第一套未隐藏的表', en: 'the first set not hidden' },
  'sum.why.first': { zh: '第一套', en: 'the first set' },
  'sum.addsUp': { zh: '汇总表的数字全部相符。', en: 'The consolidated tables add up.' },
} satisfies Record<string, MessageTemplate>;
