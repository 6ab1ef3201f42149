/**
 * Where a sample county workbook puts things — the one layout the demo (`junheng demo`), the benchmark's
 * scaled counties and the tests all write: sheet names, the school ledger's columns and two-row header, the
 * first data row of each sheet, the titles. `write.ts` writes it; the plans (`demo.ts`, bench/generate.ts)
 * only say what goes in it.
 */
import { columnLetter } from '../ledger/grid';

export const SAMPLE_SHEETS = {
  school: '学校基本情况台账',
  class: '班级台账',
  teacher: '教师台账',
  county: '县级数据',
  notes: '说明',
} as const;

/** School ledger columns (1-based). The finance and enrolment columns (budget … charter) are optional. */
export const SCHOOL_COLUMNS = {
  seq: 1, name: 2, type: 3,
  stuP: 4, stuJ: 5, stuS: 6,
  clsP: 7, clsJ: 8, clsS: 9,
  degP: 10, degJ: 11,
  backbone: 12, peArt: 13, floor: 14, sports: 15, equip: 16, media: 17,
  musicRooms: 18, musicArea: 19, artRooms: 20, artArea: 21, remark: 22,
  budget: 23, quota: 24, training: 25, locale: 26, boarding: 27, nearby: 28, charter: 29,
} as const;
const C = SCHOOL_COLUMNS;

/** The school ledger's columns merged down over both header rows. */
export const SCHOOL_SINGLE_HEADERS: [number, string][] = [
  [C.seq, '序号'],
  [C.name, '学校名称'],
  [C.type, '学校类型'],
  [C.backbone, '县级及以上骨干教师数（人）'],
  [C.peArt, '体育艺术专任教师数（人）'],
  [C.floor, '教学及辅助用房面积（㎡）'],
  [C.sports, '体育运动场馆面积（㎡）'],
  [C.equip, '教学仪器设备总值（万元）'],
  [C.media, '网络多媒体教室（间）'],
  [C.remark, '备注'],
  [C.budget, '公用经费预算（万元）'],
  [C.quota, '生均基准定额（元）'],
  [C.training, '教师培训经费（万元）'],
  [C.locale, '城乡类型'],
  [C.boarding, '是否寄宿制'],
  [C.nearby, '就近划片入学比例'],
  [C.charter, '学校章程'],
];

/** The school ledger's parent headers (row 3) over their children (row 4). */
export const SCHOOL_GROUP_HEADERS: [number, string, string[]][] = [
  [C.stuP, '在校生数（人）', ['小学', '初中', '高中']],
  [C.clsP, '班级数（个）', ['小学', '初中', '高中']],
  [C.degP, '高于规定学历教师数（人）', ['小学（专科及以上）', '初中（本科及以上）']],
  [C.musicRooms, '音乐教室', ['间数', '面积（㎡）']],
  [C.artRooms, '美术教室', ['间数', '面积（㎡）']],
];

/** The first data row of each sheet (1-based; the school ledger has a title, a unit line and two header rows). */
export const FIRST_ROWS = { school: 5, class: 3, teacher: 3, county: 3 } as const;

export const sampleTitles = (county: string) => ({
  school: `${county}义务教育学校办学条件统计表（2022年）`,
  class: `${county}义务教育学校班级学生数统计表（2022年秋季学期）`,
  teacher: `${county}义务教育学校教师信息台账（2022年）`,
  county: `${county}义务教育优质均衡发展县级数据（2022年）`,
});

/** The number format of a numeric school-ledger cell. */
export function schoolNumFmt(col: number): string | undefined {
  if (col >= C.stuP && col <= C.peArt) return '#,##0';
  if (col === C.floor || col === C.sports || col === C.musicArea || col === C.artArea) return '#,##0.0';
  if (col === C.equip) return '0.00';
  if (col === C.media || col === C.musicRooms || col === C.artRooms) return '0';
  if (col === C.budget || col === C.training) return '0.00';
  if (col === C.quota) return '#,##0';
  return undefined;
}

export const cellAddr = (row: number, col: number): string => `${columnLetter(col)}${row}`;

/** Digits typed full-width (１２３), one of the slips counties make. */
export function toFullWidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}
