/**
 * What every host promises the task pane (`HostOperations`), as one suite run against the pane's fake host
 * (test/taskpane/host-contract.test.ts) and the real Excel host on the stand-in (test/excel/host-contract.test.ts):
 * generate, checkNow (with the year and body generated), startLive/stopLive, writeValues, goToCell and
 * clearHighlights. Findings come back as data, in
 * no language: the pane renders them in the one it shows.
 */
import { getFormat } from '../../src/model/formats';
import { renderFinding } from '../../src/model/render';
import type { CellId } from '../../src/model/types';
import type { HostCheck, HostOperations } from '../../src/taskpane/host-api';

export interface ContractSubject {
  host: HostOperations;
  /** Lets the host's own work finish (change events, debounced live checks). */
  settle(): Promise<void>;
  /** The user types a number into a data cell of the generated tables. */
  userTypes(id: CellId, value: number): Promise<void>;
  dispose(): Promise<void>;
}

const format = getFormat('2021');
const inputs = format.cells.filter((c) => c.role === 'input').map((c) => c.id);
/** Every input 0 (a complete report that holds), except one: table 三's balance fails in the 自然人 column. */
const broken: Record<CellId, number> = { ...Object.fromEntries(inputs.map((id) => [id, 0])), 'T3.NEW.NP': 5 };

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
        for (const id of [...f.cells, ...f.suspects]) expect(c.cellAddress[id]).toBeTruthy();
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
