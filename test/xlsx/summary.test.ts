import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { SheetModel } from '../../src/report/model';
import { XlsxHost, loadWorkbook, saveWorkbook } from '../../src/xlsx/host';
import { linkTarget } from '../../src/xlsx/summary';

const evil = ['=HYPERLINK("http://x.example","点我")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3', '=1+1'];

function model(): SheetModel {
  return {
    name: '问题清单',
    title: '问题清单',
    subtitle: '某县台账.xlsx · 国家 2017 标准 · 2026-11-29',
    columns: [{ header: '学校', width: 30 }, { header: '数值', width: 12 }, { header: '结论', width: 8 }, { header: '位置', width: 16 }],
    rows: [
      ...evil.map((name) => [{ value: name }, { value: 1234.5, style: 'number' as const, numFmt: '#,##0.00' }, { value: '✗', style: 'fail' as const }, { value: 'B3', link: { sheet: "O'Brien 表", cell: 'B3' } }]),
      [{ value: '第一小学' }, { value: 0.5, numFmt: '0.0%' }, { value: '✓', style: 'pass' as const }, { value: '学校台账!C4', link: { sheet: '学校台账', cell: 'C4' } }],
    ],
    autoFilter: true,
  };
}

async function written() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("O'Brien 表").getCell('B3').value = 42;
  wb.addWorksheet('学校台账').getCell('C4').value = 7;
  const host = new XlsxHost(wb);
  const names = await host.writeSheets([{ model: model(), name: '问题清单' }]);
  const buf = await saveWorkbook(wb);
  return { names, buf, wb: await loadWorkbook(buf) };
}

describe('summary sheets', () => {
  it('writes ledger text that looks like a formula as inert text', async () => {
    const { wb, buf } = await written();
    const ws = wb.getWorksheet('问题清单')!;
    evil.forEach((text, i) => {
      const cell = ws.getCell(4 + i, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(text);
    });
    // And in the file itself: no <f> element anywhere in the summary sheet.
    const zip = await JSZip.loadAsync(buf);
    const sheetXml = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
    expect(sheetXml).not.toMatch(/<f[ >]/);
  });

  it('links to ledger cells inside the workbook, quoting sheet names', async () => {
    expect(linkTarget("O'Brien 表", 'B3')).toBe("#'O''Brien 表'!B3");
    expect(linkTarget('学校台账', 'C4')).toBe('#学校台账!C4');
    const { buf, wb } = await written();
    const zip = await JSZip.loadAsync(buf);
    const xml = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
    expect(xml).toContain('location="&apos;O&apos;&apos;Brien 表&apos;!B3"');
    expect(xml).toContain('location="学校台账!C4"');
    expect(xml).not.toMatch(/<hyperlink[^>]*r:id/);
    // Read back (our reading fix): the cell keeps its internal link.
    const cell = wb.getWorksheet('问题清单')!.getCell('D4');
    expect(cell.hyperlink).toBe("#'O''Brien 表'!B3");
    expect(cell.text).toBe('B3');
  });

  it('looks finished: merged title, subtitle, bold filled header, frozen panes, widths, formats, colours, filter', async () => {
    const { wb } = await written();
    const ws = wb.getWorksheet('问题清单')!;
    expect(ws.getCell('A1').value).toBe('问题清单');
    expect(Object.keys((ws as unknown as { _merges: object })._merges).sort()).toEqual(['A1', 'A2']);
    expect(ws.getCell('D1').isMergedTo(ws.getCell('A1'))).toBe(true);
    expect(ws.getCell('A2').value).toMatch(/某县台账/);
    expect(ws.getCell('A3').value).toBe('学校');
    expect(ws.getCell('A3').font.bold).toBe(true);
    expect((ws.getCell('A3').fill as ExcelJS.FillPattern).pattern).toBe('solid');
    expect(ws.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 3 }));
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getCell('B4').numFmt).toBe('#,##0.00');
    expect(ws.getCell('B9').numFmt).toBe('0.0%');
    expect(ws.getCell('C4').font.color?.argb).toBe('FFC00000');
    expect(ws.getCell('C9').font.color?.argb).toBe('FF00B050');
    expect(ws.autoFilter).toBe('A3:D9');
  });

  it('keeps a user\'s own internal hyperlinks through read and write', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('目录').getCell('A1').value = { text: '去台账', hyperlink: '#学校台账!A1' };
    wb.addWorksheet('学校台账');
    const again = await loadWorkbook(await saveWorkbook(await loadWorkbook(await saveWorkbook(wb))));
    expect(again.getWorksheet('目录')!.getCell('A1').hyperlink).toBe('#学校台账!A1');
  });
});
