/**
 * The 指标值或简要结论 of 表Ⅳ and 表Ⅴ: one sentence per item with the ledgers' figures filled in, worded as the
 * forms ask ("超过 2000 人的小学 1 所，初中 0 所 …"). Every limit comes from the standard. A sentence is written only
 * when the ledgers give its figures; null leaves the cell blank for the county to write. Counts of schools and classes
 * over a limit are the checks' findings; teacher counts are read from the teacher ledger with the checks' readers.
 */
import { TeacherVocabulary } from '../../checks';
import type { CheckResult, ChecklistLine } from '../../checks/types';
import type { Finding } from '../../ledger/finding';
import { parseYesNo } from '../../ledger/coerce';
import type { CountyItem, LedgerSet, SchoolRecord, SchoolType } from '../../ledger/types';
import type { IndicatorId, Standard } from '../../standard/schema';
import { certificatesOf, trainingOf } from '../school-form/figures';
import { figure, percentText } from './common';

/** 表Ⅳ/表Ⅴ: 比例数值保留一位小数，其余保留整数. */
export const RATIO_DECIMALS = 1;

const int = (v: number) => figure(v, 0);
const ratio = (share: number) => percentText(share, RATIO_DECIMALS);
const limit = (v: number) => String(v);

export interface Context {
  ledgers: LedgerSet;
  result: CheckResult;
  std: Standard;
}

/** The reader's and the checks' findings of an item, each once (the checks may pass the reader's through). */
function findingsOf(c: Context, id: IndicatorId, kind: Finding['kind']): Finding[] {
  const seen = new Set<string>();
  return [...c.ledgers.findings, ...c.result.findings].filter((f) => {
    if (f.indicator !== id || f.kind !== kind) return false;
    const key = JSON.stringify([f.sheet, f.cell, f.school, f.stage, f.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Distinct schools named by compliance findings of an item. */
function failingSchools(c: Context, id: IndicatorId): Set<string> {
  return new Set(findingsOf(c, id, 'compliance').map((f) => (f.school ?? `${f.sheet ?? ''}!${f.cell ?? ''}`).trim()));
}

/** " (另有 n 处数据不全，未计入)" when data findings name the item. */
function dataTail(c: Context, id: IndicatorId): string {
  const n = findingsOf(c, id, 'data').length;
  return n > 0 ? `（另有 ${n} 处数据未填或无法识别，未计入）` : '';
}

function item(c: Context, id: IndicatorId) {
  return c.result.items.find((i) => i.id === id) ?? null;
}

/** True when the ledgers let the item be judged at least in part (达标, 未达标, or 数据不全 with some data). */
function judged(c: Context, id: IndicatorId): boolean {
  const it = item(c, id);
  if (!it) return false;
  if (it.status === '达标' || it.status === '未达标') return true;
  return it.status === '数据不全' && findingsOf(c, id, 'data').length > 0;
}

function countyValue(c: Context, k: CountyItem): number | null {
  const f = c.ledgers.county?.figures[k];
  return f && f.value !== null ? f.value : null;
}

/** A checklist item: the evidence and remark the county wrote in 核查清单, when answered. */
export function checklistConclusion(c: Context, id: IndicatorId): string | null {
  const line: ChecklistLine | undefined = c.result.checklist.find((l) => l.id === id);
  if (!line || !line.answered || line.status === '待核实') return null;
  const t = [line.evidence, line.remark].filter((s) => s.trim() !== '').join('；');
  return t === '' ? null : t;
}

type SizeGroup = '小学' | '初中' | '一贯制';

function sizeGroup(rec: SchoolRecord | undefined): SizeGroup | null {
  if (!rec) return null;
  const t: SchoolType | null = rec.type;
  if (t === '小学' || t === '教学点') return '小学';
  if (t === '初中' || t === '完全中学') return '初中';
  if (t === '九年一贯制' || t === '十二年一贯制') return '一贯制';
  const st = rec.quantities.students;
  if (st?.小学 && st.初中) return '一贯制';
  if (st?.小学) return '小学';
  if (st?.初中) return '初中';
  return null;
}

/**
 * A school's 在校生数 is known: its whole-school cell, or the cells of the 学段 its type has (a 小学's blank
 * 初中 column is not a missing figure); a school of unknown type: any 学段 cell filled.
 */
function sizeKnown(s: SchoolRecord): boolean {
  const st = s.quantities.students;
  if (!st) return false;
  if (st.all && st.all.value !== null) return true;
  const filled = (n: { value: number | null } | undefined) => n !== undefined && n.value !== null;
  const group = sizeGroup(s);
  if (group === '小学') return filled(st.小学);
  if (group === '初中') return filled(st.初中);
  if (group === '一贯制') return filled(st.小学) && filled(st.初中);
  return filled(st.小学) || filled(st.初中);
}

export function g4(c: Context): string | null {
  if (!judged(c, 'G4')) return null;
  const th = c.std.indicators.G4.thresholds;
  const byName = new Map(c.ledgers.schools.map((s) => [s.name.trim(), s]));
  const n: Record<SizeGroup, number> = { 小学: 0, 初中: 0, 一贯制: 0 };
  for (const name of failingSchools(c, 'G4')) {
    const g = sizeGroup(byName.get(name));
    if (g) n[g]++;
  }
  const schools = th.小学 === th.初中 ? `超过 ${limit(th.小学)} 人的小学 ${n.小学} 所，初中 ${n.初中} 所` : `超过 ${limit(th.小学)} 人的小学 ${n.小学} 所，超过 ${limit(th.初中)} 人的初中 ${n.初中} 所`;
  const through = th.九年一贯制 === th.十二年一贯制 ? `超过 ${limit(th.九年一贯制)} 人的一贯制学校 ${n.一贯制} 所` : `超过 ${limit(th.九年一贯制)} 人的九年一贯制学校、超过 ${limit(th.十二年一贯制)} 人的十二年一贯制学校共 ${n.一贯制} 所`;
  const unknown = c.ledgers.schools.filter((s) => s.type !== '特殊教育学校' && !sizeKnown(s)).length;
  return `${schools}，${through}${unknown > 0 ? `（另有 ${unknown} 所学校在校生数未填或无法识别，未计入）` : ''}`;
}

export function g5(c: Context): string | null {
  if (!judged(c, 'G5')) return null;
  const th = c.std.indicators.G5.thresholds;
  const over = findingsOf(c, 'G5', 'compliance');
  const p = over.filter((f) => f.stage === '小学').length;
  const j = over.filter((f) => f.stage === '初中').length;
  return `超过 ${limit(th.小学)} 人的小学班级 ${p} 个，超过 ${limit(th.初中)} 人的初中班级 ${j} 个${dataTail(c, 'G5')}`;
}

export function g3(c: Context): string | null {
  if (!judged(c, 'G3')) return null;
  const th = c.std.indicators.G3.thresholds;
  return `音乐、美术专用教室（每 ${limit(th.classesPerRoom)} 个班各 1 间，每间分别不小于 ${limit(th.musicRoomArea)}、${limit(th.artRoomArea)} 平方米）未达到要求的学校 ${failingSchools(c, 'G3').size} 所${dataTail(c, 'G3')}`;
}

export function g6(c: Context): string | null {
  if (!judged(c, 'G6')) return null;
  const min = c.std.indicators.G6.thresholds.minStudents;
  return `不足 ${limit(min)} 名学生的村小学和教学点中，未按 ${limit(min)} 名学生核定公用经费的 ${failingSchools(c, 'G6').size} 所${dataTail(c, 'G6')}`;
}

/** 特殊教育学校生均公用经费: each special school's figure (its own column, else 公用经费 ÷ 在校生数). */
export function g7(c: Context): string | null {
  const special = c.ledgers.schools.filter((s) => s.type === '特殊教育学校');
  if (special.length === 0) return judged(c, 'G7') ? '县域内没有特殊教育学校' : null;
  const parts: string[] = [];
  for (const s of special) {
    const own = s.quantities.perStudentFunding?.all?.value ?? null;
    const budget = s.quantities.budget?.all?.value ?? null;
    const st = s.quantities.students;
    const splits = st ? [st.all?.value, st.小学?.value, st.初中?.value, st.高中?.value] : [];
    const students = st?.all ? (st.all.value ?? null) : splits.some((v) => typeof v === 'number') && splits.every((v) => v === undefined || typeof v === 'number') ? splits.reduce<number>((a, v) => a + (v ?? 0), 0) : null;
    const v = own ?? (budget !== null && students !== null && students > 0 ? budget / students : null);
    if (v === null) return null;
    parts.push(`${s.name} ${int(v)} 元`);
  }
  return `特殊教育学校生均公用经费：${parts.join('，')}`;
}

export function g8(c: Context): string | null {
  const t = countyValue(c, 'teacherPay');
  const p = countyValue(c, 'civilPay');
  const perf = c.ledgers.county?.figures.performancePay;
  const parts: string[] = [];
  if (t !== null && p !== null && p > 0) parts.push(`教师平均工资收入 ${int(t)} 元，公务员平均工资收入 ${int(p)} 元，教师为公务员的 ${ratio(t / p)}`);
  if (perf && perf.value !== null) parts.push(`绩效工资足额核定：${perf.value === 1 ? '是' : '否'}`);
  return parts.length > 0 ? parts.join('；') : null;
}

/** G9 counts: teachers with a 五年培训学时 cell, and those at or above the standard's hours. */
export function trainingCounts(ledgers: LedgerSet, std: Standard): { reached: number; total: number } | null {
  return trainingOf(ledgers.teachers, std);
}

export function g9(c: Context): string | null {
  const n = trainingCounts(c.ledgers, c.std);
  if (!n) return null;
  const h = c.std.indicators.G9.thresholds.hours;
  return `完成 ${limit(h)} 学时培训的教师 ${n.reached} 人，全县教师 ${n.total} 人，教师培训完成率 ${ratio(n.reached / n.total)}`;
}

/** G11 counts as the checks count them (a blank 是/否 is 否). */
export function rotationCounts(ledgers: LedgerSet, std: Standard): { eligible: number; rotated: number; backbone: number } | null {
  if (!ledgers.teachers.some((t) => t.eligible !== null) || !ledgers.teachers.some((t) => t.rotated !== null)) return null;
  const vocab = new TeacherVocabulary(std);
  const yes = (cell: { text: string } | null) => cell !== null && cell.text !== '' && parseYesNo(cell.text) === true;
  let eligible = 0;
  let rotated = 0;
  let backbone = 0;
  for (const t of ledgers.teachers) {
    if (yes(t.eligible)) eligible++;
    if (yes(t.rotated)) {
      rotated++;
      if (t.backbone && vocab.backbone(t.backbone.text) === true) backbone++;
    }
  }
  return { eligible, rotated, backbone };
}

export function g11(c: Context): string | null {
  const n = rotationCounts(c.ledgers, c.std);
  if (!n || n.eligible === 0) return null;
  const head = `符合交流条件教师 ${n.eligible} 人，交流轮岗教师 ${n.rotated} 人，交流轮岗比例 ${ratio(n.rotated / n.eligible)}`;
  return n.rotated > 0 ? `${head}；其中骨干教师 ${n.backbone} 人，占交流轮岗教师的 ${ratio(n.backbone / n.rotated)}` : head;
}

/** G12 counts: 专任 teachers (an unknown 专任 counts as 专任, as the checks do) and those with a certificate. */
export function certificateCounts(ledgers: LedgerSet): { fullTime: number; certified: number } | null {
  return certificatesOf(ledgers.teachers);
}

export function g12(c: Context): string | null {
  const n = certificateCounts(c.ledgers);
  if (!n) return null;
  return `专任教师 ${n.fullTime} 人，持有教师资格证 ${n.certified} 人，持证上岗率 ${ratio(n.certified / n.fullTime)}`;
}

export function g13(c: Context): string | null {
  if (!judged(c, 'G13')) return null;
  const th = c.std.indicators.G13.thresholds;
  return `城区和镇区公办小学、初中（不含寄宿制学校）就近划片入学比例未达到 ${ratio(th.小学)}、${ratio(th.初中)} 的学校 ${failingSchools(c, 'G13').size} 所${dataTail(c, 'G13')}`;
}

function shareSentence(c: Context, k: CountyItem, label: string): string | null {
  const v = countyValue(c, k);
  return v === null ? null : `${label} ${ratio(v)}`;
}

export function g14(c: Context): string | null {
  return shareSentence(c, 'quotaShare', '优质高中招生名额分配比例');
}

export function g15(c: Context): string | null {
  const parts: string[] = [];
  const s = shareSentence(c, 'migrantShare', '符合条件的随迁子女在公办学校和政府购买服务的民办学校就读比例');
  if (s) parts.push(s);
  const care = checklistConclusion(c, 'G15');
  if (care) parts.push(`留守儿童关爱体系：${care}`);
  return parts.length > 0 ? parts.join('；') : null;
}

/** Q1: the form's 巩固率 sentence; the counts behind it (毕业班学生数 …) are not in the ledgers and stay blank. */
export function q1(c: Context): string | null {
  const v = countyValue(c, 'retention');
  if (v === null) return null;
  return `初中毕业班学生数　　人，三年前入学数　　人，转入　　人，转出　　人，死亡　　人；初中三年巩固率 ${ratio(v)}`;
}

export function q2(c: Context): string | null {
  return shareSentence(c, 'disabledEnrolment', '残疾儿童少年入学率');
}

export function q3(c: Context): string | null {
  const rows = c.ledgers.schools.filter((s) => s.attributes?.charter !== undefined);
  if (rows.length === 0) return null;
  const filled = rows.filter((s) => (s.attributes?.charter?.text ?? '') !== '');
  const without = filled.filter((s) => parseYesNo(s.attributes?.charter?.text ?? '') === false).length;
  return `已制定章程的学校 ${filled.length - without} 所，未制定章程的学校 ${without} 所${dataTail(c, 'Q3')}`;
}

export function q4(c: Context): string | null {
  if (!judged(c, 'Q4')) return null;
  return `教师培训经费低于学校年度公用经费预算总额 ${ratio(c.std.indicators.Q4.thresholds.share)} 的学校 ${failingSchools(c, 'Q4').size} 所${dataTail(c, 'Q4')}`;
}

export function q9(c: Context): string | null {
  const level = c.ledgers.county?.figures.qualityLevel;
  const gap = countyValue(c, 'gapRate');
  const parts: string[] = [];
  if (level && (level.value !== null || level.yes !== undefined)) {
    const min = c.std.indicators.Q9.thresholds.minLevel;
    parts.push(level.value !== null ? `相关科目学生学业水平 ${roman(level.value)} 级` : `相关科目学生学业水平达到${roman(min)}级以上：${level.yes ? '是' : '否'}`);
  }
  if (gap !== null) parts.push(`校际差异率 ${figure(gap, c.std.indicators.Q9.precision)}`);
  return parts.length > 0 ? parts.join('；') : null;
}

const ROMAN = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ'];

/** 学业水平 levels as the reports write them (3 → Ⅲ); a level outside Ⅰ–Ⅵ as its number. */
function roman(level: number): string {
  return Number.isInteger(level) && level >= 1 && level <= ROMAN.length ? ROMAN[level - 1] : int(level);
}
