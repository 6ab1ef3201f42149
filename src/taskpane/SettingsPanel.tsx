/**
 * 设置 (loaded on demand): the standard (national, or a local override file validated with
 * standardWithOverride — its Chinese error shown as is), the 教学点 cut, which findings are marked and in
 * which colours, and the language. Every change is saved in the workbook (sheet _junheng_settings) by
 * the App, so the next check — pane or ribbon — uses it.
 */
import { useEffect, useId, useState } from 'react';
import {
  Button,
  Caption1,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  OverlayDrawer,
  Radio,
  RadioGroup,
  Subtitle2,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { argbToCssHex, DEFAULT_WORKBOOK_SETTINGS, hexToArgb } from '../host/settings-values';
import { useStrings } from './i18n-context';
import { FileButton } from './shell';
import type { PaneSettings } from './settings';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalL },
  note: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  colour: {
    width: '40px',
    height: '28px',
    padding: 0,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    cursor: 'pointer',
  },
});

export interface SettingsPanelProps {
  open: boolean;
  settings: PaneSettings;
  onChange: (s: PaneSettings) => void;
  onClose: () => void;
}

/** The override file's object (BOM stripped); the caller has validated it already. */
function overrideObject(text: string): Record<string, unknown> {
  return JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
}

export default function SettingsPanel({ open, settings, onChange, onClose }: SettingsPanelProps) {
  const t = useStrings();
  const s = t.settingsPanel;
  const styles = useStyles();
  const id = useId();
  const set = <K extends keyof PaneSettings>(key: K, value: PaneSettings[K]) => onChange({ ...settings, [key]: value });

  const [fileError, setFileError] = useState<string | null>(null);
  const [standardName, setStandardName] = useState<string | null>(null);
  const [nationalCut, setNationalCut] = useState<number | null>(null);
  const [cutText, setCutText] = useState(settings.teachingPointCut === null ? '' : String(settings.teachingPointCut));
  const [cutError, setCutError] = useState(false);
  const [standardYear, setStandardYear] = useState<number | null>(null);
  const [yearText, setYearText] = useState(settings.assessmentYear == null ? '' : String(settings.assessmentYear));
  const [yearError, setYearError] = useState(false);

  // The standard's own name and cut (the standard module loads with this panel, not with the pane).
  useEffect(() => {
    let live = true;
    void import(/* webpackChunkName: "standard" */ '../standard').then(({ nationalStandard, standardWithOverride }) => {
      if (!live) return;
      const national = nationalStandard();
      setNationalCut(national.settings.teachingPointCut);
      setStandardYear(national.settings.assessmentYear ?? null);
      try {
        setStandardName(settings.standard ? standardWithOverride(JSON.stringify(settings.standard.override)).name : national.name);
      } catch {
        setStandardName(null);
      }
    });
    return () => {
      live = false;
    };
  }, [settings.standard]);

  const pickFile = async (file: File | undefined) => {
    setFileError(null);
    if (!file) return;
    try {
      const text = await file.text();
      // Our own sentence for a file that is not JSON (the parser's message is English).
      try {
        JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        setFileError(`标准文件「${file.name}」不是有效的 JSON 文件，请检查括号、引号和逗号是否成对、完整。`);
        return;
      }
      const { standardWithOverride, StandardError } = await import(/* webpackChunkName: "standard" */ '../standard');
      try {
        standardWithOverride(text, `标准文件「${file.name}」`);
      } catch (e) {
        setFileError(e instanceof StandardError ? e.message : `标准文件「${file.name}」无法使用。`);
        return;
      }
      set('standard', { file: file.name, override: overrideObject(text) });
    } catch {
      setFileError(`无法读取文件「${file.name}」。`);
    }
  };

  const changeCut = (text: string) => {
    setCutText(text);
    const v = text.trim();
    if (v === '') {
      setCutError(false);
      set('teachingPointCut', null);
      return;
    }
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) {
      setCutError(true);
      return;
    }
    setCutError(false);
    set('teachingPointCut', n);
  };

  const changeYear = (text: string) => {
    setYearText(text);
    const v = text.trim();
    const n = Number(v);
    if (v !== '' && (!Number.isInteger(n) || n < 2000 || n > 2100)) {
      setYearError(true);
      return;
    }
    setYearError(false);
    set('assessmentYear', v === '' ? null : n);
  };

  const setColour = (key: 'fail' | 'data', hex: string) => set('colours', { ...settings.colours, [key]: hexToArgb(hex) });

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
          <Caption1>{settings.standard ? s.standardLoaded(settings.standard.file, standardName ?? '') : (standardName ?? s.standardNational)}</Caption1>
          <div className={styles.row}>
            <FileButton size="small" label={s.standardFile} accept=".json,application/json" testId="standard-file" onFile={(f) => void pickFile(f)} />
            {settings.standard && (
              <Button size="small" appearance="subtle" onClick={() => set('standard', null)}>
                {s.standardReset}
              </Button>
            )}
          </div>
          {fileError && (
            <MessageBar intent="error" role="alert" data-testid="standard-error">
              <MessageBarBody>{fileError}</MessageBarBody>
            </MessageBar>
          )}
          <Caption1 className={styles.note}>{s.standardNote}</Caption1>
        </div>

        <div className={styles.group}>
          <Field label={s.cut} hint={s.cutHint(nationalCut)} validationMessage={cutError ? s.cutInvalid : undefined} validationState={cutError ? 'error' : 'none'}>
            <Input
              type="number"
              min={0}
              step={1}
              value={cutText}
              placeholder={nationalCut === null ? '' : String(nationalCut)}
              data-testid="cut"
              onChange={(_, d) => changeCut(d.value)}
            />
          </Field>
        </div>

        <div className={styles.group}>
          <Field label={s.year} hint={s.yearHint(standardYear)} validationMessage={yearError ? s.yearInvalid : undefined} validationState={yearError ? 'error' : 'none'}>
            <Input type="number" min={2000} max={2100} step={1} value={yearText} data-testid="assessment-year" onChange={(_, d) => changeYear(d.value)} />
          </Field>
        </div>

        <div className={styles.group}>
          <Subtitle2 as="h3">{s.marks}</Subtitle2>
          <Switch label={s.markCompliance} checked={settings.marks.compliance} onChange={(_, d) => set('marks', { ...settings.marks, compliance: d.checked })} />
          <Switch label={s.markData} checked={settings.marks.data} onChange={(_, d) => set('marks', { ...settings.marks, data: d.checked })} />
        </div>

        <div className={styles.group}>
          <Subtitle2 as="h3">{s.forms}</Subtitle2>
          <Switch label={s.schoolForms} checked={settings.schoolForms} data-testid="school-forms" onChange={(_, d) => set('schoolForms', d.checked)} />
          <Caption1 className={styles.note}>{s.schoolFormsHint}</Caption1>
        </div>

        <div className={styles.group}>
          <Subtitle2 as="h3">{s.colours}</Subtitle2>
          {(['fail', 'data'] as const).map((k) => (
            <div key={k} className={styles.row}>
              <input
                id={`${id}-${k}`}
                className={styles.colour}
                type="color"
                data-testid={`colour-${k}`}
                value={argbToCssHex(settings.colours[k])}
                onChange={(e) => setColour(k, e.target.value)}
              />
              <label htmlFor={`${id}-${k}`}>{k === 'fail' ? s.colourFail : s.colourData}</label>
            </div>
          ))}
          <div>
            <Button size="small" appearance="subtle" onClick={() => set('colours', { ...DEFAULT_WORKBOOK_SETTINGS.colours })}>
              {s.colourReset}
            </Button>
          </div>
        </div>

        <Field label={s.language} className={styles.group}>
          <RadioGroup value={settings.language} onChange={(_, d) => set('language', d.value as PaneSettings['language'])}>
            <Radio value="auto" label={s.languageAuto} />
            <Radio value="zh-CN" label="简体中文" />
            <Radio value="en-US" label="English" />
          </RadioGroup>
        </Field>
        <Caption1 className={styles.note}>{s.stored}</Caption1>
      </DrawerBody>
    </OverlayDrawer>
  );
}
