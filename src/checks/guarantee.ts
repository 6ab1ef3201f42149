/** 政府保障程度 checks that the school and class ledgers can answer: G3 (专用教室), G4 (学校规模), G5 (班额). */
import type { CellRef, ClassRecord, Num, SchoolQuantity, SchoolRecord, SchoolType, StageKey, StageSplit } from '../ledger/types';
import type { IndicatorId, Stage } from '../standard/schema';
import { threshold } from '../standard';
import { atLeast, atMost, ceilTo, ceilTol } from './compare';
import { complianceFinding, dataFinding, noteMissing, type Ctx } from './context';
import { formatNumber, formatThreshold, indicatorRef, quantityLabel } from './format';

const SPLIT_KEYS: readonly StageKey[] = ['小学', '初中', '高中'];

export interface Whole {
  value: number | null;
  ref: CellRef | null;
}

/**
 * A whole-school figure: the `all` column, else the sum of the 学段 columns. Blank cells get a data finding
 * (`what` says what could not be checked); value null when any needed cell is empty.
 */
export function wholeSchool(ctx: Ctx, school: SchoolRecord, q: SchoolQuantity, what: string, id: IndicatorId | null): Whole | null {
  const split: StageSplit | undefined = school.quantities[q];
  if (!split) return null;
  if (split.all) {
    noteMissing(ctx, split.all, quantityLabel(q, 'all'), what, id, school.name, null);
    return { value: split.all.value, ref: split.all.ref };
  }
  let sum = 0;
  let ok = true;
  let ref: CellRef | null = null;
  const own = stagesOfType(school.type);
  for (const k of SPLIT_KEYS) {
    const n = split[k];
    if (!n) continue;
    // A blank 学段 column the school does not have (初中 of a 小学) is nothing, not a missing value.
    if (n.problem === 'blank' && !own.includes(k)) continue;
    ref ??= n.ref;
    noteMissing(ctx, n, quantityLabel(q, k), what, id, school.name, null);
    if (n.value === null) ok = false;
    else sum += n.value;
  }
  if (ref === null) return null;
  return { value: ok ? sum : null, ref };
}

/** The 学段 columns a school of this type fills in; all of them when the type is unknown. */
export function stagesOfType(type: SchoolType | null): readonly StageKey[] {
  switch (type) {
    case '小学':
    case '教学点':
      return ['小学'];
    case '初中':
      return ['初中'];
    case '九年一贯制':
      return ['小学', '初中'];
    case '完全中学':
      return ['初中', '高中'];
    case '特殊教育学校':
      return ['小学', '初中'];
    default:
      return SPLIT_KEYS;
  }
}

/** G3: ≥ ceil(班级数 ÷ 12) 音乐 and 美术 rooms; each room (or the average) at least the standard area. */
export function checkSpecialRooms(ctx: Ctx, school: SchoolRecord): void {
  if (school.type === '特殊教育学校') return;
  const std = ctx.std;
  const what = indicatorRef(std, 'G3');
  const perRoom = threshold(std, 'G3', 'classesPerRoom');
  const classes = wholeSchool(ctx, school, 'classes', what, 'G3');
  const kinds = [
    { label: '音乐', rooms: 'musicRooms', area: 'musicRoomArea', each: 'musicRoomAreaEach', limit: threshold(std, 'G3', 'musicRoomArea') },
    { label: '美术', rooms: 'artRooms', area: 'artRoomArea', each: 'artRoomAreaEach', limit: threshold(std, 'G3', 'artRoomArea') },
  ] as const;
  for (const k of kinds) {
    const rooms = wholeSchool(ctx, school, k.rooms, what, 'G3');
    // Room count against classes.
    if (classes && classes.value !== null && classes.value > 0 && rooms && rooms.value !== null) {
      const required = Math.ceil(classes.value / perRoom - ctx.eps);
      if (rooms.value < required) {
        const gap = required - rooms.value;
        complianceFinding(
          ctx,
          rooms.ref,
          'G3',
          school.name,
          null,
          rooms.value,
          required,
          gap,
          `${k.label}专用教室 ${formatNumber(rooms.value)} 间，按 ${formatNumber(classes.value)} 个班级（每 ${formatThreshold(perRoom)} 个班 1 间）应至少 ${required} 间，还需 ${gap} 间`,
        );
      }
    }
    // Area per room: the per-room column, else total ÷ rooms.
    const eachSplit = school.quantities[k.each];
    const each = eachSplit ? wholeSchool(ctx, school, k.each, what, 'G3') : null;
    if (each && each.value !== null) {
      if (each.value > 0 && !atLeast(each.value, k.limit, ctx.eps)) {
        const gap = ceilTo(k.limit - each.value, 2, ctx.eps);
        complianceFinding(
          ctx,
          each.ref,
          'G3',
          school.name,
          null,
          each.value,
          k.limit,
          gap,
          `${k.label}教室每间面积 ${formatNumber(each.value)} ㎡，标准每间 ≥ ${formatThreshold(k.limit)} ㎡，每间还差 ${formatNumber(gap)} ㎡`,
        );
      }
      continue;
    }
    if (each) continue; // per-room column present but empty: already reported
    const area = wholeSchool(ctx, school, k.area, what, 'G3');
    if (!area || area.value === null || !rooms || rooms.value === null || rooms.value <= 0) continue;
    const avg = area.value / rooms.value;
    if (!atLeast(avg, k.limit, ctx.eps)) {
      const gap = ceilTo(k.limit * rooms.value - area.value, 2, ctx.eps);
      complianceFinding(
        ctx,
        area.ref,
        'G3',
        school.name,
        null,
        Math.round(avg * 100) / 100,
        k.limit,
        gap,
        `${k.label}教室间均面积 ${formatNumber(avg)} ㎡（${formatNumber(rooms.value)} 间共 ${formatNumber(area.value)} ㎡），标准每间 ≥ ${formatThreshold(k.limit)} ㎡，还差 ${formatNumber(gap)} ㎡`,
      );
    }
  }
}

/** The G4 threshold key of a school type (null for types G4 does not judge). */
function sizeKey(type: SchoolType): string | null {
  switch (type) {
    case '小学':
    case '教学点':
      return '小学';
    case '初中':
    case '完全中学':
      return '初中';
    case '九年一贯制':
    case '十二年一贯制':
      return type;
    case '特殊教育学校':
      return null;
  }
}

/** G4: 义务教育 students (小学 + 初中, never 高中) within the limit for the school's type. */
export function checkSchoolSize(ctx: Ctx, school: SchoolRecord): void {
  if (school.type === '特殊教育学校') return;
  const st = school.quantities.students;
  if (!st) return;
  const what = indicatorRef(ctx.std, 'G4');
  const p = st['小学'];
  const j = st['初中'];
  const h = st['高中'];
  const all = st.all;
  let key: string | null;
  if (school.type !== null) key = sizeKey(school.type);
  else if (p && j) key = '九年一贯制';
  else if (p) key = '小学';
  else if (j) key = '初中';
  else key = null;
  if (key === null) return;

  // Which cells make up the 义务教育 students.
  let cells: Num[] = [];
  let minus: Num | null = null;
  const t = school.type;
  if (t === '小学' || t === '教学点') cells = p ? [p] : all ? [all] : [];
  else if (t === '初中') cells = j ? [j] : all ? [all] : [];
  else if (t === '九年一贯制') cells = p && j ? [p, j] : all ? [all] : [];
  else if (t === '完全中学') {
    if (j) cells = [j];
    else if (all && h) {
      cells = [all];
      minus = h;
    }
  } else if (t === '十二年一贯制') {
    if (p && j) cells = [p, j];
    else if (all && h) {
      cells = [all];
      minus = h;
    }
  } else cells = [p, j].filter((n): n is Num => n !== undefined);
  if (cells.length === 0) return;

  let value = 0;
  for (const n of minus ? [...cells, minus] : cells) {
    noteMissing(ctx, n, quantityLabel('students', n === all ? 'all' : n === p ? '小学' : n === j ? '初中' : '高中'), what, 'G4', school.name, null);
    if (n.value === null) return;
  }
  for (const n of cells) value += n.value ?? 0;
  if (minus) value -= minus.value ?? 0;
  const limit = threshold(ctx.std, 'G4', key);
  if (atMost(value, limit, ctx.eps)) return;
  const ref = (all ?? cells[0]).ref;
  const gap = value - limit;
  const who = t === '九年一贯制' || t === '十二年一贯制' ? `${t}学校义务教育阶段在校生` : t === '完全中学' ? '初中部在校生' : '在校生';
  complianceFinding(
    ctx,
    ref,
    'G4',
    school.name,
    null,
    value,
    limit,
    gap,
    `学校规模：${who} ${formatNumber(value)} 人，标准 ≤ ${formatThreshold(limit)} 人，超出 ${formatNumber(gap)} 人`,
  );
}

/** 1–6 → 小学, 7–9 → 初中, 10–12 → 高中. */
export function stageOfGrade(grade: number | null): '小学' | '初中' | '高中' | null {
  if (grade === null || !Number.isInteger(grade)) return null;
  if (grade >= 1 && grade <= 6) return '小学';
  if (grade >= 7 && grade <= 9) return '初中';
  if (grade >= 10 && grade <= 12) return '高中';
  return null;
}

function singleStage(type: SchoolType | null): Stage | null {
  if (type === '小学' || type === '教学点') return '小学';
  if (type === '初中') return '初中';
  return null;
}

/**
 * G5: one class row. The 学段 comes from the grade, else from the school's type (single-学段 types only);
 * the row's `stage` is filled in when it was missing. 高中 classes are not checked.
 */
export function checkClass(ctx: Ctx, cls: ClassRecord, schoolsByName: ReadonlyMap<string, SchoolRecord>): void {
  const school = cls.school !== null ? schoolsByName.get(cls.school.trim()) : undefined;
  if (school?.type === '特殊教育学校') return;
  let stage = cls.stage ?? stageOfGrade(cls.grade);
  if (stage === null && school) stage = singleStage(school.type);
  if (stage === null) {
    dataFinding(
      ctx,
      cls.gradeRef ?? cls.students.ref,
      'G5',
      cls.school,
      null,
      `无法确定班级「${cls.className}」的学段（年级未填写或无法识别，${school ? '学校不是单一学段' : '在学校台账中找不到该校'}），无法检查班额`,
    );
    return;
  }
  if (cls.stage === null) cls.stage = stage;
  if (stage === '高中') return;
  const n = cls.students;
  if (n.value === null) {
    noteMissing(ctx, n, '班级人数', `${cls.className} 的班额（G5）`, 'G5', cls.school, stage);
    return;
  }
  const limit = threshold(ctx.std, 'G5', stage);
  if (atMost(n.value, limit, ctx.eps)) return;
  const gap = ceilTol(n.value - limit, ctx.eps);
  complianceFinding(
    ctx,
    n.ref,
    'G5',
    cls.school,
    stage,
    n.value,
    limit,
    gap,
    `班额 ${formatNumber(n.value)} 人，标准 ≤ ${formatThreshold(limit)} 人，超出 ${formatNumber(gap)} 人`,
  );
}
