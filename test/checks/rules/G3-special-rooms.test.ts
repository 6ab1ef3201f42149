import { nationalStandard } from '../../../src/standard';
import { runChecks } from '../../../src/checks';
import { cellAddress } from '../../../src/ledger/grid';
import type { ClassRecord, SchoolRecord } from '../../../src/ledger/types';
import { colOf, ledgers, school } from '../builder';

const std = nationalStandard();
const run = (schools: SchoolRecord[], classes: ClassRecord[] = []) => runChecks(ledgers(schools, classes), std);
const ofId = (res: ReturnType<typeof run>, id: string) => res.findings.filter((f) => f.indicator === id);

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
