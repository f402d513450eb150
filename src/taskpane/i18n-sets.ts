/**
 * The pane's words for choosing among several sets of tables in one workbook. Chinese first; kept apart from
 * `i18n.ts` so that this control changes without touching the shared table.
 */
import type { Lang } from '../model/types';

const zh = {
  chooserLabel: (n: number) => `工作簿中有 ${n} 套统计表，选择要检查的一套：`,
  setOption: (sheet: string, year?: number) => (year === undefined ? `“${sheet}”` : `“${sheet}”（${year} 年度）`),
  choosing: '正在切换…',
};

export type SetStrings = typeof zh;

const en: SetStrings = {
  chooserLabel: (n) => `The workbook holds ${n} sets of tables. Choose the one to check:`,
  setOption: (sheet, year) => (year === undefined ? `“${sheet}”` : `“${sheet}” (${year})`),
  choosing: 'Switching…',
};

export function setStrings(lang: Lang): SetStrings {
  return lang === 'zh' ? zh : en;
}
