/**
 * The installed command writing a long report into a pipe, as `disclosure-tables check folder --json | jq` does.
 * Regression: it exited before Node had flushed stdout into the pipe, and the JSON was cut at 128 KB.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeTemplate } from '../../src/io/xlsx/template';
import type { CellId, RawValue } from '../../src/model/types';
import { consistentInputs } from '../xlsx/values';

const ROOT = path.join(__dirname, '../..');
/** lib/ is built from the current sources by the global setup (test/support/built-cli.js). */
const BIN = path.join(ROOT, 'bin/disclosure-tables.js');
const FILES = 30;

let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-pipe-'));
  for (let i = 0; i < FILES; i++) {
    const format = i % 3 ? '2021' : '2019';
    const values: Record<CellId, RawValue> = consistentInputs(format, 100 + i);
    if (i % 5 === 2) values['T3.NEW.NP'] = Number(values['T3.NEW.NP']) + 7;
    const bytes = await writeTemplate({ format, year: 2024, org: `单位${i}`, values });
    fs.writeFileSync(path.join(dir, `report-${String(i).padStart(2, '0')}.xlsx`), bytes);
  }
}, 60000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a long --json report written into a pipe arrives whole, with the exit status of the findings', () => {
  const r = spawnSync(process.execPath, [BIN, 'check', dir, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(r.stdout.length).toBeGreaterThan(256 * 1024);
  const doc = JSON.parse(r.stdout);
  expect(doc.reports).toHaveLength(FILES);
  expect(r.status).toBe(1);
}, 60000);

test('a long text report and summary table written into a pipe arrive whole', () => {
  const r = spawnSync(process.execPath, [BIN, 'check', dir, '--lang', 'en'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const rows = r.stdout.split('\n').filter((l) => /report-\d\d\.xlsx/.test(l));
  // Each file is named in its report and again in the summary table that ends the output.
  expect(new Set(rows.map((l) => /report-(\d\d)\.xlsx/.exec(l)![1])).size).toBe(FILES);
  expect(r.stdout.trimEnd().split('\n').pop()).toMatch(/report-29\.xlsx/);
}, 60000);
