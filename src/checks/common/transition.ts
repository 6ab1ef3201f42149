/**
 * The 《规程》 (国教督办函〔2019〕30号) transition rules (standard `transition`, spec §6): whether a rule applies
 * in the assessment year, and the school facts it needs, read from the school ledger. A fact that is not in
 * the ledger (no column, a blank cell, an unreadable year) means the rule does not apply: the school is judged
 * by the full standard, never by a guess.
 */
import { parseYesNo } from '../../ledger/coerce';
import type { SchoolAttribute, SchoolQuantity, SchoolRecord } from '../../ledger/types';
import type { Stage, TransitionKey } from '../../standard/schema';
import { dataFinding, refKey, type Ctx } from '../context';
import type { TransitionUse } from '../types';
import { singleStageOfType } from './whole-school';

/** The words every note, 问题清单 row and sheet line decided by a relaxed limit carries. */
export const TRANSITION_TAG = '按《规程》过渡期标准';

/** The rule is in force for the assessment year (ctx.year within its years). */
export function transitionActive(ctx: Ctx, key: TransitionKey): boolean {
  if (ctx.year === null) return false;
  const [from, to] = ctx.std.transition[key].years;
  return ctx.year >= from && ctx.year <= to;
}

const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;

/** The year a school was built (建校时间: "2005", "2005年9月", a date), or null. An unreadable cell is a data finding (once). */
export function builtYearOf(ctx: Ctx, school: SchoolRecord): number | null {
  const c = school.attributes?.builtYear;
  if (!c || c.text === '') return null;
  const m = YEAR.exec(c.text);
  if (m) return Number(m[1]);
  const key = `year\u0000${refKey(c.ref)}`;
  if (!ctx.blankSeen.has(key)) {
    ctx.blankSeen.add(key);
    dataFinding(ctx, c.ref, null, school.name, null, `「建校时间」“${c.text}”无法识别为年份（应填如 2005 或 2005年9月），未按《规程》过渡期标准判断，按完整标准判定`);
  }
  return null;
}

/** A 是/否 fact (乡村小规模学校, 中心城区学校): true only when the cell says 是. */
export function yesFact(school: SchoolRecord, attribute: SchoolAttribute): boolean {
  const c = school.attributes?.[attribute];
  return c !== undefined && c.text !== '' && parseYesNo(c.text) === true;
}

/** A whole-school number fact: the 全校 cell, else the sum of the 学段 cells; null when any is blank or unreadable. */
export function numberFact(school: SchoolRecord, q: SchoolQuantity): number | null {
  const split = school.quantities[q];
  if (!split) return null;
  if (split.all) return split.all.value;
  let sum = 0;
  let any = false;
  for (const k of ['小学', '初中', '高中'] as const) {
    const n = split[k];
    if (!n) continue;
    if (n.value === null) return null;
    any = true;
    sum += n.value;
  }
  return any ? sum : null;
}

/** 义务教育 students of a school (全校 − 高中 when only those are kept; 小学 + 初中 otherwise); null when unknown. */
export function compulsoryStudents(school: SchoolRecord): number | null {
  const st = school.quantities.students;
  if (!st) return null;
  const p = st['小学'];
  const j = st['初中'];
  if (p || j) {
    let sum = 0;
    for (const n of [p, j]) {
      if (!n) continue;
      if (n.value === null) return null;
      sum += n.value;
    }
    return sum;
  }
  const all = st.all?.value;
  if (all === undefined || all === null) return null;
  const h = st['高中'];
  if (h) return h.value === null ? null : all - h.value;
  return all;
}

/** The 学段 whose relaxed room area applies to a school (a school with both: 初中's, the larger). */
export function roomStage(school: SchoolRecord): Stage {
  const single = singleStageOfType(school.type);
  if (single !== null) return single;
  const st = school.quantities.students;
  return st && st['初中'] === undefined && st['小学'] !== undefined ? '小学' : '初中';
}

/** The 乡村小规模学校 of `peArtSmallRural`'s student range: 走教/兼职 teachers count for R3. */
export function peArtSmallRural(ctx: Ctx, school: SchoolRecord): boolean {
  if (!transitionActive(ctx, 'peArtSmallRural') || !yesFact(school, 'ruralSmall')) return false;
  const t = ctx.std.transition.peArtSmallRural;
  const n = compulsoryStudents(school);
  return n !== null && n >= t.minStudents && n <= t.maxStudents;
}

/** A 中心城区学校 in the years of `sportsCityCentre`: leased and converted grounds count for R5. */
export function sportsCityCentre(ctx: Ctx, school: SchoolRecord): boolean {
  return transitionActive(ctx, 'sportsCityCentre') && yesFact(school, 'cityCentre');
}

/** Records a verdict made 达标 only by a relaxed limit. */
export function recordTransition(ctx: Ctx, use: TransitionUse): void {
  ctx.transitions.push(use);
}
