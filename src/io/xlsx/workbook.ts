/** The worksheets of an .xlsx in workbook order: relationships resolved, shared strings read, each sheet parsed. */
import { TABLE_NAME_PREFIX } from '../../model/layout';
import { inBothLanguages } from '../../model/messages';
import { hasConsolidatedMark } from './consolidated';
import { OoxmlError, type XSheet } from './ooxml';
import { hasBom, parseSheet } from './sheet-bytes';
import { attr, decode, sharedStrings } from './xml-strings';
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

interface Relationship {
  id?: string;
  target: string;
  type: string;
}

/**
 * The relationships of a `.rels` part, in one pass: each `<Relationship` is read up to its `>` and the search goes on
 * from there (a part of thousands of `<Relationship` without `>` is not scanned to its end from each of them).
 */
function relationships(xml: string | undefined): Relationship[] {
  const out: Relationship[] = [];
  if (!xml) return out;
  const open = '<Relationship';
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at)) {
    const gt = xml.indexOf('>', at);
    if (gt < 0) break;
    const attrs = xml.slice(at + open.length, gt);
    const target = attr(attrs, 'Target');
    // `<Relationships` (the part's root) is no relationship.
    if (/^[\s/]/.test(attrs) && target) out.push({ id: attr(attrs, 'Id'), target, type: attr(attrs, 'Type') ?? '' });
    at = gt;
  }
  return out;
}

/** The first relationship whose type ends with `/name` (`…/officeDocument`). */
function ofType(rels: Relationship[], name: string): Relationship | undefined {
  return rels.find((r) => r.type.endsWith(`/${name}`));
}

/**
 * The sheets that workbook-level names of the add-in (`DisclosureTables_T2` …) point into. A sheet-level name
 * (`localSheetId`) is left out: Excel gives a copied sheet such names, and the copy is not the add-in's set. One
 * pass: each name's tag and text are read where they stand, and the search goes on after them.
 */
function namedSheets(wbXml: string): Set<string> {
  const out = new Set<string>();
  const needle = `name="${TABLE_NAME_PREFIX}`;
  for (let at = wbXml.indexOf(needle); at >= 0; at = wbXml.indexOf(needle, at)) {
    const before = wbXml.slice(Math.max(0, at - 64), at);
    const open = before.lastIndexOf('<');
    const gt = wbXml.indexOf('>', at);
    if (gt < 0) break;
    const end = wbXml.indexOf('<', gt);
    if (end < 0) break;
    const tag = before.slice(open) + wbXml.slice(at, gt);
    if (open >= 0 && /^<(?:\w+:)?definedName\s/.test(tag) && !/\slocalSheetId=/.test(tag)) {
      const ref = decode(wbXml.slice(gt + 1, end))
        .trim()
        .replace(/^=/, '');
      const bang = ref.lastIndexOf('!');
      if (bang > 0)
        out.add(
          ref
            .slice(0, bang)
            .replace(/^'(.*)'$/, '$1')
            .replace(/''/g, "'"),
        );
    }
    at = end;
  }
  return out;
}

/** An .xlsx as the reader needs it: the worksheets, and whether `sum` wrote it (a consolidated report). */
interface Workbook {
  sheets: XSheet[];
  consolidated: boolean;
}

/** The worksheets of an .xlsx in workbook order (chart sheets and macro sheets are skipped). */
export function readWorkbook(bytes: Uint8Array, inflateRaw?: InflateRaw): XSheet[] {
  return readWorkbookWithMarks(bytes, inflateRaw).sheets;
}

/** `readWorkbook`, with what the workbook says about itself (written by `sum`). */
export function readWorkbookWithMarks(bytes: Uint8Array, inflateRaw?: InflateRaw): Workbook {
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
  const rootRels = relationships(text('_rels/.rels'));
  const wbPath = resolveTarget('', ofType(rootRels, 'officeDocument')?.target ?? 'xl/workbook.xml');
  const wbXml = text(wbPath);
  if (!wbXml) throw new OoxmlError(...inBothLanguages('read.xlsx.noWorkbook'));
  // `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`
  const slash = wbPath.lastIndexOf('/');
  const relsPath =
    slash === wbPath.length - 1 ? wbPath : `${wbPath.slice(0, slash + 1)}_rels/${wbPath.slice(slash + 1)}.rels`;
  const wbRels = relationships(text(relsPath));
  const rels = new Map<string, string>();
  for (const r of wbRels) if (r.id && r.type.endsWith('/worksheet')) rels.set(r.id, resolveTarget(wbPath, r.target));
  const stringsRel = ofType(wbRels, 'sharedStrings') ?? wbRels.find((r) => r.target.includes('sharedStrings'));
  const strings = sharedStrings(text(stringsRel ? resolveTarget(wbPath, stringsRel.target) : 'xl/sharedStrings.xml'));
  const named = namedSheets(wbXml);
  const corePath = resolveTarget('', ofType(rootRels, 'core-properties')?.target ?? 'docProps/core.xml');
  const sheets: XSheet[] = [];
  const sheetRe = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
  for (let m = sheetRe.exec(wbXml); m; m = sheetRe.exec(wbXml)) {
    const name = attr(m[1], 'name') ?? `Sheet${sheets.length + 1}`;
    const rid = /\br:id="([^"]+)"|\b\w+:id="([^"]+)"/.exec(m[1]);
    const target = rid ? rels.get(rid[1] ?? rid[2]) : undefined;
    const xml = target ? part(target) : undefined;
    // An empty part (or one holding only a byte-order mark) has no sheet, as its empty text had none.
    if (!xml || xml.length <= (hasBom(xml) ? 3 : 0)) continue;
    const sheet = parseSheet(name, xml, strings);
    const state = attr(m[1], 'state');
    if (state === 'hidden' || state === 'veryHidden') sheet.hidden = true;
    if (named.has(name)) sheet.named = true;
    sheets.push(sheet);
  }
  return { sheets, consolidated: hasConsolidatedMark(text(corePath)) };
}
