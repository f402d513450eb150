/**
 * `prepareReader(id)`: the readers' prepared object of a format composes the model's (`prepare(id)`), is the same
 * object on every lookup, builds each part once on its first read, and each part equals a fresh computation.
 */
import { FORMAT_IDS, getFormat } from '../../src/model/formats';
import { buildFormat } from '../../src/model/formats/build';
import { prepare } from '../../src/model/prepared';
import { prepareReader } from '../../src/io/prepared';
import { relationsOf } from '../../src/io/text/solve';
import { expectedRowsOf, headerKeysOf } from '../../src/io/text/tables';
import { knownKeysOf, labelKeysOf, matchKeysOf, tableShapesOf } from '../../src/io/xlsx/locate';
import { isolated } from '../support/isolated';

const ids = [...FORMAT_IDS];

beforeAll(() => expect(ids).toHaveLength(2));

it.each(ids)('format %s: one readers’ object, the same on every lookup, holding the model’s', (id) => {
  const r = prepareReader(id);
  expect(prepareReader(id)).toBe(r);
  expect(r.model).toBe(prepare(id));
  expect(r.format).toBe(getFormat(id));
  expect(r.textRows).toBe(r.textRows);
  expect(r.textHeaders).toBe(r.textHeaders);
  expect(r.relations).toBe(r.relations);
  expect(r.labelKeys).toBe(r.labelKeys);
  expect(r.matchKeys).toBe(r.matchKeys);
  expect(r.knownKeys).toBe(r.knownKeys);
  expect(r.shapes).toBe(r.shapes);
  expect(prepareReader('2021')).not.toBe(prepareReader('2019'));
});

it.each(ids)('format %s: every part agrees with a fresh computation', (id) => {
  const r = prepareReader(id);
  const fresh = buildFormat(id);
  expect(r.textRows).toEqual(expectedRowsOf(fresh));
  expect(r.textHeaders).toEqual(headerKeysOf(fresh));
  expect(r.relations).toEqual(relationsOf(fresh));
  expect(r.knownKeys).toEqual(knownKeysOf(fresh));
  expect([...r.labelKeys.values()]).toEqual([...labelKeysOf(fresh).values()]);
  expect(r.matchKeys).toEqual(matchKeysOf(labelKeysOf(fresh)));
  // Shapes point at the label keys they were built from: rebuilt from the same ones, they are equal.
  expect(r.shapes).toEqual(tableShapesOf(r.format, r.labelKeys));
  expect([...r.shapes.keys()]).toEqual(r.format.tables);
});

it.each(ids)('format %s: every label of every table has its keys, and every table a shape', (id) => {
  const r = prepareReader(id);
  const labels = r.format.tables.flatMap((t) => t.labels);
  expect(labels.length).toBeGreaterThan(0);
  for (const l of labels) expect(r.labelKeys.get(l)?.label).toBe(l);
  expect(r.shapes.size).toBe(r.format.tables.length);
});

/** The readers' prepared object and the builders it calls, in a registry of their own (nothing built yet). */
function freshModules() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return isolated(() => ({
    prepareReader: (require('../../src/io/prepared') as typeof import('../../src/io/prepared')).prepareReader,
    tables: require('../../src/io/text/tables') as typeof import('../../src/io/text/tables'),
    locate: require('../../src/io/xlsx/locate') as typeof import('../../src/io/xlsx/locate'),
  }));
  /* eslint-enable @typescript-eslint/no-require-imports */
}

it('a part is built on its first read only, once per format; the text reader never builds the workbook parts', () => {
  const m = freshModules();
  const rows = jest.spyOn(m.tables, 'expectedRowsOf');
  const shapes = jest.spyOn(m.locate, 'tableShapesOf');
  const r = m.prepareReader('2019');
  expect(rows).not.toHaveBeenCalled();
  const first = r.textRows;
  expect(m.prepareReader('2019').textRows).toBe(first);
  expect(rows).toHaveBeenCalledTimes(1);
  expect(shapes).not.toHaveBeenCalled();
  expect(m.prepareReader('2021').textRows).not.toBe(first);
  expect(rows).toHaveBeenCalledTimes(2);
});
