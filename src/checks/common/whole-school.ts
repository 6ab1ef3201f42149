/** Whole-school figures of the school ledger: the 全校 column, else the sum of the 学段 columns the school has. */
import type { CellRef, SchoolQuantity, SchoolRecord, SchoolType, StageKey, StageSplit } from '../../ledger/types';
import type { IndicatorId, Stage } from '../../standard/schema';
import { noteMissing, type Ctx } from '../context';
import { quantityLabel } from '../format';

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

/**
 * The one 义务教育 学段 of a school type (完全中学: 初中, its 高中 aside); null when the type has both 学段
 * (一贯制, 特殊教育学校) or is unknown.
 */
export function singleStageOfType(type: SchoolType | null): Stage | null {
  const stages = stagesOfType(type).filter((k): k is Stage => k !== '高中');
  return stages.length === 1 ? stages[0] : null;
}
