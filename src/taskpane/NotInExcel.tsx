import * as React from 'react';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Lang } from '../model/types';
import { strings } from './i18n';
import { FLUENT_THEMES, type ThemeKind } from './theme';

/** Shown when the page is opened outside Excel (a browser, Word): a clear message instead of a blank pane. */
export function NotInExcel({ lang, theme = 'light' }: { lang: Lang; theme?: ThemeKind }) {
  const t = strings(lang);
  return (
    <FluentProvider theme={FLUENT_THEMES[theme]} style={{ padding: 12, minHeight: '100vh' }}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.notInExcelTitle}</MessageBarTitle>
          {t.notInExcel}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
