/**
 * The one set of A1 helpers (src/model/a1.ts) that the model, the readers, the Excel host and the stand-in share:
 * addresses parse back to what they were written from, shifting a formula moves only its relative parts, and the
 * rectangle helpers agree with the cells they stand for. Fast-check with the fixed seed of
 * test/support/fast-check-seed.ts.
 */
import fc from 'fast-check';
import {
  a1,
  boundingRect,
  cellsOf,
  coalesce,
  columnIndex,
  columnLetters,
  contains,
  intersect,
  listRefs,
  mapRefs,
  MAX_COLS,
  MAX_ROWS,
  overlaps,
  parseA1,
  parseAddress,
  parseRef,
  qualified,
  quoteSheet,
  rectA1,
  refText,
  sameRect,
  shiftFormula,
  subtractRect,
  type FormulaRef,
  type Rect,
} from '../../src/model/a1';
import { nonEmpty } from '../support/non-empty';

const cellSet = (rects: Rect[]) => rects.flatMap((r) => [...cellsOf(r)].map(([row, col]) => `${row},${col}`));

/** A rectangle on the sheet, now and then whole rows or whole columns (the forms Office writes `3:5`, `C:D`). */
const rectOnSheet: fc.Arbitrary<Rect> = fc.oneof(
  fc.record({ row: fc.nat(MAX_ROWS - 1), col: fc.nat(MAX_COLS - 1) }).chain(({ row, col }) =>
    fc.record({
      row: fc.constant(row),
      col: fc.constant(col),
      rows: fc.integer({ min: 1, max: Math.min(MAX_ROWS - row, 2000) }),
      cols: fc.integer({ min: 1, max: Math.min(MAX_COLS - col, 200) }),
    }),
  ),
  fc.nat(MAX_COLS - 1).chain((col) =>
    fc.record({
      row: fc.constant(0),
      col: fc.constant(col),
      rows: fc.constant(MAX_ROWS),
      cols: fc.integer({ min: 1, max: MAX_COLS - col }),
    }),
  ),
  fc.nat(MAX_ROWS - 1).chain((row) =>
    fc.record({
      row: fc.constant(row),
      col: fc.constant(0),
      rows: fc.integer({ min: 1, max: MAX_ROWS - row }),
      cols: fc.constant(MAX_COLS),
    }),
  ),
);

/** Sheet names Excel allows: 1 to 31 characters, none of : \ / ? * [ ]. */
const sheetName = fc
  .string({
    unit: fc.constantFrom(..."Sheet 表二三年度报告_.'-()1234567890abcXYZ".split('')),
    minLength: 1,
    maxLength: 31,
  })
  .filter((s) => s.trim() === s && !s.startsWith("'") && !s.endsWith("'"));

const smallRect = fc.record({
  row: fc.nat(12),
  col: fc.nat(12),
  rows: fc.integer({ min: 1, max: 6 }),
  cols: fc.integer({ min: 1, max: 6 }),
});

describe('columns', () => {
  it('letters and index are inverse over the whole sheet width', () => {
    fc.assert(fc.property(fc.nat(MAX_COLS - 1), (c) => expect(columnIndex(columnLetters(c))).toBe(c)));
    expect([0, 25, 26, 701, 702, MAX_COLS - 1].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
    expect(columnIndex('xfd')).toBe(MAX_COLS - 1);
  });
});

describe('addresses', () => {
  it('parse ∘ format is the identity for every rectangle of the sheet, whole rows and columns included', () => {
    fc.assert(fc.property(rectOnSheet, (r) => expect(parseRef(rectA1(r))).toEqual(r)));
    expect(rectA1({ row: 2, col: 0, rows: 3, cols: MAX_COLS })).toBe('3:5');
    expect(rectA1({ row: 0, col: 2, rows: MAX_ROWS, cols: 2 })).toBe('C:D');
  });

  it('a sheet-qualified address reads back its sheet, quoted when the name needs it', () => {
    fc.assert(
      fc.property(sheetName, rectOnSheet, (sheet, r) => {
        expect(parseAddress(qualified(sheet, r))).toEqual({ sheet, rect: r });
        expect(parseA1(qualified(sheet, r))).toEqual({ sheet, ...r });
      }),
    );
    expect(quoteSheet('Sheet1')).toBe('Sheet1');
    expect(quoteSheet('表二')).toBe('表二');
    expect(quoteSheet("it's 2025")).toBe("'it''s 2025'");
    expect(quoteSheet('A1')).toBe("'A1'"); // a name that reads as a cell is quoted, as Excel does
  });

  it('format ∘ parse gives back the text, with $ anchors and case dropped and corners put in order', () => {
    expect(rectA1(parseRef('$b$3:d7')!)).toBe('B3:D7');
    expect(rectA1(parseRef('D7:B3')!)).toBe('B3:D7');
    expect(parseA1('B3:D7')).toEqual({ row: 2, col: 1, rows: 5, cols: 3 });
    expect(parseA1("'My ''x'' sheet'!A1")).toEqual({ sheet: "My 'x' sheet", row: 0, col: 0, rows: 1, cols: 1 });
  });

  it.each(['', 'A0', 'XFE1', 'A1048577', 'A1:', ':A1', '1A', 'A1:B2:C3', 'AAAA1', 'B', 'SUM(A1)', '#REF!'])(
    'refuses %p, which is no cell of a sheet',
    (text) => {
      expect(parseRef(text)).toBeNull();
      expect(() => parseA1(text)).toThrow(/A1/);
    },
  );
});

describe('rectangles', () => {
  it('overlaps, intersect, contains and boundingRect agree with the cells they stand for', () => {
    fc.assert(
      fc.property(smallRect, smallRect, (a, b) => {
        const inA = new Set(cellSet([a]));
        const shared = cellSet([b]).filter((c) => inA.has(c));
        const x = intersect(a, b);
        expect(overlaps(a, b)).toBe(shared.length > 0);
        expect(x ? cellSet([x]).sort() : []).toEqual(shared.sort());
        const box = boundingRect(a, b);
        for (const [row, col] of nonEmpty([...cellsOf(a), ...cellsOf(b)])) expect(contains(box, row, col)).toBe(true);
        expect(sameRect(boundingRect(a, a), a)).toBe(true);
      }),
    );
  });

  it('subtractRect leaves exactly the cells of a that are not in b, each once', () => {
    fc.assert(
      fc.property(smallRect, smallRect, (a, b) => {
        const left = cellSet(subtractRect(a, b));
        const inB = new Set(cellSet([b]));
        expect(new Set(left).size).toBe(left.length);
        expect(left.sort()).toEqual(
          cellSet([a])
            .filter((c) => !inB.has(c))
            .sort(),
        );
      }),
    );
  });

  it('coalesce covers exactly the given cells, with no overlap', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.nat(12), fc.nat(12)), { selector: ([r, c]) => `${r},${c}` }), (pts) => {
        const covered = cellSet(coalesce(pts));
        expect(new Set(covered).size).toBe(covered.length);
        expect(new Set(covered)).toEqual(new Set(pts.map(([r, c]) => `${r},${c}`)));
      }),
    );
  });

  it('coalesce turns a full block into one rectangle', () => {
    expect(coalesce(cellsOf({ row: 3, col: 3, rows: 25, cols: 7 }))).toEqual([{ row: 3, col: 3, rows: 25, cols: 7 }]);
    expect(a1(2, 27)).toBe('AB3');
  });
});

// ---- References inside formula text ----

type Piece = { text: string; ref?: { row: number; col: number; rowAbs: boolean; colAbs: boolean; sheet?: string } };

const point = fc.record({
  row: fc.integer({ min: 100, max: 400 }),
  col: fc.integer({ min: 100, max: 400 }),
  rowAbs: fc.boolean(),
  colAbs: fc.boolean(),
});

/** A formula made of references (anchored or not, sheet-qualified or not) and what must never be read as one. */
const formula: fc.Arbitrary<{ text: string; refs: number }> = fc
  .array(
    fc.oneof(
      fc.record({ ref: point, sheet: fc.option(sheetName, { nil: undefined }) }).map(({ ref, sheet }): Piece => ({
        text: `${sheet !== undefined ? `${quoteSheet(sheet)}!` : ''}${ref.colAbs ? '$' : ''}${columnLetters(ref.col)}${ref.rowAbs ? '$' : ''}${ref.row + 1}`,
        ref: { ...ref, ...(sheet !== undefined ? { sheet } : {}) },
      })),
      fc.constantFrom<Piece>(
        { text: 'SUM(' },
        { text: 'LOG10(' },
        { text: ')' },
        { text: '+' },
        { text: '<>' },
        { text: ',' },
        { text: '1.5' },
        { text: '"A1"' },
        { text: '"say ""B2"""' },
        { text: 'T3_total' },
        { text: 'DisclosureTables_T3' },
        { text: ' ' },
      ),
    ),
    { minLength: 1, maxLength: 12 },
  )
  // Two pieces that touch would read as one token (`A1` then `B2` is `A1B2`): join with an operator.
  .map((pieces) => ({ text: pieces.map((p) => p.text).join('&'), refs: pieces.filter((p) => p.ref).length }));

describe('references in formulas', () => {
  it('finds cell, range, whole-column and sheet-qualified references, not names, functions or strings', () => {
    const refs = listRefs(`=SUM(A1:B2)+LOG10(C3)+'My Sheet'!$D$4+Sheet2!E:E+"A1"+T3_total+DisclosureTables_T3`);
    expect(refs.map(refText)).toEqual(['A1:B2', 'C3', "'My Sheet'!$D$4", 'Sheet2!E:E']);
  });

  it('reading and rewriting every reference unchanged gives back the formula', () => {
    fc.assert(
      fc.property(formula, ({ text, refs }) => {
        expect(mapRefs(text, (r) => r)).toBe(text);
        expect(listRefs(text)).toHaveLength(refs);
      }),
    );
  });

  it('shifting by 0 rows and 0 columns is the identity', () => {
    fc.assert(fc.property(formula, ({ text }) => expect(shiftFormula(text, 0, 0)).toBe(text)));
  });

  it('shifting moves relative parts by exactly the offset and keeps $-anchored parts, sheets and the rest', () => {
    // A generated formula may hold no reference; across the runs many are shifted (counted, asserted below).
    let shiftedRefs = 0;
    fc.assert(
      fc.property(
        formula,
        fc.integer({ min: -99, max: 99 }),
        fc.integer({ min: -99, max: 99 }),
        ({ text, refs }, dr, dc) => {
          const before = listRefs(text);
          expect(before).toHaveLength(refs);
          const shifted = shiftFormula(text, dr, dc);
          const after = listRefs(shifted);
          expect(after).toHaveLength(before.length);
          const moved = (p: FormulaRef['start'], q: FormulaRef['start']) => {
            expect(q.row).toBe(p.rowAbs ? p.row : p.row + dr);
            expect(q.col).toBe(p.colAbs ? p.col : p.col + dc);
            expect([q.rowAbs, q.colAbs]).toEqual([p.rowAbs, p.colAbs]);
          };
          before.forEach((r, i) => {
            shiftedRefs++;
            expect(after[i].sheet).toBe(r.sheet);
            moved(r.start, after[i].start);
            moved(r.end, after[i].end);
          });
          // Everything that is not a reference (functions, names, strings, operators) is left as it was.
          expect(mapRefs(shifted, () => '§')).toBe(mapRefs(text, () => '§'));
          // And back again.
          expect(shiftFormula(shifted, -dr, -dc)).toBe(text);
        },
      ),
    );
    expect(shiftedRefs).toBeGreaterThan(0);
  });

  it('shifts a conditional-format formula across its range the way Excel copies it', () => {
    expect(shiftFormula('D$5+D$6<>D$30+$D31', 2, 1)).toBe('E$5+E$6<>E$30+$D33');
    expect(shiftFormula('IF(ISNUMBER(D5),OR(D5<0,D5<>INT(D5)),LEN(D5)>0)', 1, 2)).toBe(
      'IF(ISNUMBER(F6),OR(F6<0,F6<>INT(F6)),LEN(F6)>0)',
    );
    expect(shiftFormula('SUM(B2:B3)+$A$1+B$2+$B2', 2, 2)).toBe('SUM(D4:D5)+$A$1+D$2+$B4');
    expect(shiftFormula('LOG10(A1)&"B2"', 1, 1)).toBe('LOG10(B2)&"B2"');
    expect(shiftFormula('=SUM(C:C)+SUM(5:5)', 1, 1)).toBe('=SUM(D:D)+SUM(6:6)');
  });

  it('a reference pushed off the sheet becomes #REF!, as in Excel', () => {
    expect(shiftFormula('=A1', -1, 0)).toBe('=#REF!');
    expect(shiftFormula('=B2+XFD1', 0, 1)).toBe('=C2+#REF!');
    expect(shiftFormula('=$A$1', -5, -5)).toBe('=$A$1');
  });
});
