/**
 * Nothing runs, on both hosts: ledger text that Excel would take for a formula or a DDE call stays text in
 * every summary sheet. The strict fake turns a written "=…"/"+…"/"-…"/"@…" string into a formula, as Excel
 * does, unless the cell was formatted as text first — so this fails if the Office host forgets to.
 */
import ExcelJS from 'exceljs';
import { runCheck } from '../../src/host/run';
import { nationalStandard } from '../../src/standard';
import { fromExcelJs } from './convert';
import { officeKit, reload, xlsxKit, type Kit } from './kits';

const EVIL = ['=HYPERLINK("http://evil.example","点我")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A2)'];

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学校台账');
  ws.addRow(['学校名称', '学校类型', '在校生数', '班级数', '高于规定学历教师数', '县级及以上骨干教师数', '体育艺术专任教师数',
    '教学及辅助用房面积', '体育运动场馆面积', '教学仪器设备值', '网络多媒体教室数']);
  // Each school fails R4, so its name appears in 问题清单, 补短板清单 and 资源配置达标情况.
  EVIL.forEach((name) => ws.addRow([name, '小学', 400, 12, 30, 6, 5, 1000, 4000, 900000, 10]));
  return wb;
}

const meta = { workbook: '台账.xlsx', date: new Date('2026-11-29T00:00:00Z') };

describe.each([
  ['ExcelJS', async (): Promise<Kit> => xlsxKit(await reload(workbook()))],
  ['Office.js (strict fake)', async (): Promise<Kit> => officeKit(fromExcelJs(await reload(workbook())))],
])('%s host', (_label, makeKit) => {
  it('writes formula-like ledger text inert in every summary sheet', async () => {
    const kit = await makeKit();
    const h = kit.host();
    const out = await runCheck(h, nationalStandard(), meta);
    await kit.done(h);
    let seen = 0;
    for (const sheet of out.output.report.sheets) {
      expect([sheet, kit.formulas(sheet)]).toEqual([sheet, []]);
      const texts = Object.values(kit.values(sheet)).map(String);
      for (const e of EVIL) if (texts.some((t) => t.includes(e))) seen++;
    }
    expect(seen).toBeGreaterThanOrEqual(EVIL.length * 2);
    expect(kit.formulas('学校台账')).toEqual([]);
  });
});

describe('the strict fake', () => {
  it('turns each of those strings into a formula when the cell is not text — so the test above can fail', async () => {
    const x = fromExcelJs(await reload(workbook()));
    const ctx = x.context() as unknown as Excel.RequestContext;
    const ws = ctx.workbook.worksheets.getItem('学校台账');
    ws.getRange('M1:P1').values = [EVIL];
    await ctx.sync();
    expect(officeKit(x).formulas('学校台账')).toEqual(['M1', 'N1', 'O1', 'P1']);
  });
});
