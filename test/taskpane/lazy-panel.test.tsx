/** @jest-environment jsdom */
/**
 * Panels whose code loads on demand (src/taskpane/lazy-panels.ts, issue #13: the pane opens fast again): a loading
 * note while the chunk arrives, the panel once it has; what is around them renders at once and updates meanwhile;
 * the load starts once, however many panels wait for it; a chunk that cannot be loaded, or a panel that fails,
 * leaves a message in its place while the rest of the pane stays.
 */
import './jsdom-env';
import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { LazyPanel } from '../../src/taskpane/components/LazyPanel';
import { panelLoader, type PanelLoader } from '../../src/taskpane/lazy-panels';
import { strings } from '../../src/taskpane/i18n';
import { failedText } from '../../src/taskpane/components/ProblemBars';
import type { Lang } from '../../src/model/types';

interface Module {
  Panel(props: { text: string }): React.ReactNode;
}

/** A loader whose chunk arrives (or fails) when the test says so, counting how often it was asked to load. */
function deferredLoader() {
  let resolve: (m: Module) => void = () => undefined;
  let reject: (e: Error) => void = () => undefined;
  const calls: number[] = [];
  const loader = panelLoader<Module>(() => {
    calls.push(1);
    return new Promise<Module>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
  });
  return { loader, calls, resolve: (m: Module) => resolve(m), reject: (e: Error) => reject(e) };
}

const panelModule: Module = { Panel: ({ text }) => <p>{text}</p> };

function Pane({ lang, loader, status }: { lang: Lang; loader: PanelLoader<Module>; status: string }) {
  const t = strings(lang);
  return (
    <FluentProvider theme={webLightTheme}>
      <h1>{status}</h1>
      <LazyPanel t={t} lang={lang} loader={loader}>
        {(m) => <m.Panel text="the import panel" />}
      </LazyPanel>
      <LazyPanel t={t} lang={lang} loader={loader}>
        {(m) => <m.Panel text="the narrative" />}
      </LazyPanel>
      <button type="button">still here</button>
    </FluentProvider>
  );
}

/** A chunk webpack could not fetch, as its runtime names the error. */
function chunkLoadError(): Error {
  const e = new Error('Loading chunk 123 failed.\n(error: http://localhost/pane-panels.js)');
  e.name = 'ChunkLoadError';
  return e;
}

describe('panels loaded on demand', () => {
  // React logs what an error boundary caught; the test asserts what the user sees instead.
  let quiet: jest.SpyInstance;
  beforeEach(() => {
    quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => quiet.mockRestore());

  it('say 正在加载… while the chunk loads, once for both panels, and the pane around them updates meanwhile', async () => {
    const { loader, calls, resolve } = deferredLoader();
    const { rerender } = render(<Pane lang="zh" loader={loader} status="正在检查…" />);
    expect(screen.getAllByRole('status').map((e) => e.textContent)).toEqual([
      strings('zh').loading,
      strings('zh').loading,
    ]);
    // The first check's result shows at once, while the panels are still on their way.
    rerender(<Pane lang="zh" loader={loader} status="尚未填写" />);
    expect(screen.getByRole('heading', { name: '尚未填写' })).toBeTruthy();
    expect(screen.getAllByRole('status')).toHaveLength(2);
    expect(calls).toHaveLength(1);

    await act(async () => resolve(panelModule));
    expect(screen.getByText('the import panel')).toBeTruthy();
    expect(screen.getByText('the narrative')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it.each(['zh', 'en'] as const)(
    '(%s) a chunk that cannot be loaded gives a message in each panel’s place; the rest of the pane stays',
    async (lang) => {
      const t = strings(lang);
      const { loader, reject } = deferredLoader();
      render(<Pane lang={lang} loader={loader} status="pane" />);
      await act(async () => reject(chunkLoadError()));
      expect(screen.getAllByText(t.panelLoadFailed)).toHaveLength(2);
      expect(screen.getByRole('heading', { name: 'pane' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'still here' })).toBeTruthy();
      expect(screen.queryByText('the import panel')).toBeNull();
    },
  );

  it("a panel's own failure is said with its message in its place, not as a failed download", async () => {
    const t = strings('zh');
    const { loader, resolve } = deferredLoader();
    render(<Pane lang="zh" loader={loader} status="pane" />);
    const broken: Module = {
      Panel: ({ text }) => {
        if (text === 'the narrative') throw new Error('预览表格出错');
        return <p>{text}</p>;
      },
    };
    await act(async () => resolve(broken));
    expect(screen.getByText(failedText(new Error('预览表格出错'), 'zh'))).toBeTruthy();
    expect(screen.queryByText(t.panelLoadFailed)).toBeNull();
    expect(screen.getByText('the import panel')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'still here' })).toBeTruthy();
  });
});
