/**
 * What 资源配置 reads beyond plain quantities: cells written “*” / “—” / 不适用 (not applicable), the 学段 a
 * school has no students in, indicator values as the county computed them (表Ⅱ-2), and the county's own
 * 该校综合评估是否达标. Spec §1. Pure.
 *
 * "Needs" is decided by what the evaluation reads: the school's cell for the 学段 judged, else its
 * whole-school cell. A “*” the evaluation never reads (another 学段's column, a whole-school column beside
 * the 学段 columns, 体育 / 音乐 / 美术 beside the combined column) needs nothing and raises nothing. A “*” it
 * reads is needed — a data finding, the indicator missing — except for a 教学点 left out of 资源配置 (under
 * settings.teachingPointCut), where it is shown 不适用. A 学段 whose 在校生数 is “*” is a 学段 the school has
 * no students in this year: it is not judged, its figures are not needed, and whole-school figures go to
 * the 学段 it has.
 */
import { parseYesNo } from '../../ledger/coerce';
import type { SchoolRecord, StageKey, TextCell } from '../../ledger/types';
import { STAGES, type ResourceId, type Stage, type Standard } from '../../standard/schema';
import { dataFinding, type Ctx } from '../context';
import { indicatorRef } from '../format';
import type { SchoolStageResult } from '../types';

/** Which 学段 of a school are judged, which 学段 share its whole-school quantities, and their weights. */
export interface SchoolPlan {
  stages: Stage[];
  parts: StageKey[];
  weights: Partial<Record<StageKey, number>>;
}

/**
 * The 学段 plan of a school from its type; for a school without a type, from the 学段 columns of its
 * students. null: not in 资源配置 (特殊教育学校) or no 学段 can be told (the caller raises the finding).
 */
export function planSchool(s: SchoolRecord, std: Standard): SchoolPlan | null {
  const a = std.settings.apportion;
  // A row of one 学段 (a 表Ⅱ-2 section): its figures are that 学段's alone.
  if (s.stage && s.type !== '特殊教育学校') return { stages: [s.stage], parts: [s.stage], weights: { [s.stage]: 1 } };
  const plan = typePlan(s, a);
  if (!plan) return null;
  const absent = absentParts(s, plan.parts, plan.stages);
  if (absent.length === 0) return plan;
  const parts = plan.parts.filter((k) => !absent.includes(k));
  const weights: Partial<Record<StageKey, number>> = {};
  for (const k of parts) weights[k] = parts.length === 1 ? 1 : plan.weights[k];
  return { stages: plan.stages.filter((k) => !absent.includes(k)), parts, weights };
}

export function typePlan(s: SchoolRecord, a: Standard['settings']['apportion']): SchoolPlan | null {
  switch (s.type) {
    case '小学':
    case '教学点':
      return { stages: ['小学'], parts: ['小学'], weights: { 小学: 1 } };
    case '初中':
      return { stages: ['初中'], parts: ['初中'], weights: { 初中: 1 } };
    case '九年一贯制':
      return { stages: ['小学', '初中'], parts: ['小学', '初中'], weights: { 小学: a.primaryJunior[0], 初中: a.primaryJunior[1] } };
    case '十二年一贯制':
      return {
        stages: ['小学', '初中'],
        parts: ['小学', '初中', '高中'],
        weights: { 小学: a.twelveYear[0], 初中: a.twelveYear[1], 高中: a.twelveYear[2] },
      };
    case '完全中学':
      return { stages: ['初中'], parts: ['初中', '高中'], weights: { 初中: a.juniorSenior[0], 高中: a.juniorSenior[1] } };
    case '特殊教育学校':
      return null;
    case null: {
      const st = s.quantities.students;
      if (!st) return null;
      const has小 = st['小学'] !== undefined;
      const has初 = st['初中'] !== undefined;
      const has高 = st['高中'] !== undefined;
      const stages: Stage[] = STAGES.filter((k) => st[k] !== undefined);
      if (stages.length === 0) return null;
      const parts: StageKey[] = [...stages];
      if (has高) parts.push('高中');
      if (parts.length === 1) return { stages, parts, weights: { [parts[0]]: 1 } };
      if (has小 && has初 && !has高) return { stages, parts, weights: { 小学: a.primaryJunior[0], 初中: a.primaryJunior[1] } };
      if (!has小 && has初 && has高) return { stages, parts, weights: { 初中: a.juniorSenior[0], 高中: a.juniorSenior[1] } };
      return { stages, parts, weights: { 小学: a.twelveYear[0], 初中: a.twelveYear[1], 高中: a.twelveYear[2] } };
    }
  }
}

/** A school's “*” cell of a quantity for a 学段 (or its whole-school cell). */
export function naCell(school: SchoolRecord, q: keyof NonNullable<SchoolRecord['notApplicable']>, key: 'all' | StageKey): TextCell | undefined {
  return school.notApplicable?.[q]?.[key];
}

/**
 * The 学段 parts whose 在校生数 is written “*” (and not given otherwise), when the school keeps its students
 * by 学段: those 学段 have no students. At least one 学段 that is judged is always kept.
 */
export function absentParts(school: SchoolRecord, parts: readonly StageKey[], stages: readonly Stage[]): StageKey[] {
  if (parts.length < 2) return [];
  const st = school.quantities.students ?? {};
  const absent = parts.filter((k) => st[k] === undefined && naCell(school, 'students', k) !== undefined);
  const judged = stages.filter((s) => !absent.includes(s));
  return judged.length > 0 ? absent : [];
}

/** The data finding for a “*” the school needs. */
export function notApplicableFinding(ctx: Ctx, cell: TextCell, label: string, id: ResourceId | null, school: string, stage: Stage): void {
  const what = id ? `计算 ${indicatorRef(ctx.std, id)}` : `计算${stage}资源配置指标（R1–R7）`;
  dataFinding(
    ctx,
    cell.ref,
    id,
    school,
    stage,
    `学校“${school}”的「${label}」填写为“${cell.text}”（不适用），但该校${stage}需要此项${what}，该项不作判定；请填写数值`,
  );
}

/**
 * 该校综合评估是否达标 as the county filled it, against the tool's verdict of the row (all its 学段 parts): a
 * data finding when they disagree, or when the text cannot be read as 达标 / 未达标. Nothing when the tool
 * cannot decide (数据不全) or the row is left out of 资源配置.
 */
export function crossCheckCountyVerdict(ctx: Ctx, school: SchoolRecord, results: readonly SchoolStageResult[]): void {
  const cell = school.attributes?.countyVerdict;
  if (!cell || cell.text === '' || results.length === 0 || results.some((r) => r.excluded)) return;
  const said = parseYesNo(cell.text);
  const stage = results.length === 1 ? results[0].stage : null;
  if (said === null) {
    dataFinding(ctx, cell.ref, null, school.name, stage, `「该校综合评估是否达标」填写为“${cell.text}”，无法识别（应为 是/否 或 达标/未达标）`);
    return;
  }
  if (results.some((r) => r.verdict === '数据不全') && !results.some((r) => r.verdict === '未达标')) return;
  const ours = results.every((r) => r.verdict === '达标');
  if (ours === said) {
    for (const r of results) (r.remarks ??= []).push(`与表中「该校综合评估是否达标」（${cell.text}）一致`);
    return;
  }
  const why = results
    .map((r) => `${results.length > 1 ? `${r.stage}部` : ''}${r.verdict}（7 项中 ${r.reached} 项达到标准）`)
    .join('，');
  dataFinding(
    ctx,
    cell.ref,
    null,
    school.name,
    stage,
    `「该校综合评估是否达标」填写为“${cell.text}”，但按表中各项指标值判定为${why}，请核实`,
  );
  for (const r of results) (r.remarks ??= []).push(`表中「该校综合评估是否达标」填写为“${cell.text}”，与本工具判定不一致（见问题清单）`);
}
