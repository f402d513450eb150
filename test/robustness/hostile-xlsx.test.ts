/**
 * Small workbooks that used to hang or crash the reader: a huge merge repeated, merges reaching XFD1048576 or past
 * it, uncached `SUM(A1:XFD1048576)` in a data cell, chains, fans and cycles of uncached formulas, shared strings
 * with thousands of unclosed `<si>`, `<rPh>` or `<t>`, cells past XFD, character references no character has, an
 * encrypted zip. Each is checked by the built command line in a child process.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readXlsx } from '../../src/io/xlsx/read';
import {
  addMerges,
  afterMarked,
  editedTemplate,
  encryptedZipTemplate,
  extraRow,
  markedCell,
  MARK,
  prefixed,
  withSharedStrings,
} from './hostile-files';
import { expectCleanEnd, runCli, SAFETY_TIMEOUT_MS } from './run-cli';

const A_TO_AX = Array.from({ length: 50 }, (_, i) => (i < 26 ? '' : 'A') + String.fromCharCode(65 + (i % 26)));

/** Each case: a file name, how to build it, and what the user must see. */
const CASES: [string, () => Promise<Uint8Array>, RegExp][] = [
  ['merge-repeated.xlsx', () => editedTemplate(addMerges(Array(2000).fill('A100:XFD1100'))), /测试局/],
  ['merge-whole-sheet.xlsx', () => editedTemplate(addMerges(['A100:XFD1048576', 'B200:XFD1048576'])), /测试局/],
  [
    'merge-distinct-huge.xlsx',
    () => editedTemplate(addMerges(Array.from({ length: 3000 }, (_, i) => `A${100 + i}:XFD1048576`))),
    /测试局/,
  ],
  ['merge-past-xfd.xlsx', () => editedTemplate(addMerges(['A100:XFZ120', 'XFE5:ZZZ9', 'A2000000:B2000001'])), /测试局/],
  ['merge-reversed.xlsx', () => editedTemplate(addMerges(['XFD1048576:A100'])), /测试局/],
  ['sum-whole-sheet.xlsx', () => editedTemplate(markedCell('<f>SUM(A1:XFD1048576)</f>')), /测试局/],
  ['sum-past-xfd.xlsx', () => editedTemplate(markedCell('<f>SUM(A1:XFZ2000000)</f>')), /测试局/],
  ['self-cycle.xlsx', () => editedTemplate(markedCell('<f>D23+1</f>')), /测试局/],
  [
    'two-cycle.xlsx',
    () => editedTemplate((x) => afterMarked('<c r="K23"><f>SUM(D23:K23)</f></c>')(markedCell('<f>K23</f>')(x))),
    /测试局/,
  ],
  [
    'fan-of-sums.xlsx',
    () =>
      editedTemplate((x) =>
        extraRow(
          200,
          A_TO_AX.map((c) => `<c r="${c}200"><f>SUM(A200:AX200)+SUM(A1:XFD1048576)</f></c>`).join(''),
        )(markedCell('<f>SUM(A200:AX200)</f>')(x)),
      ),
    /测试局/,
  ],
  [
    'chain-of-sums.xlsx',
    () =>
      editedTemplate((x) =>
        extraRow(
          300,
          Array.from(
            { length: 5000 },
            (_, i) => `<c r="${A_TO_AX[i % 50]}${300 + Math.floor(i / 50)}"><f>SUM(A1:XFD1048576)</f></c>`,
          ).join(''),
        )(markedCell('<f>SUM(A300:AX400)</f>')(x)),
      ),
    /测试局/,
  ],
  ['si-unclosed.xlsx', () => withSharedStrings('<sst>' + '<si><t>x</t>'.repeat(60000) + '</sst>'), /表二、表三或表四/],
  ['rph-unclosed.xlsx', () => withSharedStrings('<sst><si>' + '<rPh><t>x</t>'.repeat(60000) + '</si></sst>'), /表二/],
  ['t-unclosed.xlsx', () => withSharedStrings('<sst><si>' + '<t>x'.repeat(60000) + '</si></sst>'), /表二/],
  ['bad-char-ref.xlsx', () => withSharedStrings('<sst><si><t>&#x110000;&#99999999999;</t></si></sst>'), /表二/],
  [
    'cell-past-xfd.xlsx',
    () => editedTemplate(afterMarked('<c r="XFE23"><v>5</v></c><c r="ZZZZ23"><v>6</v></c>')),
    /测试局/,
  ],
  ['encrypted-zip.xlsx', encryptedZipTemplate, /加密|密码/],
  // Start tags without `>` or without their end tag, by the thousand: each used to be scanned to the end of the
  // part from every one of them.
  ['f-no-gt.xlsx', () => editedTemplate(markedCell('<v>1</v><x/>' + '<f '.repeat(100_000))), /测试局/],
  ['f-no-end.xlsx', () => editedTemplate(markedCell('<x/>' + '<f>1'.repeat(100_000))), /测试局/],
  ['v-no-gt.xlsx', () => editedTemplate(markedCell('<x/>' + '<v '.repeat(100_000))), /测试局/],
  ['is-no-end.xlsx', () => editedTemplate(markedCell('<is>x'.repeat(100_000)), { 'T3.NEW.NP': MARK }), /测试局/],
  [
    'mergecell-no-gt.xlsx',
    () => editedTemplate((x) => x.replace('</mergeCells>', '<mergeCell '.repeat(100_000) + '</mergeCells>')),
    /测试局/,
  ],
  [
    'prefixed-c-no-gt.xlsx',
    () => editedTemplate((x) => prefixed(x).replace('</x:sheetData>', '<x:c '.repeat(100_000) + '</x:sheetData>')),
    /测试局/,
  ],
  [
    'prefixed-c-no-end.xlsx',
    () => editedTemplate((x) => prefixed(x).replace('</x:sheetData>', '<x:c>1'.repeat(100_000) + '</x:sheetData>')),
    /测试局/,
  ],
  ['si-no-gt.xlsx', () => withSharedStrings('<sst>' + '<si '.repeat(100_000) + '<si><t>x</t></si></sst>'), /表二/],
];

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-hostile-xlsx-'));
  for (const [name, build] of CASES) fs.writeFileSync(path.join(dir, name), await build());
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('hostile workbooks, checked by the built command line', () => {
  test.each(CASES.map(([name, , says]) => [name, says] as const))(
    '%s ends by itself with one clear answer',
    (name, says) => {
      const r = runCli(['check', name], dir);
      expectCleanEnd(r);
      expect(r.stdout + r.stderr).toMatch(says);
    },
    SAFETY_TIMEOUT_MS + 10_000,
  );
});

describe('what the reader makes of them', () => {
  test('a cell past XFD is no cell: it does not land on the next row', async () => {
    const bytes = await editedTemplate(afterMarked('<c r="XFE23"><v>5</v></c>'));
    const [input] = await readXlsx('x.xlsx', bytes);
    expect(input.cells['T3.NEW.NP']).toBe(MARK);
    expect(Object.values(input.cells)).not.toContain(5);
  });

  test('an uncached SUM over the whole sheet in a data cell holds itself: unknown, as a circular reference', async () => {
    const bytes = await editedTemplate(markedCell('<f>SUM(A1:XFD1048576)</f>'));
    const [input] = await readXlsx('x.xlsx', bytes);
    expect(input.formulas?.['T3.NEW.NP']).toBe('=SUM(A1:XFD1048576)');
    // The range holds the cell itself: a circular reference, whose value is unknown.
    expect(input.cells['T3.NEW.NP']).toBeNull();
  });

  test('an uncached sum of plain cells is still worked out', async () => {
    const edited = await editedTemplate((x) =>
      afterMarked('<c r="K23"><v>4</v></c><c r="L23"><f>K23+K23</f></c>')(markedCell('<f>SUM(K23:L23)</f>')(x)),
    );
    const [input] = await readXlsx('x.xlsx', edited);
    expect(input.cells['T3.NEW.NP']).toBe(12);
  });

  test('an encrypted zip says it is encrypted', async () => {
    await expect(readXlsx('x.xlsx', await encryptedZipTemplate())).rejects.toThrow(/加密|密码/);
  });
});
