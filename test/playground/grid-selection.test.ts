/**
 * The playground's range selection as Excel makes it: from the anchor cell to the cell the user drags or
 * shift-clicks to, in either direction, and never part of a merged block (the range grows until every merge it
 * touches is whole). A property test holds both rules for all anchors, targets and merge layouts.
 */
import fc from 'fast-check';
import { growToMerges, selectionBetween } from '../../playground/grid-view';
import { overlaps, type Rect } from '../../src/model/a1';

const inside = (r: Rect, row: number, col: number) =>
  row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
const contains = (outer: Rect, inner: Rect) =>
  inside(outer, inner.row, inner.col) && inside(outer, inner.row + inner.rows - 1, inner.col + inner.cols - 1);

describe('range selection', () => {
  it('spans anchor and target in any direction', () => {
    expect(selectionBetween([], { row: 4, col: 3 }, { row: 1, col: 1 })).toEqual({ row: 1, col: 1, rows: 4, cols: 3 });
    expect(selectionBetween([], { row: 2, col: 2 }, { row: 2, col: 2 })).toEqual({ row: 2, col: 2, rows: 1, cols: 1 });
  });

  it('takes a merged block whole, and what the grown range then touches too', () => {
    // B2:C3 merged, C4:E4 merged: selecting B4 → B5 touches neither; B3 → B4 touches both, in a chain.
    const merges: Rect[] = [
      { row: 1, col: 1, rows: 2, cols: 2 },
      { row: 3, col: 2, rows: 1, cols: 3 },
    ];
    expect(selectionBetween(merges, { row: 3, col: 1 }, { row: 4, col: 1 })).toEqual({
      row: 3,
      col: 1,
      rows: 2,
      cols: 1,
    });
    expect(selectionBetween(merges, { row: 2, col: 1 }, { row: 3, col: 2 })).toEqual({
      row: 1,
      col: 1,
      rows: 3,
      cols: 4,
    });
  });

  it('for all anchors, targets and merges: holds both cells and every merge it touches whole', () => {
    const cell = fc.record({ row: fc.integer({ min: 0, max: 12 }), col: fc.integer({ min: 0, max: 8 }) });
    const merge = fc
      .record({
        row: fc.integer({ min: 0, max: 12 }),
        col: fc.integer({ min: 0, max: 8 }),
        rows: fc.integer({ min: 1, max: 3 }),
        cols: fc.integer({ min: 1, max: 3 }),
      })
      .filter((m) => m.rows * m.cols > 1);
    // Merges in a sheet never overlap one another.
    const layout = fc
      .array(merge, { maxLength: 6 })
      .map((ms) => ms.filter((m, i) => ms.slice(0, i).every((o) => !overlaps(o, m))));
    let checked = 0;
    // A layout may have no merge (or none the selection touches); across the runs many are (counted, asserted below).
    let mergesMet = 0;
    fc.assert(
      fc.property(layout, cell, cell, (merges, a, b) => {
        const r = selectionBetween(merges, a, b);
        expect(inside(r, a.row, a.col) && inside(r, b.row, b.col)).toBe(true);
        for (const m of merges)
          if (overlaps(r, m)) {
            mergesMet++;
            expect(contains(r, m)).toBe(true);
          }
        expect(growToMerges(r, merges)).toEqual(r);
        checked++;
      }),
    );
    expect(checked).toBeGreaterThan(50);
    expect(mergesMet).toBeGreaterThan(0);
  });
});
