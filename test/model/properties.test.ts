import fc from 'fast-check';
import { check } from '../../src/model/check';
import { getFormat } from '../../src/model/formats';
import type { CellId, FormatId } from '../../src/model/types';
import { consistentReport } from './generate';

const errors = (format: FormatId, v: Record<CellId, number>) =>
  check(format, v).findings.filter((f) => f.severity === 'error');

/** 12 ↔ 21: adjacent digits swapped, written out here independently of the locator. */
function isTransposition(a: number, b: number): boolean {
  const x = String(a);
  const y = String(b);
  if (x.length !== y.length || x === y) return false;
  for (let i = 0; i + 1 < x.length; i++) {
    if (x.slice(0, i) + x[i + 1] + x[i] + x.slice(i + 2) === y) return true;
  }
  return false;
}

describe.each(['2021', '2019'] as const)('format %s', (format) => {
  const f = getFormat(format);
  const t3 = f.cells.filter((c) => c.table === 'T3');

  test('a random consistent report has no error findings', () => {
    fc.assert(
      fc.property(consistentReport(format), (v) => expect(errors(format, v)).toEqual([])),
      { numRuns: 150 },
    );
  });

  test('any single table 三 cell changed: suspects are exactly that cell, the suggestion restores it', () => {
    fc.assert(
      fc.property(
        consistentReport(format),
        fc.nat({ max: t3.length - 1 }),
        fc.integer({ min: 0, max: 5000 }),
        (v, i, wrong) => {
          const id = t3[i].id;
          fc.pre(wrong !== v[id]);
          const found = errors(format, { ...v, [id]: wrong });
          expect(found.length).toBeGreaterThan(0);
          for (const e of found) {
            expect(e.suspects).toEqual([id]);
            expect(e.suggestion).toEqual({ [id]: v[id] });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('two cells in different rows and columns changed by different amounts are both located', () => {
    fc.assert(
      fc.property(
        consistentReport(format),
        fc.nat({ max: t3.length - 1 }),
        fc.nat({ max: t3.length - 1 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        (v, i, j, da, db) => {
          const a = t3[i];
          const b = t3[j];
          fc.pre(a.rowKey !== b.rowKey && a.colKey !== b.colKey && da !== db);
          const changed = { ...v, [a.id]: v[a.id] + da, [b.id]: v[b.id] + db };
          const found = errors(format, changed);
          const suspects = new Set(found.flatMap((e) => e.suspects));
          expect([...suspects].sort()).toEqual([a.id, b.id].sort());
          const suggestion = Object.assign({}, ...found.map((e) => e.suggestion ?? {}));
          expect(suggestion).toEqual({ [a.id]: v[a.id], [b.id]: v[b.id] });
        },
      ),
      { numRuns: 200 },
    );
  });

  test('one broken group total of table 四: every cell that could be wrong is a suspect', () => {
    const groups = f.t4.groups;
    fc.assert(
      fc.property(
        consistentReport(format),
        fc.nat({ max: groups.length - 1 }),
        fc.nat({ max: 3000 }),
        (v, g, wrong) => {
          const total = f.cells.find((c) => c.table === 'T4' && c.rowKey === groups[g] && c.sumOf)!;
          fc.pre(wrong !== v[total.id]);
          const changed = { ...v, [total.id]: wrong };
          const found = errors(format, changed);
          expect(found).toHaveLength(1);
          const d = wrong - v[total.id];
          // The total can always be corrected; a part only when taking the difference off leaves a count ≥ 0.
          const could = [total.id, ...total.sumOf!.filter((p) => changed[p] + d >= 0)];
          expect([...found[0].suspects].sort()).toEqual(could.sort());
          if (could.length > 1 && found[0].suggestion) expect(found[0].suggestionReason).toBe('digitTypo');
        },
      ),
      { numRuns: 200 },
    );
  });

  test('a transposed group total is recognised as a digit typo when nothing else is one', () => {
    fc.assert(
      fc.property(consistentReport(format), fc.nat({ max: 2 }), (v, g) => {
        const total = f.cells.find((c) => c.table === 'T4' && c.rowKey === f.t4.groups[g] && c.sumOf)!;
        const s = String(v[total.id]);
        fc.pre(s.length >= 2 && s[0] !== s[1]);
        const wrong = Number(s[1] + s[0] + s.slice(2));
        fc.pre(!s.startsWith('0') && s[1] !== '0');
        const changed = { ...v, [total.id]: wrong };
        const d = wrong - v[total.id];
        const otherTypo = total.sumOf!.some((p) => isTransposition(changed[p], changed[p] + d));
        fc.pre(!otherTypo);
        const [e] = errors(format, changed);
        expect(e.suggestion).toEqual({ [total.id]: v[total.id] });
        expect(e.suggestionReason).toBe('digitTypo');
      }),
      { numRuns: 150 },
    );
  });
});
