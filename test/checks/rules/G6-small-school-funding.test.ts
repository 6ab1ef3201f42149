import { financeRow as row, financeSchool as school, run } from '../ledgers-grid';

describe('G6 不足100名学生按100名核定公用经费', () => {
  it('99 students: budget must reach 100 × 定额; 100 students are not judged by G6', () => {
    const r = run([school(row('甲教学点', '教学点', 99, { budget: 6.2, training: 4000 }))]);
    const f = r.of('G6');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'compliance', cell: 'D2', actual: 62000, required: 65000, gap: 3000, need: { value: 3000, unit: '元', decimals: 0 } });
    expect(f[0].message).toBe('在校生 99 人（不足 100 人，应按 100 人核定），公用经费 62000 元，应不低于 100 × 650 元 = 65000 元，还差 3000 元');
    expect(r.item('G6').status).toBe('未达标');
    const ok = run([school(row('甲教学点', '教学点', 100, { budget: 6.2, training: 4000 }))]);
    expect(ok.of('G6')).toEqual([]);
    expect(ok.item('G6').status).toBe('达标');
    expect(run([school(row('甲教学点', '教学点', 99, { budget: 6.5, training: 4000 }))]).item('G6').status).toBe('达标');
  });
});
