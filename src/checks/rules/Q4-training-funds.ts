/** Q4 教师培训经费占学校年度公用经费预算不低于5% (threshold share). Per school. */
import type { SchoolRecord } from '../../ledger/types';
import { threshold } from '../../standard';
import { atLeast, ceilTo } from '../compare';
import { complianceFinding, yuanAmount, dataFinding, type Ctx } from '../context';
import { formatNumber, formatThreshold, indicatorRef, pct, yuan } from '../format';
import { perSchoolItem } from '../common/item-status';
import { wholeSchool } from '../common/whole-school';
import type { Rule } from './types';

/** Q4: 教师培训经费 ≥ share × 公用经费. */
function checkTrainingFunds(ctx: Ctx, s: SchoolRecord, tally: { checked: number }): void {
  if (!s.quantities.trainingFunds || !s.quantities.budget) return;
  const std = ctx.std;
  const what = indicatorRef(std, 'Q4');
  const share = threshold(std, 'Q4', 'share');
  const t = wholeSchool(ctx, s, 'trainingFunds', what, 'Q4');
  const b = wholeSchool(ctx, s, 'budget', what, 'Q4');
  if (!t || t.value === null || !b || b.value === null) return;
  if (b.value <= 0) {
    dataFinding(ctx, b.ref, 'Q4', s.name, null, `「公用经费」为 ${formatNumber(b.value)}，无法计算教师培训经费占比（Q4）`);
    return;
  }
  tally.checked++;
  const actual = t.value / b.value;
  if (atLeast(actual, share, ctx.eps)) return;
    const gap = ceilTo(share * b.value - t.value, 2, ctx.eps);
  // 实际值 / 标准值 / 差距 are shares of 公用经费 (%); 需补足 the 元 to add.
  complianceFinding(ctx, t.ref, 'Q4', s.name, null, Number(actual.toFixed(6)), share, Number((share - actual).toFixed(6)),
    `教师培训经费 ${yuan(t.value)}，占公用经费（${yuan(b.value)}）的 ${pct(actual)}，标准 ≥ ${pct(share)}，还差 ${yuan(gap)}`,
    { need: yuanAmount(gap) });
}

export const Q4: Rule = {
  id: 'Q4',
  reads: [{ ledger: '学校台账', fields: ['教师培训经费', '公用经费'] }],
  pass: 'school',
  checks: 'per school: 教师培训经费 ≥ share × 公用经费',
  raises: [
    { kind: 'compliance', when: 'on the 教师培训经费 cell when short' },
    { kind: 'data', when: 'on a blank cell, or 公用经费 ≤ 0' },
  ],
  start: (run) => {
    const tally = { checked: 0 };
    const has = (q: keyof SchoolRecord['quantities']) => run.schools.some((s) => s.quantities[q] !== undefined);
    return {
      school: (s) => checkTrainingFunds(run.ctx, s, tally),
      item: () =>
        perSchoolItem(run, {
          id: 'Q4',
          method: '学校台账',
          required: `≥ 公用经费的 ${formatThreshold(run.ctx.std.indicators.Q4.thresholds.share * 100)}%`,
          present: has('trainingFunds') && has('budget'),
          missing: '学校台账缺少「教师培训经费」或「公用经费」列',
          checked: tally.checked,
        }),
    };
  },
};
