/**
 * The two 整改 sheets: 补短板清单 (what each 未达标 school needs, by 责任单位) and 整改进度 (open problems at each
 * run, per 责任单位 and per indicator, with a line chart where the host can draw one). Pure.
 */
import { cellAddress } from '../ledger/grid';
import type { LedgerSet } from '../ledger/types';
import { INDICATOR_IDS, RESOURCE_IDS, type ResourceId, type Standard } from '../standard/schema';
import { fitColumns, subtitle } from './format';
import { HISTORY_LIMIT, departmentsOf, type HistoryRun } from './history';
import type { ModelCell, SheetModel } from './model';
import { describeOptionPlain, optionCost, type Plans } from './plans';
import { PLAN_SHEET, PROGRESS_SHEET, type ReportContext } from './sheets';

const ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const text = (value: string, style: ModelCell['style'] = 'text'): ModelCell => ({ value, style });

/** Every 责任单位 of the standard, in the order the indicators first name them. */
export function departmentOrder(std: Standard): string[] {
  const out: string[] = [];
  for (const id of INDICATOR_IDS) for (const d of std.indicators[id].departments) if (!out.includes(d)) out.push(d);
  return out;
}

function nameLink(ledgers: LedgerSet | null, r: { sheet: string; row: number }): { sheet: string; cell: string } {
  const rec = ledgers?.schools.find((s) => s.sheet === r.sheet && s.row === r.row);
  return rec ? { sheet: rec.nameRef.sheet, cell: cellAddress(rec.nameRef.row, rec.nameRef.col) } : { sheet: r.sheet, cell: cellAddress(r.row, 1) };
}

/**
 * 补短板清单: one row per option of every 未达标 school 学段 — 责任单位 (those the standard assigns to the option's
 * indicators), 学校, 学段, 方案, 需增加 (the plan sentence), and 预计投入 when settings.unitCosts is set. Rows are
 * grouped by 责任单位 (the groups in the order of the indicators that call for them), then in ledger order.
 */
export function buildPlanSheet(plans: Plans, ledgers: LedgerSet | null, ctx: ReportContext): SheetModel {
  const { std } = ctx;
  const priced = std.settings.unitCosts !== undefined && Object.keys(std.settings.unitCosts).length > 0;
  const headers = ['责任单位', '学校', '学段', '方案', '需增加', ...(priced ? ['预计投入'] : [])];
  const deptOrder = departmentOrder(std);
  interface Row {
    group: string;
    rank: number;
    at: number;
    option: number;
    cells: ModelCell[];
  }
  const list: Row[] = [];
  plans.schools.forEach((e, at) => {
    const link = nameLink(ledgers, e.result);
    const head = (group: string): ModelCell[] => [text(group), { value: e.result.name, style: 'link', link }, text(e.result.stage)];
    if (!e.plan) {
      const group = departmentOrder(std).filter((d) => RESOURCE_IDS.some((id) => std.indicators[id].departments.includes(d))).join('、');
      list.push({ group, rank: RESOURCE_IDS.length, at, option: 0, cells: [...head(group), text('—'), text('无法测算：有指标缺少数据，请先补全台账', 'warn')] });
      return;
    }
    e.plan.options.forEach((o, i) => {
      const ids = o.map((s) => s.indicator);
      const depts = deptOrder.filter((d) => ids.some((id) => std.indicators[id].departments.includes(d)));
      const group = depts.join('、');
      const rank = Math.min(...ids.map((id) => RESOURCE_IDS.indexOf(id as ResourceId)));
      const cells: ModelCell[] = [...head(group), text(`方案${ORDINAL[i] ?? String(i + 1)}`), text(describeOptionPlain(std, o, e.result.stage))];
      if (priced) {
        const c = optionCost(o);
        cells.push(c.priced === 0 ? text('未设单价', 'note') : { value: c.cost, style: 'number', numFmt: c.all ? '#,##0" 元"' : '#,##0" 元（部分项目未设单价）"' });
      }
      list.push({ group, rank, at, option: i, cells });
    });
  });
  // Groups in the order of their first (lowest) indicator, then ledger order and option number.
  const groupRank = new Map<string, number>();
  for (const r of list) groupRank.set(r.group, Math.min(groupRank.get(r.group) ?? Infinity, r.rank));
  list.sort((a, b) => (groupRank.get(a.group) ?? 0) - (groupRank.get(b.group) ?? 0) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) || a.at - b.at || a.option - b.option);
  const rows = list.map((r) => r.cells);
  if (rows.length === 0) rows.push([text('所有参评学校资源配置均已达标，无需补短板。', 'note')]);
  const columns = fitColumns(headers, rows, { headerMax: 16, max: 80 });
  rows.push([
    text(
      '说明：每个方案都是使该校该学段资源配置达标（7 项中至少 6 项达到标准、其余不低于标准的 85%）的一种最少增加方式，任选其一即可；' +
        '全校共用的面积、设备、教室按学段学生数加权分摊，所列为全校需增加的数量。',
      'note',
    ),
  ]);
  return { name: PLAN_SHEET, title: PLAN_SHEET, subtitle: subtitle(ctx.workbook, std, ctx.date), columns, rows, autoFilter: true };
}

/**
 * 整改进度: the open 达标问题 at each run kept in the history (columns = run dates, the current run last): per
 * 责任单位 (a problem counts once for each unit the standard assigns to its indicator), then per indicator, then
 * the totals (数据问题 too). The 责任单位 rows start right under the header, so they carry the line chart.
 */
export function buildProgressSheet(history: readonly HistoryRun[], ctx: ReportContext): SheetModel {
  const { std } = ctx;
  const runs = history.length > 0 ? history : [];
  const dates = runs.map((r) => r.at);
  const withChange = runs.length >= 2;
  const headers = ['责任单位', ...dates, ...(withChange ? ['较上次'] : [])];
  const counts = (pick: (f: HistoryRun['findings'][number]) => boolean) => runs.map((r) => r.findings.filter(pick).length);
  const line = (label: string, values: number[], style: ModelCell['style'] = 'text'): ModelCell[] => {
    const row: ModelCell[] = [text(label, style), ...values.map((v): ModelCell => ({ value: v, style: 'number', numFmt: '0' }))];
    if (withChange) {
      const d = values[values.length - 1] - values[values.length - 2];
      row.push({ value: d, style: d < 0 ? 'pass' : d > 0 ? 'fail' : 'number', numFmt: '+0;-0;0' });
    }
    return row;
  };
  const rows: ModelCell[][] = [];
  const open = (f: HistoryRun['findings'][number]) => f[8] !== 'd';
  const deptRows: ModelCell[][] = [];
  for (const d of departmentOrder(std)) {
    const v = counts((f) => open(f) && departmentsOf(std, f[1]).includes(d));
    if (v.some((x) => x > 0)) deptRows.push(line(d, v));
  }
  rows.push(...deptRows);
  if (deptRows.length === 0) rows.push([text('各次检查均无未整改的达标问题', 'note')]);
  rows.push([]);
  rows.push([text('指标', 'note'), ...dates.map((d) => text(d, 'note'))]);
  const ids: string[] = [...INDICATOR_IDS];
  const seen = new Set<string>();
  for (const r of runs) for (const f of r.findings) if (open(f) && f[1] !== null) seen.add(f[1]);
  const indicatorIds = [...seen].sort((a, b) => (ids.indexOf(a) < 0 ? 999 : ids.indexOf(a)) - (ids.indexOf(b) < 0 ? 999 : ids.indexOf(b)) || (a < b ? -1 : 1));
  for (const id of indicatorIds) {
    const ind = (std.indicators as Record<string, { name: string; short?: string } | undefined>)[id];
    rows.push(line(ind ? `${id} ${ind.short ?? ind.name}` : id, counts((f) => open(f) && f[1] === id)));
  }
  const unassigned = counts((f) => open(f) && f[1] === null);
  if (unassigned.some((x) => x > 0)) rows.push(line('其他', unassigned));
  rows.push([]);
  rows.push(line('达标问题合计', counts(open), 'warn'));
  rows.push(line('数据问题合计', counts((f) => !open(f)), 'warn'));
  const columns = fitColumns(headers, rows, { headerMax: 16 });
  rows.push([
    text(
      `说明：每列为一次检查时尚未整改的问题数（同一天多次检查只保留最后一次，最多保留最近 ${HISTORY_LIMIT} 次）；` +
        '一个问题涉及多个责任单位时分别计入各单位。清除标记会同时清除整改记录。',
      'note',
    ),
  ]);
  const model: SheetModel = { name: PROGRESS_SHEET, title: PROGRESS_SHEET, subtitle: subtitle(ctx.workbook, std, ctx.date), columns, rows, autoFilter: false };
  if (deptRows.length > 0 && dates.length > 0) {
    model.chart = { type: 'line', title: '未整改达标问题数（按责任单位）', seriesRows: deptRows.length, valueColumns: dates.length };
  }
  return model;
}
