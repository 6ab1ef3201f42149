/**
 * G12 专任教师持有教师资格证上岗率达到100% (threshold share). Per 专任 teacher row (an unreadable 是否专任 is
 * checked as 专任): 教师资格证 有 / a number; then the county rate.
 */
import { threshold } from '../../standard';
import { dataFinding, textFinding } from '../context';
import { certificateOf } from '../derive/teacher-vocabulary';
import { pct } from '../format';
import { rateItem } from '../common/rate-item';
import type { ItemResult } from '../types';
import type { Rule } from './types';

export const G12: Rule = {
  id: 'G12',
  reads: [{ ledger: '教师台账', fields: ['姓名', '学校', '是否专任', '教师资格证'] }],
  pass: 'teacher',
  checks: 'per 专任 teacher row: 教师资格证 有 or a certificate number; at the end, the share certified ≥ share',
  raises: [
    { kind: 'compliance', when: 'on the 教师资格证 cell when 无; once for the county (no cell) when the rate is short' },
    { kind: 'data', when: 'on a blank or unreadable 教师资格证 cell (and an unreadable 是否专任, raised by the teacher-ledger derivation)' },
  ],
  start: (run) => {
    const { ctx } = run;
    const share = threshold(ctx.std, 'G12', 'share');
    let fullTime = 0;
    let certified = 0;
    let unknown = 0;
    let column = false;
    let item: ItemResult | null = null;
    return {
      teacherRow: ({ t, school, stage, fullTime: isFullTime }) => {
        if (!t.certificate) return;
        column = true;
        if (isFullTime === false) return;
        fullTime++;
        const c = certificateOf(t.certificate.text);
        if (c === true) certified++;
        else if (c === false) {
          textFinding(ctx, 'compliance', t.certificate.ref, 'G12', school, stage, t.certificate.text, '有',
            `专任教师“${t.name}”未持有教师资格证（「教师资格证」填写为“${t.certificate.text}”），标准：专任教师持证上岗率 ${pct(share)}`);
        } else {
          unknown++;
          dataFinding(ctx, t.certificate.ref, 'G12', school, stage,
            c === null
              ? `专任教师“${t.name}”的「教师资格证」未填写，无法核查持证上岗（G12）`
              : `专任教师“${t.name}”的「教师资格证」“${t.certificate.text}”无法识别（应填 有/无 或证书编号）`);
        }
      },
      end: () => {
        item = rateItem(ctx, 'G12', run.hasTeacherLedger && column, fullTime - unknown, certified, unknown, share, {
          method: '教师台账',
          what: (share, k, r) => `专任教师持证上岗率 ${pct(share)}（${r}/${k} 人）`,
          short: (need) => `还有 ${need} 名专任教师未持证`,
          failingCount: (k, r) => k - r,
          missing: '教师台账缺少「教师资格证」，无法计算',
        });
      },
      item: () => item ?? { id: 'G12', status: '数据不全', value: null, required: null, failing: 0, method: '教师台账', note: '' },
    };
  },
};
