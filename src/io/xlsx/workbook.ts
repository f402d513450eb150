/** The worksheets of an .xlsx in workbook order: relationships resolved, shared strings read, each sheet parsed. */
import { OoxmlError, type XSheet } from './ooxml';
import { hasBom, parseSheet } from './sheet-bytes';
import { attr, sharedStrings } from './xml-strings';
import { unzipEntries, type InflateRaw } from './zip';

const decoder = new TextDecoder();

const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/** Resolves a relationship target against the folder of the part that refers to it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  // The usual `worksheets/sheet1.xml`: no `.` or `..` segment to walk.
  if (!DOT_SEGMENT.test(target)) return base.slice(0, base.lastIndexOf('/') + 1) + target;
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** `/\.(xml|rels)$/i`, without an expression. */
function xmlPart(name: string): boolean {
  const end = name.slice(-5).toLowerCase();
  return end.endsWith('.xml') || end === '.rels';
}

/** The worksheets of an .xlsx in workbook order (chart sheets and macro sheets are skipped). */
export function readWorkbook(bytes: Uint8Array, inflateRaw?: InflateRaw): XSheet[] {
  let files: ReturnType<typeof unzipEntries>;
  try {
    files = unzipEntries(bytes, xmlPart, inflateRaw);
  } catch (e) {
    throw OoxmlError.of(e);
  }
  const part = (name: string) => {
    try {
      return files.get(name);
    } catch (e) {
      throw OoxmlError.of(e);
    }
  };
  const text = (name: string) => {
    const b = part(name);
    return b ? decoder.decode(b) : undefined;
  };
  const rootRels = text('_rels/.rels') ?? '';
  const wbTarget =
    /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*Target="([^"]+)"/.exec(rootRels)?.[1] ??
    /<Relationship\b[^>]*Target="([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rootRels)?.[1] ??
    'xl/workbook.xml';
  const wbPath = resolveTarget('', wbTarget);
  const wbXml = text(wbPath);
  if (!wbXml) throw new OoxmlError('没有工作簿部件，不是 .xlsx', 'no workbook part: not an .xlsx');
  // `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`
  const slash = wbPath.lastIndexOf('/');
  const relsPath =
    slash === wbPath.length - 1 ? wbPath : `${wbPath.slice(0, slash + 1)}_rels/${wbPath.slice(slash + 1)}.rels`;
  const rels = new Map<string, string>();
  const relRe = /<Relationship\b([^>]*)\/?>/g;
  const relsXml = text(relsPath) ?? '';
  for (let m = relRe.exec(relsXml); m; m = relRe.exec(relsXml)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    const type = attr(m[1], 'Type') ?? '';
    if (id && target && /\/worksheet$/.test(type)) rels.set(id, resolveTarget(wbPath, target));
  }
  const stringsPath = /<Relationship\b[^>]*sharedStrings[^>]*>/.exec(relsXml)
    ? resolveTarget(wbPath, attr(/<Relationship\b([^>]*sharedStrings[^>]*)>/.exec(relsXml)![1], 'Target') ?? '')
    : 'xl/sharedStrings.xml';
  const strings = sharedStrings(text(stringsPath));
  const sheets: XSheet[] = [];
  const sheetRe = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
  for (let m = sheetRe.exec(wbXml); m; m = sheetRe.exec(wbXml)) {
    const name = attr(m[1], 'name') ?? `Sheet${sheets.length + 1}`;
    const rid = /\br:id="([^"]+)"|\b\w+:id="([^"]+)"/.exec(m[1]);
    const target = rid ? rels.get(rid[1] ?? rid[2]) : undefined;
    const xml = target ? part(target) : undefined;
    // An empty part (or one holding only a byte-order mark) has no sheet, as its empty text had none.
    if (xml && xml.length > (hasBom(xml) ? 3 : 0)) sheets.push(parseSheet(name, xml, strings));
  }
  return sheets;
}
