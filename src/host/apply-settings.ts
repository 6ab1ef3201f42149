/**
 * What a run takes from the settings the add-in saved in the workbook — the one function both faces apply
 * (`junheng check`, src/cli/main.ts, and the pane and ribbon, src/taskpane/office-engine.ts), so a workbook
 * gives the same results from either: the standard (national, then the saved standard file and 教学点 cut,
 * then what the face adds on top, e.g. the command line's --standard file), the mark colours, the column
 * overrides, and the 标记 switches (marks the switches turn off are dropped from the engine's output).
 * The settings are read and written through the host port (WorkbookHost.readSettingsText).
 */
import { checkWorkbook } from '../report/engine';
import { nationalStandard, standardWithOverrides, type Standard } from '../standard';
import type { WorkbookHost } from './port';
import type { RunOptions } from './run';
import { keptMarks, parseSettings, serializeSettings, standardOverrideOf, type WorkbookSettings } from './settings';

/** A partial standard merged over the national one, and how an error in it names it. */
export interface StandardPart {
  data: Record<string, unknown>;
  source: string;
}

export interface AppliedSettings {
  standard: Standard;
  /** runCheck's options from the settings; the face adds its own (onProgress). */
  options: Pick<RunOptions, 'colours' | 'overrides' | 'engine' | 'schoolForms'>;
}

/** How a standard error names the saved settings' part. */
export function savedStandardSource(s: WorkbookSettings): string {
  return s.standard ? `标准文件「${s.standard.file}」` : '工作簿中保存的设置';
}

/**
 * The standard and runCheck's options from the saved settings; `above` (later wins) goes over them. Throws a
 * StandardError naming the part when the merged standard is invalid.
 */
export function applySettings(s: WorkbookSettings, above: readonly StandardPart[] = []): AppliedSettings {
  const saved = standardOverrideOf(s);
  const parts = [...(saved ? [{ data: saved, source: savedStandardSource(s) }] : []), ...above];
  const standard = parts.length ? standardWithOverrides(parts) : nationalStandard();
  const keepAll = s.marks.compliance && s.marks.data;
  return {
    standard,
    options: {
      colours: s.colours,
      overrides: s.columnOverrides,
      ...(s.schoolForms ? { schoolForms: 'all' as const } : {}),
      engine: keepAll
        ? undefined
        : (grids, std, meta, opts) => {
            const out = checkWorkbook(grids, std, meta, opts);
            return { ...out, marks: keptMarks(out.marks, s) };
          },
    },
  };
}

/** The settings saved in the host's workbook; the defaults when there are none. */
export async function readSettings(host: Pick<WorkbookHost, 'readSettingsText'>): Promise<WorkbookSettings> {
  return parseSettings(await host.readSettingsText());
}

/** Saves the settings in the host's workbook (hosts that save settings only: the add-in's). */
export async function writeSettings(host: Pick<WorkbookHost, 'writeSettingsText'>, s: WorkbookSettings): Promise<void> {
  if (!host.writeSettingsText) throw new Error('this host cannot save settings');
  await host.writeSettingsText(serializeSettings(s));
}
