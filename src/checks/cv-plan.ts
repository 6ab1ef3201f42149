/**
 * 差异系数测算: for a 校际差异系数 over its limit, which schools make the spread, and the least additions that
 * bring it to the limit. Pure; verified by recomputing with `weightedCv` (spec §1).
 *
 * Why a common floor: with A = Σ qᵢ²/Pᵢ and Q = Σ qᵢ, CV² + 1 = A·P / Q², and adding δ to school i changes
 * ln(CV² + 1) by 2δ(Xᵢ/A − 1/Q): per unit added, the reduction is largest at the school with the lowest
 * per-student value Xᵢ, whatever its size. Greedy "add to the lowest" is therefore raising every school below a
 * level L to L; the CV falls as L rises (the variance of max(X, L) does not grow, its mean does), so the least L
 * is found by bisection, then each addition is trimmed to the fewest whole units that keep the CV within the limit.
 */
import { type ResourceId, type Stage, type Standard } from '../standard/schema';
import { ceilTol } from './compare';
import { weightedCv } from './cv';
import { formatCv } from './format';
import { formatAmount, formatYuan, PLAN_STEP } from './plan';
import { PER_100 } from './common/resource-indicators';
import type { CvResult, SchoolStageResult } from './types';

export interface CvShare {
  school: string;
  sheet: string;
  row: number;
  students: number;
  /** The school's value of the indicator (per student / per 100 students, as the checks report it). */
  value: number;
  /** wᵢ(Xᵢ − X̄)² ÷ Σ wⱼ(Xⱼ − X̄)², wᵢ = students ÷ county students; the shares sum to 1. */
  share: number;
  /** Below or above the county value X̄. */
  position: 'below' | 'above' | 'equal';
}

export interface CvAddition {
  school: string;
  sheet: string;
  row: number;
  /** Addition to the school 学段's quantity (its apportioned share when `apportioned`), in `unit`. */
  add: number;
  /** The indicator's unit from the standard: 人, ㎡, 元, 间. */
  unit: string;
  apportioned: boolean;
  /** Whole-school addition (whole units) that gives the 学段 `add`; when the share is known. */
  wholeSchoolAdd?: number;
  valueBefore: number;
  valueAfter: number;
  /** settings.unitCosts × (wholeSchoolAdd ?? add), when a unit cost is set. */
  cost?: number;
}

export interface CvPlan {
  indicator: ResourceId;
  stage: Stage;
  /** Largest first. Empty when the CV is already within its limit (or has no value). */
  additions: CvAddition[];
  /** The CV recomputed with the additions. */
  cvAfter: number | null;
  /** County value X̄ after the additions (scaled like the indicator). */
  countyValueAfter: number | null;
  /** False only if no floor could bring the CV within the limit (not expected). */
  reached: boolean;
  /** Σ cost of the additions, when every addition is priced. */
  cost?: number;
}

export interface CvPlanOptions {
  /** The share (0–1] of whole-school quantities apportioned to a school 学段 (see `stageShare` in plan.ts). */
  shareOf?: (r: SchoolStageResult) => number | null;
}

interface Entry {
  r: SchoolStageResult;
  P: number;
  q: number;
  /** Stage-level size of one addition unit. */
  step: number;
  whole: boolean;
  apportioned: boolean;
}

/** The school 学段 that enter a CV: same 学段, not excluded, with a value (as the checks accumulate them). */
function entriesOf(results: readonly SchoolStageResult[], id: ResourceId, stage: Stage, opts: CvPlanOptions): Entry[] {
  const out: Entry[] = [];
  for (const r of results) {
    if (r.stage !== stage || r.excluded) continue;
    const ind = r.indicators[id];
    const P = r.students;
    if (ind.value === null || P === null || !(P > 0)) continue;
    const f = ind.apportioned && opts.shareOf ? opts.shareOf(r) : null;
    const whole = f !== null && f > 0 && f <= 1;
    out.push({ r, P, q: (ind.value * P) / PER_100[id], step: whole && f !== null ? PLAN_STEP[id] * f : PLAN_STEP[id], whole, apportioned: ind.apportioned });
  }
  return out;
}

/** Each school's share of the spread, largest first. */
export function cvShares(results: readonly SchoolStageResult[], cv: CvResult, opts: CvPlanOptions = {}): CvShare[] {
  const es = entriesOf(results, cv.indicator, cv.stage, opts);
  const P = es.reduce((a, e) => a + e.P, 0);
  const Q = es.reduce((a, e) => a + e.q, 0);
  if (!(P > 0)) return [];
  const mean = Q / P;
  const d = es.map((e) => (e.P / P) * (e.q / e.P - mean) ** 2);
  const total = d.reduce((a, b) => a + b, 0);
  const tol = 1e-12 * Math.max(1, Math.abs(mean));
  return es
    .map((e, i): CvShare => {
      const x = e.q / e.P;
      return {
        school: e.r.name,
        sheet: e.r.sheet,
        row: e.r.row,
        students: e.P,
        value: x * PER_100[cv.indicator],
        share: total > 0 ? d[i] / total : 0,
        position: Math.abs(x - mean) <= tol ? 'equal' : x < mean ? 'below' : 'above',
      };
    })
    .sort((a, b) => b.share - a.share);
}

/**
 * Shares of the spread and the least-addition plan (raise the lowest schools to a common floor) that brings
 * `cv` within its limit, in whole units of the indicator's quantity, verified with `weightedCv`.
 */
export function planCv(
  results: readonly SchoolStageResult[],
  cv: CvResult,
  std: Standard,
  opts: CvPlanOptions = {},
): { shares: CvShare[]; plan: CvPlan } {
  const id = cv.indicator;
  const shares = cvShares(results, cv, opts);
  const es = entriesOf(results, id, cv.stage, opts);
  const n = es.length;
  const P = es.map((e) => e.P);
  const q0 = es.map((e) => e.q);
  const scale = PER_100[id];
  const eps = std.settings.epsilon;
  const limit = cv.limit;
  const work = new Float64Array(n);
  const cvWith = (counts: ArrayLike<number>): number | null => {
    for (let i = 0; i < n; i++) work[i] = q0[i] + counts[i] * es[i].step;
    const r = weightedCv(P, work, n);
    return r ? r.cv : null;
  };
  const ok = (c: number | null): boolean => c !== null && c <= limit;
  const none = new Array<number>(n).fill(0);
  const before = cvWith(none);
  const plan: CvPlan = { indicator: id, stage: cv.stage, additions: [], cvAfter: before, countyValueAfter: cv.countyValue, reached: ok(before) };
  if (before === null || ok(before)) return { shares, plan };

  const X = es.map((e) => e.q / e.P);
  const countsAt = (L: number): number[] =>
    es.map((e, i) => (X[i] < L ? Math.max(0, ceilTol((L * e.P - e.q) / e.step, eps)) : 0));
  let lo = Math.min(...X);
  let hi = Math.max(...X);
  let best = countsAt(hi);
  for (let k = 0; k < 40 && !ok(cvWith(best)); k++) {
    hi = hi * 1.05 + 1e-9; // whole units overshoot the floor; a little above the top is always enough
    best = countsAt(hi);
  }
  if (ok(cvWith(best))) {
    for (let k = 0; k < 100 && hi - lo > 1e-12 * Math.max(1, hi); k++) {
      const mid = (lo + hi) / 2;
      const c = countsAt(mid);
      if (ok(cvWith(c))) {
        hi = mid;
        best = c;
      } else lo = mid;
    }
    // Trim: the fewest whole units at each school (highest after-value first) that keep the CV within the limit.
    const order = best.map((_, i) => i).filter((i) => best[i] > 0);
    order.sort((a, b) => (q0[b] + best[b] * es[b].step) / P[b] - (q0[a] + best[a] * es[a].step) / P[a]);
    for (const i of order) {
      let l = 0;
      let h = best[i];
      while (l < h) {
        const m = Math.floor((l + h) / 2);
        const saved = best[i];
        best[i] = m;
        const good = ok(cvWith(best));
        best[i] = saved;
        if (good) h = m;
        else l = m + 1;
      }
      best[i] = h;
    }
  }

  const cvAfter = cvWith(best);
  const unitCosts = std.settings.unitCosts;
  const unitCost = unitCosts?.[id];
  const unit = std.indicators[id].unit;
  let Qa = 0;
  let Pa = 0;
  for (let i = 0; i < n; i++) {
    const add = best[i] * es[i].step;
    Qa += q0[i] + add;
    Pa += P[i];
    if (best[i] === 0) continue;
    const a: CvAddition = {
      school: es[i].r.name,
      sheet: es[i].r.sheet,
      row: es[i].r.row,
      add,
      unit,
      apportioned: es[i].apportioned,
      valueBefore: X[i] * scale,
      valueAfter: ((q0[i] + add) / P[i]) * scale,
    };
    if (es[i].whole) a.wholeSchoolAdd = best[i] * PLAN_STEP[id];
    if (unitCost !== undefined) a.cost = unitCost * (a.wholeSchoolAdd ?? add);
    plan.additions.push(a);
  }
  plan.additions.sort((a, b) => b.add - a.add);
  plan.cvAfter = cvAfter;
  plan.countyValueAfter = Pa > 0 ? (Qa / Pa) * scale : null;
  plan.reached = ok(cvAfter);
  if (unitCost !== undefined && plan.additions.length > 0) plan.cost = plan.additions.reduce((s, a) => s + (a.cost ?? 0), 0);
  return { shares, plan };
}

/** Plans for every CV over its limit, in the order of `check.cv`. */
export function planAllCv(
  results: readonly SchoolStageResult[],
  cvs: readonly CvResult[],
  std: Standard,
  opts: CvPlanOptions = {},
): { shares: CvShare[]; plan: CvPlan }[] {
  return cvs.filter((c) => c.pass === false).map((c) => planCv(results, c, std, opts));
}

/** "小学 生均教学及辅助用房面积 校际差异系数 0.52 → 0.50：甲小学增加 120 ㎡、乙小学增加 35 ㎡". */
export function describeCvPlan(std: Standard, plan: CvPlan, cvBefore: number | null): string {
  const ind = std.indicators[plan.indicator];
  const head = `${plan.stage} ${ind.name} 校际差异系数 ${cvBefore === null ? '—' : formatCv(cvBefore)} → ${plan.cvAfter === null ? '—' : formatCv(plan.cvAfter)}`;
  if (plan.additions.length === 0) return `${head}：无需增加`;
  const items = plan.additions.map((a) => {
    const note = a.apportioned ? (a.wholeSchoolAdd !== undefined ? `（全校，本学段分摊 ${formatAmount(a.add, ind.unit)}）` : '（本学段分摊所需）') : '';
    return `${a.school}增加 ${formatAmount(a.wholeSchoolAdd ?? a.add, ind.unit)}${note}`;
  });
  const cost = plan.cost !== undefined ? `，预计投入约 ${formatYuan(plan.cost)}` : '';
  return `${head}：${items.join('、')}${cost}`;
}
