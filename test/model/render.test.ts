/**
 * Findings are data and `renderFinding` writes them for people: whatever the report, every rendered sentence is
 * complete (no `{placeholder}` left), names cells by their labels (and by sheet address when one is given), and
 * never shows an internal id such as `T3.NEW.NP` or `N.review`, in Chinese or in English.
 */
import fc from 'fast-check';
import { check } from '../../src/model/check';
import { getFormat } from '../../src/model/formats';
import { planReport } from '../../src/model/layout';
import { renderFinding } from '../../src/model/render';
import { RULES } from '../../src/model/rules';
import type { CheckOptions, FormatId, Lang, RawValue, RuleId } from '../../src/model/types';
import { consistentReport } from './generate';

/** A cell id (`T3.NEW.NP`, `T2.FEE.AMOUNT`) or a rule id (`T3.balance`, `N.review`, `FMT.outdated`). */
const INTERNAL_ID = /\bT[234]\.[A-Z0-9_]+|\b(?:T3|T4|V|P|X|F|FMT|N)\.[a-z][A-Za-z]*/;

/** What people type into the tables besides clean numbers. */
const oddValue: fc.Arbitrary<RawValue> = fc.oneof(
  fc.integer({ min: -5, max: 99999 }),
  fc.constantFrom('/', '-', '无', '１２', '3件', ' 12 ', '1,234', '12（其中修订 1 件）', 'abc', '1.5', '0.123456'),
  fc.double({ min: -10, max: 1e5, noNaN: true }),
  fc.constant(null),
);

const narrative = fc
  .tuple(fc.nat(500), fc.nat(500), fc.nat(50), fc.nat(50), fc.nat(200), fc.integer({ min: 0, max: 1000 }))
  .map(
    ([a, b, c, d, e, p]) =>
      `本机关共收到政府信息公开申请${a}件，上年结转${c}件，办结${b}件，结转下年度继续办理${d}件。` +
      `其中予以公开${e}件，占${p / 10}%；不予公开${c}件。发生行政复议${d}件，行政诉讼${c}件。未收到政府信息公开申请。`,
  );

function scenario(format: FormatId) {
  const ids = getFormat(format).cells.map((c) => c.id);
  return fc.record({
    values: consistentReport(format),
    changes: fc.array(fc.tuple(fc.nat(ids.length - 1), oddValue), { minLength: 1, maxLength: 6 }),
    previous: fc.option(consistentReport(format)),
    narrative: fc.option(narrative),
    sheet: fc.boolean(),
    typedOver: fc.nat(ids.length - 1),
    org: fc.constantFrom(undefined, '某县统计局', '某镇人民政府'),
    year: fc.constantFrom(undefined, 2019, 2024),
  });
}

describe('renderFinding', () => {
  const seen = new Set<RuleId>();

  afterAll(() => {
    // The random reports reach most rules: a property that holds because nothing was rendered proves nothing.
    expect(seen.size).toBeGreaterThanOrEqual(12);
  });

  test.each(['2021', '2019'] as const)(
    'no rendered message (%s) contains an internal id or a placeholder',
    (format) => {
      let rendered = 0;
      fc.assert(
        fc.property(scenario(format), (s) => {
          const ids = getFormat(format).cells.map((c) => c.id);
          const raw: Record<string, RawValue> = { ...s.values };
          for (const [i, v] of s.changes) raw[ids[i]] = v;
          const options: CheckOptions = {};
          if (s.previous) options.previous = s.previous;
          if (s.narrative) options.narrative = s.narrative;
          if (s.org) options.org = s.org;
          if (s.year) options.year = s.year;
          if (s.sheet) {
            const plan = planReport({ format, year: 2024 });
            const formulas: Record<string, string> = {};
            for (const c of plan.cells) if (c.cellId && c.formula) formulas[c.cellId] = c.formula;
            delete formulas[ids[s.typedOver]];
            options.formulas = formulas;
            options.cellAddress = plan.cellAddress;
          }
          for (const f of check(format, raw, options).findings) {
            seen.add(f.rule);
            for (const lang of ['zh', 'en'] as Lang[]) {
              const text = renderFinding(f, format, lang, options.cellAddress);
              rendered++;
              expect(text).not.toMatch(INTERNAL_ID);
              expect(text).not.toMatch(/\{\w+\}/);
              expect(text.length).toBeGreaterThan(5);
              if (options.cellAddress && f.suspects.length === 1 && f.rule.startsWith('V.'))
                expect(text).toContain(options.cellAddress[f.suspects[0]]);
            }
          }
        }),
        { numRuns: 60 },
      );
      expect(rendered).toBeGreaterThan(100);
    },
  );

  test('the language is the renderer’s: one finding, two sentences, the same data', () => {
    const r = check('2021', { 'T3.NEW.NP': 'abc' });
    const f = r.findings.find((x) => x.rule === 'V.notNumber')!;
    expect(renderFinding(f, '2021', 'zh')).toMatch(/^表三“一、本年新收政府信息公开申请数量”行“自然人”列填的是“abc”/);
    expect(renderFinding(f, '2021', 'en')).toMatch(
      /^Table 3 “一、本年新收政府信息公开申请数量” \/ “自然人” holds “abc”/,
    );
    expect(f.params).toEqual({ raw: 'abc', value: 0 });
  });

  test('every registered rule has one severity, a title and its messages in both languages', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(28);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(RULES.filter((r) => r.kind === 'narrative').length).toBeGreaterThanOrEqual(9);
  });
});
