import { T3_TOTAL_COLUMN } from '../../src/model/formats/labels';
import { planReport } from '../../src/model/layout';
import { COMMON_PLACEHOLDERS, parseCell } from '../../src/model/values';
import { setup } from './helpers';
import { nonEmpty } from '../support/non-empty';

/** The plan's contents and conditional formats, straight through the API (the adapter does more). */
async function applyContentsAndSelfChecks(s: ReturnType<typeof setup>, plan: ReturnType<typeof planReport>) {
  await s.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    for (const c of plan.cells) {
      if (c.formula) sheet.getRange(c.address).formulas = [[c.formula]];
      else if (c.value !== undefined) sheet.getRange(c.address).values = [[c.value]];
      // Input cells are generated blank; these tests start from a table filled with 0.
      else if (c.cellId) sheet.getRange(c.address).values = [[0]];
    }
    for (const cf of plan.conditionalFormats) {
      const f = sheet.getRanges(cf.ranges.join(',')).conditionalFormats.add('Custom');
      f.custom.rule.formula = `=${cf.formula}`;
      f.custom.format.fill.color = cf.severity === 'unfilled' ? '#FFF2CC' : '#FFC7CE';
    }
  });
}

describe('conditional formats', () => {
  test('a custom formula is relative to the top-left cell and evaluated at every cell of the range', async () => {
    const s = setup();
    s.app.paste('Sheet1', 'A1', [
      ['1', '-2'],
      ['-3', '4'],
    ]);
    await s.run(async (ctx) => {
      const cf = ctx.workbook.worksheets
        .getItem('Sheet1')
        .getRange('A1:B2')
        .conditionalFormats.add(s.Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=A1<0';
      cf.custom.format.fill.color = '#FFC7CE';
    });
    expect(s.app.paintedByConditionalFormats('Sheet1').map((p) => p.address)).toEqual(['B1', 'A2']);
    s.app.typeCell('Sheet1', 'A1', '-1');
    expect(s.app.paintedByConditionalFormats('Sheet1').map((p) => p.address)).toEqual(['A1', 'B1', 'A2']);
    expect(s.app.cell('Sheet1', 'A1').conditionalFill).toBe('#FFC7CE');
  });

  test('a true rule shows its font (colour and bold) over the cell, a false one leaves the cell as it is', async () => {
    const s = setup();
    s.app.paste('Sheet1', 'A1', [['1', '-2']]);
    await s.run(async (ctx) => {
      const cf = ctx.workbook.worksheets
        .getItem('Sheet1')
        .getRange('A1:B1')
        .conditionalFormats.add(s.Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=A1<0';
      cf.custom.format.font.color = '#9C0006';
      cf.custom.format.font.bold = true;
    });
    expect(s.app.cell('Sheet1', 'B1').conditionalFont).toEqual({ color: '#9C0006', bold: true });
    expect(s.app.cell('Sheet1', 'A1').conditionalFont).toBeNull();
    s.app.typeCell('Sheet1', 'B1', '2');
    expect(s.app.cell('Sheet1', 'B1').conditionalFont).toBeNull();
  });

  test('mixed references: absolute rows stay, relative columns move (one formula serves a row)', async () => {
    const s = setup();
    s.app.paste('Sheet1', 'A1', [
      ['1', '2', '3'],
      ['1', '5', '3'],
    ]);
    await s.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem('Sheet1').getRange('A2:C2').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=A$1<>A$2';
      cf.custom.format.font.color = '#9C0006';
    });
    expect(s.app.paintedByConditionalFormats('Sheet1')).toEqual([
      expect.objectContaining({ address: 'B2', fontColor: '#9C0006', fill: null }),
    ]);
  });

  test('a new format takes the highest priority, and the highest-priority fill is the one shown', async () => {
    const s = setup();
    s.app.typeCell('Sheet1', 'A1', '1');
    await s.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').conditionalFormats;
      const first = cfs.add('Custom');
      first.custom.rule.formula = '=TRUE';
      first.custom.format.fill.color = '#111111';
      const second = cfs.add('Custom');
      second.custom.rule.formula = '=A1=1';
      second.custom.format.fill.color = '#222222';
      first.load('priority');
      second.load('priority');
      await ctx.sync();
      expect([first.priority, second.priority]).toEqual([1, 0]);
    });
    const [p] = s.app.paintedByConditionalFormats('Sheet1');
    expect(p.fill).toBe('#222222');
    expect(p.formats).toEqual([0, 1]);
  });

  test('loading formats through the collection; clearAll removes them from the range', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      const cf = sheet.getRange('B2:C3').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=B2>0';
      cf.custom.format.fill.color = 'red';
      const cfs = sheet.getRange('C3').conditionalFormats;
      cfs.load('items/type,items/custom/rule/formula,items/custom/format/fill/color');
      await ctx.sync();
      expect(cfs.items.map((c) => [c.type, c.custom.rule.formula, c.custom.format.fill.color])).toEqual([
        ['Custom', '=B2>0', '#FF0000'],
      ]);
      sheet.getRange('B2:C3').conditionalFormats.clearAll();
      const after = sheet.getRange('B2:C3').conditionalFormats.getCount();
      await ctx.sync();
      expect(after.value).toBe(0);
    });
  });

  test("the planner's self-checks flag a broken balance and a typed-over total in the stand-in", async () => {
    const plan = planReport({ format: '2021', year: 2024, org: '某局' });
    const s = setup();
    await applyContentsAndSelfChecks(s, plan);
    const painted = () => new Set(s.app.paintedByConditionalFormats('Sheet1').map((p) => p.address));
    expect(painted().size).toBe(0);
    const fresh = plan.cellAddress['T3.NEW.NP'];
    s.app.typeCell('Sheet1', fresh, '3');
    // 一 + 二 no longer equals 三（七） + 四 in that column. The 总计 column sums the applicant columns with live
    // formulas: it is not marked separately (it balances when they do).
    const balanceRows = ['NEW', 'CARRY_IN', 'R7_TOTAL', 'CARRY_OUT'];
    const expected = ['NP'].flatMap((col) => balanceRows.map((row) => plan.cellAddress[`T3.${row}.${col}`]));
    expect(painted()).toEqual(new Set(expected));
    s.app.typeCell('Sheet1', plan.cellAddress['T3.CARRY_OUT.NP'], '3');
    expect(painted().size).toBe(0);
    const total = plan.cellAddress[`T3.NEW.${T3_TOTAL_COLUMN}`];
    s.app.typeCell('Sheet1', total, '99');
    expect(painted().has(total)).toBe(true);
  });

  test('self-checks: a placeholder (/ - — 无) is marked unfilled, not as an error; text and fractions are errors', async () => {
    const plan = planReport({ format: '2021', year: 2024, org: '某局' });
    const s = setup();
    await applyContentsAndSelfChecks(s, plan);
    const colourAt = (address: string) =>
      s.app
        .paintedByConditionalFormats('Sheet1')
        .filter((p) => p.address === address)
        .map((p) => p.fill);
    const cell = plan.cellAddress['T2.LICENSE.COUNT'];
    for (const placeholder of nonEmpty(COMMON_PLACEHOLDERS)) {
      expect(parseCell(placeholder, 'count').filled).toBe(false);
      s.app.typeCell('Sheet1', cell, placeholder);
      expect([placeholder, colourAt(cell)]).toEqual([placeholder, ['#FFF2CC']]);
    }
    for (const bad of ['很多', '2.5', '-3']) {
      s.app.typeCell('Sheet1', cell, bad);
      expect([bad, colourAt(cell)]).toEqual([bad, ['#FFC7CE']]);
    }
  });
});
