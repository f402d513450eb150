/**
 * Every reader the command line knows, and the expansion of the user's paths into reports: folders are walked
 * recursively in sorted order, each file goes to the first reader that accepts it (by extension, then by its first
 * bytes), and a reader may return several reports from one file (two years side by side).
 *
 * A file the user named explicitly must be readable (otherwise an InputError: exit 2). A file found inside a folder
 * that no reader accepts is skipped silently; one a reader accepts but cannot read is reported as unreadable and the
 * batch goes on. Symbolic links are followed, each folder once (a link back up the tree is no loop); a link to
 * nothing, a pipe, a device or a socket is listed as skipped, never opened. File names that are not UTF-8 (GBK
 * names copied from Windows) are read through their bytes and shown decoded.
 */
import * as fs from 'fs';
import * as path from 'path';
import { jsonReader } from './json-reader';
import { inBothLanguages } from '../model/messages';
import { InputError, type ReportInput, type ReportReader } from './report-input';
import { reportTextReaders } from './text/readers';
import { xlsxNodeReader as xlsxReader } from './xlsx/node-reader';

const READERS: ReportReader[] = [jsonReader, xlsxReader, ...reportTextReaders];

const HEAD_BYTES = 512;

/** Larger files are refused before reading: a year's report, even a folder's worth in one workbook, is far smaller. */
const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
/**
 * Plain text and HTML hold only the report's words (a real one is under 200 KB), and reading them costs far more
 * per byte than a workbook: 48 MB of text took 50 s and 1 GB of memory before this cap.
 */
const MAX_TEXT_FILE_BYTES = 5 * 1024 * 1024;
const TEXT_READERS = new Set(['report-text', 'report-html']);

export interface Unreadable {
  file: string;
  /** Why, in Chinese; `en` in English. */
  message: string;
  en?: string;
}

interface ReadOutcome {
  inputs: ReportInput[];
  /** Files found in folders that a reader claimed but could not read. */
  unreadable: Unreadable[];
}

interface ReadOptions {
  cwd?: string;
  readers?: ReportReader[];
  /** Called before each file is read, with the files planned in all (for a progress bar). */
  onFile?: (index: number, total: number, file: string) => void;
  /** Files larger than this are reported unreadable without being read (default DEFAULT_MAX_FILE_BYTES). */
  maxFileBytes?: number;
}

/** A path as the file system takes it: text when the name is UTF-8, else its bytes. */
type FsPath = string | Buffer;

/** A file to read: its path, its name as shown to the user, whether the user named it, why it is skipped if so. */
export interface PlannedFile {
  file: FsPath;
  name: string;
  explicit: boolean;
  skipped?: Unreadable;
}

const gb18030 = new TextDecoder('gb18030');

/** A name's bytes as text: UTF-8 when they are, else GB18030 (Windows' Chinese file names). */
function nameText(bytes: Buffer): string {
  const utf8 = bytes.toString('utf8');
  return Buffer.from(utf8, 'utf8').equals(bytes) ? utf8 : gb18030.decode(bytes);
}

/** The path for the file system: text when that names the same bytes, else the bytes. */
function fsPath(bytes: Buffer): FsPath {
  const utf8 = bytes.toString('utf8');
  return Buffer.from(utf8, 'utf8').equals(bytes) ? utf8 : bytes;
}

function bilingual(zh: string, en: string, file: string): InputError {
  return new InputError(zh, file, en);
}

const NOT_REGULAR = inBothLanguages('read.notRegular');
const DANGLING = inBothLanguages('read.dangling');

function walk(dir: Buffer, shownDir: string, out: PlannedFile[], seen: Set<string>) {
  let entries: fs.Dirent<Buffer>[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw InputError.of('read.cannotList', { code }, shownDir);
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const e of entries) {
    const text = nameText(e.name);
    if (text.startsWith('.') || text.startsWith('~$')) continue; // hidden files, Office lock files
    const full = Buffer.concat([dir, Buffer.from(path.sep), e.name]);
    const name = path.join(shownDir, text);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const st = fs.statSync(full, { throwIfNoEntry: false });
      if (!st) {
        out.push({
          file: fsPath(full),
          name,
          explicit: false,
          skipped: { file: name, message: DANGLING[0], en: DANGLING[1] },
        });
        continue;
      }
      isDir = st.isDirectory();
      isFile = st.isFile();
    }
    if (isDir) {
      const st = fs.statSync(full);
      const id = `${st.dev}:${st.ino}`;
      // A folder reached twice (a link to a parent, two links to one folder) is read once.
      if (seen.has(id)) continue;
      seen.add(id);
      walk(full, name, out, seen);
    } else if (isFile) out.push({ file: fsPath(full), name, explicit: false });
    else
      out.push({
        file: fsPath(full),
        name,
        explicit: false,
        skipped: { file: name, message: NOT_REGULAR[0], en: NOT_REGULAR[1] },
      });
  }
}

function describe(e: unknown): [string, string] {
  if (e instanceof InputError) return [e.message, e.en ?? e.message];
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return inBothLanguages('read.noSuchFile');
  if (code === 'EACCES' || code === 'EPERM') return inBothLanguages('read.permission');
  if (code === 'EISDIR') return inBothLanguages('read.isFolder');
  if (code === 'ELOOP') return inBothLanguages('read.linkLoop');
  return inBothLanguages('read.other', { message: e instanceof Error ? e.message : String(e) });
}

/** The paths as the user wrote them, relative to cwd, for messages. */
function shown(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** What one planned file gave: its reports, or why it is unreadable, or nothing (no reader claims it). */
type FileOutcome = { inputs: ReportInput[] } | { unreadable?: Unreadable };

/**
 * The reports of the user's paths, one file at a time, so a folder of thousands is never held whole: each file's
 * reports (or why it is unreadable) are handed on before the next file is read.
 */
async function* readEach(paths: string[], options: ReadOptions = {}): AsyncGenerator<FileOutcome> {
  const readers = options.readers ?? READERS;
  const planned = planFiles(paths, options.cwd);
  for (let i = 0; i < planned.length; i++) {
    options.onFile?.(i, planned.length, planned[i].name);
    yield await readPlannedFile(planned[i], readers, options.maxFileBytes);
  }
}

export async function readInputsDetailed(paths: string[], options: ReadOptions = {}): Promise<ReadOutcome> {
  const inputs: ReportInput[] = [];
  const unreadable: Unreadable[] = [];
  for await (const out of readEach(paths, options)) {
    // One by one: a JSON file of 100,000 reports spread into push() would overflow the call stack.
    if ('inputs' in out) for (const input of out.inputs) inputs.push(input);
    else if (out.unreadable) unreadable.push(out.unreadable);
  }
  return { inputs, unreadable };
}

/** The user's paths expanded into files (folders walked in sorted order); a path that does not exist is an InputError. */
export function planFiles(paths: string[], cwd: string = process.cwd()): PlannedFile[] {
  const planned: PlannedFile[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    const full = path.resolve(cwd, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (e) {
      const [zh, en] = describe(e);
      throw bilingual(zh, en, p);
    }
    if (stat.isDirectory()) {
      seen.add(`${stat.dev}:${stat.ino}`);
      walk(Buffer.from(full), shown(full, cwd), planned, seen);
    } else planned.push({ file: full, name: shown(full, cwd), explicit: true });
  }
  return planned;
}

/**
 * An open regular file: its first bytes, then the rest on demand, never more than the cap whatever its size says
 * (`/dev/zero` says 0), read sequentially (a pipe cannot seek). Only regular files are opened: a FIFO would block
 * the open itself.
 */
class OpenFile {
  readonly head: Uint8Array;
  readonly size: number;
  private readonly fd: number;
  private closed = false;

  constructor(file: FsPath) {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new InputError(NOT_REGULAR[0], undefined, NOT_REGULAR[1]);
    this.size = st.size;
    this.fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      this.head = this.read(HEAD_BYTES);
    } catch (e) {
      this.close();
      throw e;
    }
  }

  /** Up to `n` more bytes (fewer at the end of the file). Only the bytes read are handed on, so no zero-fill. */
  private read(n: number): Uint8Array {
    const buf = Buffer.allocUnsafe(n);
    let got = 0;
    for (let k = 1; k > 0 && got < n; got += k) k = fs.readSync(this.fd, buf, got, n - got, null);
    return new Uint8Array(buf.buffer, buf.byteOffset, got);
  }

  /** The whole file (head included); too large past `max` bytes. Closes the file. */
  all(max: number): Uint8Array {
    try {
      const parts: Uint8Array[] = [this.head];
      let total = this.head.length;
      // Chunks sized by what stat says is left (a report is a few KB: one chunk, then an empty read), but never
      // trusted: a file that grows, or a device whose stat says 0, is read on up to the cap.
      const next = () => Math.min(1 << 20, max + 1 - total, Math.max(this.size - total + 1, 1 << 16));
      for (let part = this.read(next()); part.length; part = this.read(next())) {
        parts.push(part);
        total += part.length;
        if (total > max) throw tooLarge(Math.max(total, this.size), max);
      }
      return new Uint8Array(Buffer.concat(parts, total));
    } finally {
      this.close();
    }
  }

  close(): void {
    if (!this.closed) fs.closeSync(this.fd);
    this.closed = true;
  }
}

function tooLarge(size: number, max: number): InputError {
  return InputError.of('read.tooLarge', { size: mb(size), max: mb(max) });
}

/**
 * Reads one planned file: its reports, or why it is unreadable, or nothing (a file in a folder that no reader
 * claims). A file the user named that cannot be read throws an InputError instead.
 */
export async function readPlannedFile(
  { file, name, explicit, skipped }: PlannedFile,
  readers: ReportReader[] = READERS,
  maxFileBytes: number = DEFAULT_MAX_FILE_BYTES,
): Promise<FileOutcome> {
  const fail = (e: unknown): FileOutcome => {
    const [zh, en] = describe(e);
    // A reader's own message may already start with the file name.
    const strip = (m: string) => m.replace(new RegExp(`^${escapeRegExp(name)}:\\s*`), '');
    if (explicit) throw bilingual(strip(zh), strip(en), name);
    return { unreadable: { file: name, message: strip(zh), en: strip(en) } };
  };
  if (skipped) return { unreadable: skipped };
  let open: OpenFile;
  try {
    open = new OpenFile(file);
  } catch (e) {
    return fail(e);
  }
  const reader = readers.find((r) => r.accepts(typeof file === 'string' ? file : name, open.head));
  if (!reader) {
    open.close();
    if (explicit) {
      throw InputError.of('read.noReader', {}, name);
    }
    return {};
  }
  try {
    const max = Math.min(maxFileBytes, TEXT_READERS.has(reader.name) ? MAX_TEXT_FILE_BYTES : Infinity);
    if (open.size > max) {
      open.close();
      throw tooLarge(open.size, max);
    }
    const found = await reader.read(name, open.all(max));
    if (!found.length) throw InputError.of('read.json.empty', {}, name);
    return { inputs: found };
  } catch (e) {
    return fail(e);
  }
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** All reports in the given files and folders; any unreadable file is an InputError. */
export async function readInputs(paths: string[], options: ReadOptions = {}): Promise<ReportInput[]> {
  const out = await readInputsDetailed(paths, options);
  const first = out.unreadable[0];
  if (first) throw new InputError(first.message, first.file, first.en);
  return out.inputs;
}
