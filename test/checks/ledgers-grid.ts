/** Test helpers: sheets as plain grids straight through readLedgers + runChecks. */
import type { CellValue, SheetGrid } from '../../src/ledger/grid';
import { readLedgers } from '../../src/ledger';
import { runChecks } from '../../src/checks';
import { nationalStandard } from '../../src/standard';

export const STD = nationalStandard();

export function sheet(name: string, values: CellValue[][], formats?: (string | null)[][]): SheetGrid {
  return { name, top: 1, left: 1, values, merges: [], formats };
}

export const TEACHER_HEADER: CellValue[] = ['姓名', '学校', '学段', '学历', '骨干级别', '任教学科', '是否专任', '教师资格证', '五年培训学时', '是否符合交流条件', '本年度是否交流轮岗'];

/** One teacher row with sensible defaults: 本科, 无, 语文, 专任, 有, 400 学时, not eligible, not rotated. */
export function teacher(school: string, over: Partial<Record<'name' | 'stage' | 'degree' | 'backbone' | 'subject' | 'fullTime' | 'cert' | 'eligible' | 'rotated', string>> & { hours?: CellValue } = {}, i = 0): CellValue[] {
  return [
    over.name ?? `教师${i}`, school, over.stage ?? '', over.degree ?? '本科', over.backbone ?? '无', over.subject ?? '语文',
    over.fullTime ?? '是', over.cert ?? '有', over.hours === undefined ? 400 : over.hours, over.eligible ?? '否', over.rotated ?? '否',
  ];
}

export function teacherSheet(rows: CellValue[][], name = '教师台账'): SheetGrid {
  return sheet(name, [TEACHER_HEADER, ...rows]);
}

export function run(grids: SheetGrid[]) {
  const ledgers = readLedgers(grids, STD);
  const result = runChecks(ledgers, STD);
  const findings = [...ledgers.findings, ...result.findings];
  const item = (id: string) => result.items.find((i) => i.id === id)!;
  return { ledgers, result, findings, item, of: (id: string) => findings.filter((f) => f.indicator === id) };
}

/** A school ledger with the finance and enrolment columns (G6, G7, G13, Q3, Q4). */
const FINANCE_HEAD: CellValue[] = ['学校名称', '学校类型', '在校生数', '公用经费（万元）', '生均基准定额（元）', '教师培训经费（元）', '城乡类型', '是否寄宿制', '就近划片入学比例', '章程'];
export const financeRow = (name: string, type: string, students: number, o: Partial<{ budget: CellValue; quota: CellValue; training: CellValue; locale: string; boarding: string; nearby: CellValue; charter: string }> = {}): CellValue[] => [
  name, type, students, o.budget ?? 100, o.quota ?? 650, o.training ?? 60000, o.locale ?? '乡村', o.boarding ?? '否', o.nearby ?? null, o.charter ?? '有',
];
export const financeSchool = (...rows: CellValue[][]) => sheet('学校台账', [FINANCE_HEAD, ...rows]);

/** A 县级数据 sheet: 指标 | 数值 | 说明, or 指标 | 单位 | 数值. */
export const countySheet = (rows: [string, CellValue, string?][], layout: 'plain' | 'unit' = 'plain') =>
  sheet('县级数据', [
    ['示例县县级数据'],
    layout === 'plain' ? ['指标', '数值', '说明'] : ['指标', '单位', '数值'],
    ...rows.map(([l, v, n]) => (layout === 'plain' ? [l, v, n ?? null] : [l, typeof v === 'number' && v > 100 ? '元' : '%', v])),
  ]);
