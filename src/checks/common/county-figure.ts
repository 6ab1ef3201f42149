/**
 * Reading the county figures (县级数据) for the county rules (G8, G14, G15, Q1, Q2, Q9, S1). A failing
 * figure is marked on its value cell in the 县级数据 sheet; a missing one makes the item 数据不全 (never a pass).
 */
import type { CountyFigure, CountyFigures, CountyItem } from '../../ledger/types';
import type { IndicatorId } from '../../standard/schema';
import { threshold } from '../../standard';
import { atLeast } from '../compare';
import { complianceFinding, dataFinding, type Ctx } from '../context';
import { formatNumber, pct } from '../format';
import type { Rule, Run } from '../rules/types';
import type { ItemResult, ItemStatus } from '../types';
import { combine } from './item-status';

/** One part of an item (G8 and G15 have two: a figure and a checklist half). */
export interface ItemPart {
  status: ItemStatus;
  value: number | string | null;
  required: number | string | null;
  failing: number;
  note: string;
}

export const LABEL: Record<CountyItem, string> = {
  teacherPay: '教师平均工资收入', civilPay: '公务员平均工资收入', performancePay: '绩效工资足额核定',
  quotaShare: '优质高中招生名额分配比例', migrantShare: '随迁子女在公办学校和政府购买服务的民办学校就读比例',
  retention: '初中三年巩固率', disabledEnrolment: '残疾儿童少年入学率', qualityLevel: '学业水平', gapRate: '校际差异率',
  satisfaction: '社会认可度', surveyed: '调查人数', satisfied: '满意人数', basicallySatisfied: '基本满意人数', dissatisfied: '不满意人数',
};

export function missingPart(required: number | string | null, what: string, county: CountyFigures | null, fig?: CountyFigure): ItemPart {
  const note = !county
    ? `未找到县级数据表，无法核查${what}`
    : fig && fig.problem === 'unreadable'
      ? `县级数据「${fig.label}」无法识别（见问题清单）`
      : fig
        ? `县级数据「${fig.label}」未填写`
        : `县级数据表中没有「${what}」`;
  return { status: '数据不全', value: null, required, failing: 0, note };
}

/** Figures of the 县级数据 sheet by item, and the data finding of a blank one. */
export function countyReader(ctx: Ctx, county: CountyFigures | null) {
  const fig = (item: CountyItem): CountyFigure | undefined => county?.figures[item];
  const val = (item: CountyItem): number | null => {
    const f = fig(item);
    return f && f.value !== null ? f.value : null;
  };
  const blank = (item: CountyItem, id: IndicatorId): void => {
    const f = fig(item);
    if (f && f.problem === 'blank' && county) {
      dataFinding(ctx, f.ref, id, null, null, `县级数据「${f.label}」未填写，无法核查 ${ctx.std.indicators[id].name}（${id}）`);
    }
  };
  return { county, fig, val, blank };
}

/** A share figure ≥ threshold(id, 'share') (G14, G15, Q1, Q2). */
export function shareFigure(ctx: Ctx, county: CountyFigures | null, id: 'G14' | 'G15' | 'Q1' | 'Q2', item: CountyItem): ItemPart {
  const { fig, val, blank } = countyReader(ctx, county);
  const required = threshold(ctx.std, id, 'share');
  const f = fig(item);
  const v = val(item);
  if (!f || v === null) {
    blank(item, id);
    return missingPart(required, LABEL[item], county, f);
  }
  if (atLeast(v, required, ctx.eps)) return { status: '达标', value: v, required, failing: 0, note: `${f.label} ${pct(v)}` };
  const msg = `${LABEL[item]} ${pct(v)}，标准 ≥ ${pct(required)}，还差 ${formatNumber((required - v) * 100, 2)} 个百分点`;
  complianceFinding(ctx, f.ref, id, null, null, v, required, Number((required - v).toFixed(6)), msg);
  return { status: '未达标', value: v, required, failing: 1, note: msg };
}

/** The item of a county part. */
export function partItem(id: IndicatorId, method: string, p: ItemPart): ItemResult {
  return { id, status: p.status, value: p.value, required: p.required, failing: p.failing, method, note: p.note };
}

/**
 * The hooks of a county rule: `check` runs once in the county pass (its findings then), and the item is
 * made from its part; a second half from the 核查清单 (G8, G15) is added by `item`.
 */
export function countyHooks(run: Run, check: (ctx: Ctx, county: CountyFigures | null) => ItemPart, item: (part: ItemPart) => ItemResult): ReturnType<Rule['start']> {
  let part: ItemPart | null = null;
  return {
    county: (county) => {
      part = check(run.ctx, county);
    },
    item: () => item(part ?? check(run.ctx, null)),
  };
}

/** An item with a 核查清单 half: 未达标 if either fails, else 数据不全, else 待核实, else 达标. */
export function withChecklistHalf(item: ItemResult, first: ItemPart, second: ItemStatus, note: string): ItemResult {
  return { ...item, status: combine([first.status, second]), failing: first.failing + (second === '未达标' ? 1 : 0), note };
}

/** A county share rule (G14, Q1, Q2): the 县级数据 figure ≥ threshold(id, 'share'). */
export function shareRule(id: 'G14' | 'Q1' | 'Q2', item: CountyItem): Rule {
  return {
    id,
    reads: [{ ledger: '县级数据', fields: [LABEL[item]] }],
    pass: 'county',
    checks: 'once: the figure ≥ share',
    raises: [
      { kind: 'compliance', when: "on the figure's value cell when short" },
      { kind: 'data', when: 'on a blank figure (an ambiguous or unreadable one is raised by the ledger reader)' },
    ],
    start: (run) => countyHooks(run, (ctx, county) => shareFigure(ctx, county, id, item), (p) => partItem(id, '县级数据', p)),
  };
}
