/**
 * The readers' texts: why a cell could not be read (`unread.*`, never the report's fault) and what was tried.
 */
import type { MessageTemplate } from './template';

export const READER_MESSAGES = {
  'unread.tableMissing': { zh: '原文中没有找到这张表', en: 'the table is not in the text' },
  'unread.rowMissing': { zh: '原文中没有找到这一行', en: 'no line of the text matched this row' },
  'unread.columns': {
    zh: '这一行的数字少于列数，无法确定各数字属于哪一列',
    en: 'the row holds fewer figures than columns and their columns cannot be told',
  },
  'unread.tooMany': { zh: '这一行的数字多于列数', en: 'the row holds more figures than columns' },
  'unread.stray': {
    zh: '这一行的数字中夹有一个单独的数字（可能是页码）',
    en: 'a lone figure (a page number?) sits among the row’s figures',
  },
  'unread.contradicts': {
    zh: '这一行数字的各种排法都与表内合计不符',
    en: 'every placement of the row’s figures contradicts the table’s totals',
  },
  'unread.doubled': {
    zh: '原文有紧接着重复的一行，可能是重复复制并掩盖了丢失的一行，两种读法不一致',
    en: 'a line repeated right after itself may be a doubled copy standing for a lost line; the readings disagree',
  },
  'unread.spanned': {
    zh: '这个数字在原表中跨行合并，不能归到某一行',
    en: 'the figure is merged across rows in the table and belongs to no one row',
  },
  'unread.twoBlocks': { zh: '表四下有两行数字，无法确定哪一行属于本报告', en: 'two rows of figures under table 四' },
  'unread.twoReports': {
    zh: '文件中有不止一份报告，无法区分',
    en: 'the file holds more than one report and they could not be told apart',
  },
  'unread.tried.lone': {
    zh: '按 {columns} 列排 {figures} 个数字，分别去掉单独的数字再读',
    en: '{figures} figures in {columns} columns, read again without each lone figure',
  },
  'unread.tried.tooMany': { zh: '{figures} 个数字，{columns} 列', en: '{figures} figures for {columns} columns' },
  'unread.tried.tooManyPlacements': {
    zh: '{figures} 个数字排入 {columns} 列的排法太多，未逐一尝试',
    en: '{figures} figures in {columns} columns: too many placements to try',
  },
  'unread.tried.noneAgrees': {
    zh: '{figures} 个数字排入 {columns} 列共 {placements} 种排法，没有一种与合计相符',
    en: '{placements} placements of {figures} figures in {columns} columns, none agrees with the totals',
  },
  'unread.tried.severalAgree': {
    zh: '{figures} 个数字排入 {columns} 列，仍有 {placements} 种排法与合计相符，结果不一',
    en: '{figures} figures in {columns} columns: {placements} placements agree with the totals and differ',
  },
  'unread.tried.doubled': {
    zh: '分别按保留和去掉第 {lines} 行的重复行读了一遍，两种读法不一致',
    en: 'read with and without the repeated line {lines}: the readings disagree',
  },
  'unread.tried.repeats': {
    zh: '有 {figures} 行紧接着重复，超过 {placements} 种读法可以分辨的范围',
    en: '{figures} lines repeat the line before them, more than {placements} readings can tell apart',
  },
  'unread.tried.blocks': { zh: '找到 {figures} 行数字', en: '{figures} rows of figures found' },

  // ── Notes on how a report was read (`ReaderNote`, rendered by src/io/reader-notes.ts) ──────────────────────
  'note.cutShort': {
    zh: '原文在{table}中途结束，最后一个数字可能被截断，这一行没有读取',
    en: 'the text ends inside {table}, right after a figure that may be cut short: that row was not read',
  },
  'note.formatAssumed': {
    zh: '原文中没有能区分两种格式的标签，按 {format} 格式读取',
    en: 'no label tells the two formats apart: read as the {format} format',
  },
  'note.sideBySide': {
    zh: '两份报告并排，但没有一行写明各自的年度（如“2023 年报告   2024 年报告”），没有读取',
    en: 'two reports side by side without a line naming their years (such as "2023 年报告   2024 年报告"): not read',
  },
  'note.endsEarly': {
    zh: '第 {line} 行是另一份报告的标题，本报告在表四之前就中断了：之后的内容按另一份报告读取，本报告缺少的部分没有读取',
    en: 'line {line} is the title of another report, before this report’s table 四: this report breaks off there; what it lacks was not read',
  },
  'note.continuesAsAnother': {
    zh: '第 {line} 行起表格重新开始，上方没有报告标题：之后的内容按另一份报告读取，没有计入本报告（两份报告的分界是推断的）',
    en: 'the tables start again at line {line} with no title above them: the text from there on was read as another report, not this one (where they part is a guess)',
  },
  'note.startGuessed': {
    zh: '本报告从第 {line} 行开始：表格在此重新开始，上方没有报告标题，按另一份报告读取（两份报告的分界是推断的）',
    en: 'this report starts at line {line}, where the tables start again with no title above them (where the two reports part is a guess)',
  },
  'note.placedByOrder': {
    zh: '{row}：原文的行标题“{label}”与标准格式不同，按行的顺序读取',
    en: '{row}: the text labels it “{label}”, not as the format does; placed by its order among the rows',
  },
  'note.tableNotFound': { zh: '工作簿中没有找到{table}', en: '{table} was not found in the workbook' },
  'note.strayText': {
    zh: '{table}中有未能识别的内容“{text}”',
    en: '{table} holds text that was not recognised: “{text}”',
  },
  'note.labelsMissing': {
    zh: '{table}中找不到这些标签：{labels}',
    en: 'labels not found in {table}: {labels}',
  },
  'note.row': { zh: '{table}“{row}”行', en: '{table} row “{row}”' },
  'note.quoted': { zh: '「{text}」', en: '“{text}”' },

  // ── A file that cannot be read at all (`InputError`, exit 2; `check` lists it among the unreadable) ──────────
  'read.notRegular': {
    zh: '不是普通文件（管道、设备或套接字），没有读取',
    en: 'not a regular file (a pipe, device or socket); not read',
  },
  'read.dangling': { zh: '链接指向的文件不存在，没有读取', en: 'a link to nothing; not read' },
  'read.cannotList': { zh: '无法列出文件夹内容（{code}）', en: 'cannot list the folder ({code})' },
  'read.noSuchFile': { zh: '没有这个文件或文件夹', en: 'no such file or folder' },
  'read.permission': { zh: '没有读取权限', en: 'permission denied' },
  'read.isFolder': { zh: '是文件夹', en: 'is a folder' },
  'read.linkLoop': { zh: '链接循环，无法到达文件', en: 'a loop of links' },
  'read.tooLarge': {
    zh: '文件太大（{size} MB），超过 {max} MB 上限，不像年度报告或统计表',
    en: 'the file is too large ({size} MB, over the {max} MB limit): not a report or its tables',
  },
  'read.noReader': {
    zh: '不是本工具能读取的文件（请使用 .json、.xlsx、.txt、.html 或 .docx）',
    en: 'not a file this tool can read (use .json, .xlsx, .txt, .html or .docx)',
  },
  'read.other': { zh: '无法读取（{message}）', en: 'cannot be read ({message})' },
  'read.json.notObject': {
    zh: '{label}：应是含有 "format" 和 "cells" 的对象',
    en: '{label}: expected an object with "format" and "cells"',
  },
  'read.json.cells': {
    zh: '{label}："cells" 应是“单元格编号 → 值”的对象',
    en: '{label}: "cells" must be an object of cell id → value',
  },
  'read.json.format': {
    zh: '{label}："format" 应为 "2021" 或 "2019"，而不是 {value}',
    en: '{label}: "format" must be "2021" or "2019", not {value}',
  },
  'read.json.year': {
    zh: '{label}："year" 应是年份（如 2025），而不是 {value}',
    en: '{label}: "year" must be a year such as 2025, not {value}',
  },
  'read.json.value': {
    zh: '{label}：{id} 的值应是数字、字符串或 null',
    en: '{label}: the value of {id} must be a number, a string or null',
  },
  'read.json.theReport': { zh: '报告', en: 'the report' },
  'read.json.reportN': { zh: '第 {n} 份报告', en: 'report {n}' },
  'read.json.zip': {
    zh: '不是 JSON，而是 zip 文件（被命名为 .json 的 .xlsx 或 .docx？）；请改回它本来的扩展名',
    en: 'not JSON but a zip (an .xlsx or .docx named .json?); give it its real extension',
  },
  'read.json.invalid': { zh: '不是有效的 JSON（{why}）', en: 'not valid JSON ({why})' },
  'read.json.empty': { zh: '没有找到报告', en: 'holds no report' },
  'read.text.noTables': {
    zh: '没有找到政府信息公开工作年度报告的统计表（没有含数字的表二、表三或表四的行）',
    en: 'no table of a 政府信息公开工作年度报告 found (no row of 表二, 表三 or 表四 with numbers)',
  },
  'read.docx.unreadable': {
    zh: '不是可以读取的 Word（.docx）文档（{why}）',
    en: 'not a readable Word (.docx) document ({why})',
  },
  'read.docx.nested': {
    zh: '表格或段落嵌套过深，不像年度报告',
    en: 'tables or paragraphs nested too deeply for a report',
  },
  'read.xlsx.unreadable': { zh: '不是可以读取的 .xlsx 文件（{why}）', en: 'not a readable .xlsx file ({why})' },
  'read.xlsx.encrypted': {
    zh: '这个工作簿设置了打开密码（已加密），无法读取；请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再读取',
    en: 'this workbook has an opening password (it is encrypted) and cannot be read; remove the password in Excel or WPS and save it as .xlsx',
  },
  'read.xlsx.old': {
    zh: '这是旧版 Excel（.xls）或 WPS（.et）工作簿，请在 Excel 或 WPS 中“另存为” .xlsx 后再读取',
    en: 'this is an old Excel (.xls) or WPS (.et) workbook: use "Save As" .xlsx in Excel or WPS, then read that',
  },
  'read.xlsx.saveAs': {
    zh: '请在 Excel 或 WPS 中把工作簿“另存为” .xlsx 后再读取',
    en: 'use "Save As" .xlsx in Excel or WPS, then read that',
  },
  'read.xlsx.noTables': {
    zh: '工作簿里没有找到表二、表三或表四（按表格的行标题和列标题查找，例如「{example}」）',
    en: 'no table 二, 三 or 四 found in the workbook (tables are found by their row and column labels, such as 「{example}」)',
  },
  'read.xlsx.noWorkbook': { zh: '没有工作簿部件，不是 .xlsx', en: 'no workbook part: not an .xlsx' },
  'read.xlsx.badRef': { zh: '单元格地址 {ref} 无效', en: 'bad cell reference {ref}' },
  'read.zip.tooLarge': {
    zh: '解压后超过 {mb} MB，不像统计表工作簿（可能是“zip 炸弹”）',
    en: 'inflates to more than {mb} MB: not a workbook of report tables (a "zip bomb"?)',
  },
  'read.zip.notZip': { zh: '不是 zip 文件', en: 'not a zip file' },
  'read.zip.zip64': { zh: '不支持 zip64 格式', en: 'zip64 archives are not supported' },
  'read.zip.directory': { zh: 'zip 目录已损坏', en: 'damaged zip directory' },
  'read.zip.encrypted': {
    zh: '文件设置了密码（已加密），无法读取；请取消密码后另存再读取',
    en: 'the file is password-protected (encrypted) and cannot be read; remove the password and save it again',
  },
  'read.zip.entry': { zh: 'zip 条目 {name} 已损坏', en: 'damaged zip entry {name}' },
  'read.zip.method': {
    zh: 'zip 条目 {name} 使用了不支持的压缩方式（{method}）',
    en: 'zip entry {name} uses an unsupported compression ({method})',
  },
} satisfies Record<string, MessageTemplate>;
