import * as React from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Lang } from '../../model/types';
import type { Strings } from '../i18n';
import type { PanelLoader } from '../lazy-panels';
import { failedText } from './ProblemBars';
import { useStyles } from './styles';

interface LazyPanelProps<M> {
  t: Strings;
  lang: Lang;
  loader: PanelLoader<M>;
  /** The panel, given the loaded module. */
  children(module: M): React.ReactNode;
}

/**
 * A panel whose code loads on demand (lazy-panels.ts): a short loading note until its chunk arrives, then the
 * panel. If the chunk cannot be loaded (the network dropped, or the add-in was updated and the old chunk is gone),
 * or the panel fails while rendering, a message takes its place and the rest of the pane keeps working.
 */
export function LazyPanel<M>({ t, lang, loader, children }: LazyPanelProps<M>) {
  const s = useStyles();
  const state = loader.use();
  if (state.status === 'loading') {
    return (
      <p className={s.muted} role="status">
        {t.loading}
      </p>
    );
  }
  if (state.status === 'failed') return <PanelFailure t={t} lang={lang} error={state.error} />;
  return (
    <PanelBoundary t={t} lang={lang}>
      {children(state.module)}
    </PanelBoundary>
  );
}

function PanelFailure({ t, lang, error }: { t: Strings; lang: Lang; error: unknown }) {
  // webpack names a chunk that did not arrive ChunkLoadError; anything else is the panel's own failure.
  const text = error instanceof Error && error.name !== 'ChunkLoadError' ? failedText(error, lang) : t.panelLoadFailed;
  return (
    <MessageBar intent="error">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

interface BoundaryProps {
  t: Strings;
  lang: Lang;
  children: React.ReactNode;
}

/** An error boundary is the only way React keeps a component's failure local instead of unmounting the pane. */
class PanelBoundary extends React.Component<BoundaryProps, { error: unknown }> {
  override state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error(String(error)) };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return <PanelFailure t={this.props.t} lang={this.props.lang} error={this.state.error} />;
  }
}
