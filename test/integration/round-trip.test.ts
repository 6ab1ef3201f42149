import ExcelJS from 'exceljs';
import { buildDemoWorkbook } from '../../src/sample/demo';
import { runCheck } from '../../src/host/run';
import { nationalStandard } from '../../src/standard';
import { XlsxHost } from '../../src/xlsx/host';
import { reload, snapshot } from './snapshot';

const std = nationalStandard();
const meta = { workbook: '示例县台账.xlsx', date: new Date('2026-11-29T00:00:00Z') };

describe('a checked workbook keeps the ledger exactly, apart from the marks', () => {
  it('changes only fill and note of the marked cells, and nothing on any other cell or sheet', async () => {
    const original = await reload(buildDemoWorkbook());
    const userSheets = original.worksheets.map((w) => w.name);
    const before = snapshot(original);

    const wb = await reload(buildDemoWorkbook());
    const outcome = await runCheck(new XlsxHost(wb), std, meta);
    const after = snapshot(await reload(wb), userSheets);

    const marked = new Set(outcome.output.marks.map((m) => `${m.sheet}!${m.cell}`));
    expect(marked.size).toBeGreaterThan(10);
    let changedFills = 0;
    for (const [key, b] of before) {
      const a = after.get(key);
      expect({ key, value: a?.value, style: a?.style }).toEqual({ key, value: b.value, style: b.style });
      if (marked.has(key)) {
        expect(a?.note).toMatch(/均衡自查/);
        if (a?.fill !== b.fill) changedFills++;
      } else {
        expect({ key, fill: a?.fill, note: a?.note }).toEqual({ key, fill: b.fill, note: b.note });
      }
    }
    expect(changedFills).toBe(marked.size);
    for (const key of after.keys()) expect(before.has(key) || marked.has(key)).toBe(true);
  });
});

describe('the public worked example of the 差异系数', () => {
  it('gives CV ≈ 0.52 and X̄ ≈ 6.33 from a real .xlsx school ledger', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('学校台账');
    ws.addRow(['某县小学办学条件统计表']);
    ws.addRow(['学校名称', '学校类型', '在校生数', '班级数', '高于规定学历教师数', '县级及以上骨干教师数', '体育艺术专任教师数',
      '教学及辅助用房面积（㎡）', '体育运动场馆面积（㎡）', '教学仪器设备值（元）', '网络多媒体教室数（间）']);
    const students = [45, 37, 89, 76, 55];
    const books = [279, 137, 935, 160, 402];
    students.forEach((p, i) => ws.addRow([`第${i + 1}小学`, '小学', p, 6, 10, 3, 3, books[i], 1000, 200000, 6]));
    const outcome = await runCheck(new XlsxHost(wb), std, meta);
    const cv = outcome.output.result.cv.find((c) => c.indicator === 'R4' && c.stage === '小学');
    expect(cv?.schools).toBe(5);
    expect(cv?.countyValue).toBeCloseTo(6.33, 2);
    expect(cv?.value).toBeCloseTo(0.52, 2);
    expect(cv?.pass).toBe(false);
    expect(outcome.output.report.cv.find((c) => c.indicator === 'R4' && c.stage === '小学')?.value).toBeCloseTo(0.52, 2);
  });
});
