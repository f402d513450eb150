/**
 * Elements of a part found in one pass, as the expression
 * `<(?:\w+:)?name\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?name>)` finds them with the `g` flag. The expression
 * scans from every start tag to the next `>` and on to the next end tag: a part of thousands of `<f` without `>`,
 * or of `<c …>` without `</c>`, made that quadratic (minutes for a few hundred KB). Here the next `>` and the next
 * end tag are each searched once for all the start tags before them, so the work is linear in the part.
 */

interface Element {
  /** Where the start tag's `<` is, and where the element ends (after its end tag or `/>`). */
  start: number;
  end: number;
  /** The start tag's attributes (after the name, up to `>` or `/>`). */
  attrs: string;
  /** What stands between the tags; undefined for `<name …/>`. */
  content?: string;
}

export interface ElementShape {
  /**
   * After the name only `>` or white space, as `<(?:\w+:)?v(?:\s[^>]*)?>` reads `<v>`; otherwise any character
   * that ends a word (`\b`).
   */
  spaceAfterName?: boolean;
  /** `<name …/>` is an element too (without content). */
  selfClosing?: boolean;
  /** Only the start tag, as `<(?:\w+:)?row\b([^>]*)>` reads `<row>`: it ends at its `>`. */
  tagOnly?: boolean;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

const SPACE = /\s/;

/**
 * The elements called `name` in `xml`, asked for in order of position (`next(from)` with `from` never going back):
 * what was searched for one call is reused by the next.
 */
export class ElementScanner {
  /** The next `>` at or after `gtFrom` (-1: none). */
  private gt = -1;
  private gtFrom = Infinity;
  /** The next end tag at or after `endFrom`: its `<` and where it ends (null: none). */
  private endTag: [number, number] | null = null;
  private endFrom = Infinity;

  constructor(
    private readonly xml: string,
    private readonly name: string,
    private readonly shape: ElementShape = {},
  ) {}

  /** The first element starting at or after `from`, or null. */
  next(from: number): Element | null {
    const { xml, shape } = this;
    for (let s = xml.indexOf('<', from); s >= 0;) {
      const a0 = this.afterName(s);
      if (a0 < 0) {
        s = xml.indexOf('<', s + 1);
        continue;
      }
      const g = this.nextGt(a0);
      if (g < 0) return null;
      if (shape.tagOnly) return { start: s, end: g + 1, attrs: xml.slice(a0, g) };
      if (shape.selfClosing && g - 1 >= a0 && xml.charCodeAt(g - 1) === 47 /* / */)
        return { start: s, end: g + 1, attrs: xml.slice(a0, g - 1) };
      const e = this.nextEnd(g + 1);
      if (e) return { start: s, end: e[1], attrs: xml.slice(a0, g), content: xml.slice(g + 1, e[0]) };
      // Every start tag before this `>` meets the same `>` and the same missing end tag: none of them is one.
      s = xml.indexOf('<', g + 1);
    }
    return null;
  }

  /** Where the attributes start when a start tag of the element stands at `s` (its `<`), else -1. */
  private afterName(s: number): number {
    const { xml, name } = this;
    let j = s + 1;
    while (j < xml.length && isWordChar(xml.charCodeAt(j))) j++;
    // `<prefix:name`, else `<name` (the expression tries them in this order).
    for (const n of xml.charCodeAt(j) === 58 && j > s + 1 ? [j + 1, s + 1] : [s + 1]) {
      if (!xml.startsWith(name, n)) continue;
      const a0 = n + name.length;
      const c = xml.charCodeAt(a0);
      if (this.shape.spaceAfterName ? c === 62 || SPACE.test(xml[a0] ?? '') : !isWordChar(c)) return a0;
    }
    return -1;
  }

  private nextGt(p: number): number {
    if (p < this.gtFrom || (this.gt >= 0 && this.gt < p)) {
      this.gt = this.xml.indexOf('>', p);
      this.gtFrom = p;
    }
    return this.gt;
  }

  /** The first end tag `</name>` or `</prefix:name>` whose `<` is at or after `p`. */
  private nextEnd(p: number): [number, number] | null {
    if (p >= this.endFrom && (!this.endTag || this.endTag[0] >= p)) return this.endTag;
    const { xml } = this;
    const tail = this.name + '>';
    this.endFrom = p;
    this.endTag = null;
    for (let at = xml.indexOf(tail, p); at >= 0; at = xml.indexOf(tail, at + 1)) {
      let s = at;
      if (xml.charCodeAt(at - 1) === 58 /* : */) {
        s = at - 1;
        while (s > p && isWordChar(xml.charCodeAt(s - 1))) s--;
        if (s === at - 1) continue;
      }
      if (s - 2 >= p && xml.charCodeAt(s - 1) === 47 /* / */ && xml.charCodeAt(s - 2) === 60 /* < */) {
        this.endTag = [s - 2, at + tail.length];
        break;
      }
    }
    return this.endTag;
  }
}

/** The first element called `name` in `xml`, as the expression without `g` finds it. */
export function firstElement(xml: string, name: string, shape: ElementShape = {}): Element | null {
  return new ElementScanner(xml, name, shape).next(0);
}
