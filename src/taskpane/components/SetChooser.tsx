import * as React from 'react';
import { ToggleButton } from '@fluentui/react-components';
import type { TableSet } from '../host-api';
import type { Lang } from '../../model/types';
import { setStrings } from '../i18n-sets';
import { useStyles } from './styles';

interface SetChooserProps {
  lang: Lang;
  /** Every set of tables in the workbook (`HostCheck.sets`); nothing is shown for fewer than two. */
  sets: readonly TableSet[];
  /** The id of the set checked now. */
  checked?: string;
  onChoose(id: string): Promise<void>;
}

/**
 * With two or more sets of tables in the workbook, one toggle button per set (its sheet and year), the checked one
 * pressed: a click, or Enter/Space on the focused button, checks that set and shows its sheet. Buttons rather than a
 * tab list: each is reached with Tab and says whether it is pressed, with nothing hidden from assistive technology.
 */
export function SetChooser({ lang, sets, checked, onChoose }: SetChooserProps) {
  const s = useStyles();
  const t = setStrings(lang);
  const [busy, setBusy] = React.useState<string | null>(null);
  const labelId = React.useId();
  if (sets.length < 2) return null;
  const choose = async (id: string) => {
    if (id === checked || busy) return;
    setBusy(id);
    try {
      await onChoose(id);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className={s.stack} data-testid="set-chooser">
      <span id={labelId} className={s.muted}>
        {t.chooserLabel(sets.length)}
      </span>
      <div className={s.toolbar} role="group" aria-labelledby={labelId}>
        {sets.map((x) => (
          <ToggleButton
            key={x.id}
            size="small"
            // Pressed is said to assistive technology (aria-pressed) and shown as the primary colour.
            appearance={x.id === checked ? 'primary' : 'secondary'}
            checked={x.id === checked}
            disabledFocusable={busy !== null && busy !== x.id}
            onClick={() => void choose(x.id)}
          >
            {busy === x.id ? t.choosing : t.setOption(x.sheet, x.year)}
          </ToggleButton>
        ))}
      </div>
    </div>
  );
}
