/**
 * Derivation run before the rules: the teacher ledger (教师台账) read row by row — each row's school and 学段,
 * its degree (R1), backbone level (R2, G11) and 专任 (R3, G12) interpreted once, with the data findings of
 * cells that cannot be read — and, after every row, the per-school and 学段 counts behind R1–R3:
 * cross-checked against the school ledger, or used in its place when it lacks them. The rules G9, G11 and
 * G12 check the interpreted rows (teacherRow hooks). One pass over the rows (linear); interpretations of
 * repeated cell texts are cached.
 */
import { cellAddress } from '../../ledger/grid';
import { parseYesNo } from '../../ledger/coerce';
import { normalizeText } from '../../ledger/normalize';
import type { CellRef, Num, SchoolQuantity, SchoolRecord, StageKey, StageSplit, TeacherRecord } from '../../ledger/types';
import type { IndicatorId, Stage } from '../../standard/schema';
import { dataFinding, type Ctx } from '../context';
import { formatNumber, quantityLabel } from '../format';
import { singleStageOf, stageOfText, TeacherVocabulary } from './teacher-vocabulary';

function cellOf(ref: CellRef): string {
  return cellAddress(ref.row, ref.col);
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

/** One teacher row as the rules see it: the row, its school and 学段, and the shared interpretations. */
export interface TeacherRow {
  t: TeacherRecord;
  /** The 学校 cell's text (null when blank). */
  school: string | null;
  /** 小学 / 初中 when the row's 学段 is one of them (from its cell, else its school's single 学段). */
  stage: Stage | null;
  /** 专任: true (also with no 是否专任 column: a ledger of 专任 teachers), false, or null when unreadable. */
  fullTime: boolean | null;
  /** 县级及以上骨干: true / false / null (cannot tell). */
  backbone: boolean | null;
}

export const normName = (s: string): string => normalizeText(s);

export interface TeacherDerivation {
  row(t: TeacherRecord): TeacherRow;
  /**
   * After every row: teachers of unknown schools and without a 学段, then the school ledger's records with
   * R1–R3 quantities from the teacher ledger where it has no such column (new objects; the ledger's records
   * are not changed).
   */
  end(): SchoolRecord[];
}

export function deriveTeachers(ctx: Ctx, teachers: readonly TeacherRecord[], schools: readonly SchoolRecord[], hasTeacherLedger: boolean): TeacherDerivation {
  const vocab = new TeacherVocabulary(ctx.std);
  const byName = new Map<string, SchoolRecord>();
  for (const s of schools) if (!byName.has(normName(s.name))) byName.set(normName(s.name), s);
  const bySchool = new Map<string, SchoolTeachers>();
  const unknownSchools = new Map<string, { name: string; ref: CellRef; count: number }>();
  const noStage = new Map<string, { name: string; ref: CellRef; count: number }>();

  const row = (t: TeacherRecord): TeacherRow => {
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
    return { t, school: schoolName, stage: vStage, fullTime: isFullTime, backbone: isBackbone };
  };

  const end = (): SchoolRecord[] => {
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
    return out;
  };
  return { row, end };
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
