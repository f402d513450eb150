import fc from 'fast-check';
import { check } from '../../src/model/check';
import { getFormat } from '../../src/model/formats';
import {
  applyMarks,
  canMark,
  markApplies,
  markKey,
  MAX_REASON_LENGTH,
  newMark,
  parseMarks,
  storedMarks,
  withMark,
  withoutMark,
  type ReviewedMark,
} from '../../src/model/reviewed-marks';
import type { CellId, CheckResult, Finding } from '../../src/model/types';
import { consistentReport } from './generate';

const format = getFormat('2021');
const inputs = format.cells.filter((c) => c.role === 'input').map((c) => c.id);
const zeros = (): Record<CellId, number> => Object.fromEntries(inputs.map((id) => [id, 0]));
/** Every cell 0, totals too, but one: a total that does not add up, an error. */
const withError = () =>
  check('2021', { ...Object.fromEntries(format.cells.map((c) => [c.id, 0])), 'T3.NEW.NP': 5 }).findings.find(
    (f) => f.severity === 'error',
  )!;
const TODAY = new Date(2026, 0, 15);

/** A complete report whose only finding is the warning "more 规章 issued than in force and repealed". */
function issuedWarning(issued = 5, inForce = 1): { result: CheckResult; warning: Finding } {
  const result = check('2021', { ...zeros(), 'T2.REG.ISSUED': issued, 'T2.REG.IN_FORCE': inForce });
  const warning = result.findings.find((f) => f.rule === 'P.issuedVsInForce')!;
  return { result, warning };
}

function mark(result: CheckResult, f: Finding, reason = '本年制发后即被上级文件取代'): ReviewedMark {
  const out = newMark(f, result, reason, TODAY);
  if (!out.ok) throw new Error(out.problem);
  return out.mark;
}

describe('已核实 marks', () => {
  test('a warning is marked with its cells and their values, the reason and the day', () => {
    const { result, warning } = issuedWarning();
    expect(warning.severity).toBe('warning');
    const m = mark(result, warning, '  上级文件取代 ');
    expect(m).toEqual({
      rule: 'P.issuedVsInForce',
      instance: warning.instance,
      values: { 'T2.REG.ISSUED': 5, 'T2.REG.REPEALED': 0, 'T2.REG.IN_FORCE': 1 },
      reason: '上级文件取代',
      date: '2026-01-15',
    });
  });

  test('an error cannot be marked, nor a warning without a reason or with a long one', () => {
    const result = issuedWarning().result;
    const error = withError();
    expect(error).toBeDefined();
    expect(canMark(error)).toBe(false);
    expect(newMark(error, result, '确认无误', TODAY)).toEqual({ ok: false, problem: 'notWarning' });
    // An error dressed up as a warning is still the error rule's.
    expect(canMark({ ...error, severity: 'warning' })).toBe(false);
    const { result: r2, warning } = issuedWarning();
    expect(newMark(warning, r2, '   ', TODAY)).toEqual({ ok: false, problem: 'noReason' });
    expect(newMark(warning, r2, '字'.repeat(MAX_REASON_LENGTH + 1), TODAY)).toEqual({
      ok: false,
      problem: 'reasonTooLong',
    });
  });

  test('a marked warning is quiet while its values stay, and back when one changes', () => {
    const { result, warning } = issuedWarning();
    const m = mark(result, warning);
    const quiet = applyMarks(result, [m]);
    expect(quiet.result.findings.map((f) => f.rule)).not.toContain('P.issuedVsInForce');
    expect(quiet.marks).toEqual([{ mark: m, state: 'quiet' }]);

    const changed = issuedWarning(6).result;
    const back = applyMarks(changed, [m]);
    expect(back.result.findings.filter((f) => f.rule === 'P.issuedVsInForce')).toHaveLength(1);
    expect(back.marks[0].state).toBe('revived');

    const fixed = check('2021', zeros());
    expect(applyMarks(fixed, [m]).marks[0].state).toBe('resolved');
  });

  test('a mark never quiets another warning, nor the same one over other cells', () => {
    const { result, warning } = issuedWarning();
    const m = mark(result, warning);
    expect(markApplies({ ...m, instance: 'P.issuedVsInForce:NORM' }, warning, result)).toBe(false);
    expect(markApplies({ ...m, values: { 'T2.REG.ISSUED': 5 } }, warning, result)).toBe(false);
    // A cell that was blank when marked and is 0 now counts as changed.
    expect(markApplies({ ...m, values: { ...m.values, 'T2.REG.REPEALED': null } }, warning, result)).toBe(false);
  });

  test('property: any change of a keyed value revives the warning; the same values keep it quiet', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        consistentReport('2021'),
        fc.integer({ min: 1, max: 50 }),
        fc.nat(),
        fc.integer({ min: -1000, max: 1000 }).filter((d) => d !== 0),
        (values, excess, pick, delta) => {
          // Make 规章 issued exceed in force + repealed: the warning is there whatever the rest holds.
          const v = { ...values };
          v['T2.REG.ISSUED'] = v['T2.REG.IN_FORCE'] + v['T2.REG.REPEALED'] + excess;
          const result = check('2021', v);
          const warning = result.findings.find((f) => markKey(f) === 'P.issuedVsInForce|P.issuedVsInForce:REG')!;
          expect(warning).toBeDefined();
          const m = mark(result, warning);
          expect(applyMarks(result, [m]).marks[0].state).toBe('quiet');
          expect(applyMarks(check('2021', { ...v }), [m]).result.findings).not.toContainEqual(warning);

          const cell = warning.cells[pick % warning.cells.length];
          // Another count (never negative, never the same).
          const next = v[cell] + delta >= 0 ? v[cell] + delta : v[cell] - delta;
          const changed = check('2021', { ...v, [cell]: next });
          const again = changed.findings.find((f) => markKey(f) === markKey(m));
          const status = applyMarks(changed, [m]);
          // Still a warning (changed figures) and shown, or gone (the change fixed it): never quiet.
          expect(status.marks[0].state).toBe(again ? 'revived' : 'resolved');
          if (again) expect(status.result.findings).toContainEqual(again);
          checked++;
        },
      ),
    );
    expect(checked).toBeGreaterThan(50);
  });

  test('what is stored reads back; malformed or hostile settings give no marks and never throw', () => {
    const { result, warning } = issuedWarning();
    const m = mark(result, warning);
    expect(parseMarks(storedMarks([m]))).toEqual([m]);
    expect(parseMarks(JSON.stringify(storedMarks([m])))).toEqual([m]);
    for (const bad of [null, 3, '{', '[]', { version: 2, marks: [m] }, { version: 1, marks: {} }]) {
      expect(parseMarks(bad)).toEqual([]);
    }
    const error = withError();
    const hostile = [
      { ...m, rule: error.rule },
      { ...m, rule: 'NOPE' },
      { ...m, values: { 'T2.REG.ISSUED': 'x' } },
      { ...m, values: [] },
      { ...m, reason: '' },
      { ...m, date: '15/01/2026' },
      { ...m, instance: 7 },
    ];
    expect(parseMarks({ version: 1, marks: [...hostile, m] })).toEqual([m]);
    expect(() => parseMarks({ version: 1, marks: [{ __proto__: null }, undefined, []] })).not.toThrow();
  });

  test('marking again replaces the mark; removing takes out only that one', () => {
    const { result, warning } = issuedWarning();
    const a = mark(result, warning, '第一次');
    const b = mark(result, warning, '第二次');
    const other: ReviewedMark = { ...a, instance: 'P.issuedVsInForce:NORM' };
    const list = withMark(withMark(withMark([], a), other), b);
    expect(list).toEqual([other, b]);
    expect(withoutMark(list, markKey(b))).toEqual([other]);
  });
});
