import type { Stage } from '../standard/schema';

/** A unit as shown: its text ('%' = a share 0–1 shown as a percent, '' = a bare ratio) and its decimals. */
export interface FigureUnit {
  unit: string;
  decimals: number;
}

/** A quantity with its unit: 499.5 ㎡, 750 元, 3 人. */
export interface Amount extends FigureUnit {
  value: number;
}

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
  /**
   * 差距: how far `actual` is from `required`, in their unit (`unit`): per student for R4, a share for Q4, hours for
   * a teacher's G9 row (positive = still missing; for an upper limit such as G4/G5, how far over).
   */
  gap: number | null;
  /**
   * The unit of `actual`, `required` and `gap` and the decimals they are shown with. Absent: the indicator's own
   * (the standard file's unit and precision; a 差异系数 with `measure` 'cv'). '%' means a share 0–1 shown as a percent.
   */
  unit?: FigureUnit;
  /**
   * 需补足: the absolute quantity still to add for compliance, in its own unit (R4: the school 学段's ㎡; Q4: 元;
   * the county G9 rate: 人). Absent when there is none to add (an upper limit, a share without counts).
   */
  need?: Amount;
  /** The full Chinese sentence shown in the cell note and in 问题清单. */
  message: string;
  /** What `actual`/`required` measure: the indicator's own value (absent) or its 校际差异系数 ('cv'). */
  measure?: 'cv';
  /** 责任单位 from the standard file. */
  departments: string[];
}
