/**
 * Every Office.js member the code under src/ uses, with its requirement set from @types/office-js: a member above
 * the manifest's minimum (or of a set the manifest does not name) must be behind an `isSetSupported` check, or the
 * add-in fails on the Excel versions the manifest admits. A small synthetic source first shows the analysis finds an
 * unguarded use, a use through a type cast and a check that is too weak, and accepts the guarded forms.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import {
  analyseOfficeApiUsage,
  compareVersions,
  isCovered,
  unguardedUses,
  type MemberUse,
} from '../support/office-api-usage';

const ROOT = path.join(__dirname, '..', '..');

function manifestMinimum(): Record<string, string> {
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const sets = [...xml.matchAll(/<Set\s+Name="([^"]+)"\s+MinVersion="([^"]+)"\s*\/>/g)];
  expect(sets.length).toBeGreaterThan(0);
  return Object.fromEntries(sets.map((m) => [m[1], m[2]]));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

function compilerOptions(): ts.CompilerOptions {
  const file = path.join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(file, (f) => ts.sys.readFile(f));
  return { ...ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options, noEmit: true };
}

const describeUse = (u: MemberUse) =>
  `${path.relative(ROOT, u.file)}:${u.line} ${u.member} [${u.sets.map((s) => `${s.name} ${s.version}`).join(', ')}]` +
  (u.throughCast ? ' (through a cast)' : '');

describe('the requirement-set analysis can fail', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-apiuse-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const file = path.join(dir, 'synthetic.ts');
  fs.writeFileSync(
    file,
    `
function supports(version: string): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}
export async function f(ctx: Excel.RequestContext) {
  const sheet = ctx.workbook.worksheets.getActiveWorksheet();
  sheet.autoFilter.load('enabled');                                             // line 7: ExcelApi 1.9, unguarded
  (sheet as unknown as { autoFilter: { clearCriteria(): void } }).autoFilter.clearCriteria(); // line 8: cast
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.8')) sheet.autoFilter.load('enabled'); // 9: too weak
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.9')) sheet.autoFilter.load('enabled'); // 10: ok
  const canFilter = supports('1.9');
  if (canFilter) sheet.autoFilter.load('enabled');                              // line 12: ok through a const
  if (!supports('1.9')) return;
  sheet.autoFilter.load('enabled');                                             // line 14: ok after an early return
}
export async function g() {
  await Excel.createWorkbook();                                                 // line 17: ExcelApi 1.8, unguarded
  Office.context.ui.openBrowserWindow('https://example.invalid/');              // line 18: a set not in the manifest
  await Excel.run({ mergeUndoGroup: true }, async () => undefined);             // line 19: ExcelApi 1.20 option
}
`,
  );
  const program = ts.createProgram([file], {
    strict: true,
    target: ts.ScriptTarget.ES2020,
    noEmit: true,
    types: ['office-js'],
    typeRoots: [path.join(ROOT, 'node_modules', '@types')],
  });

  it('compiles (the synthetic source is real Office.js code)', () => {
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual(
      [],
    );
  });

  it('reports the unguarded, cast and too-weakly-guarded uses, and only those', () => {
    const uses = analyseOfficeApiUsage(program, [file]);
    const bad = unguardedUses(uses, { ExcelApi: '1.7' });
    expect(bad.map((u) => [u.line, u.member, u.throughCast])).toEqual([
      [7, 'Excel.Worksheet.autoFilter', false],
      [8, 'Excel.Worksheet.autoFilter', true],
      [9, 'Excel.Worksheet.autoFilter', false],
      [17, 'Excel.createWorkbook', false],
      [18, 'Office.UI.openBrowserWindow', false],
      [19, 'Excel.RunOptions.mergeUndoGroup', false],
    ]);
    expect(bad.find((u) => u.line === 18)?.sets).toEqual([{ name: 'OpenBrowserWindowApi', version: '1.1' }]);
    // With a manifest minimum of 1.9 the filter is fine everywhere; creating a workbook (1.8) too.
    expect(unguardedUses(uses, { ExcelApi: '1.9' }).map((u) => u.line)).toEqual([18, 19]);
    // Members that name no set (Excel.run) are listed, and need no check.
    expect(uses.find((u) => u.member === 'Excel.run')?.sets).toEqual([]);
  });
});

describe('Office.js members used by src/', () => {
  const files = sourceFiles(path.join(ROOT, 'src'));
  const program = ts.createProgram(files, compilerOptions());
  const uses = analyseOfficeApiUsage(program, files);
  const minimum = manifestMinimum();

  it('are found (the analysis sees the adapter)', () => {
    expect(files.length).toBeGreaterThan(20);
    const members = new Set(uses.map((u) => u.member));
    for (const m of ['Excel.run', 'Excel.Worksheet.getRange', 'Excel.Range.values', 'Excel.Workbook.names'])
      expect(members).toContain(m);
    // The list, for whoever raises the minimum or adds a member: test-artifacts/office-api-usage.txt.
    const dir = path.join(ROOT, 'test-artifacts');
    fs.mkdirSync(dir, { recursive: true });
    const lines = [
      ...new Set(uses.map((u) => `${u.member} [${u.sets.map((s) => `${s.name} ${s.version}`).join(', ')}]`)),
    ];
    fs.writeFileSync(path.join(dir, 'office-api-usage.txt'), lines.sort().join('\n') + '\n');
  });

  it(`above the manifest's minimum only behind isSetSupported`, () => {
    expect(Object.keys(minimum)).toContain('ExcelApi');
    expect(unguardedUses(uses, minimum).map(describeUse)).toEqual([]);
  });

  it('the minimum the manifest declares is what the unguarded code needs, no less', () => {
    // Per use outside every check, the lowest ExcelApi version that has the member; the highest of those.
    const needed = uses
      .filter((u) => !u.sets.some((s) => isCovered(s, u.guards)))
      .map(
        (u) =>
          u.sets
            .filter((s) => s.name === 'ExcelApi')
            .map((s) => s.version)
            .sort(compareVersions)[0],
      )
      .filter((v): v is string => v !== undefined)
      .sort(compareVersions)
      .at(-1);
    expect(needed).toBeDefined();
    expect(compareVersions(needed!, minimum.ExcelApi)).toBeLessThanOrEqual(0);
  });
});
