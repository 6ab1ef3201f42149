/**
 * The seven 资源配置 indicators R1–R7 as a set, shared by the evaluation (resource-allocation.ts), the
 * plans (plan.ts, cv-plan.ts) and the 校际差异系数: each one's per-100 factor, numerator and rule (from
 * rules/R1–R7), where one value stands against its threshold, and the 6-of-7 / 85 % verdict. Spec §1.
 */
import type { SchoolQuantity } from '../../ledger/types';
import type { ResourceId, Standard } from '../../standard/schema';
import type { Verdict } from '../types';
import { atLeast } from '../compare';
import { R1 } from '../rules/R1-degree-teachers';
import { R2 } from '../rules/R2-backbone-teachers';
import { R3 } from '../rules/R3-pe-art-teachers';
import { R4 } from '../rules/R4-floor-area';
import { R5 } from '../rules/R5-sports-area';
import { R6 } from '../rules/R6-equipment-value';
import { R7 } from '../rules/R7-multimedia-rooms';
import type { ResourceRule } from './resource-item';

const RULES: readonly ResourceRule[] = [R1, R2, R3, R4, R5, R6, R7];

/** Indicators that are "per 100 students" (value = quantity ÷ students × 100); the others are per student. From rules/R1–R7. */
export const PER_100: Readonly<Record<ResourceId, number>> = Object.fromEntries(RULES.map((r) => [r.id, r.per])) as Record<ResourceId, number>;

/** The ledger quantity that is the numerator of each indicator (R3: see `peArtTeachers` / PE + music + art). From rules/R1–R7. */
export const NUMERATOR: Readonly<Record<ResourceId, SchoolQuantity>> = Object.fromEntries(RULES.map((r) => [r.id, r.numerator])) as Record<ResourceId, SchoolQuantity>;

/** RESOURCE rules by id (their numerator and given-value fields). */
export const RULE_OF = Object.fromEntries(RULES.map((r) => [r.id, r])) as Record<ResourceId, ResourceRule>;

/** Where one indicator of a school 学段 stands against its threshold. */
export type IndicatorState = 'reached' | 'near' | 'below' | 'missing';

export function indicatorState(value: number | null, t: number, std: Standard): IndicatorState {
  if (value === null) return 'missing';
  const eps = std.settings.epsilon;
  if (atLeast(value, t, eps)) return 'reached';
  return atLeast(value, std.settings.minShare * t, eps) ? 'near' : 'below';
}

/**
 * 达标 when at least `minReached` reach their threshold and every other one reaches `minShare` of it.
 * With values missing: 未达标 when the known values already settle it (one known value below the share,
 * or too few could still reach even if every missing one did); otherwise 数据不全 — a missing value is
 * never counted as a pass.
 */
export function decideVerdict(states: readonly IndicatorState[], std: Standard): Verdict {
  let reached = 0;
  let below = 0;
  let missing = 0;
  for (const s of states) {
    if (s === 'reached') reached++;
    else if (s === 'below') below++;
    else if (s === 'missing') missing++;
  }
  const need = std.settings.minReached;
  if (below > 0) return '未达标';
  if (reached + missing < need) return '未达标';
  return missing === 0 ? '达标' : '数据不全';
}
