/**
 * Every report gets one verdict: blank cells make it 未填写完整 ("incomplete") on every surface, never 通过; cells
 * the reader could not read make it "not fully checked", not blamed on the report.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { runCli } from '../support/run-cli';
import { check } from '../../src/model/check';
import { getFormat } from '../../src/model/formats';
import { reportVerdict } from '../../src/model/verdict';

const ROOT = path.join(__dirname, '../..');
const EXPECTED = path.join(ROOT, 'test/fixtures/expected');
const suqian2024 = JSON.parse(fs.readFileSync(path.join(EXPECTED, 'suqian-2024.json'), 'utf8')) as {
  format: '2021';
  year: number;
  cells: Record<string, number>;
};
const inputs = getFormat('2021')
  .cells.filter((c) => c.role === 'input')
  .map((c) => c.id);

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-verdict-'));
  const blank = structuredClone(suqian2024);
  // Two cells the report leaves blank; whatever they hold, the figures that are there still agree.
  delete blank.cells['T3.R1.NP'];
  delete blank.cells['T2.REG.ISSUED'];
  fs.writeFileSync(path.join(tmp, 'blank.json'), JSON.stringify(blank));
  fs.writeFileSync(path.join(tmp, 'whole.json'), JSON.stringify(suqian2024));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('a report with blank cells is 未填写完整 in the text and "incomplete" in JSON, never 通过', async () => {
  const text = await runCli(['check', 'blank.json'], tmp);
  expect(text.stdout).toContain('结论：未填写完整');
  expect(text.stdout).not.toContain('结论：通过');
  const en = await runCli(['check', 'blank.json', '--lang', 'en'], tmp);
  expect(en.stdout).toContain('Verdict: incomplete');
  const json = await runCli(['check', 'blank.json', '--json'], tmp);
  const [rep] = JSON.parse(json.stdout).reports;
  expect(rep.unfilled.length).toBeGreaterThan(0);
  expect(rep.status).toBe('incomplete');
});

test('a whole, consistent report is 通过 / "pass"', async () => {
  const text = await runCli(['check', 'whole.json'], tmp);
  expect(text.stdout).toContain('结论：通过');
  const [rep] = JSON.parse((await runCli(['check', 'whole.json', '--json'], tmp)).stdout).reports;
  expect(rep.status).toBe('pass');
});

test('a published report the reader read only in part is not 通过, and not blamed as unfilled', async () => {
  const sample = path.join(ROOT, 'test/fixtures/samples/03-longgang-qzfgzbm-2024-partial.txt');
  const [rep] = JSON.parse((await runCli(['check', sample, '--json'], ROOT)).stdout).reports;
  expect(rep.unread.length).toBeGreaterThan(0);
  expect(rep.status).not.toBe('pass');
  expect(rep.status).toBe(reportVerdict({ ...rep, findings: rep.findings }, rep.unread.length));
});

test('for every set of blanks, the verdict is incomplete or errors, never pass or warnings', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.constantFrom(...inputs), { minLength: 1, maxLength: 20 }), (blanks) => {
      const cells = { ...suqian2024.cells };
      for (const id of blanks) delete cells[id];
      const r = check('2021', cells, { year: suqian2024.year });
      expect(r.unfilled.length).toBeGreaterThan(0);
      expect(['incomplete', 'errors']).toContain(reportVerdict(r));
      expect(reportVerdict(r, 5)).toBe(reportVerdict(r));
    }),
  );
});

test('unread cells turn a pass into "unread", never into a blame of the report', () => {
  const r = check('2021', suqian2024.cells, { year: suqian2024.year });
  expect(reportVerdict(r)).toBe('pass');
  expect(reportVerdict(r, 3)).toBe('unread');
});
