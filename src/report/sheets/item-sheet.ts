/** What the item sheets (政府保障程度, 教育质量, 社会认可度) and the 总表 share: an item's status, value and row. */
import type { CheckResult, ItemResult, ItemStatus } from '../../checks/types';
import type { IndicatorId, Standard } from '../../standard/schema';
import { fitColumns, subtitle } from '../format';
import type { ModelCell, SheetModel } from '../model';
import { text, type ReportContext } from './cells';

export function statusCell(s: ItemStatus): ModelCell {
  switch (s) {
    case '达标':
      return { value: '✓', style: 'pass' };
    case '未达标':
      return { value: '✗', style: 'fail' };
    default:
      return { value: s, style: 'warn' };
  }
}

/** A value or requirement of an item: shares as %, G8 as a ratio, text as is. */
export function valueCell(std: Standard, id: IndicatorId, v: number | string | null): ModelCell {
  if (v === null) return { value: '—', style: 'warn' };
  if (typeof v === 'string') return text(v);
  const unit = std.indicators[id].unit;
  if (unit === '%') return { value: v, style: 'number', numFmt: '0.0%' };
  return { value: v, style: 'number', numFmt: '0.00' };
}

function itemRow(std: Standard, it: ItemResult): ModelCell[] {
  return [
    text(it.id),
    text(std.indicators[it.id].name),
    text(it.method),
    valueCell(std, it.id, it.value),
    valueCell(std, it.id, it.required),
    statusCell(it.status),
    { value: it.failing, style: 'number', numFmt: '0' },
    text(it.note, 'note'),
  ];
}

const ITEM_HEADERS = ['编号', '指标', '核查方式', '实际值', '标准', '状态', '未达标数', '说明'];

export function itemsOf(result: CheckResult, ids: readonly string[]): ItemResult[] {
  return ids.map((id) => result.items.find((i) => i.id === id)).filter((i): i is ItemResult => i !== undefined);
}

function countLine(items: readonly ItemResult[]): ModelCell[] {
  const n = (s: ItemStatus) => items.filter((i) => i.status === s).length;
  return [text(`共 ${items.length} 项：达标 ${n('达标')}，未达标 ${n('未达标')}，待核实 ${n('待核实')}，数据不全 ${n('数据不全')}`, 'note')];
}

export function itemSheet(name: string, ids: readonly string[], result: CheckResult, ctx: ReportContext, extra: ModelCell[][] = []): SheetModel {
  const items = itemsOf(result, ids);
  const rows = items.map((i) => itemRow(ctx.std, i));
  const columns = fitColumns(ITEM_HEADERS, rows, { headerMax: 16, max: 60 });
  if (rows.length > 0) rows.push(countLine(items));
  rows.push(...extra);
  return { name, title: name, subtitle: subtitle(ctx.workbook, ctx.std, ctx.date), columns, rows, autoFilter: false };
}
