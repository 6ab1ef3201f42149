import { nationalStandard, standardWithOverride } from '../../../src/standard';
import { runChecks } from '../../../src/checks';
import { cellAddress } from '../../../src/ledger/grid';
import type { ClassRecord, SchoolRecord } from '../../../src/ledger/types';
import { CLASS_SHEET, cls, ledgers, school } from '../builder';

const std = nationalStandard();
const run = (schools: SchoolRecord[], classes: ClassRecord[] = []) => runChecks(ledgers(schools, classes), std);
const ofId = (res: ReturnType<typeof run>, id: string) => res.findings.filter((f) => f.indicator === id);

describe('G5 班额', () => {
  it('小学 45 passes, 46 fails with the finding on the students cell', () => {
    const ok = cls('甲小学', 3, 45);
    const bad = cls('甲小学', 3, 46, '三年级2班');
    const res = run([], [ok, bad]);
    const f = ofId(res, 'G5');
    expect(f).toHaveLength(1);
    expect(f[0]).toEqual({
      kind: 'compliance',
      indicator: 'G5',
      sheet: CLASS_SHEET,
      cell: cellAddress(bad.row, 4),
      school: '甲小学',
      stage: '小学',
      actual: 46,
      required: 45,
      gap: 1,
      unit: { unit: '人', decimals: 0 },
      message: '班额 46 人，标准 ≤ 45 人，超出 1 人',
      departments: std.indicators.G5.departments,
    });
  });

  it('初中 50 passes, 51 fails', () => {
    const res = run([], [cls('乙中学', 7, 50), cls('乙中学', 9, 51)]);
    const f = ofId(res, 'G5');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ stage: '初中', actual: 51, required: 50, gap: 1 });
  });

  it('高中 classes are not checked', () => {
    expect(run([], [cls('一中', 10, 70)]).findings).toEqual([]);
  });

  it('no grade: the 学段 comes from a single-学段 school type, and the row is filled in', () => {
    const c = cls('甲小学', null, 46);
    const res = run([school('甲小学', '小学', { students: 100 })], [c]);
    expect(c.stage).toBe('小学');
    expect(ofId(res, 'G5').filter((f) => f.kind === 'compliance')).toHaveLength(1);
  });

  it('no grade and a multi-学段 or unknown school → data finding', () => {
    const res = run([school('九年制', '九年一贯制', { students: { 小学: 1, 初中: 1 } })], [cls('九年制', null, 40), cls('无名', null, 40)]);
    const d = ofId(res, 'G5').filter((f) => f.kind === 'data');
    expect(d).toHaveLength(2);
    expect(d[0].message).toContain('无法确定班级');
  });

  it('blank class size → data finding; unreadable → none', () => {
    const res = run([], [cls('甲', 2, null), cls('甲', 2, 'x')]);
    const d = ofId(res, 'G5');
    expect(d).toHaveLength(1);
    expect(d[0].kind).toBe('data');
    expect(d[0].message).toContain('「班级人数」未填写');
  });

  it('limits come from the standard', () => {
    const local = standardWithOverride('{"indicators":{"G5":{"thresholds":{"小学":40}}}}');
    expect(runChecks(ledgers([], [cls('甲', 3, 41)]), local).findings).toHaveLength(1);
  });
});
