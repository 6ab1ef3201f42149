import { deriveClassStages, stageOfGrade } from '../../../src/checks/derive/class-stages';
import type { SchoolRecord } from '../../../src/ledger/types';
import { cls, school } from '../builder';

const byName = (...schools: SchoolRecord[]) => new Map(schools.map((s) => [s.name, s]));

describe('class 学段 derivation (before the rules)', () => {
  it('grade 1–6 小学, 7–9 初中, 10–12 高中; anything else cannot be told', () => {
    expect([1, 6, 7, 9, 10, 12].map(stageOfGrade)).toEqual(['小学', '小学', '初中', '初中', '高中', '高中']);
    expect([0, 13, 2.5, null].map(stageOfGrade)).toEqual([null, null, null, null]);
  });

  it('fills in a missing 学段 from the grade, else from a single-学段 school, and keeps one already given', () => {
    const rows = [cls('甲小学', 8, 40), cls('甲小学', null, 40), cls('乙初中', null, 40), { ...cls('甲小学', 3, 40), stage: '初中' as const }];
    deriveClassStages(rows, byName(school('甲小学', '小学', {}), school('乙初中', '初中', {})));
    expect(rows.map((r) => r.stage)).toEqual(['初中', '小学', '初中', '初中']);
  });

  it('leaves null: no grade at a multi-学段 or unknown school, and every class of a 特殊教育学校', () => {
    const rows = [cls('九年制', null, 40), cls('无名', null, 40), cls('特校', 3, 10)];
    deriveClassStages(rows, byName(school('九年制', '九年一贯制', {}), school('特校', '特殊教育学校', {})));
    expect(rows.map((r) => r.stage)).toEqual([null, null, null]);
  });
});
