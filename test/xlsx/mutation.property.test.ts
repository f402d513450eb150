/**
 * Random damage to a valid workbook's XML (issue #16): truncation, duplicated tags, unclosed `<f`, `<c`, `<si>`,
 * `<rPh>`, huge merge ranges. The reader never throws anything but its own clear InputError, its work stays bounded
 * (each read ends within the test's timeout, no timed assertion), and it never reports a cell value the undamaged
 * file did not hold in that cell: a cell it cannot be sure of is left out or listed as unread. (A duplicated
 * `<si>` is not damage but a valid workbook whose strings moved, so it is not among the kinds.)
 */
import fc from 'fast-check';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { readXlsx } from '../../src/io/xlsx/read';
import { InputError, type ReportInput } from '../../src/io/report-input';
import type { CellId, RawValue } from '../../src/model/types';
import { templateParts } from '../robustness/hostile-files';
import { consistentInputs } from './values';

const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';

type Damage = (xml: string) => string;

const at = (xml: string, p: number) => Math.floor(p * xml.length);
/** A place just before a tag starts, so that an inserted fragment lands between elements. */
function tagStart(xml: string, p: number, tag: string): number {
  const from = xml.indexOf(`<${tag}`, at(xml, p));
  return from < 0 ? xml.lastIndexOf(`<${tag}`) : from;
}

const damage: fc.Arbitrary<[string, Damage]> = fc.oneof(
  fc
    .double({ min: 0, max: 1, noNaN: true })
    .map((p) => ['truncate', (x: string) => x.slice(0, at(x, p))] as [string, Damage]),
  fc.tuple(fc.constantFrom('c', 'row', 'f', 'mergeCell'), fc.double({ min: 0, max: 1, noNaN: true })).map(
    ([tag, p]) =>
      [
        `duplicate <${tag}>`,
        (x: string) => {
          const i = tagStart(x, p, tag);
          if (i < 0) return x;
          const close = x.indexOf(`</${tag}>`, i);
          const self = x.indexOf('/>', i);
          const end =
            close >= 0 && (self < 0 || close < self || x.indexOf('>', i) < self) ? close + tag.length + 3 : self + 2;
          return x.slice(0, end) + x.slice(i, end) + x.slice(end);
        },
      ] as [string, Damage],
  ),
  fc
    .tuple(
      fc.constantFrom('<f>SUM(', '<c r="D25"', '<si><t>', '<rPh sb="0"><t>', '<v>', '<c r="XFE9">'),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 1, max: 300 }),
    )
    .map(
      ([frag, p, n]) =>
        [
          `unclosed ${frag} ×${n}`,
          (x: string) => {
            const i = tagStart(x, p, 'c');
            const k = i < 0 ? at(x, p) : i;
            return x.slice(0, k) + frag.repeat(n) + x.slice(k);
          },
        ] as [string, Damage],
    ),
  fc
    .tuple(fc.constantFrom('A1:XFD1048576', 'A100:XFD1100', 'B2:XFD1048576'), fc.integer({ min: 1, max: 200 }))
    .map(
      ([ref, n]) =>
        [
          `merge ${ref} ×${n}`,
          (x: string) =>
            x.includes('</mergeCells>')
              ? x.replace('</mergeCells>', `<mergeCell ref="${ref}"/>`.repeat(n) + '</mergeCells>')
              : x.replace(
                  '</sheetData>',
                  `</sheetData><mergeCells>${`<mergeCell ref="${ref}"/>`.repeat(n)}</mergeCells>`,
                ),
        ] as [string, Damage],
    ),
);

let base: Record<string, Uint8Array>;
let original: Record<CellId, RawValue>;

beforeAll(async () => {
  // Numbers and text (shared strings) in the data cells, as a real report holds them.
  base = await templateParts({ ...consistentInputs('2021', 7), 'T2.REG.ISSUED': '3件', 'T4.R1.UPHELD': '无' });
  const [input] = await readXlsx('base.xlsx', zipSync(base));
  original = input.cells;
  expect(Object.keys(original).length).toBeGreaterThan(150);
});

test('damaged XML: the reader ends, throws only its own InputError, and never invents a value', async () => {
  let read = 0;
  let refused = 0;
  /** Values read from a damaged file and compared: a damaged file may yield none, the runs together many. */
  let compared = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(SHEET, STRINGS), damage, async (part, [, edit]) => {
      const parts = { ...base };
      parts[part] = strToU8(edit(strFromU8(base[part])));
      let inputs: ReportInput[];
      try {
        inputs = await readXlsx('damaged.xlsx', zipSync(parts));
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        refused++;
        return;
      }
      read++;
      // Every value read from the damaged file is the undamaged file's value in that cell, or the cell is unread.
      for (const input of inputs) {
        const unread = new Set((input.unread ?? []).map((u) => u.cell));
        for (const [id, v] of Object.entries(input.cells)) {
          if (v === null || unread.has(id)) continue;
          compared++;
          expect([id, v]).toEqual([id, original[id]]);
        }
      }
    }),
    { numRuns: 60 },
  );
  // Both outcomes occur: the property does not pass on refusals alone.
  expect(read).toBeGreaterThan(5);
  expect(read + refused).toBe(60);
  expect(compared).toBeGreaterThan(0);
}, 600_000);
