/**
 * What the task pane (App.tsx) and the web page (src/web/WebApp.tsx) have alike around their own controls: one
 * run at a time with its notice and progress (useRun), the strings and theme around it all, the notice, the
 * 台账识别 list with its column mapping, the progress bar, the results and the 清除标记 question. Each page keeps
 * its own layout, buttons and calls; the strings come from the I18nContext that Shell provides.
 */
import { lazy, Suspense, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
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
  tokens,
} from '@fluentui/react-components';
import { DismissRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import type { ColumnOverrides } from '../host/settings-values';
import { PHASES, type CheckOutcome, type LedgerInfo, type Phase } from './backend';
import type { Locale, Strings } from './i18n';
import { I18nContext, useStrings } from './i18n-context';
import { junhengTheme } from './theme';

// Panels the first screen does not need: their code (and the Fluent parts only they use) load on demand.
const ResultsPanel = lazy(() => import(/* webpackChunkName: "results" */ './ResultsPanel'));
const ColumnMapping = lazy(() => import(/* webpackChunkName: "mapping" */ './ColumnMapping'));
const ClearConfirm = lazy(() => import(/* webpackChunkName: "confirm" */ './ClearConfirm'));

const useStyles = makeStyles({
  lines: { whiteSpace: 'pre-line' },
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
  // Out of sight but not display:none, so every browser lets the button open it.
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden' },
});

/**
 * One run at a time: `run(kind, job)` does nothing while another run is under way. A run clears the notice when it
 * starts; a failure becomes an error notice with `failure`'s sentence; the progress goes when it ends, failed or
 * not. `busyRef` is the run now (for handlers called before React renders again), `busy` the one drawn.
 */
export function useRun<K extends string, P>(failure: (e: unknown) => string) {
  const [busy, setBusy] = useState<K | null>(null);
  const busyRef = useRef<K | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [progress, setProgress] = useState<P | null>(null);
  const run = useCallback(
    async (kind: K, job: () => Promise<void>) => {
      if (busyRef.current) return;
      busyRef.current = kind;
      setBusy(kind);
      setNotice(null);
      try {
        await job();
      } catch (e) {
        setNotice({ intent: 'error', text: failure(e) });
      } finally {
        busyRef.current = null;
        setBusy(null);
        setProgress(null);
      }
    },
    [failure],
  );
  return { busy, busyRef, notice, setNotice, progress, setProgress, run };
}

/** The page's strings (for its own parts and, through the context, for these) and the 均衡 theme. */
export function Shell({ t, lang, children }: { t: Strings; lang: Locale; children: ReactNode }) {
  return (
    <I18nContext.Provider value={t}>
      <FluentProvider theme={junhengTheme} lang={lang}>
        {children}
      </FluentProvider>
    </I18nContext.Provider>
  );
}

export interface Notice {
  intent: 'error' | 'success' | 'info';
  /** One sentence a line. */
  text: string;
}

/** The notice of the last action: an error is an alert under 出错了's title, the rest a status; with a close button when onDismiss is given. */
export function NoticeBar({ notice, onDismiss }: { notice: Notice; onDismiss?: () => void }) {
  const t = useStrings();
  const styles = useStyles();
  return (
    <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'} data-testid="notice" layout="multiline">
      <MessageBarBody className={styles.lines}>
        {notice.intent === 'error' && <MessageBarTitle>{t.errors.title}</MessageBarTitle>}
        <span data-testid="notice-text">{notice.text}</span>
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t.close} icon={<DismissRegular />} onClick={onDismiss} />} />
      )}
    </MessageBar>
  );
}

/** The sheet's column mapping changed to `m` (empty: back to what was recognised). */
export function withMapping(overrides: ColumnOverrides, sheet: string, m: Record<string, string>): ColumnOverrides {
  const next = { ...overrides };
  if (Object.keys(m).length) next[sheet] = m;
  else delete next[sheet];
  return next;
}

/** The 台账识别 list: each ledger's sheet and kind, rows, missing columns and (where it has a header) the column mapping. */
export function LedgerList({
  ledgers,
  overrides,
  disabled,
  onRemap,
}: {
  ledgers: readonly LedgerInfo[];
  overrides: ColumnOverrides;
  disabled: boolean;
  onRemap: (sheet: string, m: Record<string, string>) => void;
}) {
  const t = useStrings();
  const styles = useStyles();
  if (ledgers.length === 0) return <Body1 className={styles.meta}>{t.ledgers.none}</Body1>;
  return (
    <ul className={styles.list}>
      {ledgers.map((l) => (
        <li key={`${l.sheet}|${l.kind}|${l.headerRows.join(',')}`} className={styles.ledger}>
          <Body1>
            {l.sheet} · {t.ledgers.kind[l.kind]}
          </Body1>
          <Caption1 className={styles.meta}>
            {[t.ledgers.rows(l.rows), ...(l.headerRows.length ? [t.ledgers.headerRows(l.headerRows)] : [])].join(t.ledgers.sep)}
          </Caption1>
          {l.missing.length > 0 && <Caption1 className={styles.warn}>{t.ledgers.missing(l.missing)}</Caption1>}
          {l.fields && l.fields.length > 0 && l.choices && (
            <Suspense fallback={null}>
              <ColumnMapping ledger={l} overrides={overrides[l.sheet] ?? {}} disabled={disabled} onChange={(m) => onRemap(l.sheet, m)} />
            </Suspense>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * 读取 → 检查 → 标记 → 汇总 with the step in force; `fraction` is how far into it (0..1), half way when the
 * caller cannot say.
 */
export function CheckProgress({ phase, fraction = 0.5 }: { phase: Phase; fraction?: number }) {
  const t = useStrings();
  const i = PHASES.indexOf(phase);
  const value = useMemo(() => Math.min(1, (i + Math.max(0, Math.min(1, fraction))) / PHASES.length), [i, fraction]);
  return (
    <Field
      validationMessage={t.run.step(t.run.phases[phase], i + 1, PHASES.length)}
      validationState="none"
      hint={PHASES.map((p) => t.run.phases[p]).join(' → ')}
      data-testid="progress"
      data-phase={phase}
    >
      <ProgressBar value={value} max={1} thickness="large" aria-label={t.run.running} />
    </Field>
  );
}

/** The results panel (loaded on demand, a spinner until then). */
export function Results({ outcome, onSelect }: { outcome: CheckOutcome; onSelect: (sheet: string, cell: string) => void }) {
  const t = useStrings();
  return (
    <Suspense fallback={<Spinner size="tiny" label={t.results.loading} />}>
      <ResultsPanel outcome={outcome} onSelect={onSelect} />
    </Suspense>
  );
}

/** 清除标记's question when a 整改 history is saved: null until first asked, then kept mounted so it can close itself. */
export type ClearAsk = { open: boolean; runs: number } | null;

export function ClearQuestion({ ask, onAsk, onClear }: { ask: ClearAsk; onAsk: (a: ClearAsk) => void; onClear: () => void }) {
  if (!ask) return null;
  return (
    <Suspense fallback={null}>
      <ClearConfirm
        open={ask.open}
        runs={ask.runs}
        onCancel={() => onAsk({ ...ask, open: false })}
        onConfirm={() => {
          onAsk({ ...ask, open: false });
          onClear();
        }}
      />
    </Suspense>
  );
}

/**
 * A button that opens the file chooser (a hidden <input type=file> with `testId`); `onFile` gets the file picked.
 * The input is emptied at once, so picking the same file again is a new pick.
 */
export function FileButton({ label, accept, testId, onFile, disabled, size }: { label: string; accept: string; testId: string; onFile: (f: File | undefined) => void; disabled?: boolean; size?: 'small' | 'medium' }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size={size} icon={<DocumentArrowUpRegular />} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        accept={accept}
        data-testid={testId}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </>
  );
}
