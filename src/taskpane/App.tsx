import * as React from 'react';
import { Button, FluentProvider, MessageBar, MessageBarBody, Switch } from '@fluentui/react-components';
import { ArrowSync16Regular, PaintBrushSubtract16Regular } from '@fluentui/react-icons';
import type { GenerateRequest, HostCheck, HostOperations, HostProblem } from './host-api';
import type { CellId, Finding, Lang } from '../model/types';
import { FindingsList } from './components/FindingsList';
import { GenerateForm, type GenerateFormProps } from './components/GenerateForm';
import { ProblemBars, failedText } from './components/ProblemBars';
import { Legend, StatusSummary } from './components/StatusSummary';
import { PAINT_FILL, PAINT_FONT } from '../excel/palette';
import { blankInputs, damagedTables, mistakesOf, overview } from './view-model';
import { useStyles } from './components/styles';
import { strings } from './i18n';
import { formatMessage } from '../model/messages';
import { FLUENT_THEMES, type ThemeKind } from './theme';
import { useKeepFocus } from './focus-keeper';
import { LazyPanel } from './components/LazyPanel';
import { panels } from './lazy-panels';
import { ReviewedMarks } from './components/ReviewedMarks';
import { SetChooser } from './components/SetChooser';
import { newMark } from '../model/reviewed-marks';
import { reviewStrings } from './i18n-review';

interface AppProps {
  host: HostOperations;
  initialLang?: Lang;
  theme?: ThemeKind;
  /** Today, for the default report year (the year before). */
  today?: Date;
  /** Offers the blank .xlsx template (lazy-loaded); absent in tests. */
  onDownloadTemplate?: GenerateFormProps['onDownloadTemplate'];
  /** Extra panels (import, template) rendered under the findings, given the current language. */
  extras?: (ctx: { lang: Lang; host: HostOperations; onResult(c: HostCheck): void }) => React.ReactNode;
}

const FOCUS_FALLBACKS = ['[data-testid="overall"]', 'h1'] as const;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function App({ theme = 'light', ...props }: AppProps) {
  return (
    <FluentProvider theme={FLUENT_THEMES[theme]}>
      <Pane {...props} />
    </FluentProvider>
  );
}

function Pane({ host, initialLang = 'zh', today, extras, onDownloadTemplate }: AppProps) {
  const s = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const t = strings(lang);
  const missing = React.useMemo(() => host.missingRequirements(), [host]);
  const [check, setCheck] = React.useState<HostCheck | null>(null);
  const [live, setLive] = React.useState(true);
  const [busy, setBusy] = React.useState<'check' | 'clear' | null>(null);
  const [failure, setFailure] = React.useState<string | null>(null);
  // Live starts and stops are serialised: a stop still in flight must not cancel the start that follows it.
  const liveChain = React.useRef<Promise<unknown>>(Promise.resolve());
  // A control an action removes hands the focus to the summary (what the action did), else to the title.
  const rootRef = React.useRef<HTMLElement>(null);
  useKeepFocus(rootRef, FOCUS_FALLBACKS);

  const guarded = React.useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      const out = await fn();
      setFailure(null);
      return out;
    } catch (e) {
      setFailure(messageOf(e));
      return undefined;
    }
  }, []);

  const checkNow = React.useCallback(async () => {
    setBusy('check');
    const c = await guarded(() => host.checkNow());
    if (c) setCheck(c);
    setBusy(null);
  }, [guarded, host]);

  const supported = missing.length === 0;

  React.useEffect(() => {
    if (supported) void checkNow();
  }, [supported, checkNow]);

  React.useEffect(() => {
    if (!supported || !live) return;
    let active = true;
    liveChain.current = liveChain.current
      .then(() => host.startLive((c) => active && setCheck(c)))
      .catch((e) => setFailure(messageOf(e)));
    return () => {
      active = false;
      liveChain.current = liveChain.current.then(() => host.stopLive()).catch(() => undefined);
    };
    // The language is not a dependency: switching it re-renders the findings the pane has, without a new read.
  }, [supported, live, host]);

  const generate = async (req: GenerateRequest) => {
    const out = await host.generate(req);
    if (out.ok) await checkNow();
    return out;
  };
  const goTo = (id: CellId) => void guarded(() => host.goToCell(id));
  const apply = async (values: Record<CellId, number>) => {
    const c = await guarded(() => host.writeValues(values));
    if (c) setCheck(c);
  };
  const restore = host.restoreFormulas
    ? async (formulas: Record<CellId, string>) => {
        const c = await guarded(() => host.restoreFormulas!(formulas));
        if (c) setCheck(c);
      }
    : undefined;
  // 已核实 marks: the mark is made from the check the pane shows, stored by the host, which re-checks.
  const markReviewed = host.markReviewed
    ? async (f: Finding, reason: string) => {
        if (!check?.result) return null;
        const made = newMark(f, check.result, reason, today ?? new Date());
        if (!made.ok) return made.problem;
        const c = await guarded(() => host.markReviewed!(made.mark));
        if (c) setCheck(c);
        return null;
      }
    : undefined;
  // Another set of tables: the host checks it and shows its sheet.
  const chooseSet = async (id: string) => {
    const c = await guarded(() => host.chooseSet!(id));
    if (c) setCheck(c);
  };
  const unmarkReviewed = async (key: string) => {
    const c = await guarded(() => host.unmarkReviewed!(key));
    if (c) setCheck(c);
  };
  const clear = async () => {
    setBusy('clear');
    await guarded(() => host.clearHighlights());
    setBusy(null);
  };

  const result = check?.result ?? null;
  const mistakes = React.useMemo(() => (check ? mistakesOf(check) : []), [check]);
  const problems: HostProblem[] = supported
    ? (check?.problems ?? [])
    : [{ kind: 'unsupportedHost', missing: missing.join(', ') }];
  const status = result ? overview(result, mistakes, damagedTables(problems)) : undefined;
  const blanks = result ? blankInputs(result) : [];
  const fillZero = async () => apply(Object.fromEntries(blanks.map((id) => [id, 0])));
  const defaultYear = (today ?? new Date()).getFullYear() - 1;

  const generateSection = (
    <section className={s.section} aria-labelledby="dt-generate">
      <h2 id="dt-generate" className={s.sectionTitle}>
        {t.generateHeading}
      </h2>
      <GenerateForm
        t={t}
        lang={lang}
        onGenerate={generate}
        disabled={!supported}
        defaultYear={defaultYear}
        onDownloadTemplate={onDownloadTemplate}
        existingSheet={result ? (check?.sheet ?? null) : null}
      />
    </section>
  );

  return (
    <main ref={rootRef} className={s.root} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className={s.header}>
        <h1 className={s.title} tabIndex={-1}>
          {t.appTitle}
        </h1>
        <Button
          appearance="subtle"
          size="small"
          aria-label={t.switchLanguageLabel}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t.switchLanguage}
        </Button>
      </header>

      <ProblemBars lang={lang} problems={problems} format={result?.format} />
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{failedText(failure, lang)}</MessageBarBody>
        </MessageBar>
      )}

      {supported && (
        <>
          <div className={s.toolbar} role="toolbar" aria-label={t.statusHeading}>
            <Switch checked={live} onChange={(_, d) => setLive(d.checked)} label={t.liveCheck} />
            <Button icon={<ArrowSync16Regular />} onClick={() => void checkNow()} disabled={busy !== null}>
              {busy === 'check' ? t.checking : t.checkNow}
            </Button>
            <Button
              icon={<PaintBrushSubtract16Regular />}
              appearance="subtle"
              onClick={() => void clear()}
              disabled={busy !== null || !result}
            >
              {t.clearHighlights}
            </Button>
          </div>

          {host.chooseSet && check?.sets && (
            <SetChooser lang={lang} sets={check.sets} checked={check.checkedSet} onChoose={chooseSet} />
          )}
          {result && (
            <>
              <section className={s.section} aria-labelledby="dt-status">
                <h2 id="dt-status" className={s.sectionTitle}>
                  {t.statusHeading}
                </h2>
                <StatusSummary
                  t={t}
                  lang={lang}
                  result={result}
                  overview={status}
                  tables={check?.tables ?? []}
                  onFillZero={blanks.length ? fillZero : undefined}
                />
                {check && !check.painted && <p className={s.muted}>{formatMessage('host.notPainted', lang)}</p>}
                <LazyPanel t={t} lang={lang} loader={panels}>
                  {(p) => <p.RatesSummary lang={lang} result={result} />}
                </LazyPanel>
              </section>
              <section className={s.section} aria-labelledby="dt-findings">
                <h2 id="dt-findings" className={s.sectionTitle}>
                  {t.findingsHeading}
                </h2>
                <FindingsList
                  t={t}
                  lang={lang}
                  result={result}
                  mistakes={mistakes}
                  edits={check?.edits ?? {}}
                  cellAddress={check?.cellAddress ?? {}}
                  onGoTo={goTo}
                  onApply={apply}
                  onRestore={restore}
                  onMark={markReviewed}
                />
                {check?.painted && (mistakes.length > 0 || blanks.length > 0) && (
                  <Legend
                    t={t}
                    fills={{
                      suspect: PAINT_FILL.errorStrong,
                      suspectFont: PAINT_FONT.errorStrong,
                      candidate: PAINT_FILL.errorLight,
                      unfilled: PAINT_FILL.unfilled,
                    }}
                  />
                )}
              </section>
              {host.unmarkReviewed && check?.marks && check.marks.length > 0 && (
                <section className={s.section} aria-labelledby="dt-marks">
                  <h2 id="dt-marks" className={s.sectionTitle}>
                    {reviewStrings(lang).marksHeading}
                  </h2>
                  <ReviewedMarks lang={lang} format={result.format} marks={check.marks} onRemove={unmarkReviewed} />
                </section>
              )}
              <section className={s.section} aria-labelledby="dt-narrative">
                <h2 id="dt-narrative" className={s.sectionTitle}>
                  {reviewStrings(lang).narrativeHeading}
                </h2>
                <LazyPanel t={t} lang={lang} loader={panels}>
                  {(p) => (
                    <p.NarrativePanel
                      lang={lang}
                      result={result}
                      errors={status?.errors ?? 0}
                      blanks={blanks.length}
                      writeText={host.writeText?.bind(host)}
                    />
                  )}
                </LazyPanel>
              </section>
            </>
          )}
          {/* One place in the tree whatever the state, so the form keeps what was typed and its messages. */}
          {generateSection}
          <section className={s.section} aria-labelledby="dt-import">
            <h2 id="dt-import" className={s.sectionTitle}>
              {t.importHeading}
            </h2>
            <LazyPanel t={t} lang={lang} loader={panels}>
              {(p) => (
                <p.ImportPanel
                  t={t}
                  lang={lang}
                  host={host}
                  tables={result}
                  workbook={result ? check?.report : undefined}
                  onResult={setCheck}
                />
              )}
            </LazyPanel>
          </section>
          {extras?.({ lang, host, onResult: setCheck })}
        </>
      )}
    </main>
  );
}
