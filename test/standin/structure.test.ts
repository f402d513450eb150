import { setup } from './helpers';

describe('inserting and deleting rows and columns', () => {
  function table() {
    const s = setup();
    s.app.paste(
      'Sheet1',
      'D5',
      Array.from({ length: 16 }, (_, i) => [String(i + 1)]),
    );
    s.app.typeCell('Sheet1', 'D21', '=SUM(D5:D20)');
    return s;
  }

  test('a row inserted inside a summed range widens the SUM, as in Excel', () => {
    const s = table();
    s.app.insertRows('Sheet1', 10, 1);
    expect(s.app.cell('Sheet1', 'D22').formula).toBe('=SUM(D5:D21)');
    expect(s.app.cell('Sheet1', 'D10').value).toBe('');
    s.app.typeCell('Sheet1', 'D10', '100');
    expect(s.app.cell('Sheet1', 'D22').value).toBe(136 + 100);
  });

  test('rows inserted above move the range; rows deleted inside shrink it', () => {
    const s = table();
    s.app.insertRows('Sheet1', 2, 3);
    expect(s.app.cell('Sheet1', 'D24').formula).toBe('=SUM(D8:D23)');
    s.app.deleteRows('Sheet1', 10, 2);
    expect(s.app.cell('Sheet1', 'D22').formula).toBe('=SUM(D8:D21)');
    expect(s.app.cell('Sheet1', 'D22').value).toBe(136 - 3 - 4);
  });

  test('deleting every referenced row leaves #REF!', () => {
    const s = setup();
    s.app.typeCell('Sheet1', 'A1', '1');
    s.app.typeCell('Sheet1', 'B5', '=A1*2');
    s.app.deleteRows('Sheet1', 1, 1);
    expect(s.app.cell('Sheet1', 'B4').formula).toBe('=#REF!*2');
    expect(s.app.cell('Sheet1', 'B4').value).toBe('#REF!');
  });

  test('merges, conditional formats, names and formats move with their cells', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('B3:C3').merge();
      sheet.getRange('B4:B6').format.fill.color = '#00FF00';
      const cf = sheet.getRange('B4:B6').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=B4>0';
      cf.custom.format.fill.color = '#FF0000';
      ctx.workbook.names.add('Block', sheet.getRange('B4:B6'));
    });
    s.app.insertRows('Sheet1', 5, 2);
    expect(s.app.cell('Sheet1', 'B3').mergedArea).toBe('B3:C3');
    expect(s.app.conditionalFormats('Sheet1')[0]).toEqual(
      expect.objectContaining({ ranges: ['B4:B8'], formula: '=B4>0' }),
    );
    expect(s.app.names()).toEqual([expect.objectContaining({ name: 'Block', formula: '=Sheet1!$B$4:$B$8' })]);
    // New rows take the format of the row above.
    expect(s.app.cell('Sheet1', 'B5').fill).toBe('#00FF00');
    expect(s.app.cell('Sheet1', 'B8').fill).toBe('#00FF00');
    s.app.insertColumns('Sheet1', 'A', 1);
    expect(s.app.cell('Sheet1', 'C3').mergedArea).toBe('C3:D3');
    expect(s.app.names()[0].formula).toBe('=Sheet1!$C$4:$C$8');
  });

  test('the API inserts and deletes whole rows through Range.insert/delete and reports it', async () => {
    const s = table();
    await s.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('12:13').insert('Down');
      await ctx.sync();
      sheet.getRange('B2').getEntireRow().delete('Up');
      await ctx.sync();
      const partial = sheet.getRange('B2:C3');
      partial.insert('Down');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect(s.app.cell('Sheet1', 'D22').formula).toBe('=SUM(D4:D21)');
  });

  test('fill down copies the first row and shifts relative references', () => {
    const s = setup();
    s.app.paste('Sheet1', 'A1', [['1'], ['2'], ['3']]);
    s.app.typeCell('Sheet1', 'B1', '=A1*10+$A$1');
    s.app.fillDown('Sheet1', 'B1:B3');
    expect(s.app.values('Sheet1', 'B1:B3')).toEqual([[11], [21], [31]]);
    expect(s.app.cell('Sheet1', 'B3').formula).toBe('=A3*10+$A$1');
  });

  test('moving a block carries its contents, and references to it follow', () => {
    const s = setup();
    s.app.paste('Sheet1', 'A1', [['1', '2']]);
    s.app.typeCell('Sheet1', 'D1', '=SUM(A1:B1)');
    s.app.moveRange('Sheet1', 'A1:B1', 'A10');
    expect(s.app.values('Sheet1', 'A10:B10')).toEqual([[1, 2]]);
    expect(s.app.cell('Sheet1', 'A1').value).toBe('');
    expect(s.app.cell('Sheet1', 'D1').formula).toBe('=SUM(A10:B10)');
    expect(s.app.cell('Sheet1', 'D1').value).toBe(3);
  });
});
