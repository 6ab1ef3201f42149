/**
 * 补短板: the gap-to-compliance plans of every 未达标 school 学段 (checks/plan.ts) and the 差异系数 plans of every
 * CV over its limit (checks/cv-plan.ts), computed once per run for the 补短板清单 and 校际差异系数 sheets and
 * the JSON report. Pure.
 *
 * A whole-school quantity apportioned to a 学段 is planned in whole units of the whole-school column (the
 * 学段's share comes from `stageShare` with the school's ledger record), so an addition can be typed into the
 * ledger cell as is: `ledgerAdd` below is what to add to the cell the indicator reads (IndicatorResult.ref).
 */
import { atLeast } from '../checks/compare';
import { planAllCv, type CvAddition, type CvPlan, type CvShare } from '../checks/cv-plan';
import { describeOption, planSchoolStage, stageShare, type PlanStep, type SchoolPlan } from '../checks/plan';
import type { CheckResult, CvResult, IndicatorResult, SchoolStageResult, TransitionUse } from '../checks/types';
import type { LedgerSet, SchoolRecord } from '../ledger/types';
import { RESOURCE_IDS, STAGES, type Standard } from '../standard/schema';
import { orderSchools } from './sheets';

export interface SchoolPlanEntry {
  result: SchoolStageResult;
  /** null when no plan could be computed (a value is missing). */
  plan: SchoolPlan | null;
  /** The 学段 is 达标 today only by a 《规程》 transition rule: the plan is what the full standard needs. */
  relaxed?: boolean;
}

export interface CvPlanEntry {
  cv: CvResult;
  shares: CvShare[];
  plan: CvPlan;
}

export interface Plans {
  /** Every 未达标 school 学段 (not excluded), in ledger order. */
  schools: SchoolPlanEntry[];
  /** Every CV over its limit, 小学 first, then in the standard's indicator order. */
  cv: CvPlanEntry[];
  /** G3 / G4 verdicts that only a 《规程》 relaxed limit made 达标: what the full standard still needs. */
  transitions?: TransitionUse[];
}

/**
 * The result by the full standard: a value a 《规程》 transition rule raised (IndicatorResult.transition) back
 * to its full-standard value, and the full verdict. The result itself when no transition rule changed it.
 */
export function fullStandardResult(r: SchoolStageResult, std: Standard): SchoolStageResult {
  if (r.fullVerdict === undefined) return r;
  const indicators = { ...r.indicators };
  let reached = 0;
  for (const id of RESOURCE_IDS) {
    const ind = indicators[id];
    const tr = ind.transition;
    if (tr) {
      const value = tr.fullValue;
      const copy: IndicatorResult = { ...ind, value, pass: value === null ? null : atLeast(value, ind.threshold, std.settings.epsilon) };
      delete copy.transition;
      indicators[id] = copy;
    }
    if (indicators[id].pass) reached++;
  }
  const out: SchoolStageResult = { ...r, indicators, reached, verdict: r.fullVerdict };
  delete out.fullVerdict;
  return out;
}

/** What to add to the ledger cell: the whole-school amount when the plan counted whole-school units. */
export function ledgerAdd(step: Pick<PlanStep, 'add' | 'wholeSchoolAdd'> | Pick<CvAddition, 'add' | 'wholeSchoolAdd'>): number {
  return step.wholeSchoolAdd ?? step.add;
}

export function computePlans(result: CheckResult, ledgers: LedgerSet, std: Standard): Plans {
  const records = new Map<string, SchoolRecord>();
  for (const s of ledgers.schools) records.set(`${s.sheet}\u0000${s.row}`, s);
  const shareOf = (r: SchoolStageResult): number | null => {
    const rec = records.get(`${r.sheet}\u0000${r.row}`);
    return rec ? stageShare(rec, r.stage, std) : null;
  };
  // Ledger order in, so ties (equal shares, equal additions) come out the same whatever order the checks gave.
  const ordered = orderSchools(result.schools);
  // 补短板 plans the full standard: a 学段 达标 only by the 《规程》's transition rules still gets its plan.
  const schools = ordered
    .filter((r) => !r.excluded && (r.fullVerdict ?? r.verdict) === '未达标')
    .map((r): SchoolPlanEntry => {
      const full = fullStandardResult(r, std);
      const entry: SchoolPlanEntry = { result: full, plan: planSchoolStage(full, std, { stageShare: shareOf(r) }) };
      if (r.verdict !== '未达标') entry.relaxed = true;
      return entry;
    });
  const over = result.cv
    .filter((c) => c.pass === false)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => STAGES.indexOf(a.c.stage) - STAGES.indexOf(b.c.stage) || RESOURCE_IDS.indexOf(a.c.indicator) - RESOURCE_IDS.indexOf(b.c.indicator) || a.i - b.i)
    .map((x) => x.c);
  const planned = planAllCv(ordered, over, std, { shareOf });
  const transitions = (result.transitions ?? []).filter((t) => t.indicator === 'G3' || t.indicator === 'G4');
  return { schools, cv: over.map((c, i) => ({ cv: c, shares: planned[i].shares, plan: planned[i].plan })), transitions };
}

/** The option as a sentence without the cost (the cost has its own column). */
export function describeOptionPlain(std: Standard, option: readonly PlanStep[], stage: SchoolPlan['stage']): string {
  return describeOption(
    std,
    option.map((s) => {
      const copy: PlanStep = { ...s };
      delete copy.cost;
      return copy;
    }),
    stage,
  );
}

/** Σ priced costs of an option and whether every step was priced. */
export function optionCost(option: readonly PlanStep[]): { cost: number; priced: number; all: boolean } {
  let cost = 0;
  let priced = 0;
  for (const s of option) {
    if (s.cost !== undefined) {
      cost += s.cost;
      priced++;
    }
  }
  return { cost, priced, all: priced === option.length };
}
