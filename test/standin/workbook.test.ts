import { rejection, setup } from './helpers';

describe('sheets, names, settings, merges, formats', () => {
  test('worksheets: add, rename, position, active sheet, duplicate names refused', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const added = ctx.workbook.worksheets.add('表三');
      added.position = 0;
      added.activate();
      added.load('name,position,id');
      const active = ctx.workbook.worksheets.getActiveWorksheet();
      active.load('name');
      await ctx.sync();
      expect([added.name, added.position, active.name]).toEqual(['表三', 0, '表三']);
      ctx.workbook.worksheets.add('表三');
      expect((await rejection(ctx.sync())).code).toBe('ItemAlreadyExists');
      added.name = 'Renamed';
      await ctx.sync();
    });
    expect(s.app.sheets()).toEqual(['Renamed', 'Sheet1']);
    expect(s.app.activeSheet()).toBe('Renamed');
  });

  test('names: add, find, resolve to a range, null object for a missing one', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      ctx.workbook.names.add('DisclosureTables_T3', sheet.getRange('B5:J30'), 'table 三');
      const missing = ctx.workbook.names.getItemOrNullObject('Nope');
      const found = ctx.workbook.names.getItem('disclosuretables_t3');
      found.load('name,formula,type,comment');
      const r = found.getRange();
      r.load('address');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect([found.name, found.formula, found.type, found.comment]).toEqual([
        'DisclosureTables_T3',
        '=Sheet1!$B$5:$J$30',
        'Range',
        'table 三',
      ]);
      expect(r.address).toBe('Sheet1!B5:J30');
      ctx.workbook.names.add('DisclosureTables_T3', sheet.getRange('A1'));
      expect((await rejection(ctx.sync())).code).toBe('ItemAlreadyExists');
    });
  });

  test('settings keep JSON values across contexts', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      ctx.workbook.settings.add('disclosure-tables', { format: '2021', tables: ['T2', 'T3'] });
    });
    const value = await s.run(async (ctx) => {
      const it = ctx.workbook.settings.getItemOrNullObject('disclosure-tables');
      const none = ctx.workbook.settings.getItemOrNullObject('other');
      it.load('value');
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      return it.value;
    });
    expect(value).toEqual({ format: '2021', tables: ['T2', 'T3'] });
    expect(s.app.settings()).toEqual({ 'disclosure-tables': value });
  });

  test('merged cells keep the top-left value; hidden cells take no writes', async () => {
    // getMergedAreasOrNullObject is ExcelApi 1.13: an older host has no such member.
    const s = setup({ excelApi: '1.13' });
    s.app.paste('Sheet1', 'A1', [['top', 'gone']]);
    await s.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:C1').merge();
      sheet.getRange('A1:C1').values = [['x', 'y', 'z']];
      const r = sheet.getRange('A1:C1');
      r.load('values');
      const merged = sheet.getRange('A1:D4').getMergedAreasOrNullObject();
      merged.load('address');
      await ctx.sync();
      expect(r.values).toEqual([['x', '', '']]);
      expect(merged.address).toBe('Sheet1!A1:C1');
    });
    expect(s.app.cell('Sheet1', 'B1').mergedArea).toBe('A1:C1');
    s.app.typeCell('Sheet1', 'C1', 'typed');
    expect(s.app.cell('Sheet1', 'A1').value).toBe('typed');
  });

  test('formats: font, alignment, wrap, widths, borders read back; mixed ranges read null', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2:C3');
      r.format.font.name = '宋体';
      r.format.font.size = 10;
      r.format.font.bold = true;
      r.format.horizontalAlignment = 'Center';
      r.format.wrapText = true;
      r.format.columnWidth = 90;
      for (const side of [
        'EdgeTop',
        'EdgeBottom',
        'EdgeLeft',
        'EdgeRight',
        'InsideHorizontal',
        'InsideVertical',
      ] as const) {
        r.format.borders.getItem(side).style = 'Continuous';
      }
      r.getCell(0, 0).format.fill.color = '#ABCDEF';
      const top = r.format.borders.getItem('EdgeTop');
      top.load('style');
      r.load('format/font/name,format/columnWidth,format/fill/color');
      await ctx.sync();
      expect([r.format.font.name, r.format.columnWidth, r.format.fill.color, top.style]).toEqual([
        '宋体',
        90,
        null,
        'Continuous',
      ]);
    });
    const c = s.app.cell('Sheet1', 'C3');
    expect(c).toMatchObject({
      font: { name: '宋体', size: 10, bold: true },
      horizontalAlignment: 'Center',
      wrapText: true,
    });
    expect(c.borders).toEqual({ top: 'Continuous', bottom: 'Continuous', left: 'Continuous', right: 'Continuous' });
    // The neighbour shares the edge.
    expect(s.app.cell('Sheet1', 'C4').borders.top).toBe('Continuous');
    expect(s.app.columnWidth('Sheet1', 'C')).toBe(90);
  });

  test('clear(Formats) keeps values; clear() removes both', async () => {
    const s = setup();
    s.app.typeCell('Sheet1', 'A1', '5');
    s.app.formatCells('Sheet1', 'A1', { fill: '#FF0000' });
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').clear('Formats');
    });
    expect([s.app.cell('Sheet1', 'A1').value, s.app.cell('Sheet1', 'A1').fill]).toEqual([5, null]);
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').clear();
    });
    expect(s.app.cell('Sheet1', 'A1').value).toBe('');
  });

  test('data validation: rule, error alert and the user refused on a Stop rule', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2:B5').dataValidation;
      dv.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
      dv.errorAlert = { message: '请输入非负整数', showAlert: true, style: 'Stop', title: '数值' };
      dv.load('type,valid');
      await ctx.sync();
      expect([dv.type, dv.valid]).toEqual(['WholeNumber', true]);
    });
    expect(() => s.app.typeCell('Sheet1', 'B3', '-1')).toThrow('请输入非负整数');
    s.app.typeCell('Sheet1', 'B3', '4');
    expect(s.app.cell('Sheet1', 'B3').value).toBe(4);
  });

  test('selection: getSelectedRange follows app.select and range.select', async () => {
    const s = setup();
    s.app.select('Sheet1', 'C4:D5');
    await s.run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange();
      r.load('address');
      await ctx.sync();
      expect(r.address).toBe('Sheet1!C4:D5');
      ctx.workbook.worksheets.getItem('Sheet1').getRange('F6').select();
    });
    expect(s.app.selection()).toBe('Sheet1!F6');
  });

  test('onRender is told after every change, by the user or the API', async () => {
    const s = setup();
    let renders = 0;
    const off = s.app.onRender(() => renders++);
    s.app.typeCell('Sheet1', 'A1', '1');
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [[2]];
    });
    expect(renders).toBe(2);
    off();
    s.app.typeCell('Sheet1', 'A3', '3');
    expect(renders).toBe(2);
    expect(s.app.view('Sheet1', 5, 3).cells[1][0].value).toBe(2);
  });
});
