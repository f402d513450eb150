/**
 * The build step that removes ExcelJS's string-to-code setImmediate branch: it must find the text exactly once in
 * the ExcelJS we install (a new ExcelJS that changes it fails here, not in a shipped bundle), and leave the rest.
 */
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loader = require('../../tools/no-string-callback-loader.js') as (
  this: { resourcePath: string },
  s: string,
) => string;
const run = (source: string) => loader.call({ resourcePath: 'exceljs.min.js' }, source);

test('the installed ExcelJS bundle loses its only string-to-code path and nothing else', () => {
  const file = require.resolve('exceljs/dist/exceljs.min.js');
  const source = fs.readFileSync(file, 'utf8');
  expect(source).toMatch(/\bnew Function\(/);
  const out = run(source);
  expect(out).not.toMatch(/\bnew\s+Function\s*\(/);
  expect(out).not.toMatch(/\beval\s*\(/);
  expect(out.length - source.length).toBe(
    'e=function(){throw new TypeError("setImmediate needs a function")}'.length - 'e=new Function(""+e)'.length,
  );
  expect(path.basename(file)).toBe('exceljs.min.js');
});

test('a bundle without the text, or with it twice, fails the build', () => {
  expect(() => run('var x = 1;')).toThrow(/expected the setImmediate polyfill text once/);
  const twice = '"function"!=typeof e&&(e=new Function(""+e));'.repeat(2);
  expect(() => run(twice)).toThrow(/once/);
});
