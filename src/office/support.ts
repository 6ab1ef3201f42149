/**
 * What this Excel and its office.js library support, asked without a request. Notes need ExcelApi 1.18 AND a
 * client library that has them: the npm office.js (1.1.110) defines no `NoteCollection` while Excel answers
 * `isSetSupported('ExcelApi', '1.18')` with true, so an optional API is used only when the loaded library has
 * it AND the requirement set is there (never the set alone).
 */

/** True when Office says this Excel has the requirement set (false when Office or the answer is missing). */
export function setSupported(version: string): boolean {
  try {
    const o = (globalThis as { Office?: typeof Office }).Office;
    return !!o?.context?.requirements?.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

/** True when the loaded office.js defines the notes API (Excel.NoteCollection, Worksheet.notes, Workbook.notes). */
export function libraryHasNotes(): boolean {
  try {
    const E = (globalThis as { Excel?: unknown }).Excel as
      | { NoteCollection?: unknown; Workbook?: { prototype?: object }; Worksheet?: { prototype?: object } }
      | undefined;
    if (!E || typeof E.NoteCollection !== 'function') return false;
    const wb = E.Workbook?.prototype;
    const ws = E.Worksheet?.prototype;
    return !!wb && !!ws && 'notes' in wb && 'notes' in ws;
  } catch {
    return false;
  }
}

/** True when notes can be used here: the library has them AND Excel has ExcelApi 1.18 — never the set alone. */
export function notesSupportedHere(): boolean {
  return libraryHasNotes() && setSupported('1.18');
}

/**
 * True when this request context's objects offer notes: `workbook.notes` exists on the context, and the global
 * library (when there is one) defines `Worksheet.notes`. Reading the property queues nothing.
 */
export function contextHasNotes(context: Excel.RequestContext): boolean {
  try {
    const wb = context.workbook as unknown as { notes?: unknown };
    if (wb.notes === undefined || wb.notes === null) return false;
    const E = (globalThis as { Excel?: { Worksheet?: { prototype?: object } } }).Excel;
    const proto = E?.Worksheet?.prototype;
    return !proto || 'notes' in proto;
  } catch {
    return false;
  }
}

/** What the pane says when this Excel could not read merged cells (no getMergedAreasOrNullObject). */
export const MSG_NO_MERGES =
  '当前 Excel 不支持读取合并单元格（需要 ExcelApi 1.13），台账中由合并单元格表示的表头或学校名可能识别不全。';

