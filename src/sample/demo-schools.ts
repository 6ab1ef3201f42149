/**
 * The demo county's schools and classes (示例县, `junheng demo`): about 30 schools of every type and about 400
 * classes, as data, with the failures planted at the standard's boundaries (班额 46 and 53, a 教学点 of 99
 * students, 4.9 % and exactly 5 % training funds …). Deterministic: a seeded PRNG. `demo.ts` puts it in the
 * sample layout; the expected results live in the tests (test/fixtures/demo-facts.ts).
 */
import { nationalStandard } from '../standard';
import { mulberry32 } from './random';

export type Part = '小学' | '初中' | '高中';
export type DemoType = '小学' | '初中' | '九年一贯制' | '十二年一贯制' | '完全中学' | '教学点' | '特殊教育学校';
export type Rid = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7';

/** The national standard, read only to make the sample realistic around its thresholds (the engine reads its own). */
export const STD = nationalStandard();
const THRESHOLDS: Record<Rid, Record<'小学' | '初中', number>> = Object.fromEntries(
  (['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'] as const).map((id) => [id, { 小学: STD.indicators[id].thresholds.小学, 初中: STD.indicators[id].thresholds.初中 }]),
) as Record<Rid, Record<'小学' | '初中', number>>;
/** Apportioning weights (小学 : 初中 : 高中 of a 十二年一贯制 school), and 完全中学 初中 : 高中. */
const [W_P, W_J, W_S] = STD.settings.apportion.twelveYear;
const WEIGHTS: Record<Part, number> = { 小学: W_P, 初中: W_J, 高中: W_S };
const SENIOR_WEIGHT_FULL_MIDDLE = STD.settings.apportion.juniorSenior[1] / STD.settings.apportion.juniorSenior[0];

export interface SchoolSpec {
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

export interface PlannedClass {
  school: string;
  part: Part;
  grade: string;
  name: string;
  students: number;
}

export interface PlannedSchool {
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

export const PARTS: Part[] = ['小学', '初中', '高中'];

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

export const PLAN = makePlan();

// ---------------------------------------------------------------------------------------------------------
// Finance and enrolment columns (their own PRNG, so the plan above is unchanged)

/** 生均公用经费基准定额 (元) by 学段; 特殊教育学校 by its own. */
const QUOTA: Record<Part, number> = { 小学: 650, 初中: 850, 高中: 1000 };
const SPECIAL_QUOTA = STD.indicators.G7.thresholds.特殊教育学校;

export interface FinanceRow {
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
export const G6_SCHOOL = '东掌村教学点';
export const Q4_FAIL_SCHOOL = '示例县城关第三小学';
export const Q4_EXACT_SCHOOL = '示例县城关中学';
const G13_PLANTS: Record<string, string | number> = {
  示例县第二中学: '94.9%',
  示例县城关第二小学: '99.9%',
  示例县城关中学: '95%',
  示例县城关第一小学: 100,
  示例县第一中学: 0.97,
  示例县育才中学: '96%',
  杨村镇初级中学: 96,
};
export const Q3_FAIL_SCHOOL = '北坡乡中心小学';

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

export const FINANCE = makeFinance();
