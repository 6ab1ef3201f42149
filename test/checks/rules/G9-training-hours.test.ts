import type { CellValue } from '../../../src/ledger/grid';
import { run, teacher, teacherSheet } from '../ledgers-grid';

const many = (n: number, school: string, over: Parameters<typeof teacher>[1] = {}, from = 0): CellValue[][] =>
  Array.from({ length: n }, (_, i) => teacher(school, over, from + i));

describe('G9 五年培训学时', () => {
  it('359 fails on the hours cell, 360 passes; the county rate is a county-level finding', () => {
    const r = run([teacherSheet([teacher('甲小学', { hours: 360 }), teacher('甲小学', { hours: 359 }, 1)])]);
    const row = r.of('G9').filter((f) => f.cell !== null);
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({ kind: 'compliance', sheet: '教师台账', cell: 'I3', actual: 359, required: 360, gap: 1, unit: { unit: '学时', decimals: 0 }, need: { value: 1, unit: '学时', decimals: 0 } });
    expect(row[0].message).toBe('教师“教师1”五年培训学时 359，标准 ≥ 360，还差 1 学时');
    const county = r.of('G9').filter((f) => f.cell === null);
    expect(county).toHaveLength(1);
    expect(county[0].message).toMatch(/完成率 50%（1\/2 人），标准 ≥ 100%/);
    expect(r.item('G9')).toMatchObject({ status: '未达标', failing: 1, value: 0.5 });
  });

  it('300 hours: "还差 60 学时"; all 360 → 达标', () => {
    expect(run([teacherSheet([teacher('甲', { hours: 300 })])]).of('G9')[0].message).toMatch(/五年培训学时 300，标准 ≥ 360，还差 60 学时/);
    expect(run([teacherSheet(many(5, '甲', { hours: 360 }))]).item('G9').status).toBe('达标');
  });

  it('no teacher ledger → 数据不全, never a pass', () => {
    expect(run([]).item('G9')).toMatchObject({ status: '数据不全', failing: 0 });
  });
});
