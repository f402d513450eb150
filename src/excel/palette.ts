/**
 * Colours the adapter paints with. The self-checking conditional formats written at generation (their colours are
 * part of the layout plan, `SELF_CHECK_FILL` in model/layout.ts) are deliberately paler than these, so that where
 * both apply the add-in's strong/light distinction shows.
 */

export type PaintClass = 'errorStrong' | 'errorLight' | 'warningStrong' | 'warningLight' | 'unfilled';

/** Strongest first: a cell involved in several findings shows the most urgent one. */
export const PAINT_ORDER: readonly PaintClass[] = [
  'errorStrong',
  'errorLight',
  'warningStrong',
  'warningLight',
  'unfilled',
];

/**
 * `*Strong`: the cell most likely wrong. `*Light`: a candidate, one of the cells that could explain a finding:
 * a neutral lavender (errors) or pale amber (warnings), so that it does not read as "this cell is wrong".
 */
export const PAINT_FILL: Record<PaintClass, string> = {
  errorStrong: '#F8696B',
  errorLight: '#E4DFEC',
  warningStrong: '#FFC000',
  warningLight: '#FFF2CC',
  unfilled: '#DDEBF7',
};

/**
 * The most likely cell also shows its figure bold in a dark colour: a cue that does not rely on colour alone. Dark
 * enough to read on its fill at WCAG AA (4.5:1 for normal text; 4.96 on the red, 6.66 on the amber; axe-core in
 * test/e2e/pane-a11y.test.ts checks the legend's sample, which uses these colours).
 */
export const PAINT_FONT: Partial<Record<PaintClass, string>> & { errorStrong: string } = {
  errorStrong: '#5C0000',
  warningStrong: '#4D3A00',
};

export function paintClassOfFill(color: string | null | undefined): PaintClass | null {
  if (!color) return null;
  const c = color.toUpperCase();
  return PAINT_ORDER.find((k) => PAINT_FILL[k] === c) ?? null;
}
