/**
 * The command line speaks the language `--lang` names (Chinese by default) in its help, its usage errors, its
 * reader errors and the texts of `sum` and `template`, whether `--lang` comes before the command or among its options.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/run-cli';
import { COMMANDS } from '../../src/cli/commands';

const EXPECTED = path.join(__dirname, '../fixtures/expected');

const CJK = /[\u4e00-\u9fff]/;
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-lang-'));
  fs.writeFileSync(path.join(tmp, 'existing.xlsx'), 'not mine to overwrite');
  const report = JSON.parse(fs.readFileSync(path.join(EXPECTED, 'suqian-2024.json'), 'utf8'));
  report.cells['T3.R1.NP'] = 1480; // 1408 with two digits swapped
  fs.writeFileSync(path.join(tmp, 'swapped.json'), JSON.stringify(report));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('help', () => {
  test('disclosure-tables --help is Chinese by default and English with --lang en, before or after', async () => {
    const zh = await runCli(['--help'], tmp);
    const en = await runCli(['--lang', 'en', '--help'], tmp);
    const enAfter = await runCli(['--help', '--lang', 'en'], tmp);
    expect([zh.code, en.code]).toEqual([0, 0]);
    expect(zh.stdout).toMatch(/^用法：disclosure-tables <命令>/);
    expect(en.stdout).toMatch(/^Usage: disclosure-tables <command>/);
    expect(enAfter.stdout).toBe(en.stdout);
    expect(COMMANDS.length).toBeGreaterThan(3);
    for (const c of COMMANDS) {
      expect(zh.stdout).toContain(`  ${c.name} `);
      expect(en.stdout).toContain(`  ${c.name} `);
    }
    expect(en.stdout).not.toMatch(/用法|命令：/);
  });

  test.each(['check', 'template', 'sum', 'narrative'])('%s --help in both languages', async (name) => {
    const zh = await runCli([name, '--help'], tmp);
    const en = await runCli([name, '--help', '--lang', 'en'], tmp);
    const enFirst = await runCli(['--lang=en', name, '--help'], tmp);
    expect(zh.stdout).toMatch(new RegExp(`^用法：disclosure-tables ${name} `));
    expect(zh.stdout).toContain('--lang zh|en');
    expect(en.stdout).toMatch(new RegExp(`^Usage: disclosure-tables ${name} `));
    expect(enFirst.stdout).toBe(en.stdout);
  });

  test('an unknown command is named in the language asked, with the help after it', async () => {
    const zh = await runCli(['chek'], tmp);
    const en = await runCli(['--lang', 'en', 'chek'], tmp);
    expect([zh.code, en.code]).toEqual([2, 2]);
    expect(zh.stderr).toMatch(/^disclosure-tables: 没有“chek”这个命令\n用法：/);
    expect(en.stderr).toMatch(/^disclosure-tables: unknown command “chek”\nUsage:/);
  });
});

describe('errors', () => {
  test.each([
    [['check', 'missing.txt'], /^disclosure-tables check: missing\.txt: 没有这个文件或文件夹\n$/],
    [['--lang', 'en', 'check', 'missing.txt'], /^disclosure-tables check: missing\.txt: no such file or folder\n$/],
    [['sum', 'a.json'], /^disclosure-tables sum: 缺少 --out 文件\.xlsx\n用法：disclosure-tables sum/],
    [
      ['--lang', 'en', 'sum', 'a.json'],
      /^disclosure-tables sum: --out FILE\.xlsx is required\nUsage: disclosure-tables sum/,
    ],
    [['sum', '--out', 'total.xlsx'], /^disclosure-tables sum: 请给出要汇总的报告/],
    [['sum', '--lang', 'en', '--out', 'total.xlsx'], /^disclosure-tables sum: name the reports to add/],
    [['sum', 'a.json', '--out', 'existing.xlsx'], /existing\.xlsx 已存在；请换一个文件名，或加 --replace 覆盖/],
    [['sum', 'a.json', '--out', 'existing.xlsx', '--lang', 'en'], /existing\.xlsx already exists; choose another/],
    [['template', '--out', 'x.xlsx', '--year', '1999'], /--year 应为 2008 至 \d{4} 之间的报告年度，而不是“1999”/],
    [['template', '--out', 'x.xlsx', '--format', '2020'], /--format 应为 2021 或 2019，而不是“2020”/],
    [['template', '--lang=en', '--out', 'x.xlsx', '--format', '2020'], /--format must be 2021 or 2019, not “2020”/],
    [['template', '--out'], /--out 后面需要一个值/],
    [['template', 'extra', '--out', 'x.xlsx', '--lang', 'en'], /unexpected argument “extra”/],
    [['narrative'], /请给出报告文件或文件夹/],
    [['narrative', '--lang', 'en'], /name a report file or folder/],
  ])('%j exits 2 and says so in its language', async (args, message) => {
    const r = await runCli(args, tmp);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    // Nothing was written in place of what was there.
    expect(fs.readFileSync(path.join(tmp, 'existing.xlsx'), 'utf8')).toBe('not mine to overwrite');
    expect(fs.existsSync(path.join(tmp, 'x.xlsx'))).toBe(false);
  });

  test('an English usage error carries no Chinese sentence, a Chinese one is Chinese', async () => {
    const en = await runCli(['--lang', 'en', 'check', '--colour'], tmp);
    const zh = await runCli(['check', '--colour'], tmp);
    const firstLine = (s: string) => s.split('\n')[0];
    expect(firstLine(en.stderr)).not.toMatch(CJK);
    expect(firstLine(zh.stderr)).toMatch(CJK);
  });
});

describe('template', () => {
  test('says what it wrote in the language asked', async () => {
    const zh = await runCli(['template', '--out', 'zh.xlsx', '--year', '2024'], tmp);
    const en = await runCli(['template', '--out', 'en.xlsx', '--year', '2024', '--lang', 'en'], tmp);
    expect([zh.code, en.code]).toEqual([0, 0]);
    expect(zh.stdout).toBe(
      '已写入 zh.xlsx（2021 格式，2024 年度）。表内公式和条件格式会在 Excel 或 WPS 中自动校验。\n',
    );
    expect(en.stdout).toMatch(/^Wrote en\.xlsx \(format 2021, year 2024\)\./);
  });
});

describe('check --json', () => {
  /** A rule id (`T3.rowTotal`) or a cell id (`T3.R1.NP`). */
  const INTERNAL_ID = /\bT[234]\.[A-Za-z]|\b(?:V|P|X|F|FMT|N)\.[a-z]/;
  type JsonFinding = { rule: string; cells: string[]; message: string };
  const findings = async (args: string[]): Promise<JsonFinding[]> => {
    const r = await runCli(args, tmp);
    expect(r.code).toBe(1);
    return JSON.parse(r.stdout).reports[0].findings;
  };

  test('each finding’s message is said in --lang, Chinese by default; the ids and numbers are the same data', async () => {
    const zh = await findings(['check', 'swapped.json', '--json']);
    const en = await findings(['check', 'swapped.json', '--json', '--lang', 'en']);
    const enFirst = await findings(['--lang=en', 'check', 'swapped.json', '--json']);
    expect(zh.length).toBeGreaterThan(0);
    expect(enFirst).toEqual(en);
    const rowTotal = zh.findIndex((f) => f.rule === 'T3.rowTotal');
    expect(rowTotal).toBeGreaterThanOrEqual(0);
    expect(zh[rowTotal].cells).toContain('T3.R1.TOT');
    expect(zh[rowTotal].message).toMatch(/^表三“（一）予以公开”行：“总计”填 \d+，各申请人之和为 \d+，相差/);
    expect(zh[rowTotal].message).toContain('最可能出错的是 表三“（一）予以公开”行“自然人”列，疑似数字输入错误');
    expect(en[rowTotal].message).toMatch(
      /^Table 3, row “（一）予以公开”: “总计” says \d+ but the applicant columns add up/,
    );
    expect(en[rowTotal].message).toContain('most likely wrong: Table 3 “（一）予以公开” / “自然人”');
    expect(zh).toHaveLength(en.length);
    zh.forEach((f, i) => {
      // Apart from the message, the finding is the same data in either language.
      expect({ ...f, message: '' }).toEqual({ ...en[i], message: '' });
      expect(f.message).toMatch(CJK);
      expect(f.message).not.toBe(en[i].message);
      expect(`${f.message} ${en[i].message}`).not.toMatch(INTERNAL_ID);
    });
  });
});
