/**
 * The rows of a 学校自评表: one per indicator that applies to the school, each with the B 级指标及评估要点 (the
 * standard's name and its limit for the school's 学段), the 指标值或简要结论 written out with the school's figures,
 * and 是否达标 (是 / 否; blank when the ledgers do not let it be judged). Every limit comes from the standard. Pure.
 */
import { boardingOf, localeOf } from '../../checks';
import { stagesOfType } from '../../checks/common/whole-school';
import type { SchoolStageResult } from '../../checks/types';
import { parseYesNo } from '../../ledger/coerce';
import type { SchoolRecord, StageKey } from '../../ledger/types';
import { RESOURCE_IDS, type IndicatorId, type ResourceId, type Standard } from '../../standard/schema';
import { figure, percentText, roundForm } from '../national/common';
import { certificatesOf, classCounts, classesOf, kept, keptR3, schoolFindings, stageResults, teachersOf, trainingOf, whole, type Kept, type SchoolFormSource } from './figures';

/** 比例数值保留一位小数，资源配置指标值保留两位小数，其余保留整数. */
export const RATIO_DECIMALS = 1;
export const VALUE_DECIMALS = 2;

export type Pass = boolean | null;

export interface FormRow {
  /** The A 级指标 group. */
  group: '资源配置' | '政府保障程度' | '教育质量';
  item: string;
  conclusion: string | null;
  pass: Pass;
}

const ratio = (share: number) => percentText(share, RATIO_DECIMALS);
const int = (v: number) => figure(v, 0);
const lim = (v: number) => String(v);

/** A quantity as kept: whole numbers as integers, else two decimals. */
function qty(v: number): string {
  const r = roundForm(v, 2);
  return Number.isInteger(r) ? String(r) : r.toFixed(2);
}

const R_TEXT: Record<ResourceId, { what: string; per: string }> = {
  R1: { what: '高于规定学历教师数', per: '每百名学生拥有' },
  R2: { what: '县级及以上骨干教师数', per: '每百名学生拥有' },
  R3: { what: '体育、艺术（音乐、美术）专任教师数', per: '每百名学生拥有' },
  R4: { what: '教学及辅助用房面积', per: '生均' },
  R5: { what: '体育运动场馆面积', per: '生均' },
  R6: { what: '教学仪器设备值', per: '生均' },
  R7: { what: '网络多媒体教室', per: '每百名学生拥有' },
};

const NUMERATOR: Record<Exclude<ResourceId, 'R3'>, Parameters<typeof kept>[1]> = {
  R1: 'degreeTeachers', R2: 'backboneTeachers', R4: 'floorArea', R5: 'sportsArea', R6: 'equipmentValue', R7: 'multimediaRooms',
};

/** "小学 ≥ 4.2 人，初中 ≥ 5.3 人" for the school's 学段. */
function limits(std: Standard, id: ResourceId, stages: readonly SchoolStageResult[]): string {
  const u = std.indicators[id].unit;
  return stages.map((r) => `${stages.length > 1 ? `${r.stage} ` : ''}≥ ${lim(r.indicators[id].threshold)} ${u}`).join('，');
}

/** 是 when every 学段 reaches it, 否 when one does not, blank when one is unknown. */
function allPass(values: Pass[]): Pass {
  if (values.some((v) => v === false)) return false;
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return true;
}

function keptText(k: Kept, unit: string, stages: readonly SchoolStageResult[]): string {
  if (k.by === 'all') return `${qty(k.value)} ${unit}${stages.length > 1 ? '（全校）' : ''}`;
  const own = stages.map((r) => r.stage as StageKey);
  const parts = own.filter((s) => k.values[s] !== undefined).map((s) => `${own.length > 1 ? `${s} ` : ''}${qty(k.values[s] ?? 0)} ${unit}`);
  return parts.join('，');
}

/** R1–R7 and the 综合评估 row of the school's 学段 results. */
export function resourceRows(src: SchoolFormSource, s: SchoolRecord, std: Standard): FormRow[] {
  const stages = stageResults(src, s);
  if (stages.length === 0) return [];
  const rows: FormRow[] = [];
  const counted = stages.filter((r) => !r.excluded);
  RESOURCE_IDS.forEach((id, i) => {
    const ind = std.indicators[id];
    const unit = ind.unit;
    const k = id === 'R3' ? keptR3(s) : kept(s, NUMERATOR[id]);
    const values = stages.map((r) => r.indicators[id].value);
    let conclusion: string | null = null;
    if (k && values.every((v) => v !== null)) {
      const per = stages.map((r) => `${stages.length > 1 ? `${r.stage} ` : ''}${figure(r.indicators[id].value as number, VALUE_DECIMALS)} ${unit}`).join('，');
      const students = stages.length === 1 ? `，在校生 ${int(stages[0].students ?? 0)} 人` : '';
      const shared = stages.some((r) => r.indicators[id].apportioned) ? '（全校数值按加权学生数分摊到各学段）' : '';
      const have = id === 'R7' ? `学校拥有${R_TEXT[id].what}` : `学校${id === 'R4' || id === 'R5' ? '' : '拥有'}${R_TEXT[id].what}`;
      const sep = stages.length > 1 ? '：' : ' ';
      conclusion = `${have}${sep}${keptText(k, unit, stages)}${students}；${R_TEXT[id].per}${sep}${per}${shared}`;
    }
    rows.push({
      group: '资源配置',
      item: `${i + 1}. ${ind.name}（${limits(std, id, stages)}）`,
      conclusion,
      pass: counted.length === 0 ? null : allPass(counted.map((r) => r.indicators[id].pass)),
    });
  });
  const minReached = std.settings.minReached;
  const share = std.settings.minShare;
  const verdicts = stages.map((r) => {
    if (r.excluded) return r.excludedReason ?? '不参与资源配置评估';
    const head = stages.length > 1 ? `${r.stage}：` : '';
    return `${head}${RESOURCE_IDS.length} 项中 ${r.reached} 项达到标准${r.verdict === '达标' ? (r.reached < RESOURCE_IDS.length ? `，其余均不低于标准的 ${lim(roundForm(share * 100, 4))}%` : '') : r.verdict === '数据不全' ? '，其余数据不全' : ''}，${r.verdict}`;
  });
  rows.push({
    group: '资源配置',
    item: `${RESOURCE_IDS.length + 1}. 资源配置综合评估（至少 ${minReached} 项达到标准，余项不低于标准的 ${lim(roundForm(share * 100, 4))}%）`,
    conclusion: verdicts.join('；'),
    pass: counted.length === 0 ? null : allPass(counted.map((r) => (r.verdict === '达标' ? true : r.verdict === '未达标' ? false : null))),
  });
  return rows;
}

/** 义务教育 students: the 小学 and 初中 columns, else the whole-school column less 高中; null when unknown. */
function compulsoryStudents(s: SchoolRecord): number | null {
  const st = s.quantities.students;
  if (!st) return null;
  // A blank 学段 column the school does not have (初中 of a 小学) is nothing, not a missing value.
  const own = stagesOfType(s.type);
  const cell = (k: '小学' | '初中') => (st[k] && !(st[k]?.problem === 'blank' && !own.includes(k)) ? st[k] : undefined);
  const p = cell('小学');
  const j = cell('初中');
  if (p || j) return [p, j].some((n) => n && n.value === null) ? null : (p?.value ?? 0) + (j?.value ?? 0);
  if (!st.all || st.all.value === null) return null;
  const h = st.高中;
  if (h) return h.value === null ? null : st.all.value - h.value;
  return st.all.value;
}

/** 否 when the checks found the school short of it, 是 when the figures were there and passed, else blank. */
function judged(src: SchoolFormSource, s: SchoolRecord, id: IndicatorId, known: boolean): Pass {
  if (schoolFindings(src, s, id, 'compliance').length > 0) return false;
  if (!known || schoolFindings(src, s, id, 'data').length > 0) return null;
  return true;
}

function name(std: Standard, id: IndicatorId): string {
  return std.indicators[id].name;
}

/** The per-school items of 政府保障程度 and 教育质量 the ledgers give for this school. */
export function schoolItemRows(src: SchoolFormSource, s: SchoolRecord, std: Standard): FormRow[] {
  const rows: FormRow[] = [];
  const special = s.type === '特殊教育学校';
  const g = (id: IndicatorId, conclusion: string | null, pass: Pass, group: FormRow['group'] = '政府保障程度') =>
    rows.push({ group, item: `${rows.filter((r) => r.group === group).length + 1}. ${name(std, id)}`, conclusion, pass });
  const students = whole(s, 'students');

  // G3 音乐、美术专用教室.
  const classes = whole(s, 'classes');
  if (!special && (s.quantities.musicRooms || s.quantities.artRooms)) {
    const t = std.indicators.G3.thresholds;
    const room = (label: string, rooms: number | null, area: number | null, each: number | null) =>
      rooms === null ? null : `${label}专用教室 ${qty(rooms)} 间${each !== null ? `（每间 ${qty(each)} 平方米）` : area !== null ? `（共 ${qty(area)} 平方米）` : ''}`;
    const parts = [
      room('音乐', whole(s, 'musicRooms'), whole(s, 'musicRoomArea'), whole(s, 'musicRoomAreaEach')),
      room('美术', whole(s, 'artRooms'), whole(s, 'artRoomArea'), whole(s, 'artRoomAreaEach')),
    ].filter((p): p is string => p !== null);
    const known = classes !== null && parts.length > 0;
    g('G3', known ? `班级 ${int(classes)} 个，按每 ${lim(t.classesPerRoom)} 个班 1 间应各有 ${int(Math.ceil(classes / t.classesPerRoom - std.settings.epsilon))} 间；${parts.join('，')}` : null, judged(src, s, 'G3', known));
  }
  // G4 学校规模: 义务教育 students only (小学 + 初中, never 高中).
  const compulsory = compulsoryStudents(s);
  if (!special && compulsory !== null) {
    const th = std.indicators.G4.thresholds;
    const through = s.type === '九年一贯制' || s.type === '十二年一贯制';
    const limit = through ? th[s.type as '九年一贯制' | '十二年一贯制'] : s.type === '初中' || s.type === '完全中学' ? th.初中 : th.小学;
    const senior = (s.quantities.students?.高中?.value ?? null) !== null || s.type === '完全中学' || s.type === '十二年一贯制';
    g('G4', `${through || senior ? '义务教育阶段' : ''}在校生 ${int(compulsory)} 人（标准 ≤ ${lim(limit)} 人）`, judged(src, s, 'G4', true));
  }
  // G5 班额 (not for a 特殊教育学校, as the checks).
  const cc = special ? [] : classCounts(classesOf(src, s), std);
  if (cc.length > 0) {
    const text = cc.map((c) => `${c.stage}班级 ${c.classes} 个，超过 ${lim(c.limit)} 人的 ${c.over} 个${c.max > 0 ? `，最大班额 ${int(c.max)} 人` : ''}${c.unknown > 0 ? `（${c.unknown} 个班人数未填）` : ''}`).join('；');
    g('G5', text, judged(src, s, 'G5', cc.every((c) => c.unknown === 0)));
  }
  // G6 小规模学校公用经费 (schools under the minimum).
  const min = std.indicators.G6.thresholds.minStudents;
  const budget = whole(s, 'budget');
  if (!special && students !== null && students < min && budget !== null) {
    const quota = whole(s, 'baseQuota');
    g('G6', `在校生 ${int(students)} 人，公用经费 ${int(budget)} 元${quota !== null ? `，按 ${lim(min)} 人核定应不低于 ${int(min * quota)} 元` : ''}`, judged(src, s, 'G6', quota !== null));
  }
  // G7 特殊教育学校生均公用经费.
  if (special) {
    const own = whole(s, 'perStudentFunding');
    const v = own ?? (budget !== null && students !== null && students > 0 ? budget / students : null);
    g('G7', v === null ? null : `生均公用经费 ${int(v)} 元（标准 ≥ ${lim(std.indicators.G7.thresholds.特殊教育学校)} 元）`, judged(src, s, 'G7', v !== null));
  }
  // G9 教师培训, G12 持证上岗.
  const teachers = teachersOf(src, s);
  const tr = trainingOf(teachers, std);
  if (tr) {
    const h = std.indicators.G9.thresholds.hours;
    g('G9', `完成 ${lim(h)} 学时培训的教师 ${tr.reached} 人，本校教师 ${tr.total} 人，教师培训完成率 ${ratio(tr.reached / tr.total)}${tr.unknown > 0 ? `（${tr.unknown} 人学时未填）` : ''}`,
      tr.reached < tr.total - tr.unknown ? false : tr.unknown > 0 ? null : true);
  }
  const ce = certificatesOf(teachers);
  if (ce) {
    g('G12', `专任教师 ${ce.fullTime} 人，持有教师资格证 ${ce.certified} 人，持证上岗率 ${ratio(ce.certified / ce.fullTime)}`,
      ce.certified + ce.unknown < ce.fullTime ? false : ce.unknown > 0 ? null : true);
  }
  // G13 就近划片入学比例 (城区、镇区 non-boarding schools).
  const near = s.quantities.nearbyShare;
  if (!special && near) {
    const locale = s.attributes?.locale ? localeOf(s.attributes.locale.text) : null;
    const boarding = s.attributes?.boarding ? boardingOf(s.attributes.boarding.text) : null;
    // A share: the 全校 column, else each 学段's own (never added up).
    const shares = near.all ? [['', near.all.value] as const] : (['小学', '初中'] as const).filter((k) => near[k]).map((k) => [`${k} `, near[k]?.value ?? null] as const);
    if (shares.length > 0 && shares.every(([, v]) => v !== null)) {
      const exempt = locale === '乡村' || boarding === true;
      const text = shares.map(([k, v]) => `${shares.length > 1 ? k : ''}${ratio(v as number)}`).join('，');
      g('G13', `就近划片入学比例 ${text}${exempt ? `（${locale === '乡村' ? '乡村学校' : '寄宿制学校'}，不作要求）` : ''}`,
        exempt ? null : judged(src, s, 'G13', locale !== null && boarding !== null));
    }
  }
  // Q3 章程, Q4 教师培训经费.
  const charter = s.attributes?.charter;
  if (charter && charter.text.trim() !== '') {
    const yes = parseYesNo(charter.text);
    g('Q3', yes === false ? '学校未制定章程' : yes === true ? '学校已制定章程' : `章程：${charter.text}`, yes, '教育质量');
  }
  const training = whole(s, 'trainingFunds');
  if (training !== null && budget !== null && budget > 0) {
    g('Q4', `教师培训经费 ${int(training)} 元，学校年度公用经费 ${int(budget)} 元，占 ${ratio(training / budget)}（标准 ≥ ${ratio(std.indicators.Q4.thresholds.share)}）`, judged(src, s, 'Q4', true), '教育质量');
  }
  return rows;
}
