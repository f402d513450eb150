/**
 * HTML to the tab-separated text shape the text reader knows: one line per table row (cells separated by tabs,
 * a merged cell followed by empty cells for the columns it spans) and one line per block of prose. A small tag
 * scanner rather than a DOM, so that it runs the same in the task pane, in Node and in tests.
 */

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ensp: ' ',
  emsp: ' ',
};

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const BLOCK = /^(?:p|div|br|h[1-6]|li|section|article|title|tr|table|tbody|thead|ul|ol|blockquote)$/;

function attr(tag: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(tag);
  const n = m ? parseInt(m[1], 10) : 1;
  return n >= 1 && n <= 100 ? n : 1;
}

export function htmlToText(html: string): string {
  const src = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    // A page cut off inside a tag (`…<td>32</td><t`): the rest of the tag is not text of the page.
    .replace(/<[a-zA-Z/][^<>]*$/, '');
  const lines: string[] = [];
  let text = '';
  let row: string[] | null = null;
  let cell: string | null = null;
  let span = 1;
  const flushText = () => {
    const t = decode(text).replace(/\s+/g, ' ').trim();
    if (t) lines.push(t);
    text = '';
  };
  const re = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|([^<]+)/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m[2] !== undefined) {
      if (cell !== null) cell += m[2];
      else text += m[2];
      continue;
    }
    const tag = m[0];
    const name = m[1].toLowerCase();
    const closing = tag.startsWith('</');
    if (name === 'td' || name === 'th') {
      if (cell !== null && row) row.push(decode(cell).replace(/\s+/g, ' ').trim(), ...Array<string>(span - 1).fill(''));
      cell = closing ? null : '';
      span = closing ? 1 : attr(tag, 'colspan');
      continue;
    }
    if (name === 'tr') {
      if (cell !== null && row) row.push(decode(cell).replace(/\s+/g, ' ').trim(), ...Array<string>(span - 1).fill(''));
      cell = null;
      if (row) lines.push(row.join('\t') + '\t');
      row = closing ? null : [];
      if (!closing) flushText();
      continue;
    }
    if (cell !== null) {
      if (name === 'br' || name === 'p' || name === 'div') cell += ' ';
      continue;
    }
    if (BLOCK.test(name)) flushText();
  }
  if (row) lines.push(row.join('\t') + '\t');
  flushText();
  return lines.join('\n');
}
