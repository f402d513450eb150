import type { StandIn } from '../../standin';
import { setup } from './helpers';

type Args = Excel.WorksheetChangedEventArgs;

async function listen(s: StandIn & { run: ReturnType<typeof setup>['run'] }, sheet = 'Sheet1') {
  const seen: Args[] = [];
  const result = await s.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).onChanged.add(async (a) => {
      seen.push(a);
    });
    await ctx.sync();
    return r;
  });
  return { seen, result };
}

describe('events', () => {
  test('a single-cell edit by the user carries details; handlers run after the action returns', async () => {
    const s = setup();
    const { seen } = await listen(s);
    s.app.typeCell('Sheet1', 'B2', '5');
    expect(seen).toHaveLength(0);
    await s.app.settle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      address: 'B2',
      changeType: 'RangeEdited',
      source: 'Local',
      details: { valueBefore: '', valueAfter: 5, valueTypeBefore: 'Empty', valueTypeAfter: 'Double' },
    });
    expect(seen[0].triggerSource).toBeUndefined();
  });

  test('a pasted block gives its address and no details', async () => {
    const s = setup();
    const { seen } = await listen(s);
    s.app.paste('Sheet1', 'C3', [
      ['1', '2'],
      ['3', '4'],
    ]);
    await s.app.settle();
    expect(seen.map((a) => [a.address, a.changeType, a.details])).toEqual([['C3:D4', 'RangeEdited', undefined]]);
  });

  test('API writes fire too; from ExcelApi 1.14 they say ThisLocalAddin', async () => {
    const s = setup({ excelApi: '1.14' });
    const { seen } = await listen(s);
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A2').format.fill.color = '#FF0000';
    });
    s.app.typeCell('Sheet1', 'A3', '2');
    await s.app.settle();
    // Formatting does not fire onChanged.
    expect(seen.map((a) => [a.address, a.triggerSource])).toEqual([
      ['A1', 'ThisLocalAddin'],
      ['A3', 'Unknown'],
    ]);
  });

  test('row edits report their change type; getRange(ctx) gives the changed range', async () => {
    const s = setup();
    const { seen } = await listen(s);
    s.app.insertRows('Sheet1', 4, 2);
    s.app.deleteColumns('Sheet1', 'B');
    await s.app.settle();
    expect(seen.map((a) => [a.changeType, a.address])).toEqual([
      ['RowInserted', '4:5'],
      ['ColumnDeleted', 'B:B'],
    ]);
    const address = await s.run(async (ctx) => {
      const r = seen[0].getRange(ctx);
      r.load('address');
      await ctx.sync();
      return r.address;
    });
    expect(address).toBe('Sheet1!4:5');
  });

  test('a removed handler is not called; other sheets do not reach a sheet handler', async () => {
    const s = setup({ sheets: ['Sheet1', 'Other'] });
    const { seen, result } = await listen(s);
    s.app.typeCell('Other', 'A1', '1');
    await s.app.settle();
    expect(seen).toHaveLength(0);
    result.remove();
    await result.context.sync();
    s.app.typeCell('Sheet1', 'A1', '1');
    await s.app.settle();
    expect(seen).toHaveLength(0);
  });

  test('worksheets.onChanged hears every sheet; selection events report the new address', async () => {
    const s = setup({ sheets: ['A', 'B'] });
    const changed: string[] = [];
    const selected: string[] = [];
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (a) => void changed.push(`${a.worksheetId}:${a.address}`));
      ctx.workbook.worksheets.getItem('B').onSelectionChanged.add(async (a) => void selected.push(a.address));
    });
    const ids = await s.run(async (ctx) => {
      const items = ctx.workbook.worksheets.load('items/id');
      await ctx.sync();
      return items.items.map((w) => w.id);
    });
    s.app.typeCell('A', 'A1', '1');
    s.app.typeCell('B', 'B2', '2');
    s.app.select('B', 'C3:D4');
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('B').getRange('E5').select();
    });
    await s.app.settle();
    expect(changed).toEqual([`${ids[0]}:A1`, `${ids[1]}:B2`]);
    expect(selected).toEqual(['C3:D4', 'E5']);
  });

  test('errors thrown by a handler are kept for the test, not thrown at the user', async () => {
    const s = setup();
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async () => {
        throw new Error('boom');
      });
    });
    s.app.typeCell('Sheet1', 'A1', '1');
    await s.app.settle();
    expect(s.app.handlerErrors).toEqual([expect.objectContaining({ message: 'boom' })]);
  });

  test('onActivated (event type 11): a tab clicked, a selection on another sheet, the API and a deleted active sheet', async () => {
    const s = setup({ sheets: ['Sheet1', 'Sheet2', 'Sheet3'] });
    const seen: Excel.WorksheetActivatedEventArgs[] = [];
    const ids = await s.run(async (ctx) => {
      ctx.workbook.worksheets.onActivated.add(async (a) => {
        seen.push(a);
      });
      ctx.workbook.worksheets.load('items/id');
      await ctx.sync();
      return ctx.workbook.worksheets.items.map((w) => w.id);
    });
    expect(ids).toHaveLength(3);
    s.app.activateSheet('Sheet2');
    s.app.activateSheet('Sheet2');
    s.app.select('Sheet3', 'B2');
    s.app.select('Sheet3', 'C4');
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').activate();
      await ctx.sync();
    });
    s.app.deleteSheet('Sheet1');
    await s.app.settle();
    // Once per change of the active sheet, in the shape office.js gives handlers.
    expect(seen.map((a) => [a.type, a.worksheetId])).toEqual([
      ['WorksheetActivated', ids[1]],
      ['WorksheetActivated', ids[2]],
      ['WorksheetActivated', ids[0]],
      ['WorksheetActivated', ids[1]],
    ]);
  });
});
