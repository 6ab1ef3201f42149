import { nationalStandard, standardWithOverride } from '../../src/standard';
import { runChecks } from '../../src/checks';
import { weightedCv } from '../../src/checks/cv';
import { cvShares, describeCvPlan, planAllCv, planCv, type CvPlan } from '../../src/checks/cv-plan';
import { PLAN_STEP, stageShare } from '../../src/checks/plan';
import { PER_100 } from '../../src/checks/common/resource-indicators';
import type { CvResult, SchoolStageResult } from '../../src/checks/types';
import type { SchoolRecord } from '../../src/ledger/types';
import { RESOURCE_IDS, type ResourceId, type Stage, type Standard } from '../../src/standard/schema';
import { primary, school } from './builder';
import { addTo, copyRecord, ledgerSet, rng, type Generated } from './plan-gen';

const std = nationalStandard();
const P5 = [45, 37, 89, 76, 55];
const B5 = [279, 137, 935, 160, 402];

function gen(rec: SchoolRecord, students: Generated['students'], weights: Generated['weights']): Generated {
  return { record: rec, students, weights };
}

/** Applies a CV plan to copies of the schools and re-runs the checks; returns the CV result after. */
function cvAfter(gs: Generated[], plan: CvPlan, mode: 'stage' | 'whole', s: Standard = std): CvResult {
  const copies = gs.map((g) => ({ g, rec: copyRecord(g.record) }));
  for (const a of plan.additions) {
    const hit = copies.filter((c) => c.rec.name === a.school && c.rec.row === a.row);
    expect(hit).toHaveLength(1);
    const whole = mode === 'whole' && a.wholeSchoolAdd !== undefined;
    addTo(hit[0].g, hit[0].rec, plan.stage, plan.indicator, whole ? a.wholeSchoolAdd! : a.add, !whole);
  }
  const res = runChecks(ledgerSet(copies.map((c) => c.rec)), s);
  return res.cv.find((c) => c.indicator === plan.indicator && c.stage === plan.stage)!;
}

function totalAdd(plan: CvPlan): number {
  return plan.additions.reduce((a, x) => a + x.add, 0);
}

/** A plain greedy for comparison: one unit at a time to the school whose addition lowers the CV most. */
function greedyTotal(results: SchoolStageResult[], cv: CvResult): number {
  const es = results.filter((r) => r.stage === cv.stage && !r.excluded && r.indicators[cv.indicator].value !== null);
  const P = es.map((r) => r.students!);
  const q = es.map((r, i) => (r.indicators[cv.indicator].value! * P[i]) / PER_100[cv.indicator]);
  let total = 0;
  while (weightedCv(P, q)!.cv! > cv.limit) {
    let best = -1;
    let bestCv = Infinity;
    for (let i = 0; i < q.length; i++) {
      q[i] += 1;
      const c = weightedCv(P, q)!.cv!;
      q[i] -= 1;
      if (c < bestCv) {
        bestCv = c;
        best = i;
      }
    }
    q[best] += 1;
    total += 1;
  }
  return total;
}

describe('planCv: the public worked example (five 小学, R4 as 生均图书册数)', () => {
  const recs = P5.map((p, i) => primary(`小学${i}`, p, { floorArea: B5[i] }));
  const gs = recs.map((r, i) => gen(r, { 小学: P5[i] }, { 小学: 1 }));
  const res = runChecks(ledgerSet(recs), std);
  const cv = res.cv.find((c) => c.indicator === 'R4' && c.stage === '小学')!;

  it('the CV is 0.515 > 0.50', () => {
    expect(cv.value!).toBeCloseTo(0.5153, 3);
    expect(cv.pass).toBe(false);
  });

  it('shares of the spread sum to 1, largest first, with the side of X̄', () => {
    const { shares } = planCv(res.schools, cv, std);
    expect(shares).toHaveLength(5);
    expect(shares.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 12);
    for (let i = 1; i < shares.length; i++) expect(shares[i - 1].share).toBeGreaterThanOrEqual(shares[i].share);
    // X̄ = 1913 / 302 ≈ 6.33: 小学2 (10.5) and 小学3 (2.1) make most of the spread.
    const mean = 1913 / 302;
    for (const s of shares) {
      const i = Number(s.school.slice(2));
      expect(s.value).toBeCloseTo(B5[i] / P5[i], 12);
      expect(s.position).toBe(B5[i] / P5[i] < mean ? 'below' : 'above');
      expect(s.share).toBeCloseTo(((P5[i] / 302) * (B5[i] / P5[i] - mean) ** 2) / ((cv.value! * mean) ** 2), 10);
    }
    expect(shares.slice(0, 2).map((s) => s.school).sort()).toEqual(['小学2', '小学3']);
  });

  it('the plan adds whole ㎡ at the schools below X̄ and, applied to a copy, brings the CV within 0.50', () => {
    const { plan } = planCv(res.schools, cv, std);
    expect(plan.reached).toBe(true);
    expect(plan.additions.length).toBeGreaterThan(0);
    for (const a of plan.additions) {
      expect(Number.isInteger(a.add)).toBe(true);
      expect(a.unit).toBe('㎡');
      expect(a.valueBefore).toBeLessThan(1913 / 302);
    }
    expect(plan.cvAfter!).toBeLessThanOrEqual(0.5);
    const after = cvAfter(gs, plan, 'stage');
    expect(after.pass).toBe(true);
    expect(after.value!).toBeCloseTo(plan.cvAfter!, 12);
    expect(plan.countyValueAfter!).toBeCloseTo(after.countyValue!, 9);
    // No more than a unit-by-unit greedy needs.
    expect(totalAdd(plan)).toBeLessThanOrEqual(greedyTotal(res.schools, cv));
    expect(describeCvPlan(std, plan, cv.value)).toMatch(/^小学 生均教学及辅助用房面积 校际差异系数 0\.52 → 0\.(50|49|4\d)：小学\d增加 \d+ ㎡/);
  });

  it('one unit less anywhere and the CV is over the limit again (whole units, trimmed)', () => {
    const { plan } = planCv(res.schools, cv, std);
    for (let k = 0; k < plan.additions.length; k++) {
      const less: CvPlan = { ...plan, additions: plan.additions.map((a, j) => (j === k ? { ...a, add: a.add - 1 } : a)) };
      expect(cvAfter(gs, less, 'stage').pass).toBe(false);
    }
  });

  it('a CV within its limit gets an empty plan; planAllCv covers exactly the failing CVs', () => {
    const ok = res.cv.find((c) => c.indicator === 'R1' && c.stage === '小学')!;
    expect(ok.pass).toBe(true);
    expect(planCv(res.schools, ok, std).plan.additions).toEqual([]);
    const all = planAllCv(res.schools, res.cv, std);
    expect(all.map((p) => p.plan.indicator)).toEqual(['R4']);
  });

  it('costs with settings.unitCosts', () => {
    const priced = standardWithOverride(JSON.stringify({ settings: { unitCosts: { R4: 3000 } } }));
    const { plan } = planCv(res.schools, cv, priced);
    expect(plan.cost).toBe(totalAdd(plan) * 3000);
    expect(describeCvPlan(priced, plan, cv.value)).toMatch(/预计投入约 [\d.]+ 万元$/);
  });
});

/** A county of 小学, 初中 and 九年一贯制 schools with a wide spread; areas, equipment and rooms whole-school in the 九年一贯制. */
function county(seed: number, n: number): Generated[] {
  const r = rng(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const out: Generated[] = [];
  for (let i = 0; i < n; i++) {
    const kind = r();
    const type = kind < 0.45 ? '小学' : kind < 0.75 ? '初中' : '九年一贯制';
    const stages: Stage[] = type === '小学' ? ['小学'] : type === '初中' ? ['初中'] : ['小学', '初中'];
    const students: Partial<Record<Stage, number>> = {};
    for (const s of stages) students[s] = 50 + Math.floor(r() * 1500 * r());
    const weights = type === '九年一贯制' ? { 小学: std.settings.apportion.primaryJunior[0], 初中: std.settings.apportion.primaryJunior[1] } : { [stages[0]]: 1 };
    const q: Parameters<typeof school>[2] = {};
    q.students = stages.length === 1 ? students[stages[0]]! : { ...students };
    for (const id of RESOURCE_IDS) {
      const stageQty = (s: Stage): number => {
        const v = (Math.exp(0.7 * normal()) * std.indicators[id].thresholds[s] * students[s]!) / PER_100[id];
        return PER_100[id] === 100 ? Math.max(0, Math.round(v)) : Math.round(v * 10) / 10;
      };
      const key = { R1: 'degreeTeachers', R2: 'backboneTeachers', R3: 'peArtTeachers', R4: 'floorArea', R5: 'sportsArea', R6: 'equipmentValue', R7: 'multimediaRooms' } as const;
      if (stages.length === 1) q[key[id]] = stageQty(stages[0]);
      else if (id === 'R1' || id === 'R2' || id === 'R3') q[key[id]] = { 小学: stageQty('小学'), 初中: stageQty('初中') };
      else q[key[id]] = stageQty('小学') + stageQty('初中');
    }
    out.push(gen(school(`县${seed}学校${i}`, type, q), students, weights));
  }
  return out;
}

describe('planCv: generated counties — every failing CV is brought within its limit', () => {
  it('through runChecks again, at the 学段 share and with whole-school additions', () => {
    let failing = 0;
    let apportioned = 0;
    const seen = new Set<ResourceId>();
    for (let seed = 1; seed <= 12; seed++) {
      const gs = county(seed, 8 + seed * 3);
      const byName = new Map(gs.map((g) => [g.record.name, g.record]));
      const res = runChecks(ledgerSet(gs.map((g) => g.record)), std);
      const shareOf = (r: SchoolStageResult): number | null => stageShare(byName.get(r.name)!, r.stage, std);
      for (const cv of res.cv) {
        if (cv.pass !== false) continue;
        failing++;
        seen.add(cv.indicator);
        const { shares, plan } = planCv(res.schools, cv, std, { shareOf });
        expect(shares.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 9);
        expect(shares.length).toBe(cv.schools);
        expect(plan.reached).toBe(true);
        expect(plan.cvAfter!).toBeLessThanOrEqual(cv.limit);
        for (const a of plan.additions) {
          const whole = a.wholeSchoolAdd ?? a.add;
          expect(Number.isInteger(whole / PLAN_STEP[cv.indicator])).toBe(true);
          if (a.apportioned) apportioned++;
        }
        expect(cvAfter(gs, plan, 'stage').pass).toBe(true);
        expect(cvAfter(gs, plan, 'whole').value!).toBeCloseTo(plan.cvAfter!, 9);
        expect(cvAfter(gs, plan, 'whole').pass).toBe(true);
        // Without shares: additions at the 学段 share, still verified.
        const bare = planCv(res.schools, cv, std).plan;
        expect(cvAfter(gs, bare, 'stage').pass).toBe(true);
        if (cv.indicator === 'R1' || cv.indicator === 'R2' || cv.indicator === 'R3' || cv.indicator === 'R7') {
          for (const a of bare.additions) expect(Number.isInteger(a.add)).toBe(true);
        }
      }
      expect(cvShares(res.schools, res.cv[0]).length).toBe(res.cv[0].schools);
    }
    expect(failing).toBeGreaterThan(40);
    expect(apportioned).toBeGreaterThan(10);
    expect(seen.size).toBe(7);
  });

  it('never needs more than a unit-by-unit greedy on small per-100 indicators (teachers)', () => {
    const gs = county(99, 15);
    const res = runChecks(ledgerSet(gs.map((g) => g.record)), std);
    let compared = 0;
    for (const cv of res.cv) {
      if (cv.pass !== false || PER_100[cv.indicator] !== 100) continue;
      const { plan } = planCv(res.schools, cv, std);
      expect(totalAdd(plan)).toBeLessThanOrEqual(greedyTotal(res.schools, cv));
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
