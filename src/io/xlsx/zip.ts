/**
 * Reads the entries of a zip (an .xlsx is one) without inflating what is not asked for. The inflater is
 * pluggable: fflate (pure JS) by default, so this runs in the browser; the command line passes Node's native
 * zlib, several times faster on a folder of reports.
 */
import { inflateSync } from 'fflate';

export type InflateRaw = (data: Uint8Array) => Uint8Array;

export class ZipError extends Error {}

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
  inflateRaw: InflateRaw = (d) => inflateSync(d),
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
  if (eocd < 0) throw new ZipError('not a zip file');
  const count = u16(eocd + 10);
  let p = u32(eocd + 16);
  if (p === 0xffffffff) throw new ZipError('zip64 archives are not supported');
  const decoder = new TextDecoder();
  const entries = new Map<string, { method: number; size: number; local: number }>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(p) !== CENTRAL) throw new ZipError('damaged zip directory');
    const nameLen = u16(p + 28);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (wanted(name)) entries.set(name, { method: u16(p + 10), size: u32(p + 20), local: u32(p + 42) });
    p += 46 + nameLen + u16(p + 30) + u16(p + 32);
  }
  const inflated = new Map<string, Uint8Array>();
  return {
    names: [...entries.keys()],
    get(name: string): Uint8Array | undefined {
      const done = inflated.get(name);
      if (done) return done;
      const e = entries.get(name);
      if (!e) return undefined;
      if (e.local + 30 > bytes.length || u32(e.local) !== LOCAL) throw new ZipError(`damaged zip entry ${name}`);
      const start = e.local + 30 + u16(e.local + 26) + u16(e.local + 28);
      const data = bytes.subarray(start, start + e.size);
      let out: Uint8Array;
      if (e.method === 0) out = data;
      else if (e.method === 8) out = inflateRaw(data);
      else throw new ZipError(`zip entry ${name} uses an unsupported compression (${e.method})`);
      inflated.set(name, out);
      return out;
    },
  };
}
