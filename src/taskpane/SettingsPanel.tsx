/** 设置 (loaded on demand): standard, marks, summary sheets and language. */
import {
  Button,
  Caption1,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  makeStyles,
  OverlayDrawer,
  Radio,
  RadioGroup,
  Subtitle2,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useStrings } from './i18n-context';
import type { PaneSettings } from './settings';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalL },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface SettingsPanelProps {
  open: boolean;
  settings: PaneSettings;
  onChange: (s: PaneSettings) => void;
  onClose: () => void;
}

export default function SettingsPanel({ open, settings, onChange, onClose }: SettingsPanelProps) {
  const t = useStrings();
  const s = t.settingsPanel;
  const styles = useStyles();
  const set = <K extends keyof PaneSettings>(key: K, value: PaneSettings[K]) => onChange({ ...settings, [key]: value });

  return (
    <OverlayDrawer open={open} position="end" onOpenChange={(_, d) => !d.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t.close} icon={<DismissRegular />} onClick={onClose} />}>
          {s.title}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <div className={styles.group}>
          <Subtitle2 as="h3">{s.standard}</Subtitle2>
          <RadioGroup value="national-2017" aria-label={s.standard}>
            <Radio value="national-2017" label={s.standardNational} />
          </RadioGroup>
          <Caption1 className={styles.note}>{s.standardNote}</Caption1>
        </div>
        <div className={styles.group}>
          <Subtitle2 as="h3">{s.marks}</Subtitle2>
          <Switch label={s.markCompliance} checked={settings.markCompliance} onChange={(_, d) => set('markCompliance', d.checked)} />
          <Switch label={s.markData} checked={settings.markData} onChange={(_, d) => set('markData', d.checked)} />
          <Switch label={s.addNotes} checked={settings.addNotes} onChange={(_, d) => set('addNotes', d.checked)} />
        </div>
        <div className={styles.group}>
          <Subtitle2 as="h3">{s.summary}</Subtitle2>
          <Switch label={s.replaceSheets} checked={settings.replaceSheets} onChange={(_, d) => set('replaceSheets', d.checked)} />
        </div>
        <Field label={s.language}>
          <RadioGroup value={settings.language} onChange={(_, d) => set('language', d.value as PaneSettings['language'])}>
            <Radio value="auto" label={s.languageAuto} />
            <Radio value="zh-CN" label="简体中文" />
            <Radio value="en-US" label="English" />
          </RadioGroup>
        </Field>
      </DrawerBody>
    </OverlayDrawer>
  );
}
