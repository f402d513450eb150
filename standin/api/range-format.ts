/**
 * The range's format objects (Excel.RangeFormat, RangeFill, RangeFont, FormatProtection, RangeBorderCollection,
 * RangeBorder): each reads and writes the cell formats of every rectangle of the range that owns it.
 */
import type { Rect } from '../../src/model/a1';
import { cellsOf, intersect } from '../../src/model/a1';
import { key } from '../calc';
import { invalidArgument } from '../errors';
import type { BorderState, CellFormat, SheetState } from '../state';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from '../state';
import { displayText } from '../values';
import type { Mirror } from './base';
import { StandInContext, StandInObject } from './base';
import type { RangeBase } from './range';

/** The value every cell shares, or null when they differ (as Excel answers a property of a mixed range). */
function common<T>(values: T[]): T | null {
  if (!values.length) return null;
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) ? values[0] : null;
}

/** Shared by the format objects: every cell of every rectangle of the owning range. */
abstract class FormatPart extends StandInObject<true> {
  constructor(
    ctx: StandInContext,
    typeName: string,
    protected readonly owner: RangeBase,
  ) {
    super(ctx, typeName, true, false, true);
  }

  protected cells(): { sheet: SheetState; cells: [number, number][] } {
    const { sheet, rects } = this.owner._sheetAndRects();
    const cells: [number, number][] = [];
    for (const rect of rects) {
      const r = rect.rows * rect.cols > 1_000_000 ? (intersect(this.book.usedRect(sheet) ?? rect, rect) ?? rect) : rect;
      if (r.rows * r.cols > 1_000_000) continue;
      for (const rc of cellsOf(r)) cells.push(rc);
    }
    return { sheet, cells };
  }

  protected commonFormat<T>(pick: (f: CellFormat) => T): T | null {
    const { sheet, cells } = this.cells();
    return common(cells.map(([r, c]) => pick(this.book.cellFormat(sheet, r, c))));
  }

  protected apply(prop: string, value: unknown, fn: (f: CellFormat, r: number, c: number, rect: Rect) => void): void {
    this.put(prop, value, () => {
      const { sheet, rects } = this.owner._sheetAndRects();
      for (const rect of rects)
        this.book.formatCells(sheet, rect, (f, r, c) => fn(f, r, c, rect), `${this._typeName}.${prop}`);
    });
  }
}

export class StandInRangeFormat
  extends FormatPart
  implements
    Mirror<
      Excel.RangeFormat,
      | 'horizontalAlignment'
      | 'verticalAlignment'
      | 'wrapText'
      | 'indentLevel'
      | 'columnWidth'
      | 'rowHeight'
      | 'fill'
      | 'font'
      | 'borders'
      | 'protection'
      | 'autofitColumns'
      | 'autofitRows'
      | 'load'
    >
{
  protected readonly scalarProps = [
    'horizontalAlignment',
    'verticalAlignment',
    'wrapText',
    'indentLevel',
    'columnWidth',
    'rowHeight',
  ] as const;
  readonly fill: StandInRangeFill;
  readonly font: StandInRangeFont;
  readonly borders: StandInRangeBorderCollection;
  readonly protection: StandInFormatProtection;

  constructor(ctx: StandInContext, owner: RangeBase) {
    super(ctx, 'RangeFormat', owner);
    this.fill = new StandInRangeFill(ctx, owner);
    this.font = new StandInRangeFont(ctx, owner);
    this.borders = new StandInRangeBorderCollection(ctx, owner);
    this.protection = new StandInFormatProtection(ctx, owner);
  }

  protected override child(prop: string): StandInObject | null {
    if (prop === 'fill') return this.fill;
    if (prop === 'font') return this.font;
    if (prop === 'borders') return this.borders;
    if (prop === 'protection') return this.protection;
    return null;
  }

  protected read(prop: string): unknown {
    const { sheet, rects } = this.owner._sheetAndRects();
    switch (prop) {
      case 'horizontalAlignment':
        return this.commonFormat((f) => f.horizontalAlignment);
      case 'verticalAlignment':
        return this.commonFormat((f) => f.verticalAlignment);
      case 'wrapText':
        return this.commonFormat((f) => f.wrapText);
      case 'indentLevel':
        return this.commonFormat((f) => f.indentLevel);
      case 'columnWidth': {
        const widths: number[] = [];
        for (const r of rects)
          for (let c = r.col; c < r.col + Math.min(r.cols, 1000); c++)
            widths.push(sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        return common(widths);
      }
      case 'rowHeight': {
        const heights: number[] = [];
        for (const r of rects)
          for (let i = r.row; i < r.row + Math.min(r.rows, 10000); i++)
            heights.push(sheet.rowHeights.get(i) ?? DEFAULT_ROW_HEIGHT);
        return common(heights);
      }
      default:
        return undefined;
    }
  }

  get horizontalAlignment(): Excel.RangeFormat['horizontalAlignment'] {
    return this.get('horizontalAlignment');
  }
  set horizontalAlignment(v: Excel.RangeFormat['horizontalAlignment']) {
    this.apply('horizontalAlignment', v, (f) => (f.horizontalAlignment = v));
  }
  get verticalAlignment(): Excel.RangeFormat['verticalAlignment'] {
    return this.get('verticalAlignment');
  }
  set verticalAlignment(v: Excel.RangeFormat['verticalAlignment']) {
    this.apply('verticalAlignment', v, (f) => (f.verticalAlignment = v));
  }
  get wrapText(): boolean {
    return this.get('wrapText');
  }
  set wrapText(v: boolean) {
    this.apply('wrapText', v, (f) => (f.wrapText = v));
  }
  get indentLevel(): number {
    return this.get('indentLevel');
  }
  set indentLevel(v: number) {
    this.apply('indentLevel', v, (f) => (f.indentLevel = v));
  }
  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(v: number) {
    this.put('columnWidth', v, () => {
      const { sheet, rects } = this.owner._sheetAndRects();
      for (const r of rects) this.book.setColumnWidth(sheet, r, v, 'RangeFormat.columnWidth');
    });
  }
  get rowHeight(): number {
    return this.get('rowHeight');
  }
  set rowHeight(v: number) {
    this.put('rowHeight', v, () => {
      const { sheet, rects } = this.owner._sheetAndRects();
      for (const r of rects) this.book.setRowHeight(sheet, r, v, 'RangeFormat.rowHeight');
    });
  }

  /** Width from the longest shown text (CJK characters count double), roughly as Excel measures. */
  autofitColumns(): void {
    this.op('autofitColumns', () => {
      const { sheet, rects } = this.owner._sheetAndRects();
      for (const rect of rects) {
        const used = intersect(this.book.usedRect(sheet) ?? rect, rect);
        if (!used) continue;
        for (let c = used.col; c < used.col + used.cols; c++) {
          let units = 0;
          for (let r = used.row; r < used.row + used.rows; r++) {
            const m = this.book.mergeAt(sheet, r, c);
            if (m && (m.cols > 1 || m.row !== r)) continue;
            const f = this.book.cellFormat(sheet, r, c);
            const text = displayText(this.book.cellValue(sheet, r, c), f.numberFormat);
            const u = textUnits(text) * (f.font.size / 11);
            if (u > units) units = u;
          }
          this.book.setColumnWidth(
            sheet,
            { row: 0, col: c, rows: 1, cols: 1 },
            units ? Math.ceil(units * 5.6 + 6) : DEFAULT_COLUMN_WIDTH,
            'RangeFormat.autofitColumns',
          );
        }
      }
    });
  }

  autofitRows(): void {
    this.op('autofitRows', () => {
      const { sheet, rects } = this.owner._sheetAndRects();
      for (const rect of rects) {
        const used = intersect(this.book.usedRect(sheet) ?? rect, rect);
        if (!used) continue;
        for (let r = used.row; r < used.row + used.rows; r++) {
          let height = DEFAULT_ROW_HEIGHT;
          for (let c = used.col; c < used.col + used.cols; c++) {
            const f = this.book.cellFormat(sheet, r, c);
            const line = Math.ceil(f.font.size * 1.36);
            let lines = 1;
            if (f.wrapText) {
              const width = sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
              const text = displayText(this.book.cellValue(sheet, r, c), f.numberFormat);
              lines = Math.max(1, Math.ceil((textUnits(text) * 5.6 * (f.font.size / 11)) / Math.max(width - 4, 1)));
            }
            height = Math.max(height, lines * line);
          }
          this.book.setRowHeight(sheet, { row: r, col: 0, rows: 1, cols: 1 }, height, 'RangeFormat.autofitRows');
        }
      }
    });
  }
}

function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 2 : 1;
  return n;
}

class StandInRangeFill extends FormatPart implements Mirror<Excel.RangeFill, 'color' | 'clear' | 'load'> {
  protected readonly scalarProps = ['color'] as const;

  constructor(ctx: StandInContext, owner: RangeBase) {
    super(ctx, 'RangeFill', owner);
  }

  protected read(): unknown {
    // Office reports no fill as white.
    return this.commonFormat((f) => f.fill ?? '#FFFFFF');
  }

  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.apply('color', v, (f) => (f.fill = normalizeColor(v)));
  }

  clear(): void {
    this.apply('color', '#FFFFFF', (f) => (f.fill = null));
  }
}

class StandInRangeFont
  extends FormatPart
  implements
    Mirror<Excel.RangeFont, 'name' | 'size' | 'bold' | 'italic' | 'color' | 'underline' | 'strikethrough' | 'load'>
{
  protected readonly scalarProps = ['name', 'size', 'bold', 'italic', 'color', 'underline', 'strikethrough'] as const;

  constructor(ctx: StandInContext, owner: RangeBase) {
    super(ctx, 'RangeFont', owner);
  }

  protected read(prop: string): unknown {
    return this.commonFormat((f) => f.font[prop as keyof CellFormat['font']]);
  }

  private setFont<K extends keyof CellFormat['font']>(prop: K, v: CellFormat['font'][K]): void {
    this.apply(prop, v, (f) => (f.font[prop] = v));
  }

  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.setFont('name', v);
  }
  get size(): number {
    return this.get('size');
  }
  set size(v: number) {
    this.setFont('size', v);
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.setFont('bold', v);
  }
  get italic(): boolean {
    return this.get('italic');
  }
  set italic(v: boolean) {
    this.setFont('italic', v);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.setFont('color', normalizeColor(v) ?? '#000000');
  }
  get underline(): Excel.RangeFont['underline'] {
    return this.get('underline');
  }
  set underline(v: Excel.RangeFont['underline']) {
    this.setFont('underline', v);
  }
  get strikethrough(): boolean {
    return this.get('strikethrough');
  }
  set strikethrough(v: boolean) {
    this.setFont('strikethrough', v);
  }
}

class StandInFormatProtection
  extends FormatPart
  implements Mirror<Excel.FormatProtection, 'locked' | 'formulaHidden' | 'load'>
{
  protected readonly scalarProps = ['locked', 'formulaHidden'] as const;

  constructor(ctx: StandInContext, owner: RangeBase) {
    super(ctx, 'FormatProtection', owner);
  }

  protected read(prop: string): unknown {
    return this.commonFormat((f) => (prop === 'locked' ? f.locked : f.formulaHidden));
  }

  get locked(): boolean {
    return this.get('locked');
  }
  set locked(v: boolean) {
    this.put('locked', v, () => {
      const { sheet, rects } = this.owner._sheetAndRects();
      for (const r of rects) this.book.setLocked(sheet, r, v, 'FormatProtection.locked');
    });
  }
  get formulaHidden(): boolean {
    return this.get('formulaHidden');
  }
  set formulaHidden(v: boolean) {
    this.apply('formulaHidden', v, (f) => (f.formulaHidden = v));
  }
}

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';
const BORDER_INDEXES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
] as const;
type BorderIndex = (typeof BORDER_INDEXES)[number];
const NO_BORDER: BorderState = { style: 'None', color: '#000000', weight: 'Thin' };
const OPPOSITE: Record<Edge, [Edge, number, number]> = {
  EdgeTop: ['EdgeBottom', -1, 0],
  EdgeBottom: ['EdgeTop', 1, 0],
  EdgeLeft: ['EdgeRight', 0, -1],
  EdgeRight: ['EdgeLeft', 0, 1],
};

class StandInRangeBorderCollection
  extends FormatPart
  implements Mirror<Excel.RangeBorderCollection, 'getItem' | 'getItemAt' | 'count' | 'items' | 'load'>
{
  protected readonly scalarProps = ['count'] as const;

  constructor(ctx: StandInContext, owner: RangeBase) {
    super(ctx, 'RangeBorderCollection', owner);
  }

  protected read(): unknown {
    return BORDER_INDEXES.length;
  }

  get count(): number {
    return this.get('count');
  }

  get items(): StandInRangeBorder[] {
    return BORDER_INDEXES.map((i) => new StandInRangeBorder(this.context, this.owner, i));
  }

  getItem(index: Excel.BorderIndex | BorderIndex): StandInRangeBorder {
    if (!BORDER_INDEXES.includes(index as BorderIndex)) throw invalidArgument('RangeBorderCollection.getItem');
    return new StandInRangeBorder(this.context, this.owner, index as BorderIndex);
  }

  getItemAt(index: number): StandInRangeBorder {
    return this.getItem(BORDER_INDEXES[index]);
  }
}

class StandInRangeBorder
  extends FormatPart
  implements Mirror<Excel.RangeBorder, 'sideIndex' | 'style' | 'color' | 'weight' | 'load'>
{
  protected readonly scalarProps = ['sideIndex', 'style', 'color', 'weight'] as const;

  constructor(
    ctx: StandInContext,
    owner: RangeBase,
    private readonly index: BorderIndex,
  ) {
    super(ctx, 'RangeBorder', owner);
  }

  /** The cells (and which of their edges) that make up this border of the range. */
  private edges(rect: Rect): [number, number, Edge | 'DiagonalDown' | 'DiagonalUp'][] {
    const out: [number, number, Edge | 'DiagonalDown' | 'DiagonalUp'][] = [];
    for (const [r, c] of cellsOf(rect)) {
      const top = r === rect.row;
      const bottom = r === rect.row + rect.rows - 1;
      const left = c === rect.col;
      const right = c === rect.col + rect.cols - 1;
      switch (this.index) {
        case 'EdgeTop':
          if (top) out.push([r, c, 'EdgeTop']);
          break;
        case 'EdgeBottom':
          if (bottom) out.push([r, c, 'EdgeBottom']);
          break;
        case 'EdgeLeft':
          if (left) out.push([r, c, 'EdgeLeft']);
          break;
        case 'EdgeRight':
          if (right) out.push([r, c, 'EdgeRight']);
          break;
        case 'InsideHorizontal':
          if (!bottom) out.push([r, c, 'EdgeBottom']);
          break;
        case 'InsideVertical':
          if (!right) out.push([r, c, 'EdgeRight']);
          break;
        default:
          out.push([r, c, this.index]);
      }
    }
    return out;
  }

  protected read(prop: string): unknown {
    if (prop === 'sideIndex') return this.index;
    const { sheet, rects } = this.owner._sheetAndRects();
    const states: BorderState[] = [];
    for (const rect of rects) {
      if (rect.rows * rect.cols > 1_000_000) continue;
      for (const [r, c, edge] of this.edges(rect))
        states.push(this.book.cellFormat(sheet, r, c).borders[edge] ?? NO_BORDER);
    }
    if (!states.length) return prop === 'style' ? 'None' : null;
    return common(states.map((s) => s[prop as keyof BorderState]));
  }

  private setBorder(prop: keyof BorderState, v: string): void {
    this.put(prop, v, () => {
      const { sheet, rects } = this.owner._sheetAndRects();
      for (const rect of rects) {
        const edges = this.edges(rect);
        const touched: Rect[] = [rect];
        // The neighbour across an edge shares it: Excel shows one line.
        for (const [r, c, e] of edges) {
          if (e in OPPOSITE) {
            const [, dr, dc] = OPPOSITE[e as Edge];
            if (r + dr >= 0 && c + dc >= 0) touched.push({ row: r + dr, col: c + dc, rows: 1, cols: 1 });
          }
        }
        const wanted = new Map<number, (Edge | 'DiagonalDown' | 'DiagonalUp')[]>();
        const add = (r: number, c: number, e: Edge | 'DiagonalDown' | 'DiagonalUp') => {
          const k = key(r, c);
          wanted.set(k, [...(wanted.get(k) ?? []), e]);
        };
        for (const [r, c, e] of edges) {
          add(r, c, e);
          if (e in OPPOSITE) {
            const [opp, dr, dc] = OPPOSITE[e as Edge];
            if (r + dr >= 0 && c + dc >= 0) add(r + dr, c + dc, opp);
          }
        }
        for (const t of touched) {
          this.book.formatCells(
            sheet,
            t,
            (f, r, c) => {
              for (const e of wanted.get(key(r, c)) ?? []) {
                // Setting a colour or weight on an absent border draws a continuous line, as Excel does.
                const base = f.borders[e] ?? (prop === 'style' ? NO_BORDER : { ...NO_BORDER, style: 'Continuous' });
                const cur = { ...base, [prop]: prop === 'color' ? (normalizeColor(v) ?? '#000000') : v };
                if (cur.style === 'None') delete f.borders[e];
                else f.borders[e] = cur;
              }
            },
            'RangeBorder.' + prop,
          );
        }
      }
    });
  }

  get sideIndex(): Excel.RangeBorder['sideIndex'] {
    return this.get('sideIndex');
  }
  get style(): Excel.RangeBorder['style'] {
    return this.get('style');
  }
  set style(v: Excel.RangeBorder['style']) {
    this.setBorder('style', v);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.setBorder('color', v);
  }
  get weight(): Excel.RangeBorder['weight'] {
    return this.get('weight');
  }
  set weight(v: Excel.RangeBorder['weight']) {
    this.setBorder('weight', v);
  }
}

/** Office answers colours as upper-case `#RRGGBB`; it also accepts names like `red`. */
export function normalizeColor(v: string | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  const named: Record<string, string> = {
    black: '#000000',
    white: '#FFFFFF',
    red: '#FF0000',
    green: '#008000',
    blue: '#0000FF',
    yellow: '#FFFF00',
    orange: '#FFA500',
    gray: '#808080',
    grey: '#808080',
  };
  const lower = v.trim().toLowerCase();
  if (named[lower]) return named[lower];
  if (/^#[0-9a-f]{6}$/i.test(v.trim())) return v.trim().toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(v.trim())) {
    const h = v.trim().slice(1);
    return `#${h[0]}${h[0]}${h[1]}${h[1]}${h[2]}${h[2]}`.toUpperCase();
  }
  throw invalidArgument('color', `The colour '${v}' is not valid.`);
}
