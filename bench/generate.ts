/**
 * A county (or city) at any scale, for the benchmark and the browser tests: the plan of its schools, classes
 * and teachers, written in the sample layout by the same writer as the demo (src/sample/write.ts): merged
 * title, unit line, two-row merged header, typing slips, a 合计 row with SUM formulas, a 填表说明 block; a class
 * ledger with the school name merged down for every third school; a teacher roster (dates, notes at the end).
 *
 * Scale 1 ≈ a county: 100 schools, ~2 000 classes, ~5 000 teachers. Scale 10 ≈ a city.
 * Deterministic: one seeded PRNG; the same (scale, seed) always gives the same workbook.
 */
import type ExcelJS from 'exceljs';
import { nationalStandard } from '../src/standard';
import { SCHOOL_COLUMNS as C, toFullWidth } from '../src/sample/layout';
import { mulberry32 } from '../src/sample/random';
import { writeSampleWorkbook, type SampleColumn, type SampleCounty, type SampleValue } from '../src/sample/write';

export { mulberry32 };

type Part = '小学' | '初中' | '高中';
type SchoolType = '小学' | '初中' | '九年一贯制' | '十二年一贯制' | '完全中学' | '教学点' | '特殊教育学校';
type Rid = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7';

/** The national standard, read only to make values realistic around its thresholds (the engine reads its own). */
const STD = nationalStandard();
const THRESHOLDS: Record<Rid, Record<'小学' | '初中', number>> = Object.fromEntries(
  (['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'] as const).map((id) => [id, { 小学: STD.indicators[id].thresholds.小学, 初中: STD.indicators[id].thresholds.初中 }]),
) as Record<Rid, Record<'小学' | '初中', number>>;
const [W_P, W_J, W_S] = STD.settings.apportion.twelveYear;
const WEIGHTS: Record<Part, number> = { 小学: W_P, 初中: W_J, 高中: W_S };
const PARTS: Part[] = ['小学', '初中', '高中'];
const GRADES: Record<Part, string[]> = {
  小学: ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'],
  初中: ['七年级', '八年级', '九年级'],
  高中: ['高一', '高二', '高三'],
};
const GRADES_CHU = ['初一', '初二', '初三'];
const CLASS_LIMIT: Record<Part, number> = { 小学: 45, 初中: 50, 高中: 55 };

const TOWNS = [
  '城关', '东关', '西河', '南岭', '北坡', '石门', '马圪当', '礼义', '杨村', '夺火', '潞城', '附城', '平城', '六泉', '古郊',
  '浙水', '东掌', '槲树庄', '大箕', '金村', '高都', '川底', '巴公', '北诗', '南村', '周村', '犁川', '晋庙铺', '柳树口', '山河',
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅晓燕文斌海鹏飞丹萍';

/** One teacher as the checks see them (name, birth date, title are drawn when the sheet is written). */
interface Teacher {
  part: Part;
  degree: string;
  backbone: string | null;
  subject: string;
  fullTime: boolean;
}

const SUBJECTS: Record<Part, string[]> = {
  小学: ['语文', '数学', '英语', '科学', '道德与法治', '信息技术', '综合实践'],
  初中: ['语文', '数学', '英语', '物理', '化学', '生物', '历史', '地理', '道德与法治', '信息技术'],
  高中: ['语文', '数学', '英语', '物理', '化学', '生物', '历史', '地理', '思想政治'],
};
const PE_ART: Record<Part, string[]> = { 小学: ['体育', '音乐', '美术'], 初中: ['体育与健康', '音乐', '美术'], 高中: ['体育与健康', '音乐', '美术'] };
/** Degrees that reach the requirement of each 学段 and those that do not. */
const DEGREE_OK: Record<Part, string[]> = { 小学: ['研究生', '本科', '本科', '专科', '专科', '大专'], 初中: ['研究生', '本科', '本科', '本科', '大学本科'], 高中: ['研究生', '本科', '本科'] };
const DEGREE_LOW: Record<Part, string[]> = { 小学: ['中专', '高中', '中师'], 初中: ['专科', '大专', '中专'], 高中: ['专科'] };

interface School {
  name: string;
  type: SchoolType;
  chu: boolean;
  classes: Partial<Record<Part, number>>;
  students: Partial<Record<Part, number>>;
  classRows: { part: Part; grade: string; name: string; students: number }[];
  teachers: Teacher[];
  row: (string | number | null)[];
}

export interface CountyPlan {
  county: string;
  schools: School[];
  classCount: number;
  teacherCount: number;
}

const LAST_COL = C.remark;

export function makePlan(scale: number, seed: number): CountyPlan {
  const rnd = mulberry32(seed);
  const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const between = (a: number, b: number) => a + rnd() * (b - a);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const county = scale === 1 ? '示例县' : `示例市（${scale}倍）`;
  const nSchools = Math.round(100 * scale);
  const schools: School[] = [];
  const used = new Set<string>();
  let classCount = 0;
  let teacherCount = 0;

  for (let i = 0; i < nSchools; i++) {
    const u = rnd();
    const type: SchoolType =
      u < 0.5 ? '小学' : u < 0.7 ? '初中' : u < 0.8 ? '九年一贯制' : u < 0.83 ? '完全中学' : u < 0.84 ? '十二年一贯制' : u < 0.985 ? '教学点' : '特殊教育学校';
    const town = pick(TOWNS);
    const base =
      type === '小学' ? `${town}镇第${i % 7 === 0 ? '一' : '二'}小学` : type === '初中' ? `${town}镇初级中学` : type === '教学点' ? `${town}${pick(['东', '西', '南', '北', '上', '下'])}村教学点` : type === '特殊教育学校' ? `${town}特殊教育学校` : `${town}${type === '完全中学' ? '中学' : `${type}学校`}`;
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}（${k}）`;
    used.add(name);

    const classes: Partial<Record<Part, number>> = {};
    if (type === '小学') classes.小学 = 6 * int(2, 7);
    else if (type === '初中') classes.初中 = 3 * int(3, 10);
    else if (type === '九年一贯制') { classes.小学 = 6 * int(1, 3); classes.初中 = 3 * int(1, 3); }
    else if (type === '完全中学') { classes.初中 = 3 * int(2, 5); classes.高中 = 3 * int(2, 5); }
    else if (type === '十二年一贯制') { classes.小学 = 12; classes.初中 = 6; classes.高中 = 6; }
    else if (type === '教学点') classes.小学 = int(2, 4);
    else { classes.小学 = 4; classes.初中 = 2; }
    const chu = rnd() < 0.5;

    const students: Partial<Record<Part, number>> = {};
    const classRows: School['classRows'] = [];
    for (const part of PARTS) {
      const n = classes[part];
      if (!n) continue;
      const labels = part === '初中' && chu ? GRADES_CHU : GRADES[part];
      const grades = type === '教学点' || type === '特殊教育学校' ? labels.slice(0, n) : labels.flatMap((l) => Array<string>(n / labels.length).fill(l));
      const [lo, hi] = type === '教学点' ? [4, 18] : type === '特殊教育学校' ? [6, 12] : part === '小学' ? [24, 45] : [32, 50];
      let sum = 0;
      let prev = '';
      let k = 0;
      for (const grade of grades) {
        k = grade === prev ? k + 1 : 1;
        prev = grade;
        const size = rnd() < 0.02 ? CLASS_LIMIT[part] + int(1, 8) : int(lo, hi);
        sum += size;
        classRows.push({ part, grade, name: chu && part !== '小学' ? `${k}班` : `(${k})班`, students: size });
      }
      students[part] = sum;
    }
    classCount += classRows.length;

    // Indicator values: factor × threshold per 学段 after apportioning; ~6 % of values fall short.
    const factor = () => (rnd() < 0.06 ? between(0.6, 0.95) : between(1.05, 1.6));
    const weight = (p: Part) => (type === '完全中学' ? (p === '高中' ? 1.2 : 1) : WEIGHTS[p]);
    const parts = PARTS.filter((p) => students[p]);
    const W = parts.reduce((s, p) => s + weight(p) * (students[p] ?? 0), 0);
    const shared = (id: Rid, per100: boolean) => {
      const f = factor();
      let need = 0;
      for (const p of parts) if (p !== '高中') need = Math.max(need, (THRESHOLDS[id][p] * f * W) / weight(p));
      return per100 ? need / 100 : need;
    };
    const nClasses = classRows.length;
    const rooms = Math.max(1, Math.ceil(nClasses / 12) - (rnd() < 0.05 ? 1 : 0));
    const row: (string | number | null)[] = new Array<string | number | null>(LAST_COL).fill(null);
    const set = (col: number, v: string | number | null | undefined) => {
      row[col - 1] = v === undefined ? null : v;
    };
    set(C.seq, i + 1);
    set(C.name, name);
    set(C.type, type);
    set(C.stuP, students.小学);
    set(C.stuJ, students.初中);
    set(C.stuS, students.高中);
    set(C.clsP, classes.小学);
    set(C.clsJ, classes.初中);
    set(C.clsS, classes.高中);
    // The teacher roster first; the school ledger's R1–R3 counts are counted from it (as a county does),
    // except for ~3 % of schools where one count was copied wrong (the checks cross-check the two ledgers).
    const f1 = factor();
    const backboneN = Math.ceil(shared('R2', true));
    const peArtN = Math.ceil(shared('R3', true));
    const teachers: Teacher[] = [];
    const deg: Partial<Record<Part, number>> = {};
    for (const p of parts) {
      const n = Math.max(1, Math.round((classes[p] ?? 0) * between(2.4, 2.9)));
      const good = p === '高中' ? n : Math.min(n, Math.ceil(((students[p] ?? 0) * THRESHOLDS.R1[p] * f1) / 100));
      deg[p] = good;
      const low = p === '高中' ? 0 : Math.max(n - good, Math.round(good * 0.06));
      for (let t = 0; t < good + low; t++) {
        teachers.push({ part: p, degree: pick(t < good ? DEGREE_OK[p] : DEGREE_LOW[p]), backbone: null, subject: pick(SUBJECTS[p]), fullTime: rnd() < 0.96 });
      }
    }
    // Backbone and 体育艺术 teachers: distinct teachers, spread over the roster.
    const order = teachers.map((_, k) => k).sort(() => rnd() - 0.5);
    let k = 0;
    for (let b = 0; b < Math.min(backboneN, teachers.length); b++) teachers[order[k++ % order.length]].backbone = pick(['县级', '县级', '县级', '市级', '市级', '省级']);
    let peArt = 0;
    for (let q = 0; q < peArtN && k < order.length; q++) {
      const t = teachers[order[k++]];
      t.subject = pick(PE_ART[t.part]);
      t.fullTime = true;
      peArt++;
    }
    const backbone = teachers.filter((t) => t.backbone !== null).length;
    const wrong = rnd() < 0.03 ? pick([C.degP, C.backbone, C.peArt]) : 0;
    const off = (col: number, v: number) => (col === wrong ? v + 1 : v);
    if (students.小学) set(C.degP, off(C.degP, deg.小学 ?? 0));
    if (students.初中) set(C.degJ, deg.初中 ?? 0);
    set(C.backbone, off(C.backbone, backbone));
    set(C.peArt, off(C.peArt, peArt));
    set(C.floor, Math.ceil(shared('R4', false)));
    set(C.sports, Math.ceil(shared('R5', false)));
    set(C.equip, Math.ceil(shared('R6', false) / 100) / 100);
    set(C.media, Math.ceil(shared('R7', true)));
    set(C.musicRooms, rooms);
    set(C.musicArea, rooms * int(90, 128));
    set(C.artRooms, Math.max(1, Math.ceil(nClasses / 12)));
    set(C.artArea, Math.max(1, Math.ceil(nClasses / 12)) * int(90, 120));
    if (rnd() < 0.1) set(C.remark, pick(['城区学校，学位紧张', '教学楼改扩建中', '实验室设备老化', '新建校区', '撤并后保留']));
    // Typing slips, as people type them: ~4 % of schools.
    if (rnd() < 0.04) {
      const col = pick([C.stuP, C.floor, C.sports, C.media, C.equip, C.backbone]);
      const v = row[col - 1];
      if (typeof v === 'number') {
        const s = rnd();
        row[col - 1] = s < 0.25 ? '暂无' : s < 0.5 ? toFullWidth(String(v)) : s < 0.75 ? v.toLocaleString('en-US') : `${v}${col === C.stuP ? '人' : ''}`;
      }
    }
    teacherCount += teachers.length;
    schools.push({ name, type, chu, classes, students, classRows, teachers, row });
  }
  return { county, schools, classCount, teacherCount };
}

const TEACHER_COLUMNS: SampleColumn[] = [
  { header: '序号', width: 6 },
  { header: '学校名称', width: 26, align: 'left' },
  { header: '姓名', width: 8 },
  { header: '性别', width: 6 },
  { header: '出生年月', width: 10, numFmt: 'yyyy-mm' },
  { header: '最高学历', width: 10 },
  { header: '专业技术职务', width: 12 },
  { header: '任教学段', width: 8 },
  { header: '任教学科', width: 12 },
  { header: '骨干教师级别', width: 10 },
  { header: '是否专任教师', width: 8 },
  { header: '教师资格证', width: 8 },
  { header: '五年培训学时', width: 10 },
  { header: '是否符合交流条件', width: 10 },
  { header: '本年度是否交流轮岗', width: 10 },
  { header: '备注', width: 10 },
];
const TITLES = ['正高级教师', '高级教师', '一级教师', '一级教师', '二级教师', '二级教师', '三级教师', '未评'];

/** The teacher roster's rows: what the checks read comes from the plan; names, dates and titles are drawn here. */
function teacherRows(plan: CountyPlan, seed: number): SampleValue[][] {
  const rnd = mulberry32(seed ^ 0x5eed);
  const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(rnd() * xs.length)] as T;
  const rows: SampleValue[][] = [];
  let seq = 1;
  for (const s of plan.schools) {
    for (const t of s.teachers) {
      const eligible = rnd() < 0.4;
      const h = rnd() < 0.03 ? 200 + Math.floor(rnd() * 160) : 360 + Math.floor(rnd() * 240);
      const slip = rnd();
      const hours = slip < 0.002 ? '暂无' : slip < 0.004 ? `${h}学时` : h;
      rows.push([
        seq++,
        s.name,
        pick<string>(SURNAMES) + pick<string>(GIVEN) + (rnd() < 0.6 ? pick<string>(GIVEN) : ''),
        rnd() < 0.62 ? '女' : '男',
        new Date(Date.UTC(1962 + Math.floor(rnd() * 40), Math.floor(rnd() * 12), 1)),
        t.degree,
        pick(TITLES),
        t.part,
        t.subject,
        t.backbone,
        t.fullTime ? '是' : '否',
        rnd() < 0.99 ? '有' : '无',
        hours,
        eligible ? '是' : '否',
        eligible && rnd() < (t.backbone ? 0.5 : 0.12) ? '是' : '否',
        rnd() < 0.02 ? pick(['支教', '借调', '病假', '交流轮岗']) : null,
      ]);
    }
  }
  return rows;
}

/** The plan in the sample layout. */
export function countyOf(plan: CountyPlan, seed: number): SampleCounty {
  return {
    county: plan.county,
    lastSchoolColumn: LAST_COL,
    schools: plan.schools.map((s) => ({ name: s.name, row: s.row, classes: s.classRows })),
    teachers: {
      columns: TEACHER_COLUMNS,
      rows: teacherRows(plan, seed),
      note: '填表说明：出生年月按身份证填写；骨干教师级别填县级、市级、省级；交流轮岗教师在备注中注明。',
    },
    notes: [
      `${plan.county}义务教育优质均衡发展自查台账（基准测试数据）`,
      '',
      '本工作簿由基准测试按固定随机种子生成，学校、数字均为虚构。',
      '报送要求：请各校于2022年9月10日前报教育局督导室。',
    ],
  };
}

/** The workbook for `scale` (1 = county). */
export function buildCountyWorkbook(scale: number, seed = 20221101, plan = makePlan(scale, seed)): ExcelJS.Workbook {
  return writeSampleWorkbook(countyOf(plan, seed));
}
