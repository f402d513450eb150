/**
 * Hands the user a new workbook (the blank template) in the way the running Office can. Desktop and Mac task panes
 * ignore an `<a download>` link, so there:
 *   - ExcelApi 1.8 has `Excel.createWorkbook(base64)`, which opens the file as a new workbook in Excel
 *     (https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1));
 *   - otherwise OpenBrowserWindowApi 1.1 opens a page of the add-in's own web server in the user's browser, which
 *     makes and downloads the file there (Microsoft's advice for downloads the webview refuses: "Browsers and webview
 *     controls used by Office Add-ins", https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
 * Office on the web runs in a browser, which honours the link; so does any page outside Office.
 */

/** How the workbook reached the user: opened in Excel, a download page in the browser, or left to the pane's link. */
export type WorkbookDelivery = 'newWorkbook' | 'browser' | 'download';

/** Base64 of the bytes, in slices small enough for `String.fromCharCode`'s argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Opens `bytes` as a new workbook, or `downloadPage` (an absolute URL on the add-in's server) in the browser; returns
 * 'download' where the pane's own link works (Office on the web, no Office) or where neither way exists.
 */
export async function openWorkbook(bytes: Uint8Array, downloadPage: string): Promise<WorkbookDelivery> {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return 'download';
  if (Office.context.platform === Office.PlatformType.OfficeOnline) return 'download';
  const req = Office.context.requirements;
  if (req.isSetSupported('ExcelApi', '1.8')) {
    await Excel.createWorkbook(toBase64(bytes));
    return 'newWorkbook';
  }
  if (req.isSetSupported('OpenBrowserWindowApi', '1.1')) {
    Office.context.ui.openBrowserWindow(downloadPage);
    return 'browser';
  }
  return 'download';
}
