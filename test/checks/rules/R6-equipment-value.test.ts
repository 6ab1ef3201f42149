import { nationalStandard } from '../../../src/standard';
import { runChecks } from '../../../src/checks';
import type { SchoolRecord } from '../../../src/ledger/types';
import { ledgers, primary } from '../builder';

const std = nationalStandard();

function run(...schools: SchoolRecord[]) {
  return runChecks(ledgers(schools), std);
}

describe('compliance findings', () => {
  it('R6 in 元 (precision 0) and R7 whole rooms', () => {
    const res = run(primary('甲', 300, { equipmentValue: 450000, multimediaRooms: 5 }));
    const r6 = res.findings.find((x) => x.indicator === 'R6')!;
    expect(r6.message).toBe('生均教学仪器设备值 1500 元，标准 ≥ 2000 元，还差 150000 元');
    expect(r6.need).toEqual({ value: 150000, unit: '元', decimals: 0 });
    expect(r6.gap).toBe(500); // per student: 2000 − 1500
    expect(r6.unit).toEqual({ unit: '元', decimals: 0 });
    const r7 = res.findings.find((x) => x.indicator === 'R7')!;
    expect(r7.need).toEqual({ value: 2, unit: '间', decimals: 0 }); // 6.9 rooms needed → 2 more
    expect(r7.gap).toBe(0.64); // per 100 students: 2.3 − 1.666… rounded up to 0.01
    expect(r7.message).toBe('每百名学生拥有网络多媒体教室数 1.67 间，标准 ≥ 2.3 间，还需 2 间');
  });
});
