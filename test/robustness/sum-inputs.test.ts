/**
 * `sum` never counts a report twice nor writes over an input: a workbook holding a second (hidden or visible) set of
 * the tables contributes one set, an earlier total found in the folder is left out, `--out` naming an input by any
 * path, symbolic link or hard link is refused before anything is written, and names from files reach the terminal
 * escaped. Every workbook is built in the test.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/command';
import { applyPlan, buildTemplateWorkbook, writeTemplate } from '../../src/io/xlsx/template';
import { readXlsx } from '../../src/io/xlsx/read';
import { planReport } from '../../src/model/layout';
import type { CellId } from '../../src/model/types';
import { consistentInputs } from '../xlsx/values';

let dir: string;
let out: string[];
let err: string[];
const io = (): CliIO => ({ stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd: dir });
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-sum-inputs-'));
  out = [];
  err = [];
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const A = consistentInputs('2021', 41);
const B = consistentInputs('2021', 42);
const C = consistentInputs('2021', 43);
const NEW = 'T3.NEW.NP';

async function write(name: string, values: Record<CellId, number>, org = name.replace(/\.xlsx$/, '')) {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), await writeTemplate({ year: 2024, org, values }));
}

interface SetOptions {
  /** `state` of each sheet in xl/workbook.xml (absent: visible). */
  states?: (undefined | 'hidden' | 'veryHidden')[];
  /** Keep the add-in's workbook-level table names (they point into the first sheet). */
  names?: boolean;
  years?: number[];
}

/** A workbook with one complete set of the tables per sheet, the given values in each; sheet states set in the XML. */
async function sets(name: string, values: Record<CellId, number>[], o: SetOptions = {}) {
  const year = (i: number) => o.years?.[i] ?? 2024;
  const wb = await buildTemplateWorkbook({ year: year(0), org: '甲局', values: values[0] });
  values.slice(1).forEach((v, i) => {
    const ws = wb.addWorksheet(`第${i + 2}套`);
    applyPlan(ws, planReport({ format: '2021', year: year(i + 1), org: '甲局' }), v);
  });
  const parts = unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  let book = strFromU8(parts['xl/workbook.xml']);
  let n = 0;
  book = book.replace(/<sheet\b/g, (tag) => {
    const state = o.states ? o.states[n] : undefined;
    n++;
    return state ? `${tag} state="${state}"` : tag;
  });
  expect(n).toBe(values.length);
  if (o.names === false) {
    expect(book).toContain('DisclosureTables_T3');
    book = book.replace(/<definedNames>.*<\/definedNames>/s, '');
  }
  parts['xl/workbook.xml'] = strToU8(book);
  fs.writeFileSync(path.join(dir, name), zipSync(parts));
}

async function totalOf(name: string) {
  const [total] = await readXlsx(name, fs.readFileSync(path.join(dir, name)));
  return total;
}

const stdout = () => out.join('');
const stderr = () => err.join('');

describe('sum takes one set of tables from each workbook', () => {
  it('a hidden copy beside the add-in’s visible tables is left out, and the note names both sheets', async () => {
    await sets('copy.xlsx', [A, B], { states: [undefined, 'hidden'] });
    await write('other.xlsx', C);
    expect(await main(['sum', 'copy.xlsx', 'other.xlsx', '--out', 'total.xlsx'], io())).toBe(0);
    expect((await totalOf('total.xlsx')).cells[NEW]).toBe(A[NEW] + C[NEW]);
    expect(stderr()).toContain(
      'copy.xlsx 中有 2 套完整的表（工作表「统计表」、「第2套」（隐藏）），只计入工作表「统计表」',
    );
    expect(stderr()).toContain('加载项生成并标记的一套');
    expect(stdout()).toMatch(/已将 2 份报告/);
    expect(stdout()).not.toContain('第2套');
  });

  it('without the add-in’s names the first visible set counts: a very hidden first sheet is left out', async () => {
    await sets('first-hidden.xlsx', [A, B], { states: ['veryHidden'], names: false });
    expect(await main(['sum', 'first-hidden.xlsx', '--out', 'total.xlsx', '--lang', 'en'], io())).toBe(0);
    expect((await totalOf('total.xlsx')).cells[NEW]).toBe(B[NEW]);
    expect(stderr()).toContain(
      "note: first-hidden.xlsx holds 2 complete sets of the tables (sheets '统计表' (hidden), '第2套'); only sheet '第2套' is added (the first set not hidden)",
    );
  });

  it('two visible sets without names: the first one counts, once', async () => {
    await sets('two.xlsx', [A, B, C], { names: false });
    expect(await main(['sum', 'two.xlsx', '--out', 'total.xlsx'], io())).toBe(0);
    expect((await totalOf('total.xlsx')).cells[NEW]).toBe(A[NEW]);
    expect(stderr().trimEnd().split('\n')).toEqual([
      expect.stringMatching(/two\.xlsx 中有 3 套完整的表.*只计入工作表「统计表」（第一套未隐藏的表）$/),
    ]);
  });

  it('last year beside this year: --year picks the set of that year', async () => {
    await sets('years.xlsx', [A, B], { years: [2023, 2024] });
    expect(await main(['sum', 'years.xlsx', '--out', 'total.xlsx', '--year', '2024'], io())).toBe(0);
    expect((await totalOf('total.xlsx')).cells[NEW]).toBe(B[NEW]);
    expect(stderr()).toContain('只计入工作表「第2套」（--year 所指年度的一套）');
  });
});

describe('sum leaves an earlier total out of a folder', () => {
  it('a consolidated workbook written by sum is known again and left out with a note; the rest adds up', async () => {
    await write('bodies/a.xlsx', A);
    await write('bodies/b.xlsx', B);
    expect(await main(['sum', 'bodies', '--out', 'first.xlsx'], io())).toBe(0);
    expect((await totalOf('first.xlsx')).consolidated).toBe(true);
    expect((await totalOf('bodies/a.xlsx')).consolidated).toBeUndefined();
    fs.renameSync(path.join(dir, 'first.xlsx'), path.join(dir, 'bodies', '汇总.xlsx'));
    out = [];
    err = [];
    expect(await main(['sum', 'bodies', '--out', 'second.xlsx'], io())).toBe(0);
    expect((await totalOf('second.xlsx')).cells[NEW]).toBe(A[NEW] + B[NEW]);
    expect(stderr()).toBe(
      `注意：${path.join('bodies', '汇总.xlsx')} (2024) 是本工具之前写出的汇总表，未计入（否则其中各单位会被重复相加）\n`,
    );
    expect(stdout()).toMatch(/已将 2 份报告/);
  });

  it('totals named on the command line, or a folder of nothing but totals, are added (a total of totals)', async () => {
    await write('a.xlsx', A);
    await write('b.xlsx', B);
    await write('c.xlsx', C);
    fs.mkdirSync(path.join(dir, 'totals'));
    expect(await main(['sum', 'a.xlsx', 'b.xlsx', '--out', 'totals/ab.xlsx'], io())).toBe(0);
    expect(await main(['sum', 'c.xlsx', '--out', 'totals/c.xlsx'], io())).toBe(0);
    out = [];
    err = [];
    expect(await main(['sum', 'totals', '--out', 'all.xlsx'], io())).toBe(0);
    expect((await totalOf('all.xlsx')).cells[NEW]).toBe(A[NEW] + B[NEW] + C[NEW]);
    expect(await main(['sum', 'totals/ab.xlsx', 'c.xlsx', '--out', 'named.xlsx'], io())).toBe(0);
    expect((await totalOf('named.xlsx')).cells[NEW]).toBe(A[NEW] + B[NEW] + C[NEW]);
    expect(stderr()).toBe('');
  });
});

describe('sum never writes over an input', () => {
  async function refused(outArg: string, inputs: string[]) {
    const before = fs.readFileSync(path.join(dir, 'in.xlsx'));
    const code = await main(['sum', ...inputs, '--out', outArg, '--replace'], io());
    expect(code).toBe(2);
    expect(stderr().trimEnd().split('\n')).toHaveLength(1);
    expect(stderr()).toMatch(/就是要汇总的文件 .*in\.xlsx.*未写入/);
    expect(fs.readFileSync(path.join(dir, 'in.xlsx')).equals(before)).toBe(true);
    expect(stdout()).toBe('');
  }

  beforeEach(async () => {
    await write('in.xlsx', A);
    await write('b.xlsx', B);
  });

  it('--out a symbolic link to an input', async () => {
    fs.symlinkSync(path.join(dir, 'in.xlsx'), path.join(dir, 'link.xlsx'));
    await refused('link.xlsx', ['in.xlsx', 'b.xlsx']);
  });

  it('--out a hard link to an input', async () => {
    fs.linkSync(path.join(dir, 'in.xlsx'), path.join(dir, 'hard.xlsx'));
    await refused('hard.xlsx', ['in.xlsx', 'b.xlsx']);
  });

  it('--out the input by another path (./x/../in.xlsx), and an input found in a folder through a link', async () => {
    fs.mkdirSync(path.join(dir, 'x'));
    await refused('./x/../in.xlsx', ['in.xlsx', 'b.xlsx']);
    err = [];
    fs.mkdirSync(path.join(dir, 'folder'));
    fs.symlinkSync(path.join(dir, 'in.xlsx'), path.join(dir, 'folder', 'in.xlsx'));
    await refused('in.xlsx', ['folder', 'b.xlsx']);
  });

  it('a link to another file is replaced as --replace says, and a dangling link needs --replace', async () => {
    fs.writeFileSync(path.join(dir, 'old.xlsx'), 'an earlier total');
    fs.symlinkSync(path.join(dir, 'old.xlsx'), path.join(dir, 'to-old.xlsx'));
    expect(await main(['sum', 'in.xlsx', 'b.xlsx', '--out', 'to-old.xlsx', '--replace'], io())).toBe(0);
    expect((await totalOf('old.xlsx')).cells[NEW]).toBe(A[NEW] + B[NEW]);
    fs.symlinkSync(path.join(dir, 'nowhere.xlsx'), path.join(dir, 'dangling.xlsx'));
    expect(await main(['sum', 'in.xlsx', '--out', 'dangling.xlsx'], io())).toBe(2);
    expect(fs.existsSync(path.join(dir, 'nowhere.xlsx'))).toBe(false);
  });
});

describe('sum escapes what it prints from files', () => {
  it('a body name and a file name holding ESC and a newline cannot forge a line or drive the terminal', async () => {
    const hostile = 'x\u001b[2J\nFAKE LINE: 0 errors';
    fs.writeFileSync(
      path.join(dir, 'a.json'),
      JSON.stringify({ format: '2021', year: 2024, org: `某局${hostile}`, cells: A }),
    );
    await write(`b${hostile}.xlsx`, B);
    expect(await main(['sum', 'a.json', `b${hostile}.xlsx`, 'a.json', '--out', 'total.xlsx'], io())).toBe(0);
    const printed = stdout() + stderr();
    expect(printed).not.toContain('\u001b');
    expect(printed.split('\n').filter((l) => l.startsWith('FAKE LINE'))).toEqual([]);
    expect(stdout()).toContain('  + a.json (某局x\\x1b[2J\\nFAKE LINE: 0 errors 2024)');
    expect(stdout()).toContain('  + bx\\x1b[2J\\nFAKE LINE: 0 errors.xlsx');
    // The duplicate note quotes both names, escaped.
    expect(stderr()).toMatch(/^注意：a\.json \(某局x\\x1b\[2J\\nFAKE LINE: 0 errors 2024\) 与 /);
  });

  it('findings quoting a cell of a refused input are escaped too', async () => {
    fs.writeFileSync(
      path.join(dir, 'bad.json'),
      JSON.stringify({ format: '2021', year: 2024, cells: { ...A, [NEW]: '\u001b]0;title\u0007\nFAKE' } }),
    );
    expect(await main(['sum', 'bad.json', '--out', 'total.xlsx'], io())).toBe(1);
    expect(stderr()).not.toContain('\u001b');
    expect(stderr()).not.toContain('\u0007');
    expect(
      stderr()
        .split('\n')
        .filter((l) => l.startsWith('FAKE')),
    ).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'total.xlsx'))).toBe(false);
  });
});
