/**
 * The demo county's teacher ledger (教师台账): one row per teacher, consistent with the school ledger's counts
 * except for the planted mismatches (a backbone teacher written 校级, two 本科 written 专科, a teacher of a
 * school the school ledger does not have), with 培训学时 just under and exactly at the standard's 360.
 */
import { PARTS, PLAN, type Part } from './demo-schools';
import { mulberry32 } from './random';

export interface PlannedTeacher {
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
export const HOURS_SHORT: { school: string; index: number; hours: number }[] = [
  { school: '示例县城关第一小学', index: 5, hours: 300 },
  { school: '西河乡初级中学', index: 2, hours: 359 },
  { school: '六泉乡九年一贯制学校', index: 7, hours: 240 },
];
export const HOURS_EXACT = { school: '示例县城关第二小学', index: 4, hours: 360 };
export const NO_CERTIFICATE = { school: '马圪当乡中心小学', index: 3 };
/** School-ledger counts the teacher ledger does not match: one backbone teacher written 校级, two 本科 written 专科. */
export const MISMATCH_BACKBONE = '东关小学';
export const MISMATCH_DEGREE = { school: '示例县第二中学', stage: '初中' as const, count: 2 };
export const UNKNOWN_SCHOOL = '城关一小';

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

export const TEACHERS = makeTeachers();
