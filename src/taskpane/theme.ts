/**
 * Follows the Office theme with Fluent's own themes. Office gives colours, not a theme name: a dark body
 * background means a dark theme; the OS's forced-colours mode means high contrast.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeKind = 'light' | 'dark' | 'highContrast';

interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

/** Relative luminance of a `#rrggbb` colour, 0 (black) to 1 (white); null when it cannot be read. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex?.trim() ?? '');
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((x) => {
    const c = parseInt(x, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeKind(office: OfficeThemeLike | undefined, forcedColors: boolean): ThemeKind {
  if (forcedColors) return 'highContrast';
  if (office?.isDarkTheme !== undefined) return office.isDarkTheme ? 'dark' : 'light';
  const l = luminance(office?.bodyBackgroundColor);
  return l !== null && l < 0.2 ? 'dark' : 'light';
}

export const FLUENT_THEMES: Record<ThemeKind, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};
