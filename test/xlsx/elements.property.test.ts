/**
 * The one-pass element scanner finds what the regular expressions it replaced find, on any markup made of the
 * pieces that matter (start tags with and without `>`, prefixes, end tags, `/>`, text), including the broken
 * shapes that made the expressions quadratic.
 */
import fc from 'fast-check';
import { ElementScanner, type ElementShape } from '../../src/io/xlsx/elements';

/** Markup from pieces that matter to elements called `name`: whole and broken tags, prefixes, text. */
function markup(name: string): fc.Arbitrary<string> {
  const n = name;
  const pieces = [
    '<',
    '>',
    '/',
    '/>',
    ' ',
    'a',
    'x:',
    ':',
    '"',
    `<${n}`,
    `<${n}>`,
    `<${n} `,
    `</${n}>`,
    `<x:${n} `,
    `</x:${n}>`,
    `<${n}x`,
    `${n}>`,
  ];
  return fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));
}

type Found = { start: number; end: number; attrs: string; content?: string };

function byExpression(xml: string, re: RegExp): Found[] {
  const out: Found[] = [];
  const g = new RegExp(re.source, 'g');
  for (let m = g.exec(xml); m; m = g.exec(xml)) {
    out.push({ start: m.index, end: g.lastIndex, attrs: m[1] ?? '', ...(m[2] !== undefined ? { content: m[2] } : {}) });
  }
  return out;
}

function byScanner(xml: string, name: string, shape: ElementShape): Found[] {
  const s = new ElementScanner(xml, name, shape);
  const out: Found[] = [];
  for (let e = s.next(0); e; e = s.next(e.end))
    out.push(e.content === undefined ? { start: e.start, end: e.end, attrs: e.attrs } : { ...e });
  return out;
}

const SHAPES: [string, string, ElementShape, RegExp][] = [
  ['<f> (self-closing too)', 'f', { selfClosing: true }, /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/],
  ['<v> (space after the name)', 'v', { spaceAfterName: true }, /<(?:\w+:)?v(\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/],
  ['<c> (self-closing too)', 'c', { selfClosing: true }, /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/],
  ['<row> (start tag only)', 'row', { tagOnly: true }, /<(?:\w+:)?row\b([^>]*)>/],
];

describe('ElementScanner, against the expressions it replaced', () => {
  test.each(SHAPES)('%s', (_, name, shape, re) => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(markup(name), (xml) => {
        const expected = byExpression(xml, re);
        if (expected.length) nonEmpty++;
        expect(byScanner(xml, name, shape)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
    // The generated markup holds such elements often enough for the comparison to mean something.
    expect(nonEmpty).toBeGreaterThan(300);
  });
});
