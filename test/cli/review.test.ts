import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from '../support/run-cli';
import { writeTemplate } from '../../src/io/xlsx/template';

const ROOT = path.join(__dirname, '../..');
const EXPECTED = path.join(ROOT, 'test/fixtures/expected');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-review-'));
  fs.mkdirSync(path.join(tmp, 'in'));
  const good = JSON.parse(fs.readFileSync(path.join(EXPECTED, 'suqian-2024.json'), 'utf8'));
  fs.writeFileSync(path.join(tmp, 'in/good.json'), JSON.stringify({ ...good, org: '宿迁市人民政府' }));
  const bad = structuredClone(good);
  bad.cells['T3.R1.NP'] = 1480;
  fs.writeFileSync(path.join(tmp, 'in/bad.json'), JSON.stringify({ ...bad, org: '某县统计局' }));
  fs.writeFileSync(path.join(tmp, 'in/broken.json'), '{"format": "2021", "cells": ');
  fs.copyFileSync(
    path.join(ROOT, 'test/fixtures/samples/05-qu-tongjiju-2023-slash-and-blank-cells-partial.txt'),
    path.join(tmp, 'in/partial.txt'),
  );
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('check FOLDER --review review.xlsx', () => {
  test('summary row per body and year, findings by label, unread content; frozen headers, filters, links', async () => {
    const r = await run(['check', 'in', '--review', 'review.xlsx'], tmp);
    expect(r.code).toBe(2); // broken.json is unreadable; the workbook is written all the same
    expect(r.stderr).toContain('已写入审阅工作簿：review.xlsx');
    const wb = await load(path.join(tmp, 'review.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题', '未识别内容']);
    const [summary, findings, unread] = wb.worksheets;
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(20);
    }
    const rows = summary.getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(3);
    const byOrg = new Map(rows.map((row) => [String(row[1] ?? ''), row]));
    const bad = byOrg.get('某县统计局')!;
    expect(bad[3]).toBe('有错误');
    expect(Number(bad[4])).toBeGreaterThan(0);
    const good = byOrg.get('宿迁市人民政府')!;
    expect(good[3]).toBe('通过');
    expect(good[10]).toBeCloseTo(18 / 134); // 复议纠错率, a ratio shown as a percentage
    expect(summary.getRow(1).getCell(10).value).toBe('复议纠错率');
    // the link goes to the body's first finding
    const badRow = rows.indexOf(bad) + 2;
    const link = summary.getRow(badRow).getCell(12).value as ExcelJS.CellFormulaValue;
    const target = Number(/!A(\d+)"/.exec(link.formula)![1]);
    expect(findings.getRow(target).getCell(1).value).toBe('某县统计局');
    expect(findings.getRow(target - 1).getCell(1).value).not.toBe('某县统计局');
    // findings name cells by their labels, never by internal id
    const texts = (findings.getSheetValues().slice(2) as unknown[][]).map((row) => String(row[6]));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.some((x) => x.includes('表三“（一）予以公开”行“自然人”列'))).toBe(true);
    for (const x of texts) expect(x).not.toMatch(/T[234]\.[A-Z]/);
    const unreadRows = unread.getSheetValues().slice(2) as unknown[][];
    expect(
      unreadRows.some((row) => String(row[3]).startsWith('无法读取') && String(row[4]).endsWith('broken.json')),
    ).toBe(true);
  });

  test('an existing file is kept unless --replace; an input is never written over', async () => {
    fs.writeFileSync(path.join(tmp, 'keep.xlsx'), 'user data');
    const kept = await run(['check', 'in/good.json', '--review', 'keep.xlsx'], tmp);
    expect(kept.code).toBe(2);
    expect(fs.readFileSync(path.join(tmp, 'keep.xlsx'), 'utf8')).toBe('user data');
    fs.mkdirSync(path.join(tmp, 'wb'));
    const report = path.join(tmp, 'wb/report.xlsx');
    fs.writeFileSync(report, await writeTemplate({ year: 2024, org: '某局' }));
    const before = fs.readFileSync(report);
    const named = await run(['check', 'wb/report.xlsx', '--review', 'wb/report.xlsx', '--replace'], tmp);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('是要检查的文件之一');
    // an input found inside a folder: refused once the folder is read, before anything is written
    const inFolder = await run(['check', 'wb', '--review', 'wb/report.xlsx', '--replace'], tmp);
    expect(inFolder.code).toBe(2);
    expect(inFolder.stderr).toContain('是要检查的文件之一');
    expect(fs.readFileSync(report).equals(before)).toBe(true);
    const notXlsx = await run(['check', 'in', '--review', 'review.txt'], tmp);
    expect(notXlsx.code).toBe(2);
    const replaced = await run(['check', 'in/good.json', '--review', 'keep.xlsx', '--replace'], tmp);
    expect(replaced.code).toBe(0);
    expect((await load(path.join(tmp, 'keep.xlsx'))).worksheets).toHaveLength(3);
  });
});
