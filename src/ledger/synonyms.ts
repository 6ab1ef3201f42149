/**
 * The ledgers the reader recognises, as DATA: each ledger kind lists its fields, the header texts that
 * name each field (matched after `normalizeHeader`), merged-header groups (parent 音乐教室 over 间数/面积),
 * what a ledger must have to be recognised, and which columns the indicators need.
 *
 * A new ledger kind (teacher ledger, 县级数据 sheet) is added by adding a `LedgerDef` here; header
 * detection, unit handling and cell coercion are generic.
 */
import type { IndicatorId } from '../standard/schema';

/** How a field's cells are read. `count` = a whole, non-negative number; `amount` = non-negative decimal. */
export type ValueKind = 'text' | 'count' | 'amount';

export interface FieldDef {
  /** Field key; for school ledgers one of SCHOOL_QUANTITIES or `name` / `type`. */
  field: string;
  /** The column's Chinese name, used in messages. */
  label: string;
  /** Header texts that name the field (any spelling; they are normalised like the headers). */
  synonyms: readonly string[];
  value: ValueKind;
  /** The unit dimension a header unit may convert (万元 → 元 only for money, ㎡ for area). */
  dim?: 'money' | 'area' | 'count';
  /** May be split by 学段 (小学/初中/高中) under a merged parent header or with a stage prefix. */
  split?: boolean;
  /** Also match a header that differs only by a trailing 数 ("在校生" ~ "在校生数"). */
  loose?: boolean;
  /** Indicator a cell problem in this column is tied to (its 责任单位 are used); null = several/none. */
  indicator?: IndicatorId | null;
}

/** A merged parent header whose children name different fields (音乐教室 → 间数 / 面积 / 间均面积). */
export interface HeaderGroup {
  parents: readonly string[];
  /** Child header text → field. */
  children: Readonly<Record<string, string>>;
  /** A one-row header equal to a parent, told apart by its unit: "音乐教室（间）" vs "音乐教室（㎡）". */
  byUnit?: Readonly<Partial<Record<'count' | 'area' | 'money', string>>>;
}

/** Columns an indicator needs: satisfied when ALL fields of ANY one alternative are present. */
export interface NeedRule {
  anyOf: ReadonlyArray<readonly string[]>;
  /** Chinese column name(s) listed in `missing`. */
  label: string;
  indicator: IndicatorId | null;
  /** What cannot be done without it; default "计算 <indicator name>（<id>）". */
  purpose?: string;
}

export interface LedgerDef {
  kind: string;
  /** "学校台账", "班级台账" … */
  label: string;
  fields: readonly FieldDef[];
  groups: readonly HeaderGroup[];
  /** Each inner list: at least one of these fields must be recognised. */
  anchors: ReadonlyArray<readonly string[]>;
  /** Fewest recognised columns (anchors included). */
  minFields: number;
  needs: readonly NeedRule[];
}

const NAME_SYNONYMS = ['学校名称', '学校', '校名', '单位名称', '学校单位名称', '学校全称', '学校名', '单位', '校别', '学校单位'];

export const SCHOOL_LEDGER: LedgerDef = {
  kind: 'school',
  label: '学校台账',
  anchors: [['name']],
  minFields: 3,
  fields: [
    { field: 'name', label: '学校名称', value: 'text', synonyms: NAME_SYNONYMS },
    {
      field: 'type', label: '学校类型', value: 'text',
      synonyms: ['学校类型', '类型', '学校类别', '类别', '办学类型', '学校性质类型', '学段类型', '学校类型学段', '办学层次', '学校层次'],
    },
    {
      field: 'students', label: '在校生数', value: 'count', dim: 'count', split: true, loose: true, indicator: null,
      synonyms: [
        '在校生数', '在校学生数', '学生数', '学生人数', '在校生人数', '在校学生人数', '学生总数', '在校生总数',
        '在籍学生数', '在籍生数', '学生总人数', '在校生总人数', '在校学生总数',
      ],
    },
    {
      field: 'classes', label: '班级数', value: 'count', dim: 'count', split: true, indicator: 'G3',
      synonyms: ['班级数', '班数', '教学班数', '班级个数', '班级总数', '教学班', '班级数量', '教学班个数', '班级总个数'],
    },
    {
      field: 'degreeTeachers', label: '高于规定学历教师数', value: 'count', dim: 'count', split: true, loose: true, indicator: 'R1',
      synonyms: [
        '高于规定学历教师数', '高于规定学历的教师数', '高于规定学历专任教师数', '高于规定学历的专任教师数',
        '学历高于规定教师数', '高于规定学历教师人数', '高学历教师数', '高于规定学历',
      ],
    },
    {
      field: 'backboneTeachers', label: '县级及以上骨干教师数', value: 'count', dim: 'count', split: true, loose: true, indicator: 'R2',
      synonyms: [
        '县级及以上骨干教师数', '县级以上骨干教师数', '县级及县级以上骨干教师数', '县级及以上骨干教师人数',
        '县级以上骨干教师人数', '骨干教师数', '县级骨干教师数', '县级及以上骨干', '县级以上骨干',
      ],
    },
    {
      field: 'peArtTeachers', label: '体育艺术专任教师数', value: 'count', dim: 'count', split: true, loose: true, indicator: 'R3',
      synonyms: [
        '体育艺术专任教师数', '体育艺术音乐美术专任教师数', '体育音乐美术专任教师数', '体艺专任教师数', '体音美专任教师数',
        '体育艺术教师数', '体音美教师数', '体育艺术专任教师人数', '体艺教师数', '音体美专任教师数', '音体美教师数',
      ],
    },
    {
      field: 'peTeachers', label: '体育专任教师数', value: 'count', dim: 'count', split: true, loose: true, indicator: 'R3',
      synonyms: ['体育专任教师数', '体育教师数', '体育专任教师人数', '体育教师人数'],
    },
    {
      field: 'musicTeachers', label: '音乐专任教师数', value: 'count', dim: 'count', split: true, loose: true, indicator: 'R3',
      synonyms: ['音乐专任教师数', '音乐教师数', '音乐专任教师人数', '音乐教师人数'],
    },
    {
      field: 'artTeachers', label: '美术专任教师数', value: 'count', dim: 'count', split: true, loose: true, indicator: 'R3',
      synonyms: ['美术专任教师数', '美术教师数', '美术专任教师人数', '美术教师人数'],
    },
    {
      field: 'floorArea', label: '教学及辅助用房面积', value: 'amount', dim: 'area', split: true, loose: true, indicator: 'R4',
      synonyms: [
        '教学及辅助用房面积', '教学及辅助用房', '教学辅助用房面积', '教学及教学辅助用房面积', '教学及辅助用房建筑面积',
        '教学辅助用房', '教学及辅助用房总面积', '教学及辅助用房面积合计', '教学和辅助用房面积',
      ],
    },
    {
      field: 'sportsArea', label: '体育运动场馆面积', value: 'amount', dim: 'area', split: true, loose: true, indicator: 'R5',
      synonyms: [
        '体育运动场馆面积', '体育场馆面积', '运动场地面积', '体育运动场馆', '体育运动场地面积', '运动场馆面积',
        '体育场地面积', '体育运动场面积', '体育运动场馆总面积', '体育场馆', '运动场馆', '运动场地',
      ],
    },
    {
      field: 'equipmentValue', label: '教学仪器设备值', value: 'amount', dim: 'money', split: true, loose: true, indicator: 'R6',
      synonyms: [
        '教学仪器设备值', '教学仪器设备总值', '仪器设备值', '教学仪器设备资产值', '教学仪器设备价值', '仪器设备总值',
        '教学仪器设备值总额', '教学仪器设备', '教学仪器设备资产总值', '教学仪器设备总额', '仪器设备价值',
      ],
    },
    {
      field: 'multimediaRooms', label: '网络多媒体教室数', value: 'count', dim: 'count', split: true, loose: true, indicator: 'R7',
      synonyms: ['网络多媒体教室', '网络多媒体教室数', '多媒体教室数', '多媒体教室', '网络多媒体教室间数', '多媒体教室间数'],
    },
    {
      field: 'musicRooms', label: '音乐专用教室间数', value: 'count', dim: 'count', loose: true, indicator: 'G3',
      synonyms: ['音乐教室间数', '音乐教室数', '音乐专用教室数', '音乐专用教室间数', '音乐室间数', '音乐室数', '音乐教室数量'],
    },
    {
      field: 'musicRoomArea', label: '音乐教室总面积', value: 'amount', dim: 'area', loose: true, indicator: 'G3',
      synonyms: ['音乐教室面积', '音乐教室总面积', '音乐专用教室面积', '音乐专用教室总面积', '音乐室面积'],
    },
    {
      field: 'musicRoomAreaEach', label: '音乐教室每间面积', value: 'amount', dim: 'area', loose: true, indicator: 'G3',
      synonyms: ['音乐教室间均面积', '音乐教室每间面积', '音乐教室平均面积', '音乐教室单间面积', '每间音乐教室面积', '音乐教室平均每间面积'],
    },
    {
      field: 'artRooms', label: '美术专用教室间数', value: 'count', dim: 'count', loose: true, indicator: 'G3',
      synonyms: ['美术教室间数', '美术教室数', '美术专用教室数', '美术专用教室间数', '美术室间数', '美术室数', '美术教室数量'],
    },
    {
      field: 'artRoomArea', label: '美术教室总面积', value: 'amount', dim: 'area', loose: true, indicator: 'G3',
      synonyms: ['美术教室面积', '美术教室总面积', '美术专用教室面积', '美术专用教室总面积', '美术室面积'],
    },
    {
      field: 'artRoomAreaEach', label: '美术教室每间面积', value: 'amount', dim: 'area', loose: true, indicator: 'G3',
      synonyms: ['美术教室间均面积', '美术教室每间面积', '美术教室平均面积', '美术教室单间面积', '每间美术教室面积', '美术教室平均每间面积'],
    },
  ],
  groups: [
    {
      parents: ['音乐教室', '音乐专用教室', '音乐室'],
      children: {
        间数: 'musicRooms', 数量: 'musicRooms', 间: 'musicRooms', 数: 'musicRooms', 个数: 'musicRooms',
        面积: 'musicRoomArea', 总面积: 'musicRoomArea', 建筑面积: 'musicRoomArea', 使用面积: 'musicRoomArea',
        间均面积: 'musicRoomAreaEach', 每间面积: 'musicRoomAreaEach', 平均面积: 'musicRoomAreaEach',
        单间面积: 'musicRoomAreaEach', 平均每间面积: 'musicRoomAreaEach', 生均面积: 'musicRoomAreaEach',
      },
      byUnit: { count: 'musicRooms', area: 'musicRoomArea' },
    },
    {
      parents: ['美术教室', '美术专用教室', '美术室'],
      children: {
        间数: 'artRooms', 数量: 'artRooms', 间: 'artRooms', 数: 'artRooms', 个数: 'artRooms',
        面积: 'artRoomArea', 总面积: 'artRoomArea', 建筑面积: 'artRoomArea', 使用面积: 'artRoomArea',
        间均面积: 'artRoomAreaEach', 每间面积: 'artRoomAreaEach', 平均面积: 'artRoomAreaEach',
        单间面积: 'artRoomAreaEach', 平均每间面积: 'artRoomAreaEach',
      },
      byUnit: { count: 'artRooms', area: 'artRoomArea' },
    },
    {
      parents: [
        '体育艺术专任教师', '体育艺术专任教师数', '体育艺术音乐美术专任教师数', '体育艺术音乐美术专任教师', '体艺专任教师',
        '体艺专任教师数', '体音美专任教师', '体音美专任教师数', '体育艺术教师', '体育艺术教师数', '专任教师', '专任教师数',
        '音体美专任教师', '音体美专任教师数', '音体美教师',
      ],
      children: {
        体育: 'peTeachers', 音乐: 'musicTeachers', 美术: 'artTeachers',
        体育教师: 'peTeachers', 音乐教师: 'musicTeachers', 美术教师: 'artTeachers',
        体育专任教师: 'peTeachers', 音乐专任教师: 'musicTeachers', 美术专任教师: 'artTeachers',
        艺术音乐: 'musicTeachers', 艺术美术: 'artTeachers',
        合计: 'peArtTeachers', 小计: 'peArtTeachers', 总计: 'peArtTeachers', 体育艺术: 'peArtTeachers', 体育艺术合计: 'peArtTeachers',
      },
    },
  ],
  needs: [
    { anyOf: [['students']], label: '在校生数', indicator: null, purpose: '计算 资源配置各项指标（R1–R7）和学校规模（G4）' },
    { anyOf: [['degreeTeachers']], label: '高于规定学历教师数', indicator: 'R1' },
    { anyOf: [['backboneTeachers']], label: '县级及以上骨干教师数', indicator: 'R2' },
    {
      anyOf: [['peArtTeachers'], ['peTeachers', 'musicTeachers', 'artTeachers']],
      label: '体育艺术专任教师数', indicator: 'R3',
    },
    { anyOf: [['floorArea']], label: '教学及辅助用房面积', indicator: 'R4' },
    { anyOf: [['sportsArea']], label: '体育运动场馆面积', indicator: 'R5' },
    { anyOf: [['equipmentValue']], label: '教学仪器设备值', indicator: 'R6' },
    { anyOf: [['multimediaRooms']], label: '网络多媒体教室数', indicator: 'R7' },
    { anyOf: [['classes']], label: '班级数', indicator: 'G3', purpose: '检查 音乐、美术专用教室配备（G3）' },
    { anyOf: [['musicRooms']], label: '音乐专用教室间数', indicator: 'G3', purpose: '检查 音乐专用教室配备（G3）' },
    {
      anyOf: [['musicRoomArea'], ['musicRoomAreaEach']], label: '音乐教室面积', indicator: 'G3',
      purpose: '检查 音乐教室每间面积（G3）',
    },
    { anyOf: [['artRooms']], label: '美术专用教室间数', indicator: 'G3', purpose: '检查 美术专用教室配备（G3）' },
    {
      anyOf: [['artRoomArea'], ['artRoomAreaEach']], label: '美术教室面积', indicator: 'G3',
      purpose: '检查 美术教室每间面积（G3）',
    },
  ],
};

export const CLASS_LEDGER: LedgerDef = {
  kind: 'class',
  label: '班级台账',
  anchors: [['grade', 'className'], ['students']],
  minFields: 3,
  fields: [
    { field: 'school', label: '学校名称', value: 'text', synonyms: [...NAME_SYNONYMS, '所在学校', '所属学校', '学校名称全称'] },
    { field: 'grade', label: '年级', value: 'text', synonyms: ['年级', '年级名称', '所在年级', '年级段', '年级别'] },
    {
      field: 'className', label: '班级', value: 'text',
      synonyms: ['班级', '班别', '班级名称', '班号', '班名', '班级号', '班次', '班级编号', '年级班级', '班'],
    },
    {
      field: 'students', label: '班级人数', value: 'count', dim: 'count', loose: true, indicator: 'G5',
      synonyms: [
        '班级人数', '学生数', '人数', '班额', '学生人数', '班级学生数', '在班人数', '班额人数', '班级学生人数',
        '实有人数', '在校生数', '在籍人数', '班级在校生数', '本班人数', '学生数量',
      ],
    },
  ],
  groups: [],
  needs: [{ anyOf: [['students']], label: '班级人数', indicator: 'G5', purpose: '检查 班额（G5）' }],
};

/** The ledger kinds `readLedgers` looks for, in tie-break order. */
export const LEDGER_DEFS: readonly LedgerDef[] = [SCHOOL_LEDGER, CLASS_LEDGER];

/** Words that mark a total row (合计/小计 …) when found in the first text cells of a row. */
export const TOTAL_WORDS: readonly string[] = ['合计', '小计', '总计', '全县', '平均', '累计', '总合', '汇总'];

/** Words that start a note row (填表说明 …); rows after a note are not data. */
export const NOTE_PREFIXES: readonly string[] = [
  '填表说明', '填表人', '填报人', '填表日期', '填报日期', '审核人', '审核', '备注', '注:', '注1', '注①', '说明', '制表',
  '单位负责人', '负责人', '联系电话', '联系人', '统计人', '校长签字', '签字', '盖章', '单位盖章', '报送', '数据来源',
];
