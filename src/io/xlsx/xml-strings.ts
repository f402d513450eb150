/** XML text as the workbook parts write it: entities, attributes and the shared-strings part. */

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decode(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
        : ENTITY[e],
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
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
  const noPhonetic = !xml.includes('rPh') ? xml : xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  for (let m = re.exec(noPhonetic); m; m = re.exec(noPhonetic)) out += decode(m[1]);
  return out;
}

const PRESERVE = ' xml:space="preserve">';

/**
 * The shared strings. Items are found as the expression `SI` finds them; the usual `<si><t>text</t></si>` is read
 * where the expression would start its next match, without running it.
 */
export function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
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
    re.lastIndex = p;
    const m = re.exec(xml);
    if (!m) break;
    out.push(m[1] ? stringItem(m[1]) : '');
    p = re.lastIndex;
  }
  return out;
}
