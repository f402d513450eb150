/**
 * Reads the entries of a zip (an .xlsx is one) without inflating what is not asked for. The inflater is
 * pluggable: fflate (pure JS) by default, so this runs in the browser; the command line passes Node's native
 * zlib, several times faster on a folder of reports.
 */
import { Inflate } from 'fflate';
import { inBothLanguages } from '../../model/messages';

/** Inflates raw deflate data; must throw rather than produce more than `maxBytes` (a zip bomb). */
export type InflateRaw = (data: Uint8Array, maxBytes: number) => Uint8Array;

/** A zip that cannot be read: `message` in Chinese where a user may meet it, `en` in English. */
export class ZipError extends Error {
  constructor(
    message: string,
    readonly en: string = message,
  ) {
    super(message);
  }
}

/**
 * What the entries read from one zip may inflate to in all. A filled-in report workbook is well under 5 MB of XML;
 * a zip bomb declares (or, lying, inflates to) gigabytes.
 */
const DEFAULT_MAX_INFLATED_BYTES = 100 * 1024 * 1024;

interface ZipLimits {
  maxInflatedBytes?: number;
}

const STEP = 64 * 1024;

/** fflate in steps, so a bomb is stopped after at most one step's output past the cap, not after inflating it all. */
function inflateRawCapped(data: Uint8Array, maxBytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge(maxBytes);
    parts.push(chunk);
  });
  for (let p = 0; p < data.length; p += STEP) inflater.push(data.subarray(p, p + STEP), p + STEP >= data.length);
  if (!data.length) inflater.push(data, true);
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function tooLarge(maxBytes: number): ZipError {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return new ZipError(...inBothLanguages('read.zip.tooLarge', { mb }));
}

/** An entry's name: ASCII (as names in an .xlsx are) without the decoder's call cost. */
function entryName(bytes: Uint8Array, at: number, len: number, decoder: { decode(b: Uint8Array): string }): string {
  let s = '';
  for (let i = at; i < at + len; i++) {
    if (bytes[i] >= 128) return decoder.decode(bytes.subarray(at, at + len));
    s += String.fromCharCode(bytes[i]);
  }
  return s;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip, inflated on first access only: an .xlsx reader needs four or five of its parts.
 * `wanted` limits which names are listed at all.
 */
export function unzipEntries(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  inflateRaw: InflateRaw = inflateRawCapped,
  limits: ZipLimits = {},
): { names: string[]; get(name: string): Uint8Array | undefined } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (p: number) => view.getUint16(p, true);
  const u32 = (p: number) => view.getUint32(p, true);
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
    if (u32(p) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new ZipError(...inBothLanguages('read.zip.notZip'));
  const count = u16(eocd + 10);
  let p = u32(eocd + 16);
  if (p === 0xffffffff) throw new ZipError(...inBothLanguages('read.zip.zip64'));
  const decoder = new TextDecoder();
  const maxInflated = limits.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
  const entries = new Map<string, { method: number; size: number; local: number }>();
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(p) !== CENTRAL) throw new ZipError(...inBothLanguages('read.zip.directory'));
    const nameLen = u16(p + 28);
    const name = entryName(bytes, p + 46, nameLen, decoder);
    if (wanted(name)) {
      // General-purpose flag bit 0: the entry is encrypted (a zip tool's password); inflating it gives noise.
      if (u16(p + 8) & 1) throw new ZipError(...inBothLanguages('read.zip.encrypted'));
      entries.set(name, { method: u16(p + 10), size: u32(p + 20), local: u32(p + 42) });
      // The declared sizes are checked first; a header that lies is caught while inflating (below).
      declared += u32(p + 24);
      if (declared > maxInflated) throw tooLarge(maxInflated);
    }
    p += 46 + nameLen + u16(p + 30) + u16(p + 32);
  }
  const inflated = new Map<string, Uint8Array>();
  let inflatedBytes = 0;
  return {
    names: [...entries.keys()],
    get(name: string): Uint8Array | undefined {
      const done = inflated.get(name);
      if (done) return done;
      const e = entries.get(name);
      if (!e) return undefined;
      if (e.local + 30 > bytes.length || u32(e.local) !== LOCAL)
        throw new ZipError(...inBothLanguages('read.zip.entry', { name }));
      const start = e.local + 30 + u16(e.local + 26) + u16(e.local + 28);
      const data = bytes.subarray(start, start + e.size);
      let out: Uint8Array;
      const budget = maxInflated - inflatedBytes;
      if (e.method === 0) out = data;
      else if (e.method === 8) {
        try {
          out = inflateRaw(data, budget);
        } catch (err) {
          // Node's zlib says ERR_BUFFER_TOO_LARGE when it stops at maxOutputLength.
          if (err instanceof ZipError || (err as { code?: unknown })?.code === 'ERR_BUFFER_TOO_LARGE') {
            throw tooLarge(maxInflated);
          }
          throw err;
        }
      } else throw new ZipError(...inBothLanguages('read.zip.method', { name, method: String(e.method) }));
      if (out.length > budget) throw tooLarge(maxInflated);
      inflatedBytes += out.length;
      inflated.set(name, out);
      return out;
    },
  };
}
