/**
 * S1 社会认可度达到85%以上 (threshold share). Once for the county. Decision: a 社会认可度/满意度 percentage is
 * used when given; otherwise a tally — (满意 + 基本满意) ÷ (满意 + 基本满意 + 不满意), or ÷ 调查人数 when that is
 * given; 满意人数 ÷ 调查人数 when only those two are. 基本满意 counts as satisfied, as the county surveys report 满意度.
 */
import type { CountyFigures } from '../../ledger/types';
import { threshold } from '../../standard';
import { atLeast } from '../compare';
import { complianceFinding, dataFinding, type Ctx } from '../context';
import { formatNumber, pct } from '../format';
import { countyHooks, countyReader, missingPart, partItem, type ItemPart } from '../common/county-figure';
import type { Rule } from './types';

function checkSatisfaction(ctx: Ctx, county: CountyFigures | null): ItemPart {
  const std = ctx.std;
  const eps = ctx.eps;
  const { fig, val, blank } = countyReader(ctx, county);
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

  return S1;
}

export const S1: Rule = {
  id: 'S1',
  reads: [{ ledger: '县级数据', fields: ['社会认可度', '调查人数', '满意人数', '基本满意人数', '不满意人数'] }],
  pass: 'county',
  checks: 'once: the 满意度 share (a percentage, else the tally) ≥ share',
  raises: [
    { kind: 'compliance', when: 'on the 社会认可度 (or 满意人数) cell when short' },
    { kind: 'data', when: 'on a blank figure; a survey of 0 people; more satisfied than surveyed' },
  ],
  start: (run) => countyHooks(run, checkSatisfaction, (p) => partItem('S1', '县级数据（满意度调查）', p)),
};
