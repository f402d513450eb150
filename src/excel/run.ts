/**
 * `Excel.run` for every batch of the add-in. While the user is typing in a cell Excel refuses a batch with
 * `InvalidOperationInCellEditMode`, and the live check fires 150 ms after an edit, often while the next value is
 * being typed; `delayForCellEdit` makes Excel hold the batch until the user leaves the cell instead
 * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member).
 * Hosts without it (before ExcelApi 1.11) ignore the option: office.js sends it only where `DelayForCellEdit` is
 * supported.
 */
export function runExcel<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, batch);
}
