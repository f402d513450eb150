import { rejection, setup } from './helpers';

describe('load and sync', () => {
  test('reading a property that was not loaded throws PropertyNotLoaded, like Office', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('address');
      expect(() => r.address).toThrow(/call the load method/);
      await ctx.sync();
      expect(r.address).toBe('Sheet1!A1');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('queued writes reach the workbook only at sync, and each sync is counted', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange('B2:C2');
      r.values = [[1, 2]];
      expect(s.app.cell('Sheet1', 'B2').value).toBe('');
      await ctx.sync();
      expect(s.app.values('Sheet1', 'B2:C2')).toEqual([[1, 2]]);
    });
    expect(s.app.syncCount).toBe(1);
    s.app.resetSyncCount();
    expect(s.app.syncCount).toBe(0);
  });

  test('Excel.run sends what is still queued when the batch ends; even an empty batch is one round trip', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[5]];
    });
    expect(s.app.syncCount).toBe(1);
    expect(s.app.cell('Sheet1', 'A1').value).toBe(5);
    // office.js instantiates the workbook when it makes the request context, so that request always goes out.
    await s.run(async () => undefined);
    expect(s.app.syncCount).toBe(2);
  });

  test('loaded values are a snapshot: they change only with another load and sync', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([['']]);
      s.app.typeCell('Sheet1', 'A1', '7');
      expect(r.values).toEqual([['']]);
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([[7]]);
    });
  });

  test.each([
    ['string', (r: Excel.Range) => r.load('values, formulas')],
    ['array', (r: Excel.Range) => r.load(['values', 'formulas'])],
    ['object', (r: Excel.Range) => r.load({ values: true, formulas: true })],
    ['select', (r: Excel.Range) => r.load({ select: 'values,formulas' })],
  ])('load with the %s form', async (_form, load) => {
    const s = setup();
    s.app.typeCell('Sheet1', 'A1', '2');
    s.app.typeCell('Sheet1', 'A2', '=A1*3');
    await s.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A2');
      load(r);
      await ctx.sync();
      expect(r.values).toEqual([[2], [6]]);
      expect(r.formulas).toEqual([[2], ['=A1*3']]);
    });
  });

  test('nested paths load child objects and collection items', async () => {
    const s = setup({ sheets: ['One', 'Two'] });
    s.app.formatCells('One', 'A1', { fill: '#ffeeaa', bold: true });
    await s.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      const r = sheets.getItem('One').getRange('A1');
      r.load('format/fill/color, format/font/bold');
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(sheets.items.map((w) => w.name)).toEqual(['One', 'Two']);
      expect(() => sheets.items[0].id).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(r.format.fill.color).toBe('#FFEEAA');
      expect(r.format.font.bold).toBe(true);
      expect(() => r.format.font.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('load() with no argument loads every scalar property', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('B3:C4');
      r.load();
      await ctx.sync();
      expect([r.rowIndex, r.columnIndex, r.rowCount, r.columnCount, r.address]).toEqual([2, 1, 2, 2, 'Sheet1!B3:C4']);
    });
  });

  test('a property set on a proxy reads back at once, as in Office', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.values = [[3]];
      expect(r.values).toEqual([[3]]);
    });
  });

  test('getItemOrNullObject gives a null object after sync; getItem fails the sync with ItemNotFound', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const there = ctx.workbook.worksheets.getItemOrNullObject('Sheet1');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      ctx.workbook.worksheets.getItem('Nope').getRange('A1').values = [[1]];
      const e = await rejection(ctx.sync());
      expect(e.code).toBe('ItemNotFound');
    });
  });

  test('a failing operation stops the batch: earlier operations stay, later ones are dropped', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').values = [[1]];
      sheet.getRange('A2:B2').values = [[1, 2, 3]];
      sheet.getRange('A3').values = [[3]];
      const e = await rejection(ctx.sync());
      expect(e.code).toBe('InvalidArgument');
      expect(e.message).toMatch(/doesn't match the size/);
    });
    expect(s.app.values('Sheet1', 'A1:A3')).toEqual([[1], [''], ['']]);
  });

  test('a single value sets every cell of the range; null in an array leaves the cell alone', async () => {
    const s = setup();
    s.app.typeCell('Sheet1', 'B1', 'keep');
    await s.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      (sheet.getRange('A2:B3') as unknown as { values: number }).values = 0;
      sheet.getRange('A1:B1').values = [[9, null]];
    });
    expect(s.app.values('Sheet1', 'A1:B3')).toEqual([
      [9, 'keep'],
      [0, 0],
      [0, 0],
    ]);
  });

  test('bad addresses fail at sync with InvalidArgument', async () => {
    const s = setup();
    const e = await rejection(
      s.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A0:ZZZZ1').load('values');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  test('getCount returns a ClientResult readable after sync', async () => {
    const s = setup({ sheets: ['A', 'B', 'C'] });
    await s.run(async (ctx) => {
      const n = ctx.workbook.worksheets.getCount();
      // office.js's own code for an unread ClientResult.
      expect(() => n.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
      await ctx.sync();
      expect(n.value).toBe(3);
    });
  });

  test('install sets the Office globals and restores them', async () => {
    const s = setup({ excelApi: '1.12' });
    const target: Record<string, unknown> = {};
    const restore = s.install(target);
    const office = target.Office as typeof s.Office;
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.12')).toBe(true);
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
    expect(office.context.requirements.isSetSupported('ExcelApi', 1.7)).toBe(true);
    expect((target.Excel as typeof s.Excel).ConditionalFormatType.custom).toBe('Custom');
    restore();
    expect(target.Excel).toBeUndefined();
    const old = setup({ excelApi: '1.7' });
    expect(old.Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(false);
  });

  test('range navigation: getCell, offsets, resize, bounding rect, intersection, entire row', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      const base = sheet.getRange('B2:D5');
      const parts = [
        base.getCell(1, 2),
        base.getOffsetRange(1, 1),
        base.getResizedRange(-1, 1),
        base.getBoundingRect('F9'),
        base.getIntersectionOrNullObject('C1:C3'),
        base.getEntireRow(),
        base.getEntireColumn(),
        base.getLastRow(),
      ];
      const none = base.getIntersectionOrNullObject('Z20');
      parts.forEach((p) => p.load('address'));
      none.load('address');
      await ctx.sync();
      expect(parts.map((p) => p.address)).toEqual([
        'Sheet1!D3',
        'Sheet1!C3:E6',
        'Sheet1!B2:E4',
        'Sheet1!B2:F9',
        'Sheet1!C2:C3',
        'Sheet1!2:5',
        'Sheet1!B:D',
        'Sheet1!B5:D5',
      ]);
      expect(none.isNullObject).toBe(true);
    });
  });

  test('used range follows content; an empty sheet gives a null object', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      const empty = sheet.getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect(empty.isNullObject).toBe(true);
      sheet.getRange('C3').values = [[1]];
      sheet.getRange('E7').values = [['x']];
      const used = sheet.getUsedRange(true);
      used.load('address');
      await ctx.sync();
      expect(used.address).toBe('Sheet1!C3:E7');
    });
  });
});
