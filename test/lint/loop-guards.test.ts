/**
 * No test loop passes on empty input. A loop that asserts inside and runs zero times asserts nothing, and the test
 * passes: a fixture folder that moved, a filter that matches nothing or a format with no cells would go unseen. So
 * every such loop in test/ (unit, e2e, fuzz and their helpers; test/fixtures/ is data) must be guarded.
 *
 * The rule, as test/lint/loop-guards.ts applies it to the parsed source (TypeScript parser, so comments and strings
 * are not code):
 * - A loop is a `for…of`, `for…in`, `for(;;)` or `while` statement, or a call of an array method that calls its
 *   callback per element (`forEach`, `map`, `flatMap`, `filter`, `every`, `some`, `find…`, `reduce…`).
 * - It asserts when its body (for a method, its callback) refers to `expect`, or to a function that asserts: one
 *   declared in the same file, or imported from another file of test/, whose body refers to `expect` or to such a
 *   function. Methods of objects and classes are not followed.
 * - An asserting loop is guarded when what it walks
 *   - is a literal written with at least one element (`['zh', 'en']`, `{ a: 1 }`, `'abc'`, `new Set([x])`), or a
 *     `const` bound to one: a literal cannot be empty by accident;
 *   - is wrapped in `nonEmpty(xs)` or `ofLength(xs, n)` (test/support/non-empty.ts), which assert and return xs;
 *   - or is shown non-empty by a statement before the loop in the same block or an enclosing one (so in the same
 *     test, or the describe around it; a check in a sibling test does not count, since that test may not run):
 *     `expect(xs.length).toBe(n ≥ 1)` (`toEqual`, `toStrictEqual`, `toBeGreaterThanOrEqual(n ≥ 1)`,
 *     `toBeGreaterThan(n ≥ 0)`, `.size` alike), `expect(xs).toHaveLength(n ≥ 1)`, `expect(xs).not.toHaveLength(0)`,
 *     `expect(xs).toEqual([a, …])` (or a `.map` of such a literal), or `expect.assertions(n ≥ 1)`. The numbers are literals (or consts bound to them).
 *   - `xs.entries()`, `.keys()`, `.values()`, `.map(…)`, `.sort()`, `.reverse()`, `Array.from(xs)`, `[...xs]` and
 *     `Object.keys/values/entries(xs)` are as guarded as xs (same count); `Object.keys/values/entries` of one object
 *     read alike, so a count of `Object.keys(o)` guards a loop over `Object.entries(o)`.
 * - A `for(;;)` counts from a number to a larger number written there (`for (let i = 0; i < 3; i++)`), or from 0 to
 *   `xs.length` (then xs must be guarded); any other `for(;;)`, and every asserting `while`, is reported: write it
 *   over a counted collection instead. A `do…while` runs at least once and is not a loop here.
 * - `test.each` / `it.each` / `describe.each` tables are guarded by Jest itself (an empty table fails the suite:
 *   the last test here proves it on the installed Jest), and a fast-check `fc.assert` is not a loop (fast-check
 *   runs its property a fixed number of times); loops inside a property's body follow the rule like any other.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertingLoops, offenderLine, unguardedLoops, type SourceText } from './loop-guards';
import { nonEmpty, ofLength } from '../support/non-empty';

const ROOT = path.join(__dirname, '../..');
const TEST = path.join(ROOT, 'test');

function testSources(dir: string, out: SourceText[] = []): SourceText[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== path.join(TEST, 'fixtures')) testSources(p, out);
    } else if (/\.tsx?$/.test(e.name))
      out.push({ file: path.relative(ROOT, p).split(path.sep).join('/'), text: fs.readFileSync(p, 'utf8') });
  }
  return out;
}

test('every loop in the tests that asserts is guarded against running zero times', () => {
  const sources = testSources(TEST);
  expect(sources.length).toBeGreaterThan(100);
  // The detector sees the loops at all: the suite has well over a hundred asserting loops.
  expect(assertingLoops(sources).length).toBeGreaterThan(100);
  expect(unguardedLoops(sources).map(offenderLine)).toEqual([]);
});

/** The loops the detector reports in one probe file, as `line: loop over`. */
function reported(text: string, more: SourceText[] = []): string[] {
  return unguardedLoops([{ file: 'test/probe.test.ts', text }, ...more])
    .filter((o) => o.file === 'test/probe.test.ts')
    .map((o) => `${o.line}: ${o.loop} over ${o.over}`);
}

describe('the detector', () => {
  test('reports an unguarded for…of with its file and line, in the words of the report', () => {
    const text = "test('t', () => {\n  const xs = read();\n  for (const x of xs) expect(x).toBe(1);\n});\n";
    expect(reported(text)).toEqual(['3: for…of over xs']);
    expect(unguardedLoops([{ file: 'test/a.test.ts', text }]).map(offenderLine)).toEqual([
      'test/a.test.ts:3: for…of over `xs` asserts inside, but nothing before it shows that `xs` is not empty',
    ]);
  });

  test.each([
    ['expect(xs.length).toBeGreaterThan(0);'],
    ['expect(xs.length).toBe(3);'],
    ['expect(xs.length).toBeGreaterThanOrEqual(1);'],
    ['expect(xs).toHaveLength(2);'],
    ['expect(xs).not.toHaveLength(0);'],
    ["expect(xs).toEqual(['a', 'b']);"],
    ['expect.assertions(4);'],
    ["expect(xs.map((x) => x.name)).toEqual(['a', 'b']);"],
    ["expect(xs).toEqual(['a', 'b'].map((x) => x + '!'));"],
    ['expect([...xs.keys()].length).toBe(2);'],
    ['const N = 2; expect(xs).toHaveLength(N);'],
  ])('a count assertion before the loop guards it: %s', (guard) => {
    expect(
      reported(`test('t', () => {\n  const xs = read();\n  ${guard}\n  for (const x of xs) expect(x).toBe(1);\n});`),
    ).toEqual([]);
  });

  test.each([
    [
      'after the loop',
      "test('t', () => {\n  for (const x of xs) expect(x).toBe(1);\n  expect(xs.length).toBe(2);\n});",
    ],
    [
      'in a sibling test',
      "test('a', () => expect(xs.length).toBe(2));\ntest('b', () => {\n  for (const x of xs) expect(x).toBe(1);\n});",
    ],
    ['on another collection', "test('t', () => {\n  expect(ys.length).toBe(2);\n  for (const x of xs) expect(x);\n});"],
    [
      'asserting zero',
      "test('t', () => {\n  expect(xs.length).toBeGreaterThan(-1);\n  for (const x of xs) expect(x);\n});",
    ],
    [
      'asserting a count of 0',
      "test('t', () => {\n  expect(xs).toHaveLength(0);\n  for (const x of xs) expect(x);\n});",
    ],
    ['negated', "test('t', () => {\n  expect(xs.length).not.toBe(2);\n  for (const x of xs) expect(x);\n});"],
    [
      'counted against a variable',
      "test('t', () => {\n  expect(xs).toHaveLength(n);\n  for (const x of xs) expect(x);\n});",
    ],
  ])('a count assertion does not guard when it is %s', (_, text) => {
    expect(reported(text)).toHaveLength(1);
  });

  test('a loop followed by a throw is guarded: it can only succeed by returning from inside', () => {
    const text = [
      'async function waitFor(max: number) {',
      '  for (let i = 0; i < max; i++) if (await ready(i)) return expect(i).toBeGreaterThan(0);',
      "  throw new Error('not ready');",
      '}',
      'async function waitLonger(max: number) {',
      '  for (let i = 0; i < max; i++) if (await ready(i)) return expect(i).toBeGreaterThan(0);',
      "  log('not ready');",
      "  throw new Error('not ready');",
      '}',
    ].join('\n');
    expect(reported(text)).toEqual(['6: for(;;) over i<max']);
  });

  test('a loop that counts its rounds is guarded by an assertion on the count after it', () => {
    const text = [
      "test('t', () => {",
      '  let seen = 0;',
      '  fc.assert(fc.property(arb, (xs) => {',
      '    for (const x of xs) {',
      '      seen++;',
      '      expect(x).toBe(1);',
      '    }',
      '  }));',
      '  expect(seen).toBeGreaterThan(100);',
      '});',
      "test('u', () => {",
      '  let seen = 0;',
      '  for (const x of xs) {',
      '    seen += 1;',
      '    expect(x).toBe(1);',
      '  }',
      '  expect(seen).toBeGreaterThanOrEqual(0);',
      '});',
      "test('v', () => {",
      '  let seen = 0;',
      '  expect(seen).toBe(1);',
      '  for (const x of xs) {',
      '    seen++;',
      '    expect(x).toBe(1);',
      '  }',
      '});',
    ].join('\n');
    expect(reported(text)).toEqual(['13: for…of over xs', '22: for…of over xs']);
  });

  test('a count assertion in the enclosing describe guards the loops of its tests', () => {
    const text =
      "describe('d', () => {\n  expect(xs.length).toBe(2);\n  test('t', () => {\n    for (const x of xs) expect(x);\n  });\n});";
    expect(reported(text)).toEqual([]);
  });

  test('literal collections guard themselves; empty or spread-only literals do not', () => {
    const text = [
      "for (const x of ['a', 'b']) expect(x);",
      'const LIST = [1, 2] as const;',
      'for (const x of LIST) expect(x);',
      'for (const k in { a: 1 }) expect(k);',
      "for (const c of 'abc') expect(c);",
      'for (const x of new Set([1])) expect(x);',
      'for (const x of []) expect(x);',
      'for (const x of [...more]) expect(x);',
      'let mutable = [1];',
      'for (const x of mutable) expect(x);',
    ].join('\n');
    expect(reported(text)).toEqual(['7: for…of over []', '8: for…of over [...more]', '10: for…of over mutable']);
  });

  test('nonEmpty and ofLength guard in the loop’s head, and views of a guarded collection are guarded', () => {
    const text = [
      'for (const x of nonEmpty(read())) expect(x);',
      'for (const x of ofLength(read(), 3)) expect(x);',
      'const xs = nonEmpty(read());',
      'for (const [i, x] of xs.entries()) expect(x).toBe(i);',
      'for (const y of xs.map((x) => x * 2)) expect(y);',
      'for (const y of [...xs]) expect(y);',
      'for (const y of [...more, ...xs]) expect(y);',
      'expect(Object.keys(o).length).toBe(2);',
      'for (const [k, v] of Object.entries(o)) expect(v).toBe(k);',
      'for (const k in o) expect(k);',
      'for (const y of xs.filter((x) => x > 1)) expect(y);',
    ].join('\n');
    expect(reported(text)).toEqual(['11: for…of over xs.filter((x)=>x>1)']);
  });

  test('a name declared again in an inner scope is that inner name, not the guarded outer one', () => {
    const text = [
      'const xs = [1, 2];',
      'function f(xs: number[]) {',
      '  for (const x of xs) expect(x);',
      '}',
      'test("t", () => {',
      '  const xs = read();',
      '  for (const x of xs) expect(x);',
      '});',
    ].join('\n');
    expect(reported(text)).toEqual(['3: for…of over xs', '7: for…of over xs']);
  });

  test('array methods whose callback asserts are loops; callbacks that do not assert are not', () => {
    const text = [
      'xs.forEach((x) => expect(x).toBe(1));',
      'xs.map((x) => { expect(x).toBe(1); return x; });',
      'expect(xs.map((x) => x + 1)).toEqual([2]);',
      'expect(xs.every((x) => x > 0)).toBe(true);',
      "['a'].forEach((x) => expect(x).toBe('a'));",
    ].join('\n');
    expect(reported(text)).toEqual(['1: .forEach over xs', '2: .map over xs']);
  });

  test('for(;;) counts written as numbers guard; over xs.length it needs xs guarded; other forms and while are reported', () => {
    const text = [
      'for (let i = 0; i < 3; i++) expect(i);',
      'for (let i = 1; i <= 1; i++) expect(i);',
      'for (let i = 0; i < 0; i++) expect(i);',
      'for (let i = 0; i < xs.length; i++) expect(xs[i]);',
      'for (let i = 0; i < nonEmpty(xs).length; i++) expect(xs[i]);',
      'for (let i = 0; ready(); i++) expect(i);',
      'while (more()) expect(next());',
      'do expect(next()); while (more());',
      'for (let i = 0; i < 3; i++) log(i);',
    ].join('\n');
    expect(reported(text)).toEqual([
      '3: for(;;) over i<0',
      '4: for(;;) over xs',
      '6: for(;;) over ready()',
      '7: while over more()',
    ]);
    expect(unguardedLoops([{ file: 'test/w.test.ts', text: 'while (more()) expect(1);' }]).map(offenderLine)).toEqual([
      'test/w.test.ts:1: while with condition `more()` asserts inside, but how often it runs cannot be read: walk a counted collection instead',
    ]);
  });

  test('a loop that calls an asserting helper asserts, whether the helper is local or imported from test/', () => {
    const helper: SourceText = {
      file: 'test/support/helper.ts',
      text: 'export function expectSame(a: number, b: number) { expect(a).toBe(b); }\nexport const quiet = () => 1;\nexport function viaOther(a: number) { expectSame(a, a); }',
    };
    const text = [
      "import { expectSame, quiet, viaOther as other } from './support/helper';",
      'function local(x: number) { expect(x).toBe(1); }',
      'for (const x of xs) local(x);',
      'for (const x of xs) expectSame(x, 1);',
      'for (const x of xs) other(x);',
      'for (const x of xs) quiet();',
      'xs.forEach(local);',
      'for (const x of xs) test(`case ${x}`, () => expect(x).toBe(1));',
    ].join('\n');
    expect(reported(text, [helper])).toEqual([
      '3: for…of over xs',
      '4: for…of over xs',
      '5: for…of over xs',
      '7: .forEach over xs',
      '8: for…of over xs',
    ]);
  });

  test('a comment or a string that mentions expect is not an assertion; each tables and fc.assert are not loops', () => {
    const text = [
      'for (const x of xs) log(x); // expect(x)',
      "for (const x of xs) log('expect(x)');",
      "test.each(rows)('%s', (r) => expect(r).toBe(1));",
      'fc.assert(fc.property(fc.integer(), (n) => { expect(n).toBe(n); }));',
    ].join('\n');
    expect(reported(text)).toEqual([]);
  });

  test('Jest itself fails a suite whose each table is empty (why the detector leaves each tables alone)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-loop-guards-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'empty.test.js'),
        "const rows = [];\ntest.each(rows)('row %s', (r) => expect(r).toBe(1));\ntest('other', () => expect(1).toBe(1));\n",
      );
      const config = { rootDir: dir, testEnvironment: 'node', transform: {}, testMatch: ['**/*.test.js'] };
      const jest = path.join(path.dirname(require.resolve('jest/package.json')), 'bin/jest.js');
      const run = spawnSync(process.execPath, [jest, '--config', JSON.stringify(config), '--ci', '--maxWorkers=1'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(run.stderr).toContain('`.each` called with an empty Array of table data');
      expect(run.status).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('nonEmpty and ofLength', () => {
  test('return what they are given when it holds something', () => {
    const xs = [1, 2];
    expect(nonEmpty(xs)).toBe(xs);
    expect(ofLength(xs, 2)).toBe(xs);
    expect(nonEmpty('a')).toBe('a');
    expect(ofLength(new Set([1]), 1).size).toBe(1);
    expect(ofLength(new Map([[1, 2]]), 1).size).toBe(1);
    expect(ofLength({ a: 1, b: 2 }, 2)).toEqual({ a: 1, b: 2 });
  });

  test('fail on an empty collection, a wrong count, or an iterator they could only count by using it up', () => {
    expect(() => nonEmpty([])).toThrow();
    expect(() => nonEmpty('')).toThrow();
    expect(() => nonEmpty(new Map())).toThrow();
    expect(() => nonEmpty({})).toThrow();
    expect(() => ofLength([1, 2], 3)).toThrow();
    expect(() => ofLength([], 0)).toThrow();
    expect(() => nonEmpty([1].values())).toThrow(/one-shot iterator/);
  });
});
