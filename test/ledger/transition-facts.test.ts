/**
 * The school facts of the 《规程》 transition rules and the 室内体育用房 setting, as counties head their columns:
 * read from a school ledger (a date cell for 建校时间 kept as yyyy-mm-dd) and from a one-school form, and through
 * to a verdict of the checks.
 */
import { runChecks } from '../../src/checks';
import { readLedgers } from '../../src/ledger';
import { grid, STD } from './helpers';

const HEADER = [
  '学校名称', '学校类型', '在校生数', '班级数', '音乐专用教室间数', '音乐教室每间面积', '美术专用教室间数', '美术教室每间面积',
  '建校时间', '是否乡村小规模学校', '最大班额', '进城务工人员随迁子女数', '是否中心城区学校', '走教/兼职体艺教师数',
  '租赁/改造运动场地面积（㎡）', '室内体育用房面积（㎡）',
];

describe('the 规程 facts in a school ledger', () => {
  const values = [
    HEADER,
    ['城关小学', '小学', 2300, 40, 4, 80, 4, 90, new Date(Date.UTC(2008, 8, 1)), '否', 45, 600, '是', 0, 1200, 300],
    ['村小', '小学', 80, 6, 1, 54, 1, 54, '2018年', '是', 25, 0, '否', 1, '', ''],
  ];
  const set = readLedgers([grid(values, [], { name: '学校台账' })], STD);

  it('maps every column', () => {
    expect(set.ledgers[0].columns).toMatchObject({
      builtYear: 'I', ruralSmall: 'J', maxClassSize: 'K', migrantStudents: 'L', cityCentre: 'M', itinerantPeArtTeachers: 'N',
      leasedSportsArea: 'O', indoorSportsArea: 'P',
    });
    const [a, b] = set.schools;
    expect(a.attributes?.builtYear?.text).toBe('2008-09-01');
    expect(b.attributes?.builtYear?.text).toBe('2018年');
    expect(a.attributes?.cityCentre?.text).toBe('是');
    expect(b.attributes?.ruralSmall?.text).toBe('是');
    expect(b.quantities.maxClassSize?.all?.value).toBe(25);
    expect(a.quantities.migrantStudents?.all?.value).toBe(600);
    expect(a.quantities.leasedSportsArea?.all?.value).toBe(1200);
    expect(a.quantities.indoorSportsArea?.all?.value).toBe(300);
    expect(b.quantities.itinerantPeArtTeachers?.all?.value).toBe(1);
  });

  it('a date-formatted serial number reads as its date', () => {
    const serial = readLedgers(
      [grid([HEADER.slice(0, 3).concat('建校时间'), ['甲小学', '小学', 300, 39692]], [], { name: '学校台账', formats: [[null, null, null, null], [null, null, null, 'yyyy-mm-dd']] })],
      STD,
    );
    expect(serial.schools[0].attributes?.builtYear?.text).toBe('2008-09-01');
  });

  it('drives the verdicts in a 规程 year: G3 and G4 by the 2008 building, G3 by the small rural school', () => {
    const r = runChecks(set, STD, { runYear: 2021 });
    expect(r.findings.filter((f) => f.indicator === 'G4' || f.indicator === 'G3')).toEqual([]);
    expect(r.transitions?.map((t) => `${t.indicator} ${t.school}`)).toEqual(['G3 城关小学', 'G4 城关小学', 'G3 村小', 'G3 村小']);
    const later = runChecks(set, STD, { runYear: 2024 });
    expect(later.findings.filter((f) => f.indicator === 'G4').map((f) => f.school)).toEqual(['城关小学']);
    expect(later.findings.filter((f) => f.indicator === 'G3').map((f) => f.school)).toEqual(['城关小学', '村小', '村小']);
  });
});

describe('the 规程 facts in a one-school form (学校填报表)', () => {
  const form = grid(
    [
      ['村小办学条件填报表'],
      ['序号', '类别', '填报项目', '单位', '填报值', '是否必填', '备注说明'],
      [1, '基本信息', '学校名称', '', '西沟村小学', '是', ''],
      [2, '基本信息', '学校类型', '', '小学', '是', ''],
      [3, '学生', '小学学生人数', '人', 80, '是', ''],
      [4, '基本信息', '建校时间', '', new Date(Date.UTC(2005, 8, 1)), '否', ''],
      [5, '基本信息', '是否乡村小规模学校', '', '是', '否', ''],
      [6, '班级', '最大班额', '人', 22, '否', ''],
      [7, '教师', '走教/兼职体艺教师数', '人', 1, '否', ''],
    ],
    ['A1:G1'],
    { name: '西沟村小' },
  );

  it('reads each fact of the form', () => {
    const s = readLedgers([form], STD).schools[0];
    expect(s.name).toBe('西沟村小学');
    expect(s.attributes?.builtYear?.text).toBe('2005-09-01');
    expect(s.attributes?.ruralSmall?.text).toBe('是');
    expect(s.quantities.maxClassSize?.all?.value).toBe(22);
    expect(s.quantities.itinerantPeArtTeachers?.all?.value).toBe(1);
  });
});
