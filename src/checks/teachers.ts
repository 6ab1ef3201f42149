/**
 * The teacher ledger (教师台账): per-row checks (G9 hours, G12 certificate), the county rates G9, G11 and
 * G12, the per-school and 学段 counts behind R1–R3 (cross-checked against the school ledger, or used in
 * its place when it lacks them), and teachers of schools the school ledger does not list. One pass over
 * the rows (linear); interpretations of repeated cell texts are cached.
 */
import type { Finding } from '../ledger/finding';
import { cellAddress } from '../ledger/grid';
import { parseYesNo } from '../ledger/coerce';
import { normalizeText } from '../ledger/normalize';
import type { CellRef, Num, SchoolQuantity, SchoolRecord, SchoolType, StageKey, StageSplit, TeacherRecord, TextCell } from '../ledger/types';
import type { IndicatorId, Stage, Standard } from '../standard/schema';
import { threshold } from '../standard';
import { atLeast, ceilTol } from './compare';
import { complianceFinding, dataFinding, noteMissing, type Ctx } from './context';
import { formatNumber, formatThreshold, quantityLabel } from './format';
import type { ItemResult } from './types';

/** 1 decimal percent: 0.955 → "95.5%". */
export function pct(share: number): string {
  return `${formatNumber(share * 100, 2)}%`;
}

function cellOf(ref: CellRef): string {
  return cellAddress(ref.row, ref.col);
}

/** A finding with text actual/required values (complianceFinding takes numbers). */
export function textFinding(
  ctx: Ctx,
  kind: Finding['kind'],
  ref: CellRef | null,
  indicator: IndicatorId,
  school: string | null,
  stage: Stage | null,
  actual: string | number | null,
  required: string | number | null,
  message: string,
): void {
  ctx.findings.push({
    kind,
    indicator,
    sheet: ref ? ref.sheet : null,
    cell: ref ? cellOf(ref) : null,
    school,
    stage,
    actual,
    required,
    gap: null,
    message,
    departments: ctx.std.indicators[indicator].departments.slice(),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Interpreting cells with the standard's settings

export class TeacherVocabulary {
  private readonly ladder: string[][];
  private readonly degreeCache = new Map<string, number | null>();
  private readonly backboneCache = new Map<string, boolean | null>();
  private readonly subjectCache = new Map<string, { peArt: boolean; pe: boolean; music: boolean; art: boolean }>();
  readonly required: Record<Stage, number>;

  constructor(private readonly std: Standard) {
    this.ladder = std.settings.degreeLadder.map((l) => l.map((w) => normalizeText(w)));
    const levelOf = (name: string) => {
      const n = this.degreeLevel(name);
      if (n === null) throw new Error(`标准文件 settings.requiredDegree 中的学历“${name}”不在 settings.degreeLadder 中`);
      return n;
    };
    this.required = { 小学: levelOf(std.settings.requiredDegree.小学), 初中: levelOf(std.settings.requiredDegree.初中) };
  }

  /** Level of a 学历 text on the ladder (0 = lowest), null when it is none of them. */
  degreeLevel(text: string): number | null {
    const s = normalizeText(text).replace(/[()（）]/g, '');
    let r = this.degreeCache.get(s);
    if (r !== undefined) return r;
    r = null;
    for (let i = this.ladder.length - 1; i >= 0 && r === null; i--) if (this.ladder[i].includes(s)) r = i;
    // "本科（函授）", "大学本科学历", "硕士研究生毕业": the highest level whose word the text contains.
    for (let i = this.ladder.length - 1; i >= 0 && r === null; i--) {
      if (this.ladder[i].some((w) => w.length >= 2 && s.includes(w))) r = i;
    }
    this.degreeCache.set(s, r);
    return r;
  }

  /** 县级及以上骨干: true / false (校级, 无, blank …) / null (cannot tell, e.g. "是" without a level). */
  backbone(text: string): boolean | null {
    const s = normalizeText(text);
    let r = this.backboneCache.get(s);
    if (r !== undefined) return r;
    if (s === '' || /^(无|否|非|不是|没有|\/|-|—)/.test(s)) r = false;
    else if (this.std.settings.backboneLevels.some((w) => s.includes(normalizeText(w)))) r = true;
    else if (/校级|乡|镇|学区|片区|校内/.test(s)) r = false;
    else r = parseYesNo(s) === false ? false : null;
    this.backboneCache.set(s, r);
    return r;
  }

  subject(text: string): { peArt: boolean; pe: boolean; music: boolean; art: boolean } {
    const s = normalizeText(text);
    let r = this.subjectCache.get(s);
    if (r) return r;
    r = {
      peArt: this.std.settings.peArtSubjects.some((w) => s.includes(normalizeText(w))),
      pe: s.includes('体育'),
      music: s.includes('音乐'),
      art: s.includes('美术'),
    };
    this.subjectCache.set(s, r);
    return r;
  }
}

/** 学段 from a 学段 cell: 小学/初中/高中, 'other' for anything else written (幼儿园 …), null when blank. */
export function stageOfText(text: string): StageKey | 'other' | null {
  const s = normalizeText(text);
  if (s === '') return null;
  if (s.includes('小学')) return '小学';
  if (s.includes('初中') || s.includes('初级中学')) return '初中';
  if (s.includes('高中') || s.includes('高级中学')) return '高中';
  return 'other';
}

function singleStageOf(type: SchoolType | null): StageKey | null {
  if (type === '小学' || type === '教学点') return '小学';
  if (type === '初中') return '初中';
  return null;
}

/** Certificate: 有 / a number → true; 无/否 → false; blank → null; anything else → 'unknown'. */
export function certificateOf(text: string): boolean | null | 'unknown' {
  const s = normalizeText(text);
  if (s === '') return null;
  const yn = parseYesNo(s);
  if (yn !== null) return yn;
  if (/^[0-9A-Za-z]{6,}$/.test(s)) return true;
  if (/资格/.test(s) && !/^(无|未|没)/.test(s)) return true;
  return 'unknown';
}

// ---------------------------------------------------------------------------------------------------------
// Counts per school and 学段

/** Derived counts of one school 学段 (or of teachers whose 学段 cannot be told: key 'unknown'). */
export interface TeacherCounts {
  total: number;
  degreeTeachers: number;
  /** Teachers whose degree could not be judged (blank/unreadable, or 学段 unknown). */
  degreeUnknown: number;
  backboneTeachers: number;
  backboneUnknown: number;
  peArtTeachers: number;
  peTeachers: number;
  musicTeachers: number;
  artTeachers: number;
  /** The school cell (else name cell) of the first teacher row: where a derived count is marked. */
  first: CellRef;
}

type CountKey = StageKey | 'unknown';

export interface SchoolTeachers {
  school: string;
  byStage: Partial<Record<CountKey, TeacherCounts>>;
  first: CellRef;
}

function emptyCounts(first: CellRef): TeacherCounts {
  return {
    total: 0, degreeTeachers: 0, degreeUnknown: 0, backboneTeachers: 0, backboneUnknown: 0,
    peArtTeachers: 0, peTeachers: 0, musicTeachers: 0, artTeachers: 0, first,
  };
}

/** The teacher-ledger quantities R1–R3 use, with their school-ledger counterparts. */
const DERIVED: readonly (SchoolQuantity & keyof TeacherCounts)[] = [
  'degreeTeachers', 'backboneTeachers', 'peArtTeachers', 'peTeachers', 'musicTeachers', 'artTeachers',
];

const INDICATOR_OF: Record<string, IndicatorId> = {
  degreeTeachers: 'R1', backboneTeachers: 'R2', peArtTeachers: 'R3', peTeachers: 'R3', musicTeachers: 'R3', artTeachers: 'R3',
};

const DERIVED_LABEL: Record<string, string> = {
  degreeTeachers: '高于规定学历教师',
  backboneTeachers: '县级及以上骨干教师',
  peArtTeachers: '体育、艺术（音乐、美术）专任教师',
  peTeachers: '体育专任教师',
  musicTeachers: '音乐专任教师',
  artTeachers: '美术专任教师',
};

export interface TeacherOutcome {
  /** Schools of the school ledger with R1–R3 quantities filled from the teacher ledger where the school ledger lacks them. */
  schools: SchoolRecord[];
  items: Partial<Record<IndicatorId, ItemResult>>;
  /** Teachers per school (normalised name) for the report. */
  bySchool: Map<string, SchoolTeachers>;
}

export const normName = (s: string): string => normalizeText(s);

/**
 * Runs every teacher-ledger check. `schools` are the school ledger's records; returns them with derived
 * R1–R3 quantities where the school ledger has no such column (new objects; the ledger's records are
 * not changed).
 */
export function checkTeachers(ctx: Ctx, teachers: readonly TeacherRecord[], schools: readonly SchoolRecord[], hasTeacherLedger: boolean): TeacherOutcome {
  const std = ctx.std;
  const eps = ctx.eps;
  const vocab = new TeacherVocabulary(std);
  const byName = new Map<string, SchoolRecord>();
  for (const s of schools) if (!byName.has(normName(s.name))) byName.set(normName(s.name), s);
  const bySchool = new Map<string, SchoolTeachers>();
  const unknownSchools = new Map<string, { name: string; ref: CellRef; count: number }>();
  const noStage = new Map<string, { name: string; ref: CellRef; count: number }>();
  const hoursMin = threshold(std, 'G9', 'hours');

  let hoursKnown = 0;
  let hoursReached = 0;
  let hoursUnknown = 0;
  let hoursColumn = false;
  let fullTime = 0;
  let certified = 0;
  let certUnknown = 0;
  let certColumn = false;
  let eligible = 0;
  let rotated = 0;
  let rotatedBackbone = 0;
  let rotatedBackboneUnknown = 0;
  let eligibleColumn = false;
  let rotatedColumn = false;

  for (const t of teachers) {
    const schoolName = t.school;
    const key = schoolName === null ? null : normName(schoolName);
    const rec = key === null ? undefined : byName.get(key);
    const at = t.schoolRef ?? t.nameRef;
    if (key !== null && !rec && schools.length > 0 && schoolName !== null) {
      const u = unknownSchools.get(key);
      if (u) u.count++;
      else unknownSchools.set(key, { name: schoolName, ref: at, count: 1 });
    }

    // 学段: the 学段 cell, else the school's single 学段.
    const stText = t.stage ? stageOfText(t.stage.text) : null;
    let stage: StageKey | null = stText === 'other' ? null : stText;
    if (stText === 'other' && t.stage) {
      dataFinding(ctx, t.stage.ref, null, schoolName, null, `教师“${t.name}”的「学段」“${t.stage.text}”无法识别（应为 小学、初中 或 高中）`);
    }
    if (stage === null && stText !== 'other') stage = singleStageOf(rec?.type ?? null);
    const vStage: Stage | null = stage === '小学' || stage === '初中' ? stage : null;
    if (stage === null && rec && rec.type !== '特殊教育学校' && stText === null && key !== null) {
      const n = noStage.get(key);
      if (n) n.count++;
      else noStage.set(key, { name: rec.name, ref: t.stage?.ref ?? at, count: 1 });
    }

    // Per-school counts (schools of the school ledger only).
    let counts: TeacherCounts | null = null;
    if (rec && key !== null) {
      let st = bySchool.get(key);
      if (!st) {
        st = { school: rec.name, byStage: {}, first: at };
        bySchool.set(key, st);
      }
      const ck: CountKey = stage ?? 'unknown';
      counts = st.byStage[ck] ?? (st.byStage[ck] = emptyCounts(at));
      counts.total++;
    }

    // Degree (R1).
    if (t.degree) {
      const text = t.degree.text;
      const level = text === '' ? null : vocab.degreeLevel(text);
      if (text === '') {
        dataFinding(ctx, t.degree.ref, 'R1', schoolName, vStage, `教师“${t.name}”的「学历」未填写，无法统计高于规定学历教师数（R1）`);
      } else if (level === null) {
        dataFinding(ctx, t.degree.ref, 'R1', schoolName, vStage, `教师“${t.name}”的「学历」“${text}”无法识别（应为 中专、高中、大专、本科、研究生 等）`);
      }
      if (counts) {
        if (level === null || vStage === null) {
          if (stage !== '高中') counts.degreeUnknown++;
        } else if (level >= vocab.required[vStage]) counts.degreeTeachers++;
      }
    }

    // Backbone (R2, G11).
    let isBackbone: boolean | null = false;
    if (t.backbone) {
      isBackbone = vocab.backbone(t.backbone.text);
      if (isBackbone === null) {
        dataFinding(ctx, t.backbone.ref, 'R2', schoolName, vStage, `教师“${t.name}”的「骨干级别」“${t.backbone.text}”无法判断级别（应为 县级、市级、省级、国家级、校级 或 无）`);
      }
      if (counts) {
        if (isBackbone === null) counts.backboneUnknown++;
        else if (isBackbone) counts.backboneTeachers++;
      }
    }

    // 专任 (R3, G12): no column = a ledger of 专任 teachers.
    let isFullTime: boolean | null = true;
    if (t.fullTime) {
      isFullTime = t.fullTime.text === '' ? null : parseYesNo(t.fullTime.text);
      if (isFullTime === null) {
        dataFinding(ctx, t.fullTime.ref, 'G12', schoolName, vStage,
          t.fullTime.text === ''
            ? `教师“${t.name}”的「是否专任」未填写，按专任教师核查持证情况，不计入体育艺术专任教师`
            : `教师“${t.name}”的「是否专任」“${t.fullTime.text}”无法识别（应填 是 或 否），按专任教师核查持证情况，不计入体育艺术专任教师`);
      }
    }
    if (counts && t.subject && isFullTime === true) {
      const sub = vocab.subject(t.subject.text);
      if (sub.peArt) counts.peArtTeachers++;
      if (sub.pe) counts.peTeachers++;
      if (sub.music) counts.musicTeachers++;
      if (sub.art) counts.artTeachers++;
    }

    // G9: five-year training hours.
    if (t.hours) {
      hoursColumn = true;
      const h = t.hours;
      if (h.value === null) {
        hoursUnknown++;
        noteMissing(ctx, h, '五年培训学时', `教师“${t.name}”的5年360学时培训完成情况（G9）`, 'G9', schoolName, vStage);
      } else {
        hoursKnown++;
        if (atLeast(h.value, hoursMin, eps)) hoursReached++;
        else {
          const gap = ceilTol(hoursMin - h.value, eps);
          complianceFinding(ctx, h.ref, 'G9', schoolName, vStage, h.value, hoursMin, gap,
            `教师“${t.name}”五年培训学时 ${formatNumber(h.value)}，标准 ≥ ${formatThreshold(hoursMin)}，还差 ${formatNumber(gap)} 学时`);
        }
      }
    }

    // G12: certificate of 专任 teachers (an unknown 专任 is checked as 专任).
    if (t.certificate) {
      certColumn = true;
      if (isFullTime !== false) {
        fullTime++;
        const c = certificateOf(t.certificate.text);
        if (c === true) certified++;
        else if (c === false) {
          textFinding(ctx, 'compliance', t.certificate.ref, 'G12', schoolName, vStage, t.certificate.text, '有',
            `专任教师“${t.name}”未持有教师资格证（「教师资格证」填写为“${t.certificate.text}”），标准：专任教师持证上岗率 100%`);
        } else {
          certUnknown++;
          dataFinding(ctx, t.certificate.ref, 'G12', schoolName, vStage,
            c === null
              ? `专任教师“${t.name}”的「教师资格证」未填写，无法核查持证上岗（G12）`
              : `专任教师“${t.name}”的「教师资格证」“${t.certificate.text}”无法识别（应填 有/无 或证书编号）`);
        }
      }
    }

    // G11: rotation. A blank 是/否 cell reads as 否.
    const yes = (c: TextCell | null, label: string): boolean => {
      if (!c || c.text === '') return false;
      const v = parseYesNo(c.text);
      if (v === null) {
        dataFinding(ctx, c.ref, 'G11', schoolName, vStage, `教师“${t.name}”的「${label}」“${c.text}”无法识别（应填 是 或 否），按 否 统计`);
        return false;
      }
      return v;
    };
    if (t.eligible) eligibleColumn = true;
    if (t.rotated) rotatedColumn = true;
    if (yes(t.eligible, '是否符合交流条件')) eligible++;
    if (yes(t.rotated, '本年度是否交流轮岗')) {
      rotated++;
      if (isBackbone === true) rotatedBackbone++;
      else if (isBackbone === null) rotatedBackboneUnknown++;
    }
  }

  for (const u of unknownSchools.values()) {
    dataFinding(ctx, u.ref, null, u.name, null,
      `教师台账中的学校“${u.name}”在学校台账中找不到（共 ${u.count} 名教师），这些教师未计入各校的教师数，请核对校名`);
  }
  for (const n of noStage.values()) {
    dataFinding(ctx, n.ref, null, n.name, null,
      `「${n.name}」有 ${n.count} 名教师未填「学段」，该校不是单一学段学校，这些教师无法分学段统计`);
  }

  // Cross-check with the school ledger, or fill in what it lacks (only from columns the teacher ledger has).
  const columns = {
    degreeTeachers: teachers.some((t) => t.degree !== null),
    backboneTeachers: teachers.some((t) => t.backbone !== null),
    subject: teachers.some((t) => t.subject !== null),
  };
  const out: SchoolRecord[] = [];
  for (const s of schools) {
    const st = bySchool.get(normName(s.name));
    if (!hasTeacherLedger) {
      out.push(s);
      continue;
    }
    if (!st) {
      if (s.type !== '特殊教育学校' || teachers.length > 0) {
        dataFinding(ctx, s.nameRef, null, s.name, null, `「${s.name}」在教师台账中没有教师，无法核对和统计该校的教师数`);
      }
      out.push(s);
      continue;
    }
    out.push(crossCheck(ctx, s, st, columns));
  }

  const items: Partial<Record<IndicatorId, ItemResult>> = {};
  items.G9 = rateItem(ctx, 'G9', hasTeacherLedger && hoursColumn, hoursKnown, hoursReached, hoursUnknown, threshold(std, 'G9', 'share'), {
    method: '教师台账',
    what: (share, known, reached) => `全县教师5年360学时培训完成率 ${pct(share)}（${reached}/${known} 人）`,
    short: (need) => `还有 ${need} 名教师未达到 ${formatThreshold(hoursMin)} 学时`,
    failingCount: (known, reached) => known - reached,
    missing: '教师台账缺少「五年培训学时」，无法计算',
  });
  items.G12 = rateItem(ctx, 'G12', hasTeacherLedger && certColumn, fullTime - certUnknown, certified, certUnknown, threshold(std, 'G12', 'share'), {
    method: '教师台账',
    what: (share, known, reached) => `专任教师持证上岗率 ${pct(share)}（${reached}/${known} 人）`,
    short: (need) => `还有 ${need} 名专任教师未持证`,
    failingCount: (known, reached) => known - reached,
    missing: '教师台账缺少「教师资格证」，无法计算',
  });
  items.G11 = rotationItem(ctx, hasTeacherLedger && eligibleColumn && rotatedColumn, eligible, rotated, rotatedBackbone, rotatedBackboneUnknown);
  return { schools: out, items, bySchool };
}

interface RateText {
  method: string;
  what: (share: number, known: number, reached: number) => string;
  short: (need: number) => string;
  failingCount: (known: number, reached: number) => number;
  missing: string;
}

/** A county share item: 未达标 when the known rows already fall short, 数据不全 when rows are unknown. */
function rateItem(ctx: Ctx, id: 'G9' | 'G12', present: boolean, known: number, reached: number, unknown: number, required: number, t: RateText): ItemResult {
  if (!present || known + unknown === 0) {
    return { id, status: '数据不全', value: null, required, failing: 0, method: t.method, note: present ? '教师台账中没有可核查的教师' : t.missing };
  }
  // The share over all rows, unknown ones counted as not reaching (never a pass).
  const share = known > 0 ? reached / (known + unknown) : 0;
  const knownShare = known > 0 ? reached / known : 0;
  const failing = t.failingCount(known, reached);
  if (failing > 0 || !atLeast(knownShare, required, ctx.eps)) {
    const need = Math.max(failing, Math.ceil(required * (known + unknown) - reached - 1e-9));
    const msg = `${t.what(share, known + unknown, reached)}，标准 ≥ ${pct(required)}，${t.short(need)}`;
    complianceFinding(ctx, null, id, null, null, Number(share.toFixed(6)), required, Number((required - share).toFixed(6)), msg);
    return { id, status: '未达标', value: share, required, failing, method: t.method, note: msg };
  }
  if (unknown > 0) {
    return { id, status: '数据不全', value: share, required, failing: 0, method: t.method, note: `${unknown} 名教师的数据未填或无法识别（见问题清单）` };
  }
  return { id, status: '达标', value: share, required, failing: 0, method: t.method, note: t.what(share, known, reached) };
}

function rotationItem(ctx: Ctx, present: boolean, eligible: number, rotated: number, backbone: number, backboneUnknown: number): ItemResult {
  const std = ctx.std;
  const eps = ctx.eps;
  const rShare = threshold(std, 'G11', 'rotationShare');
  const bShare = threshold(std, 'G11', 'backboneShare');
  const required = `交流轮岗 ≥ ${pct(rShare)}；其中骨干 ≥ ${pct(bShare)}`;
  if (!present) {
    return { id: 'G11', status: '数据不全', value: null, required, failing: 0, method: '教师台账', note: '教师台账缺少「是否符合交流条件」或「本年度是否交流轮岗」，无法计算' };
  }
  if (eligible === 0) {
    return { id: 'G11', status: '数据不全', value: null, required, failing: 0, method: '教师台账', note: '教师台账中没有符合交流条件的教师，无法计算交流轮岗比例' };
  }
  const share = rotated / eligible;
  const notes: string[] = [];
  let failing = 0;
  let unknown = false;
  const value = `交流 ${pct(share)}（${rotated}/${eligible}）${rotated > 0 ? `；骨干 ${pct(backbone / rotated)}（${backbone}/${rotated}）` : ''}`;
  if (!atLeast(share, rShare, eps)) {
    const need = Math.max(1, Math.ceil(rShare * eligible - rotated - 1e-9));
    failing += need;
    const msg = `全县交流轮岗教师 ${rotated} 人，占符合交流条件教师 ${eligible} 人的 ${pct(share)}，标准 ≥ ${pct(rShare)}，还需交流 ${need} 人`;
    complianceFinding(ctx, null, 'G11', null, null, Number(share.toFixed(6)), rShare, Number((rShare - share).toFixed(6)), msg);
    notes.push(msg);
  }
  if (rotated > 0) {
    const b = backbone / rotated;
    if (!atLeast(b, bShare, eps)) {
      if (atLeast((backbone + backboneUnknown) / rotated, bShare, eps)) unknown = true;
      else {
        // x more backbone teachers rotating: (b + x) / (r + x) ≥ share.
        const need = Math.max(1, Math.ceil((bShare * rotated - backbone) / (1 - bShare) - 1e-9));
        failing += need;
        const msg = `交流轮岗教师中县级及以上骨干教师 ${backbone} 人，占交流轮岗教师 ${rotated} 人的 ${pct(b)}，标准 ≥ ${pct(bShare)}，还需骨干教师交流 ${need} 人`;
        complianceFinding(ctx, null, 'G11', null, null, Number(b.toFixed(6)), bShare, Number((bShare - b).toFixed(6)), msg);
        notes.push(msg);
      }
    }
  } else if (failing === 0) unknown = true;
  if (failing > 0) return { id: 'G11', status: '未达标', value, required, failing, method: '教师台账', note: notes.join('；') };
  if (unknown) return { id: 'G11', status: '数据不全', value, required, failing: 0, method: '教师台账', note: '部分交流轮岗教师的骨干级别无法判断（见问题清单）' };
  return { id: 'G11', status: '达标', value, required, failing: 0, method: '教师台账', note: value };
}

/** Compares the school ledger's R1–R3 counts with the teacher ledger's; fills in what the school ledger lacks. */
function crossCheck(ctx: Ctx, s: SchoolRecord, st: SchoolTeachers, columns: { degreeTeachers: boolean; backboneTeachers: boolean; subject: boolean }): SchoolRecord {
  const quantities = { ...s.quantities };
  const unknownStage = st.byStage.unknown;
  const r3Columns = s.quantities.peArtTeachers !== undefined || s.quantities.peTeachers !== undefined || s.quantities.musicTeachers !== undefined || s.quantities.artTeachers !== undefined;
  const stagesOfSchool: StageKey[] = (['小学', '初中', '高中'] as const).filter((k) => st.byStage[k] !== undefined);
  const derivedFor = (q: keyof TeacherCounts & SchoolQuantity, key: 'all' | StageKey): { value: number | null; first: CellRef } => {
    if (key === 'all') {
      let v = 0;
      const first: CellRef = st.first;
      let unsure = false;
      for (const k of ['小学', '初中', '高中', 'unknown'] as const) {
        const c = st.byStage[k];
        if (!c) continue;
        if (q === 'degreeTeachers') {
          if (k === '高中') {
            unsure = true; // the school ledger's whole-school column may or may not count 高中 teachers
            continue;
          }
          if (c.degreeUnknown > 0) unsure = true;
        }
        if (q === 'backboneTeachers' && c.backboneUnknown > 0) unsure = true;
        v += c[q] as number;
      }
      return { value: unsure ? null : v, first };
    }
    const c = st.byStage[key];
    if (unknownStage && unknownStage.total > 0) return { value: null, first: c?.first ?? st.first };
    if (!c) return { value: 0, first: st.first };
    if (q === 'degreeTeachers' && c.degreeUnknown > 0) return { value: null, first: c.first };
    if (q === 'backboneTeachers' && c.backboneUnknown > 0) return { value: null, first: c.first };
    return { value: c[q] as number, first: c.first };
  };

  for (const q of DERIVED) {
    if (q === 'degreeTeachers' ? !columns.degreeTeachers : q === 'backboneTeachers' ? !columns.backboneTeachers : !columns.subject) continue;
    const split: StageSplit | undefined = s.quantities[q];
    const id = INDICATOR_OF[q];
    if (split) {
      for (const key of ['all', '小学', '初中', '高中'] as const) {
        const n = split[key];
        if (!n || n.value === null) continue;
        if (key !== 'all' && !stagesOfSchool.includes(key) && n.value === 0) continue;
        const d = derivedFor(q, key);
        if (d.value === null || d.value === n.value) continue;
        const label = quantityLabel(q, key);
        const where = key === 'all' ? '' : key;
        dataFinding(ctx, n.ref, id, s.name, key === '高中' || key === 'all' ? null : key,
          `学校台账「${label}」填 ${formatNumber(n.value)} 人，教师台账中该校${where}${DERIVED_LABEL[q]} ${formatNumber(d.value)} 人，两者不一致，请核实`);
        dataFinding(ctx, d.first, id, s.name, key === '高中' || key === 'all' ? null : key,
          `教师台账中「${s.name}」${where}${DERIVED_LABEL[q]} ${formatNumber(d.value)} 人，与学校台账（${n.ref.sheet}!${cellOf(n.ref)}）填写的 ${formatNumber(n.value)} 人不一致，请核实`);
      }
      continue;
    }
    // The school ledger lacks the column: R1–R3 from the teacher ledger.
    if (q === 'peTeachers' || q === 'musicTeachers' || q === 'artTeachers') continue;
    if (q === 'peArtTeachers' && r3Columns) continue;
    const made: StageSplit = {};
    for (const k of ['小学', '初中'] as const) {
      if (!stagesOfSchool.includes(k) && !(unknownStage && singleStageOf(s.type) === k)) continue;
      const d = derivedFor(q, k);
      const num: Num = d.value === null ? { value: null, ref: d.first, problem: 'unreadable' } : { value: d.value, ref: d.first };
      made[k] = num;
    }
    if (Object.keys(made).length > 0) quantities[q] = made;
  }
  return { ...s, quantities };
}
