import fc from 'fast-check';
import { getFormat } from '../../src/model/formats';
import type { Finding, Severity } from '../../src/model/types';
import { langFromLocale } from '../../src/taskpane/i18n';
import { luminance, themeKind } from '../../src/taskpane/theme';
import { balancePicture, overview } from '../../src/taskpane/view-model';
import { brokenBalance, passingResult } from './fake-host';
import { ofLength } from '../support/non-empty';

const format = getFormat('2021');
const ids = format.cells.map((c) => c.id);

const findingArb = fc.record({
  id: fc.constantFrom(...ids),
  severity: fc.constantFrom<Severity>('error', 'warning', 'info'),
  rule: fc.constantFrom('T3.rowTotal', 'T4.groupTotal', 'V.negative', 'P.sameAsLastYear', 'V.unfilled' as const),
});

describe('overview and grouping', () => {
  it('counts every error and warning once, in the table of its cells, and passes only without errors', () => {
    fc.assert(
      fc.property(
        fc.array(findingArb, { maxLength: 30 }),
        fc.subarray(ids),
        fc.subarray(['T2', 'T3', 'T4'] as const),
        (specs, unfilled, damaged) => {
          const result = passingResult();
          result.unfilled = unfilled;
          result.findings = specs.map((s, i): Finding => ({
            rule: s.rule,
            instance: String(i),
            severity: s.severity,
            cells: [s.id],
            suspects: [],
            params: {},
          }));
          const o = overview(result, undefined, damaged);
          // One mistake, one count: a sum that fails on a cell holding a bad value is caused by that value.
          const causes = new Set(
            specs.filter((s) => s.rule.startsWith('V.') && s.rule !== 'V.unfilled').map((s) => s.id),
          );
          const counted = specs.filter((s) => s.rule !== 'V.unfilled' && !(s.rule.startsWith('T') && causes.has(s.id)));
          expect(o.errors).toBe(counted.filter((s) => s.severity === 'error').length);
          expect(o.warnings).toBe(counted.filter((s) => s.severity === 'warning').length);
          // Blank input cells: a table never passes while any is blank, and is 尚未填写 while all are.
          const inputs = format.cells.filter((c) => c.role === 'input').map((c) => c.id);
          const blank = unfilled.filter((id) => inputs.includes(id)).length;
          // A table the host could not read whole (its layout changed) was not fully checked: never a pass.
          expect(o.state).toBe(
            o.errors > 0
              ? 'errors'
              : damaged.length > 0
                ? 'damaged'
                : blank === inputs.length
                  ? 'notFilled'
                  : blank > 0
                    ? 'filling'
                    : 'pass',
          );
          expect(o.tables.filter((t) => t.damaged).map((t) => t.table)).toEqual(damaged);
          for (const t of ofLength(o.tables, 3)) {
            const inTable = (id: string) => format.cellById.get(id)!.table === t.table;
            expect(t.unfilled).toBe(unfilled.filter((id) => inTable(id) && inputs.includes(id)).length);
            expect(t.errors).toBe(counted.filter((s) => s.severity === 'error' && inTable(s.id)).length);
          }
        },
      ),
    );
  });

  it('pictures the balance with its four terms and the sums of both sides', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.nat(500), fc.nat(500), (a, b, c, d) => {
        const { result, finding, ids: cells } = brokenBalance({ newCount: a, carryIn: b, done: c, carryOut: d });
        const p = balancePicture(result, finding)!;
        expect(p.left.map((x) => x.id)).toEqual([cells.newId, cells.carryInId]);
        expect(p.right.map((x) => x.id)).toEqual([cells.doneId, cells.carryOutId]);
        expect([p.leftSum, p.rightSum]).toEqual([a + b, c + d]);
        expect([...p.left, ...p.right].map((x) => x.numeral)).toEqual(['一', '二', '三', '四']);
        expect(p.right[1].suspect).toBe(true);
      }),
    );
  });

  it('has no picture for rules other than the balance', () => {
    const { result, finding } = brokenBalance({ newCount: 1, carryIn: 0, done: 0, carryOut: 0 });
    expect(balancePicture(result, { ...finding, rule: 'T3.rowTotal' })).toBeNull();
  });
});

describe('language and theme', () => {
  it('defaults to Chinese, English only for a non-Chinese Office', () => {
    expect(langFromLocale('zh-CN')).toBe('zh');
    expect(langFromLocale('zh-TW')).toBe('zh');
    expect(langFromLocale(undefined)).toBe('zh');
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('fr-FR')).toBe('en');
  });

  it('follows the Office theme: dark backgrounds give the dark theme, forced colours high contrast', () => {
    expect(themeKind({ bodyBackgroundColor: '#ffffff' }, false)).toBe('light');
    expect(themeKind({ bodyBackgroundColor: '#262626' }, false)).toBe('dark');
    expect(themeKind({ bodyBackgroundColor: '#262626' }, true)).toBe('highContrast');
    expect(themeKind(undefined, false)).toBe('light');
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('not a colour')).toBeNull();
  });
});
