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

  test("property: a plain SUM of a range (computed without the parser) equals the parser's SUM for any contents", () => {
    // Anything a user puts in a cell: counts, fractions, -0, numbers whose sum overflows, text, numbers stored as
    // text, booleans, errors, formulas, blanks.
    const content = fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.constantFrom<string | number>(-0, 1e308, -1e308, 0.1, 0.2),
      fc.constantFrom('十二', "'12", 'TRUE', 'FALSE', '=1/0', '=NA()', '=2*3', '=A1', '', ' ', '无'),
    );
    fc.assert(
      fc.property(
        fc.array(content, { minLength: 9, maxLength: 9 }),
        fc.constantFrom('A1:C3', 'B2:C3', 'A1:A1', 'C1:C9'),
        (xs, range) => {
          const s = setup();
          xs.forEach((x, i) => s.app.typeCell('Sheet1', `${'ABC'[i % 3]}${Math.floor(i / 3) + 1}`, x));
          s.app.typeCell('Sheet1', 'E1', `=SUM(${range})`);
          // Lower case keeps it off the plain-SUM path: the parser computes this one.
          s.app.typeCell('Sheet1', 'E2', `=sum(${range})`);
          expect(s.app.cell('Sheet1', 'E2').formula).toBe(`=sum(${range})`);
          expect(s.app.cell('Sheet1', 'E1').value).toEqual(s.app.cell('Sheet1', 'E2').value);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('property: after any run of edits, every formula shows what a fresh evaluation of the same sheet gives', () => {
    // The calculator remembers evaluations and reuses one while the cells it read are unchanged: a sheet edited
    // step by step must end up showing the same values as the same contents typed into a new workbook.
    const cells = ['A1', 'B1', 'C1', 'A2', 'B2', 'C2', 'A3', 'B3', 'C3'];
    const edit = fc.integer({ min: 0, max: cells.length - 1 }).chain((i) => {
      // Formulas read only earlier cells, so there is no cycle (whose values depend on evaluation order).
      const earlier = fc.constantFrom(...cells.slice(0, Math.max(1, i)));
      const formula =
        i === 0
          ? fc.constant('=1+1')
          : fc.oneof(
              earlier.map((a) => `=${a}*2`),
              fc.tuple(earlier, earlier).map(([a, b]) => `=${a}+${b}`),
              earlier.map((a) => `=SUM(A1:${a})`),
              earlier.map((a) => `=sum(A1:${a})`),
              earlier.map((a) => `=IF(${a}>3,"big",LEN(${a}))`),
              earlier.map((a) => `=COUNTBLANK(A1:${a})`),
            );
      const constant = fc.oneof(fc.integer({ min: -5, max: 9 }), fc.constantFrom('', 'x', "'4", 'TRUE'));
      return fc.tuple(fc.constant(cells[i]), fc.oneof(formula, constant));
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), (edits) => {
        const s = setup();
        const last = new Map<string, string | number>();
        for (const [at, x] of edits) {
          s.app.typeCell('Sheet1', at, x);
          last.set(at, x);
        }
        const fresh = setup();
        for (const [at, x] of last) fresh.app.typeCell('Sheet1', at, x);
        expect(s.app.values('Sheet1', 'A1:C3')).toEqual(fresh.app.values('Sheet1', 'A1:C3'));
      }),
      { numRuns: 150 },
    );
  });
});
