import { nationalStandard, standardWithOverride } from '../../src/standard';
import { runChecks } from '../../src/checks';
import { cellAddress } from '../../src/ledger/grid';
import type { ClassRecord, SchoolRecord } from '../../src/ledger/types';
import { CLASS_SHEET, cls, colOf, ledgers, school, SHEET } from './builder';

const std = nationalStandard();
const run = (schools: SchoolRecord[], classes: ClassRecord[] = []) => runChecks(ledgers(schools, classes), std);
const ofId = (res: ReturnType<typeof run>, id: string) => res.findings.filter((f) => f.indicator === id);

describe('G5 班额', () => {
  it('小学 45 passes, 46 fails with the finding on the students cell', () => {
    const ok = cls('甲小学', 3, 45);
    const bad = cls('甲小学', 3, 46, '三年级2班');
    const res = run([], [ok, bad]);
    const f = ofId(res, 'G5');
    expect(f).toHaveLength(1);
    expect(f[0]).toEqual({
      kind: 'compliance',
      indicator: 'G5',
      sheet: CLASS_SHEET,
      cell: cellAddress(bad.row, 4),
      school: '甲小学',
      stage: '小学',
      actual: 46,
      required: 45,
      gap: 1,
      message: '班额 46 人，标准 ≤ 45 人，超出 1 人',
      departments: std.indicators.G5.departments,
    });
  });

  it('初中 50 passes, 51 fails', () => {
    const res = run([], [cls('乙中学', 7, 50), cls('乙中学', 9, 51)]);
    const f = ofId(res, 'G5');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ stage: '初中', actual: 51, required: 50, gap: 1 });
  });

  it('高中 classes are not checked', () => {
    expect(run([], [cls('一中', 10, 70)]).findings).toEqual([]);
  });

  it('no grade: the 学段 comes from a single-学段 school type, and the row is filled in', () => {
    const c = cls('甲小学', null, 46);
    const res = run([school('甲小学', '小学', { students: 100 })], [c]);
    expect(c.stage).toBe('小学');
    expect(ofId(res, 'G5').filter((f) => f.kind === 'compliance')).toHaveLength(1);
  });

  it('no grade and a multi-学段 or unknown school → data finding', () => {
    const res = run([school('九年制', '九年一贯制', { students: { 小学: 1, 初中: 1 } })], [cls('九年制', null, 40), cls('无名', null, 40)]);
    const d = ofId(res, 'G5').filter((f) => f.kind === 'data');
    expect(d).toHaveLength(2);
    expect(d[0].message).toContain('无法确定班级');
  });

  it('blank class size → data finding; unreadable → none', () => {
    const res = run([], [cls('甲', 2, null), cls('甲', 2, 'x')]);
    const d = ofId(res, 'G5');
    expect(d).toHaveLength(1);
    expect(d[0].kind).toBe('data');
    expect(d[0].message).toContain('「班级人数」未填写');
  });

  it('limits come from the standard', () => {
    const local = standardWithOverride('{"indicators":{"G5":{"thresholds":{"小学":40}}}}');
    expect(runChecks(ledgers([], [cls('甲', 3, 41)]), local).findings).toHaveLength(1);
  });
});

describe('G4 学校规模', () => {
  it('小学 2000 passes, 2001 fails on the students cell', () => {
    expect(ofId(run([school('甲', '小学', { students: 2000 })]), 'G4')).toEqual([]);
    const s = school('甲', '小学', { students: 2001 });
    const f = ofId(run([s]), 'G4');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      kind: 'compliance',
      sheet: SHEET,
      cell: cellAddress(s.row, colOf('students', 'all')),
      actual: 2001,
      required: 2000,
      gap: 1,
      message: '学校规模：在校生 2001 人，标准 ≤ 2000 人，超出 1 人',
    });
  });

  it('九年一贯制: 2500 passes, 2501 fails (小学 + 初中)', () => {
    expect(ofId(run([school('九', '九年一贯制', { students: { 小学: 1500, 初中: 1000 } })]), 'G4')).toEqual([]);
    const f = ofId(run([school('九', '九年一贯制', { students: { 小学: 1500, 初中: 1001 } })]), 'G4');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ actual: 2501, required: 2500, gap: 1 });
    expect(f[0].message).toBe('学校规模：九年一贯制学校义务教育阶段在校生 2501 人，标准 ≤ 2500 人，超出 1 人');
  });

  it('十二年一贯制 counts 小学 + 初中, never 高中', () => {
    expect(ofId(run([school('十二', '十二年一贯制', { students: { 小学: 1500, 初中: 1000, 高中: 900 } })]), 'G4')).toEqual([]);
    expect(ofId(run([school('十二', '十二年一贯制', { students: { all: 3401, 高中: 900 } })]), 'G4')).toHaveLength(1);
  });

  it('完全中学 uses the 初中 limit on its 初中 students', () => {
    expect(ofId(run([school('一中', '完全中学', { students: { 初中: 2000, 高中: 1500 } })]), 'G4')).toEqual([]);
    expect(ofId(run([school('一中', '完全中学', { students: { 初中: 2001, 高中: 1500 } })]), 'G4')).toHaveLength(1);
  });
});

describe('G3 音乐、美术专用教室', () => {
  const g3 = (classes: number, rooms: number, area: number) =>
    school('甲', '小学', { students: 500, classes, musicRooms: rooms, musicRoomArea: area, artRooms: 5, artRoomArea: 450 });

  it('12 classes need 1 room, 13 classes need 2', () => {
    expect(ofId(run([g3(12, 1, 96)]), 'G3')).toEqual([]);
    const s = g3(13, 1, 96);
    const f = ofId(run([s]), 'G3');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      cell: cellAddress(s.row, colOf('musicRooms', 'all')),
      actual: 1,
      required: 2,
      gap: 1,
      message: '音乐专用教室 1 间，按 13 个班级（每 12 个班 1 间）应至少 2 间，还需 1 间',
      departments: std.indicators.G3.departments,
    });
  });

  it('room area: 96 passes, 95.9 fails on the area cell', () => {
    expect(ofId(run([g3(12, 1, 96)]), 'G3')).toEqual([]);
    const s = g3(12, 1, 95.9);
    const f = ofId(run([s]), 'G3');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: cellAddress(s.row, colOf('musicRoomArea', 'all')), actual: 95.9, required: 96, gap: 0.1 });
    expect(f[0].message).toBe('音乐教室间均面积 95.9 ㎡（1 间共 95.9 ㎡），标准每间 ≥ 96 ㎡，还差 0.1 ㎡');
  });

  it('per-room area column; 美术 limit 90', () => {
    const s = school('甲', '小学', { classes: 6, musicRooms: 1, musicRoomAreaEach: 100, artRooms: 1, artRoomAreaEach: 89.5 });
    const f = ofId(run([s]), 'G3');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: cellAddress(s.row, colOf('artRoomAreaEach', 'all')), actual: 89.5, required: 90, gap: 0.5 });
  });

  it('0 classes: no room requirement; blank classes → data finding', () => {
    expect(run([school('甲', '小学', { classes: 0, musicRooms: 0, artRooms: 0 })]).findings).toEqual([]);
    const d = run([school('甲', '小学', { classes: null, musicRooms: 1, artRooms: 1 })]).findings;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ kind: 'data', indicator: 'G3' });
  });

  it('a blank 学段 column the school does not have counts as nothing; a blank one it has is missing', () => {
    const s = school('甲', '小学', { students: 500, classes: { 小学: 13, 初中: null, 高中: null }, musicRooms: 1, musicRoomArea: 96, artRooms: 2, artRoomArea: 180 });
    const f = run([s]).findings.filter((x) => x.indicator === 'G3');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'compliance', required: 2, cell: cellAddress(s.row, colOf('musicRooms', 'all')) });
    const j = school('乙', '九年一贯制', { classes: { 小学: 12, 初中: null }, musicRooms: 2, artRooms: 2 });
    expect(run([j]).findings.filter((x) => x.indicator === 'G3').map((x) => x.kind)).toEqual(['data']);
  });

  it('特殊教育学校 is not checked', () => {
    expect(run([school('特校', '特殊教育学校', { classes: 30, musicRooms: 0, artRooms: 0, students: 3000 })]).findings).toEqual([]);
  });
});
