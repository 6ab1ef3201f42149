import { nationalStandard, standardWithOverride, parseStandard } from '../../src/standard';
import { runChecks } from '../../src/checks';
import { describeOption, describePlan, formatAmount, formatYuan, planSchoolStage, stageShare, type PlanStep } from '../../src/checks/plan';
import type { SchoolStageResult } from '../../src/checks/types';
import type { Stage, Standard } from '../../src/standard/schema';
import { primary, school } from './builder';
import { addTo, copyRecord, genSchool, ledgerSet, rng, testShare, type Generated } from './plan-gen';

const std = nationalStandard();

function stageResult(rec: Generated['record'], stage: Stage, s: Standard = std): SchoolStageResult {
  const r = runChecks(ledgerSet([rec]), s).schools.find((x) => x.stage === stage);
  if (!r) throw new Error(`no ${stage} result`);
  return r;
}

/** Applies an option to a copy of the school and returns the 学段's verdict after re-running the checks. */
function verdictAfter(g: Generated, stage: Stage, option: readonly PlanStep[], mode: 'stage' | 'whole'): string {
  const copy = copyRecord(g.record);
  for (const s of option) {
    const amount = mode === 'whole' && s.wholeSchoolAdd !== undefined ? s.wholeSchoolAdd : s.add;
    addTo(g, copy, stage, s.indicator, amount, mode === 'stage' || s.wholeSchoolAdd === undefined);
  }
  return stageResult(copy, stage).verdict;
}

function single(name: string, students: number, over: Parameters<typeof primary>[2] = {}): Generated {
  return { record: primary(name, students, over), students: { 小学: students }, weights: { 小学: 1 } };
}

describe('planSchoolStage: hand cases', () => {
  it('达标 (one indicator exactly at 85 %) → null', () => {
    const g = single('甲小学', 200, { floorArea: 0.85 * 4.5 * 200 }); // 3.825 ㎡ per student = 85 % of 4.5
    const r = stageResult(g.record, '小学');
    expect(r.verdict).toBe('达标');
    expect(planSchoolStage(r, std)).toBeNull();
  });

  it('one indicator just under 85 %: the cheapest option lifts it to 85 %, the other to the threshold', () => {
    const g = single('乙小学', 200, { floorArea: 3.8 * 200 }); // 760 ㎡; 85 % needs 765 ㎡, threshold 900 ㎡
    const r = stageResult(g.record, '小学');
    expect(r.verdict).toBe('未达标');
    const plan = planSchoolStage(r, std)!;
    expect(plan).toMatchObject({ school: '乙小学', stage: '小学' });
    expect(plan.options).toHaveLength(1); // "to the threshold" is beaten on every indicator, so dropped
    expect(plan.options[0]).toEqual([
      expect.objectContaining({ indicator: 'R4', add: 5, unit: '㎡', target: 'share', apportioned: false }),
    ]);
    expect(describeOption(std, plan.options[0])).toBe('增加教学及辅助用房 5 ㎡');
    expect(verdictAfter(g, '小学', plan.options[0], 'stage')).toBe('达标');
  });

  it('two below: options choose which one may stay at 85 %; sentences name teachers and rooms', () => {
    // 300 students: R2 needs 3 backbone teachers (85 %: 2.55 → 3), R7 needs 6.9 → 7 rooms (85 %: 5.865 → 6).
    const g = single('丙小学', 300, { backboneTeachers: 1, multimediaRooms: 4 });
    const r = stageResult(g.record, '小学');
    const plan = planSchoolStage(r, std)!;
    const texts = describePlan(std, plan);
    expect(plan.options.length).toBeGreaterThanOrEqual(1);
    for (const o of plan.options) expect(verdictAfter(g, '小学', o, 'stage')).toBe('达标');
    // R2 to 85 % needs 3 teachers = the threshold itself, so "R2 + R7 to 85 %" = {R2: 2, R7: 2} is the cheapest.
    expect(plan.options[0]).toEqual([
      expect.objectContaining({ indicator: 'R2', add: 2, target: 'threshold' }),
      expect.objectContaining({ indicator: 'R7', add: 2, target: 'share' }),
    ]);
    expect(texts[0]).toBe('方案一：再配备 2 名县级及以上骨干教师，增加网络多媒体教室 2 间');
  });

  it('R1 names the required degree of the 学段', () => {
    const g = single('丁小学', 100, { degreeTeachers: 3 });
    const plan = planSchoolStage(stageResult(g.record, '小学'), std)!;
    expect(describePlan(std, plan)[0]).toBe('方案一：再配备 1 名专科及以上学历教师');
  });

  it('excluded 教学点 and 数据不全 → null', () => {
    const tp = primary('某教学点', 30, { floorArea: 10 }, '教学点');
    const r = stageResult(tp, '小学');
    expect(r.excluded).toBe(true);
    expect(planSchoolStage(r, std)).toBeNull();
    const blank = primary('戊小学', 100, { floorArea: null, sportsArea: 10 });
    const rb = stageResult(blank, '小学');
    expect(planSchoolStage(rb, std)).toBeNull();
  });

  it('apportioned: a 九年一贯制 school states the 学段 share and the whole-school addition', () => {
    const students = { 小学: 166, 初中: 210 };
    const rec = school('九年一贯制学校', '九年一贯制', {
      students,
      degreeTeachers: { 小学: 7, 初中: 12 },
      backboneTeachers: { 小学: 2, 初中: 3 },
      peArtTeachers: { 小学: 2, 初中: 2 },
      floorArea: 1000, // 小学 share 41.8 % → 418 ㎡ = 2.52 ㎡ per student (< 85 % of 4.5)
      sportsArea: 20000,
      equipmentValue: 2000000,
      multimediaRooms: 20,
    });
    const g: Generated = { record: rec, students, weights: { 小学: 1, 初中: 1.1 } };
    const share = stageShare(rec, '小学', std)!;
    expect(share).toBeCloseTo(166 / (166 + 1.1 * 210), 12);
    const r = stageResult(rec, '小学');
    expect(r.indicators.R4.apportioned).toBe(true);
    const plan = planSchoolStage(r, std, { stageShare: share })!;
    expect(plan.share).toBeCloseTo(share, 12);
    const step = plan.options[0][0];
    expect(step).toMatchObject({ indicator: 'R4', apportioned: true, target: 'share' });
    // 85 % of 4.5 × 166 = 634.95 ㎡ at the share → whole ≥ 634.95 / 0.418 = 1519.0… → 520 ㎡ more.
    expect(step.wholeSchoolAdd).toBe(Math.ceil((0.85 * 4.5 * 166) / share - 1000));
    expect(step.add).toBeCloseTo(step.wholeSchoolAdd! * share, 9);
    expect(describeOption(std, plan.options[0])).toBe(`增加教学及辅助用房 ${step.wholeSchoolAdd} ㎡（全校增加，本学段分摊 ${(Math.round(step.add * 100) / 100).toString()} ㎡）`);
    expect(verdictAfter(g, '小学', plan.options[0], 'whole')).toBe('达标');
    expect(verdictAfter(g, '小学', plan.options[0], 'stage')).toBe('达标');
    // Without the share the addition is the 学段's own need.
    const bare = planSchoolStage(r, std)!;
    expect(bare.options[0][0].wholeSchoolAdd).toBeUndefined();
    expect(bare.options[0][0].add).toBe(Math.ceil(0.85 * 4.5 * 166 - 1000 * share));
    expect(describeOption(std, bare.options[0])).toMatch(/（本学段按分摊所需）$/);
  });

  it('unit costs (optional setting) price the steps and rank the options', () => {
    const priced = standardWithOverride(JSON.stringify({ settings: { unitCosts: { R2: 200000, R7: 50000, R4: 3000 } } }));
    expect(nationalStandard().settings.unitCosts).toBeUndefined();
    const g = single('丙小学', 300, { backboneTeachers: 1, multimediaRooms: 4 });
    const plan = planSchoolStage(stageResult(g.record, '小学', priced), priced)!;
    for (const o of plan.options) for (const s of o) expect(s.cost).toBe(priced.settings.unitCosts![s.indicator]! * s.add);
    const totals = plan.options.map((o) => o.reduce((a, s) => a + (s.cost ?? 0), 0));
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
    expect(describeOption(priced, plan.options[0])).toMatch(/预计投入约 \d+(\.\d+)? 万元$/);
    expect(formatYuan(8000)).toBe('8000 元');
    expect(formatYuan(123456)).toBe('12.35 万元');
    expect(() => parseStandard({ ...std, settings: { ...std.settings, unitCosts: { R9: 1 } } })).toThrow();
  });
});

describe('planSchoolStage: generated schools — every option, applied to a copy, makes the 学段 达标', () => {
  const r = rng(20240611);
  const stats = { plans: 0, options: 0, apportionedSteps: 0, shareSteps: 0, multiStage: 0, atBoundary: 0, passed: 0 };
  const generated: Generated[] = [];
  for (let i = 0; i < 400; i++) generated.push(genSchool(r, std, `学校${i}`));

  it('plans are exactly the 未达标 学段 with complete data, and each option works and is minimal', () => {
    for (const g of generated) {
      const results = runChecks(ledgerSet([g.record]), std).schools;
      for (const res of results) {
        const share = stageShare(g.record, res.stage, std);
        if (share !== null) expect(share).toBeCloseTo(testShare(g.students, g.weights, res.stage), 12);
        const plan = planSchoolStage(res, std, { stageShare: share });
        const complete = Object.values(res.indicators).every((x) => x.value !== null);
        if (res.verdict !== '未达标' || res.excluded || !complete) {
          expect(plan).toBeNull();
          if (res.verdict === '达标') stats.passed++;
          continue;
        }
        for (const ind of Object.values(res.indicators)) {
          if (ind.value !== null && Math.abs(ind.value / ind.threshold - 0.85) < 1e-9) stats.atBoundary++;
        }
        expect(plan).not.toBeNull();
        stats.plans++;
        if (results.length > 1) stats.multiStage++;
        expect(plan!.options.length).toBeGreaterThanOrEqual(1);
        expect(plan!.options.length).toBeLessThanOrEqual(3);
        const keys = plan!.options.map((o) => JSON.stringify(o.map((s) => [s.indicator, s.add])));
        expect(new Set(keys).size).toBe(keys.length);
        for (const o of plan!.options) {
          stats.options++;
          expect(o.length).toBeGreaterThan(0);
          for (const s of o) {
            expect(s.add).toBeGreaterThan(0);
            if (s.apportioned) stats.apportionedSteps++;
            if (s.target === 'share') stats.shareSteps++;
            if (s.wholeSchoolAdd !== undefined) expect(Number.isInteger(s.wholeSchoolAdd)).toBe(true);
            else expect(Number.isInteger(s.add)).toBe(true);
          }
          expect(verdictAfter(g, res.stage, o, 'stage')).toBe('达标');
          expect(verdictAfter(g, res.stage, o, 'whole')).toBe('达标');
          // Minimal: one unit less on any step and the 学段 is no longer 达标.
          for (let k = 0; k < o.length; k++) {
            const s = o[k];
            const unitAtStage = s.wholeSchoolAdd !== undefined ? s.add / s.wholeSchoolAdd : 1;
            const less = o.map((x, j) => (j === k ? { ...x, add: x.add - unitAtStage, wholeSchoolAdd: undefined } : { ...x, wholeSchoolAdd: undefined }));
            expect(verdictAfter(g, res.stage, less, 'stage')).not.toBe('达标');
          }
          expect(describeOption(std, o, res.stage)).toMatch(/^(再配备|增加)/);
        }
        // Without a share the plan still works at the 学段's own share.
        const bare = planSchoolStage(res, std)!;
        for (const o of bare.options) expect(verdictAfter(g, res.stage, o, 'stage')).toBe('达标');
      }
    }
    expect(stats.plans).toBeGreaterThan(150);
    expect(stats.multiStage).toBeGreaterThan(30);
    expect(stats.apportionedSteps).toBeGreaterThan(30);
    expect(stats.shareSteps).toBeGreaterThan(50);
    expect(stats.atBoundary).toBeGreaterThan(20);
    expect(stats.passed).toBeGreaterThan(0);
  });
});

describe('amounts as people write them', () => {
  it('money of 10 000 元 or more in 万元, rounded up; other units as they are', () => {
    expect(formatAmount(690045, '元')).toBe('69.01 万元');
    expect(formatAmount(9999, '元')).toBe('9999 元');
    expect(formatAmount(232, '㎡')).toBe('232 ㎡');
    const step: PlanStep = { indicator: 'R6', add: 885992, unit: '元', target: 'threshold', valueBefore: 1, valueAfter: 2, apportioned: false };
    expect(describeOption(nationalStandard(), [step], '小学')).toContain('88.6 万元');
  });
});
