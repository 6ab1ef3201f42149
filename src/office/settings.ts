/**
 * The add-in's settings in the workbook, read and written through Office.js. The format, its parsing and
 * what a run takes from it are host-neutral: src/host/settings.ts.
 */
import {
  SETTINGS_SHEET,
  parseSettings,
  serializeSettings,
  settingsChunks,
  settingsTextOf,
  type WorkbookSettings,
} from '../host/settings';

export * from '../host/settings';

// -------------------------------------------------------------------------------------------------
// Office.js

/** Reads the settings sheet (two syncs at most); defaults when there is none. */
export async function readWorkbookSettings(context: Excel.RequestContext): Promise<WorkbookSettings> {
  const ws = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  ws.load('name');
  await context.sync();
  if (ws.isNullObject) return parseSettings(null);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount');
  await context.sync();
  if (used.isNullObject || used.columnIndex !== 0 || used.rowIndex !== 0) return parseSettings(null);
  const col = ws.getRangeByIndexes(0, 0, used.rowCount, 1);
  col.load('values');
  await context.sync();
  return parseSettings(settingsTextOf(col.values.map(([v]) => (v === null || v === undefined ? '' : String(v)))));
}

/** Replaces the settings sheet's text (adds the very hidden sheet when missing); one or two syncs. */
export async function writeWorkbookSettings(context: Excel.RequestContext, s: WorkbookSettings): Promise<void> {
  const text = serializeSettings(s);
  const chunks = settingsChunks(text).map((c) => [c]);
  const existing = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  existing.load('name');
  await context.sync();
  let ws: Excel.Worksheet;
  if (existing.isNullObject) {
    ws = context.workbook.worksheets.add(SETTINGS_SHEET);
  } else {
    ws = existing;
    const old = ws.getUsedRangeOrNullObject(true);
    old.load('rowCount');
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
  await context.sync();
}
