/**
 * The item summary sheets (政府保障程度, 教育质量, 社会认可度), the one-page 自查自评总表 for the county
 * leadership, and the 核查清单 the tool writes once. Pure.
 */
import type { CheckResult, ItemResult, ItemStatus } from '../checks/types';
import { cellAddress } from '../ledger/grid';
import type { CountyItem, LedgerSet } from '../ledger/types';
import { GUARANTEE_IDS, QUALITY_IDS, RESOURCE_IDS, SATISFACTION_IDS, STAGES, type IndicatorId, type Standard } from '../standard/schema';
import { fitColumns, subtitle } from './format';
import type { ModelCell, SheetModel } from './model';
import type { ReportContext } from './sheets';

export const GUARANTEE_SHEET = '政府保障程度';
export const QUALITY_SHEET = '教育质量';
export const SATISFACTION_SHEET = '社会认可度';
export const OVERVIEW_SHEET = '自查自评总表';
export const CHECKLIST_SHEET = '核查清单';

export const CHECKLIST_STATUS_LIST = ['达标', '未达标', '待核实'];

const text = (value: string | null, style: ModelCell['style'] = 'text'): ModelCell => ({ value: value ?? '', style });

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
function valueCell(std: Standard, id: IndicatorId, v: number | string | null): ModelCell {
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

function itemsOf(result: CheckResult, ids: readonly string[]): ItemResult[] {
  return ids.map((id) => result.items.find((i) => i.id === id)).filter((i): i is ItemResult => i !== undefined);
}

function countLine(items: readonly ItemResult[]): ModelCell[] {
  const n = (s: ItemStatus) => items.filter((i) => i.status === s).length;
  return [text(`共 ${items.length} 项：达标 ${n('达标')}，未达标 ${n('未达标')}，待核实 ${n('待核实')}，数据不全 ${n('数据不全')}`, 'note')];
}

function itemSheet(name: string, ids: readonly string[], result: CheckResult, ctx: ReportContext, extra: ModelCell[][] = []): SheetModel {
  const items = itemsOf(result, ids);
  const rows = items.map((i) => itemRow(ctx.std, i));
  const columns = fitColumns(ITEM_HEADERS, rows, { headerMax: 16, max: 60 });
  if (rows.length > 0) rows.push(countLine(items));
  rows.push(...extra);
  return { name, title: name, subtitle: subtitle(ctx.workbook, ctx.std, ctx.date), columns, rows, autoFilter: false };
}

export function buildGuaranteeSheet(result: CheckResult, ctx: ReportContext): SheetModel {
  return itemSheet(GUARANTEE_SHEET, GUARANTEE_IDS, result, ctx);
}

export function buildQualitySheet(result: CheckResult, ctx: ReportContext): SheetModel {
  return itemSheet(QUALITY_SHEET, QUALITY_IDS, result, ctx);
}

const SURVEY_ITEMS: readonly CountyItem[] = ['satisfaction', 'surveyed', 'satisfied', 'basicallySatisfied', 'dissatisfied'];

/** 社会认可度: S1, then the survey figures as read from the 县级数据 sheet. */
export function buildSatisfactionSheet(result: CheckResult, ledgers: LedgerSet | null, ctx: ReportContext): SheetModel {
  const extra: ModelCell[][] = [];
  const county = ledgers?.county ?? null;
  const figs = county ? SURVEY_ITEMS.map((k) => county.figures[k]).filter((f) => f !== undefined) : [];
  extra.push([]);
  if (figs.length === 0) {
    extra.push([text('未找到满意度调查数据：请在县级数据表中填写「社会认可度」（百分比）或「调查人数」「满意人数」「基本满意人数」「不满意人数」', 'note')]);
  } else {
    extra.push([text('调查数据', 'note'), text('数值', 'note'), text('来源', 'note')]);
    for (const f of figs) {
      if (!f) continue;
      const value: ModelCell = f.value === null ? { value: '—', style: 'warn' } : f.item === 'satisfaction' ? { value: f.value, style: 'number', numFmt: '0.0%' } : { value: f.value, style: 'number', numFmt: '#,##0' };
      const addr = cellAddress(f.ref.row, f.ref.col);
      extra.push([text(f.label), value, { value: `${f.ref.sheet}!${addr}`, style: 'link', link: { sheet: f.ref.sheet, cell: addr } }]);
    }
    extra.push([text('说明：有百分比时按百分比；否则 社会认可度 =（满意 + 基本满意）÷ 调查人数（无调查人数时 ÷ 三项合计）', 'note')]);
  }
  return itemSheet(SATISFACTION_SHEET, SATISFACTION_IDS, result, ctx, extra);
}

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
