/** 政府保障程度: the items G1–G15. */
import type { CheckResult } from '../../checks/types';
import { GUARANTEE_IDS } from '../../standard/schema';
import type { SheetModel } from '../model';
import type { ReportContext } from './cells';
import { itemSheet } from './item-sheet';
import { GUARANTEE_SHEET } from '../../ledger/tool-sheets';

export { GUARANTEE_SHEET };

export function buildGuaranteeSheet(result: CheckResult, ctx: ReportContext): SheetModel {
  return itemSheet(GUARANTEE_SHEET, GUARANTEE_IDS, result, ctx);
}
