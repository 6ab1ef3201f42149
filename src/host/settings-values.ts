/**
 * The add-in's settings as values: their type and defaults, and the colour helpers of the 设置 panel. No
 * parsing here (that is src/host/settings.ts, with zod), so the pane's first chunk can import these without
 * loading zod.
 */
import type { ColumnOverrides } from '../ledger/types';

/**
 * Column overrides per sheet: field key (as DetectedLedger.columns names it, e.g. `students.小学`) →
 * column letter, or "" for 无 — the engine's `ColumnOverrides` (src/ledger/types.ts), runCheck's `overrides`.
 */
export type { ColumnOverrides };

export interface StoredStandard {
  /** The file name the user picked (shown in the settings panel). */
  file: string;
  /** The partial standard (an object), merged over the national standard at each run. */
  override: Record<string, unknown>;
}

export interface WorkbookSettings {
  standard: StoredStandard | null;
  teachingPointCut: number | null;
  /** The assessment year of the 《规程》 transition rules; null = the standard's, else the year of the run. */
  assessmentYear: number | null;
  colours: { fail: string; data: string };
  marks: { compliance: boolean; data: boolean };
  /** Also write every school's 学校自评表 (a sheet 自评表-<学校名> each) at each check. */
  schoolForms: boolean;
  language: 'auto' | 'zh-CN' | 'en-US';
  columnOverrides: ColumnOverrides;
}

export const DEFAULT_WORKBOOK_SETTINGS: WorkbookSettings = {
  standard: null,
  teachingPointCut: null,
  assessmentYear: null,
  colours: { fail: 'FFFFC7CE', data: 'FFFFEB9C' },
  marks: { compliance: true, data: true },
  schoolForms: false,
  language: 'auto',
  columnOverrides: {},
};

/** `#rrggbb` (an <input type=color>) ↔ ARGB `FFRRGGBB` (the marks' colour format). */
export const hexToArgb = (hex: string) => `FF${hex.replace(/^#/, '').toUpperCase()}`;
export const argbToCssHex = (argb: string) => `#${argb.slice(-6).toLowerCase()}`;
