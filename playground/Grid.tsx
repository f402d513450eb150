/**
 * The stand-in workbook drawn as a spreadsheet: column and row headers, merged cells, fills and conditional-format
 * paint, a selection, a name box and formula bar, sheet tabs. Typing and pasting go through the stand-in's user
 * actions, so they fire the same events Excel fires and the add-in's live check reacts as it would in Excel.
 */
import * as React from 'react';
import type { StandInApp } from '../standin';
import { cellA1, columnLetters, rectA1, sameRect, type Rect } from '../standin/address';
import { blockAt, gridView, parseClipboard, type GridCell } from './grid-view';

/** Redraws after every change and selection move in the stand-in, whoever made it (user or add-in). */
function useRenderTick(app: StandInApp): number {
  const [tick, setTick] = React.useState(0);
  React.useEffect(() => app.onRender(() => setTick((v) => v + 1)), [app]);
  return tick;
}

const MIN_ROWS = 30;
const MIN_COLS = 10;

export function Grid({ app }: { app: StandInApp }) {
  useRenderTick(app);
  const sheetName = app.activeSheet();
  const view = gridView(app.view(sheetName, MIN_ROWS, MIN_COLS));
  const sel = view.selection;
  const activeInfo = app.cell(sheetName, cellA1(sel.row, sel.col));
  const activeText = String(activeInfo.formula ?? '');
  // Excel's name box shows the active cell for a single cell or one merged block, the range otherwise.
  const oneBlock = sameRect(blockAt(view.merges, sel.row, sel.col), sel);
  const nameBox = oneBlock ? cellA1(sel.row, sel.col) : rectA1(sel);
  const [draft, setDraft] = React.useState<string | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);
  const input = React.useRef<HTMLInputElement>(null);
  const grid = React.useRef<HTMLDivElement>(null);

  // A selection moved by the add-in (goToCell) scrolls into view, as Excel does.
  React.useEffect(() => {
    const el = grid.current?.querySelector<HTMLElement>(`[data-address="${cellA1(sel.row, sel.col)}"]`);
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [sheetName, sel.row, sel.col]);

  /** Runs a user action; what Excel would refuse (a protected cell, a validation rule) is shown as its message. */
  const act = (fn: () => void) => {
    try {
      fn();
      setMessage(null);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  const selectRect = (r: Rect) => act(() => app.select(sheetName, rectA1(r)));
  const move = (dr: number, dc: number) => {
    const here = blockAt(view.merges, sel.row, sel.col);
    const row = dr > 0 ? here.row + here.rows : Math.max(0, here.row + dr);
    const col = dc > 0 ? here.col + here.cols : Math.max(0, here.col + dc);
    selectRect(blockAt(view.merges, dr === 0 ? sel.row : row, dc === 0 ? sel.col : col));
  };
  const commit = (text: string, then: () => void) => {
    setDraft(null);
    act(() => app.typeCell(sheetName, cellA1(sel.row, sel.col), text));
    then();
    grid.current?.focus();
  };

  const onGridKey = (e: React.KeyboardEvent) => {
    if (e.target !== grid.current) return;
    const arrows: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [1, 0],
      Tab: [0, e.shiftKey ? -1 : 1],
    };
    if (arrows[e.key]) {
      e.preventDefault();
      move(...arrows[e.key]);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      act(() => app.clear(sheetName, rectA1(sel)));
    } else if (e.key === 'F2') {
      e.preventDefault();
      setDraft(activeText);
      input.current?.focus();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Typing on a selected cell starts editing it with that character, as in Excel.
      e.preventDefault();
      setDraft(e.key);
      input.current?.focus();
    }
  };

  const onPaste = (e: React.ClipboardEvent) => {
    const text = e.clipboardData.getData('text/plain');
    if (!text || e.target === input.current) return;
    e.preventDefault();
    act(() => app.paste(sheetName, cellA1(sel.row, sel.col), parseClipboard(text)));
  };

  const inSelection = (c: GridCell) =>
    c.row >= sel.row && c.row < sel.row + sel.rows && c.col >= sel.col && c.col < sel.col + sel.cols;

  return (
    <div className="pg-book" onPaste={onPaste}>
      <div className="pg-formula-bar">
        <output className="pg-namebox" aria-label="名称框" data-testid="namebox">
          {nameBox}
        </output>
        <span className="pg-fx" aria-hidden>
          fx
        </span>
        <input
          ref={input}
          className="pg-formula"
          aria-label="编辑栏"
          data-testid="formula-bar"
          value={draft ?? activeText}
          onChange={(e) => setDraft(e.target.value)}
          onFocus={() => setDraft((d) => d ?? activeText)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit(draft ?? activeText, () => move(1, 0));
            } else if (e.key === 'Tab') {
              e.preventDefault();
              commit(draft ?? activeText, () => move(0, 1));
            } else if (e.key === 'Escape') {
              setDraft(null);
              grid.current?.focus();
            }
          }}
          onBlur={() => setDraft(null)}
        />
      </div>
      {message && (
        <div className="pg-message" role="alert">
          {message}
        </div>
      )}
      <div
        ref={grid}
        className="pg-grid"
        tabIndex={0}
        role="grid"
        aria-label={sheetName}
        data-testid="grid"
        onKeyDown={onGridKey}
      >
        <table>
          <colgroup>
            <col style={{ width: 40 }} />
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
                <th className={r >= sel.row && r < sel.row + sel.rows ? 'pg-hdr-on' : undefined}>{r + 1}</th>
                {line.map((c) => {
                  const address = c.address;
                  const selected = inSelection(c);
                  return (
                    <td
                      key={c.col}
                      rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
                      colSpan={c.colSpan > 1 ? c.colSpan : undefined}
                      data-address={address}
                      data-painted={c.painted || undefined}
                      data-selected={selected || undefined}
                      title={c.formula.startsWith('=') ? c.formula : undefined}
                      className={[
                        selected ? 'pg-selected' : '',
                        c.row === sel.row && c.col === sel.col ? 'pg-active' : '',
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
                      onMouseDown={(e) => {
                        e.preventDefault();
                        grid.current?.focus();
                        selectRect(blockAt(view.merges, c.row, c.col));
                      }}
                      onDoubleClick={() => {
                        setDraft(activeText);
                        input.current?.focus();
                      }}
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
      <div className="pg-tabs" role="tablist" aria-label="工作表">
        {app.sheets().map((name) => (
          <button
            key={name}
            role="tab"
            aria-selected={name === sheetName}
            className={name === sheetName ? 'pg-tab pg-tab-on' : 'pg-tab'}
            onClick={() => act(() => app.select(name, app.view(name, 1, 1).selection))}
          >
            {name}
            {app.protection(name).protected && <span className="pg-tab-note">（已保护）</span>}
          </button>
        ))}
      </div>
    </div>
  );
}
