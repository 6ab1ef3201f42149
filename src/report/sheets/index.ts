/**
 * The summary sheets, one module each, in the order hosts write them (SHEETS): the tool's own sheets (the last
 * of them, 核查清单, is write-once: the user's answers live in it; see SheetModel.writeOnce), then the national
 * 申报 tables 表Ⅰ–表Ⅵ (src/report/national). Every sheet gets its page setup from src/report/print.ts.
 */
import type { CheckResult } from '../../checks/types';
import type { Finding } from '../../ledger/finding';
import type { LedgerSet } from '../../ledger/types';
import type { Tracking } from '../history';
import type { SheetModel } from '../model';
import { NATIONAL_BUILDERS, NATIONAL_SHEETS } from '../national';
import { spanLoneRows } from '../layout';
import { withPrint } from '../print';
import type { Plans } from '../plans';
import type { ReportContext } from './cells';
import { buildChecklistSheet, CHECKLIST_SHEET } from './checklist';
import { buildCvSheet, CV_SHEET } from './cv';
import { buildFindingsSheet, FINDINGS_SHEET } from './findings';
import { buildGuaranteeSheet, GUARANTEE_SHEET } from './guarantee';
import { buildOverviewSheet, OVERVIEW_SHEET } from './overview';
import { buildPlanSheet, PLAN_SHEET } from './plan';
import { buildProgressSheet, PROGRESS_SHEET } from './progress';
import { buildQualitySheet, QUALITY_SHEET } from './quality';
import { buildResourceSheet, RESOURCE_SHEET } from './resource';
import { buildSatisfactionSheet, SATISFACTION_SHEET } from './satisfaction';

/** What every sheet is built from: one run's results, the findings sorted by location, tracking and plans. */
export interface SheetInput {
  result: CheckResult;
  ledgers: LedgerSet;
  ctx: ReportContext;
  findings: readonly Finding[];
  tracking: Tracking;
  plans: Plans;
}

export interface SheetSpec {
  name: string;
  /** null: the sheet is not written this run. */
  build(input: SheetInput): SheetModel | null;
  /** Printed on one page (fit to one page wide and tall). */
  onePage?: boolean;
}

// The item sheets need the item results (a CheckResult built before they existed has none).
const withItems = (build: (i: SheetInput) => SheetModel) => (i: SheetInput) => (i.result.items && i.result.items.length > 0 ? build(i) : null);

export const SHEETS: readonly SheetSpec[] = [
  { name: RESOURCE_SHEET, build: (i) => buildResourceSheet(i.result, i.ledgers, i.ctx) },
  { name: CV_SHEET, build: (i) => buildCvSheet(i.result, i.ledgers, i.ctx, i.plans.cv) },
  { name: FINDINGS_SHEET, build: (i) => buildFindingsSheet(i.findings, i.ctx, i.tracking, i.result.transitions ?? []) },
  { name: PLAN_SHEET, build: (i) => buildPlanSheet(i.plans, i.ledgers, i.ctx) },
  { name: PROGRESS_SHEET, build: (i) => buildProgressSheet(i.tracking.history, i.ctx) },
  { name: GUARANTEE_SHEET, build: withItems((i) => buildGuaranteeSheet(i.result, i.ctx)) },
  { name: QUALITY_SHEET, build: withItems((i) => buildQualitySheet(i.result, i.ctx)) },
  { name: SATISFACTION_SHEET, build: withItems((i) => buildSatisfactionSheet(i.result, i.ledgers, i.ctx)) },
  { name: OVERVIEW_SHEET, build: withItems((i) => buildOverviewSheet(i.result, i.ctx)), onePage: true },
  { name: CHECKLIST_SHEET, build: withItems((i) => buildChecklistSheet(i.result, i.ctx)) },
  // The national tables, after the tool's own sheets: each its own builder (表Ⅰ … 表Ⅵ in the form's order).
  ...NATIONAL_SHEETS.map((name, k) => ({
    name,
    build: withItems((i) => NATIONAL_BUILDERS[k]({ ledgers: i.ledgers, result: i.result }, i.ctx)),
  })),
];

/** Every sheet the engine writes, in order (the names, exactly as hosts write them). */
export const SUMMARY_SHEETS = [
  RESOURCE_SHEET, CV_SHEET, FINDINGS_SHEET, PLAN_SHEET, PROGRESS_SHEET, GUARANTEE_SHEET, QUALITY_SHEET, SATISFACTION_SHEET, OVERVIEW_SHEET, CHECKLIST_SHEET,
  ...NATIONAL_SHEETS,
] as const;

/** The sheets of one run, in order. */
export function buildSheets(input: SheetInput): SheetModel[] {
  const out: SheetModel[] = [];
  for (const s of SHEETS) {
    const m = s.build(input);
    if (m) out.push(withPrint(spanLoneRows(m), { onePage: s.onePage }));
  }
  return out;
}

export { PASS_MARK, FAIL_MARK, MISSING_MARK, orderSchools, notAssessed, type ReportContext } from './cells';
export { buildResourceSheet, RESOURCE_SHEET } from './resource';
export { buildCvSheet, CV_SHEET } from './cv';
export { buildFindingsSheet, FINDINGS_SHEET, type FindingsTracking } from './findings';
export { buildPlanSheet, departmentOrder, PLAN_SHEET } from './plan';
export { buildProgressSheet, PROGRESS_SHEET } from './progress';
export { buildGuaranteeSheet, GUARANTEE_SHEET } from './guarantee';
export { buildQualitySheet, QUALITY_SHEET } from './quality';
export { buildSatisfactionSheet, SATISFACTION_SHEET } from './satisfaction';
export { buildOverviewSheet, passToday, OVERVIEW_SHEET } from './overview';
export { buildChecklistSheet, CHECKLIST_SHEET, CHECKLIST_STATUS_LIST } from './checklist';
export { statusCell } from './item-sheet';
