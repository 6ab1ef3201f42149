/** 核查清单: the lines the county verifies by hand, written once; the answers are read back. */
import type { CheckResult } from '../../checks/types';
import { fitColumns, subtitle } from '../format';
import type { ModelCell, SheetModel } from '../model';
import { text, type ReportContext } from './cells';

export const CHECKLIST_SHEET = '核查清单';

export const CHECKLIST_STATUS_LIST = ['达标', '未达标', '待核实'];

/**
 * 核查清单: written once (writeOnce) with each checklist line, 状态 a drop-down (达标 / 未达标 / 待核实),
 * default 待核实; the answers read back are shown when the model is built after a previous one.
 */
export function buildChecklistSheet(result: CheckResult, ctx: ReportContext): SheetModel {
  const headers = ['编号', '指标', '内容', '状态', '佐证材料', '备注'];
  const rows: ModelCell[][] = result.checklist.map((l) => [
    text(l.id),
    text(l.item),
    text(l.content),
    text(l.status, l.status === '达标' ? 'pass' : l.status === '未达标' ? 'fail' : 'warn'),
    text(l.evidence),
    text(l.remark),
  ]);
  const columns = fitColumns(headers, rows, { headerMax: 16, max: 50 });
  return {
    name: CHECKLIST_SHEET,
    title: CHECKLIST_SHEET,
    subtitle: `请逐项核实后在「状态」列选择 达标 / 未达标 / 待核实，并填写佐证材料；再次检查时读取本表，不会覆盖。${subtitle(ctx.workbook, ctx.std, ctx.date)}`,
    columns,
    rows,
    autoFilter: false,
    writeOnce: true,
    validations: [{ column: 4, list: [...CHECKLIST_STATUS_LIST] }],
  };
}
