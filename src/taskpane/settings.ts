/**
 * What the 设置 panel edits: the settings saved in the workbook (src/office/settings.ts documents the
 * very hidden sheet `_junheng_settings` that holds them), so the next check — from the pane or the
 * ribbon — uses them.
 */
import { DEFAULT_WORKBOOK_SETTINGS, type WorkbookSettings } from '../host/settings-values';

export type PaneSettings = WorkbookSettings;
export const DEFAULT_SETTINGS: PaneSettings = DEFAULT_WORKBOOK_SETTINGS;
