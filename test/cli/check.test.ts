import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/command';
import { nonEmpty } from '../support/non-empty';

const ROOT = path.join(__dirname, '../..');
const EXPECTED = path.join(ROOT, 'test/fixtures/expected');
const SAMPLES = path.join(ROOT, 'test/fixtures/samples');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd: string, isTTY = false): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY, cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

let tmp: string;
const suqian2024 = JSON.parse(fs.readFileSync(path.join(EXPECTED, 'suqian-2024.json'), 'utf8'));
const suqian2023 = JSON.parse(fs.readFileSync(path.join(EXPECTED, 'suqian-2023.json'), 'utf8'));

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-check-'));
  const bad = structuredClone(suqian2024);
  bad.cells['T3.R1.NP'] = 1480; // 1408 with two digits swapped
  fs.writeFileSync(path.join(tmp, 'bad.json'), JSON.stringify(bad));
  fs.writeFileSync(path.join(tmp, 'broken.json'), '{"format": "2021", "cells": ');
  fs.writeFileSync(path.join(tmp, 'notes.md'), '# not a report');
  fs.mkdirSync(path.join(tmp, 'years'));
  fs.writeFileSync(path.join(tmp, 'years/a-2023.json'), JSON.stringify({ ...suqian2023, org: '宿迁市人民政府' }));
  fs.writeFileSync(path.join(tmp, 'years/b-2024.json'), JSON.stringify({ ...suqian2024, org: '宿迁市人民政府' }));
  fs.writeFileSync(path.join(tmp, 'years/readme.md'), 'skipped: no reader takes it');
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('disclosure-tables check', () => {
  test('a consistent report exits 0 with the documented JSON shape', async () => {
    const r = await run(['check', path.join(EXPECTED, 'suqian-2024.json'), '--json'], ROOT);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['reports']);
    const [rep] = doc.reports;
    expect(rep).toMatchObject({ format: '2021', year: 2024, unfilled: [] });
    expect(rep.file).toContain('suqian-2024.json');
    expect(rep.cells['T3.NEW.NP']).toBe(suqian2024.cells['T3.NEW.NP']);
    expect(rep.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    for (const s of nonEmpty(rep.summary))
      expect(Object.keys(s)).toEqual(['rule', 'checked', 'passed', 'failed', 'incomplete']);
  });

  test('a wrong cell exits 1; findings carry cells, numbers, suspects and the suggestion', async () => {
    const r = await run(['check', 'bad.json', '--json'], tmp);
    expect(r.code).toBe(1);
    const [rep] = JSON.parse(r.stdout).reports;
    const errors = rep.findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors.length).toBe(2);
    for (const f of errors) {
      for (const k of [
        'rule',
        'severity',
        'cells',
        'reported',
        'computed',
        'imbalance',
        'suspects',
        'suggestion',
        'message',
      ]) {
        expect(f).toHaveProperty(k);
      }
      expect(f.suspects).toEqual(['T3.R1.NP']);
      expect(f.suggestion).toEqual({ 'T3.R1.NP': 1408 });
      expect(f.suggestionReason).toBe('digitTypo');
      expect(f.imbalance).toBe(f.reported - f.computed);
    }
  });

  test('readable output: summary line, findings by table and rule, suspects and suggestion; English on request', async () => {
    const zh = await run(['check', 'bad.json'], tmp);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('2 个错误');
    expect(zh.stdout).toMatch(/表三 三、收到和处理政府信息公开申请情况\n {2}表三各行：总计 = 各申请人之和/);
    expect(zh.stdout).toContain('建议改为：表三“（一）予以公开”行“自然人”列 = 1408');
    // What people read names cells by their labels; the ids stay in the JSON.
    expect(zh.stdout).not.toMatch(/T[234]\.[A-Z0-9_]+\.[A-Z0-9_]+|T3\.rowTotal/);
    expect(zh.stdout).not.toContain('\u001b[');
    const en = await run(['check', 'bad.json', '--lang', 'en'], tmp);
    expect(en.stdout).toContain('2 errors');
    expect(en.stdout).toContain('suggestion: Table 3 “（一）予以公开” / “自然人” = 1408');
    const enJson = JSON.parse((await run(['check', 'bad.json', '--json', '--lang', 'en'], tmp)).stdout);
    expect(enJson.reports[0].findings[0].message).toMatch(/^Table 3, row/);
    const tty = await run(['check', 'bad.json'], tmp, true);
    expect(tty.stdout).toContain('\u001b[31m');
  });

  test('a folder holding two years pairs each report with the year before; other files are skipped', async () => {
    const r = await run(['check', 'years', '--json'], tmp);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const reps = JSON.parse(r.stdout).reports;
    expect(reps.map((x: { year: number }) => x.year)).toEqual([2023, 2024]);
    expect(reps[0].previous).toBeUndefined();
    expect(reps[1].previous).toContain('a-2023.json');
    const carry = reps[1].summary.find((s: { rule: string }) => s.rule === 'X.carry');
    expect(carry).toMatchObject({ checked: 7, passed: 7 });
    const text = await run(['check', 'years'], tmp);
    expect(text.stdout).toMatch(/汇总（2 份报告）/);
  });

  test('ids the format does not know are listed as unrecognised; raw strings are parsed', async () => {
    const file = path.join(tmp, 'odd.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        ...suqian2024,
        cells: { ...suqian2024.cells, 'T3.NEW.XX': 1, 'T3.NEW.NP': String(suqian2024.cells['T3.NEW.NP']) },
      }),
    );
    const r = await run(['check', file, '--json'], tmp);
    const [rep] = JSON.parse(r.stdout).reports;
    expect(rep.unrecognised).toEqual(['T3.NEW.XX: 1']);
    expect(rep.cells['T3.NEW.NP']).toBe(suqian2024.cells['T3.NEW.NP']);
    expect(rep.findings.map((f: { rule: string }) => f.rule)).toEqual(['V.textNumber']);
    expect(r.code).toBe(0);
  });

  test('many files on a terminal get a progress bar on stderr and an end summary table', async () => {
    const dir = path.join(tmp, 'many');
    fs.mkdirSync(dir);
    for (let i = 0; i < 22; i++)
      fs.writeFileSync(path.join(dir, `r${String(i).padStart(2, '0')}.json`), JSON.stringify(suqian2024));
    const tty = await run(['check', 'many'], tmp, true);
    expect(tty.stderr).toMatch(/\[[#-]{20}\] \d+\/22 /);
    expect(tty.stdout).toMatch(/汇总（22 份报告）/);
    const piped = await run(['check', 'many'], tmp, false);
    expect(piped.stderr).toBe('');
  });

  test('--previous takes last year explicitly', async () => {
    const r = await run(
      [
        'check',
        path.join(EXPECTED, 'suqian-2024.json'),
        '--previous',
        path.join(EXPECTED, 'suqian-2023.json'),
        '--json',
      ],
      ROOT,
    );
    const [rep] = JSON.parse(r.stdout).reports;
    expect(rep.summary.find((s: { rule: string }) => s.rule === 'X.inForce')).toMatchObject({ checked: 2, passed: 2 });
  });

  test('a report text with both years side by side is read and paired', async () => {
    const r = await run(['check', path.join(SAMPLES, '02-suqian-city-2023-2024-format2021.txt'), '--json'], ROOT);
    expect([0, 1]).toContain(r.code);
    const reps = JSON.parse(r.stdout).reports;
    expect(reps).toHaveLength(2);
    expect(reps[1].previous).toBe(reps[0].file);
  });

  test.each([
    [['check'], /请至少给出一个要检查的文件或文件夹/],
    [['check', '--lang', 'en'], /name at least one file/],
    [['check', 'bad.json', '--lang', 'fr'], /--lang 应为 zh 或 en，而不是“fr”/],
    [['check', 'bad.json', '--colour'], /没有 --colour 这个选项/],
    [['--lang', 'en', 'check', 'bad.json', '--colour'], /unknown option --colour/],
    [['check', 'missing.json'], /missing\.json: 没有这个文件或文件夹/],
    [['check', 'missing.json', '--lang', 'en'], /missing\.json: no such file/],
    [['check', 'broken.json'], /broken\.json: 不是有效的 JSON/],
    [['check', 'broken.json', '--lang', 'en'], /broken\.json: not valid JSON/],
    [['check', 'notes.md'], /notes\.md: 不是本工具能读取的文件/],
    [['check', 'notes.md', '--lang=en'], /notes\.md: not a file this tool can read/],
  ])('%j exits 2 with one message and no stack trace', async (args, message) => {
    const r = await run(args, tmp);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the installed command', () => {
  // lib/ is built from the current sources by the global setup (test/support/built-cli.js).

  test('bin/disclosure-tables.js check prints JSON and exits with the status of the findings', () => {
    const bin = path.join(ROOT, 'bin/disclosure-tables.js');
    const ok = spawnSync(process.execPath, [bin, 'check', path.join(EXPECTED, 'suqian-2024.json'), '--json'], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).reports).toHaveLength(1);
    const bad = spawnSync(process.execPath, [bin, 'check', path.join(tmp, 'bad.json')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    const usage = spawnSync(process.execPath, [bin, 'check'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('请至少给出一个要检查的文件或文件夹');
  });
});
