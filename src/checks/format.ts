/**
 * Number and message formatting for findings, shared by the checks and the report so every number a
 * user sees is written the same way. Pure; no thresholds here — everything comes from the standard.
 */
import type { SchoolQuantity, StageKey } from '../ledger/types';
import type { ResourceId, Stage, Standard } from '../standard/schema';

/** v rounded half away from zero to `decimals` places (1.005 → 1.01, not 1.00). */
export function roundTo(v: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = (Math.round(Math.abs(v) * f * (1 + 1e-12)) / f) * Math.sign(v);
  return r === 0 ? 0 : r; // no -0
}

/** Fixed decimals: formatFixed(3.7, 2) → "3.70". */
export function formatFixed(v: number, decimals: number): string {
  return roundTo(v, decimals).toFixed(decimals);
}

/** At most `maxDecimals`, trailing zeros trimmed: 4.50 → "4.5", 1.0 → "1", 29.6 → "29.6". */
export function formatNumber(v: number, maxDecimals = 2): string {
  const s = formatFixed(v, maxDecimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** A value of an indicator with the indicator's precision: R4 3.7 → "3.70", R6 1999.6 → "2000". */
export function formatValue(std: Standard, id: keyof Standard['indicators'], v: number): string {
  return formatFixed(v, std.indicators[id].precision);
}

/** A threshold, trailing zeros trimmed: 4.5 → "4.5", 1 → "1", 2000 → "2000". */
export function formatThreshold(v: number): string {
  return formatNumber(v, 6);
}

/** A share as a percent, at most 2 decimals: 0.955 → "95.5%". */
export function pct(share: number): string {
  return `${formatNumber(share * 100, 2)}%`;
}

/** Money in 元 with at most 2 decimals: "62000 元". */
export function yuan(v: number): string {
  return `${formatNumber(v, 2)} 元`;
}

/** A 差异系数, always two decimals: 0.5 → "0.50". */
export function formatCv(v: number): string {
  return formatFixed(v, 2);
}

/** " ㎡" / " 元" / "" — the unit with its leading space. */
export function unitSuffix(unit: string): string {
  return unit ? ` ${unit}` : '';
}

/** Chinese names of the school-ledger columns, as the standard and the ledgers call them. */
export const QUANTITY_LABELS: Record<SchoolQuantity, string> = {
  students: '在校生数',
  classes: '班级数',
  degreeTeachers: '高于规定学历教师数',
  backboneTeachers: '县级及以上骨干教师数',
  peArtTeachers: '体育、艺术（音乐、美术）专任教师数',
  peTeachers: '体育专任教师数',
  musicTeachers: '音乐专任教师数',
  artTeachers: '美术专任教师数',
  floorArea: '教学及辅助用房面积',
  sportsArea: '体育运动场馆面积',
  equipmentValue: '教学仪器设备值',
  multimediaRooms: '网络多媒体教室数',
  musicRooms: '音乐专用教室间数',
  musicRoomArea: '音乐教室总面积',
  musicRoomAreaEach: '音乐教室每间面积',
  artRooms: '美术专用教室间数',
  artRoomArea: '美术教室总面积',
  artRoomAreaEach: '美术教室每间面积',
  budget: '公用经费',
  baseQuota: '生均基准定额',
  perStudentFunding: '生均公用经费',
  trainingFunds: '教师培训经费',
  nearbyShare: '就近划片入学比例',
  maxClassSize: '最大班额',
  migrantStudents: '随迁子女数',
  itinerantPeArtTeachers: '走教/兼职体艺教师数',
  leasedSportsArea: '租赁/改造运动场地面积',
  indoorSportsArea: '室内体育用房面积',
  degreePer100: '每百名学生拥有高于规定学历教师数',
  backbonePer100: '每百名学生拥有县级及以上骨干教师数',
  peArtPer100: '每百名学生拥有体育、艺术（美术、音乐）专任教师数',
  floorAreaPerStudent: '生均教学及辅助用房面积',
  sportsAreaPerStudent: '生均体育运动场馆面积',
  equipmentPerStudent: '生均教学仪器设备值',
  multimediaPer100: '每百名学生拥有网络多媒体教室数',
};

/** "在校生数" for the whole-school column, "在校生数（小学）" for a 学段 column. */
export function quantityLabel(q: SchoolQuantity, key: 'all' | StageKey): string {
  return key === 'all' ? QUANTITY_LABELS[q] : `${QUANTITY_LABELS[q]}（${key}）`;
}

/** R1–R3 gaps are whole teachers, R7 whole rooms, R4/R5 ㎡, R6 元. */
export function gapPhrase(std: Standard, id: ResourceId, gap: number): string {
  const unit = std.indicators[id].unit;
  if (id === 'R1' || id === 'R2' || id === 'R3') return `还需 ${gap} 名教师`;
  if (id === 'R7') return `还需 ${gap} 间`;
  return `还差 ${formatNumber(gap, std.indicators[id].precision)}${unitSuffix(unit)}`;
}

/**
 * "生均教学及辅助用房面积 3.70 ㎡，标准 ≥ 4.5 ㎡，还差 29.6 ㎡" — one 资源配置 indicator below its threshold.
 * `stagePrefix` adds "小学部：" for a school with more than one 学段.
 */
export function resourceMessage(
  std: Standard,
  id: ResourceId,
  stage: Stage,
  value: number,
  threshold: number,
  gap: number,
  opts: { stagePrefix?: boolean; apportioned?: boolean; stillPasses?: { reached: number } } = {},
): string {
  const ind = std.indicators[id];
  const u = unitSuffix(ind.unit);
  let s = `${opts.stagePrefix ? `${stage}部：` : ''}${ind.name} ${formatValue(std, id, value)}${u}，标准 ≥ ${formatThreshold(threshold)}${u}，${gapPhrase(std, id, gap)}`;
  if (opts.apportioned) s += '（全校数值按加权学生数分摊到本学段）';
  if (opts.stillPasses) s += stillPassesNote(std, opts.stillPasses.reached);
  return s;
}

/** "（该校资源配置仍达标：7 项中 6 项达标，其余均不低于标准的 85%）". */
export function stillPassesNote(std: Standard, reached: number): string {
  return `（该校资源配置仍达标：7 项中 ${reached} 项达标，其余均不低于标准的 ${formatNumber(std.settings.minShare * 100, 4)}%）`;
}

/** "小学 生均教学及辅助用房面积 校际差异系数 0.52，标准 ≤ 0.50". */
export function cvMessage(std: Standard, id: ResourceId, stage: Stage, cv: number, limit: number): string {
  return `${stage} ${std.indicators[id].name} 校际差异系数 ${formatCv(cv)}，标准 ≤ ${formatCv(limit)}`;
}

/** "「教学及辅助用房面积」未填写，无法计算 生均教学及辅助用房面积（R4）". */
export function blankMessage(label: string, what: string): string {
  return `「${label}」未填写，无法计算 ${what}`;
}

/** "生均教学及辅助用房面积（R4）". */
export function indicatorRef(std: Standard, id: keyof Standard['indicators']): string {
  return `${std.indicators[id].name}（${id}）`;
}
