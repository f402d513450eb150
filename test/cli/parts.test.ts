import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { runCli as run } from '../support/run-cli';
import { addValues } from '../../src/model/aggregate';
import { consistentReport } from '../model/generate';

let tmp: string;
const [a, b, c] = fc.sample(consistentReport('2021'), { seed: 15, numRuns: 3 });
const total = addValues('2021', [a, b]).values;

function write(file: string, org: string, year: number, cells: Record<string, number>) {
  fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
  fs.writeFileSync(path.join(tmp, file), JSON.stringify({ format: '2021', year, org, cells }));
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-parts-'));
  write('total.json', '某市', 2024, total);
  write('wrong-total.json', '某市', 2024, { ...total, 'T3.R1.NP': total['T3.R1.NP'] + 7 });
  write('parts/a-2024.json', '甲局', 2024, a);
  write('parts/b-2024.json', '乙局', 2024, b);
  // last year: 丙局 reported too, and has no report this year
  write('parts/a-2023.json', '甲局', 2023, c);
  write('parts/c-2023.json', '丙局', 2023, c);
  fs.writeFileSync(path.join(tmp, 'bodies.txt'), '甲局\n乙局\n丁局\n');
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('check TOTAL --parts FOLDER', () => {
  test('a consolidated report that is the sum of its parts: exit 0; last year reports only name missing bodies', async () => {
    const r = await run(['check', 'total.json', '--parts', 'parts'], tmp);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('与 2 份下级报告逐格相加比对');
    expect(r.stdout).toContain('每个单元格都等于各部分之和。');
    expect(r.stdout).toContain('丙局：有 2023 年度的报告');
    expect(r.stdout).not.toMatch(/T[234]\.[A-Z]/);
  });

  test('a cell that is not the sum: named by its labels with stated, sum and difference; exit 1', async () => {
    const r = await run(['check', 'wrong-total.json', '--parts', 'parts', '--json'], tmp);
    expect(r.code).toBe(1);
    const { parts } = JSON.parse(r.stdout);
    expect(parts.differences).toEqual([
      { cell: 'T3.R1.NP', stated: total['T3.R1.NP'] + 7, sum: total['T3.R1.NP'], difference: 7 },
    ]);
    expect(parts.parts.map((p: { org: string }) => p.org)).toEqual(['甲局', '乙局']);
    expect(parts.consolidated.errors).toBeGreaterThan(0);
    const text = await run(['check', 'wrong-total.json', '--parts', 'parts'], tmp);
    expect(text.stdout).toContain(
      `表三“（一）予以公开”行“自然人”列：汇总报告填 ${total['T3.R1.NP'] + 7}，各部分之和为 ${total['T3.R1.NP']}，相差 +7`,
    );
  });

  test('--expect: a listed body without a report is missing; parts with errors and unreadable files are listed', async () => {
    write('parts2/a.json', '甲局', 2024, a);
    write('parts2/b.json', '乙局', 2024, { ...b, 'T3.NEW.NP': b['T3.NEW.NP'] + 1 });
    fs.writeFileSync(path.join(tmp, 'parts2/broken.json'), '{"format": "2021", "cells": ');
    const r = await run(['check', 'total.json', '--parts', 'parts2', '--expect', 'bodies.txt', '--lang', 'en'], tmp);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('丁局: on the list, but the folder has no report of it for this year');
    expect(r.stdout).toMatch(/broken\.json: cannot be read/);
    expect(r.stdout).toMatch(/Parts whose own tables do not add up \(1\):\n\s+\S*b\.json \(乙局 2024\): 2 error\(s\)/);
  });

  test('bad usage: --expect without --parts, several consolidated reports', async () => {
    expect((await run(['check', 'total.json', '--expect', 'bodies.txt'], tmp)).code).toBe(2);
    const two = await run(['check', 'total.json', 'wrong-total.json', '--parts', 'parts'], tmp);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--parts 需要恰好一份汇总报告');
  });
});
