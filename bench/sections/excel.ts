/**
 * The Excel adapter against the stand-in, through Microsoft's office.js client: round trips (`ProcessQuery`
 * requests office.js sends for the add-in's `context.sync` calls) per operation, and the time of a full
 * check through the adapter (read + model + paint diff). Sync counts are what matters in real Excel, where each
 * round trip costs tens of milliseconds or more (Excel on the web); the stand-in's time is only the adapter's and
 * the model's own work.
 */
import { a1, parseA1 } from '../../src/model/a1';
import { getFormat } from '../../src/model/formats';
import { tableName } from '../../src/model/layout';
import type { CellId } from '../../src/model/types';
import { createExcelHost } from '../../src/excel/host';
import { createStandIn, officeJsBuild, type StandIn } from '../../standin';
import { medianMs } from '../stats';

const format = getFormat('2021');

function addressOf(standIn: StandIn, id: CellId): string {
  const c = format.cellById.get(id)!;
  const n = standIn.app.names().find((x) => x.name === tableName(c.table) && x.scope === null)!;
  const origin = parseA1(n.formula.replace(/^=/, ''));
  return a1(origin.row + c.row, origin.col + c.col);
}

export async function run(log: (line: string) => void): Promise<Record<string, number | string>> {
  const standIn = createStandIn();
  const restore = standIn.install();
  const { app } = standIn;
  try {
    const host = createExcelHost({ debounceMs: 0 });

    app.select('Sheet1', 'B2');
    app.resetSyncCount();
    const atSelection = await host.generate({ format: '2021', year: 2025, org: '某县统计局', target: 'selection' });
    const generateAtSelection = app.syncCount;
    app.resetSyncCount();
    const out = await host.generate({ format: '2021', year: 2025, org: '某县统计局', target: 'newSheet' });
    const generateNewSheet = app.syncCount;
    if (!out.ok || !atSelection.ok) throw new Error('generation failed');
    const sheet = out.sheet;
    const at = (id: CellId) => addressOf(standIn, id);

    const results: unknown[] = [];
    await host.startLive((c) => results.push(c));
    const settle = async () => {
      await app.settle();
      await host.whenIdle();
    };

    app.resetSyncCount();
    app.typeCell(sheet, at('T3.NEW.NP'), 5);
    await settle();
    const editChange = app.syncCount;
    const editChangeRequests = app.requestCount;

    app.resetSyncCount();
    app.typeCell(sheet, at('T4.REVIEW.UPHELD'), 1);
    await settle();
    const editNoChange = app.syncCount;

    app.resetSyncCount();
    app.paste(sheet, at('T3.R1.BIZ'), [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    await settle();
    const paste = app.syncCount;
    await host.stopLive();

    const checkMedianMs = await medianMs(() => host.checkNow(), 30, 5);

    log(`office.js client: ${officeJsBuild()}`);
    log(`generate: ${generateNewSheet} syncs on a new sheet, ${generateAtSelection} at the selection`);
    log(`single-cell edit: ${editChange} syncs when findings change, ${editNoChange} when they do not`);
    log(`  (${editChangeRequests} requests in all when findings change: office.js's end-of-run cleanup included)`);
    log(`pasted 3×3 block: ${paste} syncs`);
    log(`full check through the adapter (stand-in): median ${checkMedianMs.toFixed(2)} ms`);
    return {
      'excel.client': officeJsBuild(),
      'requests.editChange': editChangeRequests,
      'syncs.generate': Math.max(generateNewSheet, generateAtSelection),
      'syncs.editNoChange': editNoChange,
      'syncs.editChange': editChange,
      'syncs.paste': paste,
      'adapter.checkMedianMs': Math.round(checkMedianMs * 100) / 100,
    };
  } finally {
    restore();
  }
}
