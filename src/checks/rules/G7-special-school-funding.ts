/** G7 特殊教育学校生均公用经费不低于6000元 (threshold 特殊教育学校). Per 特殊教育学校. */
import type { CellRef, SchoolRecord } from '../../ledger/types';
import { threshold } from '../../standard';
import { atLeast, ceilTo } from '../compare';
import { complianceFinding, yuanAmount, dataFinding, type Ctx } from '../context';
import { formatNumber, formatThreshold, indicatorRef, yuan } from '../format';
import { perSchoolItem } from '../common/item-status';
import { wholeSchool } from '../common/whole-school';
import type { Rule } from './types';

/** G7: 特殊教育学校 生均公用经费 ≥ the threshold; from its own column, else 公用经费 ÷ 在校生数. */
function checkSpecialSchoolFunding(ctx: Ctx, s: SchoolRecord, tally: { checked: number }): void {
  if (s.type !== '特殊教育学校') return;
  const std = ctx.std;
  const what = indicatorRef(std, 'G7');
  const limit = threshold(std, 'G7', '特殊教育学校');
  let value: number | null = null;
  let ref: CellRef | null = null;
  let derivation = '';
  let students: number | null = null;
  if (s.quantities.perStudentFunding) {
    const p = wholeSchool(ctx, s, 'perStudentFunding', what, 'G7');
    if (!p || p.value === null) return;
    value = p.value;
    ref = p.ref;
  } else if (s.quantities.budget) {
    const st = wholeSchool(ctx, s, 'students', what, 'G7');
    const b = wholeSchool(ctx, s, 'budget', what, 'G7');
    if (!st || st.value === null || !b || b.value === null) return;
    if (st.value <= 0) {
      dataFinding(ctx, st.ref, 'G7', s.name, null, `特殊教育学校在校生数为 ${st.value}，无法计算生均公用经费`);
      return;
    }
    students = st.value;
    value = b.value / st.value;
    ref = b.ref;
    derivation = `（公用经费 ${yuan(b.value)} ÷ ${formatNumber(st.value)} 人）`;
  } else return;
  tally.checked++;
  if (atLeast(value, limit, ctx.eps)) return;
    const gap = ceilTo(limit - value, 0, ctx.eps);
  const total = students !== null ? ceilTo((limit - value) * students, 2, ctx.eps) : null;
  const whole = total !== null ? `，全校还差 ${yuan(total)}` : '';
  // 实际值 / 标准值 / 差距 are per student (元, two decimals: 5999.50); 需补足 the school's total when its students are known.
  complianceFinding(ctx, ref, 'G7', s.name, null, Math.round(value * 100) / 100, limit, gap,
    `特殊教育学校生均公用经费 ${yuan(value)}${derivation}，标准 ≥ ${yuan(limit)}，生均还差 ${yuan(gap)}${whole}`,
    { unit: { unit: '元', decimals: Number.isInteger(Math.round(value * 100) / 100) ? 0 : 2 }, need: total !== null ? yuanAmount(total) : null });
}

export const G7: Rule = {
  id: 'G7',
  reads: [{ ledger: '学校台账', fields: ['学校类型', '生均公用经费（或 公用经费 与 在校生数）'] }],
  pass: 'school',
  checks: 'per 特殊教育学校: 生均公用经费 (its column, else 公用经费 ÷ 在校生数) ≥ the threshold',
  raises: [
    { kind: 'compliance', when: 'on the 生均公用经费 (or 公用经费) cell when short' },
    { kind: 'data', when: 'on a blank cell, or 0 students' },
  ],
  start: (run) => {
    const tally = { checked: 0 };
    let specialSchools = 0;
    const has = (q: keyof SchoolRecord['quantities']) => run.schools.some((s) => s.quantities[q] !== undefined);
    return {
      school: (s) => {
        if (s.type === '特殊教育学校') specialSchools++;
        checkSpecialSchoolFunding(run.ctx, s, tally);
      },
      item: () =>
        perSchoolItem(run, {
          id: 'G7',
          method: '学校台账',
          required: `生均公用经费 ≥ ${formatThreshold(run.ctx.std.indicators.G7.thresholds['特殊教育学校'])} 元`,
          present: has('perStudentFunding') || has('budget'),
          missing: '学校台账缺少「公用经费」或「生均公用经费」列',
          checked: tally.checked,
          notApplicable: specialSchools === 0 ? '县域内没有特殊教育学校' : null,
        }),
    };
  },
};
