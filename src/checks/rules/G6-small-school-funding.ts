/**
 * G6 不足100名学生的村小学和教学点按100名学生核定公用经费
 * (threshold minStudents). Per school under minStudents: 公用经费 ≥ minStudents × 生均基准定额.
 */
import type { SchoolRecord } from '../../ledger/types';
import { threshold } from '../../standard';
import { atLeast, ceilTo } from '../compare';
import { complianceFinding, yuanAmount, type Ctx } from '../context';
import { formatNumber, formatThreshold, indicatorRef, yuan } from '../format';
import { perSchoolItem } from '../common/item-status';
import { wholeSchool } from '../common/whole-school';
import type { Rule } from './types';

/** G6: a school under `minStudents` students is funded as if it had `minStudents`. */
function checkSmallSchoolFunding(ctx: Ctx, s: SchoolRecord, tally: { checked: number }): void {
  if (s.type === '特殊教育学校' || !s.quantities.budget || !s.quantities.baseQuota) return;
  const std = ctx.std;
  const min = threshold(std, 'G6', 'minStudents');
  const what = indicatorRef(std, 'G6');
  const students = wholeSchool(ctx, s, 'students', what, 'G6');
  if (!students || students.value === null || students.value >= min) return;
  const budget = wholeSchool(ctx, s, 'budget', what, 'G6');
  const quota = wholeSchool(ctx, s, 'baseQuota', what, 'G6');
  if (!budget || budget.value === null || !quota || quota.value === null) return;
  tally.checked++;
  const required = min * quota.value;
  if (atLeast(budget.value, required, ctx.eps)) return;
  const gap = ceilTo(required - budget.value, 2, ctx.eps);
    complianceFinding(ctx, budget.ref, 'G6', s.name, null, budget.value, required, gap,
    `在校生 ${formatNumber(students.value)} 人（不足 ${formatThreshold(min)} 人，应按 ${formatThreshold(min)} 人核定），公用经费 ${yuan(budget.value)}，应不低于 ${formatThreshold(min)} × ${yuan(quota.value)} = ${yuan(required)}，还差 ${yuan(gap)}`,
    { unit: { unit: '元', decimals: [budget.value, required, gap].every(Number.isInteger) ? 0 : 2 }, need: yuanAmount(gap) });
}

export const G6: Rule = {
  id: 'G6',
  reads: [{ ledger: '学校台账', fields: ['在校生数', '公用经费', '生均基准定额'] }],
  pass: 'school',
  checks: 'per school (not 特殊教育学校) under minStudents students: 公用经费 ≥ minStudents × 生均基准定额',
  raises: [
    { kind: 'compliance', when: 'on the 公用经费 cell when short' },
    { kind: 'data', when: 'on a blank students, 公用经费 or 定额 cell' },
  ],
  start: (run) => {
    const tally = { checked: 0 };
    const has = (q: keyof SchoolRecord['quantities']) => run.schools.some((s) => s.quantities[q] !== undefined);
    return {
      school: (s) => checkSmallSchoolFunding(run.ctx, s, tally),
      item: () => {
        const min = formatThreshold(run.ctx.std.indicators.G6.thresholds.minStudents);
        return perSchoolItem(run, {
          id: 'G6',
          method: '学校台账',
          required: `不足 ${min} 人按 ${min} 人核定公用经费`,
          present: has('budget') && has('baseQuota'),
          missing: '学校台账缺少「公用经费」或「生均基准定额」列',
          checked: tally.checked,
          passNote: tally.checked === 0 ? `没有不足 ${min} 名学生的学校` : undefined,
        });
      },
    };
  },
};
