/**
 * G4 学校规模不超过2000人，九年一贯制学校、十二年一贯制学校义务教育阶段不超过2500人 (thresholds per school
 * type). Per school: 义务教育 students (小学 + 初中, never 高中).
 */
import type { Num, SchoolRecord, SchoolType } from '../../ledger/types';
import { threshold } from '../../standard';
import { atMost } from '../compare';
import { complianceFinding, noteMissing, type Ctx } from '../context';
import { formatNumber, formatThreshold, indicatorRef, quantityLabel } from '../format';
import { perSchoolItem } from '../common/item-status';
import { singleStageOfType } from '../common/whole-school';
import { TRANSITION_TAG, builtYearOf, numberFact, recordTransition, transitionActive } from '../common/transition';
import { cellAddress } from '../../ledger/grid';
import type { Rule } from './types';

/**
 * The 《规程》's relaxed size limit for this school (sizeBuiltEarlyOrMigrant: built in or before builtBy, or more
 * than migrantShareAbove of its 义务教育 students 随迁子女), when the year is in the rule's years and the limit
 * for the school's G4 key is set and above the full one; null otherwise.
 */
function relaxedSize(ctx: Ctx, school: SchoolRecord, key: string, students: number, full: number): { limit: number; why: string } | null {
  if (!transitionActive(ctx, 'sizeBuiltEarlyOrMigrant')) return null;
  const t = ctx.std.transition.sizeBuiltEarlyOrMigrant;
  const limit = t.limits[key];
  if (limit === undefined || limit <= full) return null;
  const y = builtYearOf(ctx, school);
  if (y !== null && y <= t.builtBy) return { limit, why: `${y} 年建校，属 ${t.builtBy} 年及以前建成的学校` };
  const migrants = numberFact(school, 'migrantStudents');
  if (migrants !== null && students > 0 && !atMost(migrants / students, t.migrantShareAbove, ctx.eps)) {
    return { limit, why: `进城务工人员随迁子女 ${formatNumber(migrants)} 人，占 ${formatNumber((migrants / students) * 100, 1)}%（超过 ${formatNumber(t.migrantShareAbove * 100, 1)}%）` };
  }
  return null;
}

/** The G4 threshold key of a school type (null for types G4 does not judge). */
function sizeKey(type: SchoolType): string | null {
  return type === '九年一贯制' || type === '十二年一贯制' ? type : singleStageOfType(type);
}

/** G4: 义务教育 students (小学 + 初中, never 高中) within the limit for the school's type. */
function checkSchoolSize(ctx: Ctx, school: SchoolRecord): void {
  if (school.type === '特殊教育学校') return;
  const st = school.quantities.students;
  if (!st) return;
  const what = indicatorRef(ctx.std, 'G4');
  const p = st['小学'];
  const j = st['初中'];
  const h = st['高中'];
  const all = st.all;
  let key: string | null;
  if (school.type !== null) key = sizeKey(school.type);
  else if (p && j) key = '九年一贯制';
  else if (p) key = '小学';
  else if (j) key = '初中';
  else key = null;
  if (key === null) return;

  // Which cells make up the 义务教育 students.
  let cells: Num[] = [];
  let minus: Num | null = null;
  const t = school.type;
  if (t === '小学' || t === '教学点') cells = p ? [p] : all ? [all] : [];
  else if (t === '初中') cells = j ? [j] : all ? [all] : [];
  else if (t === '九年一贯制') cells = p && j ? [p, j] : all ? [all] : [];
  else if (t === '完全中学') {
    if (j) cells = [j];
    else if (all && h) {
      cells = [all];
      minus = h;
    }
  } else if (t === '十二年一贯制') {
    if (p && j) cells = [p, j];
    else if (all && h) {
      cells = [all];
      minus = h;
    }
  } else cells = [p, j].filter((n): n is Num => n !== undefined);
  if (cells.length === 0) return;

  let value = 0;
  for (const n of minus ? [...cells, minus] : cells) {
    noteMissing(ctx, n, quantityLabel('students', n === all ? 'all' : n === p ? '小学' : n === j ? '初中' : '高中'), what, 'G4', school.name, null);
    if (n.value === null) return;
  }
  for (const n of cells) value += n.value ?? 0;
  if (minus) value -= minus.value ?? 0;
  const full = threshold(ctx.std, 'G4', key);
  if (atMost(value, full, ctx.eps)) return;
  const ref = (all ?? cells[0]).ref;
  const who = t === '九年一贯制' || t === '十二年一贯制' ? `${t}学校义务教育阶段在校生` : t === '完全中学' ? '初中部在校生' : '在校生';
  const relaxed = relaxedSize(ctx, school, key, value, full);
  const fullGap = value - full;
  if (relaxed && atMost(value, relaxed.limit, ctx.eps)) {
    recordTransition(ctx, {
      indicator: 'G4', rule: 'sizeBuiltEarlyOrMigrant', school: school.name, stage: null, sheet: ref.sheet, cell: cellAddress(ref.row, ref.col),
      actual: value, relaxed: relaxed.limit, full, gapToFull: fullGap,
      message: `${TRANSITION_TAG}达标：学校规模 ${who} ${formatNumber(value)} 人，过渡期标准 ≤ ${formatThreshold(relaxed.limit)} 人（${relaxed.why}）；完整标准 ≤ ${formatThreshold(full)} 人，超出 ${formatNumber(fullGap)} 人`,
    });
    return;
  }
  const limit = relaxed ? relaxed.limit : full;
  const gap = value - limit;
  complianceFinding(
    ctx,
    ref,
    'G4',
    school.name,
    null,
    value,
    limit,
    gap,
    relaxed
      ? `学校规模：${who} ${formatNumber(value)} 人，${TRANSITION_TAG} ≤ ${formatThreshold(limit)} 人（${relaxed.why}），超出 ${formatNumber(gap)} 人；完整标准 ≤ ${formatThreshold(full)} 人，超出 ${formatNumber(fullGap)} 人`
      : `学校规模：${who} ${formatNumber(value)} 人，标准 ≤ ${formatThreshold(limit)} 人，超出 ${formatNumber(gap)} 人`,
  );
}

export const G4: Rule = {
  id: 'G4',
  reads: [{ ledger: '学校台账', fields: ['学校类型', '在校生数（小学、初中、高中或全校）', '《规程》：建校时间、随迁子女数'] }],
  pass: 'school',
  checks: 'per school (not 特殊教育学校): 义务教育 students within the limit of the school type (a 完全中学 / 十二年一贯制 without 学段 columns: 全校 − 高中)',
  raises: [
    { kind: 'compliance', when: 'on the students cell (全校, else the first 学段 cell) when over the limit' },
    { kind: 'data', when: 'on a blank students cell' },
  ],
  start: (run) => ({
    school: (s) => checkSchoolSize(run.ctx, s),
    item: () => {
      const t = run.ctx.std.indicators.G4.thresholds;
      return perSchoolItem(run, {
        id: 'G4',
        method: '学校台账',
        required: `小学、初中 ≤ ${formatThreshold(t.小学)} 人；一贯制 ≤ ${formatThreshold(t.九年一贯制)} 人`,
        present: run.schools.some((s) => s.quantities.students !== undefined),
        missing: '学校台账缺少在校生数',
      });
    },
  }),
};
