/**
 * 诊断 (self-check): what the pane's 诊断 button shows. The backend runs the checks in Excel (on a
 * temporary sheet it removes again, src/office/diagnostics.ts); this dialog lists each check as passed or
 * failed with what was seen, and the plain-text report the user copies into a support request.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { DiagnosticsView } from './backend';
import { useStrings } from './i18n-context';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  ok: { color: tokens.colorPaletteGreenForeground1, marginTop: '2px' },
  bad: { color: tokens.colorPaletteRedForeground1, marginTop: '2px' },
  label: { fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  report: { width: '100%', marginTop: tokens.spacingVerticalM },
});

export default function Diagnostics({ open, result, onClose }: { open: boolean; result: DiagnosticsView | null; onClose: () => void }) {
  const t = useStrings();
  const styles = useStyles();
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState(false);

  const copy = () => {
    if (!result) return;
    const done = () => setCopied(true);
    // The clipboard API can be refused inside Office's frame: select the text so Ctrl+C works anyway.
    area.current?.select();
    if (navigator.clipboard?.writeText) void navigator.clipboard.writeText(result.report).then(done, () => undefined);
    else if (document.execCommand?.('copy')) done();
  };

  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface data-testid="diagnostics">
        <DialogBody>
          <DialogTitle>{t.diagnostics.title}</DialogTitle>
          <DialogContent>
            {!result ? (
              <Spinner size="tiny" label={t.diagnostics.running} />
            ) : (
              <>
                <p>{t.diagnostics.summary(result.items.filter((i) => i.ok).length, result.items.length)}</p>
                <ul className={styles.list}>
                  {result.items.map((i) => (
                    <li key={i.id} className={styles.item} data-testid="diagnostic" data-id={i.id} data-ok={i.ok ? 'true' : 'false'}>
                      {i.ok ? (
                        <CheckmarkCircleFilled className={styles.ok} aria-label={t.diagnostics.passed} />
                      ) : (
                        <DismissCircleFilled className={styles.bad} aria-label={t.diagnostics.failed} />
                      )}
                      <div>
                        <div className={styles.label}>{i.label}</div>
                        <div className={styles.detail}>{i.detail}</div>
                      </div>
                    </li>
                  ))}
                </ul>
                <Textarea
                  className={styles.report}
                  textarea={{ ref: area }}
                  readOnly
                  resize="vertical"
                  rows={6}
                  value={result.report}
                  aria-label={t.diagnostics.reportLabel}
                  data-testid="diagnostics-report"
                />
                <p className={styles.detail}>{t.diagnostics.sendHint}</p>
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!result} onClick={copy}>
              {copied ? t.diagnostics.copied : t.diagnostics.copy}
            </Button>
            <Button appearance="secondary" onClick={onClose}>
              {t.close}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
