/**
 * 表Ⅰ 义务教育优质均衡发展县(市、区)基本情况: one row of 24 figures (L1–L24) under a three-row header. What the
 * ledgers give is filled in — school counts by type (学校台账), 教学点, 教学班数 (学校台账, else 班级台账), 在校学生数
 * (the checks' 学段 parts), 专任教师 (教师台账); 自然情况, 经济情况 and 教职工 合计 are not in any ledger and stay blank
 * for the county (a 教师台账 lists teachers, not every 教职工).
 */
import { stageOfGrade, stageOfText } from '../../checks';
import { parseYesNo } from '../../ledger/coerce';
import type { LedgerSet, SchoolRecord, SchoolType } from '../../ledger/types';
import type { Stage } from '../../standard/schema';
import type { ModelCell, ModelMerge, SheetModel } from '../model';
import type { ReportContext } from '../sheets';
import { codes, countCell, formSheet, type NationalSource } from './common';

export const TABLE1_SHEET = '表Ⅰ 基本情况';
export const TABLE1_TITLE = '表Ⅰ 义务教育优质均衡发展县(市、区)基本情况';

const STAGES_OF: Record<SchoolType, readonly Stage[]> = {
  小学: ['小学'], 教学点: ['小学'], 初中: ['初中'], 完全中学: ['初中'], 九年一贯制: ['小学', '初中'], 十二年一贯制: ['小学', '初中'], 特殊教育学校: [],
};
const COUNTED_TYPES: readonly SchoolType[] = ['小学', '九年一贯制', '初中', '完全中学', '十二年一贯制'];

export function buildTable1(src: NationalSource, ctx: ReportContext): SheetModel {
  const { ledgers } = src;
  const cut = ctx.std.settings.teachingPointCut;
  const headerRows = [
    ['自然情况', '', '', '', '经济情况', '', '', '', '普通中小学校数(所)', '', '', '', '', '特殊教育学校(所)', '小学教学点数(个)', '', '教学班数(个)', '', '在校学生数(人)', '', '教职工数(人)', '', '', ''],
    ['人口总数(万人)', '农业人口数(万人)', '乡镇数(个)', '行政村数(个)', '年人均国内生产总值(元)', '年人均地方财政收入(元)', '农民年人均纯收入(元)', '城镇居民年人均可支配收入(元)', '小学', '九年一贯制学校', '初中', '完全中学', '十二年一贯制学校', '', '计', `其中：${cut}人及以上`, '小学', '初中', '小学', '初中', '小学', '', '初中', ''],
    ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '合计', '其中专任教师', '合计', '其中专任教师'],
  ];
  const headerMerges: ModelMerge[] = [
    { row: 0, col: 0, rows: 1, cols: 4 },
    { row: 0, col: 4, rows: 1, cols: 4 },
    { row: 0, col: 8, rows: 1, cols: 5 },
    { row: 0, col: 13, rows: 3, cols: 1 },
    { row: 0, col: 14, rows: 1, cols: 2 },
    { row: 0, col: 16, rows: 1, cols: 2 },
    { row: 0, col: 18, rows: 1, cols: 2 },
    { row: 0, col: 20, rows: 1, cols: 4 },
    ...Array.from({ length: 20 }, (_, c) => c)
      .filter((c) => c !== 13)
      .map((c) => ({ row: 1, col: c, rows: 2, cols: 1 })),
    { row: 1, col: 20, rows: 1, cols: 2 },
    { row: 1, col: 22, rows: 1, cols: 2 },
  ];

  const schools = ledgers.schools;
  const typed = schools.filter((s) => s.type !== null);
  const untyped = schools.length - typed.length;
  const ofType = (t: SchoolType) => typed.filter((s) => s.type === t).length;
  const known = (n: number) => (untyped > 0 ? null : n);
  const points = typed.filter((s) => s.type === '教学点');
  const pointStudents = points.map((s) => s.quantities.students?.小学?.value ?? s.quantities.students?.all?.value ?? null);
  const bigPoints = pointStudents.every((v) => v !== null) ? pointStudents.filter((v) => (v ?? 0) >= cut).length : null;

  const blankNum = (numFmt: string): ModelCell => ({ value: null, style: 'number', numFmt });
  const row: ModelCell[] = [
    blankNum('0.00'),
    blankNum('0.00'),
    blankNum('0'),
    blankNum('0'),
    blankNum('0'),
    blankNum('0'),
    blankNum('0'),
    blankNum('0'),
    ...COUNTED_TYPES.map((t) => countCell(known(ofType(t)))),
    countCell(known(ofType('特殊教育学校'))),
    countCell(known(points.length)),
    countCell(untyped > 0 ? null : bigPoints),
    countCell(classesOf(ledgers, '小学')),
    countCell(classesOf(ledgers, '初中')),
    countCell(studentsOf(src, '小学')),
    countCell(studentsOf(src, '初中')),
    blankNum('0'),
    countCell(fullTimeTeachers(ledgers, '小学')),
    blankNum('0'),
    countCell(fullTimeTeachers(ledgers, '初中')),
  ];
  const notes = ['注：L1、L2 保留两位小数，L5—L8 保留整数。'];
  if (untyped > 0) notes.push(`学校台账中有 ${untyped} 所学校的类型无法确定，L9—L16 未填写，请核对学校类型后填写。`);
  return formSheet(
    {
      name: TABLE1_SHEET,
      title: TABLE1_TITLE,
      headerRows,
      headerMerges,
      codeRow: codes(24),
      rows: [row],
      notes,
      widths: { min: 8, max: 12 },
      onePage: true,
    },
    ctx,
  );
}

function stagesOf(s: SchoolRecord): readonly Stage[] | null {
  return s.type === null ? null : STAGES_OF[s.type];
}

/**
 * 教学班数 of a 学段: the school ledger's 班级数 of every school with that 学段 (its 学段 column, or the whole-school
 * column of a single-学段 school); else the class ledger's rows of that 学段; null when neither is complete.
 */
export function classesOf(ledgers: LedgerSet, stage: Stage): number | null {
  let sum = 0;
  let complete = ledgers.schools.length > 0;
  for (const s of ledgers.schools) {
    const st = stagesOf(s);
    if (st === null) {
      complete = false;
      break;
    }
    if (!st.includes(stage)) continue;
    const split = s.quantities.classes;
    const v = split?.[stage]?.value ?? (st.length === 1 && !split?.[stage] ? (split?.all?.value ?? null) : null);
    if (v === null || v === undefined) {
      complete = false;
      break;
    }
    sum += v;
  }
  if (complete) return sum;
  if (ledgers.classes.length === 0) return null;
  const byName = new Map(ledgers.schools.map((s) => [s.name.trim(), s]));
  let n = 0;
  for (const c of ledgers.classes) {
    const rec = c.school === null ? undefined : byName.get(c.school.trim());
    if (rec?.type === '特殊教育学校') continue;
    const own = rec ? stagesOf(rec) : null;
    const cs = stageOfGrade(c.grade) ?? c.stage ?? (own && own.length === 1 ? own[0] : null);
    if (cs === null) return null;
    if (cs === stage) n++;
  }
  return n;
}

/** 在校学生数 of a 学段: the sum over the checks' 学段 parts (教学点 included); null when a part or a school is unknown. */
export function studentsOf(src: NationalSource, stage: Stage): number | null {
  const assessed = new Set(src.result.schools.map((s) => `${s.sheet}\u0000${s.row}`));
  if (src.ledgers.schools.some((r) => r.type !== '特殊教育学校' && !assessed.has(`${r.sheet}\u0000${r.row}`))) return null;
  let sum = 0;
  for (const s of src.result.schools) {
    if (s.stage !== stage) continue;
    if (s.students === null) return null;
    sum += s.students;
  }
  return sum;
}

/** 专任教师 of a 学段 in the teacher ledger (special schools and 高中 left out); null when a 学段 cannot be told. */
export function fullTimeTeachers(ledgers: LedgerSet, stage: Stage): number | null {
  if (ledgers.teachers.length === 0) return null;
  const byName = new Map(ledgers.schools.map((s) => [s.name.trim(), s]));
  let n = 0;
  for (const t of ledgers.teachers) {
    const ft = t.fullTime === null ? true : parseYesNo(t.fullTime.text);
    if (ft === false) continue;
    if (ft === null) return null;
    const rec = t.school === null ? undefined : byName.get(t.school.trim());
    if (rec?.type === '特殊教育学校') continue;
    const own = rec ? stagesOf(rec) : null;
    const text = t.stage ? stageOfText(t.stage.text) : null;
    if (text === 'other') return null;
    const ts = text ?? (own && own.length === 1 ? own[0] : null);
    if (ts === null) return null;
    if (ts === stage) n++;
  }
  return n;
}
