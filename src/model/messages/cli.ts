/**
 * The command line's own texts: the report of `check`, its summary table, `--parts` and `narrative`.
 */
import type { MessageTemplate } from './template';

export const CLI_MESSAGES = {
  // ── Command line (`disclosure-tables check`) ─────────────────────────────────────────────────────────────
  'cli.reportHeading': { zh: '{file}', en: '{file}' },
  'cli.reportMeta': { zh: '{org}{year} 年度 · {format} 格式', en: '{org}year {year} · format {format}' },
  'cli.reportMetaNoYear': { zh: '{org}{format} 格式', en: '{org}format {format}' },
  'cli.counts': {
    zh: '{errors} 个错误，{warnings} 个警告，{unfilled} 个单元格未填写',
    en: '{errors} errors, {warnings} warnings, {unfilled} unfilled cells',
  },
  'cli.ruleCounts': {
    zh: '校验 {checked} 项：通过 {passed}，未通过 {failed}，不完整 {incomplete}',
    en: '{checked} checks: {passed} passed, {failed} failed, {incomplete} incomplete',
  },
  'cli.allGood': { zh: '表内数字全部相符。', en: 'All figures agree.' },
  'cli.verdict': { zh: '结论：{verdict}', en: 'Verdict: {verdict}' },
  'verdict.errors': { zh: '有错误', en: 'errors found' },
  'verdict.incomplete': { zh: '未填写完整', en: 'incomplete' },
  'verdict.warnings': { zh: '有警告', en: 'warnings' },
  'verdict.unread': { zh: '部分单元格未能读出，未全部核对', en: 'some cells could not be read: not fully checked' },
  'verdict.pass': { zh: '通过', en: 'passed' },
  'cli.previous': { zh: '与上年报告对照：{file}', en: 'Compared with last year: {file}' },
  'cli.noPrevious': {
    zh: '（未提供上年报告，未做跨年度校验）',
    en: '(no previous year given: cross-year checks skipped)',
  },
  'cli.error': { zh: '错误', en: 'error' },
  'cli.warning': { zh: '警告', en: 'warning' },
  'cli.info': { zh: '提示', en: 'note' },
  'cli.cells': { zh: '涉及单元格：{cells}', en: 'cells: {cells}' },
  'cli.values': {
    zh: '填报 {reported}，计算 {computed}，差 {diff}',
    en: 'reported {reported}, computed {computed}, difference {diff}',
  },
  'cli.suspects': { zh: '可能出错：{cells}', en: 'suspects: {cells}' },
  'cli.suggestion': { zh: '建议改为：{values}', en: 'suggestion: {values}' },
  'cli.suggestionTypo': { zh: '建议改为：{values}（疑似数字输入错误）', en: 'suggestion: {values} (a digit typo)' },
  'cli.otherTables': { zh: '其他', en: 'Other' },
  'cli.unrecognised': { zh: '未能识别的内容（{count} 处）：', en: 'Not recognised ({count}):' },
  'cli.notes': { zh: '读取说明（{count} 条）：', en: 'How the report was read ({count}):' },

  // ── Cells a report reader could not read (never the report's fault: not the same as unfilled) ────────────
  'cli.unread': {
    zh: '未能从原文读出的单元格（{count} 个；是本工具没能读出，不是报告未填写）：',
    en: 'Cells not read from the text ({count}; this tool could not read them, the report did not leave them blank):',
  },
  'cli.unreadCount': { zh: '另有 {count} 个单元格未能读出', en: '{count} more cells not read' },
  'cli.unreadLine': { zh: '原文：{line}', en: 'text: {line}' },
  'cli.unreadTried': { zh: '尝试过：{tried}', en: 'tried: {tried}' },
  'cli.unreadable': { zh: '无法读取：{file}：{message}', en: 'cannot read {file}: {message}' },
  'cli.summaryTitle': { zh: '汇总（{count} 份报告）', en: 'Summary ({count} reports)' },
  'cli.colFile': { zh: '文件', en: 'file' },
  'cli.colOrg': { zh: '机关', en: 'body' },
  'cli.colYear': { zh: '年度', en: 'year' },
  'cli.colErrors': { zh: '错误', en: 'errors' },
  'cli.colWarnings': { zh: '警告', en: 'warnings' },
  'cli.colUnfilled': { zh: '未填', en: 'unfilled' },
  'cli.progress': { zh: '正在读取', en: 'Reading' },
  'cli.rates': { zh: '比率：{list}', en: 'Rates: {list}' },

  // ── Generated narrative (`narrative-gen.ts`, `disclosure-tables narrative`, the pane) ────────────────────────
  'narrative.noInput': { zh: '请给出报告文件或文件夹', en: 'name a report file or folder' },
  'narrative.none': { zh: '给出的文件里没有找到报告', en: 'no report found in the files given' },
  'narrative.unfilled': {
    zh: '注意：{file} 有 {count} 个单元格未填写，文中以【待填】标出：{cells}',
    en: 'note: {file} has {count} unfilled cell(s), marked 【待填】 in the text: {cells}',
  },

  // ── check TOTAL --parts FOLDER (`cli/commands/parts.ts`) ─────────────────────────────────────────────────
  'parts.heading': {
    zh: '汇总核对：{total}与 {count} 份下级报告逐格相加比对',
    en: 'Consolidation check: {total} against the sum of {count} part report(s), cell by cell',
  },
  'parts.totalOk': { zh: '汇总报告自身表内数字相符。', en: 'The consolidated report adds up in itself.' },
  'parts.totalErrors': {
    zh: '汇总报告自身有 {count} 个错误（见 disclosure-tables check）。',
    en: 'The consolidated report has {count} error(s) of its own (see disclosure-tables check).',
  },
  'parts.allEqual': {
    zh: '每个单元格都等于各部分之和。',
    en: 'Every cell equals the sum of the parts.',
  },
  'parts.differHeading': {
    zh: '不等于各部分之和的单元格（{count} 个）：',
    en: 'Cells that are not the sum of the parts ({count}):',
  },
  'parts.differ': {
    zh: '{cell}：汇总报告填 {stated}，各部分之和为 {sum}，相差 {diff}',
    en: '{cell}: the consolidated report says {stated}, the parts add up to {sum} ({diff})',
  },
  'parts.differUnfilled': {
    zh: '{cell}：汇总报告未填写，各部分之和为 {sum}',
    en: '{cell}: not filled in the consolidated report; the parts add up to {sum}',
  },
  'parts.missingHeading': { zh: '可能缺少的部分（{count} 个）：', en: 'Parts that may be missing ({count}):' },
  'parts.missingExpected': {
    zh: '{org}：在名单中，但文件夹里没有它本年度的报告',
    en: '{org}: on the list, but the folder has no report of it for this year',
  },
  'parts.missingLastYear': {
    zh: '{org}：有 {year} 年度的报告（{file}），没有本年度的报告',
    en: '{org}: has a report for {year} ({file}) but none for this year',
  },
  'parts.missingUnreadable': {
    zh: '{file}：无法读取（{message}），其数字未计入',
    en: '{file}: cannot be read ({message}); its figures are not in the sum',
  },
  'parts.failingHeading': {
    zh: '自身表内数字不相符的部分（{count} 个）：',
    en: 'Parts whose own tables do not add up ({count}):',
  },
  'parts.failing': { zh: '{part}：{count} 个错误', en: '{part}: {count} error(s)' },
  'parts.duplicate': {
    zh: '注意：{a} 与 {b} 是同一机关，是否重复计入？',
    en: 'note: {a} and {b} are the same body: counted twice?',
  },
  'parts.unlisted': { zh: '注意：{part} 不在名单中，已计入', en: 'note: {part} is not on the list; it was added' },
  'parts.otherFormat': {
    zh: '注意：{part} 使用另一种格式，不能逐格相加，未计入',
    en: 'note: {part} uses the other format and cannot be added cell by cell; not added',
  },
  'parts.oneTotal': {
    zh: '--parts 需要恰好一份汇总报告，而给出的文件中有 {count} 份',
    en: '--parts needs exactly one consolidated report; the files given hold {count}',
  },
  'parts.none': {
    zh: '--parts 文件夹里没有找到本年度的下级报告',
    en: 'no part report of the year found in the --parts folder',
  },
} satisfies Record<string, MessageTemplate>;
