import fc from 'fast-check';
import { setup } from './helpers';

describe('formulas', () => {
  test('a SUM written by the API shows its computed value and follows its inputs', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:A3').values = [[1], [2], [3]];
      const total = sheet.getRange('A4');
      total.formulas = [['=SUM(A1:A3)']];
      total.load('values, formulas, text, valueTypes');
      await ctx.sync();
      expect(total.values).toEqual([[6]]);
      expect(total.formulas).toEqual([['=SUM(A1:A3)']]);
      expect(total.valueTypes).toEqual([['Double']]);
    });
    s.app.typeCell('Sheet1', 'A2', '10');
    expect(s.app.cell('Sheet1', 'A4').value).toBe(14);
  });

  test('typing parses like Excel: numbers, percentages, thousands, booleans, text, apostrophe, formulas', () => {
    const s = setup();
    const typed: [string, unknown, string][] = [
      ['12', 12, 'Double'],
      ['-3.5', -3.5, 'Double'],
      ['1,234', 1234, 'Double'],
      ['50%', 0.5, 'Double'],
      ['TRUE', true, 'Boolean'],
      ['十二', '十二', 'String'],
      ["'12", '12', 'String'],
      ['=2*3', 6, 'Double'],
      ['=1/0', '#DIV/0!', 'Error'],
      ['', '', 'Empty'],
    ];
    typed.forEach(([text], i) => s.app.typeCell('Sheet1', `A${i + 1}`, text));
    typed.forEach(([, value, type], i) => {
      const c = s.app.cell('Sheet1', `A${i + 1}`);
      expect([c.value, c.valueType]).toEqual([value, type]);
    });
  });

  test('blank cells read as 0 in arithmetic and "" in text, as in Excel', () => {
    const s = setup();
    s.app.typeCell('Sheet1', 'B1', '=A1+1');
    s.app.typeCell('Sheet1', 'B2', '=LEN(A1)');
    s.app.typeCell('Sheet1', 'B3', '=A1=""');
    s.app.typeCell('Sheet1', 'B4', '=IF(ISNUMBER(A1),A1<>INT(A1),LEN(A1)>0)');
    s.app.typeCell('Sheet1', 'B5', '=COUNTA(A1:A3)+MAX(A1:A3)');
    expect(s.app.values('Sheet1', 'B1:B5')).toEqual([[1], [0], [true], [false], [0]]);
  });

  test('text under a number format', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      r.values = [[3, 1.5]];
      r.numberFormat = [['0', '0.0000']];
      r.load('text');
      await ctx.sync();
      expect(r.text).toEqual([['3', '1.5000']]);
    });
  });

  test('chains of formulas and cross-sheet references recompute after every change', () => {
    const s = setup({ sheets: ['Data', 'Sum'] });
    s.app.typeCell('Data', 'A1', '4');
    s.app.typeCell('Data', 'A2', '=A1*2');
    s.app.typeCell('Sum', 'A1', '=Data!A2+Data!A1');
    expect(s.app.cell('Sum', 'A1').value).toBe(12);
    s.app.typeCell('Data', 'A1', '5');
    expect(s.app.cell('Sum', 'A1').value).toBe(15);
    s.app.renameSheet('Data', '数据 表');
    expect(s.app.cell('Sum', 'A1').formula).toBe("='数据 表'!A2+'数据 表'!A1");
    expect(s.app.cell('Sum', 'A1').value).toBe(15);
  });

  test('a name in a formula resolves to its range', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:A2').values = [[2], [5]];
      ctx.workbook.names.add('Parts', sheet.getRange('A1:A2'));
      sheet.getRange('B1').formulas = [['=SUM(Parts)']];
    });
    expect(s.app.cell('Sheet1', 'B1').value).toBe(7);
  });

  test('property: SUM over typed integers equals their arithmetic sum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 30 }), (xs) => {
        const s = setup();
        s.app.paste(
          'Sheet1',
          'A1',
          xs.map((x) => [String(x)]),
        );
        s.app.typeCell('Sheet1', 'B1', `=SUM(A1:A${xs.length})`);
        return s.app.cell('Sheet1', 'B1').value === xs.reduce((a, b) => a + b, 0);
      }),
      { numRuns: 40 },
    );
  });
});
