/**
 * Adding a sheet-scoped defined name (the print titles of a summary sheet) to workbook.xml without touching
 * anything else of it: the user's own names stay byte for byte; a `<definedNames>` list is created where the
 * schema puts it when the workbook has none. Removing a sheet removes the names scoped to it (workbook.ts
 * removeSheet), and an emptied list with them, so a cleared workbook's workbook.xml is the original's.
 */
import { esc } from './package';
import { xmlText } from './render';

/** Elements that follow `<definedNames>` in CT_Workbook. */
const AFTER = /<(?:[\w.-]+:)?(?:calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/(?:[\w.-]+:)?workbook\s*>/;

/** workbook.xml with `<definedName name localSheetId>formula</definedName>` added (last in the list). */
export function addDefinedName(wb: string, name: string, localSheetId: number, formula: string): string {
  const root = /<((?:[\w.-]+:)?)workbook\b[^>]*>/.exec(wb);
  const p = root?.[1] ?? '';
  const el = `<${p}definedName name="${esc(name)}" localSheetId="${localSheetId}">${xmlText(formula)}</${p}definedName>`;
  const close = /<\/(?:[\w.-]+:)?definedNames\s*>/.exec(wb);
  if (close) return wb.slice(0, close.index) + el + wb.slice(close.index);
  const empty = /<((?:[\w.-]+:)?)definedNames\b[^>]*\/>/.exec(wb);
  if (empty) return `${wb.slice(0, empty.index)}<${empty[1]}definedNames>${el}</${empty[1]}definedNames>${wb.slice(empty.index + empty[0].length)}`;
  const m = AFTER.exec(wb);
  const at = m ? m.index : wb.length;
  return `${wb.slice(0, at)}<${p}definedNames>${el}</${p}definedNames>${wb.slice(at)}`;
}
