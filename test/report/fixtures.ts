import type { CheckResult, CvResult, IndicatorResult, SchoolStageResult } from '../../src/checks/types';
import type { Finding } from '../../src/ledger/finding';
import type { LedgerSet, SchoolRecord, SchoolType } from '../../src/ledger/types';
import { nationalStandard, RESOURCE_IDS, type ResourceId, type Stage } from '../../src/standard';

export const std = nationalStandard();
export const SHEET = '学校台账';
export const CLASS_SHEET = '班级台账';
export const EVIL_HYPERLINK = '=HYPERLINK("http://x")';
export const EVIL_DDE = "+cmd|' /C calc'!A0";

/** Column of each indicator's numerator in the fixture ledger (E..K). */
const COL: Record<ResourceId, number> = { R1: 5, R2: 6, R3: 7, R4: 8, R5: 9, R6: 10, R7: 11 };

export function indicators(
  stage: Stage,
  row: number,
  values: Partial<Record<ResourceId, number | null>> = {},
  apportioned: ResourceId[] = [],
): Record<ResourceId, IndicatorResult> {
  const out = {} as Record<ResourceId, IndicatorResult>;
  for (const id of RESOURCE_IDS) {
    const threshold = std.indicators[id].thresholds[stage];
    const value = id in values ? (values[id] ?? null) : threshold * 1.2;
    out[id] = {
      value,
      threshold,
      pass: value === null ? null : value >= threshold,
      apportioned: apportioned.includes(id),
      ref: { sheet: SHEET, row, col: COL[id] },
    };
  }
  return out;
}

export function school(
  name: string,
  type: SchoolType | null,
  stage: Stage,
  row: number,
  students: number | null,
  values: Partial<Record<ResourceId, number | null>> = {},
  extra: Partial<SchoolStageResult> & { apportioned?: ResourceId[] } = {},
): SchoolStageResult {
  const inds = indicators(stage, row, values, extra.apportioned ?? []);
  const reached = RESOURCE_IDS.filter((id) => inds[id].pass === true).length;
  const missing = RESOURCE_IDS.some((id) => inds[id].pass === null);
  const { apportioned: _a, ...rest } = extra;
  return {
    name,
    type,
    stage,
    students,
    sheet: SHEET,
    row,
    excluded: false,
    excludedReason: null,
    indicators: inds,
    reached,
    verdict: missing ? '数据不全' : reached === 7 ? '达标' : '未达标',
    ...rest,
  };
}

export function finding(p: Partial<Finding> & Pick<Finding, 'kind' | 'message'>): Finding {
  return {
    indicator: null,
    sheet: null,
    cell: null,
    school: null,
    stage: null,
    actual: null,
    required: null,
    gap: null,
    departments: [],
    ...p,
  };
}

const R4 = std.indicators.R4;

/** Findings deliberately out of location order. */
export function fixtureFindings(): Finding[] {
  return [
    finding({ kind: 'compliance', indicator: 'G5', sheet: CLASS_SHEET, cell: 'D12', school: '城关小学', stage: '小学', actual: 48, required: 45, gap: 3, message: '城关小学 三年级(2)班 48 人，超过 45 人', departments: ['县教育局', '各乡镇人民政府'] }),
    finding({ kind: 'compliance', indicator: 'R4', sheet: SHEET, cell: 'H6', school: EVIL_HYPERLINK, stage: '小学', actual: 3.2, required: 4.5, gap: 1.3, need: { value: 520, unit: '㎡', decimals: 2 }, message: '生均教学及辅助用房面积 3.20 ㎡，低于 4.5 ㎡，还需 520 ㎡', departments: R4.departments }),
    finding({ kind: 'compliance', indicator: 'S1', message: '社会认可度调查表未提供，请核实', departments: ['县教育局'] }),
    finding({ kind: 'data', indicator: 'R6', sheet: SHEET, cell: 'J9', school: '数据缺失小学', stage: '小学', actual: '暂无', message: '单元格 J9 的值「暂无」不是数字' }),
    finding({ kind: 'compliance', indicator: 'R5', sheet: SHEET, cell: 'I6', school: EVIL_HYPERLINK, stage: '小学', actual: 6.1, required: 7.5, gap: 280, message: '生均体育运动场馆面积 6.10 ㎡，低于 7.5 ㎡', departments: R4.departments }),
    finding({ kind: 'compliance', indicator: 'R7', sheet: SHEET, cell: 'K7', school: EVIL_DDE, stage: '初中', actual: 2.0, required: 2.4, gap: 1, message: '每百名学生拥有网络多媒体教室数 2.00 间，低于 2.4 间', departments: R4.departments }),
    finding({ kind: 'data', indicator: 'R7', sheet: SHEET, cell: 'K7', school: EVIL_DDE, stage: null, actual: '1,250', message: '单元格 K7 的数字「1,250」以文字保存' }),
    finding({ kind: 'compliance', indicator: 'R7', sheet: SHEET, cell: 'K7', school: EVIL_DDE, stage: '小学', actual: 2.1, required: 2.3, gap: 1, message: '每百名学生拥有网络多媒体教室数 2.00 间，低于 2.4 间', departments: R4.departments }),
  ];
}

export function fixtureResult(): CheckResult {
  const schools: SchoolStageResult[] = [
    school(EVIL_DDE, '九年一贯制', '初中', 7, 420, { R7: 2.0 }, { apportioned: ['R4', 'R5', 'R6', 'R7'] }),
    school('城关小学', '小学', '小学', 5, 600),
    school(EVIL_HYPERLINK, '小学', '小学', 6, 300, { R4: 3.2, R5: 6.1 }),
    school(EVIL_DDE, '九年一贯制', '小学', 7, 380, {}, { apportioned: ['R4', 'R5', 'R6', 'R7'] }),
    school('北山教学点', '教学点', '小学', 8, 23, {}, { excluded: true, excludedReason: '在校生不足 50 人的教学点' }),
    school('数据缺失小学', '小学', '小学', 9, 250, { R6: null }),
  ];
  const cv: CvResult[] = [];
  for (const stage of ['初中', '小学'] as Stage[]) {
    for (const id of RESOURCE_IDS) {
      const value = stage === '小学' && id === 'R6' ? 0.62 : 0.2;
      const limit = std.settings.cvLimits[stage];
      cv.push({ indicator: id, stage, countyValue: std.indicators[id].thresholds[stage] * 1.3, value, limit, pass: value <= limit, schools: stage === '小学' ? 4 : 1 });
    }
  }
  return { schools, cv, compositeCv: { 小学: 0.26, 初中: 0.2 }, findings: fixtureFindings().filter((f) => f.kind === 'compliance'), items: [], checklist: [] };
}

function record(name: string, row: number, type: SchoolType): SchoolRecord {
  return {
    sheet: SHEET,
    row,
    name,
    nameRef: { sheet: SHEET, row, col: 2 },
    type,
    typeInferred: false,
    typeRef: { sheet: SHEET, row, col: 3 },
    quantities: {},
  };
}

export function fixtureLedgers(): LedgerSet {
  return {
    ledgers: [
      { sheet: SHEET, kind: 'school', headerRows: [3, 4], columns: { name: 'B', 'students.小学': 'D' }, units: { equipmentValue: { unit: '万元', factor: 10000 } }, rows: 5, missing: [] },
      { sheet: CLASS_SHEET, kind: 'class', headerRows: [2], columns: { school: 'A', students: 'D' }, units: {}, rows: 40, missing: [] },
    ],
    schools: [record('城关小学', 5, '小学'), record(EVIL_HYPERLINK, 6, '小学'), record(EVIL_DDE, 7, '九年一贯制'), record('北山教学点', 8, '教学点'), record('数据缺失小学', 9, '小学'), { ...record('示例县特殊教育学校', 10, '特殊教育学校'), quantities: { students: { 小学: { value: 40, ref: { sheet: SHEET, row: 10, col: 4 } }, 初中: { value: 18, ref: { sheet: SHEET, row: 10, col: 5 } } } } }],
    classes: [],
    teachers: [],
    county: null,
    checklist: [],
    findings: fixtureFindings().filter((f) => f.kind === 'data'),
  };
}

export const meta = { workbook: '示例县台账.xlsx', date: new Date(2022, 8, 1) };
