/** 补短板清单: what each 未达标 school needs, by 责任单位. */
import type { LedgerSet } from '../../ledger/types';
import { INDICATOR_IDS, RESOURCE_IDS, type IndicatorId, type ResourceId, type Standard } from '../../standard/schema';
import { TRANSITION_TAG } from '../../checks/common/transition';
import { fitColumns, subtitle } from '../format';
import type { ModelCell, SheetModel } from '../model';
import { describeOptionPlain, optionCost, type Plans } from '../plans';
import { schoolLink, text, type ReportContext } from './cells';
import { PLAN_SHEET } from '../../ledger/tool-sheets';

export { PLAN_SHEET };

const ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Every 责任单位 of the standard, in the order the indicators first name them. */
export function departmentOrder(std: Standard): string[] {
  const out: string[] = [];
  for (const id of INDICATOR_IDS) for (const d of std.indicators[id].departments) if (!out.includes(d)) out.push(d);
  return out;
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
    const link = schoolLink(e.result, ledgers);
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
      const why = e.relaxed ? `（该校该学段现${TRANSITION_TAG}达标，此为达到完整标准所需）` : '';
      const cells: ModelCell[] = [...head(group), text(`方案${ORDINAL[i] ?? String(i + 1)}`), text(describeOptionPlain(std, o, e.result.stage) + why)];
      if (priced) {
        const c = optionCost(o);
        cells.push(c.priced === 0 ? text('未设单价', 'note') : { value: c.cost, style: 'number', numFmt: c.all ? '#,##0" 元"' : '#,##0" 元（部分项目未设单价）"' });
      }
      list.push({ group, rank, at, option: i, cells });
    });
  });
  // G3 / G4 judged 达标 by a 《规程》 relaxed limit: what the full standard still needs, after the 资源配置 rows.
  (plans.transitions ?? []).forEach((t, at) => {
    const id = t.indicator as IndicatorId;
    const group = deptOrder.filter((d) => std.indicators[id].departments.includes(d)).join('、');
    const link = t.sheet && t.cell ? { sheet: t.sheet, cell: t.cell } : undefined;
    const cells: ModelCell[] = [text(group), link ? { value: t.school, style: 'link', link } : text(t.school), text(t.stage ?? ''), text(`${id} 完整标准`), text(t.message)];
    if (priced) cells.push(text('', 'note'));
    list.push({ group, rank: RESOURCE_IDS.length + 1 + INDICATOR_IDS.indexOf(id), at: plans.schools.length + at, option: 0, cells });
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
        '全校共用的面积、设备、教室按学段学生数加权分摊，所列为全校需增加的数量。' +
        `按《规程》过渡期标准判为达标的学校，本表仍按完整标准列出所需。`,
      'note',
    ),
  ]);
  return { name: PLAN_SHEET, title: PLAN_SHEET, subtitle: subtitle(ctx.workbook, std, ctx.date), columns, rows, autoFilter: true };
}
