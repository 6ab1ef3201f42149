/**
 * Magnitude sense: a ledger value divided by the school's students must be something a school can have
 * (settings.plausible of the standard). Decided per column over all its rows, before any check runs:
 * - most of a column out of range, and one other unit of the dimension (万元 for 元 …) puts most of it in
 *   range → the column is read in that unit, with one data finding at its header cell;
 * - every value still out of range → left unjudged (value null, a data finding at its cell): a value no
 *   school can have never becomes a pass or a fail.
 * Zeros are values, not magnitudes, and are not tested. Pure.
 */
import type { IndicatorId, Plausible, Standard } from '../standard/schema';
import { cellAddress } from './grid';
import { asStage, fmtNumber, type FindingSink } from './sheet-reader';
import type { UnitInfo } from './normalize';
import type { Num, SchoolQuantity, SchoolRecord, StageKey } from './types';
import { GIVEN_PER_100, checkGivenPer100, median, show, studentsOf } from './magnitude-given';

type RangeKey = Exclude<keyof Plausible, 'units' | 'givenPer100'>;

/**
 * Which range a quantity is judged by, and whether it is per student (1) or per 100 students (100).
 * `direct`: the cell is already the per-student value (a 表Ⅱ-2 column), not a quantity to divide.
 */
const RANGE_OF: Partial<Record<SchoolQuantity, { key: RangeKey; per: 1 | 100; unit: string; direct?: boolean }>> = {
  floorAreaPerStudent: { key: 'floorAreaPerStudent', per: 1, unit: '㎡', direct: true },
  sportsAreaPerStudent: { key: 'sportsAreaPerStudent', per: 1, unit: '㎡', direct: true },
  equipmentPerStudent: { key: 'equipmentPerStudent', per: 1, unit: '元', direct: true },
  floorArea: { key: 'floorAreaPerStudent', per: 1, unit: '㎡' },
  sportsArea: { key: 'sportsAreaPerStudent', per: 1, unit: '㎡' },
  equipmentValue: { key: 'equipmentPerStudent', per: 1, unit: '元' },
  degreeTeachers: { key: 'teachersPer100', per: 100, unit: '人' },
  backboneTeachers: { key: 'teachersPer100', per: 100, unit: '人' },
  peArtTeachers: { key: 'teachersPer100', per: 100, unit: '人' },
  peTeachers: { key: 'teachersPer100', per: 100, unit: '人' },
  musicTeachers: { key: 'teachersPer100', per: 100, unit: '人' },
  artTeachers: { key: 'teachersPer100', per: 100, unit: '人' },
  multimediaRooms: { key: 'multimediaRoomsPer100', per: 100, unit: '间' },
};

/** The standard's unit of each dimension, used when a column names none. */
const BASE_UNIT: Record<UnitInfo['dim'], string> = { money: '元', area: '㎡', count: '' };

/** True when the quantity has a plausible range (the reader then tracks its cells). */
export function hasRange(q: SchoolQuantity): boolean {
  return RANGE_OF[q] !== undefined || GIVEN_PER_100[q] !== undefined;
}

/** One tracked cell: the number as typed and the factor it was read with. */
export interface Tracked {
  /** Cells of one column (or one form item) are decided together. */
  group: string;
  quantity: SchoolQuantity;
  stage: StageKey | 'all';
  num: Num;
  /** The number as typed, before any unit factor. */
  raw: number;
  factor: number;
  /** The cell wrote its own unit ("45.6万元"): the column's unit does not apply to it. */
  ownUnit: boolean;
  record: SchoolRecord;
  label: string;
  dim: UnitInfo['dim'];
  indicator: IndicatorId | null;
  /** Where a finding about the whole column goes (its header cell; a form's 单位 cell). */
  header: { sheet: string; cell: string; place: string };
  /** The column's unit as read (from its header, the title or a unit row); null = the standard's unit. */
  unit: string | null;
  /** Called when the column is re-read in another unit. */
  onUnit?: (unit: string, factor: number) => void;
}




function perLabel(per: 1 | 100): string {
  return per === 1 ? '生均' : '每百名学生';
}

function unitNameOf(std: Standard, dim: UnitInfo['dim'], factor: number): string {
  for (const [name, f] of Object.entries(std.settings.plausible.units[dim] ?? {})) if (f === factor) return name;
  if (factor === 1) return BASE_UNIT[dim];
  return `×${fmtNumber(factor)}`;
}

/** Applies the plausible ranges to every tracked cell (see the module comment). */
export function checkMagnitudes(tracked: readonly Tracked[], std: Standard, sink: FindingSink): void {
  const groups = new Map<string, Tracked[]>();
  for (const t of tracked) {
    const list = groups.get(t.group);
    if (list) list.push(t);
    else groups.set(t.group, [t]);
  }
  const P = std.settings.plausible;
  for (const list of groups.values()) {
    const first = list[0];
    if (GIVEN_PER_100[first.quantity]) {
      checkGivenPer100(list, std, sink);
      continue;
    }
    const spec = RANGE_OF[first.quantity];
    if (!spec) continue;
    const [lo, hi] = P[spec.key];
    const eps = std.settings.epsilon;
    const inRange = (x: number): boolean => x >= lo * (1 - eps) && x <= hi * (1 + eps);
    const direct = spec.direct === true;
    const rows = list
      .map((t) => ({ t, students: direct ? 1 : studentsOf(t.record, t.stage) }))
      .filter((x): x is { t: Tracked; students: number } => x.t.num.value !== null && x.t.num.value > 0 && x.students !== null && x.students > 0);
    if (rows.length === 0) continue;
    const ratio = (x: { t: Tracked; students: number }, f: number): number => (direct ? x.t.raw * f : ((x.t.raw * f) / x.students) * spec.per);
    const column = rows.filter((x) => !x.t.ownUnit);
    const current = column.length ? column[0].t.factor : 1;
    let final = current;
    if (column.length > 0) {
      const fit = column.filter((x) => inRange(ratio(x, current))).length;
      if (fit * 2 < column.length) {
        let best: { name: string; f: number; n: number } | null = null;
        for (const [name, f] of Object.entries(P.units[first.dim] ?? {})) {
          if (f === current) continue;
          const n = column.filter((x) => inRange(ratio(x, f))).length;
          if (!best || n > best.n) best = { name, f, n };
        }
        if (best && best.n * 2 > column.length) {
          final = best.f;
          const was = first.unit ?? unitNameOf(std, first.dim, current);
          const before = median(column.map((x) => ratio(x, current)));
          const after = median(column.map((x) => ratio(x, best.f)));
          const scope = column.length > 1 ? '各校' : '';
          const how = before < lo ? '仅' : '高达';
          sink.data({
            indicator: first.indicator, sheet: first.header.sheet, cell: first.header.cell, school: column.length > 1 ? null : first.record.name,
            stage: null, actual: first.unit ?? null,
            message:
              `「${first.label}」按${best.name}读取：按${was}计${scope}${perLabel(spec.per)}${how} ${show(before)} ${spec.unit}` +
              `${column.length > 1 ? '（中位数）' : ''}，不可能（合理范围 ${fmtNumber(lo)}–${fmtNumber(hi)} ${spec.unit}）；` +
              `按${best.name}计为 ${show(after)} ${spec.unit}。请核实，并在${first.header.place}写明单位`,
          });
          for (const x of column) x.t.num.value = Number((x.t.raw * best.f).toPrecision(12));
          first.onUnit?.(best.name, best.f);
        }
      }
    }
    for (const x of rows) {
      const f = x.t.ownUnit ? x.t.factor : final;
      const r = ratio(x, f);
      if (inRange(r)) continue;
      const unitName = x.t.ownUnit ? unitNameOf(std, x.t.dim, f) : f === current ? (x.t.unit ?? unitNameOf(std, x.t.dim, f)) : unitNameOf(std, x.t.dim, f);
      let hint = '';
      for (const [name, g] of Object.entries(P.units[x.t.dim] ?? {})) {
        if (g !== f && inRange(ratio(x, g))) hint = `；若按${name}计则为 ${show(ratio(x, g))} ${spec.unit}`;
      }
      sink.data({
        indicator: x.t.indicator, sheet: x.t.num.ref.sheet, cell: cellOf(x.t.num), school: x.t.record.name,
        stage: asStage(x.t.stage), actual: x.t.raw,
        message:
          `「${x.t.label}」为 ${fmtNumber(x.t.raw)}${unitName ? ` ${unitName}` : ''}，` +
          `${direct ? '' : `按在校生 ${fmtNumber(x.students)} 人计${perLabel(spec.per)} ${show(r)} ${spec.unit}，`}超出合理范围（${fmtNumber(lo)}–${fmtNumber(hi)} ${spec.unit}），不可能${hint}。本项不作判定，请核实数值和单位`,
      });
      x.t.num.value = null;
      x.t.num.problem = 'unreadable';
    }
  }
}

function cellOf(n: Num): string {
  return cellAddress(n.ref.row, n.ref.col);
}
