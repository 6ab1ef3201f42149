/**
 * A realistic sample county workbook for 示例县 (`junheng demo`, tests, screenshots): about 30 schools of
 * every type and about 400 classes, laid out the messy way real 台账 are — merged title, unit line,
 * two-row merged header, header variants, a 合计 row, a 填表说明 block, typing slips, a class ledger
 * with the school name merged down, and an unrelated sheet.
 *
 * Deterministic: a seeded PRNG, fixed workbook dates. `demoWorkbookFacts` says what was planted.
 */
import ExcelJS from 'exceljs';
import { columnLetter } from '../ledger/grid';
import { nationalStandard } from '../standard';
import { mulberry32 } from './random';

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness

// ---------------------------------------------------------------------------------------------------------
// The plan: schools and classes as data, computed once

type Part = '小学' | '初中' | '高中';
type DemoType = '小学' | '初中' | '九年一贯制' | '十二年一贯制' | '完全中学' | '教学点' | '特殊教育学校';
type Rid = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7';

/** The national standard, read only to make the sample realistic around its thresholds (the engine reads its own). */
const STD = nationalStandard();
const THRESHOLDS: Record<Rid, Record<'小学' | '初中', number>> = Object.fromEntries(
  (['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'] as const).map((id) => [id, { 小学: STD.indicators[id].thresholds.小学, 初中: STD.indicators[id].thresholds.初中 }]),
) as Record<Rid, Record<'小学' | '初中', number>>;
/** Apportioning weights (小学 : 初中 : 高中 of a 十二年一贯制 school), and 完全中学 初中 : 高中. */
const [W_P, W_J, W_S] = STD.settings.apportion.twelveYear;
const WEIGHTS: Record<Part, number> = { 小学: W_P, 初中: W_J, 高中: W_S };
const SENIOR_WEIGHT_FULL_MIDDLE = STD.settings.apportion.juniorSenior[1] / STD.settings.apportion.juniorSenior[0];

interface SchoolSpec {
  name: string;
  type: DemoType;
  classes: Partial<Record<Part, number>>;
  /** Class size range [min, max] per 学段. */
  size: Partial<Record<Part, [number, number]>>;
  /** Grade labels for 初中: 七年级 or 初一. */
  juniorStyle?: 'seven' | 'chu';
  /** Indicator factors (value ÷ threshold) overriding the random 1.08–1.6. */
  factors?: Partial<Record<Rid, number>>;
  /** Music rooms fewer than the G3 requirement by this many. */
  musicShort?: number;
  /** Students planted exactly (the last class takes the rest): 东掌村教学点 has 99 for the G6 boundary. */
  forceTotal?: number;
  remark?: string;
}

const T = (a: number, b: number): [number, number] => [a, b];

const SPECS: SchoolSpec[] = [
  // 小学
  { name: '示例县城关第一小学', type: '小学', classes: { 小学: 48 }, size: { 小学: T(41, 45) }, factors: { R6: 5.6 }, remark: '城区学校，学位紧张' },
  { name: '示例县城关第二小学', type: '小学', classes: { 小学: 36 }, size: { 小学: T(39, 45) }, factors: { R6: 5.2 }, musicShort: 1 },
  { name: '示例县城关第三小学', type: '小学', classes: { 小学: 24 }, size: { 小学: T(38, 45) } },
  { name: '东关小学', type: '小学', classes: { 小学: 18 }, size: { 小学: T(36, 45) } },
  { name: '西河乡中心小学', type: '小学', classes: { 小学: 12 }, size: { 小学: T(24, 38) } },
  { name: '南岭镇中心小学', type: '小学', classes: { 小学: 12 }, size: { 小学: T(26, 40) } },
  { name: '北坡乡中心小学', type: '小学', classes: { 小学: 12 }, size: { 小学: T(22, 36) } },
  { name: '石门乡中心小学', type: '小学', classes: { 小学: 12 }, size: { 小学: T(25, 38) }, factors: { R4: 0.72 }, remark: '教学楼改扩建中' },
  { name: '马圪当乡中心小学', type: '小学', classes: { 小学: 12 }, size: { 小学: T(22, 35) }, factors: { R5: 0.62, R7: 0.8 } },
  { name: '礼义镇中心小学', type: '小学', classes: { 小学: 12 }, size: { 小学: T(28, 40) } },
  { name: '杨村镇中心小学', type: '小学', classes: { 小学: 12 }, size: { 小学: T(24, 37) } },
  { name: '夺火乡中心小学', type: '小学', classes: { 小学: 12 }, size: { 小学: T(20, 34) } },
  // 初中
  { name: '示例县城关中学', type: '初中', classes: { 初中: 24 }, size: { 初中: T(44, 50) }, juniorStyle: 'seven' },
  { name: '示例县第二中学', type: '初中', classes: { 初中: 18 }, size: { 初中: T(42, 50) }, juniorStyle: 'chu' },
  { name: '西河乡初级中学', type: '初中', classes: { 初中: 9 }, size: { 初中: T(36, 48) }, juniorStyle: 'seven', factors: { R6: 0.55 }, remark: '实验室设备老化' },
  { name: '南岭镇初级中学', type: '初中', classes: { 初中: 9 }, size: { 初中: T(35, 47) }, juniorStyle: 'chu' },
  { name: '礼义镇初级中学', type: '初中', classes: { 初中: 9 }, size: { 初中: T(38, 48) }, juniorStyle: 'seven' },
  { name: '杨村镇初级中学', type: '初中', classes: { 初中: 9 }, size: { 初中: T(34, 46) }, juniorStyle: 'chu' },
  // 九年一贯制
  { name: '潞城镇九年一贯制学校', type: '九年一贯制', classes: { 小学: 6, 初中: 3 }, size: { 小学: T(28, 40), 初中: T(35, 46) }, juniorStyle: 'seven' },
  { name: '附城镇九年一贯制学校', type: '九年一贯制', classes: { 小学: 6, 初中: 3 }, size: { 小学: T(26, 38), 初中: T(34, 45) }, juniorStyle: 'chu' },
  { name: '平城镇九年一贯制学校', type: '九年一贯制', classes: { 小学: 6, 初中: 3 }, size: { 小学: T(27, 39), 初中: T(33, 44) }, juniorStyle: 'seven', factors: { R4: 0.9 } },
  { name: '六泉乡九年一贯制学校', type: '九年一贯制', classes: { 小学: 6, 初中: 3 }, size: { 小学: T(20, 32), 初中: T(30, 42) }, juniorStyle: 'chu' },
  // 十二年一贯制
  { name: '示例县实验学校', type: '十二年一贯制', classes: { 小学: 12, 初中: 6, 高中: 6 }, size: { 小学: T(38, 45), 初中: T(42, 50), 高中: T(42, 50) }, juniorStyle: 'seven' },
  // 完全中学
  { name: '示例县第一中学', type: '完全中学', classes: { 初中: 9, 高中: 9 }, size: { 初中: T(42, 50), 高中: T(44, 50) }, juniorStyle: 'chu' },
  { name: '示例县育才中学', type: '完全中学', classes: { 初中: 9, 高中: 9 }, size: { 初中: T(40, 49), 高中: T(42, 50) }, juniorStyle: 'seven' },
  // 教学点 (two under the cut of 50 students)
  { name: '古郊村教学点', type: '教学点', classes: { 小学: 3 }, size: { 小学: T(5, 11) } },
  { name: '浙水村教学点', type: '教学点', classes: { 小学: 3 }, size: { 小学: T(10, 15) } },
  { name: '东掌村教学点', type: '教学点', classes: { 小学: 4 }, size: { 小学: T(23, 27) }, forceTotal: 99 },
  { name: '槲树庄教学点', type: '教学点', classes: { 小学: 4 }, size: { 小学: T(15, 19) } },
  // 特殊教育
  { name: '示例县特殊教育学校', type: '特殊教育学校', classes: { 小学: 4, 初中: 2 }, size: { 小学: T(8, 12), 初中: T(6, 10) } },
];

/** Classes planted over the 班额 limit: school, 学段, grade index within the 学段 (0-based), class number, size. */
const OVERSIZED: { school: string; part: Part; grade: number; cls: number; students: number }[] = [
  { school: '示例县城关第二小学', part: '小学', grade: 2, cls: 2, students: 48 },
  { school: '东关小学', part: '小学', grade: 0, cls: 1, students: 46 },
  { school: '示例县第二中学', part: '初中', grade: 1, cls: 3, students: 53 },
];

const GRADES_PRIMARY = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];
const GRADES_SEVEN = ['七年级', '八年级', '九年级'];
const GRADES_CHU = ['初一', '初二', '初三'];
const GRADES_SENIOR = ['高一', '高二', '高三'];

interface PlannedClass {
  school: string;
  part: Part;
  grade: string;
  name: string;
  students: number;
}

interface PlannedSchool {
  spec: SchoolSpec;
  students: Partial<Record<Part, number>>;
  classes: Partial<Record<Part, number>>;
  degreeTeachers: Partial<Record<'小学' | '初中', number>>;
  backboneTeachers: number;
  peArtTeachers: number;
  floorArea: number;
  sportsArea: number;
  /** 万元, two decimals. */
  equipmentWan: number;
  multimediaRooms: number;
  musicRooms: number;
  musicArea: number;
  artRooms: number;
  artArea: number;
}

const PARTS: Part[] = ['小学', '初中', '高中'];

function gradesOf(spec: SchoolSpec, part: Part, count: number): string[] {
  const labels = part === '小学' ? GRADES_PRIMARY : part === '初中' ? (spec.juniorStyle === 'chu' ? GRADES_CHU : GRADES_SEVEN) : GRADES_SENIOR;
  if (spec.type === '教学点' || spec.type === '特殊教育学校') return labels.slice(0, count);
  const per = count / labels.length;
  const out: string[] = [];
  for (const l of labels) for (let i = 0; i < per; i++) out.push(l);
  return out;
}

function makePlan(): { schools: PlannedSchool[]; classes: PlannedClass[] } {
  const rnd = mulberry32(20220901);
  const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const between = (a: number, b: number) => a + rnd() * (b - a);
  const schools: PlannedSchool[] = [];
  const classes: PlannedClass[] = [];

  for (const spec of SPECS) {
    const students: Partial<Record<Part, number>> = {};
    for (const part of PARTS) {
      const n = spec.classes[part];
      if (!n) continue;
      const grades = gradesOf(spec, part, n);
      const range = spec.size[part] ?? T(30, 40);
      let sum = 0;
      let prev = '';
      let k = 0;
      grades.forEach((grade, gi) => {
        k = grade === prev ? k + 1 : 1;
        prev = grade;
        const gradeIndex = [GRADES_PRIMARY, GRADES_SEVEN, GRADES_CHU, GRADES_SENIOR].map((g) => g.indexOf(grade)).find((i) => i >= 0) ?? gi;
        const planted = OVERSIZED.find((o) => o.school === spec.name && o.part === part && o.grade === gradeIndex && o.cls === k);
        let size = planted ? planted.students : int(range[0], range[1]);
        if (spec.forceTotal !== undefined && gi === grades.length - 1) size = spec.forceTotal - sum;
        sum += size;
        const name = spec.juniorStyle === 'chu' && part !== '小学' ? `${k}班` : `(${k})班`;
        classes.push({ school: spec.name, part, grade, name, students: size });
      });
      students[part] = sum;
    }

    // Indicator values: factor × threshold for each 学段 part, robust to apportioning shared quantities.
    const factor = (id: Rid) => spec.factors?.[id] ?? Number(between(1.08, 1.6).toFixed(3));
    const seniorWeight = spec.type === '完全中学' ? SENIOR_WEIGHT_FULL_MIDDLE : WEIGHTS.高中;
    const weight = (p: Part) => (p === '高中' ? seniorWeight : spec.type === '完全中学' && p === '初中' ? 1 : WEIGHTS[p]);
    const parts = PARTS.filter((p) => students[p]);
    const W = parts.reduce((s, p) => s + weight(p) * (students[p] ?? 0), 0);
    /** A whole-school quantity such that every 义务教育 part reaches factor × threshold after apportioning. */
    const shared = (id: Rid, per100: boolean) => {
      const f = factor(id);
      let need = 0;
      for (const p of parts) {
        if (p === '高中') continue;
        need = Math.max(need, (THRESHOLDS[id][p] * f * W) / weight(p));
      }
      return per100 ? need / 100 : need;
    };
    const degree: Partial<Record<'小学' | '初中', number>> = {};
    const f1 = factor('R1');
    for (const p of ['小学', '初中'] as const) {
      const n = students[p];
      if (n) degree[p] = Math.ceil((n * THRESHOLDS.R1[p] * f1) / 100);
    }
    const allClasses = parts.reduce((s, p) => s + (spec.classes[p] ?? 0), 0);
    const roomsNeeded = Math.ceil(allClasses / 12);
    const musicRooms = Math.max(roomsNeeded - (spec.musicShort ?? 0), spec.musicShort ? 0 : 1);
    const artRooms = Math.max(roomsNeeded, 1);
    schools.push({
      spec,
      students,
      classes: spec.classes,
      degreeTeachers: degree,
      backboneTeachers: Math.ceil(shared('R2', true)),
      peArtTeachers: Math.ceil(shared('R3', true)),
      floorArea: Math.ceil(shared('R4', false)),
      sportsArea: Math.ceil(shared('R5', false)),
      equipmentWan: Math.ceil(shared('R6', false) / 100) / 100,
      multimediaRooms: Math.ceil(shared('R7', true)),
      musicRooms,
      musicArea: musicRooms * int(96, 128),
      artRooms,
      artArea: artRooms * int(90, 120),
    });
  }
  return { schools, classes };
}

const PLAN = makePlan();

// ---------------------------------------------------------------------------------------------------------
// Finance and enrolment columns (their own PRNG, so the plan above is unchanged)

/** 生均公用经费基准定额 (元) by 学段; 特殊教育学校 by its own. */
const QUOTA: Record<Part, number> = { 小学: 650, 初中: 850, 高中: 1000 };
const SPECIAL_QUOTA = STD.indicators.G7.thresholds.特殊教育学校;

interface FinanceRow {
  /** 公用经费, 万元, two decimals. */
  budgetWan: number;
  quota: number;
  trainingWan: number;
  locale: '城区' | '镇区' | '乡村';
  boarding: '是' | '否';
  /** As written in the cell (a share, a percentage number or "…%" text); null = blank. */
  nearby: string | number | null;
  charter: '有' | '无';
}

/** Planted: G6 (99 students, under-funded), Q4 4.9 % and exactly 5 %, G13 94.9 % 初中 / 99.9 % 小学 / 95 % 初中, Q3 无章程. */
const G6_SCHOOL = '东掌村教学点';
const Q4_FAIL_SCHOOL = '示例县城关第三小学';
const Q4_EXACT_SCHOOL = '示例县城关中学';
const G13_PLANTS: Record<string, string | number> = {
  示例县第二中学: '94.9%',
  示例县城关第二小学: '99.9%',
  示例县城关中学: '95%',
  示例县城关第一小学: 100,
  示例县第一中学: 0.97,
  示例县育才中学: '96%',
  杨村镇初级中学: 96,
};
const Q3_FAIL_SCHOOL = '北坡乡中心小学';

function localeOfDemo(name: string): FinanceRow['locale'] {
  if (name.startsWith('示例县') || name === '东关小学') return '城区';
  if (name.includes('镇')) return '镇区';
  return '乡村';
}

function makeFinance(): Map<string, FinanceRow> {
  const rnd = mulberry32(20221015);
  const out = new Map<string, FinanceRow>();
  for (const s of PLAN.schools) {
    const name = s.spec.name;
    const special = s.spec.type === '特殊教育学校';
    let need = 0;
    let students = 0;
    for (const p of PARTS) {
      const n = s.students[p] ?? 0;
      students += n;
      need += n * (special ? SPECIAL_QUOTA : QUOTA[p]);
    }
    const mainQuota = special ? SPECIAL_QUOTA : s.students.小学 ? QUOTA.小学 : QUOTA.初中;
    if (!special && students < 100) need = 100 * mainQuota;
    let budgetWan = Math.ceil((need * (1.04 + rnd() * 0.2)) / 100) / 100;
    if (name === G6_SCHOOL) budgetWan = Math.floor((100 * mainQuota - 3000) / 100) / 100; // 3000 元 short
    if (name === Q4_EXACT_SCHOOL) budgetWan = Math.ceil(budgetWan * 5) / 5; // training = exactly 5 %
    let trainingWan = Math.ceil(budgetWan * (0.055 + rnd() * 0.03) * 100) / 100;
    if (name === Q4_FAIL_SCHOOL) trainingWan = Math.floor(budgetWan * 0.049 * 100) / 100;
    if (name === Q4_EXACT_SCHOOL) trainingWan = Math.round(budgetWan * 5) / 100;
    const locale = special ? '城区' : localeOfDemo(name);
    const boarding: FinanceRow['boarding'] =
      special || s.spec.type === '九年一贯制' || name === '南岭镇初级中学' || name === '礼义镇初级中学' ? '是' : '否';
    let nearby: string | number | null = null;
    if (locale !== '乡村' && boarding === '否') nearby = G13_PLANTS[name] ?? (s.students.小学 ? '100%' : '98%');
    out.set(name, { budgetWan, quota: mainQuota, trainingWan, locale, boarding, nearby, charter: name === Q3_FAIL_SCHOOL ? '无' : '有' });
  }
  return out;
}

const FINANCE = makeFinance();

// ---------------------------------------------------------------------------------------------------------
// The teacher ledger (教师台账): one row per teacher, consistent with the school ledger's counts except for
// the planted mismatches; and the county figures (县级数据)

interface PlannedTeacher {
  name: string;
  school: string;
  /** '' for the 教学点 (the 学段 comes from the school type). */
  stage: Part | '';
  degree: string;
  backbone: string;
  subject: string;
  fullTime: '是' | '否';
  certificate: string;
  hours: number;
  eligible: '是' | '否';
  rotated: '是' | '否';
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '文', '华', '红', '建国', '晓燕', '玉兰', '志强', '海燕', '晓明', '丽娟', '建华', '云', '鹏', '宁', '慧', '琳', '欣'];
const SUBJECTS_PRIMARY = ['语文', '数学', '英语', '科学', '道德与法治', '信息技术'];
const SUBJECTS_SECONDARY = ['语文', '数学', '英语', '物理', '化学', '生物', '历史', '地理', '道德与法治'];
const PE_ART = ['体育与健康', '音乐', '美术', '体育', '音乐', '美术'];

/** Planted teacher-ledger facts. */
const HOURS_SHORT: { school: string; index: number; hours: number }[] = [
  { school: '示例县城关第一小学', index: 5, hours: 300 },
  { school: '西河乡初级中学', index: 2, hours: 359 },
  { school: '六泉乡九年一贯制学校', index: 7, hours: 240 },
];
const HOURS_EXACT = { school: '示例县城关第二小学', index: 4, hours: 360 };
const NO_CERTIFICATE = { school: '马圪当乡中心小学', index: 3 };
/** School-ledger counts the teacher ledger does not match: one backbone teacher written 校级, two 本科 written 专科. */
const MISMATCH_BACKBONE = '东关小学';
const MISMATCH_DEGREE = { school: '示例县第二中学', stage: '初中' as const, count: 2 };
const UNKNOWN_SCHOOL = '城关一小';

function makeTeachers(): PlannedTeacher[] {
  const rnd = mulberry32(20221101);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
  const out: PlannedTeacher[] = [];
  let serial = 0;
  const person = () => {
    serial++;
    return `${SURNAMES[(serial * 7) % SURNAMES.length]}${GIVEN[(serial * 13 + Math.floor(serial / 40)) % GIVEN.length]}`;
  };
  for (const s of PLAN.schools) {
    const name = s.spec.name;
    const single = s.spec.type === '教学点';
    const mine: PlannedTeacher[] = [];
    for (const p of PARTS) {
      const n = s.students[p];
      if (!n) continue;
      const deg = p === '高中' ? 0 : (s.degreeTeachers[p] ?? 0);
      const perTeacher = p === '小学' ? 15 : 12;
      const total = Math.max(Math.ceil(n / perTeacher), deg + 3);
      for (let i = 0; i < total; i++) {
        const above = p === '高中' || i < deg;
        const degree = p === '小学' ? (above ? pick(['本科', '专科', '大专', '本科', '硕士研究生']) : pick(['中专', '高中', '中师'])) : above ? pick(['本科', '大学本科', '本科', '研究生']) : pick(['专科', '大专']);
        mine.push({
          name: person(), school: name, stage: single ? '' : p, degree, backbone: rnd() < 0.3 ? '校级' : '无',
          subject: pick(p === '小学' ? SUBJECTS_PRIMARY : SUBJECTS_SECONDARY), fullTime: '是',
          certificate: rnd() < 0.6 ? '有' : `${2008 + Math.floor(rnd() * 14)}${String(14050000000 + Math.floor(rnd() * 9999999))}`,
          hours: 360 + Math.floor(rnd() * 16) * 10, eligible: rnd() < 0.36 ? '是' : '否', rotated: '否',
        });
      }
    }
    // Backbone (whole school) and PE/music/art (whole school) on teachers spread over the school.
    const step = (k: number) => Math.max(1, Math.floor(mine.length / Math.max(k, 1)));
    const b = step(s.backboneTeachers);
    for (let k = 0; k < s.backboneTeachers; k++) {
      const t = mine[(k * b + 1) % mine.length];
      t.backbone = k % 8 === 0 ? '市级' : k % 19 === 5 ? '省级' : '县级';
      if (k % 3 !== 2) t.eligible = '是';
    }
    const a = step(s.peArtTeachers);
    for (let k = 0; k < s.peArtTeachers; k++) mine[(k * a + 2) % mine.length].subject = PE_ART[k % PE_ART.length];
    // A few part-time teachers of other subjects (not counted as 专任).
    for (let k = 0; k < mine.length; k += 37) if (!PE_ART.includes(mine[k].subject) && mine[k].backbone !== '县级') mine[k].fullTime = '否';
    out.push(...mine);
  }
  const of = (school: string) => out.filter((t) => t.school === school);
  for (const h of HOURS_SHORT) of(h.school)[h.index].hours = h.hours;
  of(HOURS_EXACT.school)[HOURS_EXACT.index].hours = HOURS_EXACT.hours;
  const nc = of(NO_CERTIFICATE.school)[NO_CERTIFICATE.index];
  nc.certificate = '无';
  nc.fullTime = '是';
  const bb = of(MISMATCH_BACKBONE).find((t) => t.backbone === '县级');
  if (bb) bb.backbone = '校级';
  of(MISMATCH_DEGREE.school)
    .filter((t) => t.stage === MISMATCH_DEGREE.stage && (t.degree === '本科' || t.degree === '大学本科'))
    .slice(0, MISMATCH_DEGREE.count)
    .forEach((t) => {
      t.degree = '专科';
    });
  out.push({
    name: person(), school: UNKNOWN_SCHOOL, stage: '小学', degree: '本科', backbone: '无', subject: '语文', fullTime: '是',
    certificate: '有', hours: 400, eligible: '否', rotated: '否',
  });
  // Rotation: just under 10 % of the eligible teachers, a quarter of them backbone.
  const eligible = out.filter((t) => t.eligible === '是');
  const rotate = Math.floor(eligible.length * 0.095);
  const backbone = eligible.filter((t) => t.backbone === '县级' || t.backbone === '市级' || t.backbone === '省级');
  const others = eligible.filter((t) => !backbone.includes(t));
  const fromBackbone = Math.ceil(rotate * 0.25);
  for (let k = 0; k < fromBackbone; k++) backbone[(k * 3) % backbone.length].rotated = '是';
  const rest = rotate - eligible.filter((t) => t.rotated === '是').length;
  for (let k = 0, placed = 0; placed < rest; k++) {
    const t = others[(k * 7) % others.length];
    if (t.rotated === '是') continue;
    t.rotated = '是';
    placed++;
  }
  return out;
}

const TEACHERS = makeTeachers();

export const DEMO_TEACHER_SHEET = '教师台账';
export const DEMO_COUNTY_SHEET = '县级数据';
const TEACHER_TITLE = '示例县义务教育学校教师信息台账（2022年）';
const FIRST_TEACHER_ROW = 3;
const TEACHER_HEADERS = ['序号', '姓名', '学校', '学段', '学历', '骨干级别', '任教学科', '是否专任', '教师资格证', '五年培训学时', '是否符合交流条件', '本年度是否交流轮岗'];
const TC = { name: 2, school: 3, stage: 4, degree: 5, backbone: 6, subject: 7, fullTime: 8, certificate: 9, hours: 10, eligible: 11, rotated: 12 } as const;

/** County figures: G8 pay under the civil servants', G14 48 %, Q2 written as a bare 1 (ambiguous), S1 exactly 85 %. */
const COUNTY_ROWS: [string, string | number, string][] = [
  ['教师平均工资收入（元）', 96500, '县人社局、县财政局提供，2022年度'],
  ['公务员平均工资收入（元）', 98000, '县人社局提供，2022年度'],
  ['绩效工资足额核定', '是', '按规定核定绩效工资总量'],
  ['优质高中招生名额分配比例', '48%', '县教育局，2022年中考'],
  ['随迁子女在公办学校和政府购买服务的民办学校就读比例', 0.91, ''],
  ['初中三年巩固率', 96.2, '按2019级学生计算'],
  ['残疾儿童少年入学率', 1, '县残联提供'],
  ['学业水平（国家义务教育质量监测）', 'Ⅲ级', '2021年监测结果'],
  ['校际差异率', 0.12, '2021年监测结果'],
  ['调查人数', 2000, '社会认可度问卷调查'],
  ['满意人数', 1320, ''],
  ['基本满意人数', 380, ''],
  ['不满意人数', 300, ''],
];
const FIRST_COUNTY_ROW = 3;

// ---------------------------------------------------------------------------------------------------------
// Layout

export const DEMO_SCHOOL_SHEET = '学校基本情况台账';
export const DEMO_CLASS_SHEET = '班级台账';
export const DEMO_NOTES_SHEET = '说明';

const SCHOOL_TITLE = '示例县义务教育学校办学条件统计表（2022年）';
const CLASS_TITLE = '示例县义务教育学校班级学生数统计表（2022年秋季学期）';
const FIRST_SCHOOL_ROW = 5;
const FIRST_CLASS_ROW = 3;

/** School ledger columns (1-based). */
const C = {
  seq: 1, name: 2, type: 3,
  stuP: 4, stuJ: 5, stuS: 6,
  clsP: 7, clsJ: 8, clsS: 9,
  degP: 10, degJ: 11,
  backbone: 12, peArt: 13, floor: 14, sports: 15, equip: 16, media: 17,
  musicRooms: 18, musicArea: 19, artRooms: 20, artArea: 21, remark: 22,
  budget: 23, quota: 24, training: 25, locale: 26, boarding: 27, nearby: 28, charter: 29,
} as const;
const LAST_COL = C.charter;

/**
 * The school ledger's two-row header on rows 3–4, the way county offices draw it: single columns merged
 * down over both rows, and parent headers (在校生数 …) merged across their 学段 / 间数·面积 children.
 */
export function writeTwoRowHeader(ws: ExcelJS.Worksheet, single: [number, string][], groups: [number, string, string[]][]): void {
  for (const [col, text] of single) {
    ws.getCell(3, col).value = text;
    ws.mergeCells(3, col, 4, col);
  }
  for (const [col, parent, children] of groups) {
    ws.getCell(3, col).value = parent;
    ws.mergeCells(3, col, 3, col + children.length - 1);
    children.forEach((c, i) => {
      ws.getCell(4, col + i).value = c;
    });
  }
}

const addr = (row: number, col: number) => `${columnLetter(col)}${row}`;

function toFullWidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

interface Slip {
  school: string;
  col: number;
  render: (v: number) => string;
  meant: (v: number) => number | null;
}

const SLIPS: Slip[] = [
  { school: '南岭镇中心小学', col: C.media, render: () => '暂无', meant: () => null },
  { school: '槲树庄教学点', col: C.floor, render: (v) => toFullWidth(String(v)), meant: (v) => v },
  { school: '示例县城关第三小学', col: C.sports, render: (v) => v.toLocaleString('en-US'), meant: (v) => v },
  { school: '北坡乡中心小学', col: C.stuP, render: (v) => `${v}人`, meant: (v) => v },
];

function schoolRowValues(s: PlannedSchool, seq: number): (string | number | null)[] {
  const row: (string | number | null)[] = new Array<string | number | null>(LAST_COL).fill(null);
  const set = (col: number, v: string | number | null | undefined) => {
    row[col - 1] = v === undefined ? null : v;
  };
  set(C.seq, seq);
  set(C.name, s.spec.name);
  set(C.type, s.spec.type);
  set(C.stuP, s.students.小学);
  set(C.stuJ, s.students.初中);
  set(C.stuS, s.students.高中);
  set(C.clsP, s.classes.小学);
  set(C.clsJ, s.classes.初中);
  set(C.clsS, s.classes.高中);
  set(C.degP, s.degreeTeachers.小学);
  set(C.degJ, s.degreeTeachers.初中);
  set(C.backbone, s.backboneTeachers);
  set(C.peArt, s.peArtTeachers);
  set(C.floor, s.floorArea);
  set(C.sports, s.sportsArea);
  set(C.equip, s.equipmentWan);
  set(C.media, s.multimediaRooms);
  set(C.musicRooms, s.musicRooms);
  set(C.musicArea, s.musicArea);
  set(C.artRooms, s.artRooms);
  set(C.artArea, s.artArea);
  set(C.remark, s.spec.remark ?? null);
  const f = FINANCE.get(s.spec.name);
  if (f) {
    set(C.budget, f.budgetWan);
    set(C.quota, f.quota);
    set(C.training, f.trainingWan);
    set(C.locale, f.locale);
    set(C.boarding, f.boarding);
    set(C.nearby, f.nearby);
    set(C.charter, f.charter);
  }
  for (const slip of SLIPS) {
    if (slip.school !== s.spec.name) continue;
    const v = row[slip.col - 1];
    if (typeof v === 'number') row[slip.col - 1] = slip.render(v);
  }
  return row;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

function numFmtOf(col: number): string | undefined {
  if (col >= C.stuP && col <= C.peArt) return '#,##0';
  if (col === C.floor || col === C.sports || col === C.musicArea || col === C.artArea) return '#,##0.0';
  if (col === C.equip) return '0.00';
  if (col === C.media || col === C.musicRooms || col === C.artRooms) return '0';
  if (col === C.budget || col === C.training) return '0.00';
  if (col === C.quota) return '#,##0';
  return undefined;
}

function buildSchoolSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(DEMO_SCHOOL_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const last = columnLetter(LAST_COL);

  ws.getCell('A1').value = SCHOOL_TITLE;
  ws.mergeCells(`A1:${last}1`);
  ws.getCell('A1').style = { font: { name: '宋体', size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };
  ws.getRow(1).height = 30;

  ws.getCell('A2').value = '填报单位（盖章）：示例县教育局';
  ws.mergeCells('A2:K2');
  ws.getCell('L2').value = '单位：人、个、㎡、万元';
  ws.mergeCells(`L2:${last}2`);
  ws.getCell('L2').style = { alignment: { horizontal: 'right' } };

  // Two-row header with merged parents.
  const single: [number, string][] = [
    [C.seq, '序号'],
    [C.name, '学校名称'],
    [C.type, '学校类型'],
    [C.backbone, '县级及以上骨干教师数（人）'],
    [C.peArt, '体育艺术专任教师数（人）'],
    [C.floor, '教学及辅助用房面积（㎡）'],
    [C.sports, '体育运动场馆面积（㎡）'],
    [C.equip, '教学仪器设备总值（万元）'],
    [C.media, '网络多媒体教室（间）'],
    [C.remark, '备注'],
    [C.budget, '公用经费预算（万元）'],
    [C.quota, '生均基准定额（元）'],
    [C.training, '教师培训经费（万元）'],
    [C.locale, '城乡类型'],
    [C.boarding, '是否寄宿制'],
    [C.nearby, '就近划片入学比例'],
    [C.charter, '学校章程'],
  ];
  writeTwoRowHeader(ws, single, [
    [C.stuP, '在校生数（人）', ['小学', '初中', '高中']],
    [C.clsP, '班级数（个）', ['小学', '初中', '高中']],
    [C.degP, '高于规定学历教师数（人）', ['小学（专科及以上）', '初中（本科及以上）']],
    [C.musicRooms, '音乐教室', ['间数', '面积（㎡）']],
    [C.artRooms, '美术教室', ['间数', '面积（㎡）']],
  ]);
  for (const r of [3, 4]) {
    ws.getRow(r).height = 36;
    for (let c = 1; c <= LAST_COL; c++) {
      ws.getCell(r, c).style = {
        font: { name: '宋体', size: 10, bold: true },
        alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
        fill: HEADER_FILL,
        border: THIN,
      };
    }
  }

  let r = FIRST_SCHOOL_ROW;
  PLAN.schools.forEach((s, i) => {
    const values = schoolRowValues(s, i + 1);
    values.forEach((v, ci) => {
      const cell = ws.getCell(r, ci + 1);
      cell.value = v;
      const fmt = typeof v === 'number' ? numFmtOf(ci + 1) : undefined;
      cell.style = {
        font: { name: '宋体', size: 10 },
        border: THIN,
        alignment: { vertical: 'middle', horizontal: ci + 1 === C.name || ci + 1 === C.remark ? 'left' : 'center' },
        ...(fmt ? { numFmt: fmt } : {}),
      };
    });
    r++;
  });
  const lastData = r - 1;

  // 合计 row: SUM formulas with cached results (text cells are ignored, as Excel does).
  ws.getCell(r, C.seq).value = '合计';
  ws.mergeCells(r, C.seq, r, C.type);
  for (let c = C.stuP; c <= C.artArea; c++) {
    let sum = 0;
    for (let rr = FIRST_SCHOOL_ROW; rr <= lastData; rr++) {
      const v = ws.getCell(rr, c).value;
      if (typeof v === 'number') sum += v;
    }
    ws.getCell(r, c).value = { formula: `SUM(${addr(FIRST_SCHOOL_ROW, c)}:${addr(lastData, c)})`, result: Math.round(sum * 100) / 100 };
  }
  for (let c = 1; c <= LAST_COL; c++) {
    const fmt = numFmtOf(c);
    ws.getCell(r, c).style = {
      font: { name: '宋体', size: 10, bold: true },
      border: THIN,
      fill: TOTAL_FILL,
      alignment: { horizontal: 'center', vertical: 'middle' },
      ...(fmt ? { numFmt: fmt } : {}),
    };
  }
  const totalRow = r;

  // 填表说明 block.
  const notes = [
    '填表说明：',
    '1. 在校生数、班级数、高于规定学历教师数按学段分列；九年一贯制、十二年一贯制学校分学段填写，完全中学高中部单列。',
    '2. 教学及辅助用房面积、体育运动场馆面积、仪器设备值、网络多媒体教室为全校数，不分学段。',
    '3. 教学仪器设备总值以万元为单位，保留两位小数；教学点、特殊教育学校一并填报。',
    '填表人：王晓燕　　审核人：李建国　　联系电话：0356-6201234　　填表日期：2022年9月1日',
  ];
  r = totalRow + 2;
  for (const line of notes) {
    ws.getCell(r, 1).value = line;
    ws.mergeCells(r, 1, r, LAST_COL);
    ws.getCell(r, 1).style = { font: { name: '宋体', size: 10, italic: line.startsWith('填表人') }, alignment: { horizontal: 'left' } };
    r++;
  }

  const widths: Record<number, number> = { [C.seq]: 6, [C.name]: 26, [C.type]: 13, [C.remark]: 22, [C.nearby]: 12 };
  for (let c = 1; c <= LAST_COL; c++) ws.getColumn(c).width = widths[c] ?? 10;
}

function buildClassSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(DEMO_CLASS_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.getCell('A1').value = CLASS_TITLE;
  ws.mergeCells('A1:E1');
  ws.getCell('A1').style = { font: { name: '宋体', size: 14, bold: true }, alignment: { horizontal: 'center' } };
  ['序号', '学校名称', '年级', '班级', '班级人数'].forEach((h, i) => {
    const cell = ws.getCell(2, i + 1);
    cell.value = h;
    cell.style = { font: { name: '宋体', size: 10, bold: true }, fill: HEADER_FILL, border: THIN, alignment: { horizontal: 'center' } };
  });
  let r = FIRST_CLASS_ROW;
  PLAN.schools.forEach((s, si) => {
    const mine = PLAN.classes.filter((c) => c.school === s.spec.name);
    const merged = si % 3 === 0 && mine.length > 1;
    const first = r;
    for (const c of mine) {
      const vals: (string | number | null)[] = [r - FIRST_CLASS_ROW + 1, merged && r !== first ? null : c.school, c.grade, c.name, c.students];
      vals.forEach((v, i) => {
        const cell = ws.getCell(r, i + 1);
        cell.value = v;
        cell.style = {
          font: { name: '宋体', size: 10 },
          border: THIN,
          alignment: { horizontal: i === 1 ? 'left' : 'center', vertical: 'middle' },
          ...(i === 4 ? { numFmt: '0' } : {}),
        };
      });
      r++;
    }
    if (merged) ws.mergeCells(first, 2, r - 1, 2);
  });
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 26;
  ws.getColumn(3).width = 10;
  ws.getColumn(4).width = 8;
  ws.getColumn(5).width = 10;
}

function buildTeacherSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(DEMO_TEACHER_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.getCell('A1').value = TEACHER_TITLE;
  ws.mergeCells(1, 1, 1, TEACHER_HEADERS.length);
  ws.getCell('A1').style = { font: { name: '宋体', size: 14, bold: true }, alignment: { horizontal: 'center' } };
  TEACHER_HEADERS.forEach((h, i) => {
    const cell = ws.getCell(2, i + 1);
    cell.value = h;
    cell.style = { font: { name: '宋体', size: 10, bold: true }, fill: HEADER_FILL, border: THIN, alignment: { horizontal: 'center', wrapText: true } };
  });
  TEACHERS.forEach((t, i) => {
    const r = FIRST_TEACHER_ROW + i;
    const vals: (string | number | null)[] = [i + 1, t.name, t.school, t.stage || null, t.degree, t.backbone, t.subject, t.fullTime, t.certificate, t.hours, t.eligible, t.rotated];
    vals.forEach((v, ci) => {
      const cell = ws.getCell(r, ci + 1);
      cell.value = v;
      cell.style = { font: { name: '宋体', size: 10 }, border: THIN, alignment: { horizontal: ci === 2 ? 'left' : 'center' } };
    });
  });
  const widths = [6, 10, 24, 6, 10, 8, 12, 8, 20, 10, 10, 10];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
}

function buildCountySheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(DEMO_COUNTY_SHEET);
  ws.getCell('A1').value = '示例县义务教育优质均衡发展县级数据（2022年）';
  ws.mergeCells('A1:C1');
  ws.getCell('A1').style = { font: { name: '宋体', size: 14, bold: true }, alignment: { horizontal: 'center' } };
  ['指标', '数值', '说明'].forEach((h, i) => {
    const cell = ws.getCell(2, i + 1);
    cell.value = h;
    cell.style = { font: { name: '宋体', size: 10, bold: true }, fill: HEADER_FILL, border: THIN, alignment: { horizontal: 'center' } };
  });
  COUNTY_ROWS.forEach(([label, value, note], i) => {
    const r = FIRST_COUNTY_ROW + i;
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 2).value = value;
    ws.getCell(r, 3).value = note || null;
    for (let c = 1; c <= 3; c++) ws.getCell(r, c).style = { font: { name: '宋体', size: 10 }, border: THIN };
  });
  ws.getColumn(1).width = 50;
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 30;
}

function buildNotesSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(DEMO_NOTES_SHEET);
  const lines = [
    '示例县义务教育优质均衡发展自查台账（示例数据）',
    '',
    '本工作簿为演示数据，学校、数字均为虚构，仅用于演示「均衡自查」的检查功能。',
    '工作表「学校基本情况台账」：每校一行，按学段分列在校生数、班级数等。',
    '工作表「班级台账」：每班一行，班级人数用于核查班额。',
    '工作表「教师台账」：每名教师一行，用于核查学历、骨干、培训学时、持证和交流轮岗。',
    '工作表「县级数据」：工资、招生名额分配、巩固率、入学率、质量监测和满意度调查等县级数据。',
    '',
    '报送要求：请各校于2022年9月10日前报县教育局督导室。',
    '联系人：督导室 王老师',
  ];
  lines.forEach((l, i) => {
    ws.getCell(i + 1, 1).value = l === '' ? null : l;
  });
  ws.getCell('A1').style = { font: { bold: true, size: 12 } };
  ws.getColumn(1).width = 80;
}

/** The sample county workbook, built fresh (identical content on every call). */
export function buildDemoWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '示例县教育局';
  wb.lastModifiedBy = '示例县教育局';
  wb.created = new Date(Date.UTC(2022, 8, 1, 8, 0, 0));
  wb.modified = new Date(Date.UTC(2022, 8, 1, 8, 0, 0));
  buildSchoolSheet(wb);
  buildClassSheet(wb);
  buildTeacherSheet(wb);
  buildCountySheet(wb);
  buildNotesSheet(wb);
  return wb;
}

// ---------------------------------------------------------------------------------------------------------
// What the sample was built from, for the tests' oracle (test/fixtures/demo-facts.ts)

export type { DemoType, Part, PlannedSchool };

/** The plan the sample is written from and where it writes it; the expected results live in the tests. */
export const demoPlan = {
  std: STD,
  plan: PLAN,
  teachers: TEACHERS,
  slips: SLIPS,
  parts: PARTS,
  schoolRowValues,
  addr,
  columns: C,
  teacherColumns: TC,
  sheets: { school: DEMO_SCHOOL_SHEET, class: DEMO_CLASS_SHEET, teacher: DEMO_TEACHER_SHEET, county: DEMO_COUNTY_SHEET, notes: DEMO_NOTES_SHEET },
  titles: { school: SCHOOL_TITLE, class: CLASS_TITLE },
  firstRows: { school: FIRST_SCHOOL_ROW, class: FIRST_CLASS_ROW, teacher: FIRST_TEACHER_ROW, county: FIRST_COUNTY_ROW },
  planted: {
    hoursShort: HOURS_SHORT,
    hoursExact: HOURS_EXACT,
    noCertificate: NO_CERTIFICATE,
    mismatchBackbone: MISMATCH_BACKBONE,
    mismatchDegree: MISMATCH_DEGREE,
    unknownSchool: UNKNOWN_SCHOOL,
    g6School: G6_SCHOOL,
    q4FailSchool: Q4_FAIL_SCHOOL,
    q4ExactSchool: Q4_EXACT_SCHOOL,
    q3FailSchool: Q3_FAIL_SCHOOL,
  },
};
