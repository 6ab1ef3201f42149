/**
 * 表Ⅱ-2 小学、初中资源配置基本情况（分学校）: one row per school 学段 part (小学 rows, then 初中 rows, each under a
 * 学段 line), with 在校生数, 年级数, 班级数, the seven indicator values to two decimals, the 综合评估 verdict and a
 * 备注 naming which indicators reach the standard and which reach `minShare` of it. 举办者类型 is not in the ledgers:
 * left blank for the county.
 */
import type { SchoolStageResult } from '../../checks/types';
import { atLeast, stageOfGrade } from '../../checks';
import type { ClassRecord, SchoolRecord } from '../../ledger/types';
import { RESOURCE_IDS, STAGES, type Stage, type Standard } from '../../standard/schema';
import type { ModelCell, ModelMerge, SheetModel } from '../model';
import { orderSchools, type ReportContext } from '../sheets/cells';
import { blank, codes, countCell, fixedCell, formSheet, indicatorHeader, text, type NationalSource } from './common';

export const TABLE2_2_SHEET = '表Ⅱ-2 资源配置（分学校）';
export const TABLE2_2_TITLE = '表Ⅱ-2 小学、初中资源配置基本情况（分学校）';

const VALUE_DECIMALS = 2;
/** Code of the column before the seven values: 序号 has no code, 学校名称 is L1 … 班级数 L5, the values L6–L12. */
const FIXED = 5;

export function buildTable2_2(src: NationalSource, ctx: ReportContext): SheetModel {
  const { std } = ctx;
  const headerRows = [
    ['序号', '学校名称', '举办者类型', '在校生数', '年级数', '班级数', ...RESOURCE_IDS.map((id) => indicatorHeader(std, id)), '该校综合评估是否达标', `备注（注明有哪几项指标达标，哪几项指标达到${Math.round(std.settings.minShare * 100)}%）`],
  ];
  const width = headerRows[0].length;
  const codeRow = codes(width, 1);
  const rows: ModelCell[][] = [];
  const merges: ModelMerge[] = [];
  const ordered = orderSchools(src.result.schools);
  const records = new Map(src.ledgers.schools.map((r) => [`${r.sheet}\u0000${r.row}`, r]));
  const classesBySchool = new Map<string, ClassRecord[]>();
  for (const c of src.ledgers.classes) {
    if (c.school === null) continue;
    const name = c.school.trim();
    const list = classesBySchool.get(name);
    if (list) list.push(c);
    else classesBySchool.set(name, [c]);
  }
  for (const stage of STAGES) {
    const parts = ordered.filter((s) => s.stage === stage);
    if (parts.length === 0) continue;
    merges.push({ row: rows.length, col: 0, rows: 1, cols: width });
    rows.push([text(stage), ...Array.from({ length: width - 1 }, blank)]);
    parts.forEach((s, i) => {
      const rec = records.get(`${s.sheet}\u0000${s.row}`) ?? null;
      const classes = classesOf(classesBySchool.get(s.name.trim()) ?? [], s);
      rows.push([
        countCell(i + 1),
        text(s.name),
        blank(),
        countCell(s.students),
        countCell(gradesOf(classes)),
        countCell(classCount(rec, s.stage, classes)),
        ...RESOURCE_IDS.map((id) => fixedCell(s.indicators[id]?.value ?? null, VALUE_DECIMALS)),
        verdictCell(s),
        text(remark(s, std, FIXED), 'text'),
      ]);
    });
  }
  return formSheet(
    {
      name: TABLE2_2_SHEET,
      title: TABLE2_2_TITLE,
      headerRows,
      headerMerges: [],
      codeRow,
      rows,
      merges,
      notes: [
        '注：指标值保留两位小数。',
        `备注中的 L${FIXED + 1}—L${FIXED + RESOURCE_IDS.length} 指本表 L${FIXED + 1}—L${FIXED + RESOURCE_IDS.length} 列的七项指标；“达到${Math.round(std.settings.minShare * 100)}%”指未达到标准但不低于标准的 ${Math.round(std.settings.minShare * 100)}%。`,
      ],
      widths: { min: 8, max: 14, fixed: { 0: 6, 1: 24, [width - 1]: 40 } },
    },
    ctx,
  );
}

function verdictCell(s: SchoolStageResult): ModelCell {
  if (s.excluded) return text('不参评', 'note');
  if (s.verdict === '达标') return { value: '是', style: 'pass' };
  if (s.verdict === '未达标') return { value: '否', style: 'fail' };
  return text('数据不全', 'warn');
}

/**
 * Which indicators (by their column code) reach the threshold, which reach `minShare` of it, which fall below,
 * which lack data; the exclusion reason for a part left out.
 */
export function remark(s: SchoolStageResult, std: Standard, firstColumn: number): string {
  const code = (i: number) => `L${firstColumn + i + 1}`;
  const reached: string[] = [];
  const near: string[] = [];
  const below: string[] = [];
  const missing: string[] = [];
  const eps = std.settings.epsilon;
  RESOURCE_IDS.forEach((id, i) => {
    const r = s.indicators[id];
    if (!r || r.value === null) missing.push(code(i));
    else if (r.pass === true) reached.push(code(i));
    else if (atLeast(r.value, r.threshold * std.settings.minShare, eps)) near.push(code(i));
    else below.push(code(i));
  });
  const pct = Math.round(std.settings.minShare * 100);
  const parts: string[] = [];
  if (s.excluded) parts.push(`不参评：${s.excludedReason ?? '不参与资源配置评估'}`);
  parts.push(reached.length > 0 ? `${reached.join('、')} 达标` : '无达标指标');
  if (near.length > 0) parts.push(`${near.join('、')} 达到${pct}%`);
  if (below.length > 0) parts.push(`${below.join('、')} 未达到${pct}%`);
  if (missing.length > 0) parts.push(`${missing.join('、')} 缺少数据`);
  const apportioned = RESOURCE_IDS.map((id, i) => (s.indicators[id]?.apportioned ? code(i) : null)).filter((c): c is string => c !== null);
  if (apportioned.length > 0) parts.push(`${apportioned.join('、')} 由全校数按加权学生数分摊`);
  return parts.join('；');
}

const SINGLE: Partial<Record<NonNullable<SchoolRecord['type']>, Stage>> = { 小学: '小学', 教学点: '小学', 初中: '初中' };

/** Of the class ledger's rows of this school, those of this 学段 (by grade; the school's single 学段 when the grade is unknown). */
function classesOf(classes: readonly ClassRecord[], s: SchoolStageResult): ClassRecord[] {
  return classes.filter((c) => {
    const stage = stageOfGrade(c.grade) ?? c.stage ?? (s.type ? (SINGLE[s.type] ?? null) : null);
    return stage === s.stage;
  });
}

/** 年级数: distinct grades of the part's classes in the class ledger; null without class rows or with an unknown grade. */
function gradesOf(classes: readonly ClassRecord[]): number | null {
  if (classes.length === 0 || classes.some((c) => c.grade === null)) return null;
  return new Set(classes.map((c) => c.grade)).size;
}

/** 班级数: the school ledger's 学段 column (a single-学段 school's whole-school column), else the class ledger's row count. */
function classCount(rec: SchoolRecord | null, stage: Stage, classes: readonly ClassRecord[]): number | null {
  const split = rec?.quantities.classes;
  const own = split?.[stage];
  if (own && own.value !== null) return own.value;
  if (!own && split?.all && split.all.value !== null && rec?.type && SINGLE[rec.type] === stage) return split.all.value;
  return classes.length > 0 ? classes.length : null;
}
