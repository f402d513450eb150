/**
 * The review workbook opened by a real spreadsheet program: LibreOffice (headless, fresh profile that recalculates
 * on load) reads it and saves it again; what it kept is read back: the three sheets, the Chinese headers, one
 * summary row per report, the findings, the filters, and the links (HYPERLINK formulas, recalculated by
 * LibreOffice) pointing at each body's findings. Frozen header rows are view settings, which headless LibreOffice
 * (no window, so no view) does not write back: test/cli/review.test.ts checks them on the file we write.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { check } from '../../src/model/check';
import { buildReviewWorkbook, type ReviewEntry } from '../../src/io/xlsx/review-workbook';
import { convert, findSoffice, freshProfile } from './soffice';

const soffice = findSoffice();
const required = process.env.REQUIRE_LIBREOFFICE === '1';
const suite = soffice ? describe : required ? describe : describe.skip;
if (!soffice && !required) console.warn('LibreOffice (soffice) not found: the review workbook read-back is skipped');

const good = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/expected/suqian-2024.json'), 'utf8')) as {
  cells: Record<string, number>;
};

suite('review workbook read back by LibreOffice', () => {
  test('sheets, headers, rows, frozen headers, filters and links survive LibreOffice', async () => {
    if (!soffice) throw new Error('soffice not found: CI must install libreoffice-calc (REQUIRE_LIBREOFFICE=1)');
    const bad = { ...good.cells, 'T3.R1.NP': good.cells['T3.R1.NP'] + 72 };
    const entries: ReviewEntry[] = [
      { file: 'a.json', format: '2021', year: 2024, org: '甲市人民政府', result: check('2021', good.cells) },
      { file: 'b.json', format: '2021', year: 2024, org: '乙县统计局', result: check('2021', bad) },
    ];
    const errors = entries[1].result.findings.length;
    expect(errors).toBeGreaterThan(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-review-lo-'));
    try {
      const file = path.join(dir, 'review.xlsx');
      fs.writeFileSync(file, await buildReviewWorkbook(entries, [{ file: 'c.docx', message: '文件已损坏' }]));
      const [out] = convert(soffice, [file], 'xlsx', path.join(dir, 'out'), freshProfile());
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题', '未识别内容']);
      const [summary, findings, unread] = wb.worksheets;
      expect(summary.getRow(1).getCell(1).value).toBe('机关');
      expect(summary.getRow(1).getCell(8).value).toBe('实质公开率');
      expect(summary.getRow(2).getCell(1).value).toBe('甲市人民政府');
      expect(summary.getRow(3).getCell(3).value).toBe('有错误');
      expect(wb.worksheets.map((ws) => ws.autoFilter)).toEqual(['A1:M3', `A1:J${1 + errors}`, 'A1:D2']);
      // LibreOffice recalculated the link: its text, and its target row holds that body's first finding
      const link = summary.getRow(3).getCell(12).value as ExcelJS.CellFormulaValue;
      expect(link.formula).toMatch(/^HYPERLINK\("#'问题'!A2"/);
      expect(link.result).toBe(`查看 ${errors} 条`);
      expect(findings.getRow(2).getCell(1).value).toBe('乙县统计局');
      expect(findings.rowCount).toBe(1 + errors);
      expect(unread.getRow(2).getCell(4).value).toBe('c.docx');
      // the summary's rate is still a number formatted as a percentage
      expect(typeof summary.getRow(2).getCell(8).value).toBe('number');
      expect(summary.getRow(2).getCell(8).numFmt).toMatch(/0\.0\s*%/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
