import { run, teacher, teacherSheet } from '../ledgers-grid';

describe('G12 持证上岗', () => {
  it('a 专任 teacher with 无 fails on the certificate cell; a number counts; 兼任 without one is not checked', () => {
    const r = run([teacherSheet([teacher('甲', { cert: '20151405000123' }), teacher('甲', { cert: '无' }, 1), teacher('甲', { cert: '无', fullTime: '否' }, 2)])]);
    const f = r.of('G12').filter((x) => x.cell !== null);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'compliance', cell: 'H3', actual: '无' });
    expect(r.item('G12')).toMatchObject({ status: '未达标', failing: 1, value: 0.5 });
  });
});
