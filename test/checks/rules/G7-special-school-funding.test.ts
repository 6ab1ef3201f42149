import { financeRow as row, financeSchool as school, run } from '../ledgers-grid';

describe('G7 特殊教育学校生均公用经费', () => {
  it('5999 元 fails, 6000 元 passes (公用经费 ÷ 在校生数)', () => {
    const r = run([school(row('县特殊教育学校', '特殊教育学校', 100, { budget: 59.99, training: 40000 }))]);
    expect(r.of('G7')[0]).toMatchObject({ kind: 'compliance', actual: 5999, required: 6000, gap: 1 });
    expect(r.item('G7').status).toBe('未达标');
    expect(run([school(row('县特殊教育学校', '特殊教育学校', 100, { budget: 60, training: 40000 }))]).item('G7').status).toBe('达标');
  });

  it('no special school: G7 does not apply', () => {
    expect(run([school(row('甲小学', '小学', 300))]).item('G7')).toMatchObject({ status: '达标', value: '不适用' });
  });
});
