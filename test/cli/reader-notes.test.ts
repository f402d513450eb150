/**
 * What a reader says about how it read a report reaches the user of `check`: under the report in the text output
 * (Chinese by default, English with --lang en) and in the JSON output as data (kind, params) with its sentence in
 * --lang. Each note kind is triggered by a real sample, or a real sample damaged as its builder says
 * (test/support/damaged-reports.ts), or a workbook typed by hand (test/xlsx/handmade.ts).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { getFormat } from '../../src/model/formats';
import type { CellId } from '../../src/model/types';
import { runCli } from '../support/run-cli';
import {
  cutInsideTable4,
  endsBeforeTable4,
  sideBySideWithoutYears,
  table4Only,
  tablesAgainUntitled,
} from '../support/damaged-reports';
import { handmadeWorkbook } from '../xlsx/handmade';

// Writing the review workbook and reading the 宿迁市 text twice take seconds on a shared CPU: a limit, not a measurement.
jest.setTimeout(30_000);

const ROOT = path.join(__dirname, '../..');
const SUQIAN = path.join(ROOT, 'test/fixtures/samples/02-suqian-city-2023-2024-format2021.txt');
/** An internal table, row or cell id (`T4`, `T3.R6_1`, `T3.NEW.NP`) in a sentence meant for people. */
const ID = /\bT[234]\b|\bT[234]\.[A-Z]/;

interface JsonNote {
  kind: string;
  params: Record<string, unknown>;
  message: string;
}
interface JsonReport {
  file: string;
  notes?: JsonNote[];
  unread?: unknown[];
}

let tmp: string;
let untitled: { line: number };
let endsEarly: { line: number };

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-notes-'));
  fs.writeFileSync(path.join(tmp, 'cut.txt'), cutInsideTable4());
  const again = tablesAgainUntitled();
  untitled = again;
  fs.writeFileSync(path.join(tmp, 'again.txt'), again.text);
  const ends = endsBeforeTable4();
  endsEarly = ends;
  fs.writeFileSync(path.join(tmp, 'ends.txt'), ends.text);
  fs.writeFileSync(path.join(tmp, 't4.txt'), table4Only());
  fs.writeFileSync(path.join(tmp, 'sbs.txt'), sideBySideWithoutYears());
  // Table 三 typed by hand, tables 二 and 四 not in the workbook: once with a remark row inside it, once with the
  // header 自然人 left out.
  const values: Record<CellId, number> = {};
  getFormat('2021').cells.forEach((c, i) => {
    if (c.table === 'T3') values[c.id] = i % 7;
  });
  const remark = await handmadeWorkbook({
    format: '2021',
    values,
    placements: [{ table: 'T3', sheet: '依申请', row: 1, col: 1, extraRowsAfter: [20] }],
  });
  fs.writeFileSync(path.join(tmp, 'hand.xlsx'), remark);
  const noHeader = await handmadeWorkbook({
    format: '2021',
    values,
    respell: (label) => (label === '自然人' ? '' : label),
    placements: [{ table: 'T3', sheet: '依申请', row: 1, col: 1 }],
  });
  fs.writeFileSync(path.join(tmp, 'header.xlsx'), noHeader);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function json(file: string, lang: 'zh' | 'en' = 'zh'): Promise<JsonReport[]> {
  const out = await runCli(['check', file, '--json', '--lang', lang], tmp);
  return (JSON.parse(out.stdout) as { reports: JsonReport[] }).reports;
}

/** The lines of the text output's notes section: its heading and the notes under it. */
function notesSection(stdout: string, heading: RegExp): string[] {
  const lines = stdout.split('\n');
  const at = lines.findIndex((l) => heading.test(l));
  if (at < 0) return [];
  const end = lines.findIndex((l, i) => i > at && !l.startsWith('  '));
  return lines.slice(at, end < 0 ? undefined : end);
}

describe('a text cut off inside table 四', () => {
  test('text output: the note under the report, before the unread cells, in Chinese; in English with --lang en', async () => {
    const zh = await runCli(['check', 'cut.txt'], tmp);
    const section = notesSection(zh.stdout, /^读取说明（1 条）：$/);
    expect(section).toEqual(['读取说明（1 条）：', '  原文在表四中途结束，最后一个数字可能被截断，这一行没有读取']);
    expect(zh.stdout.indexOf('读取说明')).toBeLessThan(zh.stdout.indexOf('未能从原文读出的单元格'));
    const en = await runCli(['check', 'cut.txt', '--lang', 'en'], tmp);
    expect(notesSection(en.stdout, /^How the report was read \(1\):$/)).toEqual([
      'How the report was read (1):',
      '  the text ends inside Table 4, right after a figure that may be cut short: that row was not read',
    ]);
  });

  test('JSON: kind and params as data, the sentence in --lang', async () => {
    const [zh] = await json('cut.txt');
    expect(zh.notes).toEqual([
      {
        kind: 'cutShort',
        params: { table: 'T4' },
        message: '原文在表四中途结束，最后一个数字可能被截断，这一行没有读取',
      },
    ]);
    // The cut row's cells are unread, never the report's blanks.
    expect(zh.unread?.length).toBe(15);
    const [en] = await json('cut.txt', 'en');
    expect(en.notes?.map((n) => [n.kind, n.message])).toEqual([
      ['cutShort', 'the text ends inside Table 4, right after a figure that may be cut short: that row was not read'],
    ]);
  });
});

test('tables pasted again with no title: both reports say where they were parted, at the same line', async () => {
  const reports = await json('again.txt');
  expect(reports.map((r) => r.file)).toEqual(['again.txt#1', 'again.txt#2']);
  expect(reports.map((r) => r.notes?.map((n) => [n.kind, n.params]))).toEqual([
    [['continuesAsAnother', { line: untitled.line }]],
    [['startGuessed', { line: untitled.line }]],
  ]);
  expect(reports[0].notes![0].message).toContain(`第 ${untitled.line} 行起表格重新开始`);
  // The first report goes on in the text after its table 四: its last figure is not taken for one cut short.
  expect(reports[0].unread).toBeUndefined();
  const en = await runCli(['check', 'again.txt', '--lang', 'en'], tmp);
  expect(en.stdout).toContain(`the tables start again at line ${untitled.line} with no title above them`);
  expect(en.stdout).toContain(`this report starts at line ${untitled.line}`);
});

test('a report broken off before its table 四 by another body’s title: the note is on the report cut short', async () => {
  const reports = await json('ends.txt');
  expect(reports).toHaveLength(2);
  expect(reports[0].notes).toEqual([
    {
      kind: 'endsEarly',
      params: { line: endsEarly.line },
      message: expect.stringContaining(`第 ${endsEarly.line} 行`),
    },
  ]);
  expect(reports[1].notes).toBeUndefined();
  // Its table 四 is unread (the reader's failure), not unfilled.
  expect(reports[0].unread?.length).toBe(15);
});

test('only table 四, whose labels both formats share: the format is said to be assumed', async () => {
  const [zh] = await json('t4.txt');
  expect(zh.notes?.map((n) => [n.kind, n.params])).toEqual([['formatAssumed', { format: '2021' }]]);
  const text = (await runCli(['check', 't4.txt'], tmp)).stdout;
  expect(text).toContain('原文中没有能区分两种格式的标签，按 2021 格式读取');
});

test('a row whose label differs from the format’s (宿迁市, real): placed by order, named by its row label', async () => {
  const reports = await json(SUQIAN);
  expect(reports).toHaveLength(2);
  for (const r of reports) {
    const byOrder = (r.notes ?? []).filter((n) => n.kind === 'placedByOrder');
    expect(byOrder).toHaveLength(2);
    expect(byOrder.map((n) => n.params.label)).toEqual(['1.逾期不补正', '2.逾期不缴费']);
    expect(byOrder.map((n) => n.params.cell)).toEqual(['T3.R6_1.NP', 'T3.R6_2.NP']);
    expect(byOrder.map((n) => n.message)).toEqual(
      byOrder.map(() => expect.stringMatching(/^表三“.+”行：原文的行标题/)),
    );
  }
  const en = (await runCli(['check', SUQIAN, '--lang', 'en'], ROOT)).stdout;
  expect(en).toContain('the text labels it “1.逾期不补正”, not as the format does; placed by its order among the rows');
});

test('a workbook typed by hand: tables not found, a stray remark, a header left out; each said once', async () => {
  const [remark] = await json('hand.xlsx');
  expect(remark.notes).toEqual([
    { kind: 'tableNotFound', params: { table: 'T2' }, message: '工作簿中没有找到表二' },
    {
      kind: 'strayText',
      params: { table: 'T3', text: '其中：备注行' },
      message: '表三中有未能识别的内容“其中：备注行”',
    },
    { kind: 'tableNotFound', params: { table: 'T4' }, message: '工作簿中没有找到表四' },
  ]);
  const [header] = await json('header.xlsx');
  expect(header.notes?.filter((n) => n.kind === 'labelsMissing')).toEqual([
    {
      kind: 'labelsMissing',
      params: { table: 'T3', labels: ['申请人情况·自然人'] },
      message: '表三中找不到这些标签：「申请人情况·自然人」',
    },
  ]);
  const en = await runCli(['check', 'hand.xlsx', '--lang', 'en'], tmp);
  expect(notesSection(en.stdout, /^How the report was read/)).toEqual([
    'How the report was read (3):',
    '  Table 2 was not found in the workbook',
    '  Table 3 holds text that was not recognised: “其中：备注行”',
    '  Table 4 was not found in the workbook',
  ]);
  const enHeader = await runCli(['check', 'header.xlsx', '--lang', 'en'], tmp);
  expect(enHeader.stdout).toContain('\n  labels not found in Table 3: “申请人情况·自然人”\n');
});

test('no note said for people shows an internal id, in either language', async () => {
  const files = ['cut.txt', 'again.txt', 'ends.txt', 't4.txt', 'hand.xlsx', 'header.xlsx', SUQIAN];
  let sections = 0;
  for (const file of files)
    for (const lang of ['zh', 'en'] as const) {
      const out = await runCli(['check', file, '--lang', lang], tmp);
      const section = notesSection(out.stdout, lang === 'zh' ? /^读取说明/ : /^How the report was read/);
      expect([file, lang, section.length > 1]).toEqual([file, lang, true]);
      expect(section.filter((l) => ID.test(l))).toEqual([]);
      sections++;
    }
  expect(sections).toBe(files.length * 2);
});

test('two reports side by side without their years: nothing is read, and the reason is said in --lang', async () => {
  const zh = await runCli(['check', 'sbs.txt'], tmp);
  expect(zh.code).toBe(2);
  expect(zh.stderr).toContain('sbs.txt: 两份报告并排，但没有一行写明各自的年度');
  const en = await runCli(['check', 'sbs.txt', '--lang', 'en'], tmp);
  expect(en.stderr).toContain('two reports side by side without a line naming their years');
});

test('the review workbook lists each report’s notes on its 未识别内容 sheet, beside the unread cells', async () => {
  const out = await runCli(['check', 'cut.txt', 'hand.xlsx', '--review', 'review.xlsx'], tmp);
  expect(out.stderr).toContain('review.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(tmp, 'review.xlsx'));
  const rows: string[][] = [];
  wb.getWorksheet('未识别内容')!.eachRow((row) =>
    rows.push([String(row.getCell(3).value), String(row.getCell(4).value)]),
  );
  expect(rows.length).toBeGreaterThan(4);
  const notes = rows.filter(([what]) => /中途结束|没有找到表|未能识别的内容/.test(what));
  expect(notes).toEqual([
    ['原文在表四中途结束，最后一个数字可能被截断，这一行没有读取', 'cut.txt'],
    ['工作簿中没有找到表二', 'hand.xlsx'],
    ['表三中有未能识别的内容“其中：备注行”', 'hand.xlsx'],
    ['工作簿中没有找到表四', 'hand.xlsx'],
  ]);
});
