/**
 * A HostOperations double for component tests: returns the checks a test prepares and records every call, so tests
 * can assert what the pane asked of the host. `writeValues` merges values and returns whatever `afterWrite` makes.
 */
import type {
  GenerateOutcome,
  GenerateRequest,
  HostCheck,
  HostOperations,
  WriteTextOutcome,
} from '../../src/taskpane/host-api';
import { applyMarks, parseMarks, storedMarks, withMark, withoutMark } from '../../src/model/reviewed-marks';
import type { ReviewedMark } from '../../src/model/reviewed-marks';
import { T3_RESULT_TOTAL_ROW, cellId, getFormat } from '../../src/model/formats';
import { check } from '../../src/model/check';
import { renderFinding } from '../../src/model/render';
import type { CellId, CheckResult, Finding, FormatId, Lang } from '../../src/model/types';

export interface FakeHost extends HostOperations {
  calls: { method: string; args: unknown[] }[];
  /** The callback the pane registered with startLive (null when live checking is off). */
  liveListener: ((c: HostCheck) => void) | null;
  check: HostCheck;
  generateOutcomes: GenerateOutcome[];
  afterWrite?: (values: Record<CellId, number>) => HostCheck;
}

/** Addresses as a generated sheet would have them: the tests only need them distinct and stable. */
function fakeAddresses(format: FormatId): Record<CellId, string> {
  const cellAddress: Record<CellId, string> = {};
  getFormat(format).cells.forEach((c, i) => (cellAddress[c.id] = `X${i + 1}`));
  return cellAddress;
}

export function hostCheck(result: CheckResult | null, extra: Partial<HostCheck> = {}): HostCheck {
  const format = getFormat(result?.format ?? '2021');
  const cellAddress = fakeAddresses(format.id);
  return {
    result,
    tables: result ? format.tables.map((t) => ({ table: t.id, sheet: '统计表', address: 'A1' })) : [],
    cellAddress: result ? cellAddress : {},
    sheet: result ? '统计表' : null,
    problems: result ? [] : [{ kind: 'noTables' }],
    painted: !!result,
    ...extra,
  };
}

export function createFakeHost(init: Partial<Pick<FakeHost, 'check' | 'afterWrite'>> & { missing?: string[] } = {}) {
  const host: FakeHost = {
    calls: [],
    liveListener: null,
    check: init.check ?? hostCheck(null),
    generateOutcomes: [],
    afterWrite: init.afterWrite,
    missingRequirements() {
      host.calls.push({ method: 'missingRequirements', args: [] });
      return init.missing ?? [];
    },
    async generate(req: GenerateRequest) {
      host.calls.push({ method: 'generate', args: [req] });
      return host.generateOutcomes.shift() ?? { ok: true, sheet: '统计表', address: 'A1:O80' };
    },
    async checkNow() {
      host.calls.push({ method: 'checkNow', args: [] });
      return host.check;
    },
    async startLive(onResult: (c: HostCheck) => void) {
      host.calls.push({ method: 'startLive', args: [] });
      host.liveListener = onResult;
    },
    async stopLive() {
      host.calls.push({ method: 'stopLive', args: [] });
      host.liveListener = null;
    },
    async goToCell(id: CellId) {
      host.calls.push({ method: 'goToCell', args: [id] });
    },
    async writeValues(values: Record<CellId, number>) {
      host.calls.push({ method: 'writeValues', args: [values] });
      if (host.afterWrite) host.check = host.afterWrite(values);
      return host.check;
    },
    async clearHighlights() {
      host.calls.push({ method: 'clearHighlights', args: [] });
    },
    async restoreFormulas(formulas: Record<CellId, string>) {
      host.calls.push({ method: 'restoreFormulas', args: [formulas] });
      if (host.afterWrite) host.check = host.afterWrite({});
      return host.check;
    },
  };
  return host;
}

export function callsOf(host: FakeHost, method: string): unknown[][] {
  return host.calls.filter((c) => c.method === method).map((c) => c.args);
}

/** A result whose every data cell is 0 and filled: every relation holds. */
export function passingResult(format: FormatId = '2021'): CheckResult {
  const cells: Record<CellId, number> = {};
  for (const c of getFormat(format).cells) cells[c.id] = 0;
  return { format, cells, unfilled: [], findings: [], summary: [] };
}

/**
 * Table 三's balance broken in one applicant column: 一 + 二 = `newCount` + `carryIn`, 三 + 四 = `done` + `carryOut`.
 * The finding names item 四 as the suspect with the value that restores the balance, as the model would.
 */
export function brokenBalance(v: { newCount: number; carryIn: number; done: number; carryOut: number }) {
  const f = getFormat('2021');
  const col = f.t3.applicantColumns[0];
  const rows = f.t3.rows;
  const [newId, carryInId, doneId, carryOutId] = [rows[0], rows[1], T3_RESULT_TOTAL_ROW, rows[rows.length - 1]].map(
    (r) => cellId('T3', r, col),
  );
  const result = passingResult('2021');
  Object.assign(result.cells, {
    [newId]: v.newCount,
    [carryInId]: v.carryIn,
    [doneId]: v.done,
    [carryOutId]: v.carryOut,
  });
  const computed = v.newCount + v.carryIn;
  const reported = v.done + v.carryOut;
  const finding: Finding = {
    rule: 'T3.balance',
    instance: `T3.balance:${col}`,
    severity: 'error',
    table: 'T3',
    cells: [newId, carryInId, doneId, carryOutId],
    reported,
    computed,
    imbalance: reported - computed,
    suspects: [carryOutId],
    suggestion: { [carryOutId]: v.carryOut - (reported - computed) },
    suggestionReason: 'unique',
    params: { suspicion: 'likely' },
  };
  result.findings.push(finding);
  return { result, finding, ids: { newId, carryInId, doneId, carryOutId } };
}

/** A finding's sentence as the pane shows it for a `hostCheck` of its result. */
export function shownMessage(f: Finding, lang: Lang = 'zh', format: FormatId = '2021'): string {
  return renderFinding(f, format, lang, fakeAddresses(format));
}

/**
 * A fake host that behaves as the contract says (test/taskpane/host-contract.ts), backed by the model instead of a
 * workbook: generated totals follow their parts as live formulas do, `writeValues` writes input cells only, and a
 * value the user types reaches the live listener.
 */
export function createModelHost() {
  /** One set of tables on its own sheet, each with its own values, as the Excel host keeps them apart. */
  interface ModelSet {
    id: string;
    sheet: string;
    format: FormatId;
    report: NonNullable<HostCheck['report']>;
    values: Record<CellId, number | null>;
  }
  const sets: ModelSet[] = [];
  let current: ModelSet | null = null;
  let listener: ((c: HostCheck) => void) | null = null;
  const calls: string[] = [];

  const totals = (set: ModelSet) => {
    const f = getFormat(set.format);
    const memo = new Map<CellId, number>();
    const valueOf = (id: CellId): number | null => {
      const c = f.cellById.get(id)!;
      if (!c.sumOf) return set.values[id] ?? null;
      let v = memo.get(id);
      if (v === undefined) memo.set(id, (v = c.sumOf.reduce((s, p) => s + (valueOf(p) ?? 0), 0)));
      return v;
    };
    return Object.fromEntries(f.cells.map((c) => [c.id, valueOf(c.id)]));
  };
  // The workbook outside the tables: text cells by `sheet!address`, the sheets, the selection, the stored marks.
  const texts = new Map<string, string>();
  const sheets = ['Sheet1'];
  let selection = { sheet: 'Sheet1', address: 'A1' };
  let marks: ReviewedMark[] = [];
  const run = (): HostCheck => {
    if (!current) return hostCheck(null);
    const set = current;
    const totalsNow = getFormat(set.format)
      .cells.filter((c) => c.sumOf)
      .map((c) => c.id);
    const marked = applyMarks(check(set.format, totals(set), { formulaCells: totalsNow }), marks);
    const c = hostCheck(marked.result, {
      formulaCells: totalsNow,
      edits: {},
      marks: marked.marks,
      report: set.report,
      sets: sets.map((x) => ({ id: x.id, sheet: x.sheet, year: x.report.year })),
      checkedSet: set.id,
      sheet: set.sheet,
    });
    return { ...c, tables: c.tables.map((t) => ({ ...t, sheet: set.sheet })) };
  };
  const uniqueSheet = (base: string) => {
    let name = base;
    for (let i = 2; sheets.some((x) => x.toLowerCase() === name.toLowerCase()); i++) name = `${base}(${i})`;
    sheets.push(name);
    return name;
  };
  const host: HostOperations & {
    userTypes(id: CellId, v: number): void;
    userSelects(sheet: string, address: string): void;
    userActivates(sheet: string): void;
    userTypesText(sheet: string, address: string, text: string): void;
    textAt(sheet: string, address: string): string;
    sheets(): string[];
    calls: string[];
  } = {
    calls,
    missingRequirements: () => [],
    async generate(req) {
      calls.push('generate');
      const sheet = uniqueSheet('统计表');
      current = {
        id: `sheet-${sheets.length}`,
        sheet,
        format: req.format,
        report: { year: req.year, org: req.org },
        values: {},
      };
      sets.push(current);
      selection = { sheet, address: 'A1' };
      return { ok: true, sheet, address: 'A1:O80' };
    },
    async checkNow() {
      calls.push('checkNow');
      return run();
    },
    async startLive(onResult) {
      calls.push('startLive');
      listener = onResult;
      onResult(run());
    },
    async stopLive() {
      calls.push('stopLive');
      listener = null;
    },
    async goToCell() {
      calls.push('goToCell');
    },
    async writeValues(v) {
      calls.push('writeValues');
      if (current) {
        const f = getFormat(current.format);
        for (const [id, x] of Object.entries(v)) if (f.cellById.get(id)?.role === 'input') current.values[id] = x;
      }
      return run();
    },
    async clearHighlights() {
      calls.push('clearHighlights');
    },
    async chooseSet(id) {
      calls.push('chooseSet');
      const set = sets.find((x) => x.id === id);
      if (set) {
        current = set;
        selection = { sheet: set.sheet, address: 'A1' };
      }
      return run();
    },
    userTypes(id, v) {
      if (current) current.values[id] = v;
      listener?.(run());
    },
    /** As in Excel: the set on the sheet clicked is checked; a sheet without one keeps the set checked last. */
    userActivates(sheet) {
      selection = { sheet, address: 'A1' };
      const set = sets.find((x) => x.sheet === sheet);
      if (set && set !== current) {
        current = set;
        listener?.(run());
      }
    },
    async writeText(req): Promise<WriteTextOutcome> {
      calls.push('writeText');
      if (req.target === 'newSheet') {
        const sheet = uniqueSheet('文字说明');
        req.lines.forEach((l, i) => texts.set(`${sheet}!A${i + 1}`, l));
        return { ok: true, sheet, address: `A1:A${req.lines.length}` };
      }
      const { sheet, address } = selection;
      const set = sets.find((x) => x.sheet === sheet);
      const tableCells = set ? Object.values(hostCheck(check(set.format, {})).cellAddress) : [];
      if (tableCells.includes(address)) return { ok: false, reason: 'insideTables', sheet, address };
      const agreed = req.overwrite?.sheet === sheet && req.overwrite.address === address;
      if (texts.get(`${sheet}!${address}`) && !agreed) return { ok: false, reason: 'targetNotEmpty', sheet, address };
      texts.set(`${sheet}!${address}`, req.lines.join('\n'));
      return { ok: true, sheet, address };
    },
    async markReviewed(mark) {
      calls.push('markReviewed');
      // Stored as the Excel host stores it: only what reads back as a mark of a warning.
      const [valid] = parseMarks(storedMarks([mark]));
      if (valid) marks = withMark(marks, valid);
      return run();
    },
    async unmarkReviewed(key) {
      calls.push('unmarkReviewed');
      marks = withoutMark(marks, key);
      return run();
    },
    userSelects(sheet, address) {
      selection = { sheet, address };
    },
    userTypesText(sheet, address, text) {
      texts.set(`${sheet}!${address}`, text);
    },
    textAt: (sheet, address) => texts.get(`${sheet}!${address}`) ?? '',
    sheets: () => [...sheets],
  };
  return host;
}
