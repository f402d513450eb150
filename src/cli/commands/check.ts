/**
 * `disclosure-tables check FILE_OR_FOLDER... [--previous FILE] [--json] [--lang zh|en]`: checks every report found
 * (JSON, .xlsx, report text, HTML, .docx) and says which cell is most likely wrong.
 *
 * Last year's report: `--previous` (any readable kind; when it holds several bodies, each report gets its own by
 * name and year), otherwise a report of the same body for the year before among the inputs themselves (a folder
 * holding two years, or a text with both years side by side).
 *
 * Exit status: 0 no finding with severity error, 1 some, 2 bad usage or unreadable input.
 */
import * as fs from 'fs';
import * as os from 'os';
import { checkReportInput } from '../../io/check-input';
import { formatMessage } from '../../model/messages';
import type { ReaderNote, ReportInput } from '../../io/report-input';
import { planFiles, readInputs, readPlannedFile, type PlannedFile, type Unreadable } from '../../io/readers';
import { terminalSafe } from '../terminal-safe';
import type { CliIO, Command } from '../command';
import { UsageError } from '../command';
import { langOption, parseArgs } from '../args';
import { runPartsCheck } from './parts';
import { reviewPath, writeReviewWorkbook } from './review';
import * as path from 'path';
import {
  countSeverity,
  jsonDocument,
  progressLine,
  renderReport,
  renderSummaryTable,
  type ReportEntry,
} from '../render';

/** What `JSON.stringify([[x]], null, 2)` puts around `x`. */
const JSON_OPEN = '[\n  [\n    ';
const JSON_CLOSE = '\n  ]\n]';

/** Files beyond this count get a progress bar on a terminal. */
const PROGRESS_THRESHOLD = 20;

/** Body names compare without spaces and bracket variants (`（` / `(`). */
export function orgKey(org: string): string {
  return org.normalize('NFKC').replace(/\s+/g, '');
}

/** `file#2024` and `file [Sheet]` come from one file: they pair even without a body name. */
function sourceFile(file: string): string {
  return file.replace(/#[^#]*$/, '').replace(/ \[[^\]]*\]$/, '');
}

/** What pairing a report with last year's needs of it. */
interface PairKey {
  file: string;
  year?: number;
  org?: string;
}

/**
 * The previous year's report for each input, or undefined. Candidates of the same body (by name, else from the
 * same file) whose year is one less; a single explicit previous report applies to every input. Reports without a
 * body name in different files (`2024.txt`, `2025.txt`) pair by year alone when the inputs hold one report of the
 * year and the candidates one of the year before: nothing else could be meant. `yearAlone: false` while the inputs
 * are not all known yet (one report alone is always "the only one of its year").
 */
function pairPrevious<T extends PairKey>(
  inputs: T[],
  previous: T[] | null,
  { yearAlone = true }: { yearAlone?: boolean } = {},
): (T | undefined)[] {
  if (previous && previous.length === 1)
    return inputs.map((input) => (previous[0] === input ? undefined : previous[0]));
  // The candidates by year and body, and by year and source file: a folder of thousands pairs in one pass.
  const pool = previous ?? inputs;
  const byOrg = new Map<string, T[]>();
  const bySource = new Map<string, T[]>();
  const add = (map: Map<string, T[]>, key: string, p: T) => {
    const list = map.get(key);
    if (list) list.push(p);
    else map.set(key, [p]);
  };
  const byYear = new Map<number, T[]>();
  const inputsOfYear = new Map<number, number>();
  for (const p of pool) {
    if (p.year === undefined) continue;
    if (p.org) add(byOrg, `${p.year}\u0000${orgKey(p.org)}`, p);
    add(bySource, `${p.year}\u0000${sourceFile(p.file)}`, p);
    (byYear.get(p.year) ?? byYear.set(p.year, []).get(p.year)!).push(p);
  }
  for (const i of inputs) if (i.year !== undefined) inputsOfYear.set(i.year, (inputsOfYear.get(i.year) ?? 0) + 1);
  const sameBody = (a: PairKey, b: PairKey) => !a.org || !b.org || orgKey(a.org) === orgKey(b.org);
  return inputs.map((input) => {
    if (input.year === undefined) return undefined;
    const year = input.year - 1;
    const sameOrg = input.org ? (byOrg.get(`${year}\u0000${orgKey(input.org)}`) ?? []) : [];
    if (sameOrg.length === 1) return sameOrg[0];
    const sameSource = bySource.get(`${year}\u0000${sourceFile(input.file)}`) ?? [];
    const only = sameSource.length === 1 ? sameSource[0] : undefined;
    if (only && sameBody(only, input)) return only;
    if (sameOrg.length || !yearAlone || inputsOfYear.get(input.year) !== 1) return undefined;
    const ofYear = byYear.get(year) ?? [];
    return ofYear.length === 1 && sameBody(ofYear[0], input) ? ofYear[0] : undefined;
  });
}

/** A report checked and written out (to the spool), with what pairing and the summary need of it. */
interface Done extends PairKey {
  /** Where its reports come from: the planned file and its place among that file's reports. */
  at: number;
  index: number;
  spool: Parked;
  summary: ReportEntry;
}

/** Where a rendered report is: in memory, or its bytes in the spool's file. */
type Parked = { text: string } | { offset: number; length: number };

/**
 * Rendered reports kept while the folder is read, so memory stays flat in the number of files: the first
 * `MEMORY_BYTES` of text stay in memory (a folder of a few hundred reports never touches the disk: creating,
 * writing, reading and removing a temporary file cost a fifth of checking a small folder), the rest is parked on
 * disk. Only a few numbers per report stay in memory besides (for pairing with last year's and the summary table).
 */
class Spool {
  static readonly MEMORY_BYTES = 16 * 1024 * 1024;
  private file: { dir: string; fd: number } | null = null;
  private size = 0;
  private inMemory = 0;

  write(text: string): Parked {
    // UTF-16 code units: an upper bound of what the text holds in memory, without encoding it.
    if (this.inMemory + text.length * 2 <= Spool.MEMORY_BYTES) {
      this.inMemory += text.length * 2;
      return { text };
    }
    if (!this.file) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disclosure-tables-'));
      this.file = { dir, fd: fs.openSync(path.join(dir, 'reports'), 'w+') };
    }
    const bytes = Buffer.from(text, 'utf8');
    fs.writeSync(this.file.fd, bytes, 0, bytes.length, this.size);
    const at = { offset: this.size, length: bytes.length };
    this.size += bytes.length;
    return at;
  }

  /** The text of a parked report. */
  read(parked: Parked): string {
    if ('text' in parked) return parked.text;
    const buf = Buffer.alloc(parked.length);
    fs.readSync(this.file!.fd, buf, 0, parked.length, parked.offset);
    return buf.toString('utf8');
  }

  /** A report rendered again (with last year's) replaces this one: its share of the memory is free again. */
  release(parked: Parked): void {
    if ('text' in parked) this.inMemory -= parked.text.length * 2;
  }

  close(): void {
    if (!this.file) return;
    fs.closeSync(this.file.fd);
    fs.rmSync(this.file.dir, { recursive: true, force: true });
  }
}

/** The entry as the summary table needs it: counts only, no findings text, no cells; names terminal-safe. */
function summaryOf(e: ReportEntry): ReportEntry {
  const result = {
    format: e.result.format,
    cells: {},
    findings: e.result.findings.map((f) => ({ severity: f.severity })),
    unfilled: new Array(e.result.unfilled.length),
    summary: [],
  } as unknown as ReportEntry['result'];
  return {
    file: terminalSafe(e.file),
    format: e.format,
    ...(e.year !== undefined ? { year: e.year } : {}),
    ...(e.org ? { org: terminalSafe(e.org) } : {}),
    result,
  };
}

/**
 * The entry as a terminal shows it: every text that came from a file (its name, the body, the previous report's
 * name, unrecognised lines, unread lines, finding parameters quoting a cell) with control characters escaped.
 */
function terminalEntry(e: ReportEntry): ReportEntry {
  return {
    ...e,
    file: terminalSafe(e.file),
    ...(e.org ? { org: terminalSafe(e.org) } : {}),
    ...(e.previous ? { previous: terminalSafe(e.previous) } : {}),
    ...(e.unrecognised ? { unrecognised: e.unrecognised.map(terminalSafe) } : {}),
    ...(e.unread ? { unread: e.unread.map(safeStrings) } : {}),
    ...(e.notes ? { notes: e.notes.map(safeNote) } : {}),
    result: { ...e.result, findings: e.result.findings.map((f) => ({ ...f, params: safeStrings(f.params) })) },
  };
}

/** A reader's note with the texts it quotes from the file (a stray text, a label) terminal-safe. */
function safeNote(n: ReaderNote): ReaderNote {
  const params = Object.fromEntries(
    Object.entries(n.params).map(([k, v]) => [
      k,
      typeof v === 'string' ? terminalSafe(v) : Array.isArray(v) ? v.map((x) => terminalSafe(String(x))) : v,
    ]),
  );
  return { ...n, params } as ReaderNote;
}

/** An object's text fields terminal-safe (a finding's params quote cells; an unread cell quotes its line). */
function safeStrings<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? terminalSafe(v) : v])) as T;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'check.summary',
  usage: 'check.usage',
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseArgs(args, ['previous', 'lang', 'parts', 'expect', 'review'], ['json', 'explain', 'replace']);
    const lang = langOption(p.values.get('lang'));
    if (!p.positional.length) throw new UsageError('check.noInput');
    const json = p.flags.has('json');
    const parts = p.values.get('parts');
    if (p.values.has('expect') && !parts) throw new UsageError('check.expectWithoutParts');
    if (parts) return runPartsCheck(p.positional, parts, { lang, json, expect: p.values.get('expect') }, io);
    const reviewArg = p.values.get('review');
    const review = reviewArg ? reviewPath(reviewArg, p.positional, p.flags.has('replace'), io.cwd) : null;

    let progressShown = false;
    const onFile = (i: number, total: number, file: string) => {
      if (!io.isTTY || total <= PROGRESS_THRESHOLD) return;
      io.stderr(progressLine(i, total, terminalSafe(file), lang));
      progressShown = true;
    };
    const prevPath = p.values.get('previous');
    const previous = prevPath ? await readInputs([prevPath], { cwd: io.cwd }) : null;
    const planned = planFiles(p.positional, io.cwd);
    const o = { lang, colour: io.isTTY, explain: p.flags.has('explain') };

    const entryOf = (input: ReportInput, prev: ReportInput | undefined): ReportEntry => ({
      file: input.file,
      format: input.format,
      ...(input.year !== undefined ? { year: input.year } : {}),
      ...(input.org ? { org: input.org } : {}),
      ...(prev ? { previous: prev.file } : {}),
      result: checkReportInput(input, {
        ...(prev ? { previous: prev.cells, previousFormat: prev.format } : {}),
        ...(prev?.prose && input.prose ? { prose: input.prose, previousProse: prev.prose } : {}),
      }),
      ...(input.cellAddress ? { cellAddress: input.cellAddress } : {}),
      ...(input.unrecognised?.length ? { unrecognised: input.unrecognised } : {}),
      ...(input.unread?.length ? { unread: input.unread } : {}),
      ...(input.notes?.length ? { notes: input.notes } : {}),
    });
    // A report of the JSON document stands two levels deep (`{ "reports": [ … ] }`): stringified two arrays deep,
    // its lines come indented as there, without a pass over the text to indent them.
    const render = (e: ReportEntry) =>
      json
        ? JSON.stringify([[(jsonDocument([e], [], lang) as { reports: unknown[] }).reports[0]]], null, 2).slice(
            JSON_OPEN.length,
            -JSON_CLOSE.length,
          )
        : renderReport(terminalEntry(e), o);

    // Read and check one file at a time; what is checked is parked in the spool, not kept.
    const spool = new Spool();
    try {
      const done: Done[] = [];
      const unreadable: Unreadable[] = [];
      // The review workbook lists every report with its findings: written, it needs them all (and holds them all).
      const forReview: ReportEntry[] | null = review ? [] : null;
      const firstPrev: (ReportInput | undefined)[] = [];
      for (let at = 0; at < planned.length; at++) {
        onFile(at, planned.length, planned[at].name);
        const out = await readPlannedFile(planned[at]);
        if (!('inputs' in out)) {
          if (out.unreadable) unreadable.push(out.unreadable);
          continue;
        }
        out.inputs.forEach((input, index) => {
          // With --previous, the pairing is known now; among the inputs, only once all are read.
          const prev = previous ? pairPrevious([input], previous, { yearAlone: false })[0] : undefined;
          firstPrev.push(prev);
          const entry = entryOf(input, prev);
          forReview?.push(entry);
          done.push({
            file: input.file,
            ...(input.year !== undefined ? { year: input.year } : {}),
            ...(input.org ? { org: input.org } : {}),
            at,
            index,
            spool: spool.write(render(entry)),
            summary: summaryOf(entry),
          });
        });
      }
      if (progressShown) io.stderr(progressLine(1, 1, '', lang).replace(/\[.*$/, '') + '\r\x1b[2K');

      // Reports paired with another year's among the inputs are checked again with it, their files read again.
      // With --previous, a report paired by year alone is known only now (see pairPrevious): checked again too.
      const pairs: (Done | ReportInput | undefined)[] = previous
        ? pairPrevious<PairKey>(done, previous).map((p, i) => (p === firstPrev[i] ? undefined : (p as ReportInput)))
        : pairPrevious(done, null);
      const reread = new FileCache(planned);
      for (let i = 0; i < done.length; i++) {
        const prev = pairs[i];
        if (!prev) continue;
        const input = (await reread.inputs(done[i].at))[done[i].index];
        const prevInput = 'spool' in prev ? (await reread.inputs(prev.at))[prev.index] : prev;
        const entry = entryOf(input, prevInput);
        spool.release(done[i].spool);
        done[i].spool = spool.write(render(entry));
        done[i].summary = summaryOf(entry);
        if (forReview) forReview[i] = entry;
      }

      if (review && forReview) {
        if (done.some((d) => path.resolve(io.cwd, sourceFile(d.file)) === review))
          throw new UsageError('review.isInput', { file: reviewArg! });
        await writeReviewWorkbook(review, forReview, unreadable, lang);
        io.stderr(formatMessage('review.written', lang, { file: reviewArg! }) + '\n');
      }
      for (const u of unreadable) {
        const message = lang === 'en' && u.en ? u.en : u.message;
        io.stderr(terminalSafe(formatMessage('cli.unreadable', lang, { file: u.file, message })) + '\n');
      }
      if (json) {
        io.stdout('{\n  "reports": [');
        for (let i = 0; i < done.length; i++) {
          io.stdout(`${i ? ',' : ''}\n    ${spool.read(done[i].spool)}`);
          await io.drain?.();
        }
        io.stdout(done.length ? '\n  ]' : ']');
        if (unreadable.length) {
          const list = unreadable.map((u) => ({ file: u.file, message: lang === 'en' && u.en ? u.en : u.message }));
          io.stdout(`,\n  "unreadable": ${JSON.stringify(list, null, 2).replace(/\n/g, '\n  ')}`);
        }
        io.stdout('\n}\n');
      } else {
        for (let i = 0; i < done.length; i++) {
          io.stdout((i ? '\n' : '') + spool.read(done[i].spool));
          await io.drain?.();
        }
        if (done.length > 1)
          io.stdout(
            '\n' +
              renderSummaryTable(
                done.map((d) => d.summary),
                o,
              ),
          );
      }
      if (unreadable.length || !done.length) {
        if (!done.length && !unreadable.length)
          io.stderr(`disclosure-tables check: ${formatMessage('check.noReport', lang)}\n`);
        return 2;
      }
      return done.some((d) => countSeverity(d.summary.result, 'error') > 0) ? 1 : 0;
    } finally {
      spool.close();
    }
  },
};

/** The reports of planned files read again, the last few kept (last year's report is usually close by). */
class FileCache {
  private readonly kept = new Map<number, ReportInput[]>();

  constructor(private readonly planned: PlannedFile[]) {}

  async inputs(at: number): Promise<ReportInput[]> {
    let got = this.kept.get(at);
    if (!got) {
      const out = await readPlannedFile(this.planned[at]);
      got = 'inputs' in out ? out.inputs : [];
      if (this.kept.size >= 4) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(at, got);
    }
    return got;
  }
}
