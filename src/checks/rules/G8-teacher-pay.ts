/**
 * G8 教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量 (threshold ratio).
 * Once for the county: 教师平均工资收入 ÷ 公务员平均工资收入 ≥ ratio; 绩效工资足额核定 from the 县级数据 sheet
 * when it states it, else from its 核查清单 line. Both halves count.
 */
import type { CountyFigures } from '../../ledger/types';
import { threshold } from '../../standard';
import { atLeast } from '../compare';
import { complianceFinding, yuanAmount, dataFinding, textFinding, type Ctx } from '../context';
import { formatNumber, formatThreshold } from '../format';
import { countyHooks, countyReader, LABEL, missingPart, partItem, withChecklistHalf, type ItemPart } from '../common/county-figure';
import type { ItemStatus } from '../types';
import type { Rule } from './types';

function checkTeacherPay(ctx: Ctx, county: CountyFigures | null): { G8: ItemPart; G8performance: ItemPart | null } {
  const std = ctx.std;
  const eps = ctx.eps;
  const { fig, val, blank } = countyReader(ctx, county);
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
        // 实际值 / 标准值 / 差距: the ratio (倍, three decimals as the message gives it); 需补足: 元 of average pay.
        complianceFinding(ctx, tp ? tp.ref : null, 'G8', null, null, value, ratioMin, Number((ratioMin - ratio).toFixed(4)), msg, {
          unit: { unit: '倍', decimals: 3 },
          need: yuanAmount(gap),
        });
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

  return { G8, G8performance };
}

export const G8: Rule = {
  id: 'G8',
  reads: [{ ledger: '县级数据', fields: ['教师平均工资收入', '公务员平均工资收入', '绩效工资足额核定'] }, { ledger: '核查清单', fields: ['G8 状态'] }],
  pass: 'county',
  checks: 'once: the pay ratio against ratio; 绩效工资足额核定 是 (县级数据), else the 核查清单 answer',
  raises: [
    { kind: 'compliance', when: 'on the 教师平均工资收入 cell when the ratio is short; on the 绩效工资 cell when 否; on the 核查清单 状态 cell when 未达标' },
    { kind: 'data', when: 'on a blank figure; on a 公务员 pay ≤ 0' },
  ],
  checklist: { content: '按规定足额核定教师绩效工资总量（县级数据表填写了「绩效工资足额核定」时以县级数据为准）' },
  start: (run) => {
    let perf: ItemPart | null = null;
    const check = (ctx: Ctx, county: CountyFigures | null): ItemPart => {
      const parts = checkTeacherPay(ctx, county);
      perf = parts.G8performance;
      return parts.G8;
    };
    return countyHooks(run, check, (pay) => {
      const line = run.checklist.find((l) => l.id === 'G8');
      const second: ItemStatus = perf ? perf.status : (line?.status ?? '待核实');
      const note = [pay.note, perf ? perf.note : `绩效工资足额核定：核查清单${line?.status ?? '待核实'}`].join('；');
      return withChecklistHalf(partItem('G8', '县级数据 + 核查清单', pay), pay, second, note);
    });
  },
};
