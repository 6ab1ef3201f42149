/**
 * The add-in's settings in the workbook, read and written through Office.js (the OfficeHost's
 * readSettingsText / writeSettingsText). The format, its parsing and what a run takes from it are
 * host-neutral: src/host/settings.ts and src/host/apply-settings.ts.
 */
import { SETTINGS_SHEET, parseSettings, serializeSettings, settingsChunks, settingsTextOf, type WorkbookSettings } from '../host/settings';

export * from '../host/settings';

/** Called before each sync: the host's book-keeping (OfficeSession.sending), so that its sync count holds these. */
type BeforeSync = () => void;

/** Reads the settings sheet's text (one sync without the sheet, three with it); null when there is none. */
export async function readSettingsTextIn(context: Excel.RequestContext, sending: BeforeSync = () => undefined): Promise<string | null> {
  const ws = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  ws.load('name');
  sending();
  await context.sync();
  if (ws.isNullObject) return null;
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount');
  sending();
  await context.sync();
  if (used.isNullObject || used.columnIndex !== 0 || used.rowIndex !== 0) return null;
  const col = ws.getRangeByIndexes(0, 0, used.rowCount, 1);
  col.load('values');
  sending();
  await context.sync();
  return settingsTextOf(col.values.map(([v]) => (v === null || v === undefined ? '' : String(v))));
}

/**
 * Replaces the settings sheet's text (adds the very hidden sheet when missing); two or three syncs. True when
 * it added the sheet.
 */
export async function writeSettingsTextIn(context: Excel.RequestContext, text: string, sending: BeforeSync = () => undefined): Promise<boolean> {
  const chunks = settingsChunks(text).map((c) => [c]);
  const existing = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  existing.load('name');
  sending();
  await context.sync();
  let ws: Excel.Worksheet;
  const added = existing.isNullObject;
  if (added) {
    ws = context.workbook.worksheets.add(SETTINGS_SHEET);
  } else {
    ws = existing;
    const old = ws.getUsedRangeOrNullObject(true);
    old.load('rowCount');
    sending();
    await context.sync();
    if (!old.isNullObject && old.rowCount > chunks.length) {
      const rest = ws.getRangeByIndexes(chunks.length, 0, old.rowCount - chunks.length, 1);
      rest.numberFormat = Array.from({ length: old.rowCount - chunks.length }, () => ['@']);
      rest.values = Array.from({ length: old.rowCount - chunks.length }, () => ['']);
    }
  }
  const target = ws.getRangeByIndexes(0, 0, chunks.length, 1);
  target.numberFormat = chunks.map(() => ['@']);
  target.values = chunks;
  ws.visibility = 'VeryHidden';
  sending();
  await context.sync();
  return added;
}

/** Reads the settings (readSettingsTextIn); the defaults when there are none. */
export async function readWorkbookSettings(context: Excel.RequestContext): Promise<WorkbookSettings> {
  return parseSettings(await readSettingsTextIn(context));
}

/** Replaces the saved settings (writeSettingsTextIn). */
export async function writeWorkbookSettings(context: Excel.RequestContext, s: WorkbookSettings): Promise<void> {
  await writeSettingsTextIn(context, serializeSettings(s));
}
