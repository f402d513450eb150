/**
 * Runs LibreOffice headless on .xlsx files, with a fresh profile that forces recalculation on load (by default
 * LibreOffice keeps the cached formula results stored in an .xlsx, which would test nothing).
 * Node-only; used by the LibreOffice tests and the xlsx bench.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** CSV filter options: comma, double quote, UTF-8 (76), first line 1. */
const CSV_UTF8 = 'csv:Text - txt - csv (StarCalc):44,34,76,1';

/** The soffice executable, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  // SOFFICE=/path/to/soffice names a LibreOffice outside PATH (and a wrong path counts as not installed).
  const named = process.env.SOFFICE;
  if (named !== undefined) return fs.existsSync(named) ? named : null;
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

/** A new profile folder whose settings make Calc recalculate every formula of an .xlsx on load. */
export function freshProfile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-lo-profile-'));
  fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  return dir;
}

/**
 * Converts files with one soffice process (`--convert-to xlsx` or `csv`) into `outDir`, returns the output paths
 * in the order of `files`. Throws with LibreOffice's own output when a file is missing afterwards.
 */
export function convert(
  soffice: string,
  files: string[],
  to: 'xlsx' | 'csv',
  outDir: string,
  profile: string,
): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      to === 'csv' ? CSV_UTF8 : to,
      '--outdir',
      outDir,
      ...files,
    ],
    { stdio: 'pipe', timeout: 300_000 },
  );
  return files.map((f) => {
    const out = path.join(outDir, path.basename(f).replace(/\.[^.]+$/, `.${to}`));
    if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
    return out;
  });
}
