/**
 * 均衡自查 · 网页版 (dist/check.html): pick or drop a workbook → 台账识别 with the column mapping → 开始自查
 * (读取 → 检查 → 标记 → 汇总) → the pane's results → 下载结果 (原名-自查.xlsx); a checked workbook can be
 * cleared (清除标记 → download) or checked again (整改 statuses). Nothing leaves the page: the file is read
 * with the File API and the result handed back as a blob: download.
 */
import { memo, startTransition, useCallback, useState, type DragEvent } from 'react';
import { Body1, Button, Caption1, makeStyles, Spinner, Subtitle2, Title3, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, PlayRegular } from '@fluentui/react-icons';
import type { ColumnOverrides } from '../host/settings';
import type { RunStage } from '../host/run';
import type { Phase } from '../taskpane/backend';
import { STRINGS } from '../taskpane/i18n';
import { CheckProgress, ClearQuestion, FileButton, LedgerList, NoticeBar, Results, Shell, withMapping, type ClearAsk, useRun } from '../taskpane/shell';
import type { Runner } from './client';
import type { CheckResult, FileResult, Inspection } from './engine';
import { WEB } from './strings';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PHASE_OF: Record<RunStage, Phase> = { 读取: 'read', 检查: 'check', 标记: 'mark', 汇总: 'summarize' };

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: '880px',
    margin: '0 auto',
    boxSizing: 'border-box',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  drop: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalXL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
});

interface Picked {
  name: string;
  bytes: Uint8Array;
}

type Busy = 'read' | 'check' | 'clear' | null;

/** A failure as the page says it: the runner's errors carry the engine's sentence (a RunnerError's message). */
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Hands bytes to the browser as a download (a blob: URL; nothing is sent anywhere). */
function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function WebApp({ runner }: { runner: Runner }) {
  const t = STRINGS['zh-CN'];
  const styles = useStyles();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [info, setInfo] = useState<Inspection | null>(null);
  const [overrides, setOverrides] = useState<ColumnOverrides>({});
  const { busy, busyRef, notice, setNotice, progress: phase, setProgress: setPhase, run } = useRun<Exclude<Busy, null>, Phase>(messageOf);
  const [checked, setChecked] = useState<CheckResult | null>(null);
  const [cleared, setCleared] = useState<FileResult | null>(null);
  const [dragging, setDragging] = useState(false);
  const [confirm, setConfirm] = useState<ClearAsk>(null);

  const pick = (file: File | undefined) => {
    if (!file) return;
    setInfo(null);
    setChecked(null);
    setCleared(null);
    void run('read', async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      setPicked({ name: file.name, bytes });
      const found = await runner.inspect(bytes, file.name);
      // a transition: React renders a city's ledger list in slices, the page keeps drawing
      startTransition(() => {
        setOverrides(found.savedOverrides);
        setInfo(found);
      });
    });
  };

  const startCheck = () =>
    picked &&
    run('check', async () => {
      setChecked(null);
      setCleared(null);
      setPhase('read');
      const r = await runner.check(picked.bytes, picked.name, new Date(), overrides, (s) => setPhase(PHASE_OF[s]));
      startTransition(() => setChecked(r));
      setNotice({ intent: 'success', text: [t.run.done(r.outcome.findings.length, r.outcome.marked), ...r.lines].join('\n') });
    });

  const doClear = () =>
    picked &&
    run('clear', async () => {
      setChecked(null);
      const r = await runner.clear(picked.bytes, picked.name);
      setCleared(r.changed ? r : null);
      setNotice({ intent: r.changed ? 'success' : 'info', text: r.lines.join('\n') });
    });

  const clear = () => {
    if (!info || busyRef.current) return;
    if (info.historyRuns > 0) setConfirm({ open: true, runs: info.historyRuns });
    else void doClear();
  };

  const remap = useCallback(
    (sheet: string, m: Record<string, string>) => {
      if (!picked) return;
      const next = withMapping(overrides, sheet, m);
      setOverrides(next);
      setChecked(null);
      // show the ledgers as the next check will read them
      void runner
        .inspect(picked.bytes, picked.name, next)
        .then((found) => startTransition(() => setInfo(found)))
        .catch(() => undefined);
    },
    [picked, overrides, runner],
  );

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setDragging(false);
    pick(e.dataTransfer.files[0]);
  };

  const onSelect = useCallback((sheet: string, cell: string) => setNotice({ intent: 'info', text: WEB.selectHint(sheet, cell) }), [setNotice]);

  return (
    <Shell t={t} lang="zh-CN">
      <main className={styles.root} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <header>
          <Title3 as="h1">{WEB.title}</Title3>
          <div>
            <Caption1 className={styles.muted}>{info?.standardName ?? t.defaultStandard}</Caption1>
          </div>
          <Caption1 className={styles.muted} data-testid="privacy">
            {WEB.privacy}
          </Caption1>
        </header>

        <section
          className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
          data-testid="drop"
          onDragEnter={() => setDragging(true)}
          onDragLeave={() => setDragging(false)}
        >
          <Body1>{WEB.drop}</Body1>
          <FileButton
            label={WEB.pick}
            accept=".xlsx,.xlsm,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            testId="file"
            disabled={busy !== null}
            onFile={pick}
          />
          {picked && <Caption1 className={styles.muted}>{WEB.picked(picked.name, Math.ceil(picked.bytes.length / 1024))}</Caption1>}
        </section>

        {notice && <NoticeBar notice={notice} />}

        {busy === 'read' && <Spinner size="tiny" labelPosition="after" label={WEB.reading} />}

        {info && (
          // disabled through the fieldset while a run is busy: the (memoised) list of a city's ledgers and their
          // column drop-downs is not rendered again for it
          <fieldset className={styles.fieldset} disabled={busy !== null}>
            <Ledgers info={info} overrides={overrides} onRemap={remap} />
          </fieldset>
        )}

        {info && (
          <section className={styles.section} aria-label={t.run.start}>
            {info.settingsLine && <Caption1 className={styles.muted}>{info.settingsLine}</Caption1>}
            {info.checked && <Caption1 data-testid="checked-before">{WEB.checked(info.historyRuns)}</Caption1>}
            <div className={styles.actions}>
              <Button appearance="primary" icon={<PlayRegular />} disabled={busy !== null} onClick={() => void startCheck()} data-testid="check">
                {busy === 'check' ? t.run.running : t.run.start}
              </Button>
              {info.checked && (
                <Button disabled={busy !== null} onClick={clear} data-testid="clear">
                  {WEB.clear}
                </Button>
              )}
              {checked && (
                <Button appearance="primary" icon={<ArrowDownloadRegular />} data-testid="download" onClick={() => download(checked.fileName, checked.bytes)}>
                  {WEB.download}（{checked.fileName}）
                </Button>
              )}
              {cleared && (
                <Button appearance="primary" icon={<ArrowDownloadRegular />} data-testid="download-cleared" onClick={() => download(cleared.fileName, cleared.bytes)}>
                  {WEB.downloadCleared}（{cleared.fileName}）
                </Button>
              )}
            </div>
            {busy === 'check' && phase && <CheckProgress phase={phase} />}
          </section>
        )}

        {checked && <Results outcome={checked.outcome} onSelect={onSelect} />}

        <footer>
          <Caption1 className={styles.muted} data-testid="mode" data-mode={runner.mode}>
            {WEB.mode[runner.mode]}
          </Caption1>
        </footer>
      </main>
      <ClearQuestion ask={confirm} onAsk={setConfirm} onClear={() => void doClear()} />
    </Shell>
  );
}

const Ledgers = memo(function Ledgers({
  info,
  overrides,
  onRemap,
}: {
  info: Inspection;
  overrides: ColumnOverrides;
  onRemap: (sheet: string, m: Record<string, string>) => void;
}) {
  const styles = useStyles();
  const t = STRINGS['zh-CN'];
  return (
    <section className={styles.section} aria-labelledby="ledgers-title" data-testid="ledgers">
      <Subtitle2 as="h2" id="ledgers-title">
        {t.ledgers.title}
      </Subtitle2>
      <LedgerList ledgers={info.ledgers} overrides={overrides} disabled={false} onRemap={onRemap} />
    </section>
  );
});
