/**
 * County figures (县级数据): G8 (教师工资 ÷ 公务员工资, 绩效工资足额核定), G14, G15 (随迁子女), Q1, Q2, Q9,
 * S1. A failing figure is marked on its value cell in the 县级数据 sheet; a missing one makes the item
 * 数据不全 (never a pass).
 *
 * S1 decision: a 社会认可度/满意度 percentage is used when given; otherwise a tally — (满意 + 基本满意) ÷
 * (满意 + 基本满意 + 不满意), or ÷ 调查人数 when that is given; 满意人数 ÷ 调查人数 when only those two are.
 * 基本满意 counts as satisfied, as the county surveys report 满意度.
 */
import type { CountyFigure, CountyFigures, CountyItem } from '../ledger/types';
import type { IndicatorId } from '../standard/schema';
import { threshold } from '../standard';
import { atLeast } from './compare';
import { complianceFinding, dataFinding, type Ctx } from './context';
import { formatNumber, formatThreshold } from './format';
import { pct, textFinding } from './teachers';
import type { ItemStatus } from './types';

/** One part of an item (G8 and G15 have two: a figure and a checklist half). */
export interface ItemPart {
  status: ItemStatus;
  value: number | string | null;
  required: number | string | null;
  failing: number;
  note: string;
}

export type CountyParts = {
  G8: ItemPart;
  /** 绩效工资足额核定 when the 县级数据 sheet states it; null = take the checklist answer. */
  G8performance: ItemPart | null;
  G14: ItemPart;
  G15: ItemPart;
  Q1: ItemPart;
  Q2: ItemPart;
  Q9: ItemPart;
  S1: ItemPart;
};

const LABEL: Record<CountyItem, string> = {
  teacherPay: '教师平均工资收入', civilPay: '公务员平均工资收入', performancePay: '绩效工资足额核定',
  quotaShare: '优质高中招生名额分配比例', migrantShare: '随迁子女在公办学校和政府购买服务的民办学校就读比例',
  retention: '初中三年巩固率', disabledEnrolment: '残疾儿童少年入学率', qualityLevel: '学业水平', gapRate: '校际差异率',
  satisfaction: '社会认可度', surveyed: '调查人数', satisfied: '满意人数', basicallySatisfied: '基本满意人数', dissatisfied: '不满意人数',
};

function missingPart(required: number | string | null, what: string, county: CountyFigures | null, fig?: CountyFigure): ItemPart {
  const note = !county
    ? `未找到县级数据表，无法核查${what}`
    : fig && fig.problem === 'unreadable'
      ? `县级数据「${fig.label}」无法识别（见问题清单）`
      : fig
        ? `县级数据「${fig.label}」未填写`
        : `县级数据表中没有「${what}」`;
  return { status: '数据不全', value: null, required, failing: 0, note };
}

export function checkCounty(ctx: Ctx, county: CountyFigures | null): CountyParts {
  const std = ctx.std;
  const eps = ctx.eps;
  const fig = (item: CountyItem): CountyFigure | undefined => county?.figures[item];
  const val = (item: CountyItem): number | null => {
    const f = fig(item);
    return f && f.value !== null ? f.value : null;
  };
  const blank = (item: CountyItem, id: IndicatorId) => {
    const f = fig(item);
    if (f && f.problem === 'blank' && county) {
      dataFinding(ctx, f.ref, id, null, null, `县级数据「${f.label}」未填写，无法核查 ${std.indicators[id].name}（${id}）`);
    }
  };

  /** A share figure ≥ threshold(id, 'share'). */
  const share = (id: 'G14' | 'G15' | 'Q1' | 'Q2', item: CountyItem): ItemPart => {
    const required = threshold(std, id, 'share');
    const f = fig(item);
    const v = val(item);
    if (!f || v === null) {
      blank(item, id);
      return missingPart(required, LABEL[item], county, f);
    }
    if (atLeast(v, required, eps)) return { status: '达标', value: v, required, failing: 0, note: `${f.label} ${pct(v)}` };
    const msg = `${LABEL[item]} ${pct(v)}，标准 ≥ ${pct(required)}，还差 ${formatNumber((required - v) * 100, 2)} 个百分点`;
    complianceFinding(ctx, f.ref, id, null, null, v, required, Number((required - v).toFixed(6)), msg);
    return { status: '未达标', value: v, required, failing: 1, note: msg };
  };

  // G8: pay ratio.
  const ratioMin = threshold(std, 'G8', 'ratio');
  let G8: ItemPart;
  {
    const tp = fig('teacherPay');
    const cp = fig('civilPay');
    const t = val('teacherPay');
    const c = val('civilPay');
    if (t === null || c === null || c <= 0) {
      blank('teacherPay', 'G8');
      blank('civilPay', 'G8');
      if (cp && c !== null && c <= 0) dataFinding(ctx, cp.ref, 'G8', null, null, `县级数据「${cp.label}」为 ${formatNumber(c)}，无法计算工资比`);
      G8 = missingPart(ratioMin, t === null ? LABEL.teacherPay : LABEL.civilPay, county, t === null ? tp : cp);
    } else {
      const ratio = t / c;
      const value = Number(ratio.toFixed(4));
      if (atLeast(ratio, ratioMin, eps)) {
        G8 = { status: '达标', value, required: ratioMin, failing: 0, note: `教师平均工资 ${formatNumber(t, 2)} 元，公务员平均工资 ${formatNumber(c, 2)} 元` };
      } else {
        const gap = Math.ceil(ratioMin * c - t - 1e-9);
        const msg = `教师平均工资收入 ${formatNumber(t, 2)} 元，为公务员平均工资收入 ${formatNumber(c, 2)} 元的 ${formatNumber(ratio, 3)} 倍，标准 ≥ ${formatThreshold(ratioMin)} 倍，还差 ${formatNumber(gap)} 元`;
        complianceFinding(ctx, tp ? tp.ref : null, 'G8', null, null, value, ratioMin, gap, msg);
        G8 = { status: '未达标', value, required: ratioMin, failing: 1, note: msg };
      }
    }
  }
  let G8performance: ItemPart | null = null;
  {
    const f = fig('performancePay');
    if (f && f.yes !== undefined) {
      if (f.yes) G8performance = { status: '达标', value: '是', required: '是', failing: 0, note: '绩效工资已足额核定' };
      else {
        const msg = '县级数据：教师绩效工资总量未足额核定';
        textFinding(ctx, 'compliance', f.ref, 'G8', null, null, f.text, '是', msg);
        G8performance = { status: '未达标', value: '否', required: '是', failing: 1, note: msg };
      }
    } else if (f) {
      blank('performancePay', 'G8');
      G8performance = missingPart('是', LABEL.performancePay, county, f);
    }
  }

  // Q9: level ≥ minLevel (or 是) and 校际差异率 < maxGapRate.
  let Q9: ItemPart;
  {
    const minLevel = threshold(std, 'Q9', 'minLevel');
    const maxGap = threshold(std, 'Q9', 'maxGapRate');
    const required = `学业水平 ≥ ${roman(minLevel)}级，校际差异率 < ${formatThreshold(maxGap)}`;
    const lf = fig('qualityLevel');
    const gf = fig('gapRate');
    const notes: string[] = [];
    let failing = 0;
    let unknown = false;
    let levelText = '—';
    if (!lf || (lf.value === null && lf.yes === undefined)) {
      blank('qualityLevel', 'Q9');
      unknown = true;
      notes.push(missingPart(null, LABEL.qualityLevel, county, lf).note);
    } else {
      const ok = lf.value !== null ? lf.value >= minLevel : lf.yes === true;
      levelText = lf.value !== null ? `${roman(lf.value)}级` : lf.yes ? `达到${roman(minLevel)}级以上` : `未达到${roman(minLevel)}级`;
      if (!ok) {
        failing++;
        const msg = `国家义务教育质量监测学业水平 ${levelText}，标准 ${roman(minLevel)}级以上`;
        textFinding(ctx, 'compliance', lf.ref, 'Q9', null, null, lf.value ?? lf.text, minLevel, msg);
        notes.push(msg);
      }
    }
    let gapText = '—';
    if (!gf || gf.value === null) {
      blank('gapRate', 'Q9');
      unknown = true;
      notes.push(missingPart(null, LABEL.gapRate, county, gf).note);
    } else {
      gapText = formatNumber(gf.value, 4);
      // '<': a rate equal to the limit fails.
      if (atLeast(gf.value, maxGap, eps)) {
        failing++;
        const msg = `质量监测校际差异率 ${gapText}，标准 < ${formatThreshold(maxGap)}`;
        complianceFinding(ctx, gf.ref, 'Q9', null, null, gf.value, maxGap, Number((gf.value - maxGap).toFixed(6)), msg);
        notes.push(msg);
      }
    }
    const value = `学业水平 ${levelText}；校际差异率 ${gapText}`;
    Q9 = {
      status: failing > 0 ? '未达标' : unknown ? '数据不全' : '达标',
      value,
      required,
      failing,
      note: notes.length > 0 ? notes.join('；') : value,
    };
  }

  // S1: a percentage, else a tally.
  let S1: ItemPart;
  {
    const required = threshold(std, 'S1', 'share');
    const sf = fig('satisfaction');
    let v: number | null = null;
    let how = '';
    let at = sf?.ref ?? null;
    if (sf && sf.value !== null) {
      v = sf.value;
      how = `${sf.label} ${pct(v)}`;
    } else {
      const sat = val('satisfied');
      const basic = val('basicallySatisfied');
      const dis = val('dissatisfied');
      const surveyed = val('surveyed');
      const total = surveyed ?? (sat !== null && dis !== null ? sat + (basic ?? 0) + dis : null);
      if (sat !== null && total !== null) {
        if (total <= 0) {
          const f = fig('surveyed') ?? fig('satisfied');
          if (f) dataFinding(ctx, f.ref, 'S1', null, null, '满意度调查总人数为 0，无法计算社会认可度');
        } else {
          v = (sat + (basic ?? 0)) / total;
          how = `（满意 ${formatNumber(sat)}${basic !== null ? ` + 基本满意 ${formatNumber(basic)}` : ''}）÷ ${surveyed !== null ? '调查人数' : '合计'} ${formatNumber(total)} = ${pct(v)}`;
          at = fig('satisfied')?.ref ?? null;
          if (v > 1 + 1e-9) {
            const f = fig('satisfied');
            if (f) dataFinding(ctx, f.ref, 'S1', null, null, `满意人数多于调查人数（${how}），请核实`);
            v = null;
          }
        }
      }
    }
    if (v === null) {
      if (sf) blank('satisfaction', 'S1');
      S1 = missingPart(required, '社会认可度（满意度百分比或满意人数/调查人数）', county, sf);
    } else if (atLeast(v, required, eps)) {
      S1 = { status: '达标', value: v, required, failing: 0, note: how };
    } else {
      const msg = `社会认可度 ${pct(v)}，标准 ≥ ${pct(required)}${how.startsWith('（') ? `（${how}）` : ''}`;
      complianceFinding(ctx, at, 'S1', null, null, Number(v.toFixed(6)), required, Number((required - v).toFixed(6)), msg);
      S1 = { status: '未达标', value: v, required, failing: 1, note: msg };
    }
  }

  return {
    G8,
    G8performance,
    G14: share('G14', 'quotaShare'),
    G15: share('G15', 'migrantShare'),
    Q1: share('Q1', 'retention'),
    Q2: share('Q2', 'disabledEnrolment'),
    Q9,
    S1,
  };
}

function roman(n: number): string {
  return ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'][n] ?? String(n);
}
