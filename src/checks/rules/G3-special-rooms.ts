/**
 * G3 每12个班级配备音乐、美术专用教室1间以上，每间面积不小于96平方米 (thresholds: classesPerRoom,
 * musicRoomArea, artRoomArea). Per school (not 特殊教育学校), on whole-school figures.
 */
import type { SchoolRecord } from '../../ledger/types';
import { threshold } from '../../standard';
import { atLeast, ceilTo } from '../compare';
import { amount, complianceFinding, type Ctx } from '../context';
import { formatNumber, formatThreshold, indicatorRef } from '../format';
import { perSchoolItem } from '../common/item-status';
import { wholeSchool } from '../common/whole-school';
import type { Rule } from './types';

const ROOMS = { unit: '间', decimals: 0 };
const AREA = { unit: '㎡', decimals: 2 };

/** G3: ≥ ceil(班级数 ÷ 12) 音乐 and 美术 rooms; each room (or the average) at least the standard area. */
function checkSpecialRooms(ctx: Ctx, school: SchoolRecord): void {
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
          // The ledger gives one area per room, not how many rooms are short of it: no total to add.
          { unit: AREA },
        );
      }
      continue;
    }
    if (each) continue; // per-room column present but empty: already reported
    const area = wholeSchool(ctx, school, k.area, what, 'G3');
    if (!area || area.value === null || !rooms || rooms.value === null || rooms.value <= 0) continue;
    const avg = area.value / rooms.value;
    if (!atLeast(avg, k.limit, ctx.eps)) {
      const add = ceilTo(k.limit * rooms.value - area.value, 2, ctx.eps);
      complianceFinding(
        ctx,
        area.ref,
        'G3',
        school.name,
        null,
        Math.round(avg * 100) / 100,
        k.limit,
        ceilTo(k.limit - avg, 2, ctx.eps),
        `${k.label}教室间均面积 ${formatNumber(avg)} ㎡（${formatNumber(rooms.value)} 间共 ${formatNumber(area.value)} ㎡），标准每间 ≥ ${formatThreshold(k.limit)} ㎡，还差 ${formatNumber(add)} ㎡`,
        { unit: AREA, need: amount(add, AREA.unit, 2) },
      );
    }
  }
}

export const G3: Rule = {
  id: 'G3',
  reads: [{ ledger: '学校台账', fields: ['学校类型', '班级数', '音乐专用教室间数', '美术专用教室间数', '音乐/美术专用教室面积（或每间面积）'] }],
  pass: 'school',
  checks: 'per school: rooms ≥ ceil(班级数 ÷ classesPerRoom) for 音乐 and 美术; each room (the per-room column, else total ÷ rooms) ≥ the area',
  raises: [
    { kind: 'compliance', when: 'on the rooms cell when too few rooms; on the area cell when a room is too small' },
    { kind: 'data', when: 'on a blank 班级数, rooms or area cell' },
  ],
  start: (run) => {
    const has = (q: keyof SchoolRecord['quantities']) => run.schools.some((s) => s.quantities[q] !== undefined);
    return {
      school: (s) => checkSpecialRooms(run.ctx, s),
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
