/**
 * The ledgers the reader recognises, as DATA: each ledger kind lists its fields, the header texts that
 * name each field (matched after `normalizeHeader`), merged-header groups (parent 音乐教室 over 间数/面积),
 * what a ledger must have to be recognised, and which columns the indicators need.
 *
 * A new ledger kind (teacher ledger, 县级数据 sheet) is added by adding a `LedgerDef` here; header
 * detection, unit handling and cell coercion are generic.
 */
import type { IndicatorId } from '../standard/schema';

/**
 * How a field's cells are read. `count` = a whole, non-negative number; `amount` = non-negative decimal;
 * `percent` = a share read by `readPercent` (96%, "96%", 0.96 and 96 all give 0.96; a bare 1 is ambiguous).
 */
export type ValueKind = 'text' | 'count' | 'amount' | 'percent';

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
  /** Another ledger kind that can supply it (R1–R3 from the teacher ledger): no finding when that ledger exists. */
  derivableFrom?: string;
  /**
   * Reported only when a ledger of this kind has one of these fields (the finance columns are optional as a
   * group: a ledger with none of them is not told it lacks 生均基准定额, one with 公用经费 is).
   */
  onlyWith?: readonly string[];
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
    {
      field: 'budget', label: '公用经费', value: 'amount', dim: 'money', indicator: 'G6',
      synonyms: [
        '公用经费', '公用经费预算', '年度公用经费', '公用经费预算总额', '年度公用经费预算', '年度公用经费预算总额',
        '公用经费总额', '公用经费拨款', '公用经费核定数', '核定公用经费', '公用经费金额', '学校公用经费', '公用经费预算数',
      ],
    },
    {
      field: 'baseQuota', label: '生均基准定额', value: 'amount', dim: 'money', indicator: 'G6',
      synonyms: [
        '生均基准定额', '生均公用经费基准定额', '公用经费基准定额', '基准定额', '生均定额', '生均公用经费定额',
        '生均公用经费标准', '公用经费生均标准', '生均标准',
      ],
    },
    {
      field: 'perStudentFunding', label: '生均公用经费', value: 'amount', dim: 'money', indicator: 'G7',
      synonyms: ['生均公用经费', '生均公用经费额', '生均公用经费水平', '生均公用经费支出', '实际生均公用经费'],
    },
    {
      field: 'trainingFunds', label: '教师培训经费', value: 'amount', dim: 'money', indicator: 'Q4',
      synonyms: ['教师培训经费', '培训经费', '教师培训费', '师资培训经费', '教师培训经费预算', '教师培训经费安排', '培训费'],
    },
    {
      field: 'nearbyShare', label: '就近划片入学比例', value: 'percent', split: true, indicator: 'G13',
      synonyms: [
        '就近划片入学比例', '就近入学比例', '划片入学比例', '就近划片入学率', '就近入学率', '划片就近入学比例',
        '就近划片入学比例%', '就近入学比例%', '就近划片入学', '就近入学',
      ],
    },
    // The school facts of the 《规程》 transition rules (standard `transition`) and the 室内体育用房 setting.
    {
      field: 'builtYear', label: '建校时间', value: 'text',
      synonyms: [
        '建校时间', '建校年份', '建校年代', '建校年', '建成年份', '建成时间', '建成年代', '竣工年份', '竣工时间', '始建年份',
        '始建时间', '规划建设年份', '规划建设时间', '建设年份', '建设时间', '校舍建成年份', '建校日期', '建成日期',
      ],
    },
    {
      field: 'ruralSmall', label: '乡村小规模学校', value: 'text',
      synonyms: ['乡村小规模学校', '是否乡村小规模学校', '乡村小规模', '是否乡村小规模', '乡村小规模学校是否', '是否为乡村小规模学校'],
    },
    {
      field: 'cityCentre', label: '中心城区学校', value: 'text',
      synonyms: ['中心城区学校', '是否中心城区学校', '中心城区', '是否中心城区', '是否位于中心城区', '是否为中心城区学校', '人口密集中心城区学校'],
    },
    {
      field: 'maxClassSize', label: '最大班额', value: 'count', dim: 'count', loose: true, indicator: 'G3',
      synonyms: ['最大班额', '最大班额人数', '最大班级人数', '最大班级学生数', '最大班学生数', '最大班额学生数', '班额最大值'],
    },
    {
      field: 'migrantStudents', label: '随迁子女数', value: 'count', dim: 'count', loose: true, indicator: 'G4',
      synonyms: [
        '随迁子女数', '随迁子女人数', '进城务工人员随迁子女数', '进城务工人员随迁子女人数', '随迁子女在校生数', '随迁子女学生数',
        '进城务工随迁子女数', '随迁子女',
      ],
    },
    {
      field: 'itinerantPeArtTeachers', label: '走教/兼职体艺教师数', value: 'count', dim: 'count', split: true, loose: true, indicator: 'R3',
      synonyms: [
        '走教兼职体艺教师数', '走教兼职体育艺术教师数', '交流轮岗兼职走教体育艺术教师数', '交流轮岗兼职走教体艺教师数', '走教体艺教师数',
        '兼职体艺教师数', '走教教师数', '走教兼职教师数', '兼职走教体艺教师数', '走教兼职交流轮岗体艺教师数', '走教兼职体育艺术教师人数',
      ],
    },
    {
      field: 'leasedSportsArea', label: '租赁/改造运动场地面积', value: 'amount', dim: 'area', split: true, loose: true, indicator: 'R5',
      synonyms: [
        '租赁改造运动场地面积', '租赁改造运动场馆面积', '改造租赁运动场地面积', '租赁运动场馆面积', '租赁运动场地面积', '改造运动场地面积',
        '屋顶地下及租赁运动场地面积', '屋顶地下运动场地面积', '租赁场馆面积', '租赁及改造运动场地面积', '租赁改造场地面积',
      ],
    },
    {
      field: 'indoorSportsArea', label: '室内体育用房面积', value: 'amount', dim: 'area', split: true, loose: true, indicator: 'R5',
      synonyms: [
        '室内体育用房面积', '室内体育用房', '室内体育用房建筑面积', '室内体育活动用房面积', '室内体育场馆面积', '室内运动场馆面积',
        '风雨操场面积', '室内体育用房使用面积',
      ],
    },
    {
      field: 'locale', label: '城乡类型', value: 'text',
      synonyms: ['城乡类型', '所在地', '城乡分类', '所在区域', '城乡属性', '学校所在地', '所在地类型', '城乡', '区域类型', '所在地区类型', '地域'],
    },
    {
      field: 'boarding', label: '是否寄宿制', value: 'text',
      synonyms: ['是否寄宿制', '是否寄宿', '寄宿制', '寄宿制学校', '是否寄宿制学校', '寄宿'],
    },
    {
      field: 'charter', label: '章程', value: 'text', indicator: 'Q3',
      synonyms: ['章程', '学校章程', '是否制定章程', '制定章程', '有无章程', '章程制定', '是否有章程', '章程情况'],
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
    { anyOf: [['degreeTeachers']], label: '高于规定学历教师数', indicator: 'R1', derivableFrom: 'teacher' },
    { anyOf: [['backboneTeachers']], label: '县级及以上骨干教师数', indicator: 'R2', derivableFrom: 'teacher' },
    {
      anyOf: [['peArtTeachers'], ['peTeachers', 'musicTeachers', 'artTeachers']],
      label: '体育艺术专任教师数', indicator: 'R3', derivableFrom: 'teacher',
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
    {
      anyOf: [['baseQuota']], label: '生均基准定额', indicator: 'G6', onlyWith: ['budget'],
      purpose: '检查 不足100名学生学校的公用经费（G6）',
    },
    {
      anyOf: [['budget']], label: '公用经费', indicator: 'Q4', onlyWith: ['trainingFunds', 'baseQuota'],
      purpose: '检查 教师培训经费占公用经费的比例（Q4）和公用经费核定（G6）',
    },
    {
      anyOf: [['locale']], label: '城乡类型', indicator: 'G13', onlyWith: ['nearbyShare'],
      purpose: '判断哪些学校位于城区和镇区，检查 就近划片入学比例（G13）',
    },
    {
      anyOf: [['boarding']], label: '是否寄宿制', indicator: 'G13', onlyWith: ['nearbyShare'],
      purpose: '判断哪些学校是寄宿制学校，检查 就近划片入学比例（G13）',
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

/** 教师台账: one row per teacher. */
export const TEACHER_LEDGER: LedgerDef = {
  kind: 'teacher',
  label: '教师台账',
  anchors: [['name'], ['school'], ['degree', 'hours', 'certificate', 'backbone', 'subject']],
  minFields: 4,
  fields: [
    { field: 'name', label: '姓名', value: 'text', synonyms: ['姓名', '教师姓名', '教职工姓名', '名字', '教师', '老师姓名'] },
    { field: 'school', label: '学校', value: 'text', synonyms: [...NAME_SYNONYMS, '所在学校', '所属学校', '任教学校', '工作单位', '任职学校', '现任教学校'] },
    { field: 'stage', label: '学段', value: 'text', synonyms: ['学段', '任教学段', '所在学段', '学部', '任教学部'] },
    {
      field: 'degree', label: '学历', value: 'text', indicator: 'R1',
      synonyms: ['学历', '最高学历', '第一学历', '现学历', '学历层次', '文化程度', '最后学历', '现有学历'],
    },
    {
      field: 'backbone', label: '骨干级别', value: 'text', indicator: 'R2',
      synonyms: ['骨干级别', '骨干教师级别', '骨干教师', '是否骨干教师', '骨干', '骨干层级', '骨干教师等级', '名优教师级别', '骨干类别'],
    },
    { field: 'subject', label: '任教学科', value: 'text', indicator: 'R3', synonyms: ['任教学科', '学科', '所教学科', '主教学科', '任课学科', '教学科目', '担任学科', '任教科目'] },
    { field: 'fullTime', label: '是否专任', value: 'text', indicator: 'R3', synonyms: ['是否专任', '是否专任教师', '专任教师', '专兼职', '专任兼任', '专职兼职', '是否专职'] },
    {
      field: 'certificate', label: '教师资格证', value: 'text', indicator: 'G12',
      synonyms: ['教师资格证', '教师资格证书', '是否持有教师资格证', '有无教师资格证', '教师资格证号', '教师资格证书编号', '资格证', '资格证书', '是否持证', '教师资格', '教师资格证编号', '持证情况'],
    },
    {
      field: 'hours', label: '五年培训学时', value: 'amount', indicator: 'G9',
      synonyms: ['五年培训学时', '5年培训学时', '五年累计培训学时', '培训学时', '累计培训学时', '五年内培训学时', '近五年培训学时', '继续教育学时', '周期培训学时', '五年培训总学时', '培训学时数'],
    },
    {
      field: 'eligible', label: '是否符合交流条件', value: 'text', indicator: 'G11',
      synonyms: ['是否符合交流条件', '符合交流条件', '是否符合交流轮岗条件', '符合交流轮岗条件', '应交流', '是否应交流'],
    },
    {
      field: 'rotated', label: '本年度是否交流轮岗', value: 'text', indicator: 'G11',
      synonyms: ['本年度是否交流轮岗', '是否交流轮岗', '本年度交流轮岗', '交流轮岗', '是否交流', '本年度是否交流', '本年交流轮岗', '已交流轮岗'],
    },
  ],
  groups: [],
  needs: [
    { anyOf: [['degree']], label: '学历', indicator: 'R1', purpose: '统计高于规定学历教师数（R1）' },
    { anyOf: [['backbone']], label: '骨干级别', indicator: 'R2', purpose: '统计县级及以上骨干教师数（R2）' },
    { anyOf: [['subject']], label: '任教学科', indicator: 'R3', purpose: '统计体育、艺术专任教师数（R3）' },
    { anyOf: [['hours']], label: '五年培训学时', indicator: 'G9' },
    { anyOf: [['eligible']], label: '是否符合交流条件', indicator: 'G11' },
    { anyOf: [['rotated']], label: '本年度是否交流轮岗', indicator: 'G11' },
    { anyOf: [['certificate']], label: '教师资格证', indicator: 'G12' },
  ],
};

/** 核查清单: the checklist the tool writes once; the user's answers are read back. */
export const CHECKLIST_LEDGER: LedgerDef = {
  kind: 'checklist',
  label: '核查清单',
  anchors: [['id'], ['status'], ['evidence']],
  minFields: 3,
  fields: [
    { field: 'id', label: '编号', value: 'text', synonyms: ['编号', '指标编号', '序号编号', '项目编号'] },
    { field: 'item', label: '指标', value: 'text', synonyms: ['指标', '指标名称', '评估指标', '项目'] },
    { field: 'content', label: '内容', value: 'text', synonyms: ['内容', '核查内容', '评估内容', '要求'] },
    { field: 'status', label: '状态', value: 'text', synonyms: ['状态', '核查结果', '自查结果', '结论', '是否达标', '达标情况'] },
    { field: 'evidence', label: '佐证材料', value: 'text', synonyms: ['佐证材料', '佐证', '证明材料', '支撑材料', '佐证材料说明'] },
    { field: 'remark', label: '备注', value: 'text', synonyms: ['备注', '说明'] },
  ],
  groups: [],
  needs: [],
};

/**
 * The one-school-per-sheet form (学校填报表: 序号 | 类别 | 填报项目 | 单位 | 填报值 | 是否必填 | 备注说明): the
 * header texts of its item, unit and value columns. Each 填报项目 is then matched like a school-ledger header
 * (SCHOOL_LEDGER's synonyms, 学段 in brackets or as a prefix: "小学学生人数", "…（小学）").
 */
export const FORM_HEADERS: Readonly<Record<'item' | 'unit' | 'value', readonly string[]>> = {
  item: ['填报项目', '项目', '项目名称', '指标', '指标名称', '统计项目', '填报内容', '调查项目', '统计指标', '数据项'],
  unit: ['单位', '计量单位', '填报单位'],
  value: ['填报值', '填报数', '填报数值', '填报数据', '数值', '数据', '值', '本年数', '实有数', '填报结果', '统计值'],
};
/** Fewest 填报项目 a sheet must map (besides 学校名称) to be taken as a form when it names no school. */
export const FORM_MIN_ITEMS = 3;
/**
 * "专科及以上学历教师人数（小学）": a degree item counts as 高于规定学历教师数 (R1) for the 学段 whose required
 * degree (settings.requiredDegree) it names. Group 1 is the degree word.
 */
export const DEGREE_ITEM = /^(.{1,8}?)(?:学历)?及以上(?:学历)?(?:的)?(?:专任)?教师(?:人)?数?$/;

/** The ledger kinds `readLedgers` looks for, in tie-break order. */
export const LEDGER_DEFS: readonly LedgerDef[] = [SCHOOL_LEDGER, CLASS_LEDGER, TEACHER_LEDGER, CHECKLIST_LEDGER];

/** How a county figure's value cell is read. */
export type CountyValueKind = 'amount' | 'count' | 'percent' | 'yesno' | 'level';

export interface CountyItemDef {
  item: string;
  label: string;
  value: CountyValueKind;
  indicator: IndicatorId;
  /** Item texts (normalised like headers; a leading 全县/县域/本县 and an id such as "G8" are ignored). */
  synonyms: readonly string[];
}

/** The figures a 县级数据 sheet may hold, recognised by the item's name in any cell, the value to its right. */
export const COUNTY_ITEM_DEFS: readonly CountyItemDef[] = [
  {
    item: 'teacherPay', label: '教师平均工资收入', value: 'amount', indicator: 'G8',
    synonyms: ['教师平均工资', '教师平均工资收入', '义务教育学校教师平均工资', '义务教育学校教师平均工资收入', '教师年平均工资', '教师平均工资收入水平', '义务教育教师平均工资', '义务教育教师平均工资收入', '教师年均工资'],
  },
  {
    item: 'civilPay', label: '公务员平均工资收入', value: 'amount', indicator: 'G8',
    synonyms: ['公务员平均工资', '公务员平均工资收入', '当地公务员平均工资', '当地公务员平均工资收入', '公务员年平均工资', '公务员平均工资收入水平', '公务员年均工资'],
  },
  {
    item: 'performancePay', label: '绩效工资足额核定', value: 'yesno', indicator: 'G8',
    synonyms: ['绩效工资足额核定', '是否足额核定绩效工资', '绩效工资是否足额核定', '足额核定教师绩效工资', '足额核定绩效工资', '教师绩效工资足额核定', '绩效工资总量足额核定', '是否足额核定教师绩效工资总量', '绩效工资'],
  },
  {
    item: 'quotaShare', label: '优质高中招生名额分配比例', value: 'percent', indicator: 'G14',
    synonyms: ['优质高中招生名额分配比例', '优质高中招生名额分配到校比例', '招生名额分配比例', '名额分配比例', '优质高中指标到校比例', '优质普通高中招生名额分配比例', '指标到校比例'],
  },
  {
    item: 'migrantShare', label: '随迁子女在公办学校和政府购买服务的民办学校就读比例', value: 'percent', indicator: 'G15',
    synonyms: [
      '随迁子女在公办学校和政府购买服务的民办学校就读比例', '随迁子女在公办学校和政府购买服务民办学校就读比例',
      '随迁子女就读比例', '随迁子女在公办学校就读比例', '符合条件的随迁子女在公办学校和政府购买服务的民办学校就读比例',
      '随迁子女公办学校就读比例', '随迁子女入学比例',
    ],
  },
  {
    item: 'retention', label: '初中三年巩固率', value: 'percent', indicator: 'Q1',
    synonyms: ['初中三年巩固率', '初中巩固率', '初中阶段巩固率', '初中三年保留率', '初中学生巩固率'],
  },
  {
    item: 'disabledEnrolment', label: '残疾儿童少年入学率', value: 'percent', indicator: 'Q2',
    synonyms: ['残疾儿童少年入学率', '残疾儿童入学率', '适龄残疾儿童少年入学率', '残疾儿童少年义务教育入学率', '残疾儿童少年入学安置率'],
  },
  {
    item: 'qualityLevel', label: '学业水平（Ⅲ级以上）', value: 'level', indicator: 'Q9',
    synonyms: ['学业水平', '学生学业水平', '质量监测学业水平', '学业水平等级', '相关科目学业水平', '学业水平是否达到Ⅲ级以上', '学业水平达到Ⅲ级以上', '学业水平Ⅲ级以上', '质量监测学业水平等级'],
  },
  {
    item: 'gapRate', label: '校际差异率', value: 'percent', indicator: 'Q9',
    synonyms: ['校际差异率', '质量监测校际差异率', '学业水平校际差异率', '校际差异', '校际差异系数率'],
  },
  {
    item: 'satisfaction', label: '社会认可度', value: 'percent', indicator: 'S1',
    synonyms: ['社会认可度', '满意度', '社会满意度', '群众满意度', '总体满意度', '社会认可度满意度', '满意率'],
  },
  { item: 'surveyed', label: '调查人数', value: 'count', indicator: 'S1', synonyms: ['调查人数', '参与调查人数', '调查总人数', '问卷总数', '有效问卷数', '有效问卷', '调查样本数', '样本数', '参评人数'] },
  { item: 'satisfied', label: '满意人数', value: 'count', indicator: 'S1', synonyms: ['满意人数', '满意', '满意票数', '满意问卷数'] },
  { item: 'basicallySatisfied', label: '基本满意人数', value: 'count', indicator: 'S1', synonyms: ['基本满意人数', '基本满意', '比较满意', '比较满意人数', '基本满意票数'] },
  { item: 'dissatisfied', label: '不满意人数', value: 'count', indicator: 'S1', synonyms: ['不满意人数', '不满意', '不满意票数', '不满意问卷数'] },
];

/** Words that mark a total row (合计/小计 …) when found in the first text cells of a row. */
export const TOTAL_WORDS: readonly string[] = ['合计', '小计', '总计', '全县', '平均', '累计', '总合', '汇总'];
/** Words that also mark a total row at the END of a label (城关镇小计, 义务教育学校合计); not 平均 (李平均 is a name). */
export const TOTAL_SUFFIXES: readonly string[] = ['合计', '小计', '总计', '累计', '汇总'];

/** Words that start a note row (填表说明 …); rows after a note are not data. */
export const NOTE_PREFIXES: readonly string[] = [
  '填表说明', '填表人', '填报人', '填表日期', '填报日期', '审核人', '审核', '备注', '注:', '注1', '注①', '说明', '制表',
  '单位负责人', '负责人', '联系电话', '联系人', '统计人', '校长签字', '签字', '盖章', '单位盖章', '报送', '数据来源',
];

/**
 * Names of the sheets the tool itself writes (and their 「（自查N）」 variants): never read as a 县级数据
 * sheet. 核查清单 is not here: it is read back as a ledger.
 */
export const TOOL_SHEET_NAMES: readonly string[] = [
  '资源配置达标情况', '校际差异系数', '问题清单', '政府保障程度', '教育质量', '社会认可度', '自查自评总表',
  '表Ⅰ 基本情况', '表Ⅱ-1 资源配置', '表Ⅱ-2 资源配置（分学校）', '表Ⅲ 校际均衡', '表Ⅳ 政府保障程度', '表Ⅴ 教育质量', '表Ⅵ 社会认可度',
];
