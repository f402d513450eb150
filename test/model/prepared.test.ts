/**
 * `prepare(id)`: one object per format, built once; each part built on first use only, and equal to what its
 * builder makes of a fresh format definition (so keeping it changes no result).
 */
import { buildFormat } from '../../src/model/formats/build';
import { FORMAT_IDS, getFormat } from '../../src/model/formats';
import { formatTotals } from '../../src/model/formula-check';
import { dependentsOf } from '../../src/model/locate';
import { prepare } from '../../src/model/prepared';
import { rateDefinitionsOf } from '../../src/model/rate-definitions';
import { buildRules } from '../../src/model/rules/instances';
import { nonEmpty } from '../support/non-empty';
import { isolated } from '../support/isolated';

const ids = [...FORMAT_IDS];

beforeAll(() => expect(ids).toHaveLength(2));

it.each(ids)('format %s: one prepared object, the same on every lookup, and getFormat is its format', (id) => {
  const p = prepare(id);
  expect(prepare(id)).toBe(p);
  expect(p.id).toBe(id);
  expect(getFormat(id)).toBe(p.format);
  // Each part is kept: the second read is the same object.
  expect(p.rules).toBe(p.rules);
  expect(p.dependents).toBe(p.dependents);
  expect(p.totals).toBe(p.totals);
  expect(p.rates).toBe(p.rates);
  expect(p.rules.format).toBe(p.format);
});

it('the two formats are prepared apart', () => {
  expect(prepare('2021')).not.toBe(prepare('2019'));
  expect(prepare('2021').rules.ids).not.toEqual(prepare('2019').rules.ids);
});

it.each(ids)('format %s: every part agrees with a fresh computation', (id) => {
  const p = prepare(id);
  const fresh = buildFormat(id);
  expect(p.format).toEqual(fresh);
  expect(p.rules).toEqual(buildRules(fresh));
  expect(p.dependents).toEqual(dependentsOf(fresh));
  expect(p.rates).toEqual(rateDefinitionsOf(fresh));
  // A total remembers the layout it was last checked in; which cells are totals is the format's.
  const totals = formatTotals(fresh).map((t) => t.cell);
  expect(totals.length).toBeGreaterThan(0);
  expect(p.totals.map((t) => t.cell)).toEqual(totals);
});

it.each(ids)('format %s: dependents are the sums inverted (every part points at the totals over it)', (id) => {
  const p = prepare(id);
  const sums = p.format.cells.filter((c) => c.sumOf?.length);
  expect(sums.length).toBeGreaterThan(0);
  for (const total of sums)
    for (const part of nonEmpty(total.sumOf!)) expect(p.dependents.get(part)).toContain(total.id);
});

/** The prepared-format module and the builders it calls, in a registry of their own (nothing built yet). */
function freshModules() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return isolated(() => ({
    prepare: (require('../../src/model/prepared') as typeof import('../../src/model/prepared')).prepare,
    instances: require('../../src/model/rules/instances') as typeof import('../../src/model/rules/instances'),
    rates: require('../../src/model/rate-definitions') as typeof import('../../src/model/rate-definitions'),
  }));
  /* eslint-enable @typescript-eslint/no-require-imports */
}

it('a part is built lazily, on its first read, and once per format however often it is asked for', () => {
  const m = freshModules();
  const buildRulesSpy = jest.spyOn(m.instances, 'buildRules');
  const ratesSpy = jest.spyOn(m.rates, 'rateDefinitionsOf');
  const p = m.prepare('2021');
  expect(buildRulesSpy).not.toHaveBeenCalled();
  expect(ratesSpy).not.toHaveBeenCalled();
  const rules = p.rules;
  expect(m.prepare('2021').rules).toBe(rules);
  expect(buildRulesSpy).toHaveBeenCalledTimes(1);
  expect(ratesSpy).not.toHaveBeenCalled();
  expect(m.prepare('2019').rules).not.toBe(rules);
  expect(buildRulesSpy).toHaveBeenCalledTimes(2);
});
