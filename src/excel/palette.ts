/**
 * Colours the adapter paints with. The self-checking conditional formats written at generation are deliberately
 * paler than the add-in's own highlights, so that where both apply the add-in's strong/light distinction shows.
 */
export const SELF_CHECK_FILL = {
  error: '#FCE4E4',
  warning: '#FFF4D6',
  unfilled: '#FFF8E1',
} as const;

export type PaintClass = 'errorStrong' | 'errorLight' | 'warningStrong' | 'warningLight' | 'unfilled';

/** Strongest first: a cell involved in several findings shows the most urgent one. */
export const PAINT_ORDER: readonly PaintClass[] = [
  'errorStrong',
  'errorLight',
  'warningStrong',
  'warningLight',
  'unfilled',
];

export const PAINT_FILL: Record<PaintClass, string> = {
  errorStrong: '#F8696B',
  errorLight: '#FBC4C4',
  warningStrong: '#FFC000',
  warningLight: '#FFE699',
  unfilled: '#DDEBF7',
};

export function paintClassOfFill(color: string | null | undefined): PaintClass | null {
  if (!color) return null;
  const c = color.toUpperCase();
  return PAINT_ORDER.find((k) => PAINT_FILL[k] === c) ?? null;
}
