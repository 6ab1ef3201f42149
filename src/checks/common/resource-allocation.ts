/**
 * 资源配置 (R1–R7), judged jointly: per school and 学段 values of the seven (what each reads is declared in
 * rules/R1–R7), the 6-of-7 / 85 % verdict, the findings, and the per-school inputs of the 校际差异系数. Spec §1.
 */
import type { CellRef, Num, SchoolQuantity, SchoolRecord, StageKey } from '../../ledger/types';
import { RESOURCE_IDS, STAGES, type ResourceId, type Stage, type Standard } from '../../standard/schema';
import { threshold } from '../../standard';
import type { IndicatorResult, SchoolStageResult, Verdict } from '../types';
import { atLeast, ceilTo, ceilTol } from '../compare';
import { amount, complianceFinding, dataFinding, noteMissing, type Ctx } from '../context';
import { indicatorRef, quantityLabel, resourceMessage, roundTo } from '../format';
import { R1 } from '../rules/R1-degree-teachers';
import { R2 } from '../rules/R2-backbone-teachers';
import { R3 } from '../rules/R3-pe-art-teachers';
import { R4 } from '../rules/R4-floor-area';
import { R5 } from '../rules/R5-sports-area';
import { R6 } from '../rules/R6-equipment-value';
import { R7 } from '../rules/R7-multimedia-rooms';
import type { ResourceRule } from './resource-item';

const RULES: readonly ResourceRule[] = [R1, R2, R3, R4, R5, R6, R7];

/** Indicators that are "per 100 students" (value = quantity ÷ students × 100); the others are per student. From rules/R1–R7. */
export const PER_100: Readonly<Record<ResourceId, number>> = Object.fromEntries(RULES.map((r) => [r.id, r.per])) as Record<ResourceId, number>;

/** The ledger quantity that is the numerator of each indicator (R3: see `peArtTeachers` / PE + music + art). From rules/R1–R7. */
export const NUMERATOR: Readonly<Record<ResourceId, SchoolQuantity>> = Object.fromEntries(RULES.map((r) => [r.id, r.numerator])) as Record<ResourceId, SchoolQuantity>;

const R3_PARTS: readonly SchoolQuantity[] = R3.parts ?? [];

/** Which 学段 of a school are judged, which 学段 share its whole-school quantities, and their weights. */
export interface SchoolPlan {
  stages: Stage[];
  parts: StageKey[];
  weights: Partial<Record<StageKey, number>>;
}

/**
 * The 学段 plan of a school from its type; for a school without a type, from the 学段 columns of its
 * students. null: not in 资源配置 (特殊教育学校) or no 学段 can be told (the caller raises the finding).
 */
export function planSchool(s: SchoolRecord, std: Standard): SchoolPlan | null {
  const a = std.settings.apportion;
  switch (s.type) {
    case '小学':
    case '教学点':
      return { stages: ['小学'], parts: ['小学'], weights: { 小学: 1 } };
    case '初中':
      return { stages: ['初中'], parts: ['初中'], weights: { 初中: 1 } };
    case '九年一贯制':
      return { stages: ['小学', '初中'], parts: ['小学', '初中'], weights: { 小学: a.primaryJunior[0], 初中: a.primaryJunior[1] } };
    case '十二年一贯制':
      return {
        stages: ['小学', '初中'],
        parts: ['小学', '初中', '高中'],
        weights: { 小学: a.twelveYear[0], 初中: a.twelveYear[1], 高中: a.twelveYear[2] },
      };
    case '完全中学':
      return { stages: ['初中'], parts: ['初中', '高中'], weights: { 初中: a.juniorSenior[0], 高中: a.juniorSenior[1] } };
    case '特殊教育学校':
      return null;
    case null: {
      const st = s.quantities.students;
      if (!st) return null;
      const has小 = st['小学'] !== undefined;
      const has初 = st['初中'] !== undefined;
      const has高 = st['高中'] !== undefined;
      const stages: Stage[] = STAGES.filter((k) => st[k] !== undefined);
      if (stages.length === 0) return null;
      const parts: StageKey[] = [...stages];
      if (has高) parts.push('高中');
      if (parts.length === 1) return { stages, parts, weights: { [parts[0]]: 1 } };
      if (has小 && has初 && !has高) return { stages, parts, weights: { 小学: a.primaryJunior[0], 初中: a.primaryJunior[1] } };
      if (!has小 && has初 && has高) return { stages, parts, weights: { 初中: a.juniorSenior[0], 高中: a.juniorSenior[1] } };
      return { stages, parts, weights: { 小学: a.twelveYear[0], 初中: a.twelveYear[1], 高中: a.twelveYear[2] } };
    }
  }
}

/** Where one indicator of a school 学段 stands against its threshold. */
export type IndicatorState = 'reached' | 'near' | 'below' | 'missing';

export function indicatorState(value: number | null, t: number, std: Standard): IndicatorState {
  if (value === null) return 'missing';
  const eps = std.settings.epsilon;
  if (atLeast(value, t, eps)) return 'reached';
  return atLeast(value, std.settings.minShare * t, eps) ? 'near' : 'below';
}

/**
 * 达标 when at least `minReached` reach their threshold and every other one reaches `minShare` of it.
 * With values missing: 未达标 when the known values already settle it (one known value below the share,
 * or too few could still reach even if every missing one did); otherwise 数据不全 — a missing value is
 * never counted as a pass.
 */
export function decideVerdict(states: readonly IndicatorState[], std: Standard): Verdict {
  let reached = 0;
  let below = 0;
  let missing = 0;
  for (const s of states) {
    if (s === 'reached') reached++;
    else if (s === 'below') below++;
    else if (s === 'missing') missing++;
  }
  const need = std.settings.minReached;
  if (below > 0) return '未达标';
  if (reached + missing < need) return '未达标';
  return missing === 0 ? '达标' : '数据不全';
}

/** Per-school inputs of the CV, per 学段 and indicator: students and the (apportioned) quantity. */
export interface CvAccumulator {
  students: Record<Stage, Record<ResourceId, number[]>>;
  quantities: Record<Stage, Record<ResourceId, number[]>>;
}

function perId(): Record<ResourceId, number[]> {
  return { R1: [], R2: [], R3: [], R4: [], R5: [], R6: [], R7: [] };
}

export function newCvAccumulator(): CvAccumulator {
  return { students: { 小学: perId(), 初中: perId() }, quantities: { 小学: perId(), 初中: perId() } };
}

interface Resolved {
  value: number | null;
  ref: CellRef | null;
  apportioned: boolean;
}

const NONE: Resolved = { value: null, ref: null, apportioned: false };

/**
 * Evaluates R1–R7 for every 学段 of one school; pushes findings into ctx and CV inputs into acc.
 * Returns nothing for a school outside 资源配置.
 */
export function evaluateSchool(ctx: Ctx, school: SchoolRecord, acc: CvAccumulator): SchoolStageResult[] {
  const std = ctx.std;
  const eps = ctx.eps;
  if (school.type === '特殊教育学校') return [];
  const plan = planSchool(school, std);
  if (!plan) {
    dataFinding(
      ctx,
      school.typeRef ?? school.nameRef,
      null,
      school.name,
      null,
      `无法确定「${school.name}」的学段：学校类型未填写或无法识别，在校生数也没有分学段，未参与资源配置评估`,
    );
    return [];
  }
  const name = school.name;
  const single = plan.parts.length === 1;
  const studentsSplit = school.quantities.students ?? {};
  const typeText = school.type ?? '多学段学校';

  // Students of each part (for apportioning), derived 高中 = all − the others when only 高中 is not kept.
  const partValue: Partial<Record<StageKey, number | null>> = {};
  const lacking: StageKey[] = [];
  for (const k of plan.parts) {
    const n = studentsSplit[k] ?? (single ? studentsSplit.all : undefined);
    if (n) partValue[k] = n.value;
    // A single-学段 school without a students column, or a school without one at all: the ledger reports the column.
    else if (k !== '高中' && !single && school.quantities.students) lacking.push(k);
  }
  if (!single && plan.parts.includes('高中') && studentsSplit['高中'] === undefined) {
    const all = studentsSplit.all?.value;
    let others = 0;
    let known = all !== undefined && all !== null;
    for (const k of plan.parts) {
      if (k === '高中') continue;
      const v = partValue[k];
      if (v === undefined || v === null) known = false;
      else others += v;
    }
    if (known && all !== undefined && all !== null && all - others >= 0) partValue['高中'] = all - others;
  }
  const splitRef = studentsSplit.all?.ref ?? school.nameRef;
  if (lacking.length > 0) {
    dataFinding(
      ctx,
      splitRef,
      null,
      name,
      null,
      `「${name}」是${typeText}，缺少分学段在校生数（${lacking.join('、')}），无法分学段计算资源配置指标`,
    );
  }
  let apportionReported = false;
  let weightedTotal: number | null | undefined; // undefined: not computed yet
  const weighted = (): number | null => {
    if (weightedTotal !== undefined) return weightedTotal;
    let w = 0;
    for (const k of plan.parts) {
      const v = partValue[k];
      if (v === undefined || v === null || v < 0) {
        const n = studentsSplit[k];
        if (v === null && n) noteMissing(ctx, n, quantityLabel('students', k), '全校数值的分学段分摊', null, name, null);
        if (v === undefined && k === '高中' && !apportionReported) {
          apportionReported = true;
          dataFinding(ctx, splitRef, null, name, null, `「${name}」是${typeText}，缺少高中在校生数，无法把全校数值按学段分摊`);
        }
        weightedTotal = null;
        return null;
      }
      w += (plan.weights[k] ?? 0) * v;
    }
    weightedTotal = w > 0 ? w : null;
    return weightedTotal;
  };

  const out: SchoolStageResult[] = [];
  const cut = std.settings.teachingPointCut;
  const states: IndicatorState[] = new Array<IndicatorState>(RESOURCE_IDS.length);
  const quantities: (number | null)[] = new Array<number | null>(RESOURCE_IDS.length);

  for (const s of plan.stages) {
    const studentsNum: Num | undefined = studentsSplit[s] ?? (single ? studentsSplit.all : undefined);
    let P: number | null = studentsNum ? studentsNum.value : null;
    if (studentsNum && P === null) {
      noteMissing(ctx, studentsNum, quantityLabel('students', studentsSplit[s] ? s : 'all'), `${s} 资源配置指标（R1–R7）`, null, name, s);
    }
    const studentsRead = P;
    const excluded = school.type === '教学点' && P !== null && P < cut;
    if (P !== null && P <= 0) {
      if (!excluded && studentsNum) {
        dataFinding(ctx, studentsNum.ref, null, name, s, `${s}在校生数为 ${P}，无法计算生均和每百名学生指标`);
      }
      P = null;
    }

    const resolve = (q: SchoolQuantity, id: ResourceId): Resolved => {
      const split = school.quantities[q];
      if (!split) return NONE;
      const own = split[s];
      if (own) {
        noteMissing(ctx, own, quantityLabel(q, s), indicatorRef(std, id), id, name, s);
        return { value: own.value, ref: own.ref, apportioned: false };
      }
      const all = split.all;
      if (!all) return NONE;
      noteMissing(ctx, all, quantityLabel(q, 'all'), indicatorRef(std, id), id, name, s);
      if (single) return { value: all.value, ref: all.ref, apportioned: false };
      if (all.value === null) return { value: null, ref: all.ref, apportioned: true };
      const W = weighted();
      const Ps = partValue[s];
      if (W === null || Ps === undefined || Ps === null) return { value: null, ref: all.ref, apportioned: true };
      return { value: (all.value * (plan.weights[s] ?? 0) * Ps) / W, ref: all.ref, apportioned: true };
    };
    const resolveR3 = (): Resolved => {
      if (school.quantities.peArtTeachers) return resolve('peArtTeachers', 'R3');
      let sum = 0;
      let ref: CellRef | null = null;
      let apportioned = false;
      let ok = true;
      let anyColumn = false;
      for (const q of R3_PARTS) {
        if (!school.quantities[q]) {
          ok = false;
          continue;
        }
        anyColumn = true;
        const r = resolve(q, 'R3');
        if (ref === null) ref = r.ref;
        apportioned ||= r.apportioned;
        if (r.value === null) ok = false;
        else sum += r.value;
      }
      if (!anyColumn) return NONE;
      return { value: ok ? sum : null, ref, apportioned };
    };

    const indicators = {} as Record<ResourceId, IndicatorResult>;
    let reached = 0;
    for (let i = 0; i < RESOURCE_IDS.length; i++) {
      const id = RESOURCE_IDS[i];
      const t = threshold(std, id, s);
      const r = id === 'R3' ? resolveR3() : resolve(NUMERATOR[id], id);
      const value = r.value !== null && P !== null ? (r.value / P) * PER_100[id] : null;
      const state = indicatorState(value, t, std);
      states[i] = state;
      quantities[i] = value === null ? null : r.value;
      if (state === 'reached') reached++;
      indicators[id] = { value, threshold: t, pass: value === null ? null : state === 'reached', apportioned: r.apportioned, ref: r.ref };
    }
    const verdict = decideVerdict(states, std);

    for (let i = 0; i < RESOURCE_IDS.length; i++) {
      const id = RESOURCE_IDS[i];
      const ind = indicators[id];
      const q = quantities[i];
      if (ind.value === null || q === null || P === null) continue;
      if (!excluded) {
        acc.students[s][id].push(P);
        acc.quantities[s][id].push(q);
      }
      if (ind.pass || excluded) continue;
      const precision = std.indicators[id].precision;
      const shortfall = (ind.threshold * P) / PER_100[id] - q;
      const whole = PER_100[id] === 100 || id === 'R7';
      // 需补足: whole teachers or rooms, else ㎡ / 元 to the indicator's precision; 差距: per student (per 100).
      const add = whole ? Math.max(1, ceilTol(shortfall, eps)) : ceilTo(shortfall, precision, eps);
      const perUnit = Math.max(ceilTo(ind.threshold - ind.value, precision, eps), 10 ** -precision);
      complianceFinding(
        ctx,
        ind.ref,
        id,
        name,
        s,
        roundTo(ind.value, precision),
        ind.threshold,
        perUnit,
        resourceMessage(std, id, s, ind.value, ind.threshold, add, {
          stagePrefix: plan.stages.length > 1,
          apportioned: ind.apportioned,
          stillPasses: verdict === '达标' ? { reached } : undefined,
        }),
        { need: amount(add, std.indicators[id].unit, whole ? 0 : precision) },
      );
    }

    out.push({
      name,
      type: school.type,
      stage: s,
      students: studentsRead,
      sheet: school.sheet,
      row: school.row,
      excluded,
      excludedReason: excluded ? `教学点在校生 ${studentsRead} 人，少于 ${cut} 人，不参与资源配置评估和差异系数计算` : null,
      indicators,
      reached,
      verdict,
    });
  }
  return out;
}
