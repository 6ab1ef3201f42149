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
import { SUMMARY_SHEETS, type SummarySheetName } from '../../ledger/tool-sheets';
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

/** Each sheet's builder, by name: every name of SUMMARY_SHEETS (src/ledger/tool-sheets.ts) must have one. */
const BUILDERS: Record<SummarySheetName, SheetSpec['build']> = {
  [RESOURCE_SHEET]: (i) => buildResourceSheet(i.result, i.ledgers, i.ctx),
  [CV_SHEET]: (i) => buildCvSheet(i.result, i.ledgers, i.ctx, i.plans.cv),
  [FINDINGS_SHEET]: (i) => buildFindingsSheet(i.findings, i.ctx, i.tracking, i.result.transitions ?? []),
  [PLAN_SHEET]: (i) => buildPlanSheet(i.plans, i.ledgers, i.ctx),
  [PROGRESS_SHEET]: (i) => buildProgressSheet(i.tracking.history, i.ctx),
  [GUARANTEE_SHEET]: withItems((i) => buildGuaranteeSheet(i.result, i.ctx)),
  [QUALITY_SHEET]: withItems((i) => buildQualitySheet(i.result, i.ctx)),
  [SATISFACTION_SHEET]: withItems((i) => buildSatisfactionSheet(i.result, i.ledgers, i.ctx)),
  [OVERVIEW_SHEET]: withItems((i) => buildOverviewSheet(i.result, i.ctx)),
  [CHECKLIST_SHEET]: withItems((i) => buildChecklistSheet(i.result, i.ctx)),
  // The national tables, after the tool's own sheets: each its own builder (表Ⅰ … 表Ⅵ in the form's order).
  ...(Object.fromEntries(
    NATIONAL_SHEETS.map((name, k) => [name, withItems((i) => NATIONAL_BUILDERS[k]({ ledgers: i.ledgers, result: i.result }, i.ctx))]),
  ) as Record<(typeof NATIONAL_SHEETS)[number], SheetSpec['build']>),
};

/** Sheets that print on one page (the 总表); every other sheet fits its width and runs on. */
const ONE_PAGE: ReadonlySet<SummarySheetName> = new Set([OVERVIEW_SHEET]);

/** The registry: every summary sheet in the order hosts write them (SUMMARY_SHEETS). */
export const SHEETS: readonly SheetSpec[] = SUMMARY_SHEETS.map((name) => ({ name, build: BUILDERS[name], ...(ONE_PAGE.has(name) ? { onePage: true } : {}) }));

export { SUMMARY_SHEETS, TOOL_SHEET_NAMES, READ_BACK_SHEETS, type SummarySheetName } from '../../ledger/tool-sheets';

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
