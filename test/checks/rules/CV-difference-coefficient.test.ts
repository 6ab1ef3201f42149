import { nationalStandard } from '../../../src/standard';
import { runChecks } from '../../../src/checks';
import { weightedCv } from '../../../src/checks/cv';
import { formatCv } from '../../../src/checks/format';
import { ledgers, primary, school } from '../builder';

const std = nationalStandard();

describe('weightedCv (校际差异系数)', () => {
  const P = [45, 37, 89, 76, 55];
  const books = [279, 137, 935, 160, 402];

  it('reproduces the public worked example: X̄ ≈ 6.33, CV ≈ 0.52', () => {
    const r = weightedCv(P, books)!;
    expect(r.mean).toBeCloseTo(6.33, 2);
    expect(r.cv).not.toBeNull();
    expect(formatCv(r.cv!)).toBe('0.52');
    expect(r.cv!).toBeCloseTo(0.5153, 3);
  });

  it('X̄ is Σ quantity ÷ Σ students = Σ PᵢXᵢ / P', () => {
    const r = weightedCv(P, books)!;
    const p = P.reduce((a, b) => a + b, 0);
    const weighted = P.reduce((a, pi, i) => a + pi * (books[i] / pi), 0) / p;
    expect(r.mean).toBeCloseTo(weighted, 12);
  });

  it('a per-100-students indicator gives the same CV as unscaled', () => {
    const plain = weightedCv(P, books)!;
    const scaled = weightedCv(P, books.map((b) => b * 100))!;
    expect(scaled.cv!).toBeCloseTo(plain.cv!, 12);
    expect(scaled.mean).toBeCloseTo(plain.mean * 100, 9);
  });

  it('fewer than 2 schools → null; all-zero quantities → CV null', () => {
    expect(weightedCv([100], [5])).toBeNull();
    expect(weightedCv([], [])).toBeNull();
    expect(weightedCv([10, 20], [0, 0])).toEqual({ mean: 0, cv: null });
  });

  it('equal per-student values → CV 0', () => {
    expect(weightedCv([10, 30], [50, 150])!.cv).toBeCloseTo(0, 12);
  });
});

describe('CV in runChecks', () => {
  it('the books example through R4 (per student) fails the 小学 limit 0.50 with a county finding', () => {
    const schools = P5.map((p, i) => primary(`小学${i}`, p, { floorArea: B5[i] }));
    const res = runChecks(ledgers(schools), std);
    const r4 = res.cv.find((c) => c.indicator === 'R4' && c.stage === '小学')!;
    expect(r4.schools).toBe(5);
    expect(r4.value!).toBeCloseTo(0.5153, 3);
    expect(r4.countyValue!).toBeCloseTo(6.334, 3);
    expect(r4.limit).toBe(0.5);
    expect(r4.pass).toBe(false);
    const f = res.findings.find((x) => x.kind === 'compliance' && x.indicator === 'R4' && x.school === null)!;
    expect(f).toMatchObject({ sheet: null, cell: null, stage: '小学', actual: 0.52, required: 0.5 });
    expect(f.message).toBe('小学 生均教学及辅助用房面积 校际差异系数 0.52，标准 ≤ 0.50');
    expect(f.departments).toEqual(std.indicators.R4.departments);
  });

  it('the same data as R7 (per 100 students) gives the same CV, county value ×100', () => {
    const schools = P5.map((p, i) => primary(`小学${i}`, p, { multimediaRooms: B5[i] }));
    const res = runChecks(ledgers(schools), std);
    const r7 = res.cv.find((c) => c.indicator === 'R7' && c.stage === '小学')!;
    expect(r7.value!).toBeCloseTo(0.5153, 3);
    expect(r7.countyValue!).toBeCloseTo(633.44, 1);
  });

  it('a CV exactly at the limit 0.50 passes', () => {
    // X = 1 and 3 with equal students: X̄ = 2, S = 1, CV = 0.5
    const res = runChecks(ledgers([primary('甲', 100, { floorArea: 100 }), primary('乙', 100, { floorArea: 300 })]), std);
    const r4 = res.cv.find((c) => c.indicator === 'R4' && c.stage === '小学')!;
    expect(r4.value).toBeCloseTo(0.5, 12);
    expect(r4.pass).toBe(true);
    expect(res.findings.some((f) => f.indicator === 'R4' && f.school === null)).toBe(false);
  });

  it('a CV just over the 初中 limit 0.45 fails; 初中 uses its own limit', () => {
    // X = 1 and 2.9 → X̄ 1.95, S 0.95, CV 0.487
    const j = (n: string, area: number) =>
      school(n, '初中', { students: 100, floorArea: area });
    const res = runChecks(ledgers([j('甲', 100), j('乙', 290)]), std);
    const r4 = res.cv.find((c) => c.indicator === 'R4' && c.stage === '初中')!;
    expect(r4.limit).toBe(0.45);
    expect(r4.pass).toBe(false);
  });

  it('one school → CV null, pass null; compositeCv null when a CV is missing', () => {
    const res = runChecks(ledgers([primary('甲', 100)]), std);
    expect(res.cv).toHaveLength(14);
    expect(res.cv.every((c) => c.value === null && c.pass === null)).toBe(true);
    expect(res.compositeCv).toEqual({ 小学: null, 初中: null });
  });

  it('compositeCv is the plain mean of the seven CVs', () => {
    const res = runChecks(ledgers([primary('甲', 100, { floorArea: 100 }), primary('乙', 100, { floorArea: 300 })]), std);
    const vals = res.cv.filter((c) => c.stage === '小学').map((c) => c.value!);
    expect(res.compositeCv['小学']).toBeCloseTo(vals.reduce((a, b) => a + b, 0) / 7, 12);
    expect(res.compositeCv['小学']).toBeCloseTo(0.5 / 7, 9);
  });

  it('excluded 教学点 and schools with missing data are left out of the CV', () => {
    const res = runChecks(
      ledgers([
        primary('甲', 100, { floorArea: 100 }),
        primary('乙', 100, { floorArea: 300 }),
        primary('丙教学点', 30, { floorArea: 3000 }, '教学点'),
        primary('丁', 100, { floorArea: null }),
      ]),
      std,
    );
    const r4 = res.cv.find((c) => c.indicator === 'R4' && c.stage === '小学')!;
    expect(r4.schools).toBe(2);
    expect(r4.value).toBeCloseTo(0.5, 12);
    const r1 = res.cv.find((c) => c.indicator === 'R1' && c.stage === '小学')!;
    expect(r1.schools).toBe(3);
  });
});

const P5 = [45, 37, 89, 76, 55];
const B5 = [279, 137, 935, 160, 402];
