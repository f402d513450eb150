/**
 * Hostile and odd inputs, built in the test (nothing large is committed): small workbooks that used to hang or
 * crash the reader, documents that inflate to hundreds of megabytes, JSON with tens of thousands of reports, texts
 * that forge terminal output. Each builder returns bytes; the tests write them to a temporary folder.
 */
import { deflateRawSync } from 'zlib';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { writeTemplate } from '../../src/io/xlsx/template';
import { getFormat } from '../../src/model/formats';
import type { CellId, RawValue } from '../../src/model/types';

export const MB = 1024 * 1024;

const SHEET = 'xl/worksheets/sheet1.xml';

/** A value no other template cell holds: the builders find the data cell by it. */
export const MARK = 987654;

/** The template with `T3.NEW.NP` holding MARK, its parts unzipped. */
export async function templateParts(values: Record<CellId, RawValue> = {}): Promise<Record<string, Uint8Array>> {
  return unzipSync(
    await writeTemplate({ year: 2024, org: '测试局', values: { 'T3.NEW.NP': MARK, ...values } as never }),
  );
}

/** The template with its first sheet's markup changed by `edit`. */
export async function editedTemplate(
  edit: (xml: string) => string,
  values?: Record<CellId, RawValue>,
  more: (parts: Record<string, Uint8Array>) => void = () => {},
): Promise<Uint8Array> {
  const parts = await templateParts(values);
  const xml = strFromU8(parts[SHEET]);
  const out = edit(xml);
  if (out === xml) throw new Error('the edit changed nothing');
  parts[SHEET] = strToU8(out);
  more(parts);
  return zipSync(parts);
}

/** Adds `<mergeCell ref=…/>` entries to the sheet's merges. */
export function addMerges(refs: string[]): (xml: string) => string {
  return (xml) => xml.replace('</mergeCells>', refs.map((r) => `<mergeCell ref="${r}"/>`).join('') + '</mergeCells>');
}

/** The sheet's markup with every element in the namespace prefix `x:` (`<x:c>`), as some tools write it. */
export function prefixed(xml: string): string {
  const out = xml
    .replace(/<(\/?)([A-Za-z])/g, '<$1x:$2')
    .replace('<x:worksheet ', '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ');
  if (!out.includes('<x:sheetData') || !out.includes('xmlns:x=')) throw new Error('not prefixed');
  return out;
}

/** Replaces the marked data cell's content (`<v>MARK</v>`) with `inner`. */
export function markedCell(inner: string): (xml: string) => string {
  return (xml) => xml.replace(`<v>${MARK}</v>`, inner);
}

/** Extra cells appended to the marked cell's row, as raw `<c>` markup, after the marked cell. */
export function afterMarked(cells: string): (xml: string) => string {
  return (xml) => {
    const at = xml.indexOf(`<v>${MARK}</v></c>`);
    if (at < 0) throw new Error('no marked cell');
    const end = xml.indexOf('</row>', at);
    return xml.slice(0, end) + cells + xml.slice(end);
  };
}

/** A new row of raw cells after the sheet's last row. */
export function extraRow(r: number, cells: string): (xml: string) => string {
  return (xml) => xml.replace('</sheetData>', `<row r="${r}">${cells}</row></sheetData>`);
}

/** The template whose shared strings part is replaced by `xml`. */
export async function withSharedStrings(xml: string): Promise<Uint8Array> {
  const parts = await templateParts();
  parts['xl/sharedStrings.xml'] = strToU8(xml);
  return zipSync(parts);
}

/** A minimal zip writer (no CRC needed by the readers), so flags and sizes can be set at will. */
export interface ZipEntry {
  name: string;
  /** Raw deflate data (method 8) or stored bytes (method 0). */
  data: Uint8Array;
  declaredSize: number;
  method?: number;
  /** General-purpose flags: bit 0 marks an encrypted entry. */
  flags?: number;
}

export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method ?? 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(dir.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, eocd]);
}

/** Every part of a real template, each entry flagged as encrypted (what zip tools write with a password). */
export async function encryptedZipTemplate(): Promise<Buffer> {
  const parts = await templateParts();
  return writeZip(
    Object.entries(parts).map(([name, bytes]) => ({
      name,
      // Encrypted data looks random: here, the deflated part with its bytes scrambled.
      data: deflateRawSync(bytes).map((b, i) => b ^ ((i * 131 + 7) & 0xff)),
      declaredSize: bytes.length,
      flags: 1,
    })),
  );
}

const DOCX_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOCX_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx whose document body is `body` (WordprocessingML inside `<w:body>`), deflated at `level`. */
export function docx(body: string | Buffer, level = 6): Buffer {
  const doc = Buffer.concat([
    Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`),
    Buffer.isBuffer(body) ? body : Buffer.from(body),
    Buffer.from('</w:body></w:document>'),
  ]);
  const entry = (name: string, bytes: Buffer) => ({
    name,
    data: deflateRawSync(bytes, { level }),
    declaredSize: bytes.length,
  });
  return writeZip([
    entry('[Content_Types].xml', Buffer.from(DOCX_TYPES)),
    entry('_rels/.rels', Buffer.from(DOCX_RELS)),
    entry('word/document.xml', doc),
  ]);
}

/** Tables nested `depth` deep, each in the only cell of the one outside it. */
export function nestedTables(depth: number): string {
  const open = '<w:tbl><w:tr><w:tc>';
  const close = '<w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
  return open.repeat(depth) + '<w:p><w:r><w:t>本年新收政府信息公开申请数量</w:t></w:r></w:p>' + close.repeat(depth);
}

/** One JSON report of the 2021 format with every input cell 0 except `T3.NEW.NP`. */
export function jsonReport(org: string, year: number, n = 1): Record<string, unknown> {
  const cells: Record<string, RawValue> = {};
  for (const c of getFormat('2021').cells) if (c.role === 'input') cells[c.id] = 0;
  cells['T3.NEW.NP'] = n;
  return { format: '2021', year, org, cells };
}
