/**
 * The ledger layer: finds school and class ledgers on sheet grids, maps columns by normalised header text
 * and synonyms, converts units, coerces cells and raises data findings. Pure and synchronous.
 */
export { readLedgers, FindingSink } from './read';
export {
  readNumber, readPercent, parseYesNo, parseLevel, isDateFormat, parseGrade, stageOfGrade, parseSchoolType, inferSchoolType,
  type NumberRead, type PercentRead,
} from './coerce';
export { normalizeHeader, normalizeText, parseUnit, stageOf, type NormalizedHeader, type UnitInfo } from './normalize';
export { detectHeader, matchHeaderText, matchHeaderPair, HEADER_SCAN_ROWS, type ColumnMatch, type HeaderMatch, type TextMatch } from './header';
export { classifyRow, isNoteText, isTotalText, mergeIndex, mergedValue, type RowKind, type MergeIndex } from './rows';
export {
  SCHOOL_LEDGER, CLASS_LEDGER, TEACHER_LEDGER, CHECKLIST_LEDGER, LEDGER_DEFS, COUNTY_ITEM_DEFS, TOOL_SHEET_NAMES, TOTAL_WORDS, NOTE_PREFIXES,
  type FieldDef, type HeaderGroup, type LedgerDef, type NeedRule, type ValueKind, type CountyItemDef, type CountyValueKind,
} from './synonyms';
export * from './types';
export * from './grid';
export { applyOverrides } from './overrides';
export type { Finding } from './finding';
