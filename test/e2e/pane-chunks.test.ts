/**
 * The pane opens with only what it shows at once (issue #13: the pane opens fast again): the import panel, the rates
 * and the narrative arrive afterwards as a chunk of their own, fetched from the page's own origin (webpack
 * `publicPath: ''`; the CSP allows scripts from 'self' only, besides Office.js). When that chunk cannot be
 * loaded, the rest of the pane still works and says which part is missing.
 */
import { strings } from '../../src/taskpane/i18n';
import { describeBrowser, openPane } from './support/browser';

const zh = strings('zh');
/** The panels' chunk, in development (`pane-panels.js`) and production (`pane-panels.<hash>.js`) builds. */
const PANELS_CHUNK = /\/pane-panels(\.[0-9a-f]+)?\.js$/;

describeBrowser('the pane loads its later panels on demand', () => {
  it('the page names only its main script; the panels chunk comes from the same origin once the pane renders', async () => {
    const session = await openPane('pane-chunks');
    const { page } = session;
    try {
      const origin = new URL(page.url()).origin;
      const html = await (await page.request.get(page.url())).text();
      expect(html).toMatch(/<script[^>]*\ssrc="?playground(\.[0-9a-f]+)?\.js/);
      expect(html).not.toMatch(/pane-panels/);

      // Loaded again with every script request recorded from the start.
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      await page.reload();
      await page.getByRole('button', { name: zh.generate }).waitFor();
      const section = page.getByRole('region', { name: zh.importHeading });
      await section.getByRole('textbox', { name: new RegExp(zh.importText) }).waitFor();

      expect(scripts.length).toBeGreaterThan(1);
      expect(scripts.filter((u) => PANELS_CHUNK.test(new URL(u).pathname))).toHaveLength(1);
      for (const url of scripts) expect(new URL(url).origin).toBe(origin);
      expect(session.errors).toEqual([]);
      await session.shot('loaded');
    } finally {
      await session.close();
    }
  });

  it('a panels chunk that cannot be loaded leaves the pane working and says which part is missing', async () => {
    const session = await openPane('pane-chunks');
    const { page } = session;
    try {
      // Routes registered later are consulted first: the chunk's request now fails as it would offline.
      await page.route(PANELS_CHUNK, (route) => route.abort('internetdisconnected'));
      await page.reload();
      const section = page.getByRole('region', { name: zh.importHeading });
      await section.getByText(zh.panelLoadFailed).waitFor();
      expect(await section.getByRole('textbox').count()).toBe(0);

      // The rest of the pane works: the tables are generated and checked.
      await session.generate('某某县人民政府办公室');
      await session.overall('notFilled');
      // The narrative is in the same chunk: its place says so too.
      const narrative = page.locator('section[aria-labelledby="dt-narrative"]');
      await narrative.getByText(zh.panelLoadFailed).waitFor();
      await session.shot('failed');
    } finally {
      await session.close();
    }
  });
});
