/** 自查自评总表: one page for the county leadership. */
import type { CheckResult, ItemResult, ItemStatus } from '../../checks/types';
import { GUARANTEE_IDS, QUALITY_IDS, RESOURCE_IDS, SATISFACTION_IDS, STAGES } from '../../standard/schema';
import { fitColumns, subtitle } from '../format';
import type { ModelCell, SheetModel } from '../model';
import { text, type ReportContext } from './cells';
import { itemsOf, statusCell, valueCell } from './item-sheet';

export const OVERVIEW_SHEET = '自查自评总表';

/** The county would pass today only when every item of the standard is 达标. */
export function passToday(result: CheckResult): { pass: boolean; blocking: ItemResult[] } {
  const blocking = result.items.filter((i) => i.status !== '达标');
  return { pass: result.items.length > 0 && blocking.length === 0, blocking };
}

function idsText(items: readonly ItemResult[], s: ItemStatus): string {
  return items.filter((i) => i.status === s).map((i) => i.id).join('、');
}

/**
 * 自查自评总表: one page for the county leadership — the verdict first (would the county pass today, and
 * which items block it), then the four parts with each item's status, the schools 达标 per 学段, every
 * 差异系数 against its limit, and the checklist items still open.
 */
export function buildOverviewSheet(result: CheckResult, ctx: ReportContext): SheetModel {
  const { std } = ctx;
  const headers = ['项目', '状态', '实际值 / 情况', '标准 / 说明'];
  const rows: ModelCell[][] = [];
  const { pass, blocking } = passToday(result);
  const section = (t: string) => rows.push([text(t, 'note'), text(''), text(''), text('')]);

  const reasons = [
    ['未达标', idsText(blocking, '未达标')],
    ['数据不全', idsText(blocking, '数据不全')],
    ['待核实', idsText(blocking, '待核实')],
  ]
    .filter(([, ids]) => ids !== '')
    .map(([k, ids]) => `${k}：${ids}`)
    .join('；');
  rows.push([
    text('按目前数据，全县能否通过优质均衡督导评估'),
    pass ? { value: '能', style: 'pass' } : { value: '否', style: 'fail' },
    text(pass ? '各项均已达标' : `有 ${blocking.length} 项尚未达标或未确认`),
    text(pass ? '' : `阻碍项 —— ${reasons}`, pass ? 'note' : 'fail'),
  ]);

  section('一、资源配置');
  for (const stage of STAGES) {
    const parts = result.schools.filter((s) => s.stage === stage);
    if (parts.length === 0) continue;
    const included = parts.filter((s) => !s.excluded);
    const n = (v: string) => included.filter((s) => s.verdict === v).length;
    const all = included.length > 0 && n('达标') === included.length;
    rows.push([
      text(`${stage}：学校达标情况`),
      included.length === 0 ? statusCell('数据不全') : all ? statusCell('达标') : n('未达标') > 0 ? statusCell('未达标') : statusCell('数据不全'),
      text(`参评 ${included.length} 所，达标 ${n('达标')}，未达标 ${n('未达标')}，数据不全 ${n('数据不全')}`),
      text(`不参评 ${parts.length - included.length} 所；7 项中 ≥ ${std.settings.minReached} 项达标且其余 ≥ 标准的 ${Math.round(std.settings.minShare * 100)}%`),
    ]);
  }
  for (const stage of STAGES) {
    for (const id of RESOURCE_IDS) {
      const c = result.cv.find((x) => x.stage === stage && x.indicator === id);
      if (!c) continue;
      rows.push([
        text(`${stage} ${id} ${std.indicators[id].name} 差异系数`),
        c.pass === null ? statusCell('数据不全') : statusCell(c.pass ? '达标' : '未达标'),
        c.value === null ? { value: '—', style: 'warn' } : { value: c.value, style: 'number', numFmt: '0.000' },
        text(`≤ ${c.limit.toFixed(2)}`),
      ]);
    }
  }
  const itemLine = (it: ItemResult) =>
    rows.push([
      // The leadership page uses the short names; the part sheets carry the standard's full wording.
      text(`${it.id} ${std.indicators[it.id].short ?? std.indicators[it.id].name}`),
      statusCell(it.status),
      it.value === null ? text(it.note, 'note') : valueCell(std, it.id, it.value),
      typeof it.required === 'number' ? valueCell(std, it.id, it.required) : text(it.required ?? ''),
    ]);
  for (const it of itemsOf(result, RESOURCE_IDS)) itemLine(it);
  section('二、政府保障程度');
  for (const it of itemsOf(result, GUARANTEE_IDS)) itemLine(it);
  section('三、教育质量');
  for (const it of itemsOf(result, QUALITY_IDS)) itemLine(it);
  section('四、社会认可度');
  for (const it of itemsOf(result, SATISFACTION_IDS)) itemLine(it);

  const open = result.checklist.filter((l) => l.status === '待核实');
  section(`待核实的核查清单项（${open.length}）`);
  if (open.length === 0) rows.push([text('无', 'note'), text(''), text(''), text('')]);
  for (const l of open) rows.push([text(`${l.id} ${l.item}`), statusCell('待核实'), text(l.content), text('请在「核查清单」中填写状态和佐证材料', 'note')]);

  return {
    name: OVERVIEW_SHEET,
    title: OVERVIEW_SHEET,
    subtitle: subtitle(ctx.workbook, std, ctx.date),
    columns: fitColumns(headers, rows, { headerMax: 16, max: 70 }),
    rows,
    autoFilter: false,
  };
}
