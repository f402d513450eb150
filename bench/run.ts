/**
 * `npm run bench` runs every section in bench/sections (each a module exporting `run`), prints the figures
 * for people, and with `--json` prints one JSON object (keys like `check.consistentMedianMs`) instead.
 * Usage: npm run bench [-- --json] [-- --only name,name]
 */
import * as fs from 'fs';
import * as path from 'path';

export interface BenchSection {
  /** Lines for people, and flat `key: number` figures for --json (a few keys name what was measured, as text). */
  run(log: (line: string) => void): Promise<Record<string, number | string>>;
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const onlyIdx = args.indexOf('--only');
  const only = onlyIdx >= 0 ? args[onlyIdx + 1].split(',') : null;
  const dir = path.join(__dirname, 'sections');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const figures: Record<string, number | string> = {};
  const log = (line: string) => (json ? process.stderr.write(line + '\n') : process.stdout.write(line + '\n'));
  for (const f of files) {
    const name = f.replace(/\.ts$/, '');
    if (only && !only.includes(name)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, f)) as BenchSection;
    log(`# ${name}`);
    Object.assign(figures, await mod.run(log));
  }
  if (json) process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
