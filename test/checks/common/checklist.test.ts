import type { CellValue } from '../../../src/ledger/grid';
import { run, sheet } from '../ledgers-grid';

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
