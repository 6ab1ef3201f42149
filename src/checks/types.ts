import type { Finding } from '../ledger/finding';
import type { CellRef, SchoolType } from '../ledger/types';
import type { ResourceId, Stage } from '../standard/schema';

export interface IndicatorResult {
  /** Per-student (or per-100-students) value; null when data is missing. */
  value: number | null;
  threshold: number;
  /** null when the value is missing. */
  pass: boolean | null;
  /** True when the numerator was a whole-school quantity apportioned by weighted students. */
  apportioned: boolean;
  /** The cell that holds the quantity (numerator) — the cell a failure is marked on. */
  ref: CellRef | null;
}

export type Verdict = '达标' | '未达标' | '数据不全';

/** One 学段 part of one school (a 九年一贯制 school gives two). */
export interface SchoolStageResult {
  name: string;
  type: SchoolType | null;
  stage: Stage;
  students: number | null;
  sheet: string;
  row: number;
  /** Left out of 资源配置 and the CV (a 教学点 under the cut); `excludedReason` says why. */
  excluded: boolean;
  excludedReason: string | null;
  indicators: Record<ResourceId, IndicatorResult>;
  /** How many of the seven reach their threshold. */
  reached: number;
  verdict: Verdict;
}

export interface CvResult {
  indicator: ResourceId;
  stage: Stage;
  /** County value X̄ = Σ quantity ÷ Σ students (per 100 students where the indicator is). */
  countyValue: number | null;
  /** Student-weighted coefficient of variation; null with fewer than 2 schools with data. */
  value: number | null;
  limit: number;
  pass: boolean | null;
  /** Schools with data that entered the CV. */
  schools: number;
}

export interface CheckResult {
  schools: SchoolStageResult[];
  cv: CvResult[];
  /** 综合差异系数: plain mean of the seven CVs per 学段, for information only. */
  compositeCv: Record<Stage, number | null>;
  findings: Finding[];
}
