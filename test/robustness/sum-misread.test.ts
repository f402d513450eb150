/**
 * `sum` never adds a cell whose text is not a number (issue #16 "numbers misread without a word"): `1573<U+200B>179`
 * or `3件` would be added as 0 (or, before, as its leading figure) and the consolidated total would be wrong
 * without a word. sum refuses, even with --force, naming the file, the cell and the text; nothing is written.
 * A published text report's bracketed note after a figure (`22（其中修订 16 件）`) is the reader's to strip: its
 * figure is added. Inputs are built in the test: xlsx through the repo's own writer, JSON, text.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sumCommand } from '../../src/cli/commands/sum';
import { writeTemplate } from '../../src/io/xlsx/template';
import { readXlsx } from '../../src/io/xlsx/read';
import type { CliIO } from '../../src/cli/command';
import type { CellId, RawValue } from '../../src/model/types';
import { consistentInputs } from '../xlsx/values';
import { fullValues, reportText, type Values } from '../text/synthetic';

let dir: string;
let out: string[];
let err: string[];
let io: CliIO;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-sum-misread-'));
  out = [];
  err = [];
  io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd: dir };
});

const good = consistentInputs('2021', 41);
const CELL: CellId = 'T2.NORM.ISSUED';

async function xlsx(name: string, values: Record<CellId, RawValue>) {
  fs.writeFileSync(path.join(dir, name), await writeTemplate({ format: '2021', year: 2024, org: name, values }));
}

function json(name: string, cells: Record<CellId, RawValue>) {
  fs.writeFileSync(path.join(dir, name), JSON.stringify({ format: '2021', year: 2024, org: name, cells }));
}

describe('sum refuses a cell whose text is not a number', () => {
  test.each([[[]], [['--force']]])(
    'in an xlsx, with flags %j: exit 1, file, cell and text named, nothing written',
    async (flags) => {
      await xlsx('a.xlsx', good);
      await xlsx('b.xlsx', { ...good, [CELL]: '3件' });
      const code = await sumCommand.run(['a.xlsx', 'b.xlsx', '--out', 'total.xlsx', ...flags], io);
      expect(code).toBe(1);
      const text = err.join('');
      expect(text).toMatch(/有 1 个单元格填的是文本而不是数字/);
      const lines = text.split('\n').filter((l) => l.includes('b.xlsx'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('“3件”');
      expect(lines[0]).toContain('如应为 3');
      expect(lines[0]).toMatch(/规范性文件/);
      expect(text).not.toContain('a.xlsx');
      expect(out).toEqual([]);
      expect(fs.existsSync(path.join(dir, 'total.xlsx'))).toBe(false);
    },
  );

  test('in JSON, invisible characters are shown and English is available', async () => {
    json('a.json', good);
    json('b.json', { ...good, [CELL]: '1573\u200b179', 'T2.REG.ISSUED': '0x1800AB' });
    const code = await sumCommand.run(['a.json', 'b.json', '--out', 'total.xlsx', '--force', '--lang', 'en'], io);
    expect(code).toBe(1);
    const text = err.join('');
    expect(text).toMatch(/^disclosure-tables sum: 2 cell\(s\) hold text that is not a number/);
    expect(text).toContain('“1573<U+200B>179”');
    expect(text).toContain('if it means 1573179');
    expect(text).toContain('“0x1800AB”');
    expect(text).not.toContain('\u200b');
    expect(fs.existsSync(path.join(dir, 'total.xlsx'))).toBe(false);
  });

  test('a number stored as text whole ("1,234", full-width) is one reading, and is added', async () => {
    json('a.json', good);
    json('b.json', { ...good, [CELL]: '１，２３４' });
    const code = await sumCommand.run(['a.json', 'b.json', '--out', 'total.xlsx'], io);
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    const [total] = await readXlsx('total.xlsx', fs.readFileSync(path.join(dir, 'total.xlsx')));
    expect(total.cells[CELL]).toBe(good[CELL] + 1234);
  });
});

test('a text report’s bracketed note after a figure is dropped by the reader, and its figure is added', async () => {
  const values: Values = fullValues();
  const figure = values[CELL];
  expect(typeof figure).toBe('number');
  const noted = { ...values, [CELL]: `${figure}（其中修订 1 件）` as unknown as number };
  fs.writeFileSync(path.join(dir, 'a.txt'), reportText(noted, 'text', { year: 2024 }));
  fs.writeFileSync(path.join(dir, 'b.txt'), reportText(values, 'text', { year: 2024, org: '临江市教育局' }));
  const code = await sumCommand.run(['a.txt', 'b.txt', '--out', 'total.xlsx'], io);
  // The only note: the two reports hold the same figures, the noted one included.
  expect(err.join('')).toMatch(/^注意：b\.txt .* 与 a\.txt .* 的数字完全相同[^\n]*\n$/);
  expect(code).toBe(0);
  const [total] = await readXlsx('total.xlsx', fs.readFileSync(path.join(dir, 'total.xlsx')));
  expect(total.cells[CELL]).toBe(2 * (figure as number));
});
