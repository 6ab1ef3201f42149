import type { Stage } from '../standard/schema';

/**
 * One thing the user must look at: a rule that is not met (`compliance`) or a cell the tool could not
 * read (`data`). The task pane, the summary sheets, the cell notes and the JSON report all render this
 * same list.
 */
export interface Finding {
  kind: 'compliance' | 'data';
  /** Indicator id (R1–R7, G1–G15, Q1–Q9, S1), or null for a data problem not tied to one indicator. */
  indicator: string | null;
  /** Sheet and A1 cell that hold the failing or unreadable value; null for county-level findings. */
  sheet: string | null;
  cell: string | null;
  school: string | null;
  stage: Stage | null;
  actual: number | string | null;
  required: number | string | null;
  /** Gap to compliance in the indicator's unit (positive = still missing). */
  gap: number | null;
  /** The full Chinese sentence shown in the cell note and in 问题清单. */
  message: string;
  /** What `actual`/`required` measure: the indicator's own value (absent) or its 校际差异系数 ('cv'). */
  measure?: 'cv';
  /** 责任单位 from the standard file. */
  departments: string[];
}
