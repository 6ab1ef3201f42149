/**
 * Asked before 清除标记 when the workbook keeps a 整改 history (loaded on demand): clearing removes the run
 * memory and the history with it. 取消 keeps everything; 确定清除 clears.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useStrings } from './i18n-context';

export default function ClearConfirm({ open, runs, onConfirm, onCancel }: { open: boolean; runs: number; onConfirm: () => void; onCancel: () => void }) {
  const t = useStrings();
  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby="clear-confirm-text" data-testid="clear-confirm">
        <DialogBody>
          <DialogTitle>{t.clearConfirm.title}</DialogTitle>
          <DialogContent id="clear-confirm-text">{t.clearConfirm.text(runs)}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              {t.clearConfirm.cancel}
            </Button>
            <Button appearance="primary" onClick={onConfirm}>
              {t.clearConfirm.confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
