import JSZip from 'jszip';
import { InputError } from '../../src/io/report-input';
import { docxReportReader, htmlReportReader, textReportReader } from '../../src/io/text/readers';
import { expectedReports, readSample } from './fixtures';

const seed = expectedReports().find((e) => e.source.startsWith('seed'))!;
const fixture = expectedReports().find((e) => e.source.startsWith('90-'))!;
const utf8 = (s: string) => new TextEncoder().encode(s);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Word document whose tables are the tab-separated lines of `text` and whose paragraphs are the other lines. */
async function docxOf(text: string): Promise<Uint8Array> {
  const body: string[] = [];
  let rows: string[] = [];
  const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
  const flush = () => {
    if (rows.length) body.push(`<w:tbl>${rows.join('')}</w:tbl>`);
    rows = [];
  };
  for (const line of text.split('\n')) {
    // A tab at the end of a copied line closes its last cell; it is not one more (empty) cell.
    if (line.includes('\t'))
      rows.push(
        `<w:tr>${line
          .replace(/\t$/, '')
          .split('\t')
          .map((c) => `<w:tc>${para(c)}</w:tc>`)
          .join('')}</w:tr>`,
      );
    else {
      flush();
      body.push(para(line));
    }
  }
  flush();
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body.join('')}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

describe('report readers', () => {
  test('claim their files by extension (and .docx by its zip signature)', () => {
    const zipHead = new Uint8Array([0x50, 0x4b, 3, 4]);
    expect(textReportReader.accepts('r.TXT', new Uint8Array())).toBe(true);
    expect(textReportReader.accepts('r.json', new Uint8Array())).toBe(false);
    expect(htmlReportReader.accepts('r.htm', new Uint8Array())).toBe(true);
    expect(docxReportReader.accepts('r.docx', zipHead)).toBe(true);
    expect(docxReportReader.accepts('r.docx', utf8('hello'))).toBe(false);
  });

  test('.txt: cells, year and narrative of the seed report', async () => {
    const [input] = await textReportReader.read('seed.txt', utf8(readSample(seed.source)));
    expect(input.cells).toEqual(seed.cells);
    expect(input.year).toBe(seed.year);
    expect(input.narrative).toContain('未收到政府信息公开申请');
    expect(input.unrecognised).toEqual([]);
  });

  test('.txt in UTF-16 with a byte-order mark reads the same', async () => {
    const text = readSample(seed.source);
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const [input] = await textReportReader.read('seed16.txt', bytes);
    expect(input.cells).toEqual(seed.cells);
  });

  test('a side-by-side comparison gives one input per year', async () => {
    const inputs = await textReportReader.read(
      'suqian.txt',
      utf8(readSample('02-suqian-city-2023-2024-format2021.txt')),
    );
    expect(inputs.map((i) => i.year)).toEqual([2023, 2024]);
    expect(new Set(inputs.map((i) => i.file)).size).toBe(2);
  });

  test('.html with colspan/rowspan merges', async () => {
    const [input] = await htmlReportReader.read('city.html', utf8(readSample(fixture.source)));
    expect(input.cells).toEqual(fixture.cells);
  });

  test('.docx through mammoth', async () => {
    const [input] = await docxReportReader.read('seed.docx', await docxOf(readSample(seed.source)));
    expect(input.cells).toEqual(seed.cells);
    expect(input.year).toBe(seed.year);
  });

  test('a text without any table is a clear input error', async () => {
    await expect(textReportReader.read('memo.txt', utf8('一、总体情况\n今年工作顺利。'))).rejects.toThrow(InputError);
    await expect(docxReportReader.read('bad.docx', utf8('PK not a zip'))).rejects.toThrow(InputError);
  });
});
