/**
 * The byte scanner of sheet markup (`parseSheet`) and the shared-strings reader give what the text parser they
 * replaced gave, for any mix of the markup Excel, WPS and scripts write. The reference below is that text parser,
 * kept as it was: slow, regular-expression based, and the definition of the expected output.
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import type { XCell, XSheet } from '../../src/io/xlsx/ooxml';
import { parseSheet } from '../../src/io/xlsx/sheet-bytes';
import { readWorkbook } from '../../src/io/xlsx/workbook';
import { sharedStrings } from '../../src/io/xlsx/xml-strings';
import { columnIndex, shiftFormula } from '../../src/model/a1';

// ---- Reference: the text parser as it was ----

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function refDecode(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
        : ENTITY[e],
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function refAttr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? refDecode(m[1]) : undefined;
}

function refStringItem(xml: string): string {
  const noPhonetic = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  for (let m = re.exec(noPhonetic); m; m = re.exec(noPhonetic)) out += refDecode(m[1]);
  return out;
}

function refSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const re = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] ? refStringItem(m[1]) : '');
  return out;
}

function refParseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad cell reference ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Walks `<row>` and `<c>` of plain markup as the old reader did (its quirks included: see nextCol). */
function refScanPlain(
  xml: string,
  from: number,
  onRow: (attrs: string) => void,
  onCell: (attrs: string, inner: string | undefined) => void,
): void {
  const end = xml.indexOf('</sheetData>', from);
  const stop = end < 0 ? xml.length : end;
  let i = xml.indexOf('<', from);
  while (i >= 0 && i < stop) {
    if (xml[i + 1] === 'c' && ' >/'.includes(xml[i + 2] ?? 'x')) {
      const close = xml.indexOf('>', i);
      if (close < 0) return;
      if (xml[close - 1] === '/') {
        onCell(xml.slice(i + 2, close - 1), undefined);
        i = xml.indexOf('<', close);
      } else {
        const endTag = xml.indexOf('</c>', close);
        if (endTag < 0) return;
        onCell(xml.slice(i + 2, close), xml.slice(close + 1, endTag));
        i = xml.indexOf('<', endTag + 4);
      }
      continue;
    }
    if (xml.startsWith('row', i + 1) && ' >/'.includes(xml[i + 4] ?? 'x')) {
      const close = xml.indexOf('>', i);
      if (close < 0) return;
      onRow(xml.slice(i + 4, close));
      i = xml.indexOf('<', close);
      continue;
    }
    i = xml.indexOf('<', i + 1);
  }
}

function refCellRef(attrs: string): [string, string] | null {
  const at = attrs.indexOf(' r="');
  if (at >= 0) {
    const m = /^([A-Z$]*)(\d*)"/.exec(attrs.slice(at + 4));
    const letters = m ? m[1].replace(/\$/g, '') : '';
    if (m && letters && m[2]) return [letters, m[2]];
  }
  const m = /(?:^|\s)r="\$?([A-Za-z]+)\$?(\d+)"/.exec(attrs);
  return m ? [m[1], m[2]] : null;
}

function refCellType(attrs: string): string {
  const at = attrs.indexOf(' t="');
  if (at < 0) return /(?:^|\s)t="(\w+)"/.exec(attrs)?.[1] ?? 'n';
  return attrs.slice(at + 4, attrs.indexOf('"', at + 4));
}

function refCellValue(inner: string): string | undefined {
  const at = inner.indexOf('<v>');
  if (at >= 0) {
    const end = inner.indexOf('</v>', at);
    if (end >= 0) return inner.slice(at + 3, end);
  }
  return /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
}

function referenceSheet(name: string, source: string, strings: string[]): XSheet {
  const xml = source.replace(/^\uFEFF/, '');
  const cells = new Map<number, XCell>();
  const shared = new Map<string, { formula: string; at: { row: number; col: number } }>();
  let row = -1;
  let nextCol = 0;
  const onRow = (attrs: string) => {
    const r = refAttr(attrs, 'r');
    row = r ? Number(r) - 1 : row + 1;
    nextCol = 0;
  };
  const onCell = (attrs: string, inner: string | undefined) => {
    if (inner === undefined && !attrs.includes('inlineStr')) {
      nextCol++;
      return;
    }
    const content = inner ?? '';
    const rm = refCellRef(attrs);
    const pos = rm ? { row: Number(rm[1]) - 1, col: columnIndex(rm[0]) } : { row, col: nextCol };
    nextCol = pos.col + 1;
    const type = refCellType(attrs);
    const fm = content.includes('f') ? /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(content) : null;
    const raw = refCellValue(content);
    const v = raw === undefined ? undefined : refDecode(raw);
    let value: XCell['value'] = null;
    let error = false;
    if (type === 'inlineStr') {
      const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(content);
      value = is ? refStringItem(is[1]) : '';
    } else if (v !== undefined) {
      if (type === 's') value = strings[Number(v)] ?? '';
      else if (type === 'str') value = v;
      else if (type === 'b') value = v === '1' || v.toLowerCase() === 'true';
      else if (type === 'e') {
        value = v;
        error = true;
      } else value = Number.isFinite(Number(v)) ? Number(v) : v;
    }
    let formula: string | undefined;
    if (fm) {
      const text = fm[2] !== undefined ? refDecode(fm[2]) : '';
      const si = refAttr(fm[1], 'si');
      if (refAttr(fm[1], 't') === 'shared' && si !== undefined) {
        if (text) {
          shared.set(si, { formula: text, at: pos });
          formula = text;
        } else {
          const master = shared.get(si);
          if (master) formula = shiftFormula(master.formula, pos.row - master.at.row, pos.col - master.at.col);
        }
      } else if (text) formula = text;
    }
    if (value === null && formula === undefined) return;
    // Deliberately unlike the old parser: a cell off Excel's sheet (row 0, `XFE1`, an unreadable row) is dropped,
    // where its key used to name a cell of another row.
    if (!(pos.row >= 0 && pos.row < 1048576 && pos.col >= 0 && pos.col < 16384)) return;
    const cell: XCell = { value };
    if (formula !== undefined) cell.formula = formula;
    if (error) cell.error = true;
    cells.set(pos.row * 16384 + pos.col, cell);
  };
  const start = xml.indexOf('sheetData');
  if (start >= 0 && xml.lastIndexOf('<sheetData', start) === start - 1) refScanPlain(xml, start, onRow, onCell);
  else {
    const re = /<(?:\w+:)?row\b([^>]*)>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      if (m[1] !== undefined) onRow(m[1]);
      else onCell(m[2], m[3]);
    }
  }
  const merges: XSheet['merges'] = [];
  const mergeRe = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g;
  const mergeStart = xml.indexOf('mergeCells');
  mergeRe.lastIndex = mergeStart < 0 ? xml.length : mergeStart;
  for (let m = mergeRe.exec(xml); m; m = mergeRe.exec(xml)) {
    const [tl, br] = m[1].split(':');
    const a = refParseRef(tl);
    const b = br ? refParseRef(br) : a;
    // Deliberately unlike the old parser: corners in either order, clipped to Excel's sheet, dropped when off it.
    const top = Math.max(0, Math.min(a.row, b.row));
    const left = Math.max(0, Math.min(a.col, b.col));
    const bottom = Math.min(1048575, Math.max(a.row, b.row));
    const right = Math.min(16383, Math.max(a.col, b.col));
    if (top <= bottom && left <= right)
      merges.push({ row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 });
  }
  return { name, cells, merges };
}

// ---- Generated markup ----

const texts = fc.constantFrom(
  '商业企业',
  'a&amp;b',
  '&lt;3 &gt; 2 &quot;x&quot; &apos;y&apos;',
  '&#x41;&#66;',
  'line_x000D_break',
  '_x',
  'of',
  ' 维持 ',
  '',
  '—',
  'Σ',
);
const numbers = fc.constantFrom(
  '0',
  '7',
  '12',
  '007',
  '-3',
  '2.5',
  '1e3',
  ' 5',
  '',
  'NaN',
  'Infinity',
  '123456789012345',
  '1234567890123456789',
  'abc',
  '1',
  'TRUE',
  '#REF!',
);
const formulas = fc.constantFrom('SUM(D23:I23)', 'B2+$C$3', '&quot;x&quot;&amp;A1', 'LOG10(B2)', 'IF(A1&gt;0,1,2)', '');
const letters = fc.constantFrom('A', 'B', 'Z', 'AA', 'S', '$B', 'b', '');
const digits = fc.constantFrom('1', '2', '9', '10', '$4', '', '0');

/** One `<c>` as Excel, WPS or a script may write it. */
const cell = fc.record({
  col: letters,
  row: digits,
  withRef: fc.boolean(),
  refFirst: fc.boolean(),
  style: fc.constantFrom('', ' s="3"', ' s="12"'),
  type: fc.constantFrom('', ' t="n"', ' t="s"', ' t="str"', ' t="b"', ' t="e"', ' t="inlineStr"', ' t="d"', ' t="x"'),
  content: fc.oneof(
    fc.constant({ kind: 'empty' as const }),
    fc.constant({ kind: 'open-empty' as const }),
    fc.record({ kind: fc.constant('v' as const), v: fc.oneof(numbers, texts) }),
    fc.record({ kind: fc.constant('fv' as const), f: formulas, v: fc.oneof(numbers, texts) }),
    fc.record({ kind: fc.constant('f' as const), f: formulas }),
    fc.record({
      kind: fc.constant('shared' as const),
      si: fc.constantFrom('0', '1'),
      f: formulas,
      master: fc.boolean(),
      v: numbers,
    }),
    fc.record({ kind: fc.constant('is' as const), t: texts, runs: fc.boolean(), phonetic: fc.boolean() }),
    fc.record({ kind: fc.constant('vattr' as const), v: numbers }),
  ),
});

type Cell = typeof cell extends fc.Arbitrary<infer T> ? T : never;

function cellXml(c: Cell, p: string): string {
  const ref = c.withRef ? ` r="${c.col}${c.row}"` : '';
  const attrs = c.refFirst ? `${ref}${c.style}${c.type}` : `${c.style}${c.type}${ref}`;
  const k = c.content;
  switch (k.kind) {
    case 'empty':
      return `<${p}c${attrs}/>`;
    case 'open-empty':
      return `<${p}c${attrs}></${p}c>`;
    case 'v':
      return `<${p}c${attrs}><${p}v>${k.v}</${p}v></${p}c>`;
    case 'fv':
      return `<${p}c${attrs}><${p}f>${k.f}</${p}f><${p}v>${k.v}</${p}v></${p}c>`;
    case 'f':
      return `<${p}c${attrs}><${p}f>${k.f}</${p}f></${p}c>`;
    case 'shared':
      return k.master
        ? `<${p}c${attrs}><${p}f t="shared" ref="B4:D9" si="${k.si}">${k.f}</${p}f><${p}v>${k.v}</${p}v></${p}c>`
        : `<${p}c${attrs}><${p}f t="shared" si="${k.si}"/><${p}v>${k.v}</${p}v></${p}c>`;
    case 'is': {
      const t = k.runs
        ? `<${p}r><${p}t>${k.t}</${p}t></${p}r><${p}r><${p}t xml:space="preserve"> x</${p}t></${p}r>`
        : `<${p}t>${k.t}</${p}t>`;
      const ph = k.phonetic ? `<${p}rPh sb="0" eb="1"><${p}t>かな</${p}t></${p}rPh>` : '';
      return `<${p}c${attrs}><${p}is>${t}${ph}</${p}is></${p}c>`;
    }
    case 'vattr':
      return `<${p}c${attrs}><${p}v xml:space="preserve">${k.v}</${p}v></${p}c>`;
  }
}

const row = fc.record({
  r: fc.constantFrom('', ' r="1"', ' r="3"', ' r="12"', ' r=""', ' r="x"', ' spans="1:4" r="5"'),
  extra: fc.constantFrom('', ' ht="28" customHeight="1"', ' x14ac:dyDescent="0.25"'),
  cells: fc.array(cell, { maxLength: 8 }),
  selfClosing: fc.boolean(),
});

const sheetXml = fc.record({
  prefix: fc.constantFrom('', '', '', 'x'),
  bom: fc.boolean(),
  gap: fc.constantFrom('', '\n', '\r\n  '),
  rows: fc.array(row, { maxLength: 8 }),
  merges: fc.array(fc.constantFrom('B2:C2', 'A1:O1', 'B27:B34', 'D5', '$A$1:$B$2', 'a1:b2', 'AB12:AC13'), {
    maxLength: 4,
  }),
  tail: fc.constantFrom(
    '',
    '<conditionalFormatting sqref="C6 D6"><cfRule type="expression"><formula>C6&lt;0</formula></cfRule></conditionalFormatting>',
  ),
});

function buildSheet(s: typeof sheetXml extends fc.Arbitrary<infer T> ? T : never): string {
  const p = s.prefix ? `${s.prefix}:` : '';
  const ns = s.prefix ? ` xmlns:${s.prefix}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : '';
  const rows = s.rows
    .map((r) =>
      r.selfClosing && !r.cells.length
        ? `<${p}row${r.r}${r.extra}/>`
        : `<${p}row${r.r}${r.extra}>${r.cells.map((c) => cellXml(c, p)).join(s.gap)}</${p}row>`,
    )
    .join(s.gap);
  const merges = s.merges.length
    ? `<${p}mergeCells count="${s.merges.length}">${s.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join('')}</${p}mergeCells>`
    : '';
  return (
    `${s.bom ? '\uFEFF' : ''}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet${ns}>` +
    `<${p}dimension ref="A1:O53"/><${p}sheetData>${s.gap}${rows}${s.gap}</${p}sheetData>${merges}${s.tail}</${p}worksheet>`
  );
}

const STRINGS = ['零', 'one', 'a&b', '三'];

/** The outcome of a parse, an error included, in a form `toEqual` compares entry by entry and in order. */
function outcome(parse: () => XSheet): unknown {
  try {
    const s = parse();
    return { name: s.name, cells: [...s.cells.entries()], merges: s.merges };
  } catch (e) {
    // The reader's own errors carry their English text in `en` (the message is Chinese).
    return { error: (e as { en?: string }).en ?? (e as Error).message };
  }
}

describe('parseSheet, against the text parser it replaced', () => {
  it('reads every generated sheet exactly as the text parser did', () => {
    fc.assert(
      fc.property(sheetXml, (s) => {
        const xml = buildSheet(s);
        expect(outcome(() => parseSheet('S', strToU8(xml), STRINGS))).toStrictEqual(
          outcome(() => referenceSheet('S', xml, STRINGS)),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('reads sheets cut short or with stray bytes exactly as the text parser did', () => {
    fc.assert(
      fc.property(
        sheetXml,
        fc.nat(),
        fc.constantFrom('', '<', '"', '>', '</sheetData>', 'mergeCells', 'é'),
        (s, at, junk) => {
          const full = buildSheet(s);
          const cut = at % (full.length + 1);
          const xml = full.slice(0, cut) + junk + full.slice(cut);
          expect(outcome(() => parseSheet('S', strToU8(xml), STRINGS))).toStrictEqual(
            outcome(() => referenceSheet('S', xml, STRINGS)),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads the same sheet through readWorkbook', () => {
    fc.assert(
      fc.property(sheetXml, (s) => {
        const xml = buildSheet(s);
        const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
        const bytes = zipSync({
          '_rels/.rels': strToU8(
            `<Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
          ),
          'xl/workbook.xml': strToU8(
            `<workbook xmlns:r="${REL}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
          ),
          'xl/_rels/workbook.xml.rels': strToU8(
            `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
          ),
          'xl/worksheets/sheet1.xml': strToU8(xml),
        });
        expect(outcome(() => readWorkbook(bytes)[0])).toStrictEqual(outcome(() => referenceSheet('表', xml, [])));
      }),
      { numRuns: 60 },
    );
  });
});

describe('sharedStrings, against the text parser it replaced', () => {
  const item = fc.oneof(
    texts.map((t) => `<si><t>${t}</t></si>`),
    texts.map((t) => `<si><t xml:space="preserve">${t}</t></si>`),
    texts.map((t) => `<si><r><rPr><b/></rPr><t>${t}</t></r><r><t>尾</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si>`),
    texts.map((t) => `<x:si><x:t>${t}</x:t></x:si>`),
    fc.constantFrom('<si/>', '<si></si>', '<si><t/></si>', '<si><t></t></si>', '<sizzle/>', '<si><t>a<b/>c</t></si>'),
  );
  it('reads every generated table exactly as the text parser did', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.constantFrom('', '\n'), (items, gap) => {
        const xml = `<?xml version="1.0"?>\n<sst count="${items.length}">${gap}${items.join(gap)}</sst>`;
        expect(sharedStrings(xml)).toStrictEqual(refSharedStrings(xml));
      }),
      { numRuns: 300 },
    );
  });
});
