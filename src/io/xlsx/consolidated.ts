/**
 * How a workbook written by `sum` is known again: its document keywords (Excel's File › Info › Tags, kept when the
 * workbook is edited and saved in Excel, WPS or LibreOffice) hold this mark. A folder of reports that also holds an
 * earlier total would otherwise add that total as one more report.
 */
export const CONSOLIDATED_MARK = 'disclosure-tables:consolidated';

/**
 * Whether the core properties part (`docProps/core.xml`) carries the mark among its keywords. One pass over the
 * part: each `keywords>` is read up to the next `<`, and the search goes on from there.
 */
export function hasConsolidatedMark(coreXml: string | undefined): boolean {
  if (!coreXml || !coreXml.includes(CONSOLIDATED_MARK)) return false;
  const tag = 'keywords>';
  for (let at = coreXml.indexOf(tag); at >= 0; at = coreXml.indexOf(tag, at)) {
    const end = coreXml.indexOf('<', at);
    const words = coreXml.slice(at + tag.length, end < 0 ? undefined : end).split(/[\s;,，；]+/);
    if (words.includes(CONSOLIDATED_MARK)) return true;
    if (end < 0) break;
    at = end;
  }
  return false;
}
