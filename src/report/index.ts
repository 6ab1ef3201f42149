export * from './model';
export * from './engine-types';
export { checkWorkbook } from './engine';
export { buildOutput, allFindings } from './output';
export { buildMarks, NOTE_PREFIX } from './marks';
export {
  buildResourceSheet,
  buildCvSheet,
  buildFindingsSheet,
  orderSchools,
  RESOURCE_SHEET,
  CV_SHEET,
  FINDINGS_SHEET,
  PLAN_SHEET,
  PROGRESS_SHEET,
  type FindingsTracking,
  SUMMARY_SHEETS,
  PASS_MARK,
  FAIL_MARK,
  MISSING_MARK,
  type ReportContext,
} from './sheets';
export { buildJsonReport } from './json';
export { textWidth, indicatorNumFmt, isoDate, sortFindings } from './format';
export {
  buildGuaranteeSheet,
  buildQualitySheet,
  buildSatisfactionSheet,
  buildOverviewSheet,
  buildChecklistSheet,
  passToday,
  GUARANTEE_SHEET,
  QUALITY_SHEET,
  SATISFACTION_SHEET,
  OVERVIEW_SHEET,
  CHECKLIST_SHEET,
  CHECKLIST_STATUS_LIST,
} from './sheets';
export {
  trackFindings,
  findingKeys,
  sanitizeHistory,
  departmentsOf,
  HISTORY_LIMIT,
  type HistoryRun,
  type HistoryFinding,
  type Tracking,
  type FindingTrack,
  type FindingStatus,
  type ResolvedFinding,
} from './history';
export { computePlans, ledgerAdd, type Plans, type SchoolPlanEntry, type CvPlanEntry } from './plans';
export { buildPlanSheet, buildProgressSheet, departmentOrder, SHEETS, buildSheets, type SheetSpec, type SheetInput } from './sheets';
