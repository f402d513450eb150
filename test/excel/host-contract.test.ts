/** The real Excel host, on the stand-in, keeps the contract the pane's fake host keeps (see host-contract.ts). */
import { createExcelHost } from '../../src/excel/host';
import { hostContract } from '../taskpane/host-contract';
import { installStandIn } from './harness';

hostContract('the Excel host on the stand-in', async () => {
  const bench = installStandIn();
  const host = createExcelHost({ debounceMs: 0 });
  const settle = async () => {
    await bench.standIn.app.settle();
    await host.whenIdle();
  };
  return {
    host,
    settle,
    async userTypes(id, value) {
      const c = await host.checkNow();
      bench.standIn.app.typeCell(c.sheet!, c.cellAddress[id], value);
      await settle();
    },
    async userSelects(sheet, address) {
      bench.standIn.app.select(sheet, address);
    },
    async userActivates(sheet) {
      bench.standIn.app.activateSheet(sheet);
      await settle();
    },
    async userTypesText(sheet, address, text) {
      bench.standIn.app.typeCell(sheet, address, text);
      await settle();
    },
    textAt: (sheet, address) => String(bench.standIn.app.cell(sheet, address).value),
    sheets: () => bench.standIn.app.sheets(),
    async dispose() {
      await host.stopLive();
      expect(bench.standIn.app.handlerErrors).toEqual([]);
      bench.restore();
    },
  };
});
