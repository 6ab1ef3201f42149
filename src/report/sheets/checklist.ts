/** 核查清单: the lines the county verifies by hand, written once; the answers are read back. */
import type { CheckResult } from '../../checks/types';
import { fitColumns, subtitle } from '../format';
import type { ModelCell, SheetModel } from '../model';
import { text, type ReportContext } from './cells';
import { CHECKLIST_SHEET } from '../../ledger/tool-sheets';

export { CHECKLIST_SHEET };

export const CHECKLIST_STATUS_LIST = ['达标', '未达标', '待核实'];

/**
 * 核查清单: written once (writeOnce) with each checklist line, 状态 a drop-down (达标 / 未达标 / 待核实),
 * default 待核实; the answers read back are shown when the model is built after a previous one.
 */
export function buildChecklistSheet(result: CheckResult, ctx: ReportContext): SheetModel {
  const headers = ['编号', '指标', '内容', '状态', '佐证材料', '备注'];
  const style = (st: string) => (st === '达标' ? 'pass' : st === '未达标' ? 'fail' : 'warn');
  const rows: ModelCell[][] = result.checklist.map((l) => [
    text(l.id),
    text(l.item),
    text(l.content),
    text(l.status, style(l.status)),
    text(l.evidence),
    text(l.remark),
  ]);
  // The 一票否决 lines: the same 状态 drop-down, read the other way round — 达标 = 不存在该情形, 未达标 = 存在.
  for (const v of result.veto ?? []) {
    rows.push([
      text(v.id),
      text(`一票否决：${v.item}`),
      text(`是否存在「${v.item}」的情形：不存在选 达标，存在选 未达标（任一项存在，全县不予认定）`),
      text(v.status, style(v.status)),
      text(v.evidence),
      text(v.remark),
    ]);
  }
  const columns = fitColumns(headers, rows, { headerMax: 16, max: 50 });
  const vetoIds = (result.veto ?? []).map((v) => v.id);
  const vetoNote = vetoIds.length > 0 ? `一票否决项（${vetoIds[0]}–${vetoIds[vetoIds.length - 1]}）：达标 = 不存在该情形，未达标 = 存在。` : '';
  return {
    name: CHECKLIST_SHEET,
    title: CHECKLIST_SHEET,
    subtitle: `请逐项核实后在「状态」列选择 达标 / 未达标 / 待核实，并填写佐证材料；${vetoNote}再次检查时读取本表，不会覆盖。${subtitle(ctx.workbook, ctx.std, ctx.date)}`,
    columns,
    rows,
    autoFilter: false,
    writeOnce: true,
    validations: [{ column: 4, list: [...CHECKLIST_STATUS_LIST] }],
  };
}
