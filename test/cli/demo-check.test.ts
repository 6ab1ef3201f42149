/**
 * The demo workbook straight through the engine: every planted failure is found where the facts say.
 * (The grid is read here with a minimal ExcelJS reader; the xlsx host has its own.)
 */
import ExcelJS from 'exceljs';
import { buildDemoWorkbook } from '../../src/sample/demo';
import { demoWorkbookFacts as facts } from '../fixtures/demo-facts';
import { toGrid } from '../fixtures/demo-grids';
import { checkWorkbook } from '../../src/report/engine';
import type { EngineOutput } from '../../src/report/engine-types';
import { nationalStandard } from '../../src/standard';


describe('demo workbook through checkWorkbook', () => {
  let out: EngineOutput;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildDemoWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
    out = checkWorkbook(wb.worksheets.map(toGrid), nationalStandard(), { workbook: '示例县台账.xlsx', date: new Date(2022, 8, 1) });
  });

  it('finds both ledgers and every school', () => {
    const school = out.ledgers.ledgers.find((l) => l.sheet === facts.sheets.school);
    expect(school?.headerRows).toEqual(facts.schoolHeaderRows);
    expect(school?.rows).toBe(facts.schoolCount);
    expect(out.ledgers.ledgers.find((l) => l.sheet === facts.sheets.class)?.rows).toBe(facts.classCount);
    expect(out.ledgers.ledgers.some((l) => l.sheet === facts.sheets.notes)).toBe(false);
  });

  it('gives the planted 资源配置 verdicts', () => {
    const verdict = (name: string, stage: string) => out.report.schools.find((s) => s.name === name && s.stage === stage)?.verdict;
    for (const f of facts.resourceFailures) expect([f.school, verdict(f.school, f.stage)]).toEqual([f.school, '未达标']);
    for (const f of facts.passWithOneShort) {
      expect(verdict(f.school, f.stage)).toBe('达标');
      expect(out.report.schools.find((s) => s.name === f.school && s.stage === f.stage)?.indicators[f.indicator].pass).toBe(false);
    }
    for (const t of facts.excludedTeachingPoints) expect(out.report.schools.find((s) => s.name === t.school)?.excluded).toBe(true);
    const slip = facts.typingSlips.find((s) => s.meant === null);
    expect(verdict(slip?.school ?? '', '小学')).toBe('数据不全');
  });

  it('finds G4, G5 and the CV over its limit', () => {
    const g4 = out.report.findings.filter((f) => f.indicator === 'G4');
    expect(g4.map((f) => f.school)).toEqual(facts.oversizedSchools.map((s) => s.school));
    const g5 = out.report.findings.filter((f) => f.indicator === 'G5' && f.kind === 'compliance');
    expect(g5.map((f) => f.cell).sort()).toEqual(facts.oversizedClasses.map((c) => c.cell).sort());
    for (const c of facts.cvOverLimit) expect(out.report.cv.find((x) => x.indicator === c.indicator && x.stage === c.stage)?.pass).toBe(false);
  });

  it('finds the planted G3 shortfall and raises no data finding for a 学段 a school does not have', () => {
    const g3 = out.report.findings.filter((f) => f.indicator === 'G3' && f.kind === 'compliance');
    for (const m of facts.musicRoomShort) expect(g3.some((f) => f.school === m.school && f.cell === m.cell)).toBe(true);
    expect(out.report.findings.filter((f) => f.kind === 'data' && /班级数（(初中|高中)）/.test(f.message))).toEqual([]);
  });

  it('marks the unreadable slip as data and lists the special school as 不参评', () => {
    const slip = facts.typingSlips.find((s) => s.meant === null);
    expect(out.marks.find((m) => m.sheet === slip?.sheet && m.cell === slip?.cell)?.style).toBe('data');
    const cv = out.sheets[1];
    expect(cv.rows.some((r) => r[0]?.value === '示例县特殊教育学校')).toBe(true);
  });

  it('reads the teacher ledger and the county figures; finds every planted teacher, finance and county failure', () => {
    expect(out.ledgers.ledgers.find((l) => l.sheet === facts.teacherSheet)).toMatchObject({ kind: 'teacher', rows: facts.teacherCount });
    expect(out.ledgers.ledgers.find((l) => l.sheet === facts.countySheet)?.kind).toBe('county');
    const at = (sheet: string, cell: string) => out.report.findings.filter((f) => f.sheet === sheet && f.cell === cell);
    for (const h of facts.shortHours) expect(at(facts.teacherSheet, h.cell).map((f) => f.message)).toEqual([expect.stringMatching(`五年培训学时 ${h.hours}，标准 ≥ 360，还差 ${360 - h.hours} 学时`)]);
    expect(at(facts.teacherSheet, facts.exactHours.cell)).toEqual([]);
    expect(at(facts.teacherSheet, facts.noCertificate.cell).map((f) => f.indicator)).toEqual(['G12']);
    for (const m of facts.teacherMismatches) {
      expect(at(facts.sheets.school, m.cell)).toEqual([expect.objectContaining({ kind: 'data', indicator: m.indicator, message: expect.stringMatching(/两者不一致/) })]);
    }
    expect(at(facts.teacherSheet, facts.unknownSchool.cell)[0].message).toMatch(`“${facts.unknownSchool.name}”在学校台账中找不到`);
    expect(facts.rotation.share).toBeGreaterThanOrEqual(0.09);
    expect(facts.rotation.share).toBeLessThan(0.1);
    expect(at(facts.sheets.school, facts.g6.cell).map((f) => f.indicator)).toEqual(['G6']);
    expect(at(facts.sheets.school, facts.q4.fail.cell).map((f) => f.indicator)).toEqual(['Q4']);
    expect(at(facts.sheets.school, facts.q4.exact.cell)).toEqual([]);
    for (const g of facts.g13.fail) expect(at(facts.sheets.school, g.cell).map((f) => f.indicator)).toEqual(['G13']);
    for (const g of facts.g13.pass) expect(at(facts.sheets.school, g.cell)).toEqual([]);
    expect(at(facts.sheets.school, facts.q3.cell).map((f) => f.indicator)).toEqual(['Q3']);
    expect(at(facts.countySheet, facts.countyFigures.g8.cell).map((f) => f.indicator)).toEqual(['G8']);
    expect(at(facts.countySheet, facts.countyFigures.g14.cell).map((f) => f.indicator)).toEqual(['G14']);
    expect(at(facts.countySheet, facts.countyFigures.ambiguous.cell)).toEqual([expect.objectContaining({ kind: 'data', indicator: 'Q2' })]);
    // County rates land as county-level findings.
    for (const id of ['G9', 'G11', 'G12']) expect(out.report.findings.some((f) => f.indicator === id && f.sheet === null && f.kind === 'compliance')).toBe(true);
  });

  it('gives every item its planted status, and 自查自评总表 says the county would not pass today, and why', () => {
    const items = out.report.items ?? [];
    expect(items.map((i) => i.id)).toEqual(Object.keys(nationalStandard().indicators));
    for (const [id, status] of Object.entries(facts.expectedStatuses)) expect({ id, status: items.find((i) => i.id === id)?.status }).toEqual({ id, status });
    const overview = out.sheets.find((s) => s.name === '自查自评总表')!;
    const verdict = overview.rows[0].map((c) => c.value);
    expect(verdict[1]).toBe('否');
    const blocking = String(verdict[3]);
    for (const [id, status] of Object.entries(facts.expectedStatuses)) {
      if (status === '达标') expect(blocking).not.toMatch(new RegExp(`(^|[：、])${id}(、|；|$)`));
      else expect(blocking).toMatch(new RegExp(`${status}：([^；]*、)?${id}(、|；|$)`));
    }
    const text = overview.rows.map((r) => r.map((c) => String(c.value ?? '')).join('|')).join('\n');
    expect(text).toMatch(/小学：学校达标情况\|✗\|参评 \d+ 所，达标 \d+，未达标 2/);
    expect(text).toMatch(/小学 R6 生均教学仪器设备值 差异系数\|✗/);
    expect(text).toMatch(/待核实的核查清单项（9）/);
    expect(out.report.sheets).toEqual([
      '资源配置达标情况', '校际差异系数', '问题清单', '补短板清单', '整改进度', '政府保障程度', '教育质量', '社会认可度', '自查自评总表', '核查清单',
      '表Ⅰ 基本情况', '表Ⅱ-1 资源配置', '表Ⅱ-2 资源配置（分学校）', '表Ⅲ 校际均衡', '表Ⅳ 政府保障程度', '表Ⅴ 教育质量', '表Ⅵ 社会认可度',
    ]);
  });
});
