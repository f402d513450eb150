import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from '../support/run-cli';

const SEED = path.join(__dirname, '../fixtures/samples/seed-county-bureau-2025.txt');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-copied-'));
  // A title that names the body, so the folder pairs the two years by body.
  const text = '某某县统计局2025年政府信息公开工作年度报告\n' + fs.readFileSync(SEED, 'utf8');
  fs.mkdirSync(path.join(tmp, 'two-years'));
  fs.writeFileSync(path.join(tmp, 'two-years/2025.txt'), text);
  // Last year's report: the same sentences with last year's year in them.
  fs.writeFileSync(path.join(tmp, 'two-years/2024.txt'), text.replace(/2025/g, '2024'));
  // The same two years without a body name anywhere, in files whose names say nothing either.
  const bare = fs.readFileSync(SEED, 'utf8');
  expect(bare).not.toMatch(/统计局/);
  for (const dir of ['no-names', 'no-names-this', 'no-names-last']) fs.mkdirSync(path.join(tmp, dir));
  fs.writeFileSync(path.join(tmp, 'no-names/a.txt'), bare);
  fs.writeFileSync(path.join(tmp, 'no-names/b.txt'), bare.replace(/2025/g, '2024'));
  fs.writeFileSync(path.join(tmp, 'no-names-this/a.txt'), bare);
  fs.writeFileSync(path.join(tmp, 'no-names-last/b.txt'), bare.replace(/2025/g, '2024'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('a folder of two years: the overview copied from last year is a warning quoting the section and the share', async () => {
  const r = await run(['check', 'two-years', '--json'], tmp);
  const reports = JSON.parse(r.stdout).reports as { year: number; findings: { rule: string; message: string }[] }[];
  expect(reports.map((x) => x.year).sort()).toEqual([2024, 2025]);
  const latest = reports.find((x) => x.year === 2025)!;
  const copied = latest.findings.filter((f) => f.rule === 'P.copiedText');
  expect(copied.length).toBeGreaterThan(0);
  expect(copied[0].message).toMatch(/^“一、总体情况”与上年报告相同或几乎相同的句子占 100%/);
  // last year has no previous report: nothing to compare
  expect(reports.find((x) => x.year === 2024)!.findings.filter((f) => f.rule === 'P.copiedText')).toEqual([]);
});

test('--previous: the same comparison against a report given explicitly', async () => {
  const r = await run(['check', 'two-years/2025.txt', '--previous', 'two-years/2024.txt'], tmp);
  expect(r.stdout).toContain('正文不应照抄上年');
});

type JsonReport = { file: string; year: number; previous?: string; findings: { rule: string }[] };

test('reports without body names in a folder pair by year when the folder has one report of each year', async () => {
  const r = await run(['check', 'no-names', '--json'], tmp);
  const reports = JSON.parse(r.stdout).reports as JsonReport[];
  expect(reports.map((x) => x.year).sort()).toEqual([2024, 2025]);
  const latest = reports.find((x) => x.year === 2025)!;
  expect(latest.previous).toMatch(/b\.txt$/);
  expect(latest.findings.some((f) => f.rule === 'P.copiedText')).toBe(true);
});

test('--previous FOLDER: one report a year on each side pairs by year without body names', async () => {
  const r = await run(['check', 'no-names-this', '--previous', 'no-names-last', '--json'], tmp);
  const reports = JSON.parse(r.stdout).reports as JsonReport[];
  expect(reports).toHaveLength(1);
  expect(reports[0].previous).toMatch(/b\.txt$/);
  expect(reports[0].findings.some((f) => f.rule === 'P.copiedText')).toBe(true);
});

test('two reports of one year without body names are not paired by year: which is whose is not known', async () => {
  fs.mkdirSync(path.join(tmp, 'ambiguous'));
  const bare = fs.readFileSync(SEED, 'utf8');
  fs.writeFileSync(path.join(tmp, 'ambiguous/a.txt'), bare);
  fs.writeFileSync(path.join(tmp, 'ambiguous/c.txt'), bare);
  fs.writeFileSync(path.join(tmp, 'ambiguous/b.txt'), bare.replace(/2025/g, '2024'));
  const r = await run(['check', 'ambiguous', '--json'], tmp);
  const reports = JSON.parse(r.stdout).reports as JsonReport[];
  expect(reports).toHaveLength(3);
  for (const x of reports) expect(x.previous).toBeUndefined();
});
