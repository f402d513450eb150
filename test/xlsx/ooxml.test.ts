/** The small .xlsx reader on markup Excel, WPS and scripts write but ExcelJS does not: built by hand here. */
import { strToU8, zipSync } from 'fflate';
import { inflateRawSync } from 'zlib';
import { cellKey } from '../../src/io/xlsx/ooxml';
import { readWorkbook } from '../../src/io/xlsx/workbook';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function xlsx(sheetXml: string, opts: { prefix?: string; strings?: string } = {}): Uint8Array {
  const p = opts.prefix ? `${opts.prefix}:` : '';
  const ns = opts.prefix ? ` xmlns:${opts.prefix}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : '';
  return zipSync({
    '_rels/.rels': strToU8(
      `<Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<${p}workbook${ns} xmlns:r="${REL}"><${p}sheets><${p}sheet name="表&amp;1" sheetId="1" r:id="rId7"/></${p}sheets></${p}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships><Relationship Id="rId7" Type="${REL}/worksheet" Target="worksheets/s.xml"/>` +
        `<Relationship Id="rId8" Type="${REL}/sharedStrings" Target="strings.xml"/></Relationships>`,
    ),
    'xl/strings.xml': strToU8(opts.strings ?? '<sst></sst>'),
    'xl/worksheets/s.xml': strToU8(`<${p}worksheet${ns}>${sheetXml}</${p}worksheet>`),
  });
}

describe('readWorkbook', () => {
  const strings =
    '<sst><si><t>商业企业</t></si><si><r><t>结果</t></r><r><t xml:space="preserve"> 维持</t></r>' +
    '<rPh sb="0" eb="2"><t>けっか</t></rPh></si><si><t>a&lt;b&amp;c_x000D_</t></si></sst>';

  it('reads strings, numbers, booleans, errors, inline text and shared formulas in plain markup', () => {
    const sheet =
      '<sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" s="3"/>' +
      '<c r="E2" t="inlineStr"><is><t>其他</t></is></c></row>' +
      '<row r="3"><c r="B3"><v>12</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#REF!</v></c>' +
      '<c r="E3" t="s"><v>2</v></c></row>' +
      '<row r="4"><c r="B4"><f t="shared" ref="B4:D4" si="0">SUM(B2:B3)+$A$1</f><v>12</v></c>' +
      '<c r="C4"><f t="shared" si="0"/><v>1</v></c><c r="D4"><f>"x"&amp;"y"</f><v>xy</v></c></row>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="B2:C2"/></mergeCells>';
    const [s] = readWorkbook(xlsx(sheet, { strings }));
    const at = (a: string) => {
      const m = /^([A-Z])(\d+)$/.exec(a)!;
      return s.cells.get(cellKey(Number(m[2]) - 1, m[1].charCodeAt(0) - 65));
    };
    expect(s.name).toBe('表&1');
    expect(at('B2')?.value).toBe('商业企业');
    expect(at('C2')?.value).toBe('结果 维持');
    expect(at('D2')).toBeUndefined();
    expect(at('E2')?.value).toBe('其他');
    expect(at('B3')?.value).toBe(12);
    expect(at('C3')?.value).toBe(true);
    expect(at('D3')).toEqual({ value: '#REF!', error: true });
    expect(at('E3')?.value).toBe('a<b&c\r');
    expect(at('B4')).toEqual({ value: 12, formula: 'SUM(B2:B3)+$A$1' });
    expect(at('C4')).toEqual({ value: 1, formula: 'SUM(C2:C3)+$A$1' });
    expect(at('D4')).toEqual({ value: 'xy', formula: '"x"&"y"' });
    expect(s.merges).toEqual([{ row: 1, col: 1, rows: 1, cols: 2 }]);
  });

  it('reads namespace-prefixed markup and cells and rows without a reference', () => {
    const sheet =
      '<x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>自然人</x:t></x:is></x:c><x:c><x:v>5</x:v></x:c></x:row>' +
      '<x:row r="4"><x:c/><x:c><x:v>7</x:v></x:c></x:row></x:sheetData>';
    const [s] = readWorkbook(xlsx(sheet, { prefix: 'x' }));
    expect(s.cells.get(cellKey(0, 0))?.value).toBe('自然人');
    expect(s.cells.get(cellKey(0, 1))?.value).toBe(5);
    expect(s.cells.get(cellKey(3, 1))?.value).toBe(7);
  });

  it('inflates with whichever inflater it is given', () => {
    const bytes = xlsx('<sheetData><row r="1"><c r="A1"><v>3</v></c></row></sheetData>');
    let calls = 0;
    const [s] = readWorkbook(bytes, (d) => {
      calls++;
      return inflateRawSync(d);
    });
    expect(s.cells.get(cellKey(0, 0))?.value).toBe(3);
    expect(calls).toBeGreaterThan(0);
  });

  it('refuses what is not a zip or has no workbook', () => {
    expect(() => readWorkbook(new TextEncoder().encode('not a zip at all, just text'))).toThrow(/zip/);
    expect(() => readWorkbook(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/工作簿/);
  });
});
