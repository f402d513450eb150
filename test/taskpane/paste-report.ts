/** The user pastes a report into the pane's import section and asks for the preview; returns the section. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { strings, type Strings } from '../../src/taskpane/i18n';

export async function pasteReport(text: string, t: Strings = strings('zh')): Promise<HTMLElement> {
  const section = screen.getByRole('region', { name: t.importHeading });
  fireEvent.change(within(section).getByRole('textbox', { name: new RegExp(t.importText) }), {
    target: { value: text },
  });
  await act(async () => {
    fireEvent.click(within(section).getByRole('button', { name: t.importPreview }));
  });
  return section;
}
