import { financeRow as row, financeSchool as school, run } from '../ledgers-grid';

describe('Q4 教师培训经费 ≥ 5 % 公用经费', () => {
  it('4.9 % fails on the training cell, 5 % passes', () => {
    const r = run([school(row('甲小学', '小学', 300, { budget: 100, training: 49000 }))]);
    // 实际值 / 标准值 / 差距 are shares; the 1000 元 to add is 需补足.
    expect(r.of('Q4')[0]).toMatchObject({ kind: 'compliance', cell: 'F2', actual: 0.049, required: 0.05, gap: 0.001, need: { value: 1000, unit: '元', decimals: 0 } });
    expect(r.of('Q4')[0].unit).toEqual({ unit: '%', decimals: 1 }); // the indicator's own
    expect(r.of('Q4')[0].message).toMatch(/占公用经费（1000000 元）的 4.9%，标准 ≥ 5%，还差 1000 元/);
    expect(run([school(row('甲小学', '小学', 300, { budget: 100, training: 50000 }))]).of('Q4')).toEqual([]);
  });
});
