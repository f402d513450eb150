/** The user pastes a report into the pane's import section and asks for the preview; returns the section. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { strings, type Strings } from '../../src/taskpane/i18n';

export async function pasteReport(text: string, t: Strings = strings('zh')): Promise<HTMLElement> {
  const section = screen.getByRole('region', { name: t.importHeading });
  // The import panel loads on demand (src/taskpane/lazy-panels.ts): wait for it as a user would.
  const box = await within(section).findByRole('textbox', { name: new RegExp(t.importText) });
  fireEvent.change(box, { target: { value: text } });
  await act(async () => {
    fireEvent.click(within(section).getByRole('button', { name: t.importPreview }));
  });
  return section;
}
