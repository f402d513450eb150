/**
 * What a finding says: the sentences of the rules (relations, values, plausibility, cross-year, formulas, narrative), the error locator's clauses and the pieces they are built of (cell names, lists).
 */
import type { MessageTemplate } from './template';

export const FINDING_MESSAGES = {
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
  'V.notNumberWouldBe': {
    zh: '{cell}填的是“{raw}”，不是数字，求和与合计都不计入它（Excel 的 SUM 也忽略文本）；如应为 {wouldBe}，请改填数字 {wouldBe}',
    en: '{cell} holds “{raw}”, which is not a number, so sums and totals leave it out (Excel’s SUM ignores text too); if it means {wouldBe}, enter the number {wouldBe}',
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

  // ── The short form a finding card leads with (`renderFindingShort`): the numbers, then the likely cell ──────
  'short.balance': {
    zh: '{table} {col}列：一+二 = {left}，三（七）+ 四 = {right}，差 {diff}。',
    en: '{table}, column {col}: 一+二 = {left}, 三(七) + 四 = {right}, off by {diff}.',
  },
  'short.sum': {
    zh: '{table} {total}：合计 {reported}，各项相加 {computed}，差 {diff}。',
    en: '{table} {total}: total {reported}, parts add up to {computed}, off by {diff}.',
  },
  'short.F.notFormula': {
    zh: '{cell} 原是自动求和的合计，现被改成了数字 {value}，不再随各项变化。',
    en: '{cell} was a total computed by a formula; it now holds the typed number {value} and no longer follows its parts.',
  },
  'short.F.formulaRange': {
    zh: '{cell} 的求和公式 {formula} 没有包括全部分项，应为 {expected}。',
    en: 'The sum {formula} in {cell} leaves out some of its parts; it should be {expected}.',
  },
  'short.V.notNumber': { zh: '{cell}：不是数字。', en: '{cell}: not a number.' },
  'short.V.negative': { zh: '{cell}：负数。', en: '{cell}: negative number.' },
  'short.V.fraction': { zh: '{cell}：件数出现小数。', en: '{cell}: fraction in a count.' },
  'short.V.fullWidth': { zh: '{cell}：全角数字。', en: '{cell}: full-width digits.' },
  'short.V.textNumber': { zh: '{cell}：以文本形式存储的数字。', en: '{cell}: number stored as text.' },
  'short.wouldBe': {
    zh: '看起来是 {value}，但 Excel 求和时不会计入，请改填数字 {value}。',
    en: 'It looks like {value}, but Excel’s sums leave it out: type the number {value}.',
  },
  'short.likelyEdited': {
    zh: '最可能是刚修改的 {cell}：由 {before} 改为 {after}，应为 {fix}{why}。',
    en: 'Most likely {cell}, which you just changed from {before} to {after}: it should be {fix}{why}.',
  },
  'short.likely': {
    zh: '最可能是 {cell}：{now} 应为 {fix}{why}。',
    en: 'Most likely {cell}: {now} should be {fix}{why}.',
  },
  'short.likelyNoFix': { zh: '最可能是 {cell}。', en: 'Most likely {cell}.' },
  'short.candidates': { zh: '可能出错的单元格：{cells}。', en: 'Cells that could be wrong: {cells}.' },
  'short.digitTypo': { zh: '（数字顺序颠倒）', en: ' (digits swapped)' },
  'short.alsoBreaksTotal': {
    zh: '“总计”列也因此差 {diff}，改正后一并消除。',
    en: 'The 总计 column is off by {diff} as a result; fixing this clears it too.',
  },

  // ── Pieces used to build the messages above ─────────────────────────────────────────────────────────────
  'cell.name': { zh: '{table}“{row}”行“{col}”列', en: '{table} “{row}” / “{col}”' },
  'cell.nameSingle': { zh: '{table}“{row}”', en: '{table} “{row}”' },
  'cell.ref': { zh: '（{ref}）', en: ' ({ref})' },
  'cell.rowCol': { zh: '{row} · {col}', en: '{row} · {col}' },
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
