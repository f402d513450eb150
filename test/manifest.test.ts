/**
 * @jest-environment jsdom
 *
 * The add-in manifest checked offline (Microsoft's validator is a web service): the elements Office requires,
 * https URLs on the dev server's port, icons that exist at their declared sizes, a GUID id, the least permission.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REQUIRED_SETS } from '../src/excel/requirements';
import { nonEmpty } from './support/non-empty';

const root = path.join(__dirname, '..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(xml, 'text/xml');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const port = Number(pkg.config.dev_server_port);
const devOrigin = `https://localhost:${port}`;

function all(localName: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS('*', localName));
}
function one(localName: string): Element {
  const found = all(localName).filter((e) => e.parentElement === doc.documentElement);
  expect(found).toHaveLength(1);
  return found[0];
}
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
/** Every URL in the manifest: DefaultValue/Value attributes and AppDomain text. */
function urls(): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    for (const attr of ['DefaultValue', 'Value']) {
      const v = el.getAttribute(attr);
      if (v && /^[a-z]+:\/\//i.test(v)) out.push(v);
    }
  }
  for (const d of all('AppDomain')) out.push(d.textContent!.trim());
  return out;
}

describe('manifest.xml', () => {
  it('is well-formed XML of a task pane add-in', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('OfficeApp');
    expect(doc.documentElement.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type')).toBe('TaskPaneApp');
  });

  it('has the required elements in the order the schema demands', () => {
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    const children = Array.from(doc.documentElement.children).map((e) => e.localName);
    expect(children).toEqual(order);
    for (const name of ['ProviderName', 'DisplayName', 'Description']) {
      const el = one(name);
      expect((el.getAttribute('DefaultValue') ?? el.textContent ?? '').trim()).not.toBe('');
    }
    expect(one('Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('has a GUID id', () => {
    expect(one('Id').textContent!.trim()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
    );
  });

  it('is Chinese first with an English override of its name and description', () => {
    expect(one('DefaultLocale').textContent).toBe('zh-CN');
    for (const name of ['DisplayName', 'Description']) {
      const el = one(name);
      expect(el.getAttribute('DefaultValue')).toMatch(/[\u4e00-\u9fff]/);
      const overrides = Array.from(el.children).filter((c) => c.localName === 'Override');
      expect(overrides.map((o) => o.getAttribute('Locale'))).toContain('en-US');
    }
  });

  it('targets Excel workbooks and requires the ExcelApi version the code checks for at start', () => {
    const hosts = Array.from(one('Hosts').children).map((h) => h.getAttribute('Name'));
    expect(hosts).toEqual(['Workbook']);
    const sets = all('Set').filter((s) => s.getAttribute('Name') === 'ExcelApi');
    expect(sets).toHaveLength(1);
    const highest = [...REQUIRED_SETS].sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).at(-1);
    expect(sets[0].getAttribute('MinVersion')).toBe(highest);
  });

  it('asks for the least permission that lets it write the tables', () => {
    // ReadWriteDocument is the least level that allows writing cells; ReadWriteMailbox etc. do not apply to Excel.
    expect(one('Permissions').textContent!.trim()).toBe('ReadWriteDocument');
  });

  it('uses https URLs on the dev server port, and only its origin as app domain', () => {
    const list = urls();
    expect(list.length).toBeGreaterThan(5);
    for (const u of list) {
      expect(u.startsWith(`${devOrigin}/`) || u === devOrigin).toBe(true);
    }
    expect(all('AppDomain').map((d) => d.textContent!.trim())).toEqual([devOrigin]);
    const source = one('DefaultSettings').getElementsByTagNameNS('*', 'SourceLocation')[0];
    expect(source.getAttribute('DefaultValue')).toBe(`${devOrigin}/taskpane.html`);
  });

  it('puts a button on the Home tab that shows the task pane', () => {
    const tab = all('OfficeTab').find((t) => t.getAttribute('id') === 'TabHome');
    expect(tab).toBeDefined();
    const control = Array.from(tab!.getElementsByTagNameNS('*', 'Control'))[0];
    expect(control.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type')).toBe('Button');
    const action = control.getElementsByTagNameNS('*', 'Action')[0];
    expect(action.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type')).toBe('ShowTaskpane');
    const resid = action.getElementsByTagNameNS('*', 'SourceLocation')[0].getAttribute('resid');
    const url = all('Url').find((u) => u.getAttribute('id') === resid);
    expect(url?.getAttribute('DefaultValue')).toBe(`${devOrigin}/taskpane.html`);
  });

  it('every resid points at a declared resource', () => {
    const declared = new Set(
      ['Image', 'Url', 'String'].flatMap((n) => all(n).map((e) => e.getAttribute('id'))).filter(Boolean),
    );
    const used = Array.from(doc.getElementsByTagName('*'))
      .map((e) => e.getAttribute('resid'))
      .filter((x): x is string => !!x);
    expect(used.length).toBeGreaterThan(5);
    for (const r of used) expect(declared).toContain(r);
  });

  it('icons exist in assets/ at the sizes they are declared with', () => {
    const declared: { url: string; size: number }[] = [
      { url: one('IconUrl').getAttribute('DefaultValue')!, size: 32 },
      { url: one('HighResolutionIconUrl').getAttribute('DefaultValue')!, size: 64 },
      ...all('Image')
        .filter((i) => i.getAttribute('DefaultValue'))
        .map((i) => ({
          url: i.getAttribute('DefaultValue')!,
          size: Number(i.getAttribute('id')!.match(/(\d+)x\1/)![1]),
        })),
    ];
    const sizes = new Set(declared.map((d) => d.size));
    for (const s of [16, 32, 80]) expect(sizes).toContain(s);
    for (const d of declared) {
      const rel = d.url.slice(`${devOrigin}/`.length);
      expect(rel.startsWith('assets/')).toBe(true);
      const file = path.join(root, rel);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: d.size, height: d.size });
    }
  });

  it('the pages it names are built by webpack or copied by it', () => {
    const config = fs.readFileSync(path.join(root, 'webpack.config.js'), 'utf8');
    for (const u of nonEmpty(urls().filter((x) => x.endsWith('.html')))) {
      const page = u.slice(`${devOrigin}/`.length);
      expect(config).toContain(`'${page}'`);
    }
  });
});
