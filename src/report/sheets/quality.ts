/** 教育质量: the items Q1–Q9. */
import type { CheckResult } from '../../checks/types';
import { QUALITY_IDS } from '../../standard/schema';
import type { SheetModel } from '../model';
import type { ReportContext } from './cells';
import { itemSheet } from './item-sheet';
import { QUALITY_SHEET } from '../../ledger/tool-sheets';

export { QUALITY_SHEET };

export function buildQualitySheet(result: CheckResult, ctx: ReportContext): SheetModel {
  return itemSheet(QUALITY_SHEET, QUALITY_IDS, result, ctx);
}
