import type { CellValue } from '../../src/ledger/grid';
import { readPercent } from '../../src/ledger';
import { run, sheet } from './ledgers-grid';

const county = (rows: [string, CellValue, string?][], layout: 'plain' | 'unit' = 'plain') =>
  sheet('县级数据', [
    ['示例县县级数据'],
    layout === 'plain' ? ['指标', '数值', '说明'] : ['指标', '单位', '数值'],
    ...rows.map(([l, v, n]) => (layout === 'plain' ? [l, v, n ?? null] : [l, typeof v === 'number' && v > 100 ? '元' : '%', v])),
  ]);

describe('percent parsing', () => {
  it('96%, "96%", 0.96, 96 are all 0.96; 1 is ambiguous; over 100 % is an error', () => {
    expect(readPercent('96%')).toEqual({ value: 0.96 });
    expect(readPercent('96 ％')).toEqual({ value: 0.96 });
    expect(readPercent(0.96, '0%')).toEqual({ value: 0.96 });
    expect(readPercent(0.96)).toEqual({ value: 0.96 });
    expect(readPercent(96)).toEqual({ value: 0.96 });
    expect(readPercent('96')).toEqual({ value: 0.96 });
    expect(readPercent(1)).toEqual({ ambiguous: 1 });
    expect(readPercent('1.0')).toEqual({ ambiguous: 1 });
    expect(readPercent(1, '0%')).toEqual({ value: 1 });
    expect(readPercent('100%')).toEqual({ value: 1 });
    expect(readPercent(120)).toHaveProperty('error');
    expect(readPercent('暂无')).toHaveProperty('error');
    expect(readPercent('')).toEqual({ blank: true });
  });
});

describe('county figures sheet', () => {
  it('is recognised by item names (指标 | 数值 | 说明 or 指标 | 单位 | 数值)', () => {
    for (const layout of ['plain', 'unit'] as const) {
      const r = run([county([['初中三年巩固率', 96], ['残疾儿童少年入学率', '95%']], layout)]);
      expect(r.ledgers.county?.figures.retention?.value).toBe(0.96);
      expect(r.ledgers.county?.figures.disabledEnrolment?.value).toBe(0.95);
      expect(r.ledgers.ledgers.map((l) => l.kind)).toEqual(['county']);
    }
  });

  it('Q1 94.9 % fails on the value cell, 95 % passes', () => {
    const r = run([county([['初中三年巩固率', '94.9%'], ['残疾儿童少年入学率', 0.97]])]);
    expect(r.of('Q1')[0]).toMatchObject({ kind: 'compliance', sheet: '县级数据', cell: 'B3' });
    expect(r.item('Q1').status).toBe('未达标');
    expect(run([county([['初中三年巩固率', '95%'], ['残疾儿童少年入学率', 0.97]])]).item('Q1').status).toBe('达标');
  });

  it('an ambiguous 1 is a data finding and the item is 数据不全', () => {
    const r = run([county([['初中三年巩固率', 96], ['残疾儿童少年入学率', 1]])]);
    expect(r.of('Q2')).toEqual([expect.objectContaining({ kind: 'data', cell: 'B4' })]);
    expect(r.item('Q2').status).toBe('数据不全');
  });

  it('G8: teacher pay below civil servants fails; equal passes; 绩效 否 fails', () => {
    const fail = run([county([['教师平均工资收入（元）', 96500], ['公务员平均工资收入（元）', 98000], ['绩效工资足额核定', '是']])]);
    expect(fail.of('G8')[0]).toMatchObject({ kind: 'compliance', cell: 'B3', gap: 1500 });
    expect(fail.item('G8').status).toBe('未达标');
    const ok = run([county([['教师平均工资收入（万元）', 9.8], ['公务员平均工资收入（元）', 98000], ['绩效工资足额核定', '是']])]);
    expect(ok.item('G8').status).toBe('达标');
    const perf = run([county([['教师平均工资收入', 98000], ['公务员平均工资收入', 98000], ['绩效工资足额核定', '否']])]);
    expect(perf.item('G8').status).toBe('未达标');
    // Without the 绩效 figure, the checklist half is open.
    expect(run([county([['教师平均工资收入', 98000], ['公务员平均工资收入', 98000]])]).item('G8').status).toBe('待核实');
  });

  it('G14 and G15 (G15 also needs its checklist half)', () => {
    const r = run([county([['优质高中招生名额分配比例', '49.9%'], ['随迁子女在公办学校和政府购买服务的民办学校就读比例', '85%']])]);
    expect(r.item('G14').status).toBe('未达标');
    expect(r.item('G15').status).toBe('待核实');
    expect(run([county([['优质高中招生名额分配比例', '50%'], ['随迁子女就读比例', '84.9%']])]).item('G15').status).toBe('未达标');
  });

  it('Q9: Ⅲ级 and 0.149 pass; 0.15 fails (must stay below); Ⅱ级 fails; 是 counts as Ⅲ级以上', () => {
    expect(run([county([['学业水平', 'Ⅲ级'], ['校际差异率', 0.149]])]).item('Q9').status).toBe('达标');
    expect(run([county([['学业水平', 'Ⅲ级'], ['校际差异率', 0.15]])]).item('Q9').status).toBe('未达标');
    expect(run([county([['学业水平', 'Ⅱ级'], ['校际差异率', 0.1]])]).item('Q9').status).toBe('未达标');
    expect(run([county([['学业水平是否达到Ⅲ级以上', '是'], ['校际差异率', '12%']])]).item('Q9').status).toBe('达标');
  });

  it('S1 from a percentage or a tally ((满意 + 基本满意) ÷ 调查人数); 84.9 % fails, 85 % passes', () => {
    expect(run([county([['社会认可度', '84.9%'], ['初中三年巩固率', 96]])]).item('S1').status).toBe('未达标');
    expect(run([county([['满意度', 0.85], ['初中三年巩固率', 96]])]).item('S1').status).toBe('达标');
    const tally = run([county([['调查人数', 2000], ['满意人数', 1320], ['基本满意人数', 380], ['不满意人数', 300]])]);
    expect(tally.item('S1')).toMatchObject({ status: '达标', value: 0.85 });
    const short = run([county([['满意人数', 1319], ['基本满意人数', 380], ['不满意人数', 301]])]);
    expect(short.item('S1').status).toBe('未达标');
  });

  it('no county sheet: the county items are 数据不全, not passes', () => {
    const r = run([]);
    for (const id of ['G14', 'Q1', 'Q2', 'Q9', 'S1']) expect(r.item(id).status).toBe('数据不全');
  });
});

describe('核查清单 answers read back', () => {
  const checklist = (rows: CellValue[][]) =>
    sheet('核查清单', [['核查清单'], ['说明'], ['编号', '指标', '内容', '状态', '佐证材料', '备注'], ...rows]);

  it('keeps the user answers: 达标 / 未达标 (a finding on the 状态 cell) / 待核实 stays open', () => {
    const r = run([checklist([['G1', 'x', 'y', '达标', '布局规划文件', ''], ['G2', 'x', 'y', '未达标', '', '标准未出台'], ['G10', 'x', 'y', '待核实', '', ''], ['Q5', 'x', 'y', '', '', '']])]);
    expect(r.ledgers.ledgers.map((l) => l.kind)).toEqual(['checklist']);
    expect(r.ledgers.checklist.map((a) => `${a.id}:${a.status}`)).toEqual(['G1:达标', 'G2:未达标', 'G10:待核实', 'Q5:待核实']);
    expect(r.item('G1').status).toBe('达标');
    expect(r.item('G2').status).toBe('未达标');
    expect(r.of('G2')[0]).toMatchObject({ kind: 'compliance', sheet: '核查清单', cell: 'D5' });
    expect(r.item('G10').status).toBe('待核实');
    expect(r.item('Q6').status).toBe('待核实');
    const line = r.result.checklist.find((l) => l.id === 'G1');
    expect(line).toMatchObject({ status: '达标', evidence: '布局规划文件', answered: true });
  });

  it('an unreadable 状态 is a data finding and stays 待核实', () => {
    const r = run([checklist([['G1', 'x', 'y', '差不多', '', '']])]);
    expect(r.item('G1').status).toBe('待核实');
    expect(r.findings.filter((f) => f.kind === 'data' && f.cell === 'D4')).toHaveLength(1);
  });
});
