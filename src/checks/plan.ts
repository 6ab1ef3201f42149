/**
 * 整改测算 (gap to compliance): for a school 学段 that is 未达标 in 资源配置, the smallest additions that make it
 * 达标 under "at least `minReached` of the seven reach their threshold and every other one reaches `minShare`
 * of it" (spec §1). Pure; every threshold and share comes from the standard.
 *
 * Additions are in the indicator's whole quantity for the 学段 (teachers and rooms whole, ㎡ and 元 whole, see
 * PLAN_STEP). When the quantity is a whole-school column apportioned by weighted students, `add` is what the
 * 学段 needs at its own share; given the share (see `stageShare`), the plan counts whole units of the
 * whole-school column, so `wholeSchoolAdd` is whole and `add` = `wholeSchoolAdd` × share exactly.
 */
import type { SchoolRecord, StageKey } from '../ledger/types';
import { RESOURCE_IDS, type ResourceId, type Stage, type Standard } from '../standard/schema';
import { atLeast, ceilTol } from './compare';
import { formatNumber, unitSuffix } from './format';
import { PER_100, decideVerdict, indicatorState, type IndicatorState } from './common/resource-indicators';
import { planSchool } from './common/resource-inputs';
import type { SchoolStageResult } from './types';

/** Granularity of an addition in the whole quantity: 1 teacher (R1–R3), 1 ㎡ (R4, R5), 1 元 (R6), 1 room (R7). */
export const PLAN_STEP: Readonly<Record<ResourceId, number>> = { R1: 1, R2: 1, R3: 1, R4: 1, R5: 1, R6: 1, R7: 1 };

/** Indicators whose quantity is a number of teachers (phrased "再配备 N 名…"). */
const TEACHER_IDS: ReadonlySet<ResourceId> = new Set<ResourceId>(['R1', 'R2', 'R3']);

/** What is added, as a plan sentence names it. R1 is refined by the 学段's required degree when the stage is known. */
const PLAN_NOUNS: Readonly<Record<ResourceId, string>> = {
  R1: '高于规定学历教师',
  R2: '县级及以上骨干教师',
  R3: '体育、艺术（音乐、美术）专任教师',
  R4: '教学及辅助用房',
  R5: '体育运动场馆',
  R6: '教学仪器设备值',
  R7: '网络多媒体教室',
};

export interface PlanStep {
  indicator: ResourceId;
  /** Addition to the 学段's quantity (its apportioned share when `apportioned`), in `unit`. */
  add: number;
  /** The indicator's unit from the standard: 人 (teachers), ㎡, 元, 间. */
  unit: string;
  /** Estimated cost in 元 (settings.unitCosts × the whole-school addition, else × `add`), when a unit cost is set. */
  cost?: number;
  /** 'threshold': raised to its threshold; 'share': the one left below, raised to minShare × threshold. */
  target: 'threshold' | 'share';
  /** The indicator's value (per student / per 100 students) before and after the addition. */
  valueBefore: number;
  valueAfter: number;
  /** The quantity is a whole-school column apportioned to this 学段. */
  apportioned: boolean;
  /** Whole-school addition (whole units) that gives the 学段 `add` at its share; only when the share is known. */
  wholeSchoolAdd?: number;
}

/** Ways for one school 学段 to reach 达标 in 资源配置, cheapest first. */
export interface SchoolPlan {
  school: string;
  stage: Stage;
  sheet: string;
  row: number;
  /** Each option is one complete way to 达标: a list of additions (indicators needing none are not listed). */
  options: PlanStep[][];
  /** The 学段's share of whole-school quantities, when one was apportioned and the share was given. */
  share?: number;
}
/** Alias, for callers that also use resources.ts' `SchoolPlan` (the 学段 layout of a school). */
export type SchoolStagePlan = SchoolPlan;

export interface PlanOptions {
  /** The 学段's share (0–1] of whole-school quantities (see `stageShare`); lets the plan count whole-school units. */
  stageShare?: number | null;
  /** Options kept (default 3). */
  maxOptions?: number;
}

/**
 * The share of a whole-school quantity that the checks apportion to `stage` of this school:
 * weight(stage) × students(stage) ÷ Σ weight × students, as `evaluateSchool` does (1 for a single-学段 school).
 * null when the school is not in 资源配置 or the students needed are missing.
 */
export function stageShare(school: SchoolRecord, stage: Stage, std: Standard): number | null {
  const layout = planSchool(school, std);
  if (!layout || !layout.stages.includes(stage)) return null;
  if (layout.parts.length === 1) return 1;
  const split = school.quantities.students ?? {};
  const students: Partial<Record<StageKey, number>> = {};
  for (const k of layout.parts) {
    const v = split[k]?.value;
    if (v !== undefined && v !== null) students[k] = v;
  }
  if (layout.parts.includes('高中') && split['高中'] === undefined) {
    const all = split.all?.value;
    let others = 0;
    for (const k of layout.parts) if (k !== '高中') others += students[k] ?? NaN;
    if (all !== undefined && all !== null && all - others >= 0) students['高中'] = all - others;
  }
  let W = 0;
  for (const k of layout.parts) {
    const v = students[k];
    if (v === undefined || v < 0) return null;
    W += (layout.weights[k] ?? 0) * v;
  }
  const own = (layout.weights[stage] ?? 0) * (students[stage] ?? 0);
  return W > 0 && own > 0 ? own / W : null;
}

interface Item {
  id: ResourceId;
  value: number;
  threshold: number;
  /** The 学段's quantity (value × students ÷ PER_100). */
  q: number;
  state: IndicatorState;
  /** Stage-level size of one addition unit (PLAN_STEP, × share when counted in whole-school units). */
  step: number;
  /** The addition is counted in whole-school units. */
  whole: boolean;
  apportioned: boolean;
}

/** Smallest n ≥ 0 with (q + n·step) ÷ P × PER reaching `target` (the same comparison as the checks). */
function unitsTo(item: Item, P: number, target: number, eps: number): number {
  const per = PER_100[item.id];
  const reaches = (n: number): boolean => atLeast(((item.q + n * item.step) / P) * per, target, eps);
  if (reaches(0)) return 0;
  let n = Math.max(1, ceilTol(((target * P) / per - item.q) / item.step, eps));
  while (n > 1 && reaches(n - 1)) n--;
  while (!reaches(n)) n++;
  return n;
}

function combinations<T>(xs: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i <= xs.length - k; i++) for (const rest of combinations(xs.slice(i + 1), k - 1)) out.push([xs[i], ...rest]);
  return out;
}

interface Candidate {
  steps: PlanStep[];
  /** Σ add ÷ the 学段's full requirement (threshold × students), a unit-free size. */
  score: number;
  cost: number | null;
  key: string;
}

/**
 * The cheapest 1–3 distinct ways for a 未达标 school 学段 to reach 达标; null when it is 达标, excluded, or data
 * is missing (a plan on missing data could not be checked). Enumerates which indicators (at most
 * 7 − minReached) may stay below threshold — each raised to minShare × threshold if below that — with all others
 * raised to their threshold; drops options that another option beats on every indicator; sorts by estimated
 * cost when settings.unitCosts prices every step of every option, else by relative size (Σ addition ÷ requirement).
 */
export function planSchoolStage(result: SchoolStageResult, std: Standard, opts: PlanOptions = {}): SchoolPlan | null {
  if (result.excluded || result.verdict !== '未达标') return null;
  const P = result.students;
  if (P === null || !(P > 0)) return null;
  const eps = std.settings.epsilon;
  const share = opts.stageShare ?? null;
  const usableShare = share !== null && share > 0 && share <= 1 ? share : null;
  const items: Item[] = [];
  for (const id of RESOURCE_IDS) {
    const ind = result.indicators[id];
    if (ind.value === null) return null;
    const whole = ind.apportioned && usableShare !== null;
    items.push({
      id,
      value: ind.value,
      threshold: ind.threshold,
      q: (ind.value * P) / PER_100[id],
      state: indicatorState(ind.value, ind.threshold, std),
      step: whole && usableShare !== null ? PLAN_STEP[id] * usableShare : PLAN_STEP[id],
      whole,
      apportioned: ind.apportioned,
    });
  }
  const below = items.filter((it) => it.state !== 'reached');
  const allowance = Math.max(0, RESOURCE_IDS.length - std.settings.minReached);
  const unitCosts = std.settings.unitCosts;

  const candidates: Candidate[] = [];
  for (let k = 0; k <= Math.min(allowance, below.length); k++) {
    for (const exempt of combinations(below, k)) {
      const steps: PlanStep[] = [];
      let score = 0;
      let cost: number | null = 0;
      for (const it of below) {
        const isExempt = exempt.includes(it);
        const target = isExempt ? std.settings.minShare * it.threshold : it.threshold;
        const n = unitsTo(it, P, target, eps);
        if (n === 0) continue;
        const add = n * it.step;
        const step: PlanStep = {
          indicator: it.id,
          add,
          unit: std.indicators[it.id].unit,
          target: isExempt ? 'share' : 'threshold',
          valueBefore: it.value,
          valueAfter: ((it.q + add) / P) * PER_100[it.id],
          apportioned: it.apportioned,
        };
        if (it.whole) step.wholeSchoolAdd = n * PLAN_STEP[it.id];
        const unitCost = unitCosts?.[it.id];
        if (unitCost !== undefined) step.cost = unitCost * (step.wholeSchoolAdd ?? add);
        else cost = null;
        if (cost !== null && step.cost !== undefined) cost += step.cost;
        score += add / ((it.threshold * P) / PER_100[it.id]);
        steps.push(step);
      }
      if (!reachesVerdict(items, steps, P, std)) continue;
      const key = steps.map((s) => `${s.indicator}:${s.add}`).join('|');
      candidates.push({ steps, score, cost, key });
    }
  }

  const unique = new Map<string, Candidate>();
  for (const c of candidates) if (!unique.has(c.key)) unique.set(c.key, c);
  const list = [...unique.values()];
  const kept = list.filter((c) => !list.some((d) => d !== c && dominates(d, c)));
  const byCost = kept.every((c) => c.cost !== null);
  kept.sort((a, b) => (byCost && a.cost !== b.cost ? (a.cost ?? 0) - (b.cost ?? 0) : a.score - b.score || a.steps.length - b.steps.length));
  const options = kept.slice(0, Math.max(1, opts.maxOptions ?? 3)).map((c) => c.steps);
  if (options.length === 0) return null;
  const plan: SchoolPlan = { school: result.name, stage: result.stage, sheet: result.sheet, row: result.row, options };
  if (usableShare !== null && items.some((it) => it.whole)) plan.share = usableShare;
  return plan;
}

/** d needs no more than c on every indicator (and is not the same option). */
function dominates(d: Candidate, c: Candidate): boolean {
  const addOf = (x: Candidate, id: ResourceId): number => x.steps.find((s) => s.indicator === id)?.add ?? 0;
  let strictly = false;
  for (const id of RESOURCE_IDS) {
    const a = addOf(d, id);
    const b = addOf(c, id);
    if (a > b) return false;
    if (a < b) strictly = true;
  }
  return strictly;
}

/** The verdict after the additions, by the checks' own rule. */
function reachesVerdict(items: readonly Item[], steps: readonly PlanStep[], P: number, std: Standard): boolean {
  const states = items.map((it) => {
    const add = steps.find((s) => s.indicator === it.id)?.add ?? 0;
    return indicatorState(((it.q + add) / P) * PER_100[it.id], it.threshold, std);
  });
  return decideVerdict(states, std) === '达标';
}

/** 元 as people read a budget: "8000 元", "12.35 万元". */
export function formatYuan(v: number): string {
  return v >= 10000 ? `${formatNumber(Math.ceil(v / 100) / 100, 2)} 万元` : `${formatNumber(Math.ceil(v), 0)} 元`;
}

/** An amount in a unit as people write it: money of 10 000 元 or more in 万元, anything else as is. */
export function formatAmount(v: number, unit: string): string {
  return unit === '元' ? formatYuan(v) : `${formatNumber(v, 2)}${unitSuffix(unit)}`;
}

function noun(std: Standard, id: ResourceId, stage?: Stage): string {
  if (id === 'R1' && stage) return `${std.settings.requiredDegree[stage]}及以上学历教师`;
  return PLAN_NOUNS[id];
}

/**
 * One option as a sentence: "再配备 2 名县级及以上骨干教师，增加教学及辅助用房 320 ㎡、网络多媒体教室 2 间".
 * An apportioned addition names the whole-school amount and the 学段's share; a cost is appended when priced.
 */
export function describeOption(std: Standard, option: readonly PlanStep[], stage?: Stage): string {
  const people: string[] = [];
  const things: string[] = [];
  let cost = 0;
  let priced = 0;
  for (const s of option) {
    const shown = s.wholeSchoolAdd ?? s.add;
    let note = '';
    if (s.apportioned) {
      note = s.wholeSchoolAdd !== undefined ? `（全校增加，本学段分摊 ${formatAmount(s.add, s.unit)}）` : '（本学段按分摊所需）';
    }
    if (TEACHER_IDS.has(s.indicator)) people.push(`${formatNumber(shown, 2)} 名${noun(std, s.indicator, stage)}${note}`);
    else things.push(`${noun(std, s.indicator, stage)} ${formatAmount(shown, s.unit)}${note}`);
    if (s.cost !== undefined) {
      cost += s.cost;
      priced++;
    }
  }
  const parts: string[] = [];
  if (people.length) parts.push(`再配备 ${people.join('、')}`);
  if (things.length) parts.push(`增加${things.join('、')}`);
  let text = parts.join('，');
  if (priced > 0) text += `，预计投入约 ${formatYuan(cost)}${priced < option.length ? '（不含未设单价的项目）' : ''}`;
  return text;
}

/** "方案一：…" lines for a plan, with a "小学部：" prefix left to the caller. */
export function describePlan(std: Standard, plan: SchoolPlan): string[] {
  const ordinal = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return plan.options.map((o, i) => `方案${ordinal[i] ?? String(i + 1)}：${describeOption(std, o, plan.stage)}`);
}
