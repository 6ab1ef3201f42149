/**
 * Ledgers as counties really keep them (issue 15): a statistics export (教育事业统计 基层表) with a
 * column-letter row, a row-number column, units in the title, an index row and a "*" row; the same export
 * with a unit slip; one-school-per-sheet forms. Headers exactly as printed. Each shape runs through the
 * whole engine, and verdicts and 差异系数 are checked against an independent computation.
 */
import type { CellValue, SheetGrid } from '../../src/ledger/grid';
import { readLedgers, type LedgerSet, type SchoolRecord } from '../../src/ledger';
import { checkWorkbook } from '../../src/report/engine';
import { standardWithOverride } from '../../src/standard';
import { run } from '../checks/ledgers-grid';
import { grid, STD } from './helpers';

const LETTERS = 'ABCDEFGHIJKLMNO'.split('');

interface ExportOpts {
  title?: string;
  equipHeader?: string;
  rows?: CellValue[][];
}

/** A school row of the export: numbers stored as text, "*" where a 学段 does not apply. */
type Row = [name: string, type: string, p: string, j: string, degree: string, backbone: string, peArt: string, floor: string, sports: string, equip: string, mm: string];

const ROWS: Row[] = [
  ['城关第一小学', '小学', '800', '*', '40', '9', '8', '4000', '7000', '180', '20'],
  ['礼义镇初级中学', '初中', '*', '600', '35', '7', '6', '3600', '6500', '160', '15'],
  ['附城镇中心小学', '小学', '500', '*', '18', '6', '5', '2000', '4000', '120', '12'],
  ['西河小学', '小学', '300', '*', '15', '3', '3', '1500', '2400', '30', '*'],
];

/**
 * The export as the statistics system prints it: a column-letter row, the row number down the left
 * edge, the title with the units, a two-row header (在校学生数 over 小学 | 初中), the 甲 乙 1 2 3 index row,
 * a "*" row, the schools, a 合计 row and the notes.
 */
function statsExport(o: ExportOpts = {}, rows: Row[] = ROWS): SheetGrid {
  const values: CellValue[][] = [];
  values.push([null, ...LETTERS.slice(0, 14)]);
  values.push([null, o.title ?? '学校办学条件（单位：人、平方米、万元、间）']);
  values.push([null, '学校名称', '学校标识码', '举办者 类型', '学校类型', '在校学生数', null, '高于规定学历 教师数', '县级及以上骨干教师数', '体育、艺术专任教师数',
    '教学及辅助用房面积', '体育运动场（馆）面积', o.equipHeader ?? '教学仪器设备值', '网络多媒体教室', '生均教学及辅助用 房面积（ ㎡）']);
  values.push([null, null, null, null, null, '小学', '初中', null, null, null, null, null, null, null, null]);
  values.push([null, '甲', '乙', '丙', '丁', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  values.push([null, '*', '*', '*', '*', '*', '*', '*', '*', '*', '*', '*', '*', '*', '*']);
  rows.forEach((r, i) => {
    const [name, type, p, j, degree, backbone, peArt, floor, sports, equip, mm] = r;
    const students = (p === '*' ? 0 : Number(p)) + (j === '*' ? 0 : Number(j));
    const perStudent = students > 0 && floor !== '*' ? (Number(floor) / students).toFixed(2) : '*';
    values.push([null, name, `21405${String(i).padStart(5, '0')}`, '地方 教育部门', type, p, j, degree, backbone, peArt, floor, sports, equip, mm, perStudent]);
  });
  values.push([null, '合计', '*', '*', '*', '1600', '600', '108', '25', '22', '11100', '19900', '490', '47', '*']);
  values.push([null, '填表说明：本表数据取自2022年教育事业统计基层表。']);
  values.push([null, '单位负责人：王五', null, null, '填表人：赵六']);
  for (let r = 1; r < values.length; r++) values[r][0] = r; // the printed row numbers
  for (const row of o.rows ?? []) values.push(row);
  // Grid column c is sheet column LETTERS[c]: the title over B…O, 在校学生数 over F:G, every other header merged down.
  const merges = ['B2:O2', 'F3:G3', ...[1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14].map((c) => `${LETTERS[c]}3:${LETTERS[c]}4`)];
  return grid(values, merges, { name: '基层表' });
}

function school(set: LedgerSet, name: string): SchoolRecord {
  const s = set.schools.find((x) => x.name === name);
  if (!s) throw new Error(`no school ${name}`);
  return s;
}

/** 差异系数 as the spec defines it: X̄ = ΣPX/ΣP, S = √Σ(P/ΣP)(X − X̄)², CV = S/X̄. */
function cvOf(pairs: ReadonlyArray<readonly [students: number, value: number]>): number {
  const P = pairs.reduce((n, [p]) => n + p, 0);
  const mean = pairs.reduce((n, [p, x]) => n + p * x, 0) / P;
  const s = Math.sqrt(pairs.reduce((n, [p, x]) => n + (p / P) * (x - mean) ** 2, 0));
  return s / mean;
}

/** The school-level data findings (cells of schools, not missing columns). */
function cellFindings(set: LedgerSet) {
  return set.findings.filter((f) => f.school !== null);
}

/** Per-student value of each 小学 school of the export, computed from ROWS directly. */
function primaryValues(rows: Row[], idx: number, per: number, factor = 1): [number, number][] {
  return rows.filter((r) => r[1] === '小学' && r[idx] !== '*').map((r) => [Number(r[2]), (Number(r[idx]) * factor * per) / Number(r[2])] as [number, number]);
}

describe('statistics export (教育事业统计 基层表)', () => {
  const g = statsExport();
  const { ledgers, result, findings } = run([g]);

  it('reads the four schools: no school from the index row, the "*" row, the 合计 row or the notes', () => {
    expect(ledgers.schools.map((s) => s.name)).toEqual(['城关第一小学', '礼义镇初级中学', '附城镇中心小学', '西河小学']);
    expect(findings.some((f) => f.school === '甲' || f.school === '*' || /「学校名称」为空|填表说明|负责人/.test(f.message))).toBe(false);
    const l = ledgers.ledgers.find((x) => x.sheet === '基层表')!;
    expect(l.kind).toBe('school');
    expect(l.headerRows).toEqual([3, 4]);
    expect(l.rows).toBe(4);
  });

  it('takes 万元 from the title, reads numbers stored as text, and "*" as not applicable', () => {
    const c = school(ledgers, '城关第一小学');
    expect(c.type).toBe('小学');
    expect(c.quantities.equipmentValue?.all?.value).toBe(1_800_000);
    expect(c.quantities.floorArea?.all?.value).toBe(4000);
    expect(c.quantities.students?.['小学']?.value).toBe(800);
    expect(c.quantities.students).not.toHaveProperty('初中');
    expect(c.quantities.students?.['小学']?.ref).toEqual({ sheet: '基层表', row: 7, col: 6 });
    const l = ledgers.ledgers.find((x) => x.sheet === '基层表')!;
    expect(l.units.equipmentValue).toEqual({ unit: '万元', factor: 10000 });
    expect(l.units.floorArea).toEqual({ unit: '㎡', factor: 1 });
    // The per-student column is not taken for the floor area.
    expect(l.columns.floorArea).toBe('K');
  });

  it('raises one data finding for the "*" a school needs (西河小学 网络多媒体教室), none for a 学段 the school lacks', () => {
    // The reader keeps the "*" cells aside; the checks, which know what each school needs, raise the finding.
    expect(cellFindings(ledgers)).toHaveLength(0);
    const cells = findings.filter((f) => f.kind === 'data' && f.school !== null);
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ kind: 'data', sheet: '基层表', cell: 'N10', school: '西河小学', indicator: 'R7' });
    expect(cells[0].message).toContain('填写为“*”（不适用）');
  });

  it('judges the schools as an independent computation does', () => {
    const v = (name: string) => result.schools.find((s) => s.name === name)!.verdict;
    expect(v('城关第一小学')).toBe('达标');
    expect(v('礼义镇初级中学')).toBe('达标');
    expect(v('附城镇中心小学')).toBe('未达标'); // R1 3.6 and R4 4.0 below, both above 85 %: only 5 of 7 reached
    expect(v('西河小学')).toBe('未达标'); // R6 1000 元 is below 85 % of 2000 (R7 not judged)
    const r6 = result.schools.find((s) => s.name === '西河小学')!.indicators.R6;
    expect(r6.value).toBeCloseTo(1000, 9);
    const cv = (id: string) => result.cv.find((c) => c.indicator === id && c.stage === '小学')!;
    expect(cv('R4').value).toBeCloseTo(cvOf(primaryValues(ROWS, 7, 1)), 12);
    expect(cv('R6').value).toBeCloseTo(cvOf(primaryValues(ROWS, 9, 1, 10000)), 12);
    expect(cv('R7').schools).toBe(2);
    expect(cv('R7').value).toBeCloseTo(cvOf(primaryValues(ROWS.slice(0, 3), 10, 100)), 12);
  });

  it('runs through checkWorkbook', () => {
    const out = checkWorkbook([g], STD, { workbook: '基层表.xlsx', date: new Date('2026-12-01T00:00:00Z') });
    expect(out.result.schools.map((s) => s.verdict)).toEqual(['达标', '达标', '未达标', '未达标']);
    expect(out.report.ledgers.map((l) => [l.sheet, l.kind])).toEqual([['基层表', 'school']]);
  });
});

describe('units written once: a unit row under the header', () => {
  it('gives each column its unit where the header names none, and is not read as a school', () => {
    const g = grid([
      ['义务教育学校基本情况表'],
      ['学校名称', '学校类型', '在校生数', '教学及辅助用房面积', '教学仪器设备值', '网络多媒体教室数'],
      ['', '', '人', '平方米', '万元', '间'],
      ['城关第一小学', '小学', '800', '4000', '180', '20'],
      ['西河小学', '小学', '300', '1500', '30', '7'],
    ], ['A1:F1'], { name: '学校台账' });
    const set = readLedgers([g], STD);
    expect(set.schools.map((s) => s.name)).toEqual(['城关第一小学', '西河小学']);
    expect(school(set, '西河小学').quantities.equipmentValue?.all?.value).toBe(300_000);
    expect(set.ledgers[0].units.equipmentValue).toEqual({ unit: '万元', factor: 10000 });
    expect(cellFindings(set)).toEqual([]);
    expect(set.findings.some((f) => /按万元读取/.test(f.message))).toBe(false);
  });
  it('a title naming both 元 and 万元 gives no sheet unit: the columns are judged by their values', () => {
    const g = grid([
      ['学校办学条件（单位：元、万元、平方米）'],
      ['学校名称', '学校类型', '在校生数', '教学仪器设备值'],
      ['城关第一小学', '小学', 800, 1_800_000],
      ['西河小学', '小学', 300, 300_000],
    ], [], { name: '学校台账' });
    const set = readLedgers([g], STD);
    expect(set.schools.map((s) => s.quantities.equipmentValue?.all?.value)).toEqual([1_800_000, 300_000]);
    expect(set.findings.filter((f) => f.indicator === 'R6')).toEqual([]);
  });
});

describe('a unit slip: equipment kept in 万元 but read as 元', () => {
  const cases: [string, ExportOpts, string][] = [
    ['the header says 元', { title: '学校办学条件（单位：人、平方米、间）', equipHeader: '教学仪器设备值（元）' }, '元'],
    ['nothing says a unit', { title: '学校办学条件', equipHeader: '教学仪器设备值' }, '元'],
  ];
  it.each(cases)('%s: the column is read in 万元 with a finding at its header cell, and judged as in 万元', (_label, opts) => {
    const { ledgers, result } = run([statsExport(opts)]);
    const slip = ledgers.findings.filter((f) => /按万元读取/.test(f.message));
    expect(slip).toHaveLength(1);
    expect(slip[0]).toMatchObject({ kind: 'data', sheet: '基层表', cell: 'M3', indicator: 'R6', school: null });
    expect(slip[0].message).toMatch(/^「教学仪器设备值」按万元读取：按元计各校生均仅 0\.2 元（中位数），不可能（合理范围 20–150000 元）；按万元计为 2325 元/);
    expect(school(ledgers, '城关第一小学').quantities.equipmentValue?.all?.value).toBe(1_800_000);
    expect(ledgers.ledgers[0].units.equipmentValue).toEqual({ unit: '万元', factor: 10000 });
    // The same verdicts and 差异系数 as the export that says 万元.
    const base = run([statsExport()]).result;
    expect(result.schools.map((s) => [s.name, s.verdict])).toEqual(base.schools.map((s) => [s.name, s.verdict]));
    for (const id of ['R6', 'R4'] as const) {
      expect(result.cv.find((c) => c.indicator === id && c.stage === '小学')!.value).toBeCloseTo(
        cvOf(primaryValues(ROWS, id === 'R6' ? 9 : 7, 1, id === 'R6' ? 10000 : 1)),
        12,
      );
    }
    // No school is judged on 0.2 元 of equipment.
    for (const s of result.schools) expect(s.indicators.R6.value === null || s.indicators.R6.value >= 1000).toBe(true);
  });

  it('without the re-reading every school would fail R6: the slip is what the finding reports', () => {
    // The same values with a header that says 万元 and a value slipped into 元 in one row: only that row is unjudged.
    const rows = ROWS.map((r) => [...r] as Row);
    rows[1][9] = '1600000';
    const { ledgers, result, findings } = run([statsExport({}, rows)]);
    const cell = cellFindings(ledgers).filter((f) => f.indicator === 'R6');
    expect(cell).toHaveLength(1);
    expect(cell[0]).toMatchObject({ sheet: '基层表', cell: 'M8', school: '礼义镇初级中学', actual: 1600000 });
    expect(cell[0].message).toMatch(/超出合理范围（20–150000 元），不可能；若按元计则为 2667 元。本项不作判定/);
    expect(school(ledgers, '礼义镇初级中学').quantities.equipmentValue?.all?.value).toBeNull();
    const j = result.schools.find((s) => s.name === '礼义镇初级中学')!;
    expect(j.indicators.R6).toMatchObject({ value: null, pass: null });
    expect(j.verdict).toBe('数据不全');
    expect(findings.some((f) => f.kind === 'compliance' && f.indicator === 'R6' && f.school === '礼义镇初级中学')).toBe(false);
  });
});

describe('values no school can have are left unjudged', () => {
  it('500 ㎡ of floor per student: a finding at the cell, no R4 verdict, no R4 差异系数 input', () => {
    const rows = ROWS.map((r) => [...r] as Row);
    rows[0][7] = '400000';
    const { ledgers, result, findings } = run([statsExport({}, rows)]);
    const f = cellFindings(ledgers).filter((x) => x.indicator === 'R4');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ sheet: '基层表', cell: 'K7', school: '城关第一小学', stage: null, actual: 400000 });
    expect(f[0].message).toBe(
      '「教学及辅助用房面积」为 400000 ㎡，按在校生 800 人计生均 500 ㎡，超出合理范围（0.2–200 ㎡），不可能。本项不作判定，请核实数值和单位',
    );
    const c = result.schools.find((s) => s.name === '城关第一小学')!;
    expect(c.indicators.R4.value).toBeNull();
    expect(c.verdict).toBe('数据不全');
    expect(findings.some((x) => x.kind === 'compliance' && x.school === '城关第一小学')).toBe(false);
    const cv = result.cv.find((x) => x.indicator === 'R4' && x.stage === '小学')!;
    expect(cv.schools).toBe(2);
    expect(cv.value).toBeCloseTo(cvOf(primaryValues(rows.slice(2), 7, 1)), 12);
  });
});

/** A plain one-row school ledger for the plausibility edges: 3 normal schools and the one under test. */
function plain(last: CellValue[], header = ['学校名称', '学校类型', '在校生数', '教学仪器设备值（元）', '教学及辅助用房面积（㎡）', '县级及以上骨干教师数', '网络多媒体教室数']): SheetGrid {
  return grid([
    header,
    ['一小', '小学', 100, 250000, 500, 2, 3],
    ['二小', '小学', 200, 500000, 1000, 3, 5],
    ['三小', '小学', 400, 1000000, 2000, 5, 10],
    last,
  ], [], { name: '学校台账' });
}

describe('plausibility edges (settings.plausible)', () => {
  const P = STD.settings.plausible;
  const judged = (last: CellValue[], q: 'equipmentValue' | 'floorArea' | 'backboneTeachers' | 'multimediaRooms') => {
    const set = readLedgers([plain(last)], STD);
    return { value: school(set, '四小').quantities[q]?.all?.value, findings: cellFindings(set) };
  };
  it('equipment per student: the range ends are in, just past them is out', () => {
    const [lo, hi] = P.equipmentPerStudent;
    expect(judged(['四小', '小学', 100, lo * 100, 500, 2, 3], 'equipmentValue')).toEqual({ value: lo * 100, findings: [] });
    expect(judged(['四小', '小学', 100, hi * 100, 500, 2, 3], 'equipmentValue')).toEqual({ value: hi * 100, findings: [] });
    const below = judged(['四小', '小学', 100, lo * 100 - 1, 500, 2, 3], 'equipmentValue');
    expect(below.value).toBeNull();
    expect(below.findings.map((f) => f.cell)).toEqual(['D5']);
    const above = judged(['四小', '小学', 100, hi * 100 + 1, 500, 2, 3], 'equipmentValue');
    expect(above.value).toBeNull();
    expect(above.findings.map((f) => f.cell)).toEqual(['D5']);
    expect(above.findings[0].message).toBe(
      `「教学仪器设备值」为 ${hi * 100 + 1} 元，按在校生 100 人计生均 150000 元，超出合理范围（20–150000 元），不可能。本项不作判定，请核实数值和单位`,
    );
  });
  it('floor area per student and teachers / rooms per 100 students', () => {
    const [flo, fhi] = P.floorAreaPerStudent;
    expect(judged(['四小', '小学', 100, 250000, flo * 100, 2, 3], 'floorArea').value).toBe(flo * 100);
    expect(judged(['四小', '小学', 100, 250000, fhi * 100, 2, 3], 'floorArea').value).toBe(fhi * 100);
    expect(judged(['四小', '小学', 100, 250000, fhi * 100 + 1, 2, 3], 'floorArea').value).toBeNull();
    expect(judged(['四小', '小学', 1000, 2500000, flo * 1000 - 1, 20, 30], 'floorArea').value).toBeNull();
    const [, thi] = P.teachersPer100;
    expect(judged(['四小', '小学', 100, 250000, 500, thi, 3], 'backboneTeachers').value).toBe(thi);
    expect(judged(['四小', '小学', 100, 250000, 500, thi + 1, 3], 'backboneTeachers').value).toBeNull();
    const [, mhi] = P.multimediaRoomsPer100;
    expect(judged(['四小', '小学', 100, 250000, 500, 2, mhi], 'multimediaRooms').value).toBe(mhi);
    expect(judged(['四小', '小学', 100, 250000, 500, 2, mhi + 1], 'multimediaRooms').value).toBeNull();
  });
  it('a zero is a value, not a magnitude: kept and judged', () => {
    const r = judged(['四小', '小学', 100, 0, 500, 0, 0], 'equipmentValue');
    expect(r).toEqual({ value: 0, findings: [] });
  });
  it('a column is re-read only when more than half of it fits the other unit', () => {
    // Two of four in 万元 under a 元 header: the column stays in 元, both are unjudged with the hint.
    const half = readLedgers([grid([
      ['学校名称', '学校类型', '在校生数', '教学仪器设备值（元）'],
      ['一小', '小学', 100, 250000], ['二小', '小学', 200, 500000], ['三小', '小学', 400, 100], ['四小', '小学', 100, 25],
    ], [], { name: '学校台账' })], STD);
    expect(half.findings.some((f) => /按万元读取/.test(f.message))).toBe(false);
    expect(half.schools.map((s) => s.quantities.equipmentValue?.all?.value)).toEqual([250000, 500000, null, null]);
    expect(cellFindings(half).map((f) => f.cell)).toEqual(['D4', 'D5']);
    expect(cellFindings(half)[0].message).toContain('若按万元计则为 2500 元');
    // Three of four: the column is read in 万元 and the one kept in 元 is unjudged.
    const most = readLedgers([grid([
      ['学校名称', '学校类型', '在校生数', '教学仪器设备值（元）'],
      ['一小', '小学', 100, 25], ['二小', '小学', 200, 50], ['三小', '小学', 400, 100], ['四小', '小学', 100, 250000],
    ], [], { name: '学校台账' })], STD);
    expect(most.findings.filter((f) => /按万元读取/.test(f.message)).map((f) => f.cell)).toEqual(['D1']);
    expect(most.schools.map((s) => s.quantities.equipmentValue?.all?.value)).toEqual([250000, 500000, 1000000, null]);
    expect(cellFindings(most).map((f) => f.cell)).toEqual(['D5']);
    expect(cellFindings(most)[0].message).toContain('若按元计则为 2500 元');
  });
  it('the other way: a 万元 header over values kept in 元 is read in 元', () => {
    const set = readLedgers([grid([
      ['学校名称', '学校类型', '在校生数', '教学仪器设备值（万元）'],
      ['一小', '小学', 100, 250000], ['二小', '小学', 200, 500000], ['三小', '小学', 400, 1000000],
    ], [], { name: '学校台账' })], STD);
    const slip = set.findings.filter((f) => /按元读取/.test(f.message));
    expect(slip.map((f) => f.cell)).toEqual(['D1']);
    expect(slip[0].message).toMatch(/^「教学仪器设备值」按元读取：按万元计各校生均高达 25000000 元（中位数），不可能/);
    expect(set.schools.map((s) => s.quantities.equipmentValue?.all?.value)).toEqual([250000, 500000, 1000000]);
    expect(set.ledgers[0].units.equipmentValue).toEqual({ unit: '元', factor: 1 });
  });

  it('a standard file with a range upside down is refused', () => {
    expect(() => standardWithOverride('{"settings":{"plausible":{"equipmentPerStudent":[5000, 20]}}}')).toThrow(
      /settings\.plausible\.equipmentPerStudent」有误：下限必须小于上限/,
    );
  });
});

/** One school's form (学校填报表), headers exactly as the bureau sends it. */
function form(sheetName: string, items: [category: string, item: string, unit: string, value: CellValue][]): SheetGrid {
  return grid([
    [`${sheetName}办学条件填报表`],
    ['序号', '类别', '填报项目', '单位', '填报值', '是否必填', '备注说明'],
    ...items.map(([cat, item, unit, value], i) => [i + 1, cat, item, unit, value, '是', '']),
    ['填表说明：数据截至2022年9月1日。'],
  ], ['A1:G1'], { name: sheetName });
}

function items(o: { name: string; type: string; p: CellValue; j: CellValue; classes: number; degreeP: CellValue; degreeJ: CellValue; backbone: number; peArt: number; floor: number; sports: CellValue; equip: number; equipUnit?: string; mm: number }) {
  return [
    ['基本信息', '学校名称', '', o.name],
    ['基本信息', '学校类型', '', o.type],
    ['学生', '小学学生人数', '人', o.p],
    ['学生', '初中学生人数', '人', o.j],
    ['班级', '班级总数', '个', o.classes],
    ['教师', '专科及以上学历教师人数（小学）', '人', o.degreeP],
    ['教师', '本科及以上学历教师人数（初中）', '人', o.degreeJ],
    ['教师', '县级及以上骨干教师数', '人', o.backbone],
    ['教师', '体育、艺术专任教师人数', '人', o.peArt],
    ['校舍', '教学及辅助用房总面积', '平方米', o.floor],
    ['场地', '体育运动场馆面积', '平方米', o.sports],
    ['设备', '教学仪器设备资产值', o.equipUnit ?? '万元', o.equip],
    ['设备', '网络多媒体教室间数', '间', o.mm],
    ['其他', '校舍建筑面积', '平方米', 9000],
  ] as [string, string, string, CellValue][];
}

describe('one school per sheet (学校填报表)', () => {
  const sheets = [
    form('城关二小', items({ name: '城关第二小学', type: '小学', p: 600, j: '*', classes: 14, degreeP: 30, degreeJ: '*', backbone: 7, peArt: 6, floor: 3000, sports: 5000, equip: 150, mm: 15 })),
    form('东关中学', items({ name: '东关初级中学', type: '初中', p: '*', j: 400, classes: 8, degreeP: '*', degreeJ: 24, backbone: 5, peArt: 4, floor: 2400, sports: '暂无', equip: 110, mm: 10 })),
    form('古郊学校', items({ name: '古郊九年一贯制学校', type: '九年一贯制', p: 166, j: 210, classes: 12, degreeP: 10, degreeJ: 14, backbone: 5, peArt: 5, floor: 2400, sports: 4500, equip: 95, equipUnit: '元', mm: 10 })),
  ];
  const { ledgers, result, findings } = run(sheets);

  it('makes each sheet one school of the county, with the items in the standard units', () => {
    expect(ledgers.schools.map((s) => [s.sheet, s.name, s.type])).toEqual([
      ['城关二小', '城关第二小学', '小学'], ['东关中学', '东关初级中学', '初中'], ['古郊学校', '古郊九年一贯制学校', '九年一贯制'],
    ]);
    const c = school(ledgers, '城关第二小学');
    expect(c.nameRef).toEqual({ sheet: '城关二小', row: 3, col: 5 });
    expect(c.quantities.students).toEqual({ 小学: { value: 600, ref: { sheet: '城关二小', row: 5, col: 5 } } });
    expect(c.quantities.degreeTeachers).toEqual({ 小学: { value: 30, ref: { sheet: '城关二小', row: 8, col: 5 } } });
    expect(c.quantities.equipmentValue?.all?.value).toBe(1_500_000);
    expect(c.quantities.classes?.all?.value).toBe(14);
    expect(c.quantities.peArtTeachers?.all?.value).toBe(6);
    const g = school(ledgers, '古郊九年一贯制学校');
    expect(g.quantities.degreeTeachers?.['初中']?.value).toBe(14);
    expect(g.quantities.students?.['初中']?.value).toBe(210);
    const l = ledgers.ledgers.find((x) => x.sheet === '城关二小')!;
    expect(l).toMatchObject({ kind: 'school', headerRows: [], rows: 1 });
    expect(l.columns).toMatchObject({ 'students.小学': 'E5', floorArea: 'E12', equipmentValue: 'E14' });
    expect(l.units.equipmentValue).toEqual({ unit: '万元', factor: 10000 });
  });

  it('gives the data findings at the 填报值 / 单位 cells: the unreadable value and the unit slip, nothing for "*"', () => {
    const cells = cellFindings(ledgers);
    expect(cells.map((f) => [f.sheet, f.cell, f.indicator])).toEqual([['东关中学', 'E13', 'R5'], ['古郊学校', 'D14', 'R6']]);
    expect(cells[0].message).toBe('「体育运动场馆面积」单元格内容“暂无”无法识别为数字');
    expect(cells[1].message).toMatch(/^「教学仪器设备值」按万元读取：按元计生均仅 0\.3 元，不可能（合理范围 20–150000 元）；按万元计为 2527 元。请核实，并在「单位」栏写明单位$/);
    expect(school(ledgers, '古郊九年一贯制学校').quantities.equipmentValue?.all?.value).toBe(950_000);
    // Items no form has are missing columns of the school ledger, said as items of the form.
    expect(ledgers.findings.some((f) => f.message === '学校填报表（每校一表）缺少「音乐专用教室间数」一项，无法检查 音乐专用教室配备（G3）')).toBe(true);
  });

  it('judges the schools and the 差异系数 as an independent computation does (apportioned by 1 : 1.1)', () => {
    const v = (name: string, stage: string) => result.schools.find((s) => s.name === name && s.stage === stage)!;
    expect(v('城关第二小学', '小学').verdict).toBe('达标');
    expect(v('东关初级中学', '初中').verdict).toBe('数据不全'); // R5 unreadable, the other six reached
    expect(findings.some((f) => f.kind === 'compliance' && f.school === '东关初级中学')).toBe(false);
    const [wp, wj] = STD.settings.apportion.primaryJunior;
    const W = wp * 166 + wj * 210;
    const shareP = (wp * 166) / W;
    const shareJ = (wj * 210) / W;
    const gp = v('古郊九年一贯制学校', '小学');
    const gj = v('古郊九年一贯制学校', '初中');
    expect(gp.indicators.R4.value).toBeCloseTo((2400 * shareP) / 166, 12);
    expect(gp.indicators.R6.value).toBeCloseTo((950_000 * shareP) / 166, 9);
    expect(gj.indicators.R6.value).toBeCloseTo((950_000 * shareJ) / 210, 9);
    expect(gj.indicators.R1.value).toBeCloseTo((14 / 210) * 100, 12);
    expect(gp.verdict).toBe('达标');
    expect(gj.verdict).toBe('达标');
    const cv = (id: string, stage: string) => result.cv.find((c) => c.indicator === id && c.stage === stage)!;
    expect(cv('R4', '小学').value).toBeCloseTo(cvOf([[600, 3000 / 600], [166, (2400 * shareP) / 166]]), 12);
    expect(cv('R6', '小学').value).toBeCloseTo(cvOf([[600, 1_500_000 / 600], [166, (950_000 * shareP) / 166]]), 12);
    expect(cv('R6', '初中').value).toBeCloseTo(cvOf([[400, 1_100_000 / 400], [210, (950_000 * shareJ) / 210]]), 12);
    expect(cv('R5', '初中').schools).toBe(1);
  });

  it('joins a school ledger as its rows would, and runs through checkWorkbook', () => {
    const all = [statsExport(), ...sheets];
    const out = checkWorkbook(all, STD, { workbook: '县.xlsx', date: new Date('2026-12-01T00:00:00Z') });
    expect(out.ledgers.schools).toHaveLength(7);
    expect(out.report.ledgers.filter((l) => l.kind === 'school').map((l) => l.sheet)).toEqual(['基层表', '城关二小', '东关中学', '古郊学校']);
    expect(out.result.cv.find((c) => c.indicator === 'R4' && c.stage === '小学')!.schools).toBe(5);
  });

  it('reads the text items a check uses (是否寄宿制, 城乡类型) as the school ledger text columns', () => {
    const set = readLedgers([form('城关二小', [['基本信息', '学校名称', '', '城关第二小学'], ['基本信息', '城乡类型', '', '城区'], ['基本信息', '是否寄宿制', '', '否'], ['学生', '在校生数', '人', 600]])], STD);
    expect(set.schools[0].attributes).toEqual({
      locale: { text: '城区', ref: { sheet: '城关二小', row: 4, col: 5 } },
      boarding: { text: '否', ref: { sheet: '城关二小', row: 5, col: 5 } },
    });
    expect(set.schools[0].type).toBe('小学'); // from the name
  });

  it('指标 | 数值 without a 学校名称 item is no school form', () => {
    const g = grid([
      ['指标', '数值', '说明'],
      ['在校生数', 12000, ''], ['教学及辅助用房面积', 60000, ''], ['教学仪器设备值', 3000, '万元'],
    ], [], { name: '全县汇总' });
    expect(readLedgers([g], STD).schools).toEqual([]);
  });

  it('a form filed twice for one school counts once, with a finding', () => {
    const set = readLedgers([sheets[0], { ...sheets[0], name: '城关二小(2)' }], STD);
    expect(set.schools).toHaveLength(1);
    expect(set.findings.some((f) => f.sheet === '城关二小(2)' && f.cell === 'E3' && /已在工作表“城关二小”中填报/.test(f.message))).toBe(true);
  });
});
