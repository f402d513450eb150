/**
 * Findings are data and `renderFinding` writes them for people: whatever the report, every rendered sentence is
 * complete (no `{placeholder}` left), names cells by their labels (and by sheet address when one is given), and
 * never shows an internal id such as `T3.NEW.NP` or `N.review`, in Chinese or in English.
 */
import fc from 'fast-check';
import { check } from '../../src/model/check';
import { getFormat } from '../../src/model/formats';
import { planReport } from '../../src/model/layout';
import { applyEdits, attributeEdits, findingKey } from '../../src/model/recent-edit';
import { cellName, renderFinding, renderFindingShort, renderRuleTitle } from '../../src/model/render';
import { RULES } from '../../src/model/rules';
import type { CellId, CheckOptions, FormatId, Lang, RawValue, RuleId } from '../../src/model/types';
import { valueWithTotals } from '../xlsx/values';
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
          const result = check(format, raw, options);
          for (const f of result.findings) {
            seen.add(f.rule);
            // The pane's card: the short form, with the values, an edit of the first suspect and an echo.
            const edit = f.suspects[0]
              ? { cell: f.suspects[0], before: 7, after: 8, fix: 9, digitTypo: false }
              : undefined;
            const echo = result.findings.find((x) => x !== f && x.imbalance !== undefined);
            for (const lang of ['zh', 'en'] as Lang[]) {
              const text = renderFinding(f, format, lang, options.cellAddress);
              const short = renderFindingShort(f, format, lang, options.cellAddress, {
                values: result.cells,
                edit,
                echo,
              });
              rendered++;
              for (const said of [text, short.what, short.where, short.echo]) {
                expect(said).not.toMatch(INTERNAL_ID);
                expect(said).not.toMatch(/\{\w+\}/);
              }
              expect(text.length).toBeGreaterThan(5);
              expect(short.what.length).toBeGreaterThan(5);
              if (options.cellAddress && f.suspects.length === 1 && f.rule.startsWith('V.')) {
                expect(text).toContain(options.cellAddress[f.suspects[0]]);
                expect(short.what).toContain(options.cellAddress[f.suspects[0]]);
              }
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

describe('renderFindingShort: the pane card’s short form, from the message table', () => {
  const format = getFormat('2021');
  const plan = planReport({ format: '2021', year: 2024 });
  const zeros = Object.fromEntries(format.cells.filter((c) => c.role === 'input').map((c) => [c.id, 0]));
  // A generated sheet: totals are formulas over the inputs.
  const sheet = (inputs: Record<CellId, number>) =>
    Object.fromEntries(format.cells.map((c) => [c.id, valueWithTotals('2021', inputs, c.id)]));
  const formulaCells = format.cells.filter((c) => c.sumOf).map((c) => c.id);
  // 12 new applications, 21 typed for （一）予以公开 · 自然人 (12 with its digits swapped).
  const result = check('2021', sheet({ ...zeros, 'T3.NEW.NP': 12, 'T3.R1.NP': 21 }), { formulaCells });
  const addr = plan.cellAddress['T3.R1.NP'];
  // The user just typed 21 over 12: the host puts the imbalance down to that edit, as the pane shows it.
  const { edits } = attributeEdits(
    '2021',
    result,
    new Set(formulaCells),
    [{ id: 'T3.R1.NP', before: 12, after: 21 }],
    new Map(),
  );
  const [balance, echo] = applyEdits(result.findings, edits);
  const edit = edits[findingKey(balance)];

  test('names a cell by its sheet address, then its row and the last part of its column label', () => {
    expect(cellName(format, 'T3.R1.NP', 'zh', addr, 'short')).toBe(`${addr}（（一）予以公开 · 自然人）`);
    expect(cellName(format, 'T3.R1.NP', 'en', addr, 'short')).toBe(`${addr} (（一）予以公开 · 自然人)`);
    // Without a sheet (a report read from text) the labels alone.
    expect(cellName(format, 'T3.R1.NP', 'zh', undefined, 'short')).toBe('（一）予以公开 · 自然人');
  });

  test('says the balance with its numbers and the likely cell with the value it should hold, in both languages', () => {
    expect([balance.rule, echo.rule, balance.suspects[0], balance.suggestion]).toEqual([
      'T3.balance',
      'T3.balance',
      'T3.R1.NP',
      { 'T3.R1.NP': 12 },
    ]);
    const ctx = { values: result.cells };
    const zh = renderFindingShort(balance, format, 'zh', plan.cellAddress, ctx);
    expect(zh.what).toBe('表三 自然人列：一+二 = 12，三（七）+ 四 = 21，差 9。');
    expect(zh.where).toBe(`最可能是 ${addr}（（一）予以公开 · 自然人）：21 应为 12（数字顺序颠倒）。`);
    expect(zh.echo).toBe('');
    const en = renderFindingShort(balance, format, 'en', plan.cellAddress, ctx);
    expect(en.what).toBe('Table 3, column 自然人: 一+二 = 12, 三(七) + 四 = 21, off by 9.');
    expect(en.where).toBe(`Most likely ${addr} (（一）予以公开 · 自然人): 21 should be 12 (digits swapped).`);
  });

  test('an edit of the likely cell is said as the user’s change; an echo as the 总计 column it also breaks', () => {
    const short = renderFindingShort(balance, format, 'en', plan.cellAddress, { values: result.cells, edit, echo });
    expect(short.where).toBe(
      `Most likely ${addr} (（一）予以公开 · 自然人), which you just changed from 12 to 21: it should be 12 (digits swapped).`,
    );
    expect(short.echo).toBe('The 总计 column is off by 9 as a result; fixing this clears it too.');
  });

  test('with no edit to go by, the cells that could be wrong are listed, at most three', () => {
    const plain = result.findings[0];
    expect(plain.suspects.length).toBeGreaterThan(1);
    expect(plain.suggestion).toBeUndefined();
    const short = renderFindingShort(plain, format, 'zh', plan.cellAddress, { values: result.cells });
    const named = plain.suspects.slice(0, 3).map((id) => cellName(format, id, 'zh', plan.cellAddress[id], 'short'));
    expect(short.where).toBe(`可能出错的单元格：${named.join('、')}。`);
  });

  test('text that reads as a number says what it would be; a finding with no short form is said in full', () => {
    const typed = check('2021', { ...zeros, 'T3.NEW.NP': '3件' });
    const text = typed.findings.find((f) => f.rule === 'V.notNumber')!;
    const short = renderFindingShort(text, format, 'zh', plan.cellAddress);
    expect(short.what).toBe(
      `${plan.cellAddress['T3.NEW.NP']}（一、本年新收政府信息公开申请数量 · 自然人）：不是数字。看起来是 3，但 Excel 求和时不会计入，请改填数字 3。`,
    );
    expect(short.where).toBe('');
    const unfilled = check('2021', {}).findings.filter((f) => f.rule === 'V.unfilled');
    expect(unfilled.length).toBeGreaterThan(0);
    for (const f of unfilled) expect(renderFindingShort(f, format, 'en').what).toBe(renderFinding(f, format, 'en'));
  });

  test('every registered rule has a title in both languages, the two different, neither an id', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(28);
    for (const r of RULES) {
      const zh = renderRuleTitle(r.id, 'zh');
      const en = renderRuleTitle(r.id, 'en');
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).not.toBe(zh);
      expect(`${zh} ${en}`).not.toMatch(INTERNAL_ID);
    }
  });
});
