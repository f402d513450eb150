import fc from 'fast-check';
import { listRefs } from '../../src/model/a1';
import { applyStructural } from '../../standin/structural';

/** Excel's rewriting of references when rows or columns are inserted or deleted, as the stand-in models it. */
describe('structural edits', () => {
  const ins = (f: string, at: number, count: number) => applyStructural(f, 'S', { sheet: 'S', axis: 'row', at, count });

  test.each([
    ['=SUM(D5:D20)', 9, 1, '=SUM(D5:D21)'], // row 10 inserted inside
    ['=SUM(D5:D20)', 4, 1, '=SUM(D6:D21)'], // inserted at the first row: the range moves
    ['=SUM(D5:D20)', 20, 1, '=SUM(D5:D20)'], // just below: unchanged
    ['=SUM(D5:D20)', 9, -1, '=SUM(D5:D19)'], // a row inside deleted: shrinks
    ['=SUM(D5:D20)', 0, -2, '=SUM(D3:D18)'], // rows above deleted: moves up
    ['=SUM(D5:D6)', 4, -2, '=SUM(#REF!)'], // all its rows deleted
    ['=D5+D9', 4, -1, '=#REF!+D8'], // a single cell deleted
    ['=Other!D5+D5', 0, 1, '=Other!D5+D6'], // other sheets are not touched
    ['=$D$5', 0, 3, '=$D$8'], // absolute refs move too
  ])('%s with %i rows at %i → %s', (f, at, count, out) => {
    expect(ins(f, at, count)).toBe(out);
  });

  test('columns: inserting inside a row range widens it; whole-row refs ignore column edits', () => {
    const f = '=SUM(B3:G3)+SUM(5:5)';
    expect(applyStructural(f, 'S', { sheet: 'S', axis: 'col', at: 3, count: 2 })).toBe('=SUM(B3:I3)+SUM(5:5)');
  });

  test('property: inserting rows then deleting the same rows restores every reference', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 1, max: 5 }),
        (r1, len, at, n) => {
          const f = `=SUM(B${r1 + 1}:C${r1 + len})+D${r1 + 2}`;
          const there = ins(f, at, n);
          return ins(there, at, -n) === f;
        },
      ),
    );
  });

  test('property: a range keeps covering exactly its old cells after an insert', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 5 }),
        (r1, len, at, n) => {
          const [ref] = listRefs(ins(`=B${r1 + 1}:B${r1 + len}`, at, n));
          const moved = (row: number) => (row >= at ? row + n : row);
          const expectedLen = len + (at > r1 && at <= r1 + len - 1 ? n : 0);
          return ref.start.row === moved(r1) && ref.end.row - ref.start.row + 1 === expectedLen;
        },
      ),
    );
  });
});
