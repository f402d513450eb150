/**
 * The Excel host's problems shown by the pane (`HostProblem`): no tables, an Excel too old, a protected sheet, a
 * generated table changed in the workbook (`TableDamage`), an operation that failed; and why tables could not be
 * generated where the user asked (`GenerateOutcome`: the host says why as data, never in words).
 */
import type { MessageTemplate } from './template';

export const HOST_MESSAGES = {
  // ── Problems of the host (`HostProblem`), one message bar each ───────────────────────────────────────────────
  'host.noTables': {
    zh: '当前工作簿中没有找到统计表。请先生成统计表，或打开包含统计表的工作簿。',
    en: 'No tables were found in this workbook. Generate the tables first, or open a workbook that has them.',
  },
  'host.unsupported': {
    zh: '此版本的 Excel 缺少本加载项所需的功能（{missing}）。请使用 Microsoft 365 版 Excel、Excel 2021 或更新版本，或使用网页版 Excel。',
    en: 'This version of Excel lacks features the add-in needs ({missing}). Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web.',
  },
  'host.sheetProtected': {
    zh: '工作表“{sheet}”受保护，无法标记或写入。请在“审阅”选项卡中撤销工作表保护后重试。',
    en: 'Sheet “{sheet}” is protected, so it cannot be highlighted or written. Unprotect it (Review tab) and try again.',
  },
  'host.tableDamaged': {
    zh: '{table}的结构已被改动，无法完整检查：{detail}',
    en: 'The layout of {table} was changed, so it cannot be fully checked: {detail}',
  },
  'host.failed': { zh: '操作未完成：{message}', en: 'The operation did not complete: {message}' },
  'host.notPainted': {
    zh: '工作表不允许设置格式，检查结果只显示在此窗格中。',
    en: 'The sheet does not allow formatting; findings are shown in this pane only.',
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

  // ── Generating the tables was refused (`GenerateOutcome`, rendered by the pane) ──────────────────────────────
  'generate.sheetProtected': {
    zh: '工作表“{sheet}”受保护，无法在其中生成表格。请先撤销工作表保护，或在新工作表中生成。',
    en: 'Sheet “{sheet}” is protected: the tables cannot be generated in it. Unprotect the sheet first, or generate them on a new sheet.',
  },
  'generate.badSelection': {
    zh: '当前选中了多个区域（或图表、形状），无法确定在哪里生成表格。请只选中一个单元格后重试，或改为在新工作表中生成。',
    en: 'Several areas (or a chart or shape) are selected, so there is no one place to generate the tables. Select a single cell and try again, or generate them on a new sheet.',
  },
  'generate.sheetHoldsSet': {
    zh: '工作表“{sheet}”中已有一套统计表，一个工作表只放一套。请改为在新工作表中生成。',
    en: 'Sheet “{sheet}” already holds a set of tables, and a sheet holds one set only. Generate them on a new sheet instead.',
  },
} satisfies Record<string, MessageTemplate>;
