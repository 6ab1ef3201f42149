import { nationalStandard } from '../../../src/standard';
import { runChecks } from '../../../src/checks';
import type { SchoolRecord } from '../../../src/ledger/types';
import { ledgers, primary } from '../builder';

const std = nationalStandard();

function run(...schools: SchoolRecord[]) {
  return runChecks(ledgers(schools), std);
}

describe('compliance findings', () => {
  it('R2: whole teachers', () => {
    const res = run(primary('甲', 1000, { backboneTeachers: 8 }));
    const f = res.findings.find((x) => x.indicator === 'R2')!;
    expect(f.need).toEqual({ value: 2, unit: '人', decimals: 0 });
    expect(f.gap).toBe(0.2); // per 100 students
    expect(f.actual).toBe(0.8);
    // 0.8 is 80 % of 1: below 85 %, so the school fails and no "仍达标" note is added
    expect(f.message).toBe('每百名学生拥有县级及以上骨干教师数 0.80 人，标准 ≥ 1 人，还需 2 名教师');
  });
});
