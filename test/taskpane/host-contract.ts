/**
 * What every host promises the task pane (`HostOperations`), as one suite run against the pane's fake host
 * (test/taskpane/host-contract.test.ts) and the real Excel host on the stand-in (test/excel/host-contract.test.ts):
 * generate, checkNow (with the year and body generated), startLive/stopLive, writeValues, goToCell, clearHighlights,
 * writeText (the narrative into the workbook), the 已核实 marks and several sets of tables (which one is checked). Findings come back as data, in no language: the
 * pane renders them in the one it shows.
 */
import { getFormat } from '../../src/model/formats';
import { renderFinding } from '../../src/model/render';
import type { CellId } from '../../src/model/types';
import { markKey, newMark } from '../../src/model/reviewed-marks';
import type { HostCheck, HostOperations } from '../../src/taskpane/host-api';
import { nonEmpty } from '../support/non-empty';

export interface ContractSubject {
  host: HostOperations;
  /** Lets the host's own work finish (change events, debounced live checks). */
  settle(): Promise<void>;
  /** The user types a number into a data cell of the generated tables. */
  userTypes(id: CellId, value: number): Promise<void>;
  /** The user selects one cell, or types text into one (outside the tables). */
  userSelects(sheet: string, address: string): Promise<void>;
  userTypesText(sheet: string, address: string, text: string): Promise<void>;
  /** The user clicks a sheet's tab. */
  userActivates(sheet: string): Promise<void>;
  /** What a cell holds as text ('' when empty); the workbook's sheet names. */
  textAt(sheet: string, address: string): string;
  sheets(): string[];
  dispose(): Promise<void>;
}

const format = getFormat('2021');
const inputs = format.cells.filter((c) => c.role === 'input').map((c) => c.id);
/** Every input 0 (a complete report that holds), except one: table 三's balance fails in the 自然人 column. */
const broken: Record<CellId, number> = { ...Object.fromEntries(inputs.map((id) => [id, 0])), 'T3.NEW.NP': 5 };
/** A complete report that holds, with one warning: more 规章 issued than in force and repealed. */
const warned: Record<CellId, number> = { ...Object.fromEntries(inputs.map((id) => [id, 0])), 'T2.REG.ISSUED': 5 };
const WARNING = 'P.issuedVsInForce|P.issuedVsInForce:REG';
const keysOf = (c: HostCheck) => c.result!.findings.map(markKey);

export function hostContract(name: string, make: () => Promise<ContractSubject>): void {
  describe(`host contract: ${name}`, () => {
    let s: ContractSubject;
    beforeEach(async () => {
      s = await make();
      const out = await s.host.generate({ format: '2021', year: 2025, org: '某县统计局', target: 'newSheet' });
      expect(out.ok).toBe(true);
    });
    afterEach(() => s.dispose());

    it('checkNow finds the generated tables and gives every data cell an address', async () => {
      const c = await s.host.checkNow();
      expect(c.result?.format).toBe('2021');
      expect(c.tables.map((t) => t.table).sort()).toEqual(['T2', 'T3', 'T4']);
      expect(format.cells.length).toBeGreaterThan(100);
      for (const cell of format.cells) expect(c.cellAddress[cell.id]).toBeTruthy();
      expect(c.problems).toEqual([]);
    });

    it('checkNow tells the year and body the tables were generated for, as the import compares them', async () => {
      expect((await s.host.checkNow()).report).toEqual({ year: 2025, org: '某县统计局' });
      await s.host.generate({ format: '2021', year: 2024, org: '某镇人民政府', target: 'newSheet' });
      expect((await s.host.writeValues(broken)).report).toEqual({ year: 2024, org: '某镇人民政府' });
    });

    it('writeValues writes the input cells in one call and returns the check of the result', async () => {
      const c = await s.host.writeValues(broken);
      expect(c.result!.cells['T3.NEW.NP']).toBe(5);
      expect(c.result!.unfilled).toEqual([]);
      const balance = c.result!.findings.filter((f) => f.rule === 'T3.balance');
      expect(balance.length).toBeGreaterThan(0);
      expect(balance.some((f) => f.cells.includes('T3.NEW.NP'))).toBe(true);
    });

    it('writeValues leaves totals alone: they follow their parts', async () => {
      await s.host.writeValues(broken);
      const c = await s.host.writeValues({ 'T3.NEW.TOT': 99 });
      expect(c.result!.cells['T3.NEW.TOT']).toBe(5);
    });

    it('findings are data: ids in their fields, sentences written by the pane in either language', async () => {
      const c = await s.host.writeValues(broken);
      const findings = c.result!.findings;
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) {
        expect(f).not.toHaveProperty('message');
        for (const id of [...nonEmpty(f.cells), ...f.suspects]) expect(c.cellAddress[id]).toBeTruthy();
      }
      const f = findings.find((x) => x.rule === 'T3.balance' && x.cells.includes('T3.NEW.NP'))!;
      expect(renderFinding(f, '2021', 'en', c.cellAddress)).toMatch(/^Table 3, column “自然人”/);
      expect(renderFinding(f, '2021', 'zh', c.cellAddress)).toMatch(/^表三“自然人”列/);
    });

    it('startLive reports what the user types until stopLive', async () => {
      await s.host.writeValues(broken);
      const seen: HostCheck[] = [];
      await s.host.startLive((c) => seen.push(c));
      await s.settle();
      expect(seen.length).toBeGreaterThan(0);
      await s.userTypes('T3.CARRY_OUT.NP', 0);
      await s.userTypes('T3.NEW.NP', 7);
      await s.settle();
      expect(seen.at(-1)!.result!.cells['T3.NEW.NP']).toBe(7);
      await s.host.stopLive();
      const count = seen.length;
      await s.userTypes('T3.NEW.NP', 8);
      await s.settle();
      expect(seen).toHaveLength(count);
    });

    it('a warning marked 已核实 is quiet and listed while its values stay, back when one changes, gone when removed', async () => {
      const c = await s.host.writeValues(warned);
      expect(keysOf(c)).toEqual([WARNING]);
      const made = newMark(c.result!.findings[0], c.result!, '本年制发后即被上级规章取代', new Date(2026, 0, 15));
      if (!made.ok) throw new Error(made.problem);
      const quiet = await s.host.markReviewed!(made.mark);
      expect(keysOf(quiet)).toEqual([]);
      expect(quiet.marks).toEqual([{ mark: made.mark, state: 'quiet' }]);
      // Stored with the workbook: a new check (as after reopening) still knows it.
      expect((await s.host.checkNow()).marks).toEqual([{ mark: made.mark, state: 'quiet' }]);

      const changed = await s.host.writeValues({ 'T2.REG.ISSUED': 6 });
      expect(keysOf(changed)).toEqual([WARNING]);
      expect(changed.marks!.map((m) => m.state)).toEqual(['revived']);
      const back = await s.host.writeValues({ 'T2.REG.ISSUED': 5 });
      expect(keysOf(back)).toEqual([]);

      const removed = await s.host.unmarkReviewed!(WARNING);
      expect(removed.marks).toEqual([]);
      expect(keysOf(removed)).toEqual([WARNING]);
    });

    it('an error cannot be marked 已核实: the mark is not stored and the error stays', async () => {
      const c = await s.host.writeValues(broken);
      const error = c.result!.findings.find((f) => f.severity === 'error')!;
      expect(error).toBeDefined();
      const forged = {
        rule: error.rule,
        instance: error.instance,
        values: Object.fromEntries(error.cells.map((id) => [id, c.result!.cells[id] ?? null])),
        reason: '确认无误',
        date: '2026-01-15',
      };
      const after = await s.host.markReviewed!(forged);
      expect(after.marks ?? []).toEqual([]);
      expect(keysOf(after)).toContain(markKey(error));
    });

    it('writeText into a new sheet: one paragraph a row, in a sheet of its own each time', async () => {
      const lines = ['（一）主动公开', '本年度新制发规章 0 件。'];
      const first = await s.host.writeText!({ lines, target: 'newSheet' });
      if (!first.ok) throw new Error(first.reason);
      expect(s.sheets()).toContain(first.sheet);
      expect([s.textAt(first.sheet, 'A1'), s.textAt(first.sheet, 'A2')]).toEqual(lines);
      const second = await s.host.writeText!({ lines, target: 'newSheet' });
      expect(second.ok && second.sheet !== first.sheet).toBe(true);
    });

    it('writeText into the selected cell: never over a value unless asked, never into the tables', async () => {
      const c = await s.host.writeValues(warned);
      // A sheet of the user's (the generated one is protected outside its input cells).
      const sheet = s.sheets().find((x) => x !== c.sheet)!;
      expect(sheet).toBeDefined();
      const lines = ['第一段。', '第二段。'];
      await s.userSelects(sheet, 'Z200');
      expect(await s.host.writeText!({ lines, target: 'selection' })).toEqual({
        ok: true,
        sheet,
        address: 'Z200',
      });
      expect(s.textAt(sheet, 'Z200')).toBe('第一段。\n第二段。');

      await s.userTypesText(sheet, 'Z201', '别人的批注');
      await s.userSelects(sheet, 'Z201');
      const refused = await s.host.writeText!({ lines, target: 'selection' });
      expect(refused).toEqual({ ok: false, reason: 'targetNotEmpty', sheet, address: 'Z201' });
      expect(s.textAt(sheet, 'Z201')).toBe('别人的批注');
      // Agreed for another cell than the one selected now: still not written over.
      await s.userTypesText(sheet, 'Z202', '另一格');
      await s.userSelects(sheet, 'Z202');
      const agreedZ201 = { sheet, address: 'Z201' };
      expect(await s.host.writeText!({ lines, target: 'selection', overwrite: agreedZ201 })).toMatchObject({
        ok: false,
        reason: 'targetNotEmpty',
      });
      expect(s.textAt(sheet, 'Z202')).toBe('另一格');
      await s.userSelects(sheet, 'Z201');
      expect(await s.host.writeText!({ lines, target: 'selection', overwrite: agreedZ201 })).toMatchObject({
        ok: true,
      });
      expect(s.textAt(sheet, 'Z201')).toBe('第一段。\n第二段。');

      const inTable = c.cellAddress['T3.NEW.NP'];
      await s.userSelects(c.sheet!, inTable);
      const refusedTable = await s.host.writeText!({
        lines,
        target: 'selection',
        overwrite: { sheet: c.sheet!, address: inTable },
      });
      expect(refusedTable).toEqual({ ok: false, reason: 'insideTables', sheet: c.sheet, address: inTable });
      expect((await s.host.checkNow()).result!.cells['T3.NEW.NP']).toBe(0);
    });

    it('with two sets: each check says which it is of, the active sheet’s set is checked, chooseSet picks the other', async () => {
      const first = await s.host.checkNow();
      const out = await s.host.generate({ format: '2021', year: 2024, org: '某镇人民政府', target: 'newSheet' });
      if (!out.ok) throw new Error(out.reason);
      const c = await s.host.checkNow();
      expect(c.sets!.map((x) => [x.sheet, x.year])).toEqual([
        [first.sheet, 2025],
        [out.sheet, 2024],
      ]);
      const [one, two] = c.sets!.map((x) => x.id);
      expect(c.checkedSet).toBe(two);
      expect(c.report).toEqual({ year: 2024, org: '某镇人民政府' });
      // Values go into the set checked, and only there.
      expect((await s.host.writeValues(broken)).result!.cells['T3.NEW.NP']).toBe(5);
      const back = await s.host.chooseSet!(one);
      expect(back.checkedSet).toBe(one);
      expect(back.report).toEqual({ year: 2025, org: '某县统计局' });
      expect(back.tables.map((t) => t.sheet)).toEqual([first.sheet, first.sheet, first.sheet]);
      expect(back.result!.unfilled).toContain('T3.NEW.NP');
      expect((await s.host.chooseSet!('no such set')).checkedSet).toBe(one);

      const seen: HostCheck[] = [];
      await s.host.startLive((x) => seen.push(x));
      await s.settle();
      expect(seen.at(-1)!.checkedSet).toBe(one);
      await s.userActivates(out.sheet);
      expect(seen.at(-1)!.checkedSet).toBe(two);
      expect(seen.at(-1)!.result!.cells['T3.NEW.NP']).toBe(5);
      // A sheet without tables keeps the set checked last.
      await s.userActivates('Sheet1');
      expect(seen.at(-1)!.checkedSet).toBe(two);
      await s.host.stopLive();
    });

    it('goToCell and clearHighlights resolve, even for a cell that is not there', async () => {
      await s.host.writeValues(broken);
      await expect(s.host.goToCell('T3.NEW.NP')).resolves.toBeUndefined();
      await expect(s.host.goToCell('T9.NOPE.NP')).resolves.toBeUndefined();
      await expect(s.host.clearHighlights()).resolves.toBeUndefined();
      const c = await s.host.checkNow();
      expect(c.result!.cells['T3.NEW.NP']).toBe(5);
    });
  });
}
