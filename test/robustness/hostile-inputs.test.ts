/**
 * What a folder gathered from many bodies may hold, and what a hostile file may do, run through the built command
 * line: devices, pipes and links in place of files, names in GBK bytes, documents inflating to hundreds of MB or
 * nesting tables thousands deep, JSON holding tens of thousands of reports, and texts that try to drive the
 * terminal. Every run ends by itself, under 1 GB, with 0, 1 or 2 and one clear line when it refuses.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeTemplate } from '../../src/io/xlsx/template';
import { docx, jsonReport, MB, nestedTables } from './hostile-files';
import { expectCleanEnd, runCli, SAFETY_TIMEOUT_MS } from './run-cli';

const T = SAFETY_TIMEOUT_MS + 10_000;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-hostile-inputs-'));
  fs.writeFileSync(path.join(dir, 'good.json'), JSON.stringify(jsonReport('测试局', 2024)));
  fs.writeFileSync(path.join(dir, 'good.xlsx'), await writeTemplate({ year: 2024, org: '测试局' }));
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function folder(name: string): string {
  const f = path.join(dir, name);
  fs.mkdirSync(f, { recursive: true });
  fs.copyFileSync(path.join(dir, 'good.json'), path.join(f, 'good.json'));
  return f;
}

describe('what stands in a folder in place of a file', () => {
  test(
    '/dev/zero linked as a .txt is refused as no regular file, never read',
    () => {
      fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
      const r = runCli(['check', 'zero.txt'], dir);
      expectCleanEnd(r);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/zero\.txt: 不是普通文件/);
      const en = runCli(['check', 'zero.txt', '--lang', 'en'], dir);
      expect(en.stderr).toMatch(/zero\.txt: not a regular file/);
    },
    T,
  );

  test(
    'a FIFO named on the command line or found in a folder is not opened (no hang)',
    () => {
      const f = folder('with-fifo');
      execFileSync('mkfifo', [path.join(f, 'pipe.txt')]);
      const named = runCli(['check', 'with-fifo/pipe.txt'], dir);
      expectCleanEnd(named);
      expect(named.stderr).toMatch(/pipe\.txt: 不是普通文件/);
      const walked = runCli(['check', 'with-fifo', '--json'], dir);
      expectCleanEnd(walked);
      expect(walked.status).toBe(2);
      const doc = JSON.parse(walked.stdout);
      expect(doc.reports).toHaveLength(1);
      expect(doc.unreadable).toEqual([
        { file: path.join('with-fifo', 'pipe.txt'), message: expect.stringMatching(/不是普通文件/) },
      ]);
    },
    T,
  );

  test(
    '/dev/stdin from a pipe says what it is instead of ESPIPE',
    () => {
      const r = runCli(['check', '/dev/stdin'], dir, '{"cells":{}}');
      expectCleanEnd(r);
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/ESPIPE/);
      expect(r.stderr).toMatch(/不是普通文件/);
    },
    T,
  );

  test(
    'linked files and folders are read once; a link back up the tree is no loop; a link to nothing is listed',
    () => {
      const f = folder('links');
      fs.mkdirSync(path.join(f, 'sub'));
      fs.copyFileSync(path.join(dir, 'good.xlsx'), path.join(f, 'sub', 'b.xlsx'));
      fs.symlinkSync(path.join(dir, 'good.xlsx'), path.join(f, 'linked.xlsx'));
      fs.symlinkSync('..', path.join(f, 'sub', 'up'));
      fs.symlinkSync(path.join(f, 'sub'), path.join(f, 'sub-again'));
      fs.symlinkSync(path.join(f, 'nothing.json'), path.join(f, 'dangling.json'));
      const r = runCli(['check', 'links', '--json'], dir);
      expectCleanEnd(r);
      const doc = JSON.parse(r.stdout);
      const files = doc.reports.map((x: { file: string }) => x.file).sort();
      expect(files).toEqual([
        path.join('links', 'good.json'),
        path.join('links', 'linked.xlsx'),
        path.join('links', 'sub', 'b.xlsx'),
      ]);
      expect(doc.unreadable).toEqual([
        { file: path.join('links', 'dangling.json'), message: expect.stringMatching(/链接/) },
      ]);
    },
    T,
  );

  test(
    'a file whose name is GBK bytes is read and shown by its Chinese name',
    () => {
      const f = folder('gbk');
      // 报告.json in GBK: 报 B1A8, 告 B8E6.
      const name = Buffer.concat([Buffer.from(f + '/'), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from('.json')]);
      fs.writeFileSync(name, JSON.stringify(jsonReport('另一局', 2024, 7)));
      const r = runCli(['check', 'gbk', '--json'], dir);
      expectCleanEnd(r);
      const doc = JSON.parse(r.stdout);
      expect(doc.unreadable).toBeUndefined();
      expect(doc.reports.map((x: { file: string }) => x.file)).toContain(path.join('gbk', '报告.json'));
    },
    T,
  );
});

describe('documents that are larger inside than out', () => {
  test(
    'a .docx inflating to 400 MB is refused under the inflate cap, not read whole',
    () => {
      fs.writeFileSync(path.join(dir, 'bomb.docx'), docx(Buffer.alloc(400 * MB, 0x20), 9));
      const r = runCli(['check', 'bomb.docx'], dir);
      expectCleanEnd(r);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/bomb\.docx: .*zip 炸弹/);
      expect(runCli(['check', 'bomb.docx', '--lang', 'en'], dir).stderr).toMatch(/zip bomb/);
    },
    T,
  );

  test(
    'tables nested 20,000 deep in a .docx say so instead of overflowing the stack',
    () => {
      fs.writeFileSync(path.join(dir, 'nested.docx'), docx(nestedTables(20000)));
      const r = runCli(['check', 'nested.docx'], dir);
      expectCleanEnd(r);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/nested\.docx: .*嵌套过深/);
    },
    T,
  );
});

describe('JSON holding very many reports', () => {
  test.each([30_000])(
    '%i reports in one file are checked within 1 GB',
    (n) => {
      const cells = { 'T3.NEW.NP': 1 };
      const file = `many-${n}.json`;
      const out = fs.openSync(path.join(dir, file), 'w');
      fs.writeSync(out, '[');
      for (let i = 0; i < n; i++)
        fs.writeSync(out, (i ? ',' : '') + JSON.stringify({ format: '2021', year: 2024, org: `局${i}`, cells }));
      fs.writeSync(out, ']');
      fs.closeSync(out);
      // The readable report (the JSON of 30,000 reports is longer than a string the test could hold).
      const r = runCli(['check', file], dir);
      expectCleanEnd(r);
      expect([0, 1]).toContain(r.status);
      expect(r.stdout).toContain(`局${n - 1}`);
    },
    T,
  );
});

describe('texts from a file cannot drive the terminal', () => {
  const HOSTILE = '坏局\u001b[2J\u001b]0;owned\u0007\nFAKE LINE: 0 errors\r\u202e';

  test(
    'a body name, an unrecognised id and a file name with escapes and newlines are shown escaped; JSON stays JSON',
    () => {
      const f = folder('inject');
      const name = 'evil\u001b[31m\nFAKE.json';
      fs.writeFileSync(
        path.join(f, name),
        JSON.stringify({
          ...jsonReport(HOSTILE, 2024),
          cells: {
            ...(jsonReport('', 2024).cells as object),
            ['X\u001b[2J\nFAKE']: 1,
            'T3.NEW.NP': '5\u001b[2J\nFAKE LINE',
          },
        }),
      );
      const r = runCli(['check', 'inject'], dir);
      expectCleanEnd(r);
      const out = r.stdout + r.stderr;
      // No control character but the newlines of our own lines (and no colour: not a terminal).
      // eslint-disable-next-line no-control-regex
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      expect(out.split('\n').filter((l) => /^FAKE/.test(l))).toEqual([]);
      expect(out).toContain('坏局\\x1b[2J\\x1b]0;owned\\x07\\nFAKE LINE: 0 errors\\r\\u202e');
      const json = runCli(['check', 'inject', '--json'], dir);
      const doc = JSON.parse(json.stdout);
      expect(doc.reports.find((x: { org?: string }) => x.org === HOSTILE)).toBeDefined();
    },
    T,
  );
});
