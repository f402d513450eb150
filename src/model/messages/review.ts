/**
 * The review workbook (`io/xlsx/review-workbook.ts`, `check --review`): its column headings and statuses.
 */
import type { MessageTemplate } from './template';

export const REVIEW_MESSAGES = {
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
} satisfies Record<string, MessageTemplate>;
