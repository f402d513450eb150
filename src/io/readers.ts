/**
 * Every reader the command line knows, and the expansion of the user's paths into reports: folders are walked
 * recursively in sorted order, each file goes to the first reader that accepts it (by extension, then by its first
 * bytes), and a reader may return several reports from one file (two years side by side).
 *
 * A file the user named explicitly must be readable (otherwise an InputError: exit 2). A file found inside a folder
 * that no reader accepts is skipped silently; one a reader accepts but cannot read is reported as unreadable and the
 * batch goes on.
 */
import * as fs from 'fs';
import * as path from 'path';
import { jsonReader } from './json-reader';
import { InputError, type ReportInput, type ReportReader } from './report-input';
import { reportTextReaders } from './text/readers';
import { xlsxNodeReader as xlsxReader } from './xlsx/node-reader';

export const READERS: ReportReader[] = [jsonReader, xlsxReader, ...reportTextReaders];

const HEAD_BYTES = 512;

/** Larger files are refused before reading: a year's report, even a folder's worth in one workbook, is far smaller. */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
/**
 * Plain text and HTML hold only the report's words (a real one is under 200 KB), and reading them costs far more
 * per byte than a workbook: 48 MB of text took 50 s and 1 GB of memory before this cap.
 */
export const MAX_TEXT_FILE_BYTES = 5 * 1024 * 1024;
const TEXT_READERS = new Set(['report-text', 'report-html']);

export interface Unreadable {
  file: string;
  message: string;
}

export interface ReadOutcome {
  inputs: ReportInput[];
  /** Files found in folders that a reader claimed but could not read. */
  unreadable: Unreadable[];
}

export interface ReadOptions {
  cwd?: string;
  readers?: ReportReader[];
  /** Called before each file is read, with the files planned in all (for a progress bar). */
  onFile?: (index: number, total: number, file: string) => void;
  /** Files larger than this are reported unreadable without being read (default DEFAULT_MAX_FILE_BYTES). */
  maxFileBytes?: number;
}

function walk(dir: string, out: string[]) {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new InputError(`cannot list the folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`, dir);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue; // hidden files, Office lock files
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (e.isFile()) out.push(full);
  }
}

function readHead(file: string): Uint8Array {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
    return new Uint8Array(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
}

function describe(e: unknown): string {
  if (e instanceof InputError) return e.message;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return e instanceof Error ? e.message : String(e);
}

/** The paths as the user wrote them, relative to cwd, for messages. */
function shown(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

export async function readInputsDetailed(paths: string[], options: ReadOptions = {}): Promise<ReadOutcome> {
  const readers = options.readers ?? READERS;
  const planned = planFiles(paths, options.cwd);
  const inputs: ReportInput[] = [];
  const unreadable: Unreadable[] = [];
  for (let i = 0; i < planned.length; i++) {
    options.onFile?.(i, planned.length, planned[i].name);
    const out = await readPlannedFile(planned[i], readers, options.maxFileBytes);
    if ('inputs' in out) inputs.push(...out.inputs);
    else if (out.unreadable) unreadable.push(out.unreadable);
  }
  return { inputs, unreadable };
}

/** A file to read: its full path, its name as shown to the user, and whether the user named it. */
interface PlannedFile {
  file: string;
  name: string;
  explicit: boolean;
}

/** The user's paths expanded into files (folders walked in sorted order); a path that does not exist is an InputError. */
function planFiles(paths: string[], cwd: string = process.cwd()): PlannedFile[] {
  const planned: PlannedFile[] = [];
  for (const p of paths) {
    const full = path.resolve(cwd, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (e) {
      throw new InputError(describe(e), p);
    }
    if (stat.isDirectory()) {
      const files: string[] = [];
      walk(full, files);
      for (const f of files) planned.push({ file: f, name: shown(f, cwd), explicit: false });
    } else planned.push({ file: full, name: shown(full, cwd), explicit: true });
  }
  return planned;
}

/**
 * Reads one planned file: its reports, or why it is unreadable, or nothing (a file in a folder that no reader
 * claims). A file the user named that cannot be read throws an InputError instead.
 */
async function readPlannedFile(
  { file, name, explicit }: PlannedFile,
  readers: ReportReader[] = READERS,
  maxFileBytes: number = DEFAULT_MAX_FILE_BYTES,
): Promise<{ inputs: ReportInput[] } | { unreadable?: Unreadable }> {
  let head: Uint8Array;
  try {
    head = readHead(file);
  } catch (e) {
    if (explicit) throw new InputError(describe(e), name);
    return { unreadable: { file: name, message: describe(e) } };
  }
  const reader = readers.find((r) => r.accepts(file, head));
  if (!reader) {
    if (explicit) {
      throw new InputError('not a file this tool can read (use .json, .xlsx, .txt, .html or .docx)', name);
    }
    return {};
  }
  try {
    const size = fs.statSync(file).size;
    const max = Math.min(maxFileBytes, TEXT_READERS.has(reader.name) ? MAX_TEXT_FILE_BYTES : Infinity);
    if (size > max) {
      throw new InputError(`文件太大（${mb(size)} MB），超过 ${mb(max)} MB 上限，不像年度报告或统计表`, name);
    }
    const bytes = new Uint8Array(fs.readFileSync(file));
    const found = await reader.read(name, bytes);
    if (!found.length) throw new InputError('holds no report', name);
    return { inputs: found };
  } catch (e) {
    // A reader's own message may already start with the file name.
    const message = describe(e).replace(new RegExp(`^${escapeRegExp(name)}:\\s*`), '');
    if (explicit) throw new InputError(message, name);
    return { unreadable: { file: name, message } };
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
  if (out.unreadable.length) throw new InputError(out.unreadable[0].message, out.unreadable[0].file);
  return out.inputs;
}
