/**
 * The demo workbook straight through the engine: every planted failure is found where the facts say.
 * (The grid is read here with a minimal ExcelJS reader; the xlsx host has its own.)
 */
import ExcelJS from 'exceljs';
import { buildDemoWorkbook, demoWorkbookFacts as facts } from '../../src/cli/demo-workbook';
import type { CellValue, MergeRange, SheetGrid } from '../../src/ledger/grid';
import { parseCell } from '../../src/ledger/grid';
import { checkWorkbook } from '../../src/report/engine';
import type { EngineOutput } from '../../src/report/engine-types';
import { nationalStandard } from '../../src/standard';

function toGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      const v: unknown = cell.isMerged && cell.master.address !== cell.address ? null : cell.value;
      if (v !== null && typeof v === 'object' && !(v instanceof Date) && 'formula' in v) {
        row.push(((v as ExcelJS.CellFormulaValue).result as CellValue | undefined) ?? null);
      } else row.push((v ?? null) as CellValue);
    }
    values.push(row);
  }
  const merges: MergeRange[] = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => {
    const [a, b] = m.split(':').map((x) => parseCell(x));
    if (!a || !b) throw new Error(m);
    return { top: a.row, left: a.col, bottom: b.row, right: b.col };
  });
  return { name: ws.name, top: 1, left: 1, values, merges };
}

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
});
