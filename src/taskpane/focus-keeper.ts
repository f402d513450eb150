import * as React from 'react';

/**
 * Keeps the keyboard user's place in the pane. An action can remove or disable the control that had the focus (a
 * finding disappears once its suggestion is applied, 其余空白填 0 once nothing is blank); the browser then drops the
 * focus to <body>, and the next Tab starts again from the top of the page. After every render this moves the focus
 * to the first of `fallbacks` (selectors, in order; the elements carry tabIndex -1) when, and only when, the focus
 * is on <body> and the control that last had it in the pane is gone or disabled: a user who clicked elsewhere (the
 * sheet, a blank area) keeps their focus where they put it.
 */
export function useKeepFocus(root: React.RefObject<HTMLElement | null>, fallbacks: readonly string[]): void {
  const last = React.useRef<HTMLElement | null>(null);
  React.useEffect(() => {
    const el = root.current;
    if (!el) return;
    const onFocusIn = (e: FocusEvent) => {
      last.current = e.target instanceof HTMLElement ? e.target : null;
    };
    el.addEventListener('focusin', onFocusIn);
    return () => el.removeEventListener('focusin', onFocusIn);
  }, [root]);
  React.useEffect(() => {
    const had = last.current;
    const active = document.activeElement;
    if (!had || !root.current || (active && active !== document.body)) return;
    const lost = !had.isConnected || had.matches(':disabled');
    if (!lost) return;
    for (const selector of fallbacks) {
      const target = root.current.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        return;
      }
    }
  });
}
