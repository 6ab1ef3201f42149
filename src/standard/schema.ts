import { z } from 'zod';

// No `new Function` probing: the task pane's Content Security Policy forbids eval, and zod works without it.
z.config({ jitless: true });

/** 学段 of 义务教育 that the indicators are judged for. */
export const STAGES = ['小学', '初中'] as const;
export type Stage = (typeof STAGES)[number];

/** Every indicator id of the 2017 standard, in the order the standard lists them. */
export const RESOURCE_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'] as const;
export const GUARANTEE_IDS = [
  'G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8', 'G9', 'G10', 'G11', 'G12', 'G13', 'G14', 'G15',
] as const;
export const QUALITY_IDS = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Q9'] as const;
export const SATISFACTION_IDS = ['S1'] as const;
export const INDICATOR_IDS = [...RESOURCE_IDS, ...GUARANTEE_IDS, ...QUALITY_IDS, ...SATISFACTION_IDS] as const;
export type ResourceId = (typeof RESOURCE_IDS)[number];
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export const PARTS = ['资源配置', '政府保障程度', '教育质量', '社会认可度'] as const;

/** How an indicator is checked: per school row, per class row, per teacher row, a county figure, or a checklist line. */
export const KINDS = ['school', 'class', 'teacher', 'county', 'checklist'] as const;

const positive = z.number({ error: '必须是数字' }).positive({ error: '必须大于 0' });
const share = z.number({ error: '必须是数字' }).gt(0, { error: '必须大于 0' }).lte(1, { error: '不能大于 1（比例写作小数，如 0.85）' });

export const indicatorSchema = z.strictObject({
  name: z.string({ error: '必须是文字' }).min(1, { error: '不能为空' }),
  /** A short name for narrow places (a column of 问题清单, the task pane); the full name otherwise. */
  short: z.string({ error: '必须是文字' }).min(1, { error: '不能为空' }).optional(),
  part: z.enum(PARTS, { error: `必须是 ${PARTS.join('、')} 之一` }),
  kind: z.enum(KINDS, { error: `必须是 ${KINDS.join('、')} 之一` }),
  /** Display unit: ㎡, 元, 人, 间, %, or '' for a ratio. */
  unit: z.string({ error: '必须是文字' }),
  /** Decimals shown for values of this indicator. */
  precision: z.number({ error: '必须是数字' }).int({ error: '必须是整数' }).min(0).max(6),
  /** '>=' a value must reach the threshold; '<=' must not exceed it; '<' must stay below it. */
  comparison: z.enum(['>=', '<=', '<'], { error: '必须是 >=、<= 或 < 之一' }),
  /**
   * Thresholds keyed by 学段 (小学, 初中), by school type (九年一贯制 …) or by a named parameter
   * (e.g. G3 `classesPerRoom`). Shares are decimals (0.95 = 95 %).
   */
  thresholds: z.record(z.string(), z.number({ error: '必须是数字' })),
  /** 责任单位 that the county plan assigns. */
  departments: z.array(z.string()).min(1, { error: '至少要有一个责任单位' }),
  /** One line of what is checked, in the standard's words. */
  description: z.string({ error: '必须是文字' }),
});
export type Indicator = z.infer<typeof indicatorSchema>;

const indicatorsShape = Object.fromEntries(INDICATOR_IDS.map((id) => [id, indicatorSchema])) as Record<
  IndicatorId,
  typeof indicatorSchema
>;

const nonNegative = z.number({ error: '必须是数字' }).min(0, { error: '不能为负' });
/** [下限, 上限] of a per-student (or per-100-students) value that a real school can have. */
const plausibleRange = z
  .tuple([nonNegative, positive], { error: '必须是 [下限, 上限] 两个数' })
  .refine(([lo, hi]) => lo < hi, { error: '下限必须小于上限' });

/**
 * Magnitude sense for the ledger reader: the values a real school can have per student (㎡, 元) or per 100
 * students (teachers, rooms). A ledger column whose values fall outside the range is read in the unit of
 * `units` that explains it (万元 kept as 元 …) with a data finding, or left unjudged with a data finding —
 * never judged as it is. A zero is a value, not a magnitude: it is not tested.
 */
export const plausibleSchema = z.strictObject({
  /** 教学及辅助用房面积 ÷ 在校生数, ㎡. */
  floorAreaPerStudent: plausibleRange,
  /** 体育运动场馆面积 ÷ 在校生数, ㎡. */
  sportsAreaPerStudent: plausibleRange,
  /** 教学仪器设备值 ÷ 在校生数, 元. */
  equipmentPerStudent: plausibleRange,
  /** Any teacher count of the school ledger (R1–R3) ÷ 在校生数 × 100. */
  teachersPer100: plausibleRange,
  /** 网络多媒体教室数 ÷ 在校生数 × 100. */
  multimediaRoomsPer100: plausibleRange,
  /**
   * A per-100-students value as a county gives it (表Ⅱ-2), per indicator: narrower than the ranges above, so
   * that a value written per student (× 100 too small), × 100 too large, or a count written where the
   * value per 100 students belongs is told apart from a real one.
   */
  givenPer100: z.strictObject({ R1: plausibleRange, R2: plausibleRange, R3: plausibleRange, R7: plausibleRange }),
  /**
   * The units a column of a dimension may really be kept in, name → factor to the standard's unit
   * (money: { 元: 1, 万元: 10000 }). A dimension without an entry has no unit slip to explain a misfit.
   */
  units: z.partialRecord(z.enum(['money', 'area', 'count']), z.record(z.string(), positive)),
});
export type Plausible = z.infer<typeof plausibleSchema>;

export const settingsSchema = z.strictObject({
  /** 校际差异系数 limits per 学段. */
  cvLimits: z.strictObject({ 小学: positive, 初中: positive }),
  /** A school passes 资源配置 when at least this many of the seven reach their threshold … */
  minReached: z.number({ error: '必须是数字' }).int({ error: '必须是整数' }).min(1).max(7),
  /** … and every other one reaches at least this share of its threshold. */
  minShare: share,
  /** Schools (教学点) with fewer students than this are left out of 资源配置 and the CV, and listed. */
  teachingPointCut: z.number({ error: '必须是数字' }).int({ error: '必须是整数' }).min(0),
  /** Weights for apportioning a shared quantity by weighted students. */
  apportion: z.strictObject({
    /** 九年一贯制: 小学 : 初中. */
    primaryJunior: z.tuple([positive, positive]),
    /** 完全中学: 初中 : 高中. */
    juniorSenior: z.tuple([positive, positive]),
    /** 十二年一贯制: 小学 : 初中 : 高中. */
    twelveYear: z.tuple([positive, positive, positive]),
  }),
  /** Degree that counts as "above the required degree" per 学段 (R1). */
  requiredDegree: z.strictObject({ 小学: z.string(), 初中: z.string() }),
  /**
   * The degree ladder, lowest level first: each level lists the words a 学历 cell may use for it (the first
   * word is the level's name, which `requiredDegree` names). A teacher counts for R1 at or above the
   * required level.
   */
  degreeLadder: z.array(z.array(z.string()).min(1, { error: '每一级至少要有一个名称' })).min(2, { error: '至少要有两级' }),
  /** 骨干级别 words that count as 县级及以上 (R2, G11); any other level (校级, 无 …) does not count. */
  backboneLevels: z.array(z.string()).min(1, { error: '至少要有一个级别' }),
  /** 任教学科 words that make a 专任 teacher a PE / music / art teacher (R3). */
  peArtSubjects: z.array(z.string()).min(1, { error: '至少要有一个学科' }),
  /** Relative tolerance for comparisons, so floating-point noise never flips a boundary. */
  epsilon: z.number().min(0).max(1e-3),
  /** Optional 元 per unit of addition (per teacher, ㎡, 元, room) for the 整改 planner's cost estimate; unset in the national file. */
  unitCosts: z.partialRecord(z.enum(RESOURCE_IDS), positive).optional(),
  /** What a ledger value per student can be (see plausibleSchema). */
  plausible: plausibleSchema,
  /**
   * The year of the assessment the 《规程》 transition rules are judged for (see `transition`); unset = the
   * year of the run.
   */
  assessmentYear: z.number({ error: '必须是数字' }).int({ error: '必须是整数' }).min(2000, { error: '应为四位年份' }).max(2100, { error: '应为四位年份' }).optional(),
  /**
   * Some counties keep the indoor sports rooms (室内体育用房面积) inside 教学及辅助用房: when true, that area is
   * taken out of R4's floor area and added to R5's sports ground and hall area. Off in the national file.
   */
  indoorSportsToR5: z.boolean({ error: '必须是 true 或 false' }),
});
export type Settings = z.infer<typeof settingsSchema>;

const year = z.number({ error: '必须是数字' }).int({ error: '必须是整数' }).min(2000, { error: '应为四位年份' }).max(2100, { error: '应为四位年份' });
/** [from, to]: the assessment years (inclusive) a transition rule applies in. */
const years = z
  .tuple([year, year], { error: '必须是 [起始年份, 截止年份] 两个数' })
  .refine(([a, b]) => a <= b, { error: '起始年份不能晚于截止年份' });
const transitionBase = {
  /** Assessment years the rule applies in. */
  years,
  /** The rule in the 规程's words (shown in notes and on the sheets). */
  description: z.string({ error: '必须是文字' }).min(1, { error: '不能为空' }),
  /** The school-ledger columns (Chinese names) the rule needs; without them it does not apply. */
  facts: z.array(z.string()).min(1, { error: '至少要有一项' }),
};

/**
 * The transition rules of 《县域义务教育优质均衡发展国家督导认定工作规程》（国教督办函〔2019〕30号）: relaxed
 * limits for schools that meet a condition, in the assessment years given. A school whose facts are not in the
 * ledger is judged by the full standard (no guess). Spec §6.
 */
export const transitionSchema = z.strictObject({
  /** The document's name, as the notes cite it. */
  name: z.string({ error: '必须是文字' }).min(1, { error: '不能为空' }),
  /** G3: schools planned and built in or before `builtBy` — each 音乐 / 美术 room ≥ these areas. */
  roomsBuiltEarly: z.strictObject({ ...transitionBase, builtBy: year, musicRoomArea: positive, artRoomArea: positive }),
  /** G3: 乡村小规模学校 whose largest class is under `largestClassBelow` — each room ≥ the area of its 学段. */
  roomsSmallRural: z.strictObject({ ...transitionBase, largestClassBelow: positive, roomArea: z.strictObject({ 小学: positive, 初中: positive }) }),
  /**
   * G4: schools built in or before `builtBy`, or with more than `migrantShareAbove` 进城务工人员随迁子女 — size
   * limits by the G4 keys (小学, 初中, 九年一贯制 …; a key not listed keeps the full limit).
   */
  sizeBuiltEarlyOrMigrant: z.strictObject({ ...transitionBase, builtBy: year, migrantShareAbove: share, limits: z.record(z.string(), positive) }),
  /** R3: 乡村小规模学校 of `minStudents`–`maxStudents` students — 交流轮岗、兼职、走教 PE and art teachers count. */
  peArtSmallRural: z.strictObject({ ...transitionBase, minStudents: z.number().int().min(0), maxStudents: z.number().int().min(0) }),
  /** R5: dense 中心城区 schools — converted rooftop / underground grounds and leased venues within a 10-minute walk count. */
  sportsCityCentre: z.strictObject({ ...transitionBase }),
});
export type Transition = z.infer<typeof transitionSchema>;
export type TransitionKey = Exclude<keyof Transition, 'name'>;

/**
 * 一票否决 items (spec §7): any one present and the county is not recognised, whatever else holds. Each is a
 * line of the 核查清单 that only the county can answer.
 */
export const vetoSchema = z
  .array(
    z.strictObject({
      /** F1, F2 … (the 核查清单's 编号). */
      id: z.string().regex(/^F\d{1,2}$/, { error: '编号必须是 F1、F2 …' }),
      /** The item in the spec's words. */
      name: z.string({ error: '必须是文字' }).min(1, { error: '不能为空' }),
    }),
  )
  .min(1, { error: '至少要有一项' });
export type VetoItem = z.infer<typeof vetoSchema>[number];

export const standardSchema = z.strictObject({
  id: z.string({ error: '必须是文字' }).min(1, { error: '不能为空' }),
  version: z.string({ error: '必须是文字' }).min(1, { error: '不能为空' }),
  name: z.string({ error: '必须是文字' }).min(1, { error: '不能为空' }),
  settings: settingsSchema,
  indicators: z.strictObject(indicatorsShape),
  transition: transitionSchema,
  veto: vetoSchema,
});
export type Standard = z.infer<typeof standardSchema>;
