import * as path from 'path';
import { runCli } from '../support/run-cli';

const ROOT = path.join(__dirname, '../..');

const run = (args: string[]) => runCli(args, ROOT);

describe('disclosure-tables narrative', () => {
  test('writes the three standard paragraphs from the tables of a report', async () => {
    const r = await run(['narrative', 'test/fixtures/expected/suqian-2024.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter((l) => /^（[一二三]）/.test(l))).toEqual([
      '（一）主动公开',
      '（二）依申请公开',
      '（三）行政复议、行政诉讼',
    ]);
    expect(r.stdout).toContain('本年度共收到政府信息公开申请 3525 件，上年结转 121 件。');
  });

  test('a report with unfilled cells: the text marks them and stderr names them by label, in the chosen language', async () => {
    const file = 'test/fixtures/samples/05-qu-tongjiju-2023-slash-and-blank-cells-partial.txt';
    const zh = await run(['narrative', file]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('【待填】');
    expect(zh.stderr).toMatch(/^注意：.*未填写/);
    expect(zh.stderr).not.toMatch(/T[234]\.[A-Z]/);
    const en = await run(['narrative', file, '--lang', 'en']);
    expect(en.stderr).toMatch(/^note: .*unfilled/);
  });

  test('bad usage and unreadable input exit 2 without text', async () => {
    expect((await run(['narrative'])).code).toBe(2);
    const missing = await run(['narrative', 'no/such/file.json']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
  });
});
