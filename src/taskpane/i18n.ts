/**
 * The pane's own words (buttons, headings, legend, forms), Chinese first. What a finding says, rule titles and the
 * host's problems are not here: the model's message table says them (`renderFindingShort`, `renderFinding`,
 * `renderRuleTitle`, `host.*`). Labels of the format (table names, row and column labels) come from the format data.
 */
import type { Lang, Severity } from '../model/types';

const zh = {
  appTitle: '政府信息公开年报统计表',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',

  generateHeading: '生成统计表',
  format: '格式',
  formatOption: (year: string, source: string) => `${year} 年版（${source}）`,
  year: '报告年度',
  yearInvalid: '请填写 2000 至 2100 之间的年份。',
  org: '机关名称',
  orgPlaceholder: '例如：某某县人民政府办公室',
  orgMissing: '请填写机关名称，它会出现在表格标题中。',
  target: '生成位置',
  targetNewSheet: '新工作表',
  targetSelection: '当前选中单元格处',
  protect: '保护工作表（只允许在填报单元格中输入）',
  generate: '生成统计表',
  generating: '正在生成…',
  generated: (sheet: string, address: string) => `已在工作表“${sheet}”的 ${address} 生成三张统计表。`,
  targetNotEmpty: (sheet: string, address: string) =>
    `工作表“${sheet}”的 ${address} 处已有数据，为避免覆盖，未作任何改动。`,
  useNewSheet: '改为生成到新工作表',

  statusHeading: '检查概况',
  overallPass: '通过',
  overallNotChecked: '尚未检查',
  overallWarningsNote: (n: number) => `另有 ${n} 条提醒`,
  errors: '错误',
  warnings: '提醒',
  unfilled: '未填',
  table: '表格',
  otherTable: '其他',

  findingsHeading: '检查发现',
  noFindings: '各表勾稽关系一致，未发现问题。',
  severity: { error: '错误', warning: '提醒', info: '说明' } as Record<Severity, string>,
  applySuggestion: '采用建议',
  applying: '正在写入…',
  goToCell: (where: string) => `定位到 ${where}`,
  equationLabel: (col: string) => `“${col}”列`,

  liveCheck: '实时检查',
  checkNow: '立即检查',
  checking: '正在检查…',
  clearHighlights: '清除标记',

  notInExcelTitle: '请在 Excel 中打开',
  notInExcel: '本加载项需要在 Excel 中运行（桌面版或网页版）。',
  loading: '正在加载…',
  panelLoadFailed: '窗格的这一部分未能加载，其余功能不受影响。请关闭并重新打开任务窗格后再试。',

  importHeading: '导入已发布的年报',
  importText: '年报全文',
  importHint: '从网页、PDF 或 Word 复制年报全文（含表二至表四）粘贴到此处，先预览，确认后再写入统计表。',
  importPreview: '读取并预览',
  importReading: '正在读取…',
  importEmpty: '请先粘贴年报文本。',
  importNoTables: '粘贴的文本中没有找到统计表的数字（表二至表四），未写入任何内容。请粘贴包含统计表的年报全文。',
  importDetected: '识别结果',
  importFormat: '格式',
  importYear: '年度',
  importOrg: '机关',
  importUnknown: '未识别',
  importCellsRead: (n: number) => `读到 ${n} 个单元格的数字`,
  importToWrite: (n: number) => `将写入 ${n} 个填报单元格（合计栏由公式计算，不写入）`,
  importNotNumber: (n: number) => `${n} 个单元格的内容不是数字，不会写入`,
  importUnfilled: (n: number) => `${n} 个单元格在报告中为空白，将保持原样`,
  importUnread: (n: number) => `${n} 个单元格未能从原文读出（是本工具没能读出，不是报告未填写），将保持原样`,
  importUnrecognised: (n: number) => `${n} 行含数字的文字无法识别`,
  importShowLines: '查看这些文字',
  importHideLines: '收起',
  importFormatMismatch: (text: string, tables: string) =>
    `文本是 ${text} 年版格式，而工作簿中的统计表是 ${tables} 年版格式，两者的栏目不一致，不能直接导入。请先按 ${text} 年版生成统计表。`,
  importNeedTables: (format: string) => `工作簿中还没有统计表。请先在上方按 ${format} 年版生成统计表，再导入。`,
  importNothingToWrite: '文本中没有可写入填报单元格的数字。',
  importOverwrite: (held: number, changed: number) =>
    `统计表中已有 ${held} 个非零数字，导入将改写其中 ${changed} 个。请确认是否覆盖。`,
  importWrite: '写入统计表',
  importConfirmOverwrite: '确认覆盖',
  importCancel: '取消',
  importWriting: '正在写入…',
  importDone: (n: number) => `已写入 ${n} 个单元格并重新检查，结果见上方“检查概况”。`,
  importNotWritten: '未能写入统计表，原因见窗格顶部的提示。',
  // The import preview's tables, the year/body check and 生成并导入 (ImportPreviewTables, ImportPanel).
  importTablesHeading: '将写入的数字',
  importTablesHint: '表格较宽时可在表内左右滚动。',
  importLegendWrite: '数字：将写入',
  importLegendTotal: '灰色斜体：合计栏，报告中的数字，仅供对照（由公式计算，不写入）',
  importLegendBlank: '“空”：报告中未填写，保持原样',
  importLegendUnread: '“未读出”：本工具没能从原文读出（不是报告未填写），保持原样',
  importLegendNotNumber: '带下划线的文字：不是数字，不写入',
  importCellBlank: '空',
  importCellUnread: '未读出',
  importMismatchYear: (report: number, workbook: number) =>
    `年度不一致：报告是 ${report} 年度的，工作簿中的统计表是 ${workbook} 年度的。`,
  importMismatchOrg: (report: string, workbook: string) =>
    `机关不一致：报告是“${report}”的，工作簿中的统计表是“${workbook}”的。`,
  importMismatchConfirm: '我已核对，仍要导入到这套统计表',
  importOrgNotFound: '报告的标题、开头和“单位：”一行都没有写明机关名称，未与工作簿核对机关。',
  importGenerateAndImport: '生成并导入',
  importGenerating: '正在生成并导入…',
  importGenerateHint: (year: number, format: string) =>
    `工作簿中还没有统计表。可以按报告的 ${year} 年度、${format} 年版格式在新工作表上生成统计表并导入。`,
  importGenerateFailed: (message: string) => `未能生成统计表：${message}`,
  templateDownload: '下载空白模板（.xlsx）',
  templateFailed: '模板生成失败：',
  templateOpened: '模板已在 Excel 中作为新工作簿打开，请保存到本机。',
  templateInBrowser: '已在浏览器中打开模板下载页，文件将在浏览器中下载。',
  // The template download page (template.html), opened in the browser: it says each line in both languages.
  templateMaking: '正在生成模板…',
  templateDownloaded: (file: string) => `模板已下载：${file}`,
  templateAgain: '再次下载',
  templateBadLink: '链接不完整，无法生成模板。请回到 Excel 中的任务窗格重新点击“下载空白模板”。',
  overallNotFilled: '尚未填写',
  overallFilling: '填写中',
  overallErrorCount: (n: number) => `有 ${n} 处错误`,
  overallFillingNote: (n: number) => `还有 ${n} 个单元格未填写；全部填完并且勾稽一致才算通过。`,
  overallNotFilledNote: '表格已生成，还没有填写数字。逐格填写，本年没有发生的填 0。',
  overallDamaged: '未能完整检查',
  overallDamagedNote: '有表格的结构被改动（见上方说明），其中的数字没有全部读出，所以不能算通过。',
  tableNotChecked: '（结构被改动，未完整检查）',
  fillZero: '其余空白填 0',
  fillZeroNote: (n: number) => `将把 ${n} 个空白的填报单元格填为 0（表示本年没有发生），已填的数字不变。`,
  checkedWhere: (sheet: string, range: string) => `正在检查：工作表“${sheet}”${range}`,
  legendHeading: '工作表上的标记',
  legendSuspect: '最可能出错：红底、深红粗体数字',
  legendCandidate: '可能相关：淡紫底',
  legendUnfilled: '尚未填写：淡蓝底',
  causedHeading: '由此引起：',
  restoreFormula: '恢复公式',
  restoring: '正在恢复…',
  showDetails: '详细说明',
  hideDetails: '收起说明',
  generateAgainTitle: (sheet: string) =>
    `工作簿中已有一套统计表（工作表“${sheet}”）。再生成一套后，加载项检查当前工作表上的那一套，也可在窗格中切换；原有表格保留。`,
  generateAgain: '仍然生成',
};

export type Strings = typeof zh;

const en: Strings = {
  appTitle: 'Disclosure report tables',
  switchLanguage: '中文',
  switchLanguageLabel: '切换到中文',

  generateHeading: 'Generate the tables',
  format: 'Format',
  formatOption: (year, source) => `${year} format (${source})`,
  year: 'Report year',
  yearInvalid: 'Enter a year between 2000 and 2100.',
  org: 'Body name (机关名称)',
  orgPlaceholder: 'e.g. 某某县人民政府办公室',
  orgMissing: 'Enter the name of the body; it appears in the title of the tables.',
  target: 'Where',
  targetNewSheet: 'A new sheet',
  targetSelection: 'At the selected cell',
  protect: 'Protect the sheet (typing only in input cells)',
  generate: 'Generate tables',
  generating: 'Generating…',
  generated: (sheet, address) => `The three tables were generated on sheet “${sheet}” at ${address}.`,
  targetNotEmpty: (sheet, address) =>
    `Sheet “${sheet}” already holds data at ${address}. Nothing was changed, so nothing was overwritten.`,
  useNewSheet: 'Generate on a new sheet instead',

  statusHeading: 'Status',
  overallPass: 'Passed',
  overallNotChecked: 'Not checked yet',
  overallWarningsNote: (n) => `plus ${n} warning${n === 1 ? '' : 's'}`,
  errors: 'Errors',
  warnings: 'Warnings',
  unfilled: 'Unfilled',
  table: 'Table',
  otherTable: 'Other',

  findingsHeading: 'Findings',
  noFindings: 'All tables add up. Nothing to report.',
  severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  applySuggestion: 'Apply suggestion',
  applying: 'Writing…',
  goToCell: (where) => `Go to ${where}`,
  equationLabel: (col) => `column “${col}”`,

  liveCheck: 'Live check',
  checkNow: 'Check now',
  checking: 'Checking…',
  clearHighlights: 'Clear highlights',

  notInExcelTitle: 'Open this in Excel',
  notInExcel: 'This add-in runs inside Excel (desktop or on the web).',
  loading: 'Loading…',
  panelLoadFailed:
    'This part of the pane could not be loaded; the rest still works. Close and reopen the task pane to try again.',

  importHeading: 'Import a published report',
  importText: 'Report text',
  importHint:
    'Paste the whole report (tables 二 to 四 included) as copied from a web page, a PDF or Word. You see a preview first and confirm before anything is written.',
  importPreview: 'Read and preview',
  importReading: 'Reading…',
  importEmpty: 'Paste the report text first.',
  importNoTables:
    'No figures of the tables (二 to 四) were found in the pasted text, so nothing was written. Paste the whole report including its tables.',
  importDetected: 'Detected',
  importFormat: 'Format',
  importYear: 'Year',
  importOrg: 'Body',
  importUnknown: 'not found',
  importCellsRead: (n) => `${n} cell${n === 1 ? '' : 's'} read`,
  importToWrite: (n) => `${n} input cell${n === 1 ? '' : 's'} to write (totals are formulas and are not written)`,
  importNotNumber: (n) => `${n} cell${n === 1 ? '' : 's'} not a number: not written`,
  importUnfilled: (n) => `${n} cell${n === 1 ? '' : 's'} left blank in the report: left as they are`,
  importUnread: (n) =>
    `${n} cell${n === 1 ? '' : 's'} could not be read from the text (our reader's failure, not a blank in the report): left as they are`,
  importUnrecognised: (n) => `${n} line${n === 1 ? '' : 's'} with figures not recognised`,
  importShowLines: 'Show these lines',
  importHideLines: 'Hide',
  importFormatMismatch: (text, tables) =>
    `The text is in the ${text} format but the workbook's tables are in the ${tables} format; their rows differ, so it cannot be imported. Generate tables in the ${text} format first.`,
  importNeedTables: (format) =>
    `The workbook has no tables yet. Generate tables in the ${format} format above, then import.`,
  importNothingToWrite: 'The text holds no figure for an input cell.',
  importOverwrite: (held, changed) =>
    `The tables already hold ${held} non-zero figure${held === 1 ? '' : 's'}; importing changes ${changed} of them. Confirm to overwrite.`,
  importWrite: 'Write into the tables',
  importConfirmOverwrite: 'Overwrite',
  importCancel: 'Cancel',
  importWriting: 'Writing…',
  importDone: (n) => `${n} cell${n === 1 ? '' : 's'} written and checked again; see Status above.`,
  importNotWritten: 'The tables could not be written; the message at the top of the pane says why.',
  importTablesHeading: 'Figures to be written',
  importTablesHint: 'Scroll sideways inside a wide table.',
  importLegendWrite: 'Number: written',
  importLegendTotal: 'Grey italics: a total as the report has it, for comparison (a formula computes it; not written)',
  importLegendBlank: '“blank”: left blank in the report; left as it is',
  importLegendUnread: '“unread”: the tool could not read it from the text (not the report’s blank); left as it is',
  importLegendNotNumber: 'Underlined text: not a number; not written',
  importCellBlank: 'blank',
  importCellUnread: 'unread',
  importMismatchYear: (report, workbook) =>
    `Different year: the report is for ${report}, the workbook’s tables for ${workbook}.`,
  importMismatchOrg: (report, workbook) =>
    `Different body: the report is “${report}”’s, the workbook’s tables are “${workbook}”’s.`,
  importMismatchConfirm: 'I have checked: import into these tables anyway',
  importOrgNotFound:
    'The report names no body in its title, opening or a “单位：” line: the body was not compared with the workbook’s.',
  importGenerateAndImport: 'Generate and import',
  importGenerating: 'Generating and importing…',
  importGenerateHint: (year, format) =>
    `The workbook has no tables yet. Tables for the report’s year ${year}, in the ${format} format, can be generated on a new sheet and filled from it.`,
  importGenerateFailed: (message) => `The tables could not be generated: ${message}`,
  templateDownload: 'Download a blank template (.xlsx)',
  templateFailed: 'The template could not be made: ',
  templateOpened: 'The template opened in Excel as a new workbook; save it on this computer.',
  templateInBrowser: 'A download page opened in your browser; the file downloads there.',
  templateMaking: 'Making the template…',
  templateDownloaded: (file) => `The template was downloaded: ${file}`,
  templateAgain: 'Download again',
  templateBadLink: 'This link is incomplete. Go back to the task pane in Excel and click the template button again.',
  overallNotFilled: 'Not filled yet',
  overallFilling: 'Being filled',
  overallErrorCount: (n) => `${n} mistake${n === 1 ? '' : 's'}`,
  overallFillingNote: (n) =>
    `${n} cell${n === 1 ? '' : 's'} still blank; the tables pass only when every cell is filled and everything adds up.`,
  overallNotFilledNote:
    'The tables are generated but hold no figures yet. Fill every cell; type 0 for what did not happen.',
  overallDamaged: 'Not fully checked',
  overallDamagedNote:
    'The layout of a table was changed (see the message above), so not all of its figures could be read: this is not a pass.',
  tableNotChecked: '(layout changed, not fully checked)',
  fillZero: 'Fill the remaining blanks with 0',
  fillZeroNote: (n) =>
    `${n} blank input cell${n === 1 ? '' : 's'} will get 0 (nothing happened); figures already typed stay.`,
  checkedWhere: (sheet, range) => `Checking: sheet “${sheet}” ${range}`,
  legendHeading: 'Marks on the sheet',
  legendSuspect: 'Most likely wrong: red, bold dark-red figure',
  legendCandidate: 'Could be involved: lavender',
  legendUnfilled: 'Not filled yet: light blue',
  causedHeading: 'This causes:',
  restoreFormula: 'Restore the formula',
  restoring: 'Restoring…',
  showDetails: 'Details',
  hideDetails: 'Hide details',
  generateAgainTitle: (sheet) =>
    `The workbook already has a set of tables (sheet “${sheet}”). After generating another set, the add-in checks the set on the active sheet, and you can switch sets in the pane; the old tables stay.`,
  generateAgain: 'Generate anyway',
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

/** Office display language (`zh-CN`, `en-US` …) → pane language: Chinese unless the user runs Office in another language. */
export function langFromLocale(locale: string | undefined | null): Lang {
  if (!locale) return 'zh';
  return /^zh\b/i.test(locale) ? 'zh' : 'en';
}
