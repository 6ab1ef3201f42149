import { nationalStandard } from '../../../src/standard';
import { runChecks } from '../../../src/checks';
import { cellAddress } from '../../../src/ledger/grid';
import type { ClassRecord, SchoolRecord } from '../../../src/ledger/types';
import { colOf, ledgers, school, SHEET } from '../builder';

const std = nationalStandard();
const run = (schools: SchoolRecord[], classes: ClassRecord[] = []) => runChecks(ledgers(schools, classes), std);
const ofId = (res: ReturnType<typeof run>, id: string) => res.findings.filter((f) => f.indicator === id);

describe('G4 学校规模', () => {
  it('小学 2000 passes, 2001 fails on the students cell', () => {
    expect(ofId(run([school('甲', '小学', { students: 2000 })]), 'G4')).toEqual([]);
    const s = school('甲', '小学', { students: 2001 });
    const f = ofId(run([s]), 'G4');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      kind: 'compliance',
      sheet: SHEET,
      cell: cellAddress(s.row, colOf('students', 'all')),
      actual: 2001,
      required: 2000,
      gap: 1,
      message: '学校规模：在校生 2001 人，标准 ≤ 2000 人，超出 1 人',
    });
  });

  it('九年一贯制: 2500 passes, 2501 fails (小学 + 初中)', () => {
    expect(ofId(run([school('九', '九年一贯制', { students: { 小学: 1500, 初中: 1000 } })]), 'G4')).toEqual([]);
    const f = ofId(run([school('九', '九年一贯制', { students: { 小学: 1500, 初中: 1001 } })]), 'G4');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ actual: 2501, required: 2500, gap: 1 });
    expect(f[0].message).toBe('学校规模：九年一贯制学校义务教育阶段在校生 2501 人，标准 ≤ 2500 人，超出 1 人');
  });

  it('十二年一贯制 counts 小学 + 初中, never 高中', () => {
    expect(ofId(run([school('十二', '十二年一贯制', { students: { 小学: 1500, 初中: 1000, 高中: 900 } })]), 'G4')).toEqual([]);
    expect(ofId(run([school('十二', '十二年一贯制', { students: { all: 3401, 高中: 900 } })]), 'G4')).toHaveLength(1);
  });

  it('完全中学 uses the 初中 limit on its 初中 students', () => {
    expect(ofId(run([school('一中', '完全中学', { students: { 初中: 2000, 高中: 1500 } })]), 'G4')).toEqual([]);
    expect(ofId(run([school('一中', '完全中学', { students: { 初中: 2001, 高中: 1500 } })]), 'G4')).toHaveLength(1);
  });
});
