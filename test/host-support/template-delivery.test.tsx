/**
 * @jest-environment jsdom
 *
 * The blank template reaches the user on every platform (desktop and Mac task panes ignore `<a download>`):
 * Excel.createWorkbook where ExcelApi 1.8 exists, the add-in's own download page in the browser where only
 * OpenBrowserWindowApi 1.1 does, the link on Office on the web and outside Office. Office.js is replaced by a
 * recorder of the two calls; the template itself is the real workbook writer's output.
 */
import '../taskpane/jsdom-env';
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { openWorkbook, toBase64 } from '../../src/excel/open-workbook';
import { GenerateForm } from '../../src/taskpane/components/GenerateForm';
import { strings } from '../../src/taskpane/i18n';
import {
  TEMPLATE_PAGE,
  deliverTemplate,
  templateFileName,
  templatePageUrl,
  templateRequestFromQuery,
  type TemplateRequest,
} from '../../src/taskpane/template-download';

const zh = strings('zh');
const REQ: TemplateRequest = { format: '2021', year: 2025, org: '某某县人民政府办公室' };
const PAGE = 'https://addins.example.gov.cn/disclosure-tables/template.html?format=2021';

interface FakeOffice {
  created: string[];
  opened: string[];
}

/** Installs an Office/Excel pair that records createWorkbook and openBrowserWindow; returns the record. */
function installOffice(platform: string, sets: Record<string, string>): FakeOffice {
  const rec: FakeOffice = { created: [], opened: [] };
  const supported = (name: string, version = '1.1') => {
    const have = sets[name];
    if (!have) return false;
    const [a, b] = have.split('.').map(Number);
    const [c, d] = version.split('.').map(Number);
    return a > c || (a === c && b >= d);
  };
  Object.assign(globalThis, {
    Office: {
      PlatformType: { PC: 'PC', Mac: 'Mac', OfficeOnline: 'OfficeOnline' },
      context: {
        platform,
        requirements: { isSetSupported: supported },
        ui: { openBrowserWindow: (url: string) => rec.opened.push(url) },
      },
    },
    Excel: {
      createWorkbook: async (base64?: string) => {
        rec.created.push(base64 ?? '');
      },
    },
  });
  return rec;
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { Excel?: unknown }).Excel;
});

const BYTES = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256);

describe('openWorkbook: the way each platform allows', () => {
  it('Excel on Windows with ExcelApi 1.8: a new workbook from the bytes (base64), nothing opened in the browser', async () => {
    const rec = installOffice('PC', { ExcelApi: '1.8', OpenBrowserWindowApi: '1.1' });
    expect(await openWorkbook(BYTES, PAGE)).toBe('newWorkbook');
    expect(rec.created).toHaveLength(1);
    expect(Uint8Array.from(Buffer.from(rec.created[0], 'base64'))).toEqual(BYTES);
    expect(rec.opened).toEqual([]);
  });

  it('Excel with ExcelApi 1.7 only (no createWorkbook) but OpenBrowserWindowApi: the download page in the browser', async () => {
    const rec = installOffice('Mac', { ExcelApi: '1.7', OpenBrowserWindowApi: '1.1' });
    expect(await openWorkbook(BYTES, PAGE)).toBe('browser');
    expect(rec.opened).toEqual([PAGE]);
    expect(rec.created).toEqual([]);
  });

  it('neither: left to the link', async () => {
    const rec = installOffice('PC', { ExcelApi: '1.7' });
    expect(await openWorkbook(BYTES, PAGE)).toBe('download');
    expect(rec).toEqual({ created: [], opened: [] });
  });

  it('Office on the web (a browser honours the link) and outside Office: the link', async () => {
    const rec = installOffice('OfficeOnline', { ExcelApi: '1.12', OpenBrowserWindowApi: '1.1' });
    expect(await openWorkbook(BYTES, PAGE)).toBe('download');
    expect(rec).toEqual({ created: [], opened: [] });
    delete (globalThis as { Office?: unknown }).Office;
    expect(await openWorkbook(BYTES, PAGE)).toBe('download');
  });

  it('base64 agrees with Node for lengths around its slice size', () => {
    for (const n of [0, 1, 2, 3, 0x8000 - 1, 0x8000, 0x8000 + 1]) {
      const b = BYTES.subarray(0, n);
      expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
    }
  });
});

describe('the download page link', () => {
  it('carries the request and reads it back; refuses a damaged one', () => {
    const url = templatePageUrl(REQ, 'https://addins.example.gov.cn/disclosure-tables/taskpane.html');
    expect(url.startsWith(`https://addins.example.gov.cn/disclosure-tables/${TEMPLATE_PAGE}?`)).toBe(true);
    expect(templateRequestFromQuery(new URL(url).search)).toEqual(REQ);
    for (const bad of ['?format=1999&year=2025&org=x', '?format=2021&year=20x5&org=x', '?format=2021&org=x', '']) {
      expect([bad, templateRequestFromQuery(bad)]).toEqual([bad, null]);
    }
    expect(templateRequestFromQuery(`?format=2021&year=2025&org=${'长'.repeat(101)}`)).toBeNull();
  });
});

describe('deliverTemplate', () => {
  const clicks: { href: string; download: string }[] = [];
  beforeAll(() => {
    // jsdom has no object URLs and does not navigate on click: record what would be downloaded.
    Object.assign(URL, { createObjectURL: () => 'blob:template', revokeObjectURL: () => undefined });
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download });
    };
  });
  beforeEach(() => (clicks.length = 0));

  it('a real .xlsx goes to the host; the link is not used when the host opened it', async () => {
    let got: Uint8Array | null = null;
    let page = '';
    const way = await deliverTemplate(REQ, async (bytes, url) => {
      got = bytes;
      page = url;
      return 'newWorkbook';
    });
    expect(way).toBe('newWorkbook');
    // A zip (the .xlsx container) of some size, and the download page for this request.
    expect(Array.from(got!.subarray(0, 2))).toEqual([0x50, 0x4b]);
    expect(got!.length).toBeGreaterThan(5000);
    expect(templateRequestFromQuery(new URL(page).search)).toEqual(REQ);
    expect(clicks).toEqual([]);
  });

  it('when the host leaves it to the link (or there is no host way), the link downloads the named file', async () => {
    expect(await deliverTemplate(REQ, async () => 'download')).toBe('download');
    expect(await deliverTemplate(REQ)).toBe('download');
    expect(clicks).toEqual([
      { href: 'blob:template', download: templateFileName(REQ) },
      { href: 'blob:template', download: templateFileName(REQ) },
    ]);
  });
});

describe('the pane says where the template went', () => {
  it.each([
    ['newWorkbook', zh.templateOpened],
    ['browser', zh.templateInBrowser],
  ] as const)('%s', async (way, text) => {
    render(
      <FluentProvider theme={webLightTheme}>
        <GenerateForm
          t={zh}
          lang="zh"
          defaultYear={2025}
          onGenerate={async () => ({ ok: true, sheet: 'S', address: 'A1' })}
          onDownloadTemplate={async () => way}
        />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: zh.templateDownload }));
    await waitFor(() => expect(screen.getByText(text)).toBeTruthy());
  });
});
