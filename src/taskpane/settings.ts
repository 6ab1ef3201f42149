import type { Locale } from './i18n';

/** Choices the 设置 panel edits. Kept in the pane for now; a later step stores them in workbook settings. */
export interface PaneSettings {
  markCompliance: boolean;
  markData: boolean;
  addNotes: boolean;
  replaceSheets: boolean;
  language: 'auto' | Locale;
}

export const DEFAULT_SETTINGS: PaneSettings = {
  markCompliance: true,
  markData: true,
  addNotes: true,
  replaceSheets: true,
  language: 'auto',
};
