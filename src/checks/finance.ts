/**
 * School finance and enrolment columns of the school ledger — G6 (不足100人按100人核定公用经费), G7
 * (特殊教育学校生均公用经费), Q4 (教师培训经费 ≥ 5 % 公用经费), G13 (城区、镇区非寄宿制学校就近划片入学),
 * Q3 (章程) — and the cross-ledger check of a school's students against the sum of its classes.
 */
import { parseYesNo } from '../ledger/coerce';
import { cellAddress } from '../ledger/grid';
import { normalizeText } from '../ledger/normalize';
import type { CellRef, ClassRecord, SchoolRecord, StageKey } from '../ledger/types';
import type { Stage } from '../standard/schema';
import { threshold } from '../standard';
import { atLeast, ceilTo } from './compare';
import { complianceFinding, dataFinding, noteMissing, type Ctx } from './context';
import { formatNumber, formatThreshold, indicatorRef, quantityLabel } from './format';
import { stagesOfType, wholeSchool } from './guarantee';
import { normName, pct, textFinding } from './teachers';

function yuan(v: number): string {
  return `${formatNumber(v, 2)} 元`;
}

/** Checked and failing schools of a per-school item, for its status line. */
export interface SchoolTally {
  checked: number;
  failing: Set<string>;
}

export type FinanceTally = Record<'G6' | 'G7' | 'Q3' | 'Q4' | 'G13', SchoolTally> & { specialSchools: number };

export function newFinanceTally(): FinanceTally {
  const t = (): SchoolTally => ({ checked: 0, failing: new Set() });
  return { G6: t(), G7: t(), Q3: t(), Q4: t(), G13: t(), specialSchools: 0 };
}

/** G6: a school under `minStudents` students is funded as if it had `minStudents`. */
export function checkSmallSchoolFunding(ctx: Ctx, s: SchoolRecord, tally: FinanceTally): void {
  if (s.type === '特殊教育学校' || !s.quantities.budget || !s.quantities.baseQuota) return;
  const std = ctx.std;
  const min = threshold(std, 'G6', 'minStudents');
  const what = indicatorRef(std, 'G6');
  const students = wholeSchool(ctx, s, 'students', what, 'G6');
  if (!students || students.value === null || students.value >= min) return;
  const budget = wholeSchool(ctx, s, 'budget', what, 'G6');
  const quota = wholeSchool(ctx, s, 'baseQuota', what, 'G6');
  if (!budget || budget.value === null || !quota || quota.value === null) return;
  tally.G6.checked++;
  const required = min * quota.value;
  if (atLeast(budget.value, required, ctx.eps)) return;
  const gap = ceilTo(required - budget.value, 2, ctx.eps);
  tally.G6.failing.add(s.name);
  complianceFinding(ctx, budget.ref, 'G6', s.name, null, budget.value, required, gap,
    `在校生 ${formatNumber(students.value)} 人（不足 ${formatThreshold(min)} 人，应按 ${formatThreshold(min)} 人核定），公用经费 ${yuan(budget.value)}，应不低于 ${formatThreshold(min)} × ${yuan(quota.value)} = ${yuan(required)}，还差 ${yuan(gap)}`);
}

/** G7: 特殊教育学校 生均公用经费 ≥ the threshold; from its own column, else 公用经费 ÷ 在校生数. */
export function checkSpecialSchoolFunding(ctx: Ctx, s: SchoolRecord, tally: FinanceTally): void {
  if (s.type !== '特殊教育学校') return;
  tally.specialSchools++;
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
  tally.G7.checked++;
  if (atLeast(value, limit, ctx.eps)) return;
  tally.G7.failing.add(s.name);
  const gap = ceilTo(limit - value, 0, ctx.eps);
  const whole = students !== null ? `，全校还差 ${yuan(ceilTo((limit - value) * students, 2, ctx.eps))}` : '';
  complianceFinding(ctx, ref, 'G7', s.name, null, Math.round(value * 100) / 100, limit, gap,
    `特殊教育学校生均公用经费 ${yuan(value)}${derivation}，标准 ≥ ${yuan(limit)}，生均还差 ${yuan(gap)}${whole}`);
}

/** Q4: 教师培训经费 ≥ share × 公用经费. */
export function checkTrainingFunds(ctx: Ctx, s: SchoolRecord, tally: FinanceTally): void {
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
  tally.Q4.checked++;
  const actual = t.value / b.value;
  if (atLeast(actual, share, ctx.eps)) return;
  tally.Q4.failing.add(s.name);
  const gap = ceilTo(share * b.value - t.value, 2, ctx.eps);
  complianceFinding(ctx, t.ref, 'Q4', s.name, null, Number(actual.toFixed(6)), share, gap,
    `教师培训经费 ${yuan(t.value)}，占公用经费（${yuan(b.value)}）的 ${pct(actual)}，标准 ≥ ${pct(share)}，还差 ${yuan(gap)}`);
}

/** 城区 / 镇区 / 乡村 from a 城乡类型 cell; null when it cannot be told. */
export function localeOf(text: string): '城区' | '镇区' | '乡村' | null {
  const s = normalizeText(text);
  if (s === '') return null;
  if (/乡村|农村|村/.test(s)) return '乡村';
  if (/城区|城市|县城|主城|城关|市区|城镇结合|城乡结合|城/.test(s)) return '城区';
  if (/镇区|镇|集镇/.test(s)) return '镇区';
  if (/乡/.test(s)) return '乡村';
  return null;
}

/** 是否寄宿制: true / false / null (cannot tell). */
export function boardingOf(text: string): boolean | null {
  const s = normalizeText(text);
  if (s === '') return null;
  if (/非寄宿|走读|不寄宿/.test(s)) return false;
  if (/寄宿/.test(s)) return true;
  return parseYesNo(s);
}

/** G13: 城区、镇区 non-boarding 小学 / 初中: 就近划片入学比例 ≥ the 学段 threshold. */
export function checkNearbyEnrolment(ctx: Ctx, s: SchoolRecord, tally: FinanceTally): void {
  const split = s.quantities.nearbyShare;
  if (!split || s.type === '特殊教育学校') return;
  const std = ctx.std;
  const locale = s.attributes?.locale;
  const boarding = s.attributes?.boarding;
  if (!locale || !boarding) return; // the ledger reports the missing column
  const where = localeOf(locale.text);
  if (where === null) {
    dataFinding(ctx, locale.ref, 'G13', s.name, null,
      locale.text === '' ? `「城乡类型」未填写，无法判断是否检查 就近划片入学比例（G13）` : `「城乡类型」“${locale.text}”无法识别（应为 城区、镇区 或 乡村）`);
    return;
  }
  if (where === '乡村') return;
  const b = boardingOf(boarding.text);
  if (b === null) {
    dataFinding(ctx, boarding.ref, 'G13', s.name, null,
      boarding.text === '' ? `「是否寄宿制」未填写，无法判断是否检查 就近划片入学比例（G13）` : `「是否寄宿制」“${boarding.text}”无法识别（应填 是 或 否）`);
    return;
  }
  if (b) return;
  const stages = stagesOfType(s.type).filter((k): k is Stage => k === '小学' || k === '初中');
  let counted = false;
  for (const stage of stages) {
    const n = split[stage] ?? split.all;
    if (!n) continue;
    if (n.value === null) {
      noteMissing(ctx, n, quantityLabel('nearbyShare', split[stage] ? stage : 'all'), indicatorRef(std, 'G13'), 'G13', s.name, stage);
      continue;
    }
    if (!counted) tally.G13.checked++;
    counted = true;
    const limit = threshold(std, 'G13', stage);
    if (atLeast(n.value, limit, ctx.eps)) continue;
    tally.G13.failing.add(s.name);
    const prefix = stages.length > 1 ? `${stage}部：` : '';
    complianceFinding(ctx, n.ref, 'G13', s.name, stage, n.value, limit, Number((limit - n.value).toFixed(6)),
      `${prefix}就近划片入学比例 ${pct(n.value)}，标准 ≥ ${pct(limit)}（${where}非寄宿制${stage}）`);
  }
}

/** Q3: the school has a 章程. 有/是/已制定 (or any other note of one) passes; 无/否/未制定 fails; blank is a data finding. */
export function checkCharter(ctx: Ctx, s: SchoolRecord, tally: FinanceTally): void {
  const c = s.attributes?.charter;
  if (!c) return;
  if (c.text === '') {
    dataFinding(ctx, c.ref, 'Q3', s.name, null, `「章程」未填写，无法核查 ${indicatorRef(ctx.std, 'Q3')}`);
    return;
  }
  tally.Q3.checked++;
  if (parseYesNo(c.text) !== false) return;
  tally.Q3.failing.add(s.name);
  textFinding(ctx, 'compliance', c.ref, 'Q3', s.name, null, c.text, '有', `学校未制定章程（「章程」填写为“${c.text}”）`);
}

/**
 * Cross-ledger: each school's 在校生数 in the school ledger against the sum of its classes in the class
 * ledger (per 学段 where the school ledger splits it), and classes of schools the school ledger does not
 * list. Runs after the G5 checks (which fill in a class's missing 学段).
 */
export function checkStudentsAgainstClasses(ctx: Ctx, schools: readonly SchoolRecord[], classes: readonly ClassRecord[]): void {
  if (schools.length === 0 || classes.length === 0) return;
  const known = new Map<string, SchoolRecord>();
  for (const s of schools) if (!known.has(normName(s.name))) known.set(normName(s.name), s);
  interface Sum {
    total: number;
    byStage: Partial<Record<StageKey, number>>;
    firstOf: Partial<Record<StageKey | 'all', CellRef>>;
    unsure: boolean;
  }
  const sums = new Map<string, Sum>();
  const unknown = new Map<string, { name: string; ref: CellRef; count: number }>();
  for (const c of classes) {
    if (c.school === null) continue;
    const key = normName(c.school);
    const ref = c.schoolRef ?? c.students.ref;
    if (!known.has(key)) {
      const u = unknown.get(key);
      if (u) u.count++;
      else unknown.set(key, { name: c.school, ref, count: 1 });
      continue;
    }
    let sum = sums.get(key);
    if (!sum) {
      sum = { total: 0, byStage: {}, firstOf: { all: c.students.ref }, unsure: false };
      sums.set(key, sum);
    }
    if (c.students.value === null || c.stage === null) {
      sum.unsure = true;
      continue;
    }
    sum.total += c.students.value;
    sum.byStage[c.stage] = (sum.byStage[c.stage] ?? 0) + c.students.value;
    sum.firstOf[c.stage] ??= c.students.ref;
  }
  for (const u of unknown.values()) {
    dataFinding(ctx, u.ref, null, u.name, null, `班级台账中的学校“${u.name}”在学校台账中找不到（共 ${u.count} 个班级），请核对校名`);
  }
  for (const s of schools) {
    const sum = sums.get(normName(s.name));
    const split = s.quantities.students;
    if (!sum || sum.unsure || !split) continue;
    const keys: ('all' | StageKey)[] = split.小学 || split.初中 || split.高中 ? ['小学', '初中', '高中'] : ['all'];
    for (const key of keys) {
      const n = split[key];
      if (!n || n.value === null) continue;
      const classSum = key === 'all' ? sum.total : (sum.byStage[key] ?? 0);
      if (classSum === n.value) continue;
      if (key !== 'all' && classSum === 0 && n.value === 0) continue;
      const where = key === 'all' ? '' : key;
      const stage: Stage | null = key === '小学' || key === '初中' ? key : null;
      const label = quantityLabel('students', key);
      dataFinding(ctx, n.ref, null, s.name, stage,
        `学校台账「${label}」填 ${formatNumber(n.value)} 人，班级台账中该校${where}各班人数合计 ${formatNumber(classSum)} 人，两者不一致，请核实`);
      const first = (key === 'all' ? sum.firstOf.all : sum.firstOf[key]) ?? sum.firstOf.all;
      if (first) {
        dataFinding(ctx, first, null, s.name, stage,
          `班级台账中「${s.name}」${where}各班人数合计 ${formatNumber(classSum)} 人，与学校台账（${n.ref.sheet}!${cellAddress(n.ref.row, n.ref.col)}）填写的 ${formatNumber(n.value)} 人不一致，请核实`);
      }
    }
  }
}
