import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { ArrowSyncRegular, DismissRegular, PlayRegular, SettingsRegular } from '@fluentui/react-icons';
import { errorCode, PHASES, type CheckOutcome, type DetectResult, type PaneBackend, type Progress } from './backend';
import { STRINGS, type Locale, type Strings } from './i18n';
import { I18nContext } from './i18n-context';
import type { PaneSettings } from './settings';
import { junhengTheme } from './theme';
import { DEFAULT_SETTINGS } from './settings';

// Panels the first screen does not need: their code (and the Fluent parts only they use) load on demand.
const ResultsPanel = lazy(() => import(/* webpackChunkName: "results" */ './ResultsPanel'));
const SettingsPanel = lazy(() => import(/* webpackChunkName: "settings" */ './SettingsPanel'));

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
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  ledger: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  meta: { color: tokens.colorNeutralForeground3 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type Busy = 'detect' | 'check' | 'clear' | 'summarize' | null;

interface Notice {
  intent: 'error' | 'success' | 'info';
  text: string;
}

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
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const busyRef = useRef<Busy>(null);

  /** Runs one backend call at a time; any failure becomes a sentence of ours, never the error's text. */
  const run = useCallback(
    async <T,>(kind: Exclude<Busy, null>, call: () => Promise<T>, onDone: (r: T) => void) => {
      if (busyRef.current) return;
      busyRef.current = kind;
      setBusy(kind);
      setNotice(null);
      try {
        onDone(await call());
      } catch (e) {
        setNotice({ intent: 'error', text: t.errors[errorCode(e)] });
      } finally {
        busyRef.current = null;
        setBusy(null);
        setProgress(null);
      }
    },
    [t],
  );

  const detect = useCallback(() => run('detect', () => backend.detect(), setDetected), [run, backend]);
  useEffect(() => {
    // detect once when the pane opens; the 重新识别 button detects again
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
        setNotice({ intent: 'success', text: t.run.done(r.findings.length, r.marked) });
      },
    );
  const summarize = () =>
    run('summarize', () => backend.summarize(), (r) => setNotice({ intent: 'success', text: t.actions.summarized(r.sheets) }));
  const clear = () =>
    run('clear', () => backend.clear(), (r) => {
      setOutcome(null);
      setNotice({ intent: 'success', text: t.actions.cleared(r.restored) });
    });
  const select = useCallback(
    (sheet: string, cell: string) => {
      backend.select(sheet, cell).catch((e: unknown) => setNotice({ intent: 'error', text: t.errors[errorCode(e)] }));
    },
    [backend, t],
  );

  return (
    <I18nContext.Provider value={t}>
      <FluentProvider theme={junhengTheme} lang={locale}>
        <main className={styles.root}>
          <header className={styles.header}>
            <div className={styles.headerText}>
              <Title3 as="h1">{t.appName}</Title3>
              <Caption1 className={styles.standard}>{detected?.standardName ?? t.defaultStandard}</Caption1>
            </div>
            <Button appearance="subtle" icon={<SettingsRegular />} aria-label={t.settings} title={t.settings} onClick={() => setSettingsOpen(true)} />
          </header>

          {notice && (
            <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
              <MessageBarBody>
                {notice.intent === 'error' && <MessageBarTitle>{t.errors.title}</MessageBarTitle>}
                {notice.text}
              </MessageBarBody>
              <MessageBarActions
                containerAction={<Button appearance="transparent" aria-label={t.close} icon={<DismissRegular />} onClick={() => setNotice(null)} />}
              />
            </MessageBar>
          )}

          <LedgerSection t={t} detected={detected} busy={busy} onRedetect={detect} styles={styles} />

          <section className={styles.section} aria-label={t.run.start}>
            <Button appearance="primary" icon={<PlayRegular />} disabled={busy !== null} onClick={startCheck}>
              {busy === 'check' ? t.run.running : t.run.start}
            </Button>
            {busy === 'check' && progress && <CheckProgress t={t} progress={progress} />}
          </section>

          {outcome && (
            <Suspense fallback={<Spinner size="tiny" label={t.results.loading} />}>
              <ResultsPanel outcome={outcome} onSelect={select} />
            </Suspense>
          )}

          <section className={styles.actions}>
            <Button disabled={busy !== null} onClick={summarize}>
              {t.actions.summarize}
            </Button>
            <Button disabled={busy !== null} onClick={clear}>
              {t.actions.clear}
            </Button>
          </section>
        </main>
        {settingsOpen && (
          <Suspense fallback={null}>
            <SettingsPanel open={settingsOpen} settings={settings} onChange={setSettings} onClose={() => setSettingsOpen(false)} />
          </Suspense>
        )}
      </FluentProvider>
    </I18nContext.Provider>
  );
}

function LedgerSection({
  t,
  detected,
  busy,
  onRedetect,
  styles,
}: {
  t: Strings;
  detected: DetectResult | null;
  busy: Busy;
  onRedetect: () => void;
  styles: ReturnType<typeof useStyles>;
}) {
  const ledgers = detected?.ledgers ?? [];
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
      ) : ledgers.length === 0 ? (
        <Body1 className={styles.meta}>{t.ledgers.none}</Body1>
      ) : (
        <ul className={styles.list}>
          {ledgers.map((l) => (
            <li key={`${l.sheet}|${l.kind}|${l.headerRows.join(',')}`} className={styles.ledger}>
              <Body1>
                {l.sheet} · {t.ledgers.kind[l.kind]}
              </Body1>
              <Caption1 className={styles.meta}>
                {t.ledgers.rows(l.rows)}，{t.ledgers.headerRows(l.headerRows)}
              </Caption1>
              {l.missing.length > 0 && <Caption1 className={styles.warn}>{t.ledgers.missing(l.missing)}</Caption1>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CheckProgress({ t, progress }: { t: Strings; progress: Progress }) {
  const i = PHASES.indexOf(progress.phase);
  const value = useMemo(() => Math.min(1, (i + Math.max(0, Math.min(1, progress.fraction))) / PHASES.length), [i, progress.fraction]);
  const steps = PHASES.map((p) => t.run.phases[p]).join(' → ');
  return (
    <Field validationMessage={t.run.step(t.run.phases[progress.phase], i + 1, PHASES.length)} validationState="none" hint={steps}>
      <ProgressBar value={value} max={1} thickness="large" aria-label={t.run.running} />
    </Field>
  );
}
