import ExcelJS from 'exceljs';
import { buildDemoWorkbook } from '../../src/sample/demo';
import { demoWorkbookFacts as facts } from '../fixtures/demo-facts';

async function roundTrip(): Promise<ExcelJS.Workbook> {
  const buf = await buildDemoWorkbook().xlsx.writeBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as ArrayBuffer);
  return wb;
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  // ExcelJS keeps merges on the model after a load.
  return (ws.model as unknown as { merges: string[] }).merges;
}

describe('buildDemoWorkbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await roundTrip();
  });

  it('has the five sheets', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['学校基本情况台账', '班级台账', '教师台账', '县级数据', '说明']);
  });

  it('holds about 30 schools of every type and about 400 classes', () => {
    expect(facts.schoolCount).toBeGreaterThanOrEqual(28);
    expect(facts.schoolCount).toBeLessThanOrEqual(32);
    expect(facts.classCount).toBeGreaterThanOrEqual(380);
    expect(facts.classCount).toBeLessThanOrEqual(430);
    expect(new Set(facts.schools.map((s) => s.type))).toEqual(new Set(['小学', '初中', '九年一贯制', '十二年一贯制', '完全中学', '教学点', '特殊教育学校']));
    const ws = wb.getWorksheet('学校基本情况台账') as ExcelJS.Worksheet;
    const names: string[] = [];
    for (let r = facts.firstSchoolRow; r < facts.totalRow; r++) names.push(String(ws.getCell(r, 2).value));
    expect(names).toEqual(facts.schools.map((s) => s.name));
    expect(ws.getCell(facts.totalRow, 1).value).toBe('合计');
    const cls = wb.getWorksheet('班级台账') as ExcelJS.Worksheet;
    let rows = 0;
    for (let r = facts.firstClassRow; r <= cls.rowCount; r++) if (typeof cls.getCell(r, 5).value === 'number') rows++;
    expect(rows).toBe(facts.classCount);
  });

  it('has the messy layout: merged title, two-row merged header, 合计 formula, notes, merged school names', () => {
    const ws = wb.getWorksheet('学校基本情况台账') as ExcelJS.Worksheet;
    const merges = mergesOf(ws);
    expect(merges).toEqual(expect.arrayContaining(['A1:AC1', 'A3:A4', 'B3:B4', 'D3:F3', 'G3:I3', 'J3:K3', 'R3:S3', 'T3:U3']));
    expect(ws.getCell('A1').value).toBe('示例县义务教育学校办学条件统计表（2022年）');
    expect(ws.getCell('D3').value).toBe('在校生数（人）');
    expect(ws.getCell('D4').value).toBe('小学');
    expect(ws.getCell('P3').value).toBe('教学仪器设备总值（万元）');
    expect(ws.getCell('R3').value).toBe('音乐教室');
    expect(ws.getCell('S4').value).toBe('面积（㎡）');
    const total = ws.getCell(facts.totalRow, 4).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toBe(`SUM(D${facts.firstSchoolRow}:D${facts.totalRow - 1})`);
    expect(typeof total.result).toBe('number');
    expect(String(ws.getCell(facts.totalRow + 2, 1).value)).toBe('填表说明：');
    expect(String(ws.getCell(facts.totalRow + 6, 1).value)).toMatch(/^填表人/);

    const cls = wb.getWorksheet('班级台账') as ExcelJS.Worksheet;
    const classMerges = mergesOf(cls).filter((m) => m.startsWith('B') && m !== 'B1');
    expect(classMerges.length).toBe(facts.classSchoolMerges.length);
    expect(mergesOf(cls)).toContain('A1:E1');
    const grades = new Set<string>();
    for (let r = facts.firstClassRow; r <= cls.rowCount; r++) grades.add(String(cls.getCell(r, 3).value));
    for (const g of ['一年级', '六年级', '七年级', '初一', '初三']) expect(grades.has(g)).toBe(true);
  });

  it('keeps cell styles (borders, header fill, number formats)', () => {
    const ws = wb.getWorksheet('学校基本情况台账') as ExcelJS.Worksheet;
    expect(ws.getCell('D3').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(ws.getCell(facts.firstSchoolRow, 4).border?.top?.style).toBe('thin');
    expect(ws.getCell(facts.firstSchoolRow, 16).numFmt).toBe('0.00');
    expect(ws.getCell(facts.firstSchoolRow, 14).numFmt).toBe('#,##0.0');
  });

  it('holds the typing slips where the facts say', () => {
    const ws = wb.getWorksheet('学校基本情况台账') as ExcelJS.Worksheet;
    expect(facts.typingSlips.map((s) => s.text.replace(/\d/g, '9').replace(/[０-９]/g, '９'))).toEqual(['暂无', '９９９', '9,999', '999人']);
    for (const slip of facts.typingSlips) expect(ws.getCell(slip.cell).value).toBe(slip.text);
    expect(facts.typingSlips[0].meant).toBeNull();
    expect(facts.typingSlips[2].meant).toBeGreaterThanOrEqual(1000);
  });

  it('plants the failures it reports', () => {
    expect(facts.resourceFailures.length).toBeGreaterThanOrEqual(2);
    expect(facts.resourceFailures.length).toBeLessThanOrEqual(4);
    expect(facts.oversizedSchools.map((s) => s.school)).toEqual(['示例县城关第一小学']);
    expect(facts.oversizedSchools[0].students).toBeGreaterThan(2000);
    expect(facts.musicRoomShort).toEqual([expect.objectContaining({ school: '示例县城关第二小学', musicRooms: 2, required: 3 })]);
    expect(facts.oversizedClasses.map((c) => c.students).sort()).toEqual([46, 48, 53]);
    expect(facts.oversizedClasses).toHaveLength(3);
    expect(facts.excludedTeachingPoints).toHaveLength(2);
    const cls = wb.getWorksheet('班级台账') as ExcelJS.Worksheet;
    for (const c of facts.oversizedClasses) expect(cls.getCell(c.cell).value).toBe(c.students);
    // Only the 教学点 under the cut: the other 教学点 count.
    expect(facts.schools.filter((s) => s.type === '教学点').length).toBe(4);
  });

  it('plants the per-school values: failures fail and the rest pass (per 学段, apportioned 1 : 1.1)', () => {
    const thr = { R4: { 小学: 4.5, 初中: 5.8 }, R5: { 小学: 7.5, 初中: 10.2 }, R6: { 小学: 2000, 初中: 2500 } } as const;
    for (const s of facts.schools) {
      if (s.type === '特殊教育学校' || s.type === '完全中学' || s.type === '十二年一贯制') continue;
      const P1 = s.students.小学 ?? 0;
      const P2 = s.students.初中 ?? 0;
      if (P1 + P2 < 50) continue;
      const W = P1 + 1.1 * P2;
      for (const [id, q] of [['R4', s.floorArea], ['R5', s.sportsArea], ['R6', s.equipmentValue]] as const) {
        for (const [stage, P, w] of [['小学', P1, 1], ['初中', P2, 1.1]] as const) {
          if (!P) continue;
          const v = (q * (w * P)) / W / P;
          const planted = facts.resourceFailures.some((f) => f.school === s.name && f.indicators.includes(id)) ||
            facts.passWithOneShort.some((f) => f.school === s.name && f.indicator === id && f.stage === stage);
          expect({ school: s.name, id, stage, ok: v >= thr[id][stage] }).toEqual({ school: s.name, id, stage, ok: !planted });
        }
      }
    }
  });

  it('makes the 小学 R6 差异系数 exceed 0.50', () => {
    // student-weighted CV over 小学 parts of schools with ≥ 50 students (九年一贯制 apportioned 1 : 1.1)
    const parts: { P: number; X: number }[] = [];
    for (const s of facts.schools) {
      if (s.type === '特殊教育学校' || !s.students.小学) continue;
      const P1 = s.students.小学 ?? 0;
      const P2 = s.students.初中 ?? 0;
      const P3 = s.students.高中 ?? 0;
      if (s.type === '教学点' && P1 < 50) continue;
      const W = P1 + 1.1 * P2 + 1.32 * P3;
      parts.push({ P: P1, X: (s.equipmentValue * (P1 / W)) / P1 });
    }
    const P = parts.reduce((a, p) => a + p.P, 0);
    const mean = parts.reduce((a, p) => a + p.P * p.X, 0) / P;
    const S = Math.sqrt(parts.reduce((a, p) => a + (p.P / P) * (p.X - mean) ** 2, 0));
    expect(S / mean).toBeGreaterThan(0.55);
  });

  it('is deterministic', async () => {
    const a = await buildDemoWorkbook().xlsx.writeBuffer();
    const b = await buildDemoWorkbook().xlsx.writeBuffer();
    const wa = new ExcelJS.Workbook();
    const wbb = new ExcelJS.Workbook();
    await wa.xlsx.load(a as ArrayBuffer);
    await wbb.xlsx.load(b as ArrayBuffer);
    const dump = (w: ExcelJS.Workbook) =>
      w.worksheets.map((ws) => {
        const rows: unknown[] = [];
        ws.eachRow({ includeEmpty: false }, (row) => rows.push(row.values));
        return rows;
      });
    expect(dump(wa)).toEqual(dump(wbb));
  });
});
