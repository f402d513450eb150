import * as fs from 'fs';
import * as path from 'path';
import { check } from '../../src/model/check';
import { detectBodyLevel } from '../../src/model/body-level';
import { summedCells } from '../../src/model/formula-check';
import { planReport } from '../../src/model/layout';
import { digitTypoTier } from '../../src/model/locate';
import { MESSAGES, formatMessage } from '../../src/model/messages';
import { renderFinding } from '../../src/model/render';
import { RULES } from '../../src/model/rules';
import type { CellId } from '../../src/model/types';
import { nonEmpty } from '../support/non-empty';

const suqian = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/expected/suqian-2024.json'), 'utf8'))
  .cells as Record<CellId, number>;

describe('digit typos', () => {
  test.each([
    [12, 21, 1],
    [1408, 1480, 1],
    [1408, 4108, 1],
    [1408, 148, 2],
    [148, 1488, 2],
    [1408, 1409, 3],
    [5, 6, 0],
    [12, 30, 0],
    [1408, 8041, 0],
  ])('%i typed for %i → tier %i', (typed, intended, tier) => expect(digitTypoTier(typed, intended)).toBe(tier));
});

describe('unfilled cells', () => {
  test('a relation touching blank cells is incomplete, not passed, and blank cells are reported once per table', () => {
    // Two cells that hold 0 in different rows and columns: blank them, every relation still holds with 0.
    const zeros = Object.keys(suqian).filter((id) => /^T3\.R\d(_\d)?\.(?!TOT)/.test(id) && suqian[id] === 0);
    const a = zeros[0];
    const b = zeros.find((id) => id.split('.')[1] !== a.split('.')[1] && id.split('.')[2] !== a.split('.')[2])!;
    const v: Record<CellId, number | string | null> = { ...suqian, [a]: null, [b]: '/' };
    const r = check('2021', v);
    expect(r.unfilled.sort()).toEqual([a, b].sort());
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.summary.find((s) => s.rule === 'T3.rowTotal')).toMatchObject({ incomplete: 2, failed: 0 });
    expect(r.summary.find((s) => s.rule === 'T3.resultTotal')).toMatchObject({ incomplete: 2, failed: 0 });
    const unfilled = r.findings.filter((f) => f.rule === 'V.unfilled');
    expect(unfilled).toHaveLength(1);
    expect(unfilled[0].cells.sort()).toEqual([a, b].sort());
  });

  test('a relation that fails whatever the blank cells hold is still an error', () => {
    // A part is blank and the filled parts already exceed the total: no figure in the blank can fix that.
    const v = { ...suqian, 'T3.R1.BIZ': null, 'T3.R1.TOT': suqian['T3.R1.TOT'] - 50 - suqian['T3.R1.BIZ'] };
    const r = check('2021', v);
    const row = r.findings.find((f) => f.instance === 'T3.rowTotal:R1');
    expect(row?.severity).toBe('error');
  });

  test('a blank cell that could still balance the relation leaves it incomplete', () => {
    const v = { ...suqian, 'T3.R1.TOT': null };
    const r = check('2021', v);
    expect(r.findings.find((f) => f.instance === 'T3.rowTotal:R1')).toBeUndefined();
    expect(r.summary.find((s) => s.rule === 'T3.rowTotal')!.incomplete).toBe(1);
  });
});

describe('plausibility', () => {
  test('fee with more than 4 decimals', () => {
    const r = check('2021', { ...suqian, 'T2.FEE.AMOUNT': 727012578.12345 });
    expect(r.findings.map((f) => f.rule)).toContain('P.feeDecimals');
    expect(check('2021', suqian).findings.map((f) => f.rule)).not.toContain('P.feeDecimals');
  });

  test('issued more than in force plus repealed', () => {
    const r = check('2021', { ...suqian, 'T2.REG.ISSUED': 20, 'T2.REG.IN_FORCE': 5, 'T2.REG.REPEALED': 1 });
    const p = r.findings.find((f) => f.rule === 'P.issuedVsInForce')!;
    expect(p).toMatchObject({ severity: 'warning', reported: 20, computed: 6 });
  });

  test.each([
    ['宿迁市人民政府', 'city'],
    ['宿迁市市场监督管理局', 'city'],
    ['徐闻县农业农村局', 'county'],
    ['深圳市龙岗区人民政府', 'county'],
    ['松木塘镇人民政府', 'town'],
    ['某市某区某某街道办事处', 'town'],
    ['某市住房和城乡建设局', 'city'],
    ['广西壮族自治区人民政府', 'province'],
    ['国家统计局', 'central'],
  ])('%s is a %s body', (org, level) => expect(detectBodyLevel(org)).toBe(level));

  test('regulations reported by a town are suspicious, by a city not', () => {
    const v = { ...suqian, 'T2.REG.ISSUED': 1 };
    expect(check('2021', v, { org: '松木塘镇人民政府' }).findings.map((f) => f.rule)).toContain(
      'P.regulationsAtLocalLevel',
    );
    expect(check('2021', v, { org: '宿迁市人民政府' }).findings.map((f) => f.rule)).not.toContain(
      'P.regulationsAtLocalLevel',
    );
    expect(check('2021', v, { bodyLevel: 'county' }).findings.map((f) => f.rule)).toContain(
      'P.regulationsAtLocalLevel',
    );
  });

  test('a 2019-format report for 2021 or later is outdated', () => {
    expect(check('2019', {}, { year: 2021 }).findings.map((f) => f.rule)).toContain('FMT.outdated');
    expect(check('2019', {}, { year: 2020 }).findings.map((f) => f.rule)).not.toContain('FMT.outdated');
  });
});

describe('formulas of a generated sheet', () => {
  const plan = planReport({ format: '2021', year: 2025, org: '测试市' });
  const formulas: Record<CellId, string> = {};
  for (const c of plan.cells) if (c.cellId && c.formula) formulas[c.cellId] = c.formula;

  test('the generated plan has intact formulas: no F. findings', () => {
    expect(Object.keys(formulas).length).toBeGreaterThan(0);
    const r = check('2021', suqian, { formulas, cellAddress: plan.cellAddress });
    expect(r.findings.filter((f) => f.rule.startsWith('F.'))).toEqual([]);
    expect(r.summary.find((s) => s.rule === 'F.formulaRange')!.passed).toBe(Object.keys(formulas).length);
  });

  test('a total typed over is F.notFormula, and its value is still checked', () => {
    const v = { ...suqian, 'T3.NEW.TOT': suqian['T3.NEW.TOT'] + 1 };
    const r = check('2021', v, { formulas: { ...formulas, 'T3.NEW.TOT': '' }, cellAddress: plan.cellAddress });
    const f = r.findings.find((x) => x.rule === 'F.notFormula')!;
    expect(f.cells).toEqual(['T3.NEW.TOT']);
    const message = renderFinding(f, '2021', 'zh', plan.cellAddress);
    expect(message).toContain(plan.cellAddress['T3.NEW.TOT']);
    expect(message).toContain(formulas['T3.NEW.TOT'].replace(/\$/g, ''));
    expect(r.findings.filter((x) => x.severity === 'error').every((x) => x.suspects.includes('T3.NEW.TOT'))).toBe(true);
  });

  test('a SUM that no longer covers its parts is F.formulaRange', () => {
    const addr = plan.cellAddress['T3.NEW.NP'];
    const r = check('2021', suqian, {
      formulas: { ...formulas, 'T3.NEW.TOT': `=SUM(${addr}:${addr})` },
      cellAddress: plan.cellAddress,
    });
    const f = r.findings.find((x) => x.rule === 'F.formulaRange')!;
    expect(f.cells).toEqual(['T3.NEW.TOT']);
    expect(String(f.params.expected)).toMatch(/^=SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
  });

  test('with live totals, a wrong input is still the suspect, never a formula total', () => {
    const id = 'T3.R2.BIZ';
    const v = { ...suqian };
    // The sheet recomputes its totals: emulate Excel by moving every total above the changed cell.
    const d = 7;
    for (const c of ['T3.R2.BIZ', 'T3.R2.TOT', 'T3.R7_TOTAL.BIZ', 'T3.R7_TOTAL.TOT']) v[c] += d;
    const r = check('2021', v, { formulas, cellAddress: plan.cellAddress });
    const errs = r.findings.filter((x) => x.severity === 'error');
    expect(errs.map((e) => e.instance).sort()).toEqual(['T3.balance:BIZ', 'T3.balance:TOT']);
    const suspects = new Set(errs.flatMap((e) => e.suspects));
    expect(suspects.has(id)).toBe(true);
    for (const s of nonEmpty(suspects)) expect(formulas[s]).toBeUndefined();
  });

  test.each([
    ['=SUM(D4:I4)', 6],
    ['=sum($D$4:$I$4)', 6],
    ['=D4+E4+F4', 3],
    ["=SUM('表 1'!D4:E4,F4)", 3],
    ['=D4*2', null],
    ['', null],
  ])('summedCells(%s)', (formula, n) => {
    const s = summedCells(formula);
    expect(s === null ? null : s.size).toBe(n);
  });
});

describe('messages', () => {
  test('every rule has its messages in both languages', () => {
    for (const r of nonEmpty(RULES)) {
      for (const key of [r.title, ...r.messages]) {
        expect(MESSAGES[key].zh.length).toBeGreaterThan(0);
        expect(MESSAGES[key].en.length).toBeGreaterThan(0);
      }
    }
  });

  test('a balance message reads like the table speaks, and leaves no placeholder', () => {
    const v = { ...suqian, 'T3.NEW.NP': suqian['T3.NEW.NP'] + 1 };
    for (const lang of ['zh', 'en'] as const) {
      const findings = check('2021', v).findings;
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) expect(renderFinding(f, '2021', lang)).not.toMatch(/\{\w+\}/);
    }
    const b = check('2021', v).findings.find((f) => f.rule === 'T3.balance')!;
    expect(renderFinding(b, '2021', 'zh')).toMatch(
      /^表三“自然人”列：一 \+ 二 = \d+，三（七）总计 \+ 四 = \d+，相差 -1/,
    );
  });

  test('formatMessage keeps unknown placeholders visible', () => {
    expect(formatMessage('V.negative', 'zh', { value: -1 })).toContain('{cell}');
  });
});
