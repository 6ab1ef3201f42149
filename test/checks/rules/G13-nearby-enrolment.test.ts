import { financeRow as row, financeSchool as school, run } from '../ledgers-grid';

describe('G13 就近划片入学比例 (城区、镇区, not boarding)', () => {
  it('初中 94.9 % fails, 95 % passes', () => {
    expect(run([school(row('城关中学', '初中', 900, { locale: '城区', nearby: '94.9%' }))]).of('G13')[0]).toMatchObject({ kind: 'compliance', cell: 'I2', stage: '初中' });
    expect(run([school(row('城关中学', '初中', 900, { locale: '城区', nearby: '95%' }))]).item('G13').status).toBe('达标');
  });

  it('小学 99.9 % fails, 100 % passes', () => {
    expect(run([school(row('城关小学', '小学', 900, { locale: '镇区', nearby: 0.999 }))]).item('G13').status).toBe('未达标');
    expect(run([school(row('城关小学', '小学', 900, { locale: '镇区', nearby: 100 }))]).item('G13').status).toBe('达标');
  });

  it('乡村 and boarding schools are not judged; a bare 1 is ambiguous', () => {
    expect(run([school(row('村小', '小学', 90, { locale: '乡村', nearby: 0.5 }))]).of('G13')).toEqual([]);
    expect(run([school(row('镇中', '初中', 900, { locale: '镇区', boarding: '是', nearby: 0.5 }))]).of('G13')).toEqual([]);
    const amb = run([school(row('城关小学', '小学', 900, { locale: '城区', nearby: 1 }))]);
    expect(amb.of('G13').map((f) => f.kind)).toEqual(['data']);
    expect(amb.of('G13')[0].message).toMatch(/无法判断是 1% 还是 100%/);
    expect(amb.item('G13').status).toBe('数据不全');
  });
});
