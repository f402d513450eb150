import * as React from 'react';
import { makeStyles, mergeClasses, ToggleButton, tokens } from '@fluentui/react-components';
import { getFormat } from '../../model/formats';
import { formatNumber } from '../../model/numbers';
import type { Lang, TableDef, TableId } from '../../model/types';
import type { Strings } from '../i18n';
import { type ImportPlan, type PreviewState, previewCell } from '../import-plan';
import { previewGrid } from '../preview-grid';

const useGridStyles = makeStyles({
  // The pane is about 320 px wide and table 三 has a dozen columns: the table scrolls inside its own box.
  scroller: {
    overflowX: 'auto',
    maxWidth: '100%',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    '& th, & td': {
      border: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: `1px ${tokens.spacingHorizontalXXS}`,
      verticalAlign: 'middle',
    },
    '& th': { fontWeight: tokens.fontWeightRegular, textAlign: 'left', minWidth: '4em', maxWidth: '12em' },
    '& td': { textAlign: 'right', whiteSpace: 'nowrap' },
  },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXXS} 0` },
  header: { backgroundColor: tokens.colorNeutralBackground3 },
  write: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  total: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  notNumber: { color: tokens.colorPaletteDarkOrangeForeground1, textDecorationLine: 'underline' },
  blank: { color: tokens.colorNeutralForeground3 },
  unread: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    outline: `1px dashed ${tokens.colorPaletteDarkOrangeBorder2}`,
    outlineOffset: '-2px',
  },
  legend: { margin: '0', paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase100 },
  switcher: { display: 'flex', gap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalXS },
});

interface ImportPreviewTablesProps {
  t: Strings;
  lang: Lang;
  plan: ImportPlan;
}

/** The three tables as the import would fill them, one at a time, with what each cell gets. */
export function ImportPreviewTables({ t, lang, plan }: ImportPreviewTablesProps) {
  const s = useGridStyles();
  const format = getFormat(plan.format);
  const [shown, setShown] = React.useState<TableId>('T3');
  const baseId = React.useId();
  const table = format.tables.find((x) => x.id === shown) ?? format.tables[0];
  const states = new Set(format.cells.map((c) => previewCell(plan, c).state));

  return (
    <section aria-labelledby={`${baseId}-h`} data-testid="import-tables">
      <h4 id={`${baseId}-h`} className={s.caption}>
        {t.importTablesHeading}
      </h4>
      {/* Toggle buttons, not a Fluent TabList: its focus manager adds aria-hidden focusable elements (axe). */}
      <div role="group" aria-label={t.importTablesHeading} className={s.switcher}>
        {format.tables.map((x) => (
          <ToggleButton
            key={x.id}
            size="small"
            checked={x.id === table.id}
            aria-controls={`${baseId}-panel`}
            onClick={() => setShown(x.id)}
          >
            {x.shortName[lang]}
          </ToggleButton>
        ))}
      </div>
      <div
        id={`${baseId}-panel`}
        role="region"
        aria-label={`${table.shortName[lang]} ${table.heading}`}
        className={s.scroller}
        // A scrolling box must be reachable from the keyboard to scroll it (WCAG 2.1.1).
        tabIndex={0}
        data-table={table.id}
        data-testid="import-table"
      >
        <PreviewTable t={t} lang={lang} plan={plan} table={table} />
      </div>
      <p className={s.caption}>{t.importTablesHint}</p>
      <ul className={s.legend}>
        {states.has('write') && <li className={s.write}>{t.importLegendWrite}</li>}
        {states.has('total') && <li className={s.total}>{t.importLegendTotal}</li>}
        {states.has('notNumber') && <li className={s.notNumber}>{t.importLegendNotNumber}</li>}
        {states.has('blank') && <li className={s.blank}>{t.importLegendBlank}</li>}
        {states.has('unread') && <li className={s.unread}>{t.importLegendUnread}</li>}
      </ul>
    </section>
  );
}

function PreviewTable({ t, lang, plan, table }: ImportPreviewTablesProps & { table: TableDef }) {
  const s = useGridStyles();
  const stateClass: Record<PreviewState, string> = {
    write: s.write,
    total: s.total,
    notNumber: s.notNumber,
    blank: s.blank,
    unread: s.unread,
  };
  return (
    <table className={s.table}>
      <caption className={s.caption}>{`${table.shortName[lang]} ${table.heading}`}</caption>
      <tbody>
        {previewGrid(table).map((row, r) => (
          <tr key={r}>
            {row.map(({ item, rows, cols }) => {
              const span = { rowSpan: rows > 1 ? rows : undefined, colSpan: cols > 1 ? cols : undefined };
              if (item.kind === 'label') {
                const { label } = item;
                const scope = label.role === 'rowLabel' ? 'row' : label.role === 'caption' ? 'colgroup' : 'col';
                return (
                  <th
                    key={`l${label.row}-${label.col}`}
                    scope={scope}
                    className={label.role === 'rowLabel' ? undefined : s.header}
                    {...span}
                  >
                    {label.text}
                  </th>
                );
              }
              const { state, value } = previewCell(plan, item.cell);
              const text =
                state === 'blank'
                  ? t.importCellBlank
                  : state === 'unread'
                    ? t.importCellUnread
                    : typeof value === 'number'
                      ? formatNumber(value)
                      : String(value ?? '');
              return (
                <td
                  key={item.cell.id}
                  data-cell={item.cell.id}
                  data-state={state}
                  className={mergeClasses(stateClass[state])}
                  {...span}
                >
                  {text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
