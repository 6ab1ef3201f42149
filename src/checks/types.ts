import type { Amount, FigureUnit, Finding } from '../ledger/finding';
import type { CellRef, SchoolType } from '../ledger/types';
import type { IndicatorId, ResourceId, Stage, TransitionKey } from '../standard/schema';

export interface IndicatorResult {
  /** Per-student (or per-100-students) value; null when data is missing. */
  value: number | null;
  threshold: number;
  /** null when the value is missing. */
  pass: boolean | null;
  /** True when the numerator was a whole-school quantity apportioned by weighted students. */
  apportioned: boolean;
  /** The cell that holds the quantity (numerator), or the value as the county gave it — the cell a failure is marked on. */
  ref: CellRef | null;
  /**
   * Set when a 《规程》 transition rule counted more than the full standard does (R3: 走教/兼职 teachers, R5:
   * leased or converted grounds): `value` includes `extra`; `fullValue` is the value by the full standard.
   */
  transition?: { rule: TransitionKey; extra: number; fullValue: number | null };
  /**
   * The cell was “*” / “—” / 不适用 and the school did not need it (a 教学点 left out of 资源配置): shown as
   * 不适用, never as 数据不全. (Where the school needs the value it is missing, with a data finding.)
   */
  notApplicable?: boolean;
  /** The value was taken as the county computed it (a 表Ⅱ-2 sheet's per-school value), not computed from quantities. */
  given?: boolean;
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
  /** Notes for the 说明 column (a 学段 the school has no students in, the county's own verdict). */
  remarks?: string[];
  /** The verdict by the full standard, when a 《规程》 transition rule changed a value (see IndicatorResult.transition). */
  fullVerdict?: Verdict;
}

/**
 * A verdict that only a 《规程》 relaxed limit made 达标: the value misses the full standard but reaches the
 * transition limit. Not a finding (nothing fails today); listed in 问题清单 and 补短板清单 because the 规程 asks the
 * county to reach the full standard in time.
 */
export interface TransitionUse {
  indicator: IndicatorId;
  rule: TransitionKey;
  school: string;
  stage: Stage | null;
  sheet: string | null;
  cell: string | null;
  /** The value as the full standard counts it (R3 / R5: without what the 规程 adds). */
  actual: number;
  /** The relaxed limit that was applied, and the full standard's. */
  relaxed: number;
  full: number;
  /** What the full standard still needs, in the indicator's unit ("还差 …" of `message`). */
  gapToFull: number;
  /** The unit of `actual` / `relaxed` / `full` when it is not the indicator's own (G3: ㎡ per room). */
  unit?: FigureUnit;
  /**
   * 需补足 by the full standard: the absolute quantity still to add (R3: 人, R5 and a G3 average over rooms: ㎡);
   * absent for an upper limit (G4) and for one room's own area.
   */
  need?: Amount;
  /** The Chinese sentence (starts with 按《规程》过渡期标准). */
  message: string;
}

/** One 一票否决 line of the 核查清单 with the county's answer (达标 = 不存在该情形, 未达标 = 存在). */
export interface VetoLine {
  id: string;
  /** The item in the spec's words. */
  item: string;
  status: '达标' | '未达标' | '待核实';
  evidence: string;
  remark: string;
  /** True when the answer was read from an existing 核查清单 sheet. */
  answered: boolean;
  /**
   * False when an existing 核查清单 that the user has answered (so it is never rewritten) has no line of this id:
   * the item counts as 未填写 until the user adds the line. An unanswered 核查清单 is written again with every
   * line, so its lines count as on the sheet (待核实).
   */
  onSheet: boolean;
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

/** Where one indicator of the standard stands for the whole county. */
export type ItemStatus = '达标' | '未达标' | '待核实' | '数据不全';

export interface ItemResult {
  id: IndicatorId;
  status: ItemStatus;
  /** The actual value: a share 0–1 for a % indicator, a ratio, or a short Chinese summary; null when unknown. */
  value: number | string | null;
  /** The requirement: a number in the indicator's unit (share for %), or a short text. */
  required: number | string | null;
  /** Units that fail: schools, classes, teachers short, CVs over the limit, 1 for a failing county figure. */
  failing: number;
  /** 核查方式: 学校台账, 班级台账, 教师台账, 县级数据, 核查清单 … */
  method: string;
  /** 说明: one Chinese line (why 未达标 / 数据不全, what was found). */
  note: string;
}

/** One line of the 核查清单 sheet: the line as the tool writes it, with the user's answer when read back. */
export interface ChecklistLine {
  id: IndicatorId;
  /** The indicator's name. */
  item: string;
  /** What is to be verified (for G8 and G15: only the qualitative half). */
  content: string;
  status: '达标' | '未达标' | '待核实';
  evidence: string;
  remark: string;
  /** True when the answer was read from an existing 核查清单 sheet. */
  answered: boolean;
}

export interface CheckResult {
  schools: SchoolStageResult[];
  cv: CvResult[];
  /** 综合差异系数: plain mean of the seven CVs per 学段, for information only. */
  compositeCv: Record<Stage, number | null>;
  findings: Finding[];
  /** Every indicator of the standard (R1–R7, G1–G15, Q1–Q9, S1), in the standard's order. */
  items: ItemResult[];
  /** The 核查清单 lines (G1, G2, G8, G10, G15, Q5–Q8) with the answers read back. */
  checklist: ChecklistLine[];
  /** The 一票否决 lines of the 核查清单 (standard `veto`), with the answers read back. */
  veto?: VetoLine[];
  /** Verdicts made 达标 only by a 《规程》 relaxed limit (see TransitionUse). */
  transitions?: TransitionUse[];
  /** The assessment year the 《规程》 transition rules were judged for (null: unknown, not applied). */
  assessmentYear?: number | null;
}
