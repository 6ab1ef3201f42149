/**
 * 表Ⅱ-2-shaped sheets (issue 15): per-school indicator values already computed by the county, 在校生数 beside
 * them, the header exactly as printed (stray spaces included), an L-code row under it, a 小学 section and an
 * 初中 section, and a trailing "…" row. Verdicts, 差异系数 and marks are checked against an independent
 * computation written here from the rows and the standard's thresholds.
 */
import type { CellValue } from '../../src/ledger/grid';
import { readLedgers } from '../../src/ledger';
import { runChecks } from '../../src/checks';
import { sectionOf } from '../../src/ledger/sections';
import { checkWorkbook } from '../../src/report/engine';
import { GIVEN_NOTE } from '../../src/report/sheets/resource';
import { RESOURCE_IDS, type ResourceId } from '../../src/standard/schema';
import { grid, STD } from './helpers';
import { JUNIOR, PRIMARY, VALUE_COLS, table, type School, type Stage } from './table2';

const thr = (id: ResourceId, stage: Stage): number => STD.indicators[id].thresholds[stage] as number;

/** The verdict as the standard states it, from the values: ≥ minReached reach, every other ≥ minShare of its threshold. */
function verdictOf(s: School): '达标' | '未达标' {
  let reached = 0;
  let below = 0;
  RESOURCE_IDS.forEach((id, k) => {
    const t = thr(id, s.stage);
    const v = s.values[k];
    if (v >= t - 1e-9) reached++;
    else if (v < STD.settings.minShare * t - 1e-9) below++;
  });
  return below === 0 && reached >= STD.settings.minReached ? '达标' : '未达标';
}

/** 差异系数: X̄ = ΣPᵢxᵢ / ΣPᵢ, S = √Σ(Pᵢ/ΣP)(xᵢ − X̄)², CV = S / X̄. */
function cvOf(pairs: ReadonlyArray<readonly [number, number]>): number {
  const P = pairs.reduce((n, [p]) => n + p, 0);
  const mean = pairs.reduce((n, [p, x]) => n + p * x, 0) / P;
  return Math.sqrt(pairs.reduce((n, [p, x]) => n + (p / P) * (x - mean) ** 2, 0)) / mean;
}

describe('表Ⅱ-2: per-school values with 在校生数, in 小学 and 初中 sections', () => {
  const { g, rowOf } = table();
  const ledgers = readLedgers([g], STD);
  const result = runChecks(ledgers, STD);
  const all = [...PRIMARY, ...JUNIOR];

  it('reads the seven schools once per section, and nothing from the title, the L-code row, the labels or "…"', () => {
    expect(ledgers.schools.map((s) => [s.name, s.stage, s.row])).toEqual(all.map((s) => [s.name, s.stage, rowOf.get(s)]));
    const l = ledgers.ledgers[0];
    expect(l).toMatchObject({ sheet: '表Ⅱ-2', kind: 'school', headerRows: [2], rows: 7 });
    expect(l.columns).toMatchObject({
      name: 'B', students: 'D', classes: 'F', degreePer100: 'G', backbonePer100: 'H', peArtPer100: 'I', floorAreaPerStudent: 'J',
      sportsAreaPerStudent: 'K', equipmentPerStudent: 'L', multimediaPer100: 'M', countyVerdict: 'N',
    });
    // 举办者类型 is who runs the school, not its type; the type comes from the name, else the section.
    expect(l.columns).not.toHaveProperty('type');
    expect(ledgers.schools.map((s) => s.type)).toEqual(['小学', '小学', '小学', '小学', '小学', '初中', '初中']);
    // No column an indicator needs is reported missing: the values stand for the quantities.
    expect(l.missing.filter((m) => !/音乐|美术/.test(m))).toEqual([]);
    expect(ledgers.findings.filter((f) => f.school !== null)).toEqual([]);
    const names = new Set(ledgers.schools.map((s) => s.name));
    for (const junk of ['L1', '…', '小学', '初中', '序 号']) expect(names.has(junk)).toBe(false);
  });

  it('gives the verdicts of an independent computation, boundaries included (at the threshold, 85 % vs 84.9 %)', () => {
    expect(result.schools.map((s) => [s.name, s.stage, s.verdict])).toEqual(all.map((s) => [s.name, s.stage, verdictOf(s)]));
    expect(result.schools.map((s) => s.verdict)).toEqual(['达标', '达标', '未达标', '未达标', '达标', '达标', '未达标']);
    for (const s of result.schools) {
      const src = all.find((x) => x.name === s.name && x.stage === s.stage)!;
      RESOURCE_IDS.forEach((id, k) => {
        expect(s.indicators[id].value).toBe(src.values[k]);
        expect(s.indicators[id].given).toBe(true);
        expect(s.indicators[id].apportioned).toBe(false);
      });
      expect(s.students).toBe(src.students);
    }
  });

  it('gives the student-weighted 差异系数 of each 学段 (county mean Σ Pᵢxᵢ / ΣPᵢ)', () => {
    for (const stage of ['小学', '初中'] as const) {
      const list = all.filter((s) => s.stage === stage);
      RESOURCE_IDS.forEach((id, k) => {
        const c = result.cv.find((x) => x.indicator === id && x.stage === stage)!;
        const pairs = list.map((s) => [s.students, s.values[k]] as const);
        expect(c.schools).toBe(list.length);
        expect(c.value).toBeCloseTo(cvOf(pairs), 12);
        const P = list.reduce((n, s) => n + s.students, 0);
        expect(c.countyValue).toBeCloseTo(list.reduce((n, s) => n + s.students * s.values[k], 0) / P, 9);
      });
    }
  });

  it('marks the failing value cells, and only those', () => {
    const out = checkWorkbook([g], STD, { workbook: '表Ⅱ-2.xlsx', date: new Date('2026-12-01T00:00:00Z') });
    const expected: string[] = [];
    for (const s of all) {
      RESOURCE_IDS.forEach((id, k) => {
        if (s.values[k] < thr(id, s.stage) - 1e-9) expected.push(`${VALUE_COLS[k]}${rowOf.get(s)}`);
      });
    }
    const fails = out.marks.filter((m) => m.style === 'fail').map((m) => m.cell);
    expect(fails.sort()).toEqual(expected.sort());
    expect(fails).toContain(`J${rowOf.get(PRIMARY[2])}`); // 东关小学 R4 3.82
    expect(fails).not.toContain(`G${rowOf.get(PRIMARY[1])}`); // 城关第二小学 R1 exactly 4.2
    const j = out.marks.find((m) => m.cell === `J${rowOf.get(PRIMARY[2])}`)!;
    expect(j.note).toContain('生均教学及辅助用房面积 3.82 ㎡，标准 ≥ 4.5 ㎡');
  });

  it('cross-checks 该校综合评估是否达标: a finding where the county said 是 and the values say 未达标', () => {
    const said = result.findings.filter((f) => f.kind === 'data' && /该校综合评估是否达标/.test(f.message));
    expect(said.map((f) => [f.cell, f.school])).toEqual([[`N${rowOf.get(PRIMARY[2])}`, '东关小学']]);
    expect(said[0].message).toBe('「该校综合评估是否达标」填写为“是”，但按表中各项指标值判定为未达标（7 项中 6 项达到标准），请核实');
  });

  it('says that the values were taken as the county computed them (资源配置达标情况, JSON)', () => {
    const out = checkWorkbook([g], STD, { workbook: '表Ⅱ-2.xlsx', date: new Date('2026-12-01T00:00:00Z') });
    const sheet = out.sheets.find((s) => s.name === '资源配置达标情况')!;
    expect(sheet.subtitle).toContain(GIVEN_NOTE);
    expect(out.report.notes).toEqual([GIVEN_NOTE]);
    expect(out.report.schools.every((s) => Object.values(s.indicators).every((i) => i.given === true))).toBe(true);
    const note = sheet.rows[0][sheet.rows[0].length - 1];
    expect(String(note.value)).toContain('R1–R7 取自台账中已计算的指标值');
  });
});

describe('表Ⅱ-2 without section rows: the 学段 from the name', () => {
  it('takes 小学 / 初中 from the name, and a 九年一贯制 row in no section is not judged, with a finding', () => {
    const nine: School = { name: '古郊九年一贯制学校', stage: '小学', students: 500, values: [5, 1.2, 1, 5, 8, 2300, 2.5], said: '' };
    const { g, rowOf } = table({ sections: false, primary: [PRIMARY[0], nine], junior: [JUNIOR[0]] });
    const ledgers = readLedgers([g], STD);
    const result = runChecks(ledgers, STD);
    expect(result.schools.map((s) => [s.name, s.stage, s.verdict])).toEqual([
      ['城关第一小学', '小学', '达标'],
      ['古郊九年一贯制学校', '小学', '数据不全'],
      ['古郊九年一贯制学校', '初中', '数据不全'],
      ['礼义镇初级中学', '初中', '达标'],
    ]);
    const f = result.findings.filter((x) => x.school === '古郊九年一贯制学校' && x.kind === 'data');
    expect(f.map((x) => x.cell)).toEqual([`D${rowOf.get(nine)}`, `G${rowOf.get(nine)}`]);
    expect(f[0].message).toContain('缺少分学段在校生数');
    expect(f[1].message).toContain('本行的指标值未分学段');
    expect(result.findings.some((x) => x.kind === 'compliance' && x.school === '古郊九年一贯制学校')).toBe(false);
  });

  it('“…（小学部）” / “…初中部” in the name gives the row its 学段', () => {
    const p: School = { ...PRIMARY[4], name: '实验学校（小学部）' };
    const j: School = { ...JUNIOR[1], name: '实验学校初中部' };
    const { g } = table({ sections: false, primary: [p], junior: [j] });
    const ledgers = readLedgers([g], STD);
    expect(ledgers.schools.map((s) => [s.name, s.stage, s.type])).toEqual([['实验学校（小学部）', '小学', '小学'], ['实验学校初中部', '初中', '初中']]);
    expect(runChecks(ledgers, STD).schools.map((s) => [s.stage, s.verdict])).toEqual([['小学', verdictOf(p)], ['初中', verdictOf(j)]]);
  });

  it('a school named twice in one section is a duplicate; once per section it is two 学段 parts', () => {
    const { g } = table({ primary: [PRIMARY[0], PRIMARY[0]], junior: [] });
    const ledgers = readLedgers([g], STD);
    expect(ledgers.schools).toHaveLength(1);
    expect(ledgers.findings.filter((f) => /小学部分重复出现/.test(f.message))).toHaveLength(1);
  });
});

describe('表Ⅱ-2 with “*” cells', () => {
  it('a “*” value of a school judged is a finding and 数据不全; a 教学点 under the cut shows 不适用 and raises nothing', () => {
    const star = { ...PRIMARY[0], name: '城关第一小学' };
    const point = { ...PRIMARY[1], name: '山口教学点', students: 28 };
    const { g, rowOf } = table({ primary: [star, point], junior: [] });
    // Put "*" in R5 of both rows (column K).
    g.values[rowOf.get(star)! - 1][10] = '*';
    g.values[rowOf.get(point)! - 1][10] = '*';
    const ledgers = readLedgers([g], STD);
    const result = runChecks(ledgers, STD);
    const [a, b] = result.schools;
    expect(a.verdict).toBe('数据不全');
    expect(a.indicators.R5).toMatchObject({ value: null, pass: null });
    expect(b.excluded).toBe(true);
    expect(b.indicators.R5.notApplicable).toBe(true);
    const f = [...ledgers.findings, ...result.findings].filter((x) => x.indicator === 'R5');
    expect(f.map((x) => [x.cell, x.school])).toEqual([[`K${rowOf.get(star)}`, '城关第一小学']]);
    expect(f[0].message).toContain('「生均体育运动场馆面积」填写为“*”（不适用），但该校小学需要此项');
  });
});

describe('表Ⅱ-2 beside other ledgers and odd answers', () => {
  it('a school in both sections is compared with its classes 学段 by 学段: no mismatch when each part adds up', () => {
    const { g } = table();
    const cls = (school: string, grade: string, n: number): CellValue[] => [school, grade, `${grade}1班`, n];
    const classes = grid([['学校名称', '年级', '班级', '班级人数'], cls('实验学校', '一年级', 180), cls('实验学校', '二年级', 180), cls('实验学校', '七年级', 240)], [], { name: '班级台账' });
    const ledgers = readLedgers([g, classes], STD);
    const result = runChecks(ledgers, STD);
    expect(result.findings.filter((f) => f.school === '实验学校' && /不一致/.test(f.message))).toEqual([]);
    const off = grid([['学校名称', '年级', '班级', '班级人数'], cls('实验学校', '一年级', 100), cls('实验学校', '七年级', 240)], [], { name: '班级台账' });
    const l2 = readLedgers([g, off], STD);
    const mismatch = runChecks(l2, STD).findings.filter((f) => f.school === '实验学校' && /不一致/.test(f.message) && f.sheet === '表Ⅱ-2');
    expect(mismatch.map((f) => f.stage)).toEqual(['小学']);
  });

  it('an answer in 该校综合评估是否达标 that is neither 是 nor 否 is a finding; the verdict stands', () => {
    const { g, rowOf } = table({ primary: [{ ...PRIMARY[0], said: '待评' }], junior: [] });
    const result = runChecks(readLedgers([g], STD), STD);
    expect(result.schools[0].verdict).toBe('达标');
    const f = result.findings.filter((x) => x.cell === `N${rowOf.get([...rowOf.keys()][0])}`);
    expect(f.map((x) => x.message)).toEqual(['「该校综合评估是否达标」填写为“待评”，无法识别（应为 是/否 或 达标/未达标）']);
  });
});

describe('section labels', () => {
  it('reads the ways a 学段 section is labelled, and nothing else', () => {
    for (const t of ['小学', '一、小学', '（二）初中', '初中学校', '小学（5所）', '小学部分', '初级中学：']) expect(sectionOf(t)).not.toBeNull();
    expect(sectionOf('（二）初中')).toBe('初中');
    expect(sectionOf('小学（5所）')).toBe('小学');
    for (const t of ['城关小学', '小学合计', '九年一贯制', '高中', '']) expect(sectionOf(t)).toBeNull();
  });
});

describe('the tool\'s own 表Ⅱ-2 is never read back as a ledger', () => {
  it('a sheet under the name the tool writes it (or its 「（自查）」 copy) is skipped, even after the county filled its blanks', () => {
    const { g } = table();
    expect(readLedgers([g], STD).schools.length).toBeGreaterThan(0);
    for (const name of ['表Ⅱ-2 资源配置（分学校）', '表Ⅱ-2 资源配置（分学校）（自查）', '自评表-示例县城关第一小学']) {
      const l = readLedgers([{ ...g, name }], STD);
      expect(l.ledgers).toEqual([]);
      expect(l.schools).toEqual([]);
    }
  });
});
