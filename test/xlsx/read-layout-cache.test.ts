/**
 * The reader locates the tables of a layout once and reuses that for every later workbook with the same label
 * texts at the same places. Whatever was read before, a workbook must read exactly as it does in a fresh reader:
 * same values, formulas, addresses, title, and notes about stray texts (which differ between workbooks of one
 * layout).
 */
import fc from 'fast-check';
import type { readXlsx as ReadXlsx } from '../../src/io/xlsx/read';
import { writeTemplate } from '../../src/io/xlsx/template';
import type { ReportInput } from '../../src/io/report-input';
import { FORMAT_IDS, getFormat } from '../../src/model/formats';
import type { FormatId, RawValue, TableId } from '../../src/model/types';
import { distinctValues, handmadeWorkbook, type Placement } from './handmade';
import { nonEmpty } from '../support/non-empty';

/** A reader module of its own, with empty caches. */
function freshReader(): typeof ReadXlsx {
  let read!: typeof ReadXlsx;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    read = (require('../../src/io/xlsx/read') as typeof import('../../src/io/xlsx/read')).readXlsx;
  });
  return read;
}

/** Key order included: the inputs must be the same object for object. */
const text = (inputs: ReportInput[]) => JSON.stringify(inputs);

interface Case {
  name: string;
  bytes: Uint8Array;
}

async function workbook(
  format: FormatId,
  seed: number,
  layout: { sheet: string; row: number; col: number; extraRow?: boolean; twoSheets?: boolean },
  title?: string,
): Promise<Uint8Array> {
  const values: Record<string, RawValue> = distinctValues(format, seed);
  const ids = Object.keys(values);
  // A few cells blank or typed as text, different in every workbook.
  for (let i = 0; i < 3; i++) values[ids[(seed * 37 + i * 11) % ids.length]] = ['/', null, '12（注）'][i];
  const sheets = layout.twoSheets ? [layout.sheet, `${layout.sheet}2`] : [layout.sheet];
  const placements: Placement[] = sheets.flatMap((sheet) => {
    let top = layout.row;
    return getFormat(format).tables.map((t) => {
      const p: Placement = { table: t.id as TableId, sheet, row: top, col: layout.col };
      if (layout.extraRow && t.id === 'T3') p.extraRowsAfter = [2];
      top += t.rows + 2;
      return p;
    });
  });
  return handmadeWorkbook({
    format,
    values,
    placements,
    ...(title ? { title: { sheet: '封面', text: title } } : {}),
  });
}

describe('tables located once per layout', () => {
  let cases: Case[];

  beforeAll(async () => {
    cases = [];
    for (const format of FORMAT_IDS) {
      for (let seed = 1; seed <= 3; seed++) {
        cases.push({
          name: `${format} handmade ${seed}`,
          bytes: await workbook(
            format,
            seed,
            { sheet: '表', row: 2, col: 1, extraRow: seed === 3 },
            `测试${seed}县人民政府${2020 + seed}年度政府信息公开工作年度报告`,
          ),
        });
      }
      cases.push({
        name: `${format} two sheets`,
        bytes: await workbook(format, 4, { sheet: '表', row: 0, col: 0, twoSheets: true }),
      });
      for (let seed = 1; seed <= 2; seed++) {
        const values = distinctValues(format, seed + 10);
        // A total typed over in the second one: its formula is missing, the value differs.
        if (seed === 2) values['T3.NEW.TOT'] = 5;
        cases.push({
          name: `${format} template ${seed}`,
          bytes: await writeTemplate({ format, year: 2022 + seed, org: `第${seed}机关`, values }),
        });
      }
    }
  }, 60000);

  it('reads every workbook as a fresh reader does, whatever was read before', async () => {
    const cold = new Map<string, string>();
    for (const c of cases) cold.set(c.name, text(await freshReader()(c.name, c.bytes)));
    // Sanity: workbooks of one layout differ in what they hold, so a stale reuse would show.
    expect(new Set(cold.values()).size).toBe(cases.length);

    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(cases, { minLength: 2 }), async (order) => {
        const read = freshReader();
        for (const c of [...nonEmpty(order), ...order])
          expect(text(await read(c.name, c.bytes))).toBe(cold.get(c.name));
      }),
      { numRuns: 15 },
    );
  }, 120000);
});
