import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sumCommand } from '../../src/cli/commands/sum';
import { writeTemplate } from '../../src/io/xlsx/template';
import { readXlsx } from '../../src/io/xlsx/read';
import { getFormat } from '../../src/model/formats';
import type { CliIO } from '../../src/cli/command';
import { UsageError } from '../../src/cli/command';
import { InputError } from '../../src/io/report-input';
import type { CellId, FormatId, RawValue } from '../../src/model/types';
import { consistentInputs, valueWithTotals } from './values';
import { nonEmpty } from '../support/non-empty';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-sum-'));
let out: string[] = [];
let err: string[] = [];
const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd: dir };
beforeEach(() => {
  out = [];
  err = [];
});

async function report(name: string, format: FormatId, values: Record<CellId, RawValue>, year = 2024) {
  fs.writeFileSync(
    path.join(dir, name),
    await writeTemplate({ format, year, org: name.replace(/\.xlsx$/, ''), values }),
  );
  return name;
}

describe('sum', () => {
  const a = consistentInputs('2021', 31);
  const b = consistentInputs('2021', 32);
  const c = consistentInputs('2021', 33);

  it('adds consistent reports cell by cell into a self-checking workbook that adds up', async () => {
    await report('a.xlsx', '2021', a);
    await report('b.xlsx', '2021', b);
    await report('c.xlsx', '2021', c);
    const code = await sumCommand.run(['a.xlsx', 'b.xlsx', 'c.xlsx', '--out', 'total.xlsx', '--org', '某市'], io);
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    const [total] = await readXlsx('total.xlsx', fs.readFileSync(path.join(dir, 'total.xlsx')));
    expect(total.year).toBe(2024);
    expect(total.org).toBe('某市');
    for (const cell of nonEmpty(getFormat('2021').cells)) {
      const expected = [a, b, c].reduce((s, v) => s + valueWithTotals('2021', v, cell.id), 0);
      expect(total.cells[cell.id]).toBeCloseTo(expected, 6);
      expect(Boolean(total.formulas?.[cell.id])).toBe(Boolean(cell.sumOf));
    }
    expect(out.join('')).toMatch(/已将 3 份报告/);
  });

  it('refuses inputs that do not add up, lists them, and writes nothing', async () => {
    await report('good.xlsx', '2021', a);
    await report('bad.xlsx', '2021', { ...b, 'T3.NEW.NP': b['T3.NEW.NP'] + 7 });
    const code = await sumCommand.run(['good.xlsx', 'bad.xlsx', '--out', 'refused.xlsx'], io);
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/bad\.xlsx/);
    expect(err.join('')).not.toMatch(/good\.xlsx/);
    expect(fs.existsSync(path.join(dir, 'refused.xlsx'))).toBe(false);
  });

  it('adds them anyway with --force, and says the total inherits the errors', async () => {
    const code = await sumCommand.run(['good.xlsx', 'bad.xlsx', '--out', 'forced.xlsx', '--force', '--lang', 'en'], io);
    expect(code).toBe(0);
    const [total] = await readXlsx('forced.xlsx', fs.readFileSync(path.join(dir, 'forced.xlsx')));
    expect(total.cells['T3.NEW.NP']).toBe(a['T3.NEW.NP'] + b['T3.NEW.NP'] + 7);
    expect(out.join('')).toMatch(/The consolidated tables have \d+ error/);
  });

  it('refuses to mix the 2019 and 2021 formats with a clear message', async () => {
    await report('old.xlsx', '2019', consistentInputs('2019', 4), 2020);
    await expect(sumCommand.run(['a.xlsx', 'old.xlsx', '--out', 'mix.xlsx', '--year', '2024'], io)).rejects.toThrow(
      InputError,
    );
    await expect(sumCommand.run(['a.xlsx', 'old.xlsx', '--out', 'mix.xlsx', '--year', '2024'], io)).rejects.toThrow(
      /2019.*2021/,
    );
    expect(fs.existsSync(path.join(dir, 'mix.xlsx'))).toBe(false);
  });

  it('asks for --year when the reports are for different years', async () => {
    await report('y2023.xlsx', '2021', a, 2023);
    await expect(sumCommand.run(['a.xlsx', 'y2023.xlsx', '--out', 'years.xlsx'], io)).rejects.toThrow(/--year/);
    expect(await sumCommand.run(['a.xlsx', 'y2023.xlsx', '--out', 'years.xlsx', '--year', '2024'], io)).toBe(0);
  });

  it('warns when the same report is added twice', async () => {
    const code = await sumCommand.run(['a.xlsx', 'a.xlsx', '--out', 'twice.xlsx'], io);
    expect(code).toBe(0);
    expect(err.join('')).toMatch(/a\.xlsx.*a\.xlsx/);
  });

  it('never replaces an existing file without --replace', async () => {
    fs.writeFileSync(path.join(dir, 'mine.xlsx'), 'user data');
    await expect(sumCommand.run(['a.xlsx', 'b.xlsx', '--out', 'mine.xlsx'], io)).rejects.toThrow(UsageError);
    expect(fs.readFileSync(path.join(dir, 'mine.xlsx'), 'utf8')).toBe('user data');
  });

  it('lists mixed formats one input a line through the command line, a body name from a file escaped', async () => {
    const { main } = await import('../../src/cli/main');
    // JSON keeps a body name as written, control characters included (the workbook reader drops them).
    const hostile = { format: '2021', year: 2024, org: '某局\u001b]0;x\u0007\nFAKE LINE: 0 errors', cells: a };
    fs.writeFileSync(path.join(dir, 'm21.json'), JSON.stringify(hostile));
    await report('m19.xlsx', '2019', {});
    const code = await main(['sum', 'm21.json', 'm19.xlsx', '--out', 'mixed.xlsx'], io);
    expect(code).toBe(2);
    const lines = err.join('').trimEnd().split('\n');
    expect(lines.length).toBe(3);
    expect(lines[1]).toBe('  2021  m21.json (某局\\x1b]0;x\\x07\\nFAKE LINE: 0 errors 2024)');
    expect(lines[2]).toMatch(/^ {2}2019 {2}m19\.xlsx/);
    expect(err.join('')).not.toContain('\u001b');
    expect(fs.existsSync(path.join(dir, 'mixed.xlsx'))).toBe(false);
  });
});
