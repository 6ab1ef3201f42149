/**
 * Magnitude sense for per-100-students values as a county gives them (表Ⅱ-2: 每百名学生拥有…), against
 * settings.plausible.givenPer100. Decided per column, like the unit slips of magnitude.ts:
 * - most of the column fits → kept; each value that does not is left unjudged with a finding at its cell;
 * - most of it fits one other reading → the column is read so, with one data finding at its header cell:
 *   × 100 (the value was written per student), ÷ 100 (written × 100 too large), or as a count (the number of
 *   teachers or rooms written where the value per 100 students belongs: count ÷ 在校生数 × 100);
 * - every value a whole number and the count reading fitting them all as well (45 could be 45 per 100 or 45
 *   teachers): the column is left unjudged with one finding at its header — never a silent verdict.
 * Zeros are values, not magnitudes, and are not tested. Pure.
 */
import type { Standard } from '../standard/schema';
import { cellAddress } from './grid';
import type { Tracked } from './magnitude';
import { asStage, fmtNumber, type FindingSink } from './sheet-reader';
import type { SchoolQuantity, SchoolRecord, StageKey } from './types';

/** The given per-100 columns, by the indicator whose range applies, and their unit. */
export const GIVEN_PER_100: Partial<Record<SchoolQuantity, { id: 'R1' | 'R2' | 'R3' | 'R7'; unit: string; counted: string }>> = {
  degreePer100: { id: 'R1', unit: '人', counted: '教师人数' },
  backbonePer100: { id: 'R2', unit: '人', counted: '教师人数' },
  peArtPer100: { id: 'R3', unit: '人', counted: '教师人数' },
  multimediaPer100: { id: 'R7', unit: '间', counted: '教室间数' },
};

export function studentsOf(record: SchoolRecord, stage: StageKey | 'all'): number | null {
  const st = record.quantities.students;
  if (!st) return null;
  if (stage !== 'all') return st[stage]?.value ?? null;
  if (st.all) return st.all.value;
  let sum = 0;
  let any = false;
  for (const k of ['小学', '初中', '高中'] as const) {
    const n = st[k];
    if (!n) continue;
    if (n.value === null) return null;
    sum += n.value;
    any = true;
  }
  return any ? sum : null;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A per-student value as a message shows it: 3 significant digits, never "0". */
export function show(n: number): string {
  if (n === 0) return '0';
  const a = Math.abs(n);
  if (a >= 100) return fmtNumber(Math.round(n));
  return fmtNumber(Number(n.toPrecision(a < 1 ? 1 : 3)));
}

type Reading = 'asIs' | 'times100' | 'over100' | 'count';

interface Row {
  t: Tracked;
  students: number | null;
}

function read(x: Row, how: Reading): number | null {
  switch (how) {
    case 'asIs':
      return x.t.raw;
    case 'times100':
      return x.t.raw * 100;
    case 'over100':
      return x.t.raw / 100;
    case 'count':
      return x.students !== null && x.students > 0 ? (x.t.raw * 100) / x.students : null;
  }
}

const READ_AS: Record<Exclude<Reading, 'asIs'>, string> = {
  times100: '按每名学生数读取（× 100）',
  over100: '按 ÷ 100 读取',
  count: '按#读取',
};

const SAID: Record<Exclude<Reading, 'asIs'>, string> = {
  times100: '按每名学生数填写（少乘了 100）',
  over100: '多乘了 100',
  count: '',
};

export function checkGivenPer100(list: readonly Tracked[], std: Standard, sink: FindingSink): void {
  const first = list[0];
  const spec = GIVEN_PER_100[first.quantity];
  if (!spec) return;
  const [lo, hi] = std.settings.plausible.givenPer100[spec.id];
  const eps = std.settings.epsilon;
  const fits = (v: number | null): boolean => v !== null && v >= lo * (1 - eps) && v <= hi * (1 + eps);
  const rows: Row[] = list
    .filter((t) => t.num.value !== null && t.num.value > 0)
    .map((t) => ({ t, students: studentsOf(t.record, t.stage) }));
  if (rows.length === 0) return;
  const range = `合理范围 ${fmtNumber(lo)}–${fmtNumber(hi)} ${spec.unit}`;
  const header = (message: string) =>
    sink.data({
      indicator: first.indicator, sheet: first.header.sheet, cell: first.header.cell, school: rows.length > 1 ? null : first.record.name,
      stage: null, actual: null, message,
    });
  const unjudge = (x: Row) => {
    x.t.num.value = null;
    x.t.num.problem = 'unreadable';
  };
  const count = (how: Reading) => rows.filter((x) => fits(read(x, how))).length;
  const asIs = count('asIs');
  let how: Reading = 'asIs';
  if (asIs * 2 < rows.length) {
    let best: { how: Reading; n: number } | null = null;
    for (const h of ['times100', 'over100', 'count'] as const) {
      const n = count(h);
      if (!best || n > best.n) best = { how: h, n };
    }
    if (best && best.n * 2 > rows.length) how = best.how;
  } else if (
    rows.length >= 3 &&
    rows.every((x) => Number.isInteger(x.t.raw) && fits(read(x, 'count')))
  ) {
    const sample = rows.slice(0, 3).map((x) => fmtNumber(x.t.raw)).join('、');
    header(
      `「${first.label}」各校数值均为整数（如 ${sample}），既可读作每百名学生数，也可读作${spec.counted}（按在校生数折算为每百名学生 ` +
        `${show(median(rows.map((x) => read(x, 'count') ?? 0)))} ${spec.unit}，中位数），无法判断填写的是哪一种。本项不作判定，请核实并填写每百名学生数（保留两位小数）`,
    );
    for (const x of rows) unjudge(x);
    return;
  }
  if (how !== 'asIs') {
    const before = median(rows.map((x) => x.t.raw));
    const moved = rows.map((x) => read(x, how)).filter((v): v is number => v !== null);
    const after = median(moved);
    const scope = rows.length > 1 ? '各校' : '';
    const why = how === 'count' ? `像是填写的${spec.counted}，按在校生数折算为每百名学生` : `像是${SAID[how]}，${how === 'times100' ? '乘以 100' : '除以 100'} 后`;
    header(
      `「${first.label}」${READ_AS[how].replace('#', spec.counted)}：${scope}数值${before < lo ? '仅' : '高达'} ${show(before)} ${spec.unit}` +
        `${rows.length > 1 ? '（中位数）' : ''}，不可能（${range}）；${why}为 ${show(after)} ${spec.unit}。请核实，并按每百名学生数填写`,
    );
    for (const x of rows) {
      const v = read(x, how);
      if (v !== null) x.t.num.value = Number(v.toPrecision(12));
    }
  }
  for (const x of rows) {
    const v = read(x, how);
    if (fits(v)) continue;
    sink.data({
      indicator: x.t.indicator, sheet: x.t.num.ref.sheet, cell: cellAddress(x.t.num.ref.row, x.t.num.ref.col), school: x.t.record.name,
      stage: asStage(x.t.stage), actual: x.t.raw,
      message:
        `「${x.t.label}」为 ${fmtNumber(x.t.raw)}${how === 'asIs' ? '' : `（${how === 'count' ? `按${spec.counted}折算为` : '按本列读法为'} ${v === null ? '无法折算' : show(v)}）`}，` +
        `超出${range}，不可能。本项不作判定，请核实数值`,
    });
    unjudge(x);
  }
}
