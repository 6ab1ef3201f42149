import { nationalStandard, standardWithOverride } from '../../../src/standard';
import { runChecks } from '../../../src/checks';
import { decideVerdict, type IndicatorState } from '../../../src/checks/common/resource-indicators';
import { cellAddress } from '../../../src/ledger/grid';
import type { SchoolRecord } from '../../../src/ledger/types';
import { cls as clsOf, colOf, ledgers, primary, school, SHEET } from '../builder';

const std = nationalStandard();

function run(...schools: SchoolRecord[]) {
  return runChecks(ledgers(schools), std);
}

describe('verdict: 6 of 7 and 85 %', () => {
  it('all seven exactly at the threshold (with float noise from ×) → 达标, no finding', () => {
    const res = run(primary('甲', 1000));
    expect(res.schools).toHaveLength(1);
    expect(res.schools[0]).toMatchObject({ name: '甲', stage: '小学', students: 1000, excluded: false, reached: 7, verdict: '达标' });
    expect(res.findings).toEqual([]);
  });

  it('threshold reached exactly despite noise: 42/1000×100 and 4.1999999999 pass', () => {
    let res = run(primary('甲', 1000, { degreeTeachers: 42 }));
    expect(res.schools[0].indicators.R1.pass).toBe(true);
    res = run(primary('甲', 1000, { degreeTeachers: 41.999999999 }));
    expect(res.schools[0].indicators.R1.pass).toBe(true);
    res = run(primary('甲', 1000, { degreeTeachers: 41.99 }));
    expect(res.schools[0].indicators.R1.pass).toBe(false);
  });

  it('6 reached + one at exactly 85 % → 达标, and the finding says the school still passes', () => {
    // R1 4.2 × 0.85 = 3.57 per 100 → 35.7 teachers per 1000 students
    const res = run(primary('甲', 1000, { degreeTeachers: 35.7 }));
    expect(res.schools[0].reached).toBe(6);
    expect(res.schools[0].verdict).toBe('达标');
    const f = res.findings.filter((x) => x.kind === 'compliance');
    expect(f).toHaveLength(1);
    expect(f[0].indicator).toBe('R1');
    expect(f[0].need).toEqual({ value: 7, unit: '人', decimals: 0 }); // 42 − 35.7 = 6.3 → 7 teachers
    expect(f[0].gap).toBe(0.63); // per 100 students: 4.2 − 3.57
    expect(f[0].message).toBe(
      '每百名学生拥有高于规定学历教师数 3.57 人，标准 ≥ 4.2 人，还需 7 名教师（该校资源配置仍达标：7 项中 6 项达标，其余均不低于标准的 85%）',
    );
  });

  it('one at 84.9 % → 未达标', () => {
    const res = run(primary('甲', 1000, { degreeTeachers: 4.2 * 0.849 * 10 }));
    expect(res.schools[0].reached).toBe(6);
    expect(res.schools[0].verdict).toBe('未达标');
    expect(res.findings[0].message).not.toContain('仍达标');
  });

  it('85 % boundary with a different indicator (R4 3.825 ㎡ passes, 3.82 fails)', () => {
    expect(run(primary('甲', 1000, { floorArea: 3825 })).schools[0].verdict).toBe('达标');
    expect(run(primary('甲', 1000, { floorArea: 3820 })).schools[0].verdict).toBe('未达标');
  });

  it('5 reached (two at 90 %) → 未达标', () => {
    const res = run(primary('甲', 1000, { degreeTeachers: 37.8, floorArea: 4050 }));
    expect(res.schools[0].reached).toBe(5);
    expect(res.schools[0].verdict).toBe('未达标');
  });

  it('decideVerdict with missing values', () => {
    const v = (...s: IndicatorState[]) => decideVerdict(s, std);
    expect(v('reached', 'reached', 'reached', 'reached', 'reached', 'reached', 'reached')).toBe('达标');
    expect(v('reached', 'reached', 'reached', 'reached', 'reached', 'reached', 'missing')).toBe('数据不全');
    expect(v('reached', 'reached', 'reached', 'reached', 'reached', 'near', 'missing')).toBe('数据不全');
    expect(v('reached', 'reached', 'reached', 'reached', 'reached', 'below', 'missing')).toBe('未达标');
    expect(v('reached', 'reached', 'reached', 'reached', 'near', 'near', 'missing')).toBe('未达标');
    expect(v('missing', 'missing', 'missing', 'missing', 'missing', 'missing', 'missing')).toBe('数据不全');
    expect(v('below', 'missing', 'missing', 'missing', 'missing', 'missing', 'missing')).toBe('未达标');
  });

  it('a blank value with the rest reached → 数据不全 (a missing value is never a pass)', () => {
    const res = run(primary('甲', 1000, { sportsArea: null }));
    expect(res.schools[0].verdict).toBe('数据不全');
    expect(res.schools[0].indicators.R5).toMatchObject({ value: null, pass: null });
  });

  it('thresholds are data: R4 小学 raised to 5 turns a 达标 school into 未达标', () => {
    const s = () => primary('甲', 1000, { degreeTeachers: 37.8 }); // R1 at 90 %, R4 at 4.5
    expect(runChecks(ledgers([s()]), std).schools[0].verdict).toBe('达标');
    const local = standardWithOverride('{"indicators":{"R4":{"thresholds":{"小学":5}}}}');
    const res = runChecks(ledgers([s()]), local);
    expect(res.schools[0].indicators.R4).toMatchObject({ threshold: 5, pass: false });
    expect(res.schools[0].verdict).toBe('未达标');
    expect(res.findings.find((f) => f.indicator === 'R4')!.message).toBe('生均教学及辅助用房面积 4.50 ㎡，标准 ≥ 5 ㎡，还差 500 ㎡');
  });

  it('settings are data too: minReached 5 makes 5-of-7 pass', () => {
    const local = standardWithOverride('{"settings":{"minReached":5}}');
    const res = runChecks(ledgers([primary('甲', 1000, { degreeTeachers: 37.8, floorArea: 4050 })]), local);
    expect(res.schools[0].verdict).toBe('达标');
  });
});

describe('学段 and apportioning', () => {
  it('九年一贯制 worked example: 166 小学 + 210 初中 sharing 23 226 ㎡ → 小学 ≈ 58.5 per student', () => {
    const s = school('九年制学校', '九年一贯制', { students: { 小学: 166, 初中: 210 }, floorArea: 23226 });
    const res = run(s);
    expect(res.schools.map((r) => r.stage)).toEqual(['小学', '初中']);
    const p = res.schools[0].indicators.R4;
    expect(p.apportioned).toBe(true);
    expect(p.value!).toBeCloseTo(58.5, 1);
    expect(p.value! * 166).toBeCloseTo(9712, 0);
    expect(p.ref).toEqual({ sheet: SHEET, row: s.row, col: colOf('floorArea', 'all') });
    const j = res.schools[1].indicators.R4;
    expect(j.value! * 210 + p.value! * 166).toBeCloseTo(23226, 6);
    expect(j.value!).toBeCloseTo((23226 * 1.1) / (166 + 1.1 * 210), 9);
  });

  it('a stage column wins over apportioning', () => {
    const res = run(school('九年制', '九年一贯制', { students: { 小学: 100, 初中: 100 }, floorArea: { all: 5000, 小学: 1000 } }));
    expect(res.schools[0].indicators.R4).toMatchObject({ value: 10, apportioned: false });
    expect(res.schools[1].indicators.R4.apportioned).toBe(true);
  });

  it('十二年一贯制 1 : 1.1 : 1.32, with 高中 derived from the total when not kept', () => {
    const a = run(school('十二年', '十二年一贯制', { students: { 小学: 100, 初中: 100, 高中: 100 }, floorArea: 3420 }));
    expect(a.schools.map((r) => r.stage)).toEqual(['小学', '初中']);
    expect(a.schools[0].indicators.R4.value).toBeCloseTo(10, 9);
    expect(a.schools[1].indicators.R4.value).toBeCloseTo(11, 9);
    const b = run(school('十二年', '十二年一贯制', { students: { all: 300, 小学: 100, 初中: 100 }, floorArea: 3420 }));
    expect(b.schools[0].indicators.R4.value).toBeCloseTo(10, 9);
  });

  it('完全中学: only 初中 is judged, 初中 : 高中 = 1 : 1.2', () => {
    const res = run(school('一中', '完全中学', { students: { 初中: 100, 高中: 100 }, floorArea: 2200 }));
    expect(res.schools).toHaveLength(1);
    expect(res.schools[0].stage).toBe('初中');
    expect(res.schools[0].indicators.R4.value).toBeCloseTo(10, 9);
  });

  it('完全中学 without any 高中 students figure → data finding, apportioned values null', () => {
    const res = run(school('一中', '完全中学', { students: { 初中: 100 }, floorArea: 2200, degreeTeachers: { 初中: 6 } }));
    expect(res.schools[0].indicators.R4.value).toBeNull();
    expect(res.schools[0].indicators.R1.value).toBeCloseTo(6, 9);
    expect(res.findings.filter((f) => f.kind === 'data' && f.message.includes('缺少高中在校生数'))).toHaveLength(1);
  });

  it('multi-stage school with only a total students column → 缺少分学段在校生数, 数据不全', () => {
    const res = run(school('九年制', '九年一贯制', { students: 400, floorArea: 2000 }));
    expect(res.schools.map((r) => r.verdict)).toEqual(['数据不全', '数据不全']);
    const d = res.findings.filter((f) => f.kind === 'data');
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('缺少分学段在校生数');
  });

  it('type unknown: the 学段 columns of students decide; none → one data finding, no result', () => {
    const a = run(school('某校', null, { students: { 初中: 300 }, floorArea: 2000 }));
    expect(a.schools.map((r) => r.stage)).toEqual(['初中']);
    expect(a.schools[0].indicators.R4.apportioned).toBe(false);
    const s = school('某校', null, { students: 300 });
    const b = run(s);
    expect(b.schools).toEqual([]);
    expect(b.findings).toHaveLength(1);
    expect(b.findings[0]).toMatchObject({ kind: 'data', school: '某校', cell: cellAddress(s.row, 2) });
    expect(b.findings[0].message).toContain('无法确定「某校」的学段');
  });

  it('特殊教育学校 is not in 资源配置', () => {
    const res = run(school('特校', '特殊教育学校', { students: 40, floorArea: 10 }));
    expect(res.schools).toEqual([]);
    expect(res.findings).toEqual([]);
  });
});

describe('教学点 cut', () => {
  it('49 students → excluded, listed, verdict computed, no compliance finding; 50 → included', () => {
    const a = run(primary('村教学点', 49, { floorArea: 10 }, '教学点'));
    expect(a.schools[0]).toMatchObject({
      excluded: true,
      excludedReason: '教学点在校生 49 人，少于 50 人，不参与资源配置评估和差异系数计算',
      verdict: '未达标',
    });
    expect(a.findings).toEqual([]);
    const b = run(primary('村教学点', 50, { floorArea: 10 }, '教学点'));
    expect(b.schools[0]).toMatchObject({ excluded: false, excludedReason: null, verdict: '未达标' });
    expect(b.findings.filter((f) => f.indicator === 'R4')).toHaveLength(1);
  });

  it('the cut is a setting', () => {
    const local = standardWithOverride('{"settings":{"teachingPointCut":30}}');
    expect(runChecks(ledgers([primary('点', 49, {}, '教学点')]), local).schools[0].excluded).toBe(false);
  });

  it('a 小学 with 10 students is not a 教学点 and is not excluded', () => {
    expect(run(primary('小', 10)).schools[0].excluded).toBe(false);
  });
});

describe('missing data', () => {
  it('blank needed value → one data finding on the cell; unreadable → none (the ledger raised it)', () => {
    const s = primary('甲', 100, { floorArea: null, sportsArea: 'x' });
    const res = run(s);
    expect(res.findings).toEqual([
      {
        kind: 'data',
        indicator: 'R4',
        sheet: SHEET,
        cell: cellAddress(s.row, colOf('floorArea', 'all')),
        school: '甲',
        stage: '小学',
        actual: null,
        required: null,
        gap: null,
        message: '「教学及辅助用房面积」未填写，无法计算 生均教学及辅助用房面积（R4）',
        departments: std.indicators.R4.departments,
      },
    ]);
    expect(res.schools[0].verdict).toBe('数据不全');
  });

  it('a blank whole-school cell shared by two 学段 is reported once', () => {
    const res = run(school('九年制', '九年一贯制', { students: { 小学: 100, 初中: 100 }, floorArea: null }));
    expect(res.findings.filter((f) => f.kind === 'data')).toHaveLength(1);
  });

  it('blank students → a finding naming the 学段 column; 0 students → cannot divide', () => {
    const a = run(school('九年制', '九年一贯制', { students: { 小学: null, 初中: 100 }, floorArea: 3000 }));
    expect(a.findings.map((f) => f.message)).toContain('「在校生数（小学）」未填写，无法计算 小学 资源配置指标（R1–R7）');
    expect(a.schools[0].verdict).toBe('数据不全');
    const b = run(primary('甲', 0));
    expect(b.schools[0]).toMatchObject({ students: 0, verdict: '数据不全' });
    expect(b.findings.map((f) => f.message)).toContain('小学在校生数为 0，无法计算生均和每百名学生指标');
    const c = run(primary('点', 0, {}, '教学点'));
    expect(c.schools[0].excluded).toBe(true);
    expect(c.findings).toEqual([]);
  });

  it('an absent column leaves the value null without a per-school finding (the ledger reports the column)', () => {
    const s = primary('甲', 100);
    delete s.quantities.multimediaRooms;
    const res = run(s);
    expect(res.schools[0].indicators.R7).toMatchObject({ value: null, ref: null, pass: null });
    expect(res.findings).toEqual([]);
  });
});

describe('multi-学段 messages', () => {
  it('a 九年一贯制 finding names the 学段 and says the value was apportioned', () => {
    // 小学 166, 初中 210, sports area 1000 ㎡ for the whole school
    const res = run(school('九年制', '九年一贯制', { students: { 小学: 166, 初中: 210 }, sportsArea: 1000 }));
    const f = res.findings.filter((x) => x.indicator === 'R5');
    expect(f.map((x) => x.stage)).toEqual(['小学', '初中']);
    expect(f[0].message).toMatch(/^小学部：生均体育运动场馆面积 2\.52 ㎡，标准 ≥ 7\.5 ㎡，还差 826\.87 ㎡（全校数值按加权学生数分摊到本学段）$/);
    expect(f[0].need?.value).toBeCloseTo(7.5 * 166 - (1000 * 166) / (166 + 1.1 * 210), 1);
    expect(f[0].need?.unit).toBe('㎡');
    expect(f[0].cell).toBe(f[1].cell);
  });

  it('a blank 高中 students cell blocks apportioning and is reported once', () => {
    const res = run(school('十二年', '十二年一贯制', { students: { 小学: 100, 初中: 100, 高中: null }, floorArea: 3420 }));
    expect(res.schools[0].indicators.R4.value).toBeNull();
    const d = res.findings.filter((f) => f.kind === 'data');
    expect(d).toHaveLength(1);
    expect(d[0].message).toBe('「在校生数（高中）」未填写，无法计算 全校数值的分学段分摊');
  });
});

describe('scale', () => {
  it('1 000 schools × 2 学段 and 20 000 classes are all checked (speed is measured by npm run bench)', () => {
    const schools: SchoolRecord[] = [];
    for (let i = 0; i < 1000; i++) {
      schools.push(
        school(`学校${i}`, '九年一贯制', {
          students: { 小学: 300 + i, 初中: 200 + i },
          degreeTeachers: { 小学: 14, 初中: 12 },
          backboneTeachers: { 小学: 3, 初中: 3 },
          peTeachers: { 小学: 2, 初中: 2 },
          musicTeachers: { 小学: 1, 初中: 1 },
          artTeachers: { 小学: 1, 初中: 1 },
          floorArea: 2500 + i,
          sportsArea: 4000,
          equipmentValue: 1_000_000,
          multimediaRooms: 12,
          classes: 20,
          musicRooms: 1,
          musicRoomArea: 90,
          artRooms: 2,
          artRoomArea: 200,
        }),
      );
    }
    const classes = [];
    for (let i = 0; i < 20000; i++) classes.push(clsOf(`学校${i % 1000}`, (i % 9) + 1, 40 + (i % 12)));
    const res = runChecks(ledgers(schools, classes), std);
    expect(res.schools).toHaveLength(2000);
    expect(res.cv.every((c) => c.schools === 1000)).toBe(true);
  });
});
