/**
 * `check` and `sum` on files a user may hand them by mistake (or an attacker on purpose): each must end with exit
 * status 2 and one clear line on stderr, never a stack trace, never a hang or an unbounded allocation.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { deflateRawSync } from 'zlib';
import { unzipSync } from 'fflate';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/command';
import { writeTemplate } from '../../src/io/xlsx/template';
import { unzipEntries, ZipError } from '../../src/io/xlsx/zip';
import { writeZip } from './hostile-files';

const ROOT = path.join(__dirname, '..', '..');
const MB = 1024 * 1024;

/** A real template whose first worksheet is replaced by `bombBytes` zeros, declared as `declaredSize`. */
async function templateWithBomb(bombBytes: number, declaredSize: (actual: number) => number): Promise<Buffer> {
  const parts = unzipSync(await writeTemplate({ year: 2024, org: '测试局' }));
  const sheet = Object.keys(parts).find((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  if (!sheet) throw new Error('template has no worksheet');
  const entries = Object.entries(parts).map(([name, bytes]) => ({
    name,
    data: deflateRawSync(bytes),
    declaredSize: bytes.length,
  }));
  const bomb = entries.find((e) => e.name === sheet)!;
  bomb.data = deflateRawSync(Buffer.alloc(bombBytes), { level: 1 });
  bomb.declaredSize = declaredSize(bombBytes);
  return writeZip(entries);
}

/** A Compound File (what Excel writes for a workbook with an opening password): header and one directory sector. */
function encryptedWorkbook(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(0, 48); // first directory sector
  const dir = Buffer.alloc(512);
  ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, i) => {
    const at = i * 128;
    const utf16 = Buffer.from(name + '\0', 'utf16le');
    utf16.copy(dir, at);
    dir.writeUInt16LE(utf16.length, at + 64);
    dir[at + 66] = i === 0 ? 5 : 2; // root storage, then streams
  });
  return Buffer.concat([header, dir]);
}

interface BadFile {
  what: string;
  file: string;
  /** Part of the message the user must see. */
  says: RegExp;
}

let dir: string;
const bad: BadFile[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-bad-input-'));
  const put = (what: string, file: string, bytes: Uint8Array | string, says: RegExp) => {
    fs.writeFileSync(path.join(dir, file), bytes);
    bad.push({ what, file, says });
  };
  // Seeded bytes that are not a zip at all.
  let seed = 7;
  const random = Buffer.alloc(64 * 1024);
  for (let i = 0; i < random.length; i++) random[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  const template = await writeTemplate({ year: 2024, org: '测试局' });

  put('random bytes named .xlsx', 'corrupted.xlsx', random, /不是可以读取的 \.xlsx/);
  put('an empty .xlsx', 'empty.xlsx', '', /不是可以读取的 \.xlsx/);
  put('a template cut in half', 'truncated.xlsx', template.subarray(0, template.length >> 1), /不是可以读取的 \.xlsx/);
  put('a password-protected workbook', 'encrypted.xlsx', encryptedWorkbook(), /密码|加密/);
  put(
    'a text file named .xlsx',
    'notes.xlsx',
    '表三 依申请公开\n一、本年新收政府信息公开申请数量 12\n',
    /不是可以读取的 \.xlsx/,
  );
  put('an .xlsx named .json', 'report.json', template, /不是 JSON，而是 zip 文件/);
  put('60 MB of text', 'huge.txt', Buffer.alloc(60 * MB, '本年新收申请 1\n'), /太大.*5\.0 MB/);
  put('a 60 MB .xlsx', 'huge.xlsx', Buffer.concat([template, Buffer.alloc(60 * MB)]), /太大.*50 MB/);
  put(
    'a zip declaring a 2 GB worksheet',
    'declared-bomb.xlsx',
    await templateWithBomb(MB, () => 2048 * MB),
    /zip 炸弹/,
  );
  put(
    'a zip inflating to 300 MB while declaring 1 KB',
    'lying-bomb.xlsx',
    await templateWithBomb(300 * MB, () => 1024),
    /zip 炸弹/,
  );
}, 60000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function capture(): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, cwd: dir },
    out: () => out,
    err: () => err,
  };
}

function expectOneClearLine(stderr: string, file: string, says: RegExp) {
  expect(stderr).not.toMatch(/^\s+at /m);
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(says);
}

describe.each(['check', 'sum'])('disclosure-tables %s on bad input', (command) => {
  test.each([0, 1, 2, 3, 4, 5, 6, 7, 8])(
    'case %i',
    async (i) => {
      const { what, file, says } = bad[i];
      const c = capture();
      const args = command === 'sum' ? ['sum', file, '--out', 'total.xlsx'] : [command, file];
      const status = await main(args, c.io);
      expect({ what, status }).toEqual({ what, status: 2 });
      expectOneClearLine(c.err(), file, says);
      expect(c.out()).toBe('');
    },
    30000,
  );
});

describe('a folder holding bad files among good ones', () => {
  test('check reads the good one and names each bad one', async () => {
    const sub = path.join(dir, 'folder');
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, 'good.xlsx'), await writeTemplate({ year: 2024, org: '测试局' }));
    for (const f of ['truncated.xlsx', 'lying-bomb.xlsx', 'encrypted.xlsx'])
      fs.copyFileSync(path.join(dir, f), path.join(sub, f));
    const c = capture();
    const status = await main(['check', 'folder', '--json'], c.io);
    expect(c.err()).not.toMatch(/^\s+at /m);
    expect(status).toBe(2);
    const report = c.out() + c.err();
    for (const f of ['truncated.xlsx', 'lying-bomb.xlsx', 'encrypted.xlsx']) expect(report).toContain(f);
  }, 30000);
});

describe('the zip reader in the browser (fflate)', () => {
  test('stops a lying entry once it passes the cap', () => {
    const data = deflateRawSync(Buffer.alloc(8 * MB), { level: 1 });
    const zip = writeZip([{ name: 'a.xml', data, declaredSize: 10 }]);
    const files = unzipEntries(new Uint8Array(zip), () => true, undefined, { maxInflatedBytes: MB });
    expect(() => files.get('a.xml')).toThrow(ZipError);
  });

  test('refuses entries whose declared sizes add up past the cap', () => {
    const small = deflateRawSync(Buffer.from('<a/>'));
    const zip = writeZip([
      { name: 'a.xml', data: small, declaredSize: 600 * 1024 },
      { name: 'b.xml', data: small, declaredSize: 600 * 1024 },
    ]);
    expect(() => unzipEntries(new Uint8Array(zip), () => true, undefined, { maxInflatedBytes: MB })).toThrow(ZipError);
  });

  test('inflates an honest entry under the cap in full', () => {
    const text = Buffer.from('<row>'.repeat(100000));
    const zip = writeZip([{ name: 'a.xml', data: deflateRawSync(text), declaredSize: text.length }]);
    const got = unzipEntries(new Uint8Array(zip), () => true, undefined, { maxInflatedBytes: MB }).get('a.xml');
    expect(Buffer.from(got!).equals(text)).toBe(true);
  });
});

describe('the built command line', () => {
  // lib/ is built from the current sources by the global setup (test/support/built-cli.js).

  test.each([0, 3, 6, 9])(
    'exits 2 with one line on bad case %i',
    (i) => {
      const { file, says } = bad[i];
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'disclosure-tables.js'), 'check', file], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 30000,
      });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(2);
      expectOneClearLine(r.stderr, file, says);
    },
    40000,
  );
});
