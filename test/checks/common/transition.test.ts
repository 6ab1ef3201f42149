/**
 * The 《规程》 (国教督办函〔2019〕30号) transition rules: they change G3 / G4 / R3 / R5 only in their assessment
 * years (2019–2022) and only for schools whose facts the ledger gives; the full standard otherwise.
 */
import { runChecks } from '../../../src/checks';
import { cellAddress } from '../../../src/ledger/grid';
import type { SchoolAttribute, SchoolRecord } from '../../../src/ledger/types';
import { computePlans } from '../../../src/report/plans';
import { buildPlanSheet } from '../../../src/report/sheets/plan';
import { buildResourceSheet } from '../../../src/report/sheets/resource';
import { buildFindingsSheet } from '../../../src/report/sheets/findings';
import { nationalStandard, standardWithOverride } from '../../../src/standard';
import { cls, colOf, ledgers, primary, school, SHEET } from '../builder';

const std = nationalStandard();
const TAG = '按《规程》过渡期标准';

function withFacts(s: SchoolRecord, facts: Partial<Record<SchoolAttribute, string>>): SchoolRecord {
  const attributes: SchoolRecord['attributes'] = {};
  let col = 200;
  for (const [k, text] of Object.entries(facts) as [SchoolAttribute, string][]) attributes[k] = { text, ref: { sheet: SHEET, row: s.row, col: col++ } };
  return { ...s, attributes };
}

const run = (schools: SchoolRecord[], year: number | null, standard = std) => runChecks(ledgers(schools), standard, year === null ? {} : { runYear: year });
const ofId = (res: ReturnType<typeof run>, id: string) => res.findings.filter((f) => f.indicator === id);

describe('G3 room area: schools built in or before 2016 (音乐 ≥ 73, 美术 ≥ 67 ㎡)', () => {
  const rooms = (music: number, built: string | null) => {
    const s = school('甲小学', '小学', { students: 300, classes: 6, musicRooms: 1, musicRoomAreaEach: music, artRooms: 1, artRoomAreaEach: 90 });
    return built === null ? s : withFacts(s, { builtYear: built });
  };

  it('inside the years: 73 ㎡ passes by the transition limit, recorded with what the full standard needs', () => {
    const s = rooms(73, '2016');
    const r = run([s], 2022);
    expect(ofId(r, 'G3')).toEqual([]);
    expect(r.transitions).toHaveLength(1);
    expect(r.transitions?.[0]).toMatchObject({
      indicator: 'G3', rule: 'roomsBuiltEarly', school: '甲小学', relaxed: 73, full: 96, gapToFull: 23, actual: 73,
      cell: cellAddress(s.row, colOf('musicRoomAreaEach', 'all')),
    });
    expect(r.transitions?.[0].message).toBe(
      `${TAG}达标：音乐教室每间面积 73 ㎡，过渡期标准每间 ≥ 73 ㎡（2016 年建校，属 2016 年及以前规划建设的学校）；完整标准每间 ≥ 96 ㎡，每间还差 23 ㎡`,
    );
    // The item says so: 达标, but not by the full standard.
    expect(r.items.find((i) => i.id === 'G3')).toMatchObject({ status: '达标', value: `均达标（其中 1 所${TAG}）` });
    expect(r.items.find((i) => i.id === 'G3')?.note).toContain(`1 所学校${TAG}达标`);
  });

  it('outside the years (2023, 2018) the same school fails the full standard', () => {
    for (const year of [2023, 2018]) {
      const r = run([rooms(73, '2016')], year);
      expect(r.transitions).toEqual([]);
      const f = ofId(r, 'G3');
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ required: 96, gap: 23 });
      expect(f[0].message).toBe('音乐教室每间面积 73 ㎡，标准每间 ≥ 96 ㎡，每间还差 23 ㎡');
    }
  });

  it('built 2017 is not relaxed; built 2016 is, and a date cell or "2016年9月" reads as 2016', () => {
    expect(ofId(run([rooms(80, '2017')], 2020), 'G3')).toHaveLength(1);
    expect(ofId(run([rooms(80, '2016-09-01')], 2020), 'G3')).toEqual([]);
    expect(ofId(run([rooms(80, '2016年9月')], 2020), 'G3')).toEqual([]);
  });

  it('below the transition limit: the finding is against 73 ㎡ and says so, with the full standard too', () => {
    const r = run([rooms(72.5, '2010')], 2019);
    const f = ofId(r, 'G3');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ required: 73, gap: 0.5, actual: 72.5 });
    expect(f[0].message).toBe(
      `音乐教室每间面积 72.5 ㎡，${TAG}每间 ≥ 73 ㎡（2010 年建校，属 2016 年及以前规划建设的学校），每间还差 0.5 ㎡；完整标准每间 ≥ 96 ㎡，每间还差 23.5 ㎡`,
    );
  });

  it('美术 uses 67 ㎡; no 建校时间 (column or cell) means the full standard — no guess', () => {
    const art = withFacts(school('乙小学', '小学', { classes: 6, musicRooms: 1, musicRoomAreaEach: 96, artRooms: 1, artRoomAreaEach: 67 }), { builtYear: '2000' });
    expect(ofId(run([art], 2021), 'G3')).toEqual([]);
    expect(ofId(run([rooms(80, null)], 2021), 'G3')).toHaveLength(1);
    expect(ofId(run([rooms(80, '')], 2021), 'G3')).toHaveLength(1);
  });

  it('an unreadable 建校时间 is a data finding (tied to no item) and the full standard applies', () => {
    const r = run([rooms(80, '很久以前')], 2021);
    expect(ofId(r, 'G3')).toHaveLength(1);
    const d = r.findings.filter((f) => f.kind === 'data');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ indicator: null, school: '甲小学' });
    expect(d[0].message).toContain('「建校时间」“很久以前”无法识别为年份');
  });

  it('settings.assessmentYear wins over the year of the run; no year at all: the full standard', () => {
    const fixed = standardWithOverride(JSON.stringify({ settings: { assessmentYear: 2022 } }));
    expect(ofId(run([rooms(80, '2016')], 2026, fixed), 'G3')).toEqual([]);
    expect(run([rooms(80, '2016')], 2026, fixed).assessmentYear).toBe(2022);
    expect(ofId(run([rooms(80, '2016')], null), 'G3')).toHaveLength(1);
    // The years are data: a province that extends them to 2023.
    const longer = standardWithOverride(JSON.stringify({ transition: { roomsBuiltEarly: { years: [2019, 2023] } } }));
    expect(ofId(run([rooms(80, '2016')], 2023, longer), 'G3')).toEqual([]);
  });
});

describe('G3 room area: 乡村小规模学校 whose largest class is under 30 (小学 ≥ 54, 初中 ≥ 61 ㎡)', () => {
  const small = (type: '小学' | '初中', largest: number, area: number, rural = '是') =>
    withFacts(school('村小', type, { students: 80, classes: 6, maxClassSize: largest, musicRooms: 1, musicRoomAreaEach: area, artRooms: 1, artRoomAreaEach: area }), {
      ruralSmall: rural,
    });

  it('largest class 29 passes at 54 ㎡ (小学); 30 does not', () => {
    expect(ofId(run([small('小学', 29, 54)], 2022), 'G3')).toEqual([]);
    expect(ofId(run([small('小学', 30, 54)], 2022), 'G3')).toHaveLength(2);
  });

  it('初中 needs 61 ㎡; 60 fails against 61 with the transition wording', () => {
    expect(ofId(run([small('初中', 20, 61)], 2022), 'G3')).toEqual([]);
    const f = ofId(run([small('初中', 20, 60)], 2022), 'G3');
    expect(f.map((x) => x.required)).toEqual([61, 61]);
    expect(f[0].message).toContain(`${TAG}每间 ≥ 61 ㎡（乡村小规模学校，最大班额 20 人（不足 30 人），初中）`);
  });

  it('not a 乡村小规模学校 (否), or outside the years: the full standard', () => {
    expect(ofId(run([small('小学', 20, 54, '否')], 2022), 'G3')).toHaveLength(2);
    expect(ofId(run([small('小学', 20, 54)], 2023), 'G3')).toHaveLength(2);
  });
});

describe('G4 size: built in or before 2010, or over 50 % 随迁子女 (≤ 2400; 九年一贯制 ≤ 3000)', () => {
  const big = (students: number, facts: Partial<Record<SchoolAttribute, string>>, migrants?: number, type: '小学' | '九年一贯制' = '小学') => {
    const q = type === '小学' ? { students } : { students: { 小学: students - 1000, 初中: 1000 } };
    return withFacts(school('城关小学', type, migrants === undefined ? q : { ...q, migrantStudents: migrants }), facts);
  };

  it('2400 passes by the transition limit, 2401 fails against 2400', () => {
    const r = run([big(2400, { builtYear: '2010' })], 2022);
    expect(ofId(r, 'G4')).toEqual([]);
    expect(r.transitions?.[0]).toMatchObject({ indicator: 'G4', relaxed: 2400, full: 2000, gapToFull: 400 });
    expect(r.transitions?.[0].message).toContain(`${TAG}达标：学校规模 在校生 2400 人，过渡期标准 ≤ 2400 人（2010 年建校，属 2010 年及以前建成的学校）；完整标准 ≤ 2000 人，超出 400 人`);
    const f = ofId(run([big(2401, { builtYear: '2010' })], 2022), 'G4');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ required: 2400, gap: 1 });
    expect(f[0].message).toContain(TAG);
  });

  it('built 2011 is not relaxed; 2023 and 2018 are outside the years', () => {
    expect(ofId(run([big(2100, { builtYear: '2011' })], 2022), 'G4')[0]).toMatchObject({ required: 2000 });
    expect(ofId(run([big(2100, { builtYear: '2010' })], 2023), 'G4')[0]).toMatchObject({ required: 2000 });
    expect(ofId(run([big(2100, { builtYear: '2010' })], 2018), 'G4')[0]).toMatchObject({ required: 2000 });
  });

  it('随迁子女 50 % is not over 50 %; 50.1 % is', () => {
    expect(ofId(run([big(2200, {}, 1100)], 2022), 'G4')[0]).toMatchObject({ required: 2000 });
    const r = run([big(2200, {}, 1102.2)], 2022);
    expect(ofId(r, 'G4')).toEqual([]);
    expect(r.transitions?.[0].message).toContain('占 50.1%（超过 50%）');
  });

  it('九年一贯制 up to 3000; no facts: the full 2500', () => {
    expect(ofId(run([big(3000, { builtYear: '1998' }, undefined, '九年一贯制')], 2020), 'G4')).toEqual([]);
    expect(ofId(run([big(3001, { builtYear: '1998' }, undefined, '九年一贯制')], 2020), 'G4')[0]).toMatchObject({ required: 3000, gap: 1 });
    expect(ofId(run([big(2600, {}, undefined, '九年一贯制')], 2020), 'G4')[0]).toMatchObject({ required: 2500 });
  });
});

describe('R3: 乡村小规模学校 of 50–99 students count 交流轮岗、兼职、走教 teachers', () => {
  // 0 own PE/art teachers, 1 走教 teacher: 1 ÷ n × 100 ≥ 0.9 for n ≤ 111.
  const village = (students: number, rural = '是') =>
    withFacts(primary('村小', students, { peArtTeachers: 0, itinerantPeArtTeachers: 1 }), { ruralSmall: rural });
  const r3 = (res: ReturnType<typeof run>) => res.schools[0].indicators.R3;

  it('50 and 99 students: the 走教 teacher counts; 100 and 49: not', () => {
    for (const n of [50, 99]) {
      const res = run([village(n)], 2022);
      expect(r3(res).pass).toBe(true);
      expect(r3(res).transition).toMatchObject({ rule: 'peArtSmallRural', extra: 1, fullValue: 0 });
      // 问题清单's 实际值 / 标准值 / 差距 are the full standard's: 0 teachers, ≥ 0.9, 1 more.
      expect(res.transitions?.[0]).toMatchObject({ actual: 0, relaxed: 0.9, full: 0.9, gapToFull: 1 });
      // By the full standard R3 is 0 (below 85 %): the 规程 decides the school's verdict.
      expect(res.schools[0]).toMatchObject({ verdict: '达标', fullVerdict: '未达标' });
      expect(res.transitions?.map((t) => t.indicator)).toEqual(['R3']);
      expect(res.transitions?.[0].message).toContain(`${TAG}达标`);
    }
    expect(run([village(50)], 2022).transitions?.[0].message).toBe(
      `${TAG}达标：计入交流轮岗、兼职、走教的体育艺术教师 1 人后，每百名学生拥有体育、艺术（音乐、美术）专任教师数 2.00 人，标准 ≥ 0.9 人；` +
        '按完整标准（不计入）为 0.00 人，还需 1 名教师',
    );
    for (const n of [100, 49]) {
      const res = run([village(n)], 2022);
      expect(r3(res).pass).toBe(false);
      expect(r3(res).transition).toBeUndefined();
    }
  });

  it('outside the years, or not 乡村小规模学校: not counted', () => {
    expect(r3(run([village(80)], 2023)).pass).toBe(false);
    expect(r3(run([village(80)], 2018)).pass).toBe(false);
    expect(r3(run([village(80, '否')], 2022)).pass).toBe(false);
  });
});

describe('R5: 中心城区学校 count leased and converted grounds', () => {
  // 1000 students, own ground 5 ㎡ each (below 7.5), 3000 ㎡ leased: 8 ㎡ each.
  const city = (centre = '是') => withFacts(primary('城区小学', 1000, { sportsArea: 5000, leasedSportsArea: 3000 }), { cityCentre: centre });

  it('inside the years the leased area counts; outside it does not', () => {
    const a = run([city()], 2021).schools[0].indicators.R5;
    expect(a.value).toBeCloseTo(8, 9);
    expect(a.pass).toBe(true);
    expect(a.transition).toMatchObject({ rule: 'sportsCityCentre', extra: 3000 });
    expect(a.transition?.fullValue).toBeCloseTo(5, 9);
    const b = run([city()], 2023).schools[0].indicators.R5;
    expect(b.value).toBeCloseTo(5, 9);
    expect(b.pass).toBe(false);
    expect(run([city('否')], 2021).schools[0].indicators.R5.pass).toBe(false);
  });

  it('short even with the leased area: the finding says what was counted', () => {
    const s = withFacts(primary('城区小学', 1000, { sportsArea: 5000, leasedSportsArea: 1000 }), { cityCentre: '是' });
    const f = run([s], 2021).findings.find((x) => x.indicator === 'R5');
    expect(f?.message).toBe(
      '生均体育运动场馆面积 6.00 ㎡，标准 ≥ 7.5 ㎡，还差 1500 ㎡（按《规程》过渡期标准，已计入改造的屋顶、地下运动场地和租赁的运动场馆面积 1000 ㎡）',
    );
    expect(f?.cell).toBe(cellAddress(s.row, colOf('sportsArea', 'all')));
  });
});

describe('补短板清单 still shows the full standard', () => {
  // R3 and R5 both short by the full standard (2 of 7 below: 未达标), both 达标 by the 规程.
  const both = () =>
    withFacts(primary('村小', 80, { peArtTeachers: 0, itinerantPeArtTeachers: 1, sportsArea: 400, leasedSportsArea: 300 }), {
      ruralSmall: '是',
      cityCentre: '是',
    });

  it('a 学段 达标 only by the 规程 gets the plan for the full standard', () => {
    const s = both();
    const res = run([s], 2022);
    expect(res.schools[0]).toMatchObject({ verdict: '达标', fullVerdict: '未达标' });
    const plans = computePlans(res, ledgers([s]), std);
    expect(plans.schools).toHaveLength(1);
    expect(plans.schools[0].relaxed).toBe(true);
    // By the full standard R3 has 0 teachers (0.72 needed → 1) and R5 400 ㎡ (5 ㎡ each): the cheapest way raises
    // R3 to its threshold and R5 to 85 % of 7.5 ㎡ × 80 = 510 ㎡ (+110) — the 规程's 走教 teacher and leased ground not counted.
    const option = plans.schools[0].plan?.options[0] ?? [];
    expect(option.find((o) => o.indicator === 'R3')?.add).toBe(1);
    expect(option.find((o) => o.indicator === 'R5')?.add).toBe(110);
    const sheet = buildPlanSheet(plans, ledgers([s]), { std, workbook: 'x.xlsx', date: new Date('2022-06-01') });
    const row = sheet.rows.find((r) => r[1].value === '村小');
    expect(String(row?.[4].value)).toContain(`现${TAG}达标，此为达到完整标准所需`);
    // The 资源配置达标情况 sheet says the verdict leans on the 规程.
    const sheetRow = buildResourceSheet(res, ledgers([s]), { std, workbook: 'x.xlsx', date: new Date('2022-06-01') }).rows.find((r) => r[0].value === '村小');
    expect(String(sheetRow?.at(-1)?.value)).toBe('R3、R5 按《规程》过渡期标准计入走教/兼职教师或租赁、改造场地；按完整标准为未达标');
    // Outside the years the same school is simply 未达标, with the same plan and no transition note.
    const later = run([s], 2023);
    expect(later.schools[0].verdict).toBe('未达标');
    const p2 = computePlans(later, ledgers([s]), std);
    expect(p2.schools[0].relaxed).toBeUndefined();
    expect(p2.schools[0].plan?.options[0]).toEqual(option);
  });

  it('G3 / G4 passes by the 规程 get a 完整标准 row, and a 过渡期达标 row in 问题清单', () => {
    const s = withFacts(school('甲小学', '小学', { students: 2300, classes: 6, musicRooms: 1, musicRoomAreaEach: 80, artRooms: 1, artRoomAreaEach: 90 }), { builtYear: '2008' });
    const res = run([s], 2020);
    expect(res.transitions?.map((t) => t.indicator)).toEqual(['G3', 'G4']);
    const ctx = { std, workbook: 'x.xlsx', date: new Date('2020-06-01') };
    const plan = buildPlanSheet(computePlans(res, ledgers([s]), std), ledgers([s]), ctx);
    const rows = plan.rows.filter((r) => String(r[3]?.value ?? '').endsWith('完整标准'));
    expect(rows.map((r) => r[3].value)).toEqual(['G3 完整标准', 'G4 完整标准']);
    expect(String(rows[0][4].value)).toContain('完整标准每间 ≥ 96 ㎡，每间还差 16 ㎡');
    expect(String(rows[1][4].value)).toContain('完整标准 ≤ 2000 人，超出 300 人');
    const issues = buildFindingsSheet(res.findings, ctx, undefined, res.transitions);
    const marked = issues.rows.filter((r) => r[1].value === '过渡期达标');
    expect(marked).toHaveLength(2);
    // 说明 after 差距 (col 9) and 需补足 (col 10); a room's own area short by 16 ㎡ has no total to add.
    expect(marked.every((r) => String(r[11].value).startsWith(`${TAG}达标`))).toBe(true);
    expect(marked[0][9].value).toBe(16);
    expect(marked[0][10].value).toBe('');
  });
});

describe('室内体育用房面积 (settings.indoorSportsToR5)', () => {
  const on = standardWithOverride(JSON.stringify({ settings: { indoorSportsToR5: true } }));
  // 1000 students: floor 5000 ㎡ (5.0), sports 7000 ㎡ (7.0), 600 ㎡ of indoor sports rooms inside the floor.
  const s = () => primary('甲小学', 1000, { floorArea: 5000, sportsArea: 7000, indoorSportsArea: 600 });

  it('off (the national default): nothing moves', () => {
    expect(std.settings.indoorSportsToR5).toBe(false);
    const r = run([s()], 2026).schools[0].indicators;
    expect(r.R4.value).toBeCloseTo(5, 9);
    expect(r.R5.value).toBeCloseTo(7, 9);
  });

  it('on: 600 ㎡ leave R4 (4.4, now short) and join R5 (7.6, now reached), said in the note', () => {
    const res = run([s()], 2026, on);
    const r = res.schools[0].indicators;
    expect(r.R4.value).toBeCloseTo(4.4, 9);
    expect(r.R4.pass).toBe(false);
    expect(r.R5.value).toBeCloseTo(7.6, 9);
    expect(r.R5.pass).toBe(true);
    const f = res.findings.find((x) => x.indicator === 'R4');
    expect(f?.message).toContain('已扣除室内体育用房面积 600 ㎡，计入体育运动场馆面积');
    // 差距 per student (4.5 − 4.4 ㎡), 需补足 the school's ㎡ (1000 × 0.1).
    expect(f?.gap).toBeCloseTo(0.1, 9);
    expect(f?.need).toEqual({ value: 100, unit: '㎡', decimals: 2 });
  });

  it('on, but a blank indoor cell: R4 and R5 are unknown (a data finding), never judged on a guess', () => {
    const res = run([primary('甲小学', 1000, { indoorSportsArea: null })], 2026, on);
    expect(res.schools[0].indicators.R4.value).toBeNull();
    expect(res.schools[0].indicators.R5.value).toBeNull();
    expect(res.findings.filter((f) => f.kind === 'data').map((f) => f.message)).toEqual(['「室内体育用房面积」未填写，无法计算 生均体育运动场馆面积（R5）']);
  });

  it('on, indoor larger than the floor area: a data finding, R4 and R5 unknown', () => {
    const res = run([primary('甲小学', 100, { floorArea: 450, indoorSportsArea: 500 })], 2026, on);
    expect(res.schools[0].indicators.R4.value).toBeNull();
    expect(res.schools[0].indicators.R5.value).toBeNull();
    expect(res.findings.some((f) => f.kind === 'data' && f.message.includes('大于「教学及辅助用房面积」'))).toBe(true);
  });
});

describe('G3 small rural school: the largest class from the class ledger when there is no 最大班额 column', () => {
  const village = () =>
    withFacts(school('村小', '小学', { students: 60, classes: 3, musicRooms: 1, musicRoomAreaEach: 54, artRooms: 1, artRoomAreaEach: 54 }), { ruralSmall: '是' });

  it('29 in the largest class row: relaxed; 30: not; a blank class row: not (unknown)', () => {
    const s1 = village();
    const r1 = runChecks(ledgers([s1], [cls('村小', 1, 20), cls('村小', 2, 29)]), std, { runYear: 2022 });
    expect(ofId(r1, 'G3')).toEqual([]);
    expect(r1.transitions?.[0].message).toContain('最大班额 29 人（不足 30 人，据班级台账）');
    expect(ofId(runChecks(ledgers([village()], [cls('村小', 1, 30)]), std, { runYear: 2022 }), 'G3')).toHaveLength(2);
    expect(ofId(runChecks(ledgers([village()], [cls('村小', 1, 20), cls('村小', 2, null)]), std, { runYear: 2022 }), 'G3')).toHaveLength(2);
  });
});
