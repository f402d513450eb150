/**
 * Reads the three tables from the token streams of their regions. Each run of numbers is tied to the label text
 * before it; labels that match a row of the format strongly are anchors, the standard row order places the runs
 * between anchors when their count leaves no choice, and the arithmetic places values whose columns were lost.
 * Whatever cannot be placed without guessing is left unfilled (cells) or unrecognised (text).
 */
import type { CellId, ReportFormat, TableId } from '../../model/types';
import type { PreparedReader } from '../prepared';
import type { ReaderNote, UnreadCell, UnreadReason, UnreadTried } from '../report-input';
import { labelKeys, labelScore } from './match';
import { placements, propagate, type Known, type Relation } from './solve';
import { noteless, plainNumber, SPANNED, type Token } from './tokens';

/** A row of the format as the text reader looks for it: its label keys and its cells. */
export interface ExpectedRow {
  table: TableId;
  key: string;
  keys: string[];
  cells: CellId[];
}

type ValueToken = Exclude<Token, { kind: 'text' }>;

interface Run {
  labels: string[];
  values: ValueToken[];
  /** Index of the token after the run's last value. */
  end: number;
}

interface TableReading {
  cells: Record<CellId, number | string>;
  /** Cells whose place or value came from the arithmetic rather than from a number in its column. */
  inferred: CellId[];
  unrecognised: string[];
  /** How rows were read (a row placed by its order): said to the user. Unread cells carry their own why. */
  notes: ReaderNote[];
  /** Cells the report leaves blank (an empty cell or a placeholder in the cell's place). */
  blanks: CellId[];
  /** Every other cell of the format that was not read, with why. */
  unread: UnreadCell[];
}

/** A label must be at least this close to a row label to anchor its run. */
const ANCHOR = 0.7;
/** ... and this much closer than the second best row. */
const MARGIN = 0.08;
/** How many text tokens before a run are tried as its label (nearest first). */
const LABEL_WINDOW = 4;

/** The rows of a format with their label keys (built once per format, as `prepareReader(id).textRows`). */
export function expectedRowsOf(format: ReportFormat): ExpectedRow[] {
  const rows: ExpectedRow[] = [];
  for (const t of format.tables) {
    if (t.id === 'T4') {
      rows.push({ table: 'T4', key: 'T4', keys: [], cells: t.cells.map((c) => c.id) });
      continue;
    }
    const byRow = new Map<string, ExpectedRow>();
    for (const c of t.cells) {
      let r = byRow.get(c.rowKey);
      if (!r) {
        // The row's own label cell (`3.其他`) as well as the full name (`（六）其他处理3.其他`).
        const own = t.labels.filter((l) => l.role === 'rowLabel' && l.rows === 1 && l.row === c.row);
        const keys = new Set([c.rowLabel, ...own.map((l) => l.text)].flatMap(labelKeys));
        r = { table: t.id, key: c.rowKey, keys: [...keys], cells: [] };
        byRow.set(c.rowKey, r);
        rows.push(r);
      }
      r.cells.push(c.id);
    }
  }
  return rows;
}

/**
 * The runs of figures, and apart from them the runs of empty cells only (`blank`): those carry no figure, so they
 * never take part in placing rows by order, but a row whose own label stands over exactly its number of empty
 * cells is a row the report left blank.
 */
function runsOf(tokens: readonly Token[], blank: Run[] = []): Run[] {
  const runs: Run[] = [];
  let labels: string[] = [];
  let values: ValueToken[] = [];
  const close = (end: number) => {
    if (values.some((v) => v.kind === 'value' || v.raw !== '')) {
      runs.push({ labels, values, end });
      labels = [];
    } else if (values.length && lastText && lastText.line !== undefined && lastText.line === values[0].line) {
      // Only the label on the empty cells' own line names their row.
      blank.push({ labels: [lastText.text], values, end });
    }
    values = [];
  };
  let lastText: Extract<Token, { kind: 'text' }> | undefined;
  tokens.forEach((t, i) => {
    if (t.kind === 'text') {
      if (values.length) close(i);
      lastText = t;
      labels.push(t.text);
    } else values.push(t);
  });
  if (values.length) close(tokens.length);
  return runs;
}

/** The row a run's label names, nearest label text first; -1 when none is clear. */
/** `1.`, `（三）`, `二、`: the start of a row label. Text before it belongs to an earlier row. */
const ROW_START = /^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])/;

function anchorOf(run: Run, rows: readonly ExpectedRow[]): number {
  const window = run.labels.slice(-LABEL_WINDOW);
  let start = 0;
  for (let i = window.length - 1; i >= 0; i--)
    if (ROW_START.test(window[i])) {
      start = i;
      break;
    }
  const texts = window.slice(start);
  const candidates: string[] = [];
  for (let end = texts.length; end > 0; end--) {
    candidates.push(texts[end - 1]);
    if (end >= 2) candidates.push(texts[end - 2] + texts[end - 1]);
  }
  for (const cand of candidates) {
    if ([...cand].length > 160) continue;
    const keys = labelKeys(cand);
    let best = -1;
    let bestScore = 0;
    let second = 0;
    rows.forEach((r, i) => {
      const s = labelScore(keys, r.keys);
      if (s > bestScore) {
        second = bestScore;
        bestScore = s;
        best = i;
      } else if (s > second) second = s;
    });
    if (bestScore >= ANCHOR && bestScore - second >= MARGIN) return best;
  }
  return -1;
}

/** Indexes of the longest strictly increasing subsequence of anchors (ignoring -1). */
function increasingAnchors(anchors: readonly number[]): Set<number> {
  const idx = anchors.map((a, i) => [a, i] as const).filter(([a]) => a >= 0);
  const len = idx.map(() => 1);
  const prev = idx.map(() => -1);
  for (let i = 0; i < idx.length; i++)
    for (let j = 0; j < i; j++)
      if (idx[j][0] < idx[i][0] && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
  let best = -1;
  for (let i = 0; i < idx.length; i++) if (best < 0 || len[i] > len[best]) best = i;
  const keep = new Set<number>();
  for (let i = best; i >= 0; i = prev[i]) keep.add(idx[i][1]);
  return keep;
}

/** Drops padding blanks (merged cells copied as empty cells): trailing first, then leading. */
function trimToWidth(values: ValueToken[], width: number): ValueToken[] {
  const v = [...values];
  while (v.length > width && v[v.length - 1].kind === 'blank' && v[v.length - 1].raw === '') v.pop();
  while (v.length > width && v[0].kind === 'blank' && v[0].raw === '') v.shift();
  return v;
}

/**
 * How many leading empty cells may be padding when a row has more cells than columns and empty cells at both
 * ends (a label merged over two columns, or an empty last cell?): each possible count, or [] when only one.
 */
/**
 * In a row-per-line layout, empty cells before the first figure that came on an earlier line (a header line's
 * trailing tabs) are not cells of this row.
 */
function ownLine(values: readonly ValueToken[]): readonly ValueToken[] {
  const first = values.findIndex((v) => !isPad(v));
  if (first <= 0) return values;
  const line = values[first].line;
  if (line === undefined || values.filter((v) => v.line === line).length < 2) return values;
  return values.filter((v, i) => i >= first || v.line === line);
}

/**
 * Drops the padding known as such (bars a page's converter added for cells a row lacks): all of it after the row's
 * last cell, which stands for no cell at all (a row with fewer cells than columns then has lost cells, and is read
 * only when the arithmetic places them), and before its first cell while the row has more cells than columns.
 */
function withoutSurePads(values: readonly ValueToken[], width: number): ValueToken[] {
  const v = [...values];
  const sure = (t: ValueToken | undefined) => t !== undefined && t.kind === 'blank' && t.pad === true;
  while (sure(v[v.length - 1])) v.pop();
  while (v.length > width && sure(v[0])) v.shift();
  return v;
}

function padShifts(values: readonly ValueToken[], width: number): number[] {
  const excess = values.length - width;
  if (excess <= 0) return [];
  let lead = 0;
  while (lead < values.length && isPad(values[lead])) lead++;
  let trail = 0;
  while (trail < values.length - lead && isPad(values[values.length - 1 - trail])) trail++;
  if (!lead || !trail) return [];
  const out: number[] = [];
  for (let k = Math.max(0, excess - trail); k <= Math.min(lead, excess); k++) out.push(k);
  return out;
}

function runText(run: Run): string {
  const label = run.labels.slice(-2).join(' ');
  const vals = run.values.map((v) => v.raw || '□').join(' ');
  return `${label} ${vals}`.trim();
}

/**
 * Label keys of each table's captions and column headers (`第二十条第（八）项`, `信息内容`): no row's. Built once
 * per format, as `prepareReader(id).textHeaders`.
 */
export function headerKeysOf(format: ReportFormat): Map<TableId, string[][]> {
  const byTable = new Map<TableId, string[][]>();
  for (const t of format.tables)
    byTable.set(
      t.id,
      t.labels.filter((l) => l.role !== 'rowLabel').map((l) => labelKeys(l.text)),
    );
  return byTable;
}

/**
 * Assigns runs to rows: anchors in increasing row order, then the runs between two anchors by order. Placing
 * by order stands in for a row label that drifted, so a run whose nearest label is a caption or column header
 * (or that has none) is not placed so: its figures may be a page number or a note, not a row.
 */
function assign(
  runs: readonly Run[],
  rows: readonly ExpectedRow[],
  headers: readonly string[][],
  unrecognised: string[],
  notes: ReaderNote[],
) {
  const anchors = runs.map((r) => anchorOf(r, rows));
  const rowLike = runs.map((r) => {
    const label = r.labels[r.labels.length - 1];
    if (label === undefined) return false;
    const keys = labelKeys(label);
    return !headers.some((h) => labelScore(keys, h) >= ANCHOR);
  });
  const keep = increasingAnchors(anchors);
  const result = new Map<number, Run>();
  let lastRow = -1;
  let pending: number[] = [];
  const flush = (nextRow: number) => {
    const slots: number[] = [];
    for (let r = lastRow + 1; r < nextRow; r++) slots.push(r);
    // A run whose label names another row (a doubled line, a row out of order) is never placed by order: it
    // would fill a neighbouring row with that row's numbers.
    for (const ri of pending.filter((ri) => anchors[ri] >= 0 || !rowLike[ri])) unrecognised.push(runText(runs[ri]));
    pending = pending.filter((ri) => anchors[ri] < 0 && rowLike[ri]);
    if (pending.length && pending.length === slots.length) {
      pending.forEach((ri, i) => {
        result.set(slots[i], runs[ri]);
        const row = rows[slots[i]];
        notes.push({
          kind: 'placedByOrder',
          params: {
            table: row.table,
            // Table 四 is read as one row: it is named by the table alone.
            ...(row.table !== 'T4' ? { cell: row.cells[0] } : {}),
            label: runs[ri].labels.slice(-1)[0] ?? '',
          },
        });
      });
    } else for (const ri of pending) unrecognised.push(runText(runs[ri]));
    pending = [];
  };
  runs.forEach((run, i) => {
    if (keep.has(i)) {
      flush(anchors[i]);
      result.set(anchors[i], run);
      lastRow = anchors[i];
    } else pending.push(i);
  });
  // After the last anchor only rows that are still expected can take runs; trailing extras are not data.
  if (pending.some((ri) => anchors[ri] >= 0)) flush(rows.length);
  if (pending.length) {
    const slots = rows.length - 1 - lastRow;
    if (pending.length > slots) {
      for (const ri of pending) unrecognised.push(runText(runs[ri]));
      pending = [];
    } else flush(rows.length);
  }
  return result;
}

interface Ambiguous {
  cells: CellId[];
  values: ValueToken[];
  /** The row as read, for the unread list. */
  text: string;
  /** Each reading of the row: the column of each value, or -1 for an empty cell taken as a merged label's. */
  options: number[][];
}

const isPad = (v: ValueToken) => v.kind === 'blank' && v.raw === '';

/**
 * Every reading of a row with lost cells. The empty cells right after its label are either empty cells of the
 * row or the columns of a label merged across them (`<td colspan="3">`): without the full count of cells, which
 * is which cannot be told, so every split is a reading.
 */
function readingsOf(values: readonly ValueToken[], width: number): number[][] | null {
  let lead = 0;
  while (lead < values.length && isPad(values[lead])) lead++;
  const out: number[][] = [];
  for (let p = 0; p <= lead; p++) {
    const cols = placements(width, values.length - p);
    if (!cols) return null;
    for (const c of cols) out.push([...Array<number>(p).fill(-1), ...c]);
  }
  return out;
}

/**
 * Lines of a run that hold one figure and nothing else but placeholders (`7`, `- 3 -`), in a run whose other
 * lines hold rows of several cells: a page number or other stray figure as likely as a cell of the row.
 */
function strayLines(values: readonly ValueToken[]): number[] {
  const byLine = new Map<number, ValueToken[]>();
  for (const v of values) if (v.line !== undefined) byLine.set(v.line, [...(byLine.get(v.line) ?? []), v]);
  if (![...byLine.values()].some((vs) => vs.length >= 2 && vs.filter((v) => !isPad(v)).length >= 2)) return [];
  return [...byLine]
    .filter(([, vs]) => vs.filter((v) => v.kind === 'value').length === 1 && vs.every((v) => v.raw !== ''))
    .map(([line]) => line);
}

/** The readings of a run with stray lines: with all of them, and without each one (and without all). */
function readingsWithout(values: readonly ValueToken[], width: number, stray: readonly number[]): number[][] | null {
  const out: number[][] = [];
  const drops = [[], ...stray.map((l) => [l]), ...(stray.length > 1 ? [stray] : [])];
  for (const drop of drops) {
    const kept = values.map((v, i) => [v, i] as const).filter(([v]) => v.line === undefined || !drop.includes(v.line));
    if (kept.length > width) continue;
    const readings = readingsOf(
      kept.map(([v]) => v),
      width,
    );
    if (!readings) return null;
    for (const r of readings) {
      const full = values.map(() => -1);
      kept.forEach(([, i], k) => (full[i] = r[k]));
      out.push(full);
    }
  }
  return out;
}

/**
 * Reads the tables of a format (`reader`: its rows, headers and relations as the text reader needs them) from the
 * token streams of their regions (`T4` gets the one run of numbers of its region: its labels are column headers).
 * `cut` names the table the text ends in, when it ends inside one: its last row may have been cut short, so the
 * empty cells after that row's label are not counted as columns.
 */
export function readTables(
  reader: PreparedReader,
  regions: Partial<Record<TableId, Token[]>>,
  cut?: TableId,
): TableReading {
  const { format, textRows: rows, textHeaders } = reader;
  const out: TableReading = { cells: {}, inferred: [], unrecognised: [], notes: [], blanks: [], unread: [] };
  const known: Known = new Map();
  const blanks = new Set<CellId>();
  const ambiguous: Ambiguous[] = [];
  const why = new Map<CellId, UnreadCell>();
  const unread = (ids: readonly CellId[], reason: UnreadReason, line?: string, tried?: UnreadTried) => {
    for (const cell of ids)
      if (!why.has(cell)) why.set(cell, { cell, reason, ...(line ? { line } : {}), ...(tried ? { tried } : {}) });
  };

  const place = (row: ExpectedRow, run: Run, mayBeCut: boolean) => {
    const width = row.cells.length;
    const text = runText(run);
    const all = withoutSurePads(ownLine(run.values), width);
    const shifts = padShifts(all, width);
    if (shifts.length > 1) {
      // Empty cells at both ends and more cells than columns: which end is padding decides every column.
      const options = shifts.map((k) => all.map((_, i) => (i >= k && i < k + width ? i - k : -1)));
      ambiguous.push({ cells: row.cells, values: all, options, text });
      return;
    }
    const values = trimToWidth(all, width);
    const stray = strayLines(values);
    if (stray.length) {
      const options = readingsWithout(values, width, stray);
      if (options && options.length) ambiguous.push({ cells: row.cells, values, options, text });
      else {
        unread(row.cells, 'stray', text, { what: 'lone', figures: values.length, columns: width });
      }
    } else if (values.length === width && !(mayBeCut && isPad(values[0]))) {
      values.forEach((v, i) => setCell(row.cells[i], v, text));
    } else if (values.length > width) {
      out.unrecognised.push(text);
      unread(row.cells, 'tooMany', text, { what: 'tooMany', figures: values.length, columns: width });
    } else {
      const options = readingsOf(values, width);
      if (options) ambiguous.push({ cells: row.cells, values, options, text });
      else {
        unread(row.cells, 'columns', text, { what: 'tooManyPlacements', figures: values.length, columns: width });
      }
    }
  };
  const setCell = (id: CellId, v: ValueToken, text: string) => {
    if (v.kind === 'blank' && v.raw === SPANNED) {
      unread([id], 'spanned', text);
      return;
    }
    if (v.kind === 'blank') {
      blanks.add(id);
      return;
    }
    const n = plainNumber(v.raw);
    out.cells[id] = n ?? noteless(v.raw);
    if (n !== null) known.set(id, n);
  };

  for (const table of ['T2', 'T3', 'T4'] as const) {
    const tokens = regions[table];
    if (!tokens) continue;
    const tableRows = rows.filter((r) => r.table === table);
    const blankRuns: Run[] = [];
    const runs = runsOf(tokens, blankRuns);
    if (table === 'T4') {
      const full = runs.filter((r) => r.values.filter((v) => v.kind === 'value').length >= 5);
      if (!full.length) {
        // Table 四 left blank: one line of exactly its number of empty cells and nothing else.
        const width = tableRows[0].cells.length;
        const lines = new Map<number, Token[]>();
        for (const t of tokens) if (t.line !== undefined) lines.set(t.line, [...(lines.get(t.line) ?? []), t]);
        const empty = [...lines.values()].filter(
          (ts) => ts.length === width && ts.every((t) => t.kind === 'blank' && t.raw === ''),
        );
        if (empty.length === 1) for (const id of tableRows[0].cells) blanks.add(id);
      }
      // Two rows of figures under one table 四 (two years' blocks merged when a year line was lost): which one
      // belongs to this report cannot be told, so neither is read.
      const i = full.length === 1 ? runs.indexOf(full[0]) : -1;
      if (i >= 0)
        place(
          tableRows[0],
          runs[i],
          table === cut && i === runs.length - 1 && !tokens.slice(runs[i].end).some((t) => t.kind === 'text'),
        );
      runs.forEach((r, j) => {
        if (j !== i && r.values.some((v) => v.kind === 'value')) out.unrecognised.push(runText(r));
      });
      if (full.length > 1)
        unread(tableRows[0].cells, 'twoBlocks', runText(full[0]), { what: 'blocks', figures: full.length });
      continue;
    }
    // Only a row the text ends in can be cut short: any label after it shows the row was copied whole.
    const lastText = tokens.reduce((at, t, i) => (t.kind === 'text' ? i : at), -1);
    const last = runs[runs.length - 1];
    const cutRun = table === cut && last && last.end > lastText ? last : undefined;
    const unplaced = out.unrecognised.length;
    const assigned = assign(runs, tableRows, textHeaders.get(table) ?? [], out.unrecognised, out.notes);
    for (const [ri, run] of assigned) place(tableRows[ri], run, run === cutRun);
    // Rows left blank, each under its own label. Not when some figures of the table found no row: a row whose
    // label stands alone on its line might own them.
    if (out.unrecognised.length === unplaced) {
      const taken = new Set(assigned.keys());
      const byRow = new Map<number, Run[]>();
      for (const b of blankRuns) {
        const ri = anchorOf(b, tableRows);
        if (ri >= 0 && !taken.has(ri)) byRow.set(ri, [...(byRow.get(ri) ?? []), b]);
      }
      for (const [ri, bs] of byRow) {
        const width = tableRows[ri].cells.length;
        if (
          bs.length === 1 &&
          trimToWidth(bs[0].values, width).length === width &&
          !(table === cut && bs[0] === blankRuns[blankRuns.length - 1])
        )
          for (const id of tableRows[ri].cells) blanks.add(id);
      }
    }
  }

  resolveAmbiguous(reader.relations, ambiguous, known, blanks, out, unread);
  for (const c of format.cells) {
    if (c.id in out.cells) continue;
    if (blanks.has(c.id)) out.blanks.push(c.id);
    else out.unread.push(why.get(c.id) ?? { cell: c.id, reason: regions[c.table] ? 'rowMissing' : 'tableMissing' });
  }
  return out;
}

function resolveAmbiguous(
  relations: readonly Relation[],
  ambiguous: Ambiguous[],
  known: Known,
  blanks: ReadonlySet<CellId>,
  out: TableReading,
  unread: (ids: readonly CellId[], reason: UnreadReason, line?: string, tried?: UnreadTried) => void,
) {
  if (!ambiguous.length) return;
  const open = new Set<CellId>();
  for (const a of ambiguous) for (const id of a.cells) if (!blanks.has(id) && !(id in out.cells)) open.add(id);
  let pending = [...ambiguous];
  for (let progress = true; progress && pending.length;) {
    progress = false;
    for (const a of [...pending]) {
      const states: Known[] = [];
      const survivors: number[][] = [];
      for (const opt of a.options) {
        const state: Known = new Map();
        const placed = new Set<CellId>();
        let ok = true;
        opt.forEach((col, i) => {
          if (col < 0) return;
          const id = a.cells[col];
          const v = a.values[i];
          placed.add(id);
          const n = v.kind === 'value' ? plainNumber(v.raw) : null;
          if (n === null) return;
          if (known.has(id) && known.get(id) !== n) ok = false;
          state.set(id, n);
        });
        if (ok && propagate(known, state, relations, (id) => open.has(id) && !placed.has(id))) {
          states.push(state);
          survivors.push(opt);
        }
      }
      const tried = a.options.length;
      a.options = survivors;
      if (!states.length) {
        pending = pending.filter((x) => x !== a);
        unread(
          a.cells.filter((id) => !known.has(id) && !blanks.has(id)),
          'contradicts',
          a.text,
          { what: 'noneAgrees', figures: a.values.length, columns: a.cells.length, placements: tried },
        );
        continue;
      }
      const decided: CellId[] = [];
      for (const id of a.cells) {
        if (known.has(id) || blanks.has(id)) continue;
        const v = states[0].get(id);
        if (v === undefined || !states.every((s) => s.get(id) === v)) continue;
        known.set(id, v);
        out.cells[id] = v;
        out.inferred.push(id);
        open.delete(id);
        decided.push(id);
      }
      if (decided.length) progress = true;
      if (a.cells.every((id) => known.has(id) || blanks.has(id))) pending = pending.filter((x) => x !== a);
    }
  }
  for (const a of pending) {
    unread(
      a.cells.filter((id) => !known.has(id) && !blanks.has(id)),
      'columns',
      a.text,
      { what: 'severalAgree', figures: a.values.length, columns: a.cells.length, placements: a.options.length },
    );
  }
}
