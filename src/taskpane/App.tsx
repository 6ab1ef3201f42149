import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Button, Caption1, makeStyles, Spinner, Subtitle2, Title3, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, PlayRegular, SettingsRegular } from '@fluentui/react-icons';
import { errorText, type CheckOutcome, type DetectResult, type DiagnosticsView, type PaneBackend, type Progress } from './backend';
import { STRINGS, type Locale, type Strings } from './i18n';
import type { ColumnOverrides } from '../host/settings-values';
import type { PaneSettings } from './settings';
import { DEFAULT_SETTINGS } from './settings';
import { CheckProgress, ClearQuestion, LedgerList, NoticeBar, Results, Shell, withMapping, type ClearAsk, useRun } from './shell';

// Panels the first screen does not need: their code (and the Fluent parts only they use) load on demand.
const SettingsPanel = lazy(() => import(/* webpackChunkName: "settings" */ './SettingsPanel'));
const Diagnostics = lazy(() => import(/* webpackChunkName: "diagnostics" */ './Diagnostics'));

/** Settings edits are saved to the workbook this long after the last change (a colour being dragged). */
const SAVE_DELAY_MS = 400;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  headerText: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  standard: { color: tokens.colorNeutralForeground3 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sectionHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type Busy = 'detect' | 'check' | 'clear' | 'summarize' | 'diagnose' | null;

export interface AppProps {
  backend: PaneBackend;
  /** From Office.context.displayLanguage; the settings panel may override it. */
  officeLocale: Locale;
  /** Test hook: a detect result to show without calling the backend. */
  initialDetect?: DetectResult;
}

export function App({ backend, officeLocale, initialDetect }: AppProps) {
  const [settings, setSettings] = useState<PaneSettings>(DEFAULT_SETTINGS);
  const locale: Locale = settings.language === 'auto' ? officeLocale : settings.language;
  const t = STRINGS[locale];
  const styles = useStyles();

  const [detected, setDetected] = useState<DetectResult | null>(initialDetect ?? null);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const failure = useCallback((e: unknown) => errorText(e, t.errors), [t]);
  const { busy, busyRef, notice, setNotice, progress, setProgress, run: runOne } = useRun<Exclude<Busy, null>, Progress>(failure);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // Mounted from the first opening on, so the drawer can close itself (unmounting an open drawer leaves
  // the pane aria-hidden).
  const [settingsMounted, setSettingsMounted] = useState(false);
  // 清除标记 asks first when the workbook keeps a 整改 history (runs saved); mounted from the first question on.
  const [confirm, setConfirm] = useState<ClearAsk>(null);
  const asking = useRef(false);
  // 诊断: the dialog opens at once with a spinner; result null until the backend answers.
  const [diag, setDiag] = useState<{ open: boolean; result: DiagnosticsView | null } | null>(null);

  // Settings live in the workbook (sheet _junheng_settings): loaded once, saved shortly after each change,
  // and flushed before any run so the run uses what the user just chose.
  const pendingSave = useRef<{ timer: ReturnType<typeof setTimeout>; save: () => Promise<void> } | null>(null);
  const flushSettings = useCallback(async () => {
    const p = pendingSave.current;
    if (!p) return;
    pendingSave.current = null;
    clearTimeout(p.timer);
    await p.save();
  }, []);
  const updateSettings = useCallback(
    (next: PaneSettings) => {
      setSettings(next);
      if (pendingSave.current) clearTimeout(pendingSave.current.timer);
      const save = () =>
        backend.saveSettings(next).catch((e: unknown) => setNotice({ intent: 'error', text: errorText(e, STRINGS[locale].errors) }));
      const timer = setTimeout(() => {
        pendingSave.current = null;
        void save();
      }, SAVE_DELAY_MS);
      pendingSave.current = { timer, save };
    },
    [backend, locale, setNotice],
  );

  /** Runs one backend call at a time; any failure becomes a sentence of ours, never the error's text. */
  const run = useCallback(
    <T,>(kind: Exclude<Busy, null>, call: () => Promise<T>, onDone: (r: T) => void) =>
      runOne(kind, async () => {
        await flushSettings();
        onDone(await call());
      }),
    [runOne, flushSettings],
  );

  const detect = useCallback(() => run('detect', () => backend.detect(), setDetected), [run, backend]);
  useEffect(() => {
    // load the workbook's settings and detect once when the pane opens; 重新识别 detects again
    backend
      .loadSettings()
      .then(setSettings)
      .catch((e: unknown) => setNotice({ intent: 'error', text: errorText(e, t.errors) }));
    if (!initialDetect) void detect();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once on mount

  const startCheck = () =>
    run(
      'check',
      () => {
        setProgress({ phase: 'read', fraction: 0 });
        return backend.check(setProgress);
      },
      (r) => {
        setOutcome(r);
        setNotice({ intent: 'success', text: [t.run.done(r.findings.length, r.marked), ...(r.notices ?? [])].join('\n') });
      },
    );
  const summarize = () =>
    run('summarize', () => backend.summarize(), (r) => setNotice({ intent: 'success', text: t.actions.summarized(r.sheets) }));
  const doClear = () =>
    run('clear', () => backend.clear(), (r) => {
      setOutcome(null);
      setNotice({ intent: 'success', text: r.message ?? t.actions.cleared(r.restored) });
    });
  /** 清除标记: when a 整改 history is saved, the dialog says how many runs go with the marks before anything is cleared. */
  const clear = async () => {
    if (busyRef.current || asking.current) return;
    asking.current = true;
    try {
      // unreadable → 0: clearRun then refuses or clears with its own Chinese message
      const runs = await backend.historyRuns().catch(() => 0);
      if (runs > 0) setConfirm({ open: true, runs });
      else void doClear();
    } finally {
      asking.current = false;
    }
  };
  const diagnose = () => {
    if (busyRef.current) return;
    setDiag({ open: true, result: null });
    // A call that fails (not in Excel) closes the dialog; run() shows the sentence.
    void run('diagnose', () => backend.diagnose(), (r) => setDiag({ open: true, result: r })).then(() =>
      setDiag((d) => (d && !d.result ? null : d)),
    );
  };
  const select = useCallback(
    (sheet: string, cell: string) => {
      backend.select(sheet, cell).catch((e: unknown) => setNotice({ intent: 'error', text: errorText(e, t.errors) }));
    },
    [backend, t, setNotice],
  );

  return (
    <Shell t={t} lang={locale}>
      <main className={styles.root}>
        <header className={styles.header}>
          <div className={styles.headerText}>
            <Title3 as="h1">{t.appName}</Title3>
            <Caption1 className={styles.standard}>{detected?.standardName ?? t.defaultStandard}</Caption1>
          </div>
          <Button appearance="subtle" icon={<SettingsRegular />} aria-label={t.settings} title={t.settings} onClick={() => {
              setSettingsMounted(true);
              setSettingsOpen(true);
            }}
          />
        </header>

        {notice && <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />}

        <LedgerSection
          t={t}
          detected={detected}
          busy={busy}
          onRedetect={() => void detect()}
          styles={styles}
          overrides={settings.columnOverrides}
          onOverrides={(columnOverrides) => {
            updateSettings({ ...settings, columnOverrides });
            // save now and show the ledgers as the next check will read them (no spinner: the list stays open)
            void flushSettings()
              .then(() => (busyRef.current ? null : backend.detect()))
              .then((d) => d && setDetected(d))
              .catch(() => undefined);
          }}
        />

        <section className={styles.section} aria-label={t.run.start}>
          <Button appearance="primary" icon={<PlayRegular />} disabled={busy !== null} onClick={() => void startCheck()}>
            {busy === 'check' ? t.run.running : t.run.start}
          </Button>
          {busy === 'check' && progress && <CheckProgress phase={progress.phase} fraction={progress.fraction} />}
        </section>

        {outcome && <Results outcome={outcome} onSelect={select} />}

        <section className={styles.actions}>
          <Button disabled={busy !== null} onClick={() => void summarize()}>
            {t.actions.summarize}
          </Button>
          <Button disabled={busy !== null} onClick={() => void clear()}>
            {t.actions.clear}
          </Button>
          <Button appearance="subtle" disabled={busy !== null} onClick={diagnose} data-testid="diagnose">
            {t.actions.diagnose}
          </Button>
        </section>
      </main>
      <ClearQuestion ask={confirm} onAsk={setConfirm} onClear={() => void doClear()} />
      {diag && (
        <Suspense fallback={null}>
          <Diagnostics open={diag.open} result={diag.result} onClose={() => setDiag(null)} />
        </Suspense>
      )}
      {settingsMounted && (
        <Suspense fallback={null}>
          <SettingsPanel open={settingsOpen} settings={settings} onChange={updateSettings} onClose={() => setSettingsOpen(false)} />
        </Suspense>
      )}
    </Shell>
  );
}

function LedgerSection({
  t,
  detected,
  busy,
  onRedetect,
  styles,
  overrides,
  onOverrides,
}: {
  t: Strings;
  detected: DetectResult | null;
  busy: Busy;
  onRedetect: () => void;
  styles: ReturnType<typeof useStyles>;
  overrides: ColumnOverrides;
  onOverrides: (o: ColumnOverrides) => void;
}) {
  return (
    <section className={styles.section} aria-labelledby="ledgers-title">
      <div className={styles.sectionHead}>
        <Subtitle2 as="h2" id="ledgers-title">
          {t.ledgers.title}
        </Subtitle2>
        <Button size="small" appearance="subtle" icon={<ArrowSyncRegular />} disabled={busy !== null} onClick={onRedetect}>
          {t.ledgers.redetect}
        </Button>
      </div>
      {busy === 'detect' ? (
        <Spinner size="tiny" labelPosition="after" label={t.ledgers.detecting} />
      ) : (
        <LedgerList
          ledgers={detected?.ledgers ?? []}
          overrides={overrides}
          disabled={busy !== null}
          onRemap={(sheet, m) => onOverrides(withMapping(overrides, sheet, m))}
        />
      )}
    </section>
  );
}
