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
  'budget', // 公用经费（年度预算）元 (G6, G7, Q4)
  'baseQuota', // 生均公用经费基准定额 元 (G6)
  'perStudentFunding', // 生均公用经费 元 (G7, when kept as its own column)
  'trainingFunds', // 教师培训经费 元 (Q4)
  'nearbyShare', // 就近划片入学比例, a share 0–1 (G13)
  // School facts of the 《规程》 transition rules (standard `transition`) and the 室内体育用房 setting:
  'maxClassSize', // 最大班额 人 (G3, 乡村小规模学校)
  'migrantStudents', // 进城务工人员随迁子女数 人 (G4)
  'itinerantPeArtTeachers', // 交流轮岗、兼职、走教的体育艺术教师数 (R3, 乡村小规模学校)
  'leasedSportsArea', // 改造的屋顶/地下运动场地、租赁的运动场馆面积 ㎡ (R5, 中心城区学校)
  'indoorSportsArea', // 室内体育用房面积 ㎡ kept inside 教学及辅助用房 (settings.indoorSportsToR5)
  // Indicator values as the county computed them (a 表Ⅱ-2 sheet), used when the quantity itself is not kept:
  'degreePer100', // 每百名学生拥有高于规定学历教师数 (R1)
  'backbonePer100', // 每百名学生拥有县级及以上骨干教师数 (R2)
  'peArtPer100', // 每百名学生拥有体育、艺术专任教师数 (R3)
  'floorAreaPerStudent', // 生均教学及辅助用房面积 ㎡ (R4)
  'sportsAreaPerStudent', // 生均体育运动场馆面积 ㎡ (R5)
  'equipmentPerStudent', // 生均教学仪器设备值 元 (R6)
  'multimediaPer100', // 每百名学生拥有网络多媒体教室数 (R7)
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
  /**
   * Cells written “*”, “—” or “不适用” (not applicable): the quantity is absent from `quantities` (not a zero,
   * not an error); the checks decide whether the school needed it (a data finding) or not (shown 不适用).
   */
  notApplicable?: Partial<Record<SchoolQuantity, Partial<Record<'all' | StageKey, TextCell>>>>;
  /**
   * The 学段 this row is of, when the ledger lists the school once per 学段 (a 表Ⅱ-2 sheet: the 小学 section,
   * then the 初中 section): the row's figures are that 学段's alone.
   */
  stage?: '小学' | '初中';
  /** Text columns of the school ledger beyond name and type (城乡类型, 是否寄宿制, 章程); absent when no such column. */
  attributes?: Partial<Record<SchoolAttribute, TextCell>>;
}

/** Text columns a school ledger may hold. */
export const SCHOOL_ATTRIBUTES = [
  'locale',
  'boarding',
  'charter',
  // Facts of the 《规程》 transition rules: 建校时间 (a year or a date; a date cell is kept as yyyy-mm-dd), 是/否 columns.
  'builtYear',
  'ruralSmall',
  'cityCentre',
  // 该校综合评估是否达标 as the county filled it (a 表Ⅱ-2 sheet).
  'countyVerdict',
] as const;
export type SchoolAttribute = (typeof SCHOOL_ATTRIBUTES)[number];

/** A text cell as read: trimmed text ('' when blank) and where it is. */
export interface TextCell {
  text: string;
  ref: CellRef;
}

/**
 * One row of a teacher ledger (教师台账). Text cells are kept as typed; the checks interpret them
 * (degree ladder, backbone levels, subjects, 是/否) with the standard's settings. A field is null when the
 * ledger has no such column.
 */
export interface TeacherRecord {
  sheet: string;
  row: number;
  name: string;
  nameRef: CellRef;
  /** 学校 (merged cells and filled-down names are resolved); null when the ledger has no school column or the cell is blank. */
  school: string | null;
  schoolRef: CellRef | null;
  stage: TextCell | null;
  degree: TextCell | null;
  backbone: TextCell | null;
  subject: TextCell | null;
  fullTime: TextCell | null;
  certificate: TextCell | null;
  /** 五年培训学时. */
  hours: Num | null;
  eligible: TextCell | null;
  rotated: TextCell | null;
}

/** Items of a 县级数据 sheet (one figure each). */
export const COUNTY_ITEMS = [
  'teacherPay', // 教师平均工资收入 (G8)
  'civilPay', // 公务员平均工资收入 (G8)
  'performancePay', // 绩效工资足额核定 是/否 (G8)
  'quotaShare', // 优质高中招生名额分配比例 (G14)
  'migrantShare', // 随迁子女在公办学校和政府购买服务民办学校就读比例 (G15)
  'retention', // 初中三年巩固率 (Q1)
  'disabledEnrolment', // 残疾儿童少年入学率 (Q2)
  'qualityLevel', // 质量监测学业水平（Ⅲ级以上）(Q9)
  'gapRate', // 质量监测校际差异率 (Q9)
  'satisfaction', // 社会认可度/满意度 (S1)
  'surveyed', // 调查人数 (S1)
  'satisfied', // 满意人数 (S1)
  'basicallySatisfied', // 基本满意人数 (S1)
  'dissatisfied', // 不满意人数 (S1)
] as const;
export type CountyItem = (typeof COUNTY_ITEMS)[number];

/**
 * One county figure. `value` is already interpreted: a share 0–1 for percentages, 元 for pay, a count for
 * survey numbers, 1/0 for 是/否, the level number for 学业水平 (是 = 3); null when unreadable (a data
 * finding was raised) or blank (`problem` says which).
 */
export interface CountyFigure {
  item: CountyItem;
  /** The label as written. */
  label: string;
  labelRef: CellRef;
  value: number | null;
  /** The value cell as written. */
  text: string;
  ref: CellRef;
  problem?: 'blank' | 'unreadable';
  /** A 学业水平 answered 是/否 (达到 Ⅲ 级以上 or not) instead of a level: value is then null. */
  yes?: boolean;
}

export interface CountyFigures {
  sheet: string;
  figures: Partial<Record<CountyItem, CountyFigure>>;
}

export const CHECK_STATUSES = ['达标', '未达标', '待核实'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** One answered line of the 核查清单 sheet. */
export interface ChecklistAnswer {
  sheet: string;
  row: number;
  /** Indicator id from the 编号 column (G1 …), or a 一票否决 id (F1 …). */
  id: string;
  status: CheckStatus;
  statusRef: CellRef;
  evidence: string;
  remark: string;
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

export type LedgerKind = 'school' | 'class' | 'teacher' | 'county' | 'checklist';

/**
 * One ledger found on a sheet: what the JSON report's `ledgers` lists. For a 县级数据 sheet (`county`)
 * and for a one-school form (学校填报表, kind `school`, `rows` 1) `columns` maps each item found to the A1
 * address of its value cell and `headerRows` is empty (no column mapping to correct).
 */
export interface DetectedLedger {
  sheet: string;
  kind: LedgerKind;
  /** 1-based sheet rows of the header (one or two). */
  headerRows: number[];
  /** Field → column letter; a stage-split field appears as `students.小学`. */
  columns: Record<string, string>;
  /**
   * Field → unit read from the header (or the title, a unit row, a form's 单位 cell) and the factor applied
   * (e.g. 万元 → 10000); the unit the values were re-read in when settings.plausible said so.
   */
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
  /** Rows of the teacher ledger(s) (教师台账), in sheet order. */
  teachers: TeacherRecord[];
  /** The 县级数据 sheet, when one was recognised. */
  county: CountyFigures | null;
  /** Answers read back from the 核查清单 sheet (empty before the user has one). */
  checklist: ChecklistAnswer[];
  /** Data findings raised while reading (unreadable cells, duplicate schools, missing columns). */
  findings: Finding[];
}

/**
 * The user's corrections to the column mapping, remembered in the workbook by the add-in:
 * sheet name → field key (as in DetectedLedger.columns, e.g. `floorArea`, `students.小学`) → column letter,
 * or '' for "this sheet has no such column".
 */
export type ColumnOverrides = Record<string, Record<string, string>>;
