import { financeRow as row, financeSchool as school, run } from '../ledgers-grid';

describe('Q3 章程', () => {
  it('无 fails on the cell; 有 passes; blank is a data finding', () => {
    expect(run([school(row('甲小学', '小学', 300, { charter: '无' }))]).of('Q3')[0]).toMatchObject({ kind: 'compliance', cell: 'J2' });
    expect(run([school(row('甲小学', '小学', 300, { charter: '有' }))]).item('Q3').status).toBe('达标');
    expect(run([school(row('甲小学', '小学', 300, { charter: '' }))]).item('Q3').status).toBe('数据不全');
  });
});
