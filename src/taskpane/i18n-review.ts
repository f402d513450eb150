/**
 * The pane's words for what comes after checking: the rates in the summary, the generated narrative and the 已核实
 * marks. Chinese first; kept apart from `i18n.ts` so that these panels change without touching the shared table.
 * The narrative text itself is Chinese only (it goes into a Chinese report) and comes from `narrative-gen.ts`.
 */
import type { RateKey } from '../model/rates';
import type { MarkState } from '../model/reviewed-marks';
import type { Lang } from '../model/types';

const zh = {
  ratesHeading: '比率',
  rateNoCases: '无案件',
  rateUnknown: '所需单元格未填写',
  rateFew: (min: number) => `案件少于 ${min} 件，不具可比性`,
  showFormulas: '显示计算公式',
  hideFormulas: '隐藏计算公式',
  rateFormula: {
    substantiveDisclosure: '（予以公开 + 部分公开）÷ 办理结果总计',
    refusal: '不予公开（各项之和）÷ 办理结果总计',
    reviewCorrection: '行政复议结果纠正 ÷ 已审结（维持 + 纠正 + 其他结果）',
    suitCorrection: '行政诉讼结果纠正 ÷ 已审结（两类行政诉讼合计）',
  } as Record<RateKey, string>,
  rateFigures: (numerator: number, denominator: number) => `= ${numerator} ÷ ${denominator}`,

  narrativeHeading: '文字说明',
  narrativeIntro: '根据表中数字，写出年度报告“总体情况”中主动公开、依申请公开和行政复议、行政诉讼三段的标准表述。',
  narrativeOpen: '生成文字说明',
  narrativeClose: '收起文字说明',
  narrativeErrors: (n: number) =>
    `表格还有 ${n} 处错误未改正，下面文字中的数字可能不对。请先改正错误，再使用这段文字。`,
  narrativeUnfilled: (n: number, marked: boolean) =>
    `表格还有 ${n} 个单元格未填写${marked ? '，文中缺少的数字以“【待填】”标出' : ''}。`,
  narrativeTextLabel: '文字说明预览（只读，可复制）',
  copy: '复制',
  copied: '已复制到剪贴板。',
  copyManual: '已选中全部文字，请按 Ctrl+C 复制。',
  writeNewSheet: '写入新工作表',
  writeSelection: '写入所选单元格',
  writing: '正在写入…',
  written: (sheet: string, address: string) => `已写入工作表“${sheet}”的 ${address}。`,
  writeNotEmpty: (sheet: string, address: string) =>
    `工作表“${sheet}”的 ${address} 已有内容，尚未写入。要用文字说明覆盖它吗？`,
  overwrite: '覆盖',
  cancel: '取消',
  writeInsideTables: (address: string) =>
    `${address} 是统计表中的单元格，文字不能写在表内。请选中表格以外的一个单元格。`,
  writeProtected: (sheet: string) => `工作表“${sheet}”受保护，无法写入。请先撤销工作表保护，或写入新工作表。`,
  writeBadSelection: '当前选中了多个区域（或图表、形状）。请只选中一个单元格后重试。',
  writeFailed: (message: string) => `写入失败：${message}`,

  markReviewed: '标记为已核实',
  markReasonLabel: '核实说明（必填，简要写明为何数字无误）',
  markReasonPlaceholder: '例如：本年制发的规章已被上级规章取代并废止',
  markSave: '确认已核实',
  markCancel: '取消',
  markNoReason: '请写明核实说明。',
  markTooLong: (max: number) => `核实说明请不超过 ${max} 个字。`,
  markNotWarning: '只有提醒可以标记为已核实；错误须改正。',
  marksHeading: '已核实的提醒',
  marksIntro: '以下提醒已核实，不再提示；所涉单元格的数字改动后会重新提示。',
  markState: {
    quiet: '已核实，不再提示',
    revived: '数字已改动，重新提示',
    resolved: '提醒已消除',
  } as Record<MarkState, string>,
  markedOn: (date: string) => `${date} 核实`,
  markReason: (reason: string) => `说明：${reason}`,
  removeMark: '取消已核实',
};

export type ReviewStrings = typeof zh;

const en: ReviewStrings = {
  ratesHeading: 'Rates',
  rateNoCases: 'no cases',
  rateUnknown: 'cells it needs are unfilled',
  rateFew: (min) => `fewer than ${min} cases, not comparable`,
  showFormulas: 'Show formulas',
  hideFormulas: 'Hide formulas',
  rateFormula: {
    substantiveDisclosure: '(予以公开 + 部分公开) ÷ 办理结果总计',
    refusal: '不予公开 (all its rows) ÷ 办理结果总计',
    reviewCorrection: 'review 结果纠正 ÷ decided (维持 + 纠正 + 其他结果)',
    suitCorrection: 'litigation 结果纠正 ÷ decided (both litigation groups)',
  },
  rateFigures: (numerator, denominator) => `= ${numerator} ÷ ${denominator}`,

  narrativeHeading: 'Narrative',
  narrativeIntro:
    'Writes the standard sentences of the report’s overview on 主动公开, 依申请公开 and 行政复议/行政诉讼 from the figures in the tables.',
  narrativeOpen: 'Generate the narrative',
  narrativeClose: 'Hide the narrative',
  narrativeErrors: (n) =>
    `The tables still have ${n} error(s): figures in the text below may be wrong. Fix the errors before using it.`,
  narrativeUnfilled: (n, marked) =>
    `${n} cell(s) of the tables are not filled yet${marked ? '; figures missing from the text are marked “【待填】”' : ''}.`,
  narrativeTextLabel: 'Narrative preview (read-only, Chinese)',
  copy: 'Copy',
  copied: 'Copied to the clipboard.',
  copyManual: 'The whole text is selected: press Ctrl+C to copy it.',
  writeNewSheet: 'Write to a new sheet',
  writeSelection: 'Write to the selected cell',
  writing: 'Writing…',
  written: (sheet, address) => `Written to ${address} on sheet “${sheet}”.`,
  writeNotEmpty: (sheet, address) =>
    `${address} on sheet “${sheet}” is not empty; nothing was written. Replace its content with the narrative?`,
  overwrite: 'Replace',
  cancel: 'Cancel',
  writeInsideTables: (address) =>
    `${address} is a cell of the tables: text cannot go there. Select one cell outside the tables.`,
  writeProtected: (sheet) => `Sheet “${sheet}” is protected. Unprotect it first, or write to a new sheet.`,
  writeBadSelection: 'Several areas (or a chart or shape) are selected. Select one cell and try again.',
  writeFailed: (message) => `Could not write: ${message}`,

  markReviewed: 'Mark as verified',
  markReasonLabel: 'Why the figures are right (required, short)',
  markReasonPlaceholder: 'e.g. the regulations issued this year were replaced and repealed',
  markSave: 'Confirm verified',
  markCancel: 'Cancel',
  markNoReason: 'Please say why the figures are right.',
  markTooLong: (max) => `Keep the note to ${max} characters.`,
  markNotWarning: 'Only warnings can be marked verified; errors must be fixed.',
  marksHeading: 'Verified warnings',
  marksIntro: 'These warnings were verified and stay quiet; they come back when a figure they involve changes.',
  markState: {
    quiet: 'verified, quiet',
    revived: 'figures changed, shown again',
    resolved: 'warning gone',
  },
  markedOn: (date) => `verified ${date}`,
  markReason: (reason) => `Note: ${reason}`,
  removeMark: 'Remove the mark',
};

const REVIEW_STRINGS: Record<Lang, ReviewStrings> = { zh, en };

export function reviewStrings(lang: Lang): ReviewStrings {
  return REVIEW_STRINGS[lang];
}
