/**
 * What a rule is. Each indicator of the standard (R1–R7, G1–G15, Q1–Q9, S1) and the 校际差异系数 is one
 * module under rules/, named by its id, that declares what it reads, how it checks, which findings it can
 * raise and how it contributes to the item status of the 自查自评总表. The engine (../index.ts) creates each
 * rule's hooks once per run and calls them pass by pass (teacher rows, schools, class rows, county figures,
 * 核查清单, the whole county); `item()` is called last, when every finding is known.
 */
import type { ClassRecord, CountyFigures, LedgerSet, SchoolRecord } from '../../ledger/types';
import type { IndicatorId, Stage } from '../../standard/schema';
import type { Ctx } from '../context';
import type { TeacherRow } from '../derive/teacher-ledger';
import type { CvAccumulator } from '../common/resource-allocation';
import type { ChecklistLine, CvResult, ItemResult, SchoolStageResult } from '../types';

/** The ledgers a rule reads, as the user's workbook calls them. */
export type LedgerName = '学校台账' | '班级台账' | '教师台账' | '县级数据' | '核查清单';

/** The pass a rule's hooks run in: one call per teacher row, per school, per class row, or once. */
export type Pass = 'teacher' | 'school' | 'class' | 'county' | 'checklist' | 'cv';

export interface Reads {
  ledger: LedgerName;
  /** Column or item names as the ledger's header calls them. */
  fields: readonly string[];
}

export interface Raises {
  kind: 'compliance' | 'data';
  /** Where the finding is marked and when it is raised. */
  when: string;
}

/** State shared by the rules of one run. */
export interface Run {
  readonly ctx: Ctx;
  readonly ledgers: LedgerSet;
  /** The school ledger's records after the teacher-ledger derivation (R1–R3 counts filled in); set before the school pass. */
  schools: readonly SchoolRecord[];
  /** Schools by trimmed name (the first of a repeated name), for the class pass. */
  schoolsByName: ReadonlyMap<string, SchoolRecord>;
  /** 资源配置 results per school 学段, filled in the school pass. */
  readonly resources: SchoolStageResult[];
  /** Per-school inputs of the 差异系数, filled in the school pass. */
  readonly cvInputs: CvAccumulator;
  /** The 差异系数 per 学段 and indicator, filled in the cv pass. */
  readonly cv: CvResult[];
  readonly compositeCv: Record<Stage, number | null>;
  /** The 核查清单 lines with the answers read back, filled in the checklist pass. */
  readonly checklist: ChecklistLine[];
  /** True when the workbook has a teacher ledger (a sheet recognised as one, or rows). */
  readonly hasTeacherLedger: boolean;
  /**
   * Findings of one indicator over the ledger reader's and the rules' findings (ready for `item()`):
   * failing units (distinct schools, or distinct cells with unit 'cell') and the count of data findings.
   */
  tally(id: IndicatorId, unit?: 'school' | 'cell'): { failing: number; data: number };
}

/** The hooks of one rule for one run; state the rule accumulates lives in their closure. */
export interface RuleHooks {
  teacherRow?(row: TeacherRow): void;
  school?(school: SchoolRecord): void;
  classRow?(cls: ClassRecord, school: SchoolRecord | undefined): void;
  county?(county: CountyFigures | null): void;
  /** After the rule's pass: county-level findings (a rate over all rows, the 差异系数). */
  end?(): void;
  /** The item's status, value and note; absent for the 差异系数 (it counts in R1–R7). */
  item?(): ItemResult;
}

export interface Rule {
  id: IndicatorId | 'CV';
  reads: readonly Reads[];
  pass: Pass;
  /** How it checks, in one line (per row, per school, per county). */
  checks: string;
  raises: readonly Raises[];
  /** A line in 核查清单 for an item verified (in part) by the county; `content` is what is to be verified (default: the indicator's name). */
  checklist?: { content?: string };
  start(run: Run): RuleHooks;
}
