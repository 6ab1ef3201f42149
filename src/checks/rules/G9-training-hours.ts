/**
 * G9 教师5年360学时培训完成率达到100% (thresholds hours, share). Per teacher row: 五年培训学时 ≥ hours; then
 * the county rate over all rows.
 */
import { threshold } from '../../standard';
import { atLeast, ceilTol } from '../compare';
import { amount, complianceFinding, noteMissing } from '../context';
import { formatNumber, formatThreshold, pct } from '../format';
import { rateItem } from '../common/rate-item';
import type { ItemResult } from '../types';
import type { Rule } from './types';

export const G9: Rule = {
  id: 'G9',
  reads: [{ ledger: '教师台账', fields: ['姓名', '学校', '五年培训学时'] }],
  pass: 'teacher',
  checks: 'per teacher row: 五年培训学时 ≥ hours; at the end, the share of teachers reaching it ≥ share (blank rows count as not reaching)',
  raises: [
    { kind: 'compliance', when: 'on the 五年培训学时 cell when under hours; once for the county (no cell) when the rate is short' },
    { kind: 'data', when: 'on a blank 五年培训学时 cell' },
  ],
  start: (run) => {
    const { ctx } = run;
    const hoursMin = threshold(ctx.std, 'G9', 'hours');
    const hours = formatThreshold(hoursMin);
    let known = 0;
    let reached = 0;
    let unknown = 0;
    let column = false;
    let item: ItemResult | null = null;
    return {
      teacherRow: ({ t, school, stage }) => {
        if (!t.hours) return;
        column = true;
        const h = t.hours;
        if (h.value === null) {
          unknown++;
          noteMissing(ctx, h, '五年培训学时', `教师“${t.name}”的5年${hours}学时培训完成情况（G9）`, 'G9', school, stage);
          return;
        }
        known++;
        if (atLeast(h.value, hoursMin, ctx.eps)) {
          reached++;
          return;
        }
        const gap = ceilTol(hoursMin - h.value, ctx.eps);
        // A teacher's row is about hours, not the county rate the indicator's unit (%) is for.
        const unit = { unit: '学时', decimals: Number.isInteger(h.value) ? 0 : 1 };
        complianceFinding(ctx, h.ref, 'G9', school, stage, h.value, hoursMin, gap,
          `教师“${t.name}”五年培训学时 ${formatNumber(h.value)}，标准 ≥ ${hours}，还差 ${formatNumber(gap)} 学时`,
          { unit, need: amount(gap, unit.unit, 0) });
      },
      end: () => {
        item = rateItem(ctx, 'G9', run.hasTeacherLedger && column, known, reached, unknown, threshold(ctx.std, 'G9', 'share'), {
          method: '教师台账',
          what: (share, k, r) => `全县教师5年${hours}学时培训完成率 ${pct(share)}（${r}/${k} 人）`,
          short: (need) => `还有 ${need} 名教师未达到 ${hours} 学时`,
          failingCount: (k, r) => k - r,
          missing: '教师台账缺少「五年培训学时」，无法计算',
        });
      },
      item: () => item ?? { id: 'G9', status: '数据不全', value: null, required: null, failing: 0, method: '教师台账', note: '' },
    };
  },
};
