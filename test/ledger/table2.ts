/** A 表Ⅱ-2-shaped sheet (issue 15), the header exactly as printed, for the tests of the shape. */
import type { CellValue } from '../../src/ledger/grid';
import { grid } from './helpers';

export const HEADER_II_2: CellValue[] = [
  '序 号', '学校名称', '举办者 类型', '在校生数', '年级数', '班级数', '每百名学生拥有高于规定学历教师数', '每百名学生拥有县级及以上骨干教师数',
  '每百名学生拥有体育、艺术 (美术、音乐)专任教师数', '生均教学及辅助用 房面积（ ㎡）', '生均体育运动场馆面积（㎡）', '生均教学仪器设备值(元)',
  '每百名学生拥有网络多媒体 教室数', '该校综合评估是否达标', '备注',
];
/** Sheet columns of R1 … R7 in the sheet (G … M) and of 该校综合评估是否达标 (N). */
export const VALUE_COLS = ['G', 'H', 'I', 'J', 'K', 'L', 'M'];

export type Stage = '小学' | '初中';
export interface School {
  name: string;
  stage: Stage;
  students: number;
  values: number[];
  said: string;
}

export const PRIMARY: School[] = [
  { name: '城关第一小学', stage: '小学', students: 800, values: [5.1, 1.25, 1.0, 5.2, 8.1, 2300, 2.5], said: '是' },
  // R1 exactly at 4.2; R4 3.825 = 85 % of 4.5: reached 6, the seventh at 85 % → 达标.
  { name: '城关第二小学', stage: '小学', students: 620, values: [4.2, 1.1, 0.95, 3.825, 7.8, 2100, 2.4], said: '是' },
  // R4 3.82 = 84.9 % of 4.5: below 85 % → 未达标 (the county said 是).
  { name: '东关小学', stage: '小学', students: 540, values: [4.5, 1.05, 0.92, 3.82, 7.6, 2050, 2.35], said: '是' },
  // Two at 85–100 % (R1 4.0, R5 7.0): only 5 reached → 未达标 (the county agrees).
  { name: '西郊小学', stage: '小学', students: 410, values: [4.0, 1.2, 1.0, 4.8, 7.0, 2200, 2.5], said: '否' },
  { name: '实验学校', stage: '小学', students: 360, values: [4.72, 1.39, 1.11, 5.0, 8.33, 2222, 2.78], said: '' },
];
export const JUNIOR: School[] = [
  // Every value exactly at its threshold → 达标.
  { name: '礼义镇初级中学', stage: '初中', students: 700, values: [5.3, 1.0, 0.9, 5.8, 10.2, 2500, 2.4], said: '达标' },
  // R1, R2, R5 at 85–100 %: 4 reached → 未达标.
  { name: '实验学校', stage: '初中', students: 240, values: [5.0, 0.9, 0.95, 6.1, 9.0, 2600, 2.5], said: '未达标' },
];

function row(i: number, s: School): CellValue[] {
  return [i + 1, s.name, '地方教育部门', s.students, s.stage === '小学' ? 6 : 3, Math.ceil(s.students / 45), ...s.values, s.said || null, null];
}

/** The sheet as published: title, header, L-code row, 小学 label, 小学 rows, 初中 label, 初中 rows, "…". */
export function table(opts: { sections?: boolean; primary?: School[]; junior?: School[] } = {}) {
  const sections = opts.sections ?? true;
  const primary = opts.primary ?? PRIMARY;
  const junior = opts.junior ?? JUNIOR;
  const values: CellValue[][] = [['表Ⅱ-2 义务教育学校资源配置情况统计表'], HEADER_II_2, [null, ...Array.from({ length: 14 }, (_, i) => `L${i + 1}`)]];
  const merges = ['A1:O1'];
  const rowOf = new Map<School, number>();
  const add = (list: School[], label: string) => {
    if (sections) {
      values.push([label]);
      merges.push(`A${values.length}:O${values.length}`);
    }
    list.forEach((s, i) => {
      values.push(row(i, s));
      rowOf.set(s, values.length);
    });
  };
  add(primary, '小学');
  add(junior, '初中');
  values.push(['…', '…', '…', '…', '…', '…', '…', '…', '…', '…', '…', '…', '…', '…', '…']);
  return { g: grid(values, merges, { name: '表Ⅱ-2' }), rowOf };
}

