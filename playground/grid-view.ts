/**
 * What the playground grid draws of a stand-in sheet, from the stand-in's own `view()` inspector: merged blocks
 * become row/col spans, conditional-format paint wins over the cell's own fill (as in Excel), sizes in pixels.
 */
import type { SheetView } from '../standin';
import { boundingRect, overlaps, parseRef, type Rect } from '../src/model/a1';

export interface GridCell {
  row: number;
  col: number;
  address: string;
  rowSpan: number;
  colSpan: number;
  text: string;
  formula: string;
  fill: string | null;
  painted: boolean;
  color: string | null;
  bold: boolean;
  align: 'left' | 'center' | 'right';
  wrap: boolean;
  locked: boolean;
  /** CSS borders of the four edges Excel draws (empty when the edge has none: the gridline shows). */
  borders: { top?: string; right?: string; bottom?: string; left?: string };
}

interface GridView {
  name: string;
  colWidths: number[];
  rowHeights: number[];
  /** Per row, the cells that start there (cells covered by a merge are left out). */
  lines: GridCell[][];
  selection: Rect;
  merges: Rect[];
  protected: boolean;
}

const PT_TO_PX = 96 / 72;
/** Stand-in column widths are in points, like Excel's `format.columnWidth`. */
const px = (pt: number) => Math.round(pt * PT_TO_PX);

export function gridView(v: SheetView): GridView {
  const merges = v.merges.map((a) => parseRef(a)).filter((r): r is Rect => r !== null);
  const covered = new Set<string>();
  for (const m of merges)
    for (let r = m.row; r < m.row + m.rows; r++)
      for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
  const lines = v.cells.map((row, r) =>
    row
      .map((info, c): GridCell | null => {
        if (covered.has(`${r},${c}`)) return null;
        const m = merges.find((x) => x.row === r && x.col === c);
        const h = info.horizontalAlignment;
        const numeric = info.valueType === 'Double';
        return {
          row: r,
          col: c,
          address: info.address,
          rowSpan: m ? Math.min(m.rows, v.rows - r) : 1,
          colSpan: m ? Math.min(m.cols, v.cols - c) : 1,
          text: info.text,
          formula: String(info.formula ?? ''),
          fill: info.conditionalFill ?? info.fill,
          painted: !!info.conditionalFill,
          color: info.valueType === 'Error' ? '#c00000' : info.conditionalFont?.color || info.font.color || null,
          bold: info.conditionalFont?.bold ?? info.font.bold,
          align: /center/i.test(h)
            ? 'center'
            : h === 'Right'
              ? 'right'
              : h === 'Left'
                ? 'left'
                : numeric
                  ? 'right'
                  : 'left',
          wrap: info.wrapText,
          locked: info.locked,
          borders: edges(info.borders),
        };
      })
      .filter((c): c is GridCell => c !== null),
  );
  return {
    name: v.name,
    colWidths: v.columnWidths.map(px),
    rowHeights: v.rowHeights.map(px),
    lines,
    selection: parseRef(v.selection) ?? { row: 0, col: 0, rows: 1, cols: 1 },
    merges,
    protected: v.protected,
  };
}

const EDGE_CSS: Record<string, string> = {
  Continuous: '1px solid #000',
  Dash: '1px dashed #000',
  Dot: '1px dotted #000',
  Double: '3px double #000',
};

function edges(b: { top: string; right: string; bottom: string; left: string }): GridCell['borders'] {
  const css = (style: string) => (style && style !== 'None' ? (EDGE_CSS[style] ?? '1px solid #000') : undefined);
  return { top: css(b.top), right: css(b.right), bottom: css(b.bottom), left: css(b.left) };
}

/** The block a click lands on: a whole merged area, as Excel selects it. */
export function blockAt(merges: Rect[], row: number, col: number): Rect {
  return (
    merges.find((m) => row >= m.row && row < m.row + m.rows && col >= m.col && col < m.col + m.cols) ?? {
      row,
      col,
      rows: 1,
      cols: 1,
    }
  );
}

/** Clipboard text (tab-separated lines, as Excel and WPS copy) → rows of cells. */
export function parseClipboard(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((l) => l.split('\t'));
}

/** A range grown until no merged block sticks out of it: Excel never selects part of a merge. */
export function growToMerges(rect: Rect, merges: Rect[]): Rect {
  let out = rect;
  for (let changed = true; changed;) {
    changed = false;
    for (const m of merges) {
      if (!overlaps(out, m)) continue;
      const grown = boundingRect(out, m);
      if (grown.rows !== out.rows || grown.cols !== out.cols) {
        out = grown;
        changed = true;
      }
    }
  }
  return out;
}

/** The selection from the anchor cell to the cell the user extends to, merged blocks whole (drag, shift+click). */
export function selectionBetween(merges: Rect[], anchor: Cell, to: Cell): Rect {
  return growToMerges(boundingRect(blockAt(merges, anchor.row, anchor.col), blockAt(merges, to.row, to.col)), merges);
}

export interface Cell {
  row: number;
  col: number;
}
