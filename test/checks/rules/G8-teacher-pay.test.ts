import { countySheet as county, run } from '../ledgers-grid';

describe('county figures sheet', () => {
  it('G8: teacher pay below civil servants fails; equal passes; 绩效 否 fails', () => {
    const fail = run([county([['教师平均工资收入（元）', 96500], ['公务员平均工资收入（元）', 98000], ['绩效工资足额核定', '是']])]);
    expect(fail.of('G8')[0]).toMatchObject({
      kind: 'compliance', cell: 'B3', actual: 0.9847, required: 1, gap: 0.0153,
      unit: { unit: '倍', decimals: 3 }, need: { value: 1500, unit: '元', decimals: 0 },
    });
    expect(fail.item('G8').status).toBe('未达标');
    const ok = run([county([['教师平均工资收入（万元）', 9.8], ['公务员平均工资收入（元）', 98000], ['绩效工资足额核定', '是']])]);
    expect(ok.item('G8').status).toBe('达标');
    const perf = run([county([['教师平均工资收入', 98000], ['公务员平均工资收入', 98000], ['绩效工资足额核定', '否']])]);
    expect(perf.item('G8').status).toBe('未达标');
    // Without the 绩效 figure, the checklist half is open.
    expect(run([county([['教师平均工资收入', 98000], ['公务员平均工资收入', 98000]])]).item('G8').status).toBe('待核实');
  });
});
