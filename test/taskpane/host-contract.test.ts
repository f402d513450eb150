/** The pane's model-backed fake host keeps the contract the real Excel host keeps (see host-contract.ts). */
import { createModelHost } from './fake-host';
import { hostContract } from './host-contract';

hostContract('the pane’s fake host', async () => {
  const host = createModelHost();
  return {
    host,
    settle: async () => undefined,
    userTypes: async (id, value) => host.userTypes(id, value),
    userSelects: async (sheet, address) => host.userSelects(sheet, address),
    userTypesText: async (sheet, address, text) => host.userTypesText(sheet, address, text),
    userActivates: async (sheet) => host.userActivates(sheet),
    textAt: (sheet, address) => host.textAt(sheet, address),
    sheets: () => host.sheets(),
    dispose: async () => undefined,
  };
});
