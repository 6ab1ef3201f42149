/**
 * What the standard's settings and the 《规程》 change in the 资源配置 quantities of one school 学段 (used by
 * resource-allocation.ts): the indoor sports rooms moved from R4 to R5 (settings.indoorSportsToR5), and the
 * 走教/兼职 teachers (R3) and leased or converted grounds (R5) the 规程 counts for the schools it names.
 */
import type { CellRef, SchoolQuantity, SchoolRecord } from '../../ledger/types';
import type { ResourceId } from '../../standard/schema';
import type { Ctx } from '../context';
import type { Resolved } from './resource-allocation';
import { peArtSmallRural, sportsCityCentre } from './transition';

/**
 * settings.indoorSportsToR5 and the school keeps 室内体育用房面积: the 学段's area to move (null when its cell is
 * blank or unreadable — R4 and R5 are then unknown, never judged on a guess); null when nothing moves.
 */
export function indoorMove(
  ctx: Ctx,
  school: SchoolRecord,
  resolve: (q: SchoolQuantity, id: ResourceId) => Resolved,
): { area: number | null; ref: CellRef } | null {
  if (!ctx.std.settings.indoorSportsToR5 || !school.quantities.indoorSportsArea) return null;
  const r = resolve('indoorSportsArea', 'R5');
  if (r.ref === null) return null;
  return { area: r.value, ref: r.ref };
}

/** The 《规程》's extra quantity for R3 / R5 of a school it names (none when the column is missing or blank). */
export function transitionExtra(
  ctx: Ctx,
  school: SchoolRecord,
  id: ResourceId,
  resolve: (q: SchoolQuantity) => Resolved,
): { rule: 'peArtSmallRural' | 'sportsCityCentre'; value: number; label: string } | null {
  if (id === 'R3' && peArtSmallRural(ctx, school)) {
    const r = resolve('itinerantPeArtTeachers');
    return r.value !== null && r.value > 0 ? { rule: 'peArtSmallRural', value: r.value, label: '交流轮岗、兼职、走教的体育艺术教师' } : null;
  }
  if (id === 'R5' && sportsCityCentre(ctx, school)) {
    const r = resolve('leasedSportsArea');
    return r.value !== null && r.value > 0 ? { rule: 'sportsCityCentre', value: r.value, label: '改造的屋顶、地下运动场地和租赁的运动场馆面积' } : null;
  }
  return null;
}
