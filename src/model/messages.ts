/**
 * The one table of message templates, Chinese first, English second, keyed by rule id (and `rule.subKey` where a
 * rule says different things in different cases), `title.<rule>` for what a rule checks. Every sentence meant for
 * people (findings, rule titles, the command line) is written here, so the wording stays consistent and a
 * translation can be reviewed in one place; `renderFinding` (render.ts) fills the findings' templates.
 *
 * Templates are plain strings with `{name}` placeholders. Labels are never written here: callers pass them as
 * parameters, derived from `formats/labels.ts`.
 */
import { formatNumber } from './numbers';
import type { Lang } from './types';

export type MessageParams = Readonly<Record<string, string | number | undefined>>;

export interface MessageTemplate {
  zh: string;
  en: string;
}

export const MESSAGES = {
  // ── Relations within one report ──────────────────────────────────────────────────────────────────────────
  'T3.balance': {
    zh: '{table}“{col}”列：{left} = {computed}，{right} = {reported}，相差 {diff}',
    en: '{table}, column “{col}”: {left} = {computed} but {right} = {reported}, a difference of {diff}',
  },
  'T3.rowTotal': {
    zh: '{table}“{row}”行：“{total}”填 {reported}，各申请人之和为 {computed}，相差 {diff}',
    en: '{table}, row “{row}”: “{total}” says {reported} but the applicant columns add up to {computed} ({diff})',
  },
  'T3.resultTotal': {
    zh: '{table}“{col}”列：“{total}”填 {reported}，各项办理结果之和为 {computed}，相差 {diff}',
    en: '{table}, column “{col}”: “{total}” says {reported} but the results add up to {computed} ({diff})',
  },
  'T4.groupTotal': {
    zh: '{table}“{group}”：“{total}”填 {reported}，{parts} = {computed}，相差 {diff}',
    en: '{table}, “{group}”: “{total}” says {reported} but {parts} = {computed} ({diff})',
  },

  // ── The error locator, appended to a relation's message ──────────────────────────────────────────────────
  'locate.suspects': {
    zh: '；最可能出错的是 {cells}',
    en: '; most likely wrong: {cells}',
  },
  'locate.suspectsMany': {
    zh: '；以下单元格都可能出错，无法确定是哪一个：{cells}',
    en: '; any of these cells could be wrong, the tables cannot tell which: {cells}',
  },
  'locate.suggestion': {
    zh: '，应为 {values}',
    en: ', probably {values}',
  },
  'locate.digitTypo': {
    zh: '，疑似数字输入错误（如数位颠倒），应为 {values}',
    en: ', which looks like a digit typo (such as swapped digits): probably {values}',
  },

  // ── Values ───────────────────────────────────────────────────────────────────────────────────────────────
  'V.notNumber': {
    zh: '{cell}填的是“{raw}”，不是数字；请填写数字，没有发生的填 0（计算时按未填写处理）',
    en: '{cell} holds “{raw}”, which is not a number; enter a number, 0 when nothing happened (counted as unfilled)',
  },
  'V.negative': {
    zh: '{cell}为负数 {value}，件数不能小于 0',
    en: '{cell} is negative ({value}); a count cannot be below 0',
  },
  'V.negativeAmount': {
    zh: '{cell}为负数 {value}，金额不能小于 0',
    en: '{cell} is negative ({value}); an amount cannot be below 0',
  },
  'V.fraction': {
    zh: '{cell}为小数 {value}，件数应为整数',
    en: '{cell} is a fraction ({value}); a count must be a whole number',
  },
  'V.fullWidth': {
    zh: '{cell}的“{raw}”用了全角字符，已按 {value} 计算；请改为半角数字',
    en: '{cell} holds “{raw}” in full-width characters, read as {value}; type half-width digits instead',
  },
  'V.textNumber': {
    zh: '{cell}的“{raw}”是以文本形式存储的数字，已按 {value} 计算；请改为数值',
    en: '{cell} holds the number “{raw}” stored as text, read as {value}; store it as a number',
  },
  'V.unfilled': {
    zh: '{table}有 {count} 个单元格未填写（空白或“/”“-”“无”等），计算时按 0 处理：{cells}；没有发生的请填 0',
    en: '{table} has {count} unfilled cells (blank or “/”, “-”, “无” …), counted as 0: {cells}; enter 0 where nothing happened',
  },

  // ── Plausibility ────────────────────────────────────────────────────────────────────────────────────────
  'P.issuedVsInForce': {
    zh: '{table}“{row}”：{issuedLabel} {issued}，多于{inForceLabel} {inForce} 与{repealedLabel} {repealed} 之和，请核实',
    en: '{table}, “{row}”: {issued} issued this year is more than {inForce} in force plus {repealed} repealed; please verify',
  },
  'P.feeDecimals': {
    zh: '{cell}为 {value}，小数超过 4 位；单位是万元，是否把以元为单位的金额填了进来？',
    en: '{cell} is {value}, with more than 4 decimals; the unit is 万元 (10,000 yuan): was an amount in yuan typed?',
  },
  'P.regulationsAtLocalLevel': {
    zh: '{level}一般无权制定规章，但{table}“{row}”填有数字（{cells}），请核实是否应填在“{normRow}”',
    en: 'A {level} body cannot normally make “{row}” (regulations), yet {table} row “{row}” has figures ({cells}); should they be under “{normRow}”?',
  },
  'P.copiedText': {
    zh: '“{section}”与上年报告相同或几乎相同的句子占 {percent}%（{sentences} 句中 {repeated} 句；数字不同的句子也计在内），请确认不是照抄上年',
    en: '{percent}% of the sentences of “{section}” ({repeated} of {sentences}, figures aside) are (nearly) the same as last year’s: check that the text was not copied',
  },
  'P.sameAsLastYear': {
    zh: '本年{tables}的数字与上年完全相同（共 {count} 个单元格），请确认没有沿用上年的表格',
    en: 'All {count} figures of {tables} are the same as last year; check that last year’s tables were not reused',
  },

  // ── Across two years ────────────────────────────────────────────────────────────────────────────────────
  'X.carry': {
    zh: '{table}“{col}”列：本年“{carryIn}”为 {reported}，上年“{carryOut}”为 {computed}，相差 {diff}（机构改革或更正上年数据时可能如此）',
    en: '{table}, column “{col}”: carried over this year {reported}, but last year carried {computed} forward ({diff}); this can be right after a reorganisation or a corrected figure',
  },
  'X.inForce': {
    zh: '{table}“{row}”：{inForceLabel} {reported}，而上年 {previous} + {issuedLabel} {issued} − {repealedLabel} {repealed} = {computed}，相差 {diff}',
    en: '{table}, “{row}”: {reported} in force, but last year’s {previous} + {issued} issued − {repealed} repealed = {computed} ({diff})',
  },

  // ── Formulas of a generated sheet ───────────────────────────────────────────────────────────────────────
  'F.notFormula': {
    zh: '{cell}是合计单元格，原有公式已被输入的数字 {value} 覆盖，不再自动求和；请恢复公式 {expected}',
    en: '{cell} is a total whose formula was typed over with {value}: it no longer adds up by itself; restore {expected}',
  },
  'F.formulaRange': {
    zh: '{cell}的公式 {formula} 没有正好包含应加总的单元格（应为 {expected}），可能是在表中插入或删除了行、列',
    en: '{cell} has the formula {formula}, which does not cover exactly its parts (should be {expected}); rows or columns were probably inserted or deleted inside the table',
  },
  'FMT.outdated': {
    zh: '{year} 年度报告应使用 {expected} 格式，这里用的是 {actual} 格式',
    en: 'A report for {year} should use the {expected} format, not {actual}',
  },

  // ── Narrative (一、总体情况) against the tables ──────────────────────────────────────────────────────────────
  'N.received': {
    zh: '总体情况写“{phrase}”，而{where}为 {table}{alt}',
    en: 'The overview says “{phrase}”, but {where} is {table}{alt}',
  },
  'N.withCarryIn': {
    zh: '（加上年结转为 {value}）',
    en: ' ({value} with the applications carried over)',
  },
  'N.noApplications': {
    zh: '总体情况写“{phrase}”，而{where}为 {table}',
    en: 'The overview says “{phrase}” (no applications), but {where} is {table}',
  },
  'N.carryIn': {
    zh: '总体情况写“{phrase}”，而{where}为 {table}',
    en: 'The overview says “{phrase}”, but {where} is {table}',
  },
  'N.completed': {
    zh: '总体情况写“{phrase}”，而{where}为 {table}',
    en: 'The overview says “{phrase}”, but {where} is {table}',
  },
  'N.carryOut': {
    zh: '总体情况写“{phrase}”，而{where}为 {table}',
    en: 'The overview says “{phrase}”, but {where} is {table}',
  },
  'N.resultCount': {
    zh: '总体情况写“{phrase}”，而{where}为 {table}',
    en: 'The overview says “{phrase}”, but {where} is {table}',
  },
  'N.resultPercent': {
    zh: '总体情况写“{phrase}”，而 {numerator} 件占办理结果总计 {total} 件应为 {table}%',
    en: 'The overview says “{phrase}”, but {numerator} out of the {total} completed applications is {table}%',
  },
  'N.resultPercent.sentence': {
    zh: '总体情况写“{phrase}”，而 {numerator} 件占同句所写总数 {total} 件应为 {table}%',
    en: 'The overview says “{phrase}”, but {numerator} out of the {total} its sentence states is {table}%',
  },
  'N.review': {
    zh: '总体情况写“{phrase}”，而{where}为 {table}',
    en: 'The overview says “{phrase}”, but {where} is {table}',
  },
  'N.suit': {
    zh: '总体情况写“{phrase}”，而{where}合计为 {table}',
    en: 'The overview says “{phrase}”, but {where} add up to {table}',
  },
  'N.allCompleted': {
    zh: '总体情况写“{phrase}”，而{where}为 {table}，仍有申请结转下年度办理',
    en: 'The overview says “{phrase}”, but {where} is {table}: applications are carried over to next year',
  },
  'N.allUpheld': {
    zh: '总体情况写“{phrase}”，而{where}合计为 {table}，并非全部维持',
    en: 'The overview says “{phrase}”, but {where} add up to {table}: not all were upheld',
  },

  // ── Rule titles: what each rule checks, for headings and help ───────────────────────────────────────────
  'title.T3.balance': {
    zh: '表三各列：一 + 二 = 三（七）总计 + 四',
    en: 'Table 3 columns: new + carried in = results + carried out',
  },
  'title.T3.rowTotal': {
    zh: '表三各行：总计 = 各申请人之和',
    en: 'Table 3 rows: total = sum of the applicant columns',
  },
  'title.T3.resultTotal': {
    zh: '表三各列：（七）总计 = 各项办理结果之和',
    en: 'Table 3 columns: result total = sum of the results',
  },
  'title.T4.groupTotal': { zh: '表四各组：总计 = 各项结果之和', en: 'Table 4 groups: total = sum of the results' },
  'title.V.notNumber': { zh: '单元格应填数字', en: 'Cells hold numbers' },
  'title.V.negative': { zh: '件数和金额不能为负', en: 'Counts and amounts are not negative' },
  'title.V.fraction': { zh: '件数应为整数', en: 'Counts are whole numbers' },
  'title.V.fullWidth': { zh: '数字应为半角', en: 'Digits are half-width' },
  'title.V.textNumber': { zh: '数字不应以文本形式存储', en: 'Numbers are not stored as text' },
  'title.V.unfilled': { zh: '每个单元格都应填写（没有的填 0）', en: 'Every cell is filled (0 when nothing happened)' },
  'title.P.issuedVsInForce': { zh: '本年制发 ≤ 现行有效 + 本年废止', en: 'Issued ≤ in force + repealed' },
  'title.P.feeDecimals': { zh: '收费金额（万元）最多 4 位小数', en: 'Fee amount (万元) has at most 4 decimals' },
  'title.P.regulationsAtLocalLevel': { zh: '县级及以下机关不制定规章', en: 'County and town bodies make no 规章' },
  'title.P.copiedText': { zh: '正文不应照抄上年', en: 'Text not copied from last year' },
  'title.P.sameAsLastYear': { zh: '表格不应与上年完全相同', en: 'Tables differ from last year’s' },
  'title.X.carry': { zh: '本年“上年结转” = 上年“结转下年度”', en: 'Carried in = last year’s carried out' },
  'title.X.inForce': {
    zh: '现行有效 = 上年现行有效 + 本年制发 − 本年废止',
    en: 'In force = last year + issued − repealed',
  },
  'title.F.notFormula': { zh: '合计单元格保留公式', en: 'Totals keep their formula' },
  'title.F.formulaRange': { zh: '合计公式正好覆盖各项', en: 'Total formulas cover exactly their parts' },
  'title.FMT.outdated': { zh: '使用与年度相符的格式', en: 'The format matches the report year' },
  'title.N.noApplications': {
    zh: '总体情况所写“未收到申请”与表三相符',
    en: 'The overview’s “no applications” agrees with table 3',
  },
  'title.N.received': {
    zh: '总体情况所写收到申请数与表三相符',
    en: 'Applications received in the overview agree with table 3',
  },
  'title.N.carryIn': { zh: '总体情况所写上年结转数与表三相符', en: 'Carried over in the overview agrees with table 3' },
  'title.N.completed': { zh: '总体情况所写办结数与表三相符', en: 'Completed in the overview agrees with table 3' },
  'title.N.carryOut': {
    zh: '总体情况所写结转下年度数与表三相符',
    en: 'Carried forward in the overview agrees with table 3',
  },
  'title.N.resultCount': {
    zh: '总体情况所写各类办理结果数与表三相符',
    en: 'Result counts in the overview agree with table 3',
  },
  'title.N.resultPercent': {
    zh: '总体情况所写办理结果占比与表三相符',
    en: 'Result percentages in the overview agree with table 3',
  },
  'title.N.review': {
    zh: '总体情况所写行政复议数与表四相符',
    en: 'Administrative reviews in the overview agree with table 4',
  },
  'title.N.suit': { zh: '总体情况所写行政诉讼数与表四相符', en: 'Lawsuits in the overview agree with table 4' },
  'title.N.allCompleted': {
    zh: '总体情况说申请全部办结时，表三没有结转下年度的申请',
    en: 'When the overview says every application was completed, table 3 carries none over',
  },
  'title.N.allUpheld': {
    zh: '总体情况说复议、诉讼均获维持时，表四没有纠正、其他结果或尚未审结的案件',
    en: 'When the overview says all reviews or suits were upheld, table 4 has none corrected, other or pending',
  },

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

  // ── Cells a report reader could not read (never the report's fault: not the same as unfilled) ────────────
  'cli.unread': {
    zh: '未能从原文读出的单元格（{count} 个；是本工具没能读出，不是报告未填写）：',
    en: 'Cells not read from the text ({count}; this tool could not read them, the report did not leave them blank):',
  },
  'cli.unreadCount': { zh: '另有 {count} 个单元格未能读出', en: '{count} more cells not read' },
  'cli.unreadLine': { zh: '原文：{line}', en: 'text: {line}' },
  'cli.unreadTried': { zh: '尝试过：{tried}', en: 'tried: {tried}' },
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
  'cli.unreadable': { zh: '无法读取：{file}：{message}', en: 'cannot read {file}: {message}' },
  'cli.summaryTitle': { zh: '汇总（{count} 份报告）', en: 'Summary ({count} reports)' },
  'cli.colFile': { zh: '文件', en: 'file' },
  'cli.colOrg': { zh: '机关', en: 'body' },
  'cli.colYear': { zh: '年度', en: 'year' },
  'cli.colErrors': { zh: '错误', en: 'errors' },
  'cli.colWarnings': { zh: '警告', en: 'warnings' },
  'cli.colUnfilled': { zh: '未填', en: 'unfilled' },
  'cli.progress': { zh: '正在读取', en: 'Reading' },

  // ── Rates (`rates.ts`) ─────────────────────────────────────────────────────────────────────────────────
  'rates.substantiveDisclosure': { zh: '实质公开率', en: 'substantive disclosure rate' },
  'rates.refusal': { zh: '不予公开率', en: 'refusal rate' },
  'rates.reviewCorrection': { zh: '复议纠错率', en: 'review correction rate' },
  'rates.suitCorrection': { zh: '诉讼纠错率', en: 'litigation correction rate' },
  'rates.value': {
    zh: '{name} {percent}（{numerator}/{denominator}）',
    en: '{name} {percent} ({numerator}/{denominator})',
  },
  'rates.notMeaningful': {
    zh: '{name} {percent}（{numerator}/{denominator}，不足 {min} 件，不具比较意义）',
    en: '{name} {percent} ({numerator}/{denominator}; fewer than {min} cases, not meaningful)',
  },
  'rates.noCases': { zh: '{name} —（无案件）', en: '{name} — (no cases)' },
  'rates.unknown': { zh: '{name} —（所需单元格未填写）', en: '{name} — (cells it needs are unfilled)' },
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

  // ── The review workbook (`io/xlsx/review-workbook.ts`, check --review) ──────────────────────────────────
  'review.col.org': { zh: '机关', en: 'Body' },
  'review.col.year': { zh: '年度', en: 'Year' },
  'review.col.status': { zh: '状态', en: 'Status' },
  'review.col.errors': { zh: '错误', en: 'Errors' },
  'review.col.warnings': { zh: '警告', en: 'Warnings' },
  'review.col.unfilled': { zh: '未填', en: 'Unfilled' },
  'review.col.incomplete': { zh: '不完整校验', en: 'Incomplete checks' },
  'review.col.findings': { zh: '问题明细', en: 'Findings' },
  'review.col.file': { zh: '文件', en: 'File' },
  'review.col.table': { zh: '表格', en: 'Table' },
  'review.col.severity': { zh: '级别', en: 'Severity' },
  'review.col.rule': { zh: '规则', en: 'Rule' },
  'review.col.cells': { zh: '涉及单元格', en: 'Cells' },
  'review.col.reported': { zh: '填报值', en: 'Reported' },
  'review.col.computed': { zh: '计算值', en: 'Computed' },
  'review.col.message': { zh: '说明', en: 'Message' },
  'review.col.content': { zh: '内容', en: 'Content' },
  'review.linkText': { zh: '查看 {count} 条', en: 'see {count}' },
  'review.rateNote': {
    zh: '只有 {denominator} 件，不足 {min} 件，不具比较意义',
    en: 'only {denominator} case(s), fewer than {min}: not meaningful',
  },
  'review.unreadable': { zh: '无法读取：{message}', en: 'cannot be read: {message}' },
  'review.written': { zh: '已写入审阅工作簿：{file}', en: 'Review workbook written: {file}' },
  'review.isInput': {
    zh: '--review {file} 是要检查的文件之一，不能覆盖',
    en: '--review {file} is one of the inputs; it will not be overwritten',
  },
  'review.exists': {
    zh: '{file} 已存在；请换一个文件名，或加 --replace 覆盖',
    en: '{file} already exists; choose another name or pass --replace',
  },
  'review.notXlsx': {
    zh: '--review 应是 .xlsx 文件，而不是“{file}”',
    en: '--review must name an .xlsx file, not “{file}”',
  },

  // ── A generated table changed in the workbook (`TableDamage`, read by the Excel host, shown by the pane) ─────
  'damage.deleted': { zh: '已被删除（名称引用失效）', en: 'was deleted (its name no longer refers to cells)' },
  'damage.notFound': { zh: '未找到', en: 'not found' },
  'damage.columns': {
    zh: '列数应为 {count} 列（可能插入或删除了列）',
    en: 'it should have {count} columns (a column was inserted or deleted?)',
  },
  'damage.headers': { zh: '表头被改动：{list}', en: 'header changed: {list}' },
  'damage.extraRows': {
    zh: '第 {list} 行不属于标准格式（插入的行），请删除',
    en: 'row {list} is not part of the standard format (inserted?): delete it',
  },
  'damage.missingRows': { zh: '缺少行：{list}', en: 'missing rows: {list}' },
  'damage.layout': { zh: '布局与标准格式不符', en: 'the layout differs from the format' },
  'damage.usable': { zh: '（已按行标签读取数据）', en: ' (values were read by their row labels)' },
  'damage.unusable': { zh: '（无法可靠读取，本表未检查）', en: ' (cannot be read reliably: not checked)' },

  // ── Pieces used to build the messages above ─────────────────────────────────────────────────────────────
  'cell.name': { zh: '{table}“{row}”行“{col}”列', en: '{table} “{row}” / “{col}”' },
  'cell.nameSingle': { zh: '{table}“{row}”', en: '{table} “{row}”' },
  'cell.ref': { zh: '（{ref}）', en: ' ({ref})' },
  'list.separator': { zh: '、', en: ', ' },
  'list.more': { zh: '等 {count} 个', en: ' and {count} more' },
  'list.and': { zh: '与', en: ' and ' },
  'list.colon': { zh: '：', en: ': ' },
  'list.clauses': { zh: '；', en: '; ' },
  'value.assign': { zh: '{cell} = {value}', en: '{cell} = {value}' },
  'value.labelled': { zh: '{label} {value}', en: '{label} {value}' },
  'level.central': { zh: '中央部门', en: 'central' },
  'level.province': { zh: '省级机关', en: 'provincial' },
  'level.city': { zh: '市级机关', en: 'city' },
  'level.county': { zh: '县级机关', en: 'county' },
  'level.town': { zh: '乡镇（街道）', en: 'town or street office' },
} satisfies Record<string, MessageTemplate>;

export type MessageKey = keyof typeof MESSAGES;

const TABLE: Readonly<Record<string, MessageTemplate>> = MESSAGES;

/**
 * A template split at its placeholders: literal text at even positions, parameter names at odd ones. Split once per
 * template (the checker fills a few per report, the Excel host on every edit).
 */
const compiledTemplates = new Map<string, string[]>();

function templateParts(template: string): string[] {
  let parts = compiledTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiledTemplates.set(template, parts);
  }
  return parts;
}

/** Fills a template. Missing parameters stay visible as `{name}` rather than disappearing silently. */
export function formatMessage(key: MessageKey | string, lang: Lang, params: MessageParams = {}): string {
  const t = TABLE[key];
  if (!t) return key;
  const parts = templateParts(t[lang]);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const v = params[parts[i]];
    out += (v === undefined ? `{${parts[i]}}` : typeof v === 'number' ? formatNumber(v) : v) + parts[i + 1];
  }
  return out;
}
