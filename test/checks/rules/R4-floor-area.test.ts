import { nationalStandard } from '../../../src/standard';
import { runChecks } from '../../../src/checks';
import { cellAddress } from '../../../src/ledger/grid';
import type { SchoolRecord } from '../../../src/ledger/types';
import { colOf, ledgers, primary, SHEET } from '../builder';

const std = nationalStandard();

function run(...schools: SchoolRecord[]) {
  return runChecks(ledgers(schools), std);
}

describe('compliance findings', () => {
  it('R4: value, threshold, per-student gap in ㎡, the school\'s ㎡ to add, cell, departments', () => {
    const s = primary('城关小学', 37, { floorArea: 136.9 });
    const res = run(s);
    const f = res.findings.find((x) => x.indicator === 'R4')!;
    expect(f).toEqual({
      kind: 'compliance',
      indicator: 'R4',
      sheet: SHEET,
      cell: cellAddress(s.row, colOf('floorArea', 'all')),
      school: '城关小学',
      stage: '小学',
      actual: 3.7,
      required: 4.5,
      gap: 0.8,
      unit: { unit: '㎡', decimals: 2 },
      need: { value: 29.6, unit: '㎡', decimals: 2 },
      message: '生均教学及辅助用房面积 3.70 ㎡，标准 ≥ 4.5 ㎡，还差 29.6 ㎡',
      departments: std.indicators.R4.departments,
    });
    expect(res.schools[0].indicators.R4.ref).toEqual({ sheet: SHEET, row: s.row, col: colOf('floorArea', 'all') });
  });
});
