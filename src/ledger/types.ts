import type { Finding } from './finding';

/** 学段 keys a ledger column may be split by (高中 only matters for apportioning shared quantities). */
export const STAGE_KEYS = ['小学', '初中', '高中'] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

export const SCHOOL_TYPES = ['小学', '初中', '九年一贯制', '十二年一贯制', '完全中学', '教学点', '特殊教育学校'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

/** A cell in a sheet, 1-based. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

/**
 * A number read from one ledger cell. `value` is null when the cell was blank or unreadable — the ledger
 * reader has then already raised a data finding at `ref` (or decided a blank is allowed); a null is never
 * a zero and never a pass.
 */
export interface Num {
  value: number | null;
  ref: CellRef;
  /**
   * Why `value` is null: `blank` (nothing typed — the checks decide whether the value was needed and
   * raise the finding), `unreadable` (the ledger reader already raised a data finding at `ref`).
   */
  problem?: 'blank' | 'unreadable';
}

/**
 * The quantities a school ledger may hold. Values are in the standard's units after conversion
 * (元, ㎡, 间, 人): a 万元 column is already × 10000.
 */
export const SCHOOL_QUANTITIES = [
  'students', // 在校生数
  'classes', // 班级数
  'degreeTeachers', // 高于规定学历教师数 (R1)
  'backboneTeachers', // 县级及以上骨干教师数 (R2)
  'peArtTeachers', // 体育、艺术（音乐、美术）专任教师数 (R3), when kept as one column
  'peTeachers', // 体育专任教师数 (R3, summed with music and art when there is no combined column)
  'musicTeachers', // 音乐专任教师数
  'artTeachers', // 美术专任教师数
  'floorArea', // 教学及辅助用房面积 ㎡ (R4)
  'sportsArea', // 体育运动场馆面积 ㎡ (R5)
  'equipmentValue', // 教学仪器设备值 元 (R6)
  'multimediaRooms', // 网络多媒体教室数 间 (R7)
  'musicRooms', // 音乐专用教室间数 (G3)
  'musicRoomArea', // 音乐教室总面积 ㎡ (G3); average = total ÷ rooms
  'musicRoomAreaEach', // 音乐教室间均/每间面积 ㎡ (G3)
  'artRooms', // 美术专用教室间数 (G3)
  'artRoomArea', // 美术教室总面积 ㎡ (G3)
  'artRoomAreaEach', // 美术教室间均/每间面积 ㎡ (G3)
] as const;
export type SchoolQuantity = (typeof SCHOOL_QUANTITIES)[number];

/** A quantity as the ledger keeps it: one whole-school column, and/or one column per 学段. */
export type StageSplit = Partial<Record<'all' | StageKey, Num>>;

export interface SchoolRecord {
  sheet: string;
  /** 1-based sheet row of this school. */
  row: number;
  name: string;
  nameRef: CellRef;
  /** From the 学校类型 column, else inferred from the name (…小学, …初级中学, …九年一贯制学校 …), else null. */
  type: SchoolType | null;
  typeInferred: boolean;
  typeRef: CellRef | null;
  quantities: Partial<Record<SchoolQuantity, StageSplit>>;
}

export interface ClassRecord {
  sheet: string;
  row: number;
  school: string | null;
  schoolRef: CellRef | null;
  /** 1–9 for 义务教育 grades (初一 = 7), 10–12 for 高中, null when unreadable. */
  grade: number | null;
  gradeRef: CellRef | null;
  /** From the grade, else from the school's type (filled in by the checks when the grade is missing). */
  stage: '小学' | '初中' | '高中' | null;
  className: string;
  students: Num;
}

export type LedgerKind = 'school' | 'class';

/** One ledger found on a sheet: what the JSON report's `ledgers` lists. */
export interface DetectedLedger {
  sheet: string;
  kind: LedgerKind;
  /** 1-based sheet rows of the header (one or two). */
  headerRows: number[];
  /** Field → column letter; a stage-split field appears as `students.小学`. */
  columns: Record<string, string>;
  /** Field → unit read from the header and the factor applied (e.g. 万元 → 10000). */
  units: Record<string, { unit: string; factor: number }>;
  /** Number of data rows read (合计, blank and note rows excluded). */
  rows: number;
  /** Fields an indicator needs that this ledger lacks (Chinese column names). */
  missing: string[];
}

export interface LedgerSet {
  ledgers: DetectedLedger[];
  schools: SchoolRecord[];
  classes: ClassRecord[];
  /** Data findings raised while reading (unreadable cells, duplicate schools, missing columns). */
  findings: Finding[];
}
