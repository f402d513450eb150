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
} satisfies Record<string, MessageTemplate>;
