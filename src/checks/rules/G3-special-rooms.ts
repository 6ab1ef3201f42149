/**
 * G3 每12个班级配备音乐、美术专用教室1间以上，每间面积不小于96平方米 (thresholds: classesPerRoom,
 * musicRoomArea, artRoomArea). Per school (not 特殊教育学校), on whole-school figures.
 */
import type { CellRef, ClassRecord, SchoolRecord } from '../../ledger/types';
import { threshold, type TransitionKey } from '../../standard';
import { cellAddress } from '../../ledger/grid';
import { atLeast, ceilTo } from '../compare';
import { amount, complianceFinding, type Ctx } from '../context';
import { formatNumber, formatThreshold, indicatorRef } from '../format';
import { perSchoolItem } from '../common/item-status';
import { TRANSITION_TAG, builtYearOf, numberFact, recordTransition, roomStage, transitionActive, yesFact } from '../common/transition';
import { wholeSchool } from '../common/whole-school';
import type { Rule } from './types';

const ROOMS = { unit: '间', decimals: 0 };
const AREA = { unit: '㎡', decimals: 2 };
/** The largest class of a school in the class ledger; null when it has no class rows or one is blank or unreadable. */
function largestClass(classes: readonly ClassRecord[], school: SchoolRecord): number | null {
  const name = school.name.trim();
  let max: number | null = null;
  for (const c of classes) {
    if (c.school?.trim() !== name) continue;
    if (c.students.value === null) return null;
    max = Math.max(max ?? 0, c.students.value);
  }
  return max;
}

/** A relaxed room area of the 《规程》 that applies to a school, and why. */
interface Relaxed {
  limit: number;
  rule: TransitionKey;
  why: string;
}

/**
 * The most relaxed 《规程》 room area for this school and kind, when the assessment year is in a rule's years and
 * the school's facts meet its condition (roomsBuiltEarly: 建校时间 ≤ builtBy; roomsSmallRural: 乡村小规模学校
 * with 最大班额 under largestClassBelow); null when none applies or none is below the full limit.
 */
function relaxedRoomArea(ctx: Ctx, school: SchoolRecord, kind: '音乐' | '美术', full: number, classLargest: () => number | null): Relaxed | null {
  const out: Relaxed[] = [];
  if (transitionActive(ctx, 'roomsBuiltEarly')) {
    const t = ctx.std.transition.roomsBuiltEarly;
    const y = builtYearOf(ctx, school);
    if (y !== null && y <= t.builtBy) {
      out.push({ limit: kind === '音乐' ? t.musicRoomArea : t.artRoomArea, rule: 'roomsBuiltEarly', why: `${y} 年建校，属 ${t.builtBy} 年及以前规划建设的学校` });
    }
  }
  if (transitionActive(ctx, 'roomsSmallRural') && yesFact(school, 'ruralSmall')) {
    const t = ctx.std.transition.roomsSmallRural;
    // The 最大班额 column, else the largest class of the school in the class ledger.
    const own = school.quantities.maxClassSize ? numberFact(school, 'maxClassSize') : null;
    const largest = own ?? (school.quantities.maxClassSize ? null : classLargest());
    const source = own !== null ? '' : '，据班级台账';
    if (largest !== null && !atLeast(largest, t.largestClassBelow, ctx.eps)) {
      const stage = roomStage(school);
      out.push({ limit: t.roomArea[stage], rule: 'roomsSmallRural', why: `乡村小规模学校，最大班额 ${formatNumber(largest)} 人（不足 ${formatThreshold(t.largestClassBelow)} 人${source}），${stage}` });
    }
  }
  const best = out.filter((r) => r.limit < full).sort((a, b) => a.limit - b.limit)[0];
  return best ?? null;
}

/**
 * Judges one room area (per room, or the average of total ÷ rooms) against the full limit, else the 《规程》's
 * relaxed limit: 达标 by the full limit → nothing; 达标 only by the relaxed one → a TransitionUse; short of both →
 * a finding against the limit that applies (the relaxed one, saying so, with what the full standard needs).
 * `total(limit)` is the shortfall in ㎡ to reach `limit` (per room, or over all rooms).
 */
function judgeArea(
  ctx: Ctx,
  school: SchoolRecord,
  kind: '音乐' | '美术',
  ref: CellRef,
  value: number,
  full: number,
  describe: string,
  shortfall: (limit: number) => number,
  classLargest: () => number | null,
): void {
  if (atLeast(value, full, ctx.eps)) return;
  const relaxed = relaxedRoomArea(ctx, school, kind, full, classLargest);
  const fullGap = ceilTo(shortfall(full), 2, ctx.eps);
  const perRoom = describe.includes('每间') ? '每间' : '';
  const actual = perRoom ? value : Math.round(value * 100) / 100;
  if (relaxed && atLeast(value, relaxed.limit, ctx.eps)) {
    recordTransition(ctx, {
      indicator: 'G3', rule: relaxed.rule, school: school.name, stage: null, sheet: ref.sheet, cell: cellAddress(ref.row, ref.col),
      actual, relaxed: relaxed.limit, full, gapToFull: fullGap, unit: AREA,
      // An average over the rooms: the ㎡ to add over all of them; one room's own area: no total to add.
      ...(perRoom ? {} : { need: amount(fullGap, AREA.unit, 2) }),
      message: `${TRANSITION_TAG}达标：${describe}，过渡期标准每间 ≥ ${formatThreshold(relaxed.limit)} ㎡（${relaxed.why}）；完整标准每间 ≥ ${formatThreshold(full)} ㎡，${perRoom}还差 ${formatNumber(fullGap)} ㎡`,
    });
    return;
  }
  const limit = relaxed ? relaxed.limit : full;
  const gap = ceilTo(shortfall(limit), 2, ctx.eps);
  const standard = relaxed
    ? `${TRANSITION_TAG}每间 ≥ ${formatThreshold(limit)} ㎡（${relaxed.why}），${perRoom}还差 ${formatNumber(gap)} ㎡；完整标准每间 ≥ ${formatThreshold(full)} ㎡，${perRoom}还差 ${formatNumber(fullGap)} ㎡`
    : `标准每间 ≥ ${formatThreshold(limit)} ㎡，${perRoom}还差 ${formatNumber(gap)} ㎡`;
  // 差距 per room; 需补足 the ㎡ to add over all rooms (an average), none for one room's own area.
  const perRoomGap = perRoom ? gap : ceilTo(limit - value, 2, ctx.eps);
  complianceFinding(ctx, ref, 'G3', school.name, null, actual, limit, perRoomGap, `${describe}，${standard}`, perRoom ? { unit: AREA } : { unit: AREA, need: amount(gap, AREA.unit, 2) });
}

/** G3: ≥ ceil(班级数 ÷ 12) 音乐 and 美术 rooms; each room (or the average) at least the standard area. */
function checkSpecialRooms(ctx: Ctx, school: SchoolRecord, classLargest: () => number | null): void {
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
          { unit: ROOMS, need: amount(gap, ROOMS.unit, 0) },
        );
      }
    }
    // Area per room: the per-room column, else total ÷ rooms.
    const eachSplit = school.quantities[k.each];
    const each = eachSplit ? wholeSchool(ctx, school, k.each, what, 'G3') : null;
    if (each && each.value !== null) {
      const v = each.value;
      if (v > 0 && each.ref) judgeArea(ctx, school, k.label, each.ref, v, k.limit, `${k.label}教室每间面积 ${formatNumber(v)} ㎡`, (limit) => limit - v, classLargest);
      continue;
    }
    if (each) continue; // per-room column present but empty: already reported
    const area = wholeSchool(ctx, school, k.area, what, 'G3');
    if (!area || area.value === null || !rooms || rooms.value === null || rooms.value <= 0) continue;
    const n = rooms.value;
    const total = area.value;
    if (!area.ref) continue;
    judgeArea(ctx, school, k.label, area.ref, total / n, k.limit, `${k.label}教室间均面积 ${formatNumber(total / n)} ㎡（${formatNumber(n)} 间共 ${formatNumber(total)} ㎡）`, (limit) => limit * n - total, classLargest);
  }
}

export const G3: Rule = {
  id: 'G3',
  reads: [
    { ledger: '学校台账', fields: ['学校类型', '班级数', '音乐专用教室间数', '美术专用教室间数', '音乐/美术专用教室面积（或每间面积）', '《规程》：建校时间、乡村小规模学校、最大班额'] },
    { ledger: '班级台账', fields: ['班级人数（《规程》：没有「最大班额」列时的最大班额）'] },
  ],
  pass: 'school',
  checks: 'per school: rooms ≥ ceil(班级数 ÷ classesPerRoom) for 音乐 and 美术; each room (the per-room column, else total ÷ rooms) ≥ the area',
  raises: [
    { kind: 'compliance', when: 'on the rooms cell when too few rooms; on the area cell when a room is too small' },
    { kind: 'data', when: 'on a blank 班级数, rooms or area cell' },
  ],
  start: (run) => {
    const has = (q: keyof SchoolRecord['quantities']) => run.schools.some((s) => s.quantities[q] !== undefined);
    return {
      school: (s) => checkSpecialRooms(run.ctx, s, () => largestClass(run.ledgers.classes, s)),
      item: () => {
        const t = run.ctx.std.indicators.G3.thresholds;
        return perSchoolItem(run, {
          id: 'G3',
          method: '学校台账',
          required: `每 ${formatThreshold(t.classesPerRoom)} 个班音乐、美术教室各 1 间；每间 ≥ ${formatThreshold(t.musicRoomArea)}/${formatThreshold(t.artRoomArea)} ㎡`,
          present: has('classes') && (has('musicRooms') || has('artRooms')),
          missing: '学校台账缺少班级数或音乐、美术专用教室列',
        });
      },
    };
  },
};
