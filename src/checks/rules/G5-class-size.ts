/**
 * G5 小学、初中所有班级学生数分别不超过45人、50人 (thresholds 小学, 初中). Per class row of the 班级台账; the
 * row's 学段 is derived before the rules (derive/class-stages.ts). 高中 and 特殊教育学校 classes are not checked.
 */
import type { ClassRecord, SchoolRecord } from '../../ledger/types';
import { threshold } from '../../standard';
import { atMost, ceilTol } from '../compare';
import { complianceFinding, dataFinding, noteMissing, type Ctx } from '../context';
import { formatNumber, formatThreshold } from '../format';
import { perSchoolItem } from '../common/item-status';
import type { Rule } from './types';

/** G5 on one class row whose 学段 was derived (`cls.stage`); `school` is its school-ledger record, if any. */
function checkClass(ctx: Ctx, cls: ClassRecord, school: SchoolRecord | undefined): void {
  if (school?.type === '特殊教育学校') return;
  const stage = cls.stage;
  if (stage === null) {
    dataFinding(
      ctx,
      cls.gradeRef ?? cls.students.ref,
      'G5',
      cls.school,
      null,
      `无法确定班级「${cls.className}」的学段（年级未填写或无法识别，${school ? '学校不是单一学段' : '在学校台账中找不到该校'}），无法检查班额`,
    );
    return;
  }
  if (stage === '高中') return;
  const n = cls.students;
  if (n.value === null) {
    noteMissing(ctx, n, '班级人数', `${cls.className} 的班额（G5）`, 'G5', cls.school, stage);
    return;
  }
  const limit = threshold(ctx.std, 'G5', stage);
  if (atMost(n.value, limit, ctx.eps)) return;
  const gap = ceilTol(n.value - limit, ctx.eps);
  complianceFinding(
    ctx,
    n.ref,
    'G5',
    cls.school,
    stage,
    n.value,
    limit,
    gap,
    `班额 ${formatNumber(n.value)} 人，标准 ≤ ${formatThreshold(limit)} 人，超出 ${formatNumber(gap)} 人`,
  );
}

export const G5: Rule = {
  id: 'G5',
  reads: [{ ledger: '班级台账', fields: ['学校名称', '年级（或学段）', '班级名称', '班级人数'] }, { ledger: '学校台账', fields: ['学校类型'] }],
  pass: 'class',
  checks: 'per class row: 班级人数 ≤ the limit of the row\'s 学段',
  raises: [
    { kind: 'compliance', when: 'on the 班级人数 cell when over the limit' },
    { kind: 'data', when: 'on the 年级 cell when the 学段 cannot be told; on a blank 班级人数 cell' },
  ],
  start: (run) => ({
    classRow: (cls, school) => checkClass(run.ctx, cls, school),
    item: () => {
      const t = run.ctx.std.indicators.G5.thresholds;
      return perSchoolItem(run, {
        id: 'G5',
        method: '班级台账',
        required: `小学 ≤ ${formatThreshold(t.小学)} 人/班，初中 ≤ ${formatThreshold(t.初中)} 人/班`,
        present: run.ledgers.classes.length > 0,
        missing: '未找到班级台账',
        unit: 'cell',
      });
    },
  }),
};
