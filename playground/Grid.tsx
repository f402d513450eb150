/**
 * The stand-in workbook drawn as a spreadsheet: column and row headers, merged cells, fills and conditional-format
 * paint, a selection, a name box and formula bar, sheet tabs. Typing and pasting go through the stand-in's user
 * actions, so they fire the same events Excel fires and the add-in's live check reacts as it would in Excel.
 *
 * What a user would notice differs from Excel is done as Excel does it: a range is selected by dragging, shift+click
 * or shift+arrows (the active cell stays where the selection started); Ctrl+Z undoes through the stand-in's undo;
 * rows are inserted and deleted from the right-click menu; a refusal (a protected cell) stays on screen until the
 * user closes it or the next edit succeeds; Esc or F6 moves the focus to the task pane, F6 there comes back; columns
 * keep their widths and the sheet scrolls; while the cell editor is open the stand-in is in cell-edit mode, as Excel
 * is while the user types.
 */
import * as React from 'react';
import {
  FluentProvider,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  webLightTheme,
  type PositioningVirtualElement,
} from '@fluentui/react-components';
import { UserActionRefused, type StandInApp } from '../standin/app';
import { a1, columnLetters, rectA1, sameRect, type Rect } from '../src/model/a1';
import { blockAt, gridView, parseClipboard, selectionBetween, type Cell, type GridCell } from './grid-view';

/** Redraws after every change and selection move in the stand-in, whoever made it (user or add-in). */
function useRenderTick(app: StandInApp): number {
  const [tick, setTick] = React.useState(0);
  React.useEffect(() => app.onRender(() => setTick((v) => v + 1)), [app]);
  return tick;
}

const MIN_ROWS = 30;
const MIN_COLS = 10;
const ROW_HEADER_PX = 40;

/** The playground's words, Chinese first. */
const TEXT = {
  nameBox: '名称框',
  formulaBar: '编辑栏',
  sheets: '工作表',
  protectedNote: '（已保护）',
  close: '关闭 Close',
  menu: '单元格菜单 Cell menu',
  insertRows: (n: number) => (n > 1 ? `插入 ${n} 行 · Insert ${n} rows` : '插入行 · Insert row'),
  deleteRows: (n: number) => (n > 1 ? `删除 ${n} 行 · Delete ${n} rows` : '删除行 · Delete row'),
  undo: '撤销 · Undo (Ctrl+Z)',
  // Excel's own words for a protected cell (zh-CN and en-US Excel).
  protectedCell:
    '您试图更改的单元格或图表位于受保护的工作表中。若要进行更改，请取消工作表保护。' +
    " · The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
};

interface GridProps {
  app: StandInApp;
  /** Where Esc and F6 send the focus: the task pane beside the grid. */
  paneSelector?: string;
}

/** The first control in the pane that takes the focus. */
function focusPane(selector: string): boolean {
  const pane = document.querySelector<HTMLElement>(selector);
  const target = pane?.querySelector<HTMLElement>(
    'button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])',
  );
  target?.focus();
  return !!target;
}

export function Grid({ app, paneSelector = '.pg-pane' }: GridProps) {
  useRenderTick(app);
  const sheetName = app.activeSheet();
  const view = gridView(app.view(sheetName, MIN_ROWS, MIN_COLS));
  const sel = view.selection;
  const inRect = (r: Rect, c: Cell) =>
    c.row >= r.row && c.row < r.row + r.rows && c.col >= r.col && c.col < r.col + r.cols;
  // The active cell is where the user started the selection; a selection made elsewhere (the add-in's goToCell)
  // starts at its top-left cell.
  const [anchor, setAnchor] = React.useState<Cell | null>(null);
  const [extent, setExtent] = React.useState<Cell | null>(null);
  const active = anchor && inRect(sel, anchor) ? anchor : { row: sel.row, col: sel.col };
  const end = extent && inRect(sel, extent) ? extent : active;
  const activeAddress = a1(active.row, active.col);
  const activeText = String(app.cell(sheetName, activeAddress).formula ?? '');
  // Excel's name box shows the active cell for a single cell or one merged block, the range otherwise.
  const oneBlock = sameRect(blockAt(view.merges, active.row, active.col), sel);
  const nameBox = oneBlock ? activeAddress : rectA1(sel);
  const [draft, setDraft] = React.useState<string | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);
  const [menuAt, setMenuAt] = React.useState<{ x: number; y: number } | null>(null);
  const input = React.useRef<HTMLInputElement>(null);
  const grid = React.useRef<HTMLDivElement>(null);
  const dragging = React.useRef<Cell | null>(null);

  // A selection moved by the add-in (goToCell) scrolls into view, as Excel does.
  React.useEffect(() => {
    const el = grid.current?.querySelector<HTMLElement>(`[data-address="${a1(end.row, end.col)}"]`);
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [sheetName, end.row, end.col]);

  // While the cell editor is open Excel is in cell-edit mode: add-in batches wait or fail until the edit ends.
  const editing = draft !== null;
  React.useEffect(() => {
    if (!editing) return;
    app.enterCellEditMode();
    return () => app.leaveCellEditMode();
  }, [app, editing]);

  // A drag ends wherever the mouse button is released; F6 in the pane comes back to the grid.
  React.useEffect(() => {
    const up = () => (dragging.current = null);
    const f6 = (e: KeyboardEvent) => {
      // Not the F6 the grid itself just handled (it reaches the document after moving the focus to the pane).
      if (e.key !== 'F6' || e.defaultPrevented) return;
      const pane = document.querySelector(paneSelector);
      if (pane && pane.contains(document.activeElement)) {
        e.preventDefault();
        grid.current?.focus();
      }
    };
    document.addEventListener('mouseup', up);
    document.addEventListener('keydown', f6);
    return () => {
      document.removeEventListener('mouseup', up);
      document.removeEventListener('keydown', f6);
    };
  }, [paneSelector]);

  /** Runs an edit; what Excel would refuse is shown and stays until closed or until an edit succeeds. */
  const edit = (fn: () => void) => {
    try {
      fn();
      setMessage(null);
    } catch (e) {
      if (e instanceof UserActionRefused && e.reason === 'protected') setMessage(TEXT.protectedCell);
      else setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  /** Moves the selection (never an edit: a message on screen stays). */
  const select = (from: Cell, to: Cell = from) => {
    try {
      app.select(sheetName, rectA1(selectionBetween(view.merges, from, to)));
      setAnchor(from);
      setExtent(to);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  /** One step from a cell, over whole merged blocks. */
  const step = (from: Cell, dr: number, dc: number): Cell => {
    const here = blockAt(view.merges, from.row, from.col);
    const row = dr > 0 ? here.row + here.rows : dr < 0 ? Math.max(0, here.row - 1) : from.row;
    const col = dc > 0 ? here.col + here.cols : dc < 0 ? Math.max(0, here.col - 1) : from.col;
    const b = blockAt(view.merges, row, col);
    return { row: dr === 0 ? from.row : b.row, col: dc === 0 ? from.col : b.col };
  };
  const commit = (text: string, then: () => void) => {
    // The edit ends as the value is entered, as in Excel: cell-edit mode is left before the change event.
    app.leaveCellEditMode();
    setDraft(null);
    edit(() => app.typeCell(sheetName, activeAddress, text));
    then();
    grid.current?.focus();
  };
  const startEditing = (text: string) => {
    setDraft(text);
    input.current?.focus();
  };
  const openMenu = (x: number, y: number) => setMenuAt({ x, y });

  const onGridKey = (e: React.KeyboardEvent) => {
    if (e.target !== grid.current) return;
    const arrows: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const ctrl = e.ctrlKey || e.metaKey;
    if (arrows[e.key]) {
      e.preventDefault();
      // Shift extends the selection from the active cell; a plain arrow moves it.
      if (e.shiftKey) select(active, step(end, ...arrows[e.key]));
      else select(step(active, ...arrows[e.key]));
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      select(step(active, e.key === 'Enter' ? (e.shiftKey ? -1 : 1) : 0, e.key === 'Tab' ? (e.shiftKey ? -1 : 1) : 0));
    } else if (ctrl && (e.key === 'z' || e.key === 'Z')) {
      e.preventDefault();
      edit(() => void app.undo());
    } else if (e.key === 'Escape' || e.key === 'F6') {
      // Out of the grid to the task pane (Excel: F6 moves between the sheet and the pane).
      if (focusPane(paneSelector)) e.preventDefault();
    } else if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      e.preventDefault();
      const box = grid.current?.querySelector(`[data-address="${activeAddress}"]`)?.getBoundingClientRect();
      openMenu(box ? box.left + box.width / 2 : 0, box ? box.bottom : 0);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      edit(() => app.clear(sheetName, rectA1(sel)));
    } else if (e.key === 'F2') {
      e.preventDefault();
      startEditing(activeText);
    } else if (e.key.length === 1 && !ctrl && !e.altKey) {
      // Typing on a selected cell starts editing it with that character, as in Excel.
      e.preventDefault();
      startEditing(e.key);
    }
  };

  const onPaste = (e: React.ClipboardEvent) => {
    const text = e.clipboardData.getData('text/plain');
    if (!text || e.target === input.current) return;
    e.preventDefault();
    edit(() => app.paste(sheetName, activeAddress, parseClipboard(text)));
  };

  const onCellMouseDown = (e: React.MouseEvent, c: Cell) => {
    e.preventDefault();
    grid.current?.focus();
    if (e.button === 2) {
      // Right-click inside the selection keeps it (to act on all its rows); elsewhere it selects that cell first.
      if (!inRect(sel, c)) select(c);
      return;
    }
    if (e.shiftKey) {
      select(active, c);
    } else {
      select(c);
      dragging.current = c;
    }
  };
  /** A row header selects the row's cells (shift: the rows from the active cell's); right-click keeps a selection. */
  const onRowHeaderMouseDown = (e: React.MouseEvent, row: number) => {
    e.preventDefault();
    grid.current?.focus();
    const last = view.colWidths.length - 1;
    if (e.button === 2 && row >= sel.row && row < sel.row + sel.rows) return;
    if (e.shiftKey) select({ row: active.row, col: 0 }, { row, col: last });
    else select({ row, col: 0 }, { row, col: last });
  };
  const onCellMouseEnter = (c: Cell) => {
    if (dragging.current) select(dragging.current, c);
  };

  const rowCount = sel.rows;
  const virtualTarget: PositioningVirtualElement | undefined = menuAt
    ? {
        getBoundingClientRect: () =>
          ({
            x: menuAt.x,
            y: menuAt.y,
            left: menuAt.x,
            top: menuAt.y,
            right: menuAt.x,
            bottom: menuAt.y,
            width: 0,
            height: 0,
          }) as DOMRect,
      }
    : undefined;
  const tableWidth = ROW_HEADER_PX + view.colWidths.reduce((a, b) => a + b, 0);

  return (
    <div className="pg-book" onPaste={onPaste}>
      <div className="pg-formula-bar">
        <output className="pg-namebox" aria-label={TEXT.nameBox} data-testid="namebox">
          {nameBox}
        </output>
        <span className="pg-fx" aria-hidden>
          fx
        </span>
        <input
          ref={input}
          className="pg-formula"
          aria-label={TEXT.formulaBar}
          data-testid="formula-bar"
          data-editing={editing || undefined}
          value={draft ?? activeText}
          onChange={(e) => setDraft(e.target.value)}
          onFocus={() => setDraft((d) => d ?? activeText)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit(draft ?? activeText, () => select(step(active, e.shiftKey ? -1 : 1, 0)));
            } else if (e.key === 'Tab') {
              e.preventDefault();
              commit(draft ?? activeText, () => select(step(active, 0, e.shiftKey ? -1 : 1)));
            } else if (e.key === 'Escape') {
              setDraft(null);
              grid.current?.focus();
            }
          }}
          onBlur={() => setDraft(null)}
        />
      </div>
      {message && (
        <div className="pg-message" role="alert" data-testid="grid-message">
          <span>{message}</span>
          <button type="button" className="pg-message-close" aria-label={TEXT.close} onClick={() => setMessage(null)}>
            ×
          </button>
        </div>
      )}
      <div
        ref={grid}
        className="pg-grid"
        tabIndex={0}
        role="grid"
        aria-label={sheetName}
        aria-multiselectable
        data-testid="grid"
        onKeyDown={onGridKey}
        onContextMenu={(e) => {
          e.preventDefault();
          openMenu(e.clientX, e.clientY);
        }}
      >
        <table style={{ width: tableWidth }}>
          <colgroup>
            <col style={{ width: ROW_HEADER_PX }} />
            {view.colWidths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="pg-corner" />
              {view.colWidths.map((_, c) => (
                <th key={c} className={c >= sel.col && c < sel.col + sel.cols ? 'pg-hdr-on' : undefined}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.lines.map((line, r) => (
              <tr key={r} style={{ height: view.rowHeights[r] }}>
                <th
                  className={r >= sel.row && r < sel.row + sel.rows ? 'pg-hdr-on' : undefined}
                  onMouseDown={(e) => onRowHeaderMouseDown(e, r)}
                >
                  {r + 1}
                </th>
                {line.map((c: GridCell) => {
                  const selected = inRect(sel, c);
                  return (
                    <td
                      key={c.col}
                      rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
                      colSpan={c.colSpan > 1 ? c.colSpan : undefined}
                      data-address={c.address}
                      data-painted={c.painted || undefined}
                      data-selected={selected || undefined}
                      aria-selected={selected}
                      title={c.formula.startsWith('=') ? c.formula : undefined}
                      className={[
                        selected ? 'pg-selected' : '',
                        c.row === active.row && c.col === active.col ? 'pg-active' : '',
                      ].join(' ')}
                      style={{
                        background: c.fill ?? undefined,
                        color: c.color ?? undefined,
                        fontWeight: c.bold ? 600 : undefined,
                        textAlign: c.align,
                        whiteSpace: c.wrap ? 'normal' : 'nowrap',
                        borderTop: c.borders.top,
                        borderRight: c.borders.right,
                        borderBottom: c.borders.bottom,
                        borderLeft: c.borders.left,
                      }}
                      onMouseDown={(e) => onCellMouseDown(e, c)}
                      onMouseEnter={() => onCellMouseEnter(c)}
                      onDoubleClick={() => startEditing(activeText)}
                    >
                      {c.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pg-tabs" role="tablist" aria-label={TEXT.sheets}>
        {app.sheets().map((name) => (
          <button
            key={name}
            role="tab"
            aria-selected={name === sheetName}
            className={name === sheetName ? 'pg-tab pg-tab-on' : 'pg-tab'}
            onClick={() => {
              setAnchor(null);
              setExtent(null);
              try {
                app.activateSheet(name);
              } catch (e) {
                setMessage(e instanceof Error ? e.message : String(e));
              }
            }}
          >
            {name}
            {app.protection(name).protected && <span className="pg-tab-note">{TEXT.protectedNote}</span>}
          </button>
        ))}
      </div>
      <FluentProvider theme={webLightTheme}>
        <Menu
          open={!!menuAt}
          onOpenChange={(_, d) => {
            if (!d.open) {
              setMenuAt(null);
              grid.current?.focus();
            }
          }}
          positioning={{ target: virtualTarget, position: 'below', align: 'start' }}
        >
          <MenuPopover aria-label={TEXT.menu} data-testid="grid-menu">
            <MenuList>
              <MenuItem onClick={() => edit(() => app.insertRows(sheetName, sel.row + 1, rowCount))}>
                {TEXT.insertRows(rowCount)}
              </MenuItem>
              <MenuItem onClick={() => edit(() => app.deleteRows(sheetName, sel.row + 1, rowCount))}>
                {TEXT.deleteRows(rowCount)}
              </MenuItem>
              <MenuItem onClick={() => edit(() => void app.undo())}>{TEXT.undo}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </FluentProvider>
    </div>
  );
}
