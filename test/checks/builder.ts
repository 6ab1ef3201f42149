/** Test builder: LedgerSet / SchoolRecord / ClassRecord objects without the ledger reader. */
import type { CellRef, ClassRecord, LedgerSet, Num, SchoolQuantity, SchoolRecord, SchoolType, StageKey, StageSplit } from '../../src/ledger/types';
import { SCHOOL_QUANTITIES } from '../../src/ledger/types';

/** A cell value: a number, null for a blank cell, 'x' for an unreadable one. */
export type V = number | null | 'x';
/** A plain V is the whole-school column; an object gives 学段 columns. */
export type SplitSpec = V | Partial<Record<'all' | StageKey, V>>;

export const SHEET = '学校台账';
const KEYS = ['all', '小学', '初中', '高中'] as const;

let nextRow = 3;

/** Column of a (quantity, split key): stable, so tests can predict addresses. */
export function colOf(q: SchoolQuantity, key: 'all' | StageKey): number {
  return 3 + SCHOOL_QUANTITIES.indexOf(q) * 4 + KEYS.indexOf(key);
}

export function num(v: V, ref: CellRef): Num {
  if (v === null) return { value: null, ref, problem: 'blank' };
  if (v === 'x') return { value: null, ref, problem: 'unreadable' };
  return { value: v, ref };
}

export function school(
  name: string,
  type: SchoolType | null,
  q: Partial<Record<SchoolQuantity, SplitSpec>>,
  row = nextRow++,
): SchoolRecord {
  const quantities: Partial<Record<SchoolQuantity, StageSplit>> = {};
  for (const [k, spec] of Object.entries(q) as [SchoolQuantity, SplitSpec][]) {
    const split: StageSplit = {};
    const obj = spec !== null && typeof spec === 'object' ? spec : { all: spec };
    for (const key of KEYS) {
      const v = obj[key];
      if (v !== undefined) split[key] = num(v, { sheet: SHEET, row, col: colOf(k, key) });
    }
    quantities[k] = split;
  }
  return {
    sheet: SHEET,
    row,
    name,
    nameRef: { sheet: SHEET, row, col: 1 },
    type,
    typeInferred: false,
    typeRef: { sheet: SHEET, row, col: 2 },
    quantities,
  };
}

/**
 * A single-stage school whose seven indicators all exactly reach `factor` × the national threshold
 * (小学: 4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3) for `students` students.
 */
export function primary(name: string, students: number, over: Partial<Record<SchoolQuantity, SplitSpec>> = {}, type: SchoolType = '小学'): SchoolRecord {
  const s = students / 100;
  return school(name, type, {
    students,
    degreeTeachers: 4.2 * s,
    backboneTeachers: 1 * s,
    peArtTeachers: 0.9 * s,
    floorArea: 4.5 * students,
    sportsArea: 7.5 * students,
    equipmentValue: 2000 * students,
    multimediaRooms: 2.3 * s,
    ...over,
  });
}

let classRow = 3;
export const CLASS_SHEET = '班级台账';

export function cls(schoolName: string | null, grade: number | null, students: V, className = `${grade ?? '?'}年级1班`): ClassRecord {
  const row = classRow++;
  return {
    sheet: CLASS_SHEET,
    row,
    school: schoolName,
    schoolRef: schoolName === null ? null : { sheet: CLASS_SHEET, row, col: 1 },
    grade,
    gradeRef: { sheet: CLASS_SHEET, row, col: 2 },
    stage: null,
    className,
    students: num(students, { sheet: CLASS_SHEET, row, col: 4 }),
  };
}

export function ledgers(schools: SchoolRecord[], classes: ClassRecord[] = []): LedgerSet {
  return { ledgers: [], schools, classes, teachers: [], county: null, checklist: [], findings: [] };
}
