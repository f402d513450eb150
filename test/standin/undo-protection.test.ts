import { UserActionRefused } from '../../standin';
import { rejection, setup } from './helpers';

describe('undo', () => {
  test('undo reverts user actions one at a time and fires onChanged', async () => {
    const s = setup();
    const seen: string[] = [];
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async (a) => void seen.push(a.address));
    });
    s.app.typeCell('Sheet1', 'A1', '1');
    s.app.paste('Sheet1', 'B1', [['2', '3']]);
    await s.app.settle();
    seen.length = 0;
    expect(s.app.undo()).toBe(true);
    expect(s.app.values('Sheet1', 'A1:C1')).toEqual([[1, '', '']]);
    await s.app.settle();
    expect(seen).toEqual(['B1:C1']);
    s.app.undo();
    expect(s.app.cell('Sheet1', 'A1').value).toBe('');
    expect(s.app.undo()).toBe(false);
  });

  test('one sync batch of API writes is one undo step', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').values = [[1]];
      sheet.getRange('A2').values = [[2]];
      sheet.getRange('A1:A2').format.fill.color = '#FF0000';
      await ctx.sync();
      sheet.getRange('A3').values = [[3]];
    });
    expect(s.app.undoDepth).toBe(2);
    s.app.undo();
    expect(s.app.values('Sheet1', 'A1:A3')).toEqual([[1], [2], ['']]);
    s.app.undo();
    expect(s.app.values('Sheet1', 'A1:A3')).toEqual([[''], [''], ['']]);
    expect(s.app.cell('Sheet1', 'A1').fill).toBeNull();
  });

  test('on a host without API undo, a request that writes clears the user’s undo stack; reads leave it', async () => {
    const s = setup({ apiUndo: false });
    s.app.typeCell('Sheet1', 'A1', '1');
    s.app.typeCell('Sheet1', 'A2', '2');
    await s.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A2');
      r.load('values');
      await ctx.sync();
    });
    expect(s.app.undoDepth).toBe(2);
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('B1').format.fill.color = '#FF0000';
    });
    expect(s.app.undoDepth).toBe(0);
    expect(s.app.undo()).toBe(false);
    expect(s.app.values('Sheet1', 'A1:A2')).toEqual([[1], [2]]);
    // The user's own later actions are undoable again.
    s.app.typeCell('Sheet1', 'A3', '3');
    expect(s.app.undo()).toBe(true);
    expect(s.app.values('Sheet1', 'A3')).toEqual([['']]);
  });

  test('undo of a row insert restores formulas and the sheet', () => {
    const s = setup();
    s.app.paste('Sheet1', 'A1', [['1'], ['2']]);
    s.app.typeCell('Sheet1', 'A3', '=SUM(A1:A2)');
    s.app.insertRows('Sheet1', 2);
    expect(s.app.cell('Sheet1', 'A4').formula).toBe('=SUM(A1:A3)');
    s.app.undo();
    expect(s.app.cell('Sheet1', 'A3').formula).toBe('=SUM(A1:A2)');
    expect(s.app.cell('Sheet1', 'A3').value).toBe(3);
  });
});

describe('protection', () => {
  async function protectedSheet(options: Excel.WorksheetProtectionOptions = {}) {
    const s = setup();
    await s.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('B2:C3').format.protection.locked = false;
      sheet.protection.protect(options);
    });
    return s;
  }

  test('the API cannot write to a locked cell of a protected sheet; unlocked cells accept', async () => {
    const s = await protectedSheet();
    await s.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('B2').values = [[1]];
      await ctx.sync();
      sheet.getRange('A1:B2').values = [
        [1, 2],
        [3, 4],
      ];
      const e = await rejection(ctx.sync());
      expect(e.code).toBe('AccessDenied');
      expect(e.message).toMatch(/protected sheet/);
      sheet.protection.load('protected');
      await ctx.sync();
      expect(sheet.protection.protected).toBe(true);
    });
    expect(s.app.values('Sheet1', 'A1:B2')).toEqual([
      ['', ''],
      ['', 1],
    ]);
  });

  test('the user is refused too; formatting needs allowFormatCells', async () => {
    const s = await protectedSheet({ allowFormatCells: true });
    expect(() => s.app.typeCell('Sheet1', 'A1', '1')).toThrow(UserActionRefused);
    s.app.typeCell('Sheet1', 'C3', '7');
    expect(s.app.cell('Sheet1', 'C3').value).toBe(7);
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill.color = '#FFFF00';
    });
    expect(s.app.cell('Sheet1', 'A1').fill).toBe('#FFFF00');
    const strict = await protectedSheet();
    const e = await rejection(
      strict.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('B2').format.fill.color = '#FFFF00';
      }),
    );
    expect(e.code).toBe('AccessDenied');
    expect(() => strict.app.insertRows('Sheet1', 2)).toThrow(UserActionRefused);
  });

  test('changing protection clears the undo history, as in Excel', async () => {
    const s = setup();
    s.app.typeCell('Sheet1', 'A1', '1');
    s.app.protectSheet('Sheet1');
    expect(s.app.undoDepth).toBe(0);
    s.app.unprotectSheet('Sheet1');
    s.app.protectSheet('Sheet1', {}, 'pw');
    expect(() => s.app.unprotectSheet('Sheet1', 'wrong')).toThrow(/password/);
    s.app.unprotectSheet('Sheet1', 'pw');
    expect(s.app.protection('Sheet1').protected).toBe(false);
  });
});
