/**
 * Derivation run before the rules: the 学段 of each class row of the 班级台账 — from the 学段 cell, else the
 * grade (1–6 小学, 7–9 初中, 10–12 高中), else the school's type when it has a single 学段. Written into the
 * row (`cls.stage`), where G5 and the cross-ledger students check read it. A 特殊教育学校's classes and rows
 * whose 学段 cannot be told keep `stage` null (G5 reports the latter).
 */
import type { ClassRecord, SchoolRecord, SchoolType } from '../../ledger/types';
import type { Stage } from '../../standard/schema';

/** 1–6 → 小学, 7–9 → 初中, 10–12 → 高中. */
export function stageOfGrade(grade: number | null): '小学' | '初中' | '高中' | null {
  if (grade === null || !Number.isInteger(grade)) return null;
  if (grade >= 1 && grade <= 6) return '小学';
  if (grade >= 7 && grade <= 9) return '初中';
  if (grade >= 10 && grade <= 12) return '高中';
  return null;
}

function singleStage(type: SchoolType | null): Stage | null {
  if (type === '小学' || type === '教学点') return '小学';
  if (type === '初中') return '初中';
  return null;
}

/** The school-ledger record of a class row (by trimmed name), if any. */
export function schoolOfClass(cls: ClassRecord, schoolsByName: ReadonlyMap<string, SchoolRecord>): SchoolRecord | undefined {
  return cls.school !== null ? schoolsByName.get(cls.school.trim()) : undefined;
}

export function deriveClassStages(classes: readonly ClassRecord[], schoolsByName: ReadonlyMap<string, SchoolRecord>): void {
  for (const cls of classes) {
    if (cls.stage !== null) continue;
    const school = schoolOfClass(cls, schoolsByName);
    if (school?.type === '特殊教育学校') continue;
    const stage = stageOfGrade(cls.grade) ?? (school ? singleStage(school.type) : null);
    if (stage !== null) cls.stage = stage;
  }
}
