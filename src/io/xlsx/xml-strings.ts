/** XML text as the workbook parts write it: entities, attributes and the shared-strings part. */
import { ElementScanner } from './elements';

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decode(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? codePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e],
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** A character reference's character; one no character has (`&#x110000;`) is the replacement character. */
function codePoint(n: number): string {
  return n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd';
}

/**
 * Where text that can hold a whole `<name>…</name>` ends: just after the last end tag `</name>` or `</prefix:name>`
 * (0 when there is none). An expression looking for the element's content finds nothing past it; cut there, it
 * no longer scans to the end of the part from every unclosed start tag (thousands of `<si>` without `</si>`
 * made that quadratic).
 */
function afterLastEnd(xml: string, name: string): number {
  const tail = name + '>';
  for (let at = xml.lastIndexOf(tail); at > 1; at = xml.lastIndexOf(tail, at - 1)) {
    // `s`: where the name (or its `prefix:`) starts.
    let s = at;
    if (xml.charCodeAt(at - 1) === 58 /* : */) {
      s = at - 1;
      while (s > 0 && isWordChar(xml.charCodeAt(s - 1))) s--;
      if (s === at - 1) continue;
    }
    if (xml.charCodeAt(s - 1) === 47 /* / */ && xml.charCodeAt(s - 2) === 60 /* < */) return at + tail.length;
  }
  return 0;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

const attrRes = new Map<string, RegExp>();
export function attr(attrs: string, name: string): string | undefined {
  let re = attrRes.get(name);
  if (!re) attrRes.set(name, (re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  const m = re.exec(attrs);
  return m ? decode(m[1]) : undefined;
}

/** Text of a string item: its runs' `<t>`, without the phonetic guides (`<rPh>`) East Asian files carry. */
export function stringItem(xml: string): string {
  // The usual plain item `<t>text</t>`, without a regular expression.
  if (xml.startsWith('<t>') && xml.indexOf('<', 3) === xml.length - 4 && xml.endsWith('</t>'))
    return decode(xml.slice(3, -4));
  const noPhonetic = !xml.includes('rPh') ? xml : withoutPhonetic(xml);
  let out = '';
  // `<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>`g, in one pass (`elements.ts`).
  const runs = new ElementScanner(noPhonetic, 't', { spaceAfterName: true });
  for (let t = runs.next(0); t; t = runs.next(t.end)) out += decode(t.content ?? '');
  return out;
}

/** A string item without its phonetic guides; what follows the last `</rPh>` holds none. */
function withoutPhonetic(xml: string): string {
  const end = afterLastEnd(xml, 'rPh');
  return xml.slice(0, end).replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '') + xml.slice(end);
}

const PRESERVE = ' xml:space="preserve">';

/**
 * The shared strings. Items are found as the expression `SI` finds them; the usual `<si><t>text</t></si>` is read
 * where the expression would start its next match, without running it.
 */
export function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  // Items as `<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)`g finds them, in one pass (`elements.ts`).
  const items = new ElementScanner(xml, 'si', { selfClosing: true });
  let p = 0;
  for (;;) {
    if (xml.startsWith('<si><t', p)) {
      let t = p + 6;
      if (xml.charCodeAt(t) === 62 /* > */) t++;
      else t = xml.startsWith(PRESERVE, t) ? t + PRESERVE.length : -1;
      const e = t < 0 ? -1 : xml.indexOf('<', t);
      if (e >= 0 && xml.startsWith('</t></si>', e)) {
        out.push(decode(xml.slice(t, e)));
        p = e + 9;
        continue;
      }
    }
    const item = items.next(p);
    if (!item) break;
    out.push(item.content ? stringItem(item.content) : '');
    p = item.end;
  }
  return out;
}
