/**
 * The pane's panels that neither its first paint nor its first check needs: the import panel (below the generate
 * form) and, once the workbook has tables, the rates and the narrative. They are one chunk of their own
 * (`pane-panels`, one request), served from the add-in's own origin like the main script (webpack `publicPath:
 * ''`: the chunk's URL is relative to the page), and fetched once the pane has first rendered. The pane the user
 * opens dozens of times a day then parses only what it shows at once.
 *
 * Not React.lazy: a lazy component that suspends while the chunk is on its way makes React hold back the whole
 * update it is part of, so the first check's result (the status, the findings) waited for a panel below it. Here
 * the panels' place shows a loading note and everything else renders at once.
 */
import * as React from 'react';

type LoadState<M> = { status: 'loading' } | { status: 'ready'; module: M } | { status: 'failed'; error: unknown };

export interface PanelLoader<M> {
  /** The load's state, re-rendering when it changes; the first component to use it starts the load. */
  use(): LoadState<M>;
}

/** One load of `importer`, shared by every panel that uses it; a failed load stays failed (the pane says so). */
export function panelLoader<M>(importer: () => Promise<M>): PanelLoader<M> {
  let state: LoadState<M> = { status: 'loading' };
  let started = false;
  const listeners = new Set<() => void>();
  const settle = (next: LoadState<M>) => {
    state = next;
    for (const l of listeners) l();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    if (!started) {
      started = true;
      importer().then(
        (module) => settle({ status: 'ready', module }),
        (error: unknown) => settle({ status: 'failed', error }),
      );
    }
    return () => void listeners.delete(listener);
  };
  const snapshot = () => state;
  return { use: () => React.useSyncExternalStore(subscribe, snapshot, snapshot) };
}

type Panels = typeof import('./panels');

export const panels: PanelLoader<Panels> = panelLoader(() => import(/* webpackChunkName: "pane-panels" */ './panels'));
