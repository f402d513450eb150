/**
 * The Excel host's problems shown by the pane: a generated table changed in the workbook (`TableDamage`).
 */
import type { MessageTemplate } from './template';

export const HOST_MESSAGES = {
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
} satisfies Record<string, MessageTemplate>;
