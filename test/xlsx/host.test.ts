import ExcelJS from 'exceljs';
import { XlsxHost, fromFillDesc, loadWorkbook, saveWorkbook, toFillDesc } from '../../src/xlsx/host';
import { DEFAULT_COLOURS } from '../../src/host/memory';
import { NOT_CALCULATED } from '../../src/xlsx/read';
import { diff, reload, snapshot, styledWorkbook } from './fixture';

describe('marks', () => {
  it('marking one cell of a styled sheet (shared style objects) changes exactly that cell', async () => {
    const wb = await styledWorkbook(200);
    // The trap is real in this fixture: the cells share one style object after reading.
    const ws = wb.getWorksheet('学校台账')!;
    expect(ws.getCell('B10').style).toBe(ws.getCell('B11').style);
    const before = snapshot(wb).cells;
    const host = new XlsxHost(wb);
    const cells = await host.applyMarks([{ sheet: '学校台账', cell: 'B10', style: 'fail', note: '不达标' }], DEFAULT_COLOURS);
    expect(cells).toHaveLength(1);
    expect(cells[0].fill).toEqual(expect.objectContaining({ pattern: 'solid', fgColor: 'FFFFFF00' }));
    const after = snapshot(await reload(wb)).cells;
    expect(diff(before, after)).toEqual(['学校台账!B10']);
    const b10 = after.get('学校台账!B10')!;
    expect(JSON.parse(b10.fill!)).toEqual(expect.objectContaining({ pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } }));
    expect(b10.note).toContain('不达标');
    // Value, number format, font and border unchanged.
    const b = before.get('学校台账!B10')!;
    expect([b10.value, b10.numFmt, b10.font, b10.border]).toEqual([b.value, b.numFmt, b.font, b.border]);
  });

  it('uses the data colour for data marks and keeps an existing note visible under the mark', async () => {
    const wb = await styledWorkbook(10);
    const host = new XlsxHost(wb);
    await host.applyMarks([{ sheet: '学校台账', cell: 'C5', style: 'data', note: '无法读取' }], { fail: 'FFFF0000', data: 'FF00FF00' });
    const c5 = (await reload(wb)).getWorksheet('学校台账')!.getCell('C5');
    expect((c5.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF00FF00');
    expect(String(c5.note)).toBe('无法读取\n—— 原批注 ——\n原有批注：数据来自2025年报');
  });

  it('undo puts back "no fill" and "no note" on plain cells, and rich notes exactly', async () => {
    const wb = await styledWorkbook(10);
    const before = snapshot(wb).cells;
    const host = new XlsxHost(wb);
    const cells = await host.applyMarks(
      [
        { sheet: '说明', cell: 'A1', style: 'fail', note: 'x' },
        { sheet: '说明', cell: 'F9', style: 'data', note: 'y' },
        { sheet: '学校台账', cell: 'C8', style: 'fail', note: 'z' },
        { sheet: '学校台账', cell: 'C4', style: 'data', note: 'w' },
      ],
      DEFAULT_COLOURS,
    );
    expect(cells.map((c) => c.fill === null)).toEqual([true, true, false, false]);
    const marked = await reload(wb);
    const res = await new XlsxHost(marked).undo({ version: 1, at: '', colours: DEFAULT_COLOURS, sheets: [], cells });
    expect(res).toEqual(expect.objectContaining({ restored: 4, kept: 0, missing: 0 }));
    const after = snapshot(await reload(marked)).cells;
    // F9 did not exist before; after undo it is an empty cell without fill or note (not saved by ExcelJS).
    expect(diff(before, after)).toEqual([]);
  });

  it('describes fills host-neutrally and restores complex fills exactly', () => {
    expect(toFillDesc(undefined)).toBeNull();
    expect(toFillDesc({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'ffaabbcc' } })).toEqual(
      expect.objectContaining({ pattern: 'solid', fgColor: 'FFAABBCC' }),
    );
    expect(toFillDesc({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFAABBCC' } })).toEqual({ pattern: 'solid', fgColor: 'FFAABBCC' });
    const themed = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.6 }, bgColor: { indexed: 64 } } as unknown as ExcelJS.Fill;
    const d = toFillDesc(themed)!;
    expect(d.pattern).toBe('solid');
    expect(fromFillDesc(JSON.parse(JSON.stringify(d)))).toEqual(themed);
    const grad: ExcelJS.Fill = { type: 'gradient', gradient: 'angle', degree: 90, stops: [{ position: 0, color: { argb: 'FF000000' } }, { position: 1, color: { argb: 'FFFFFFFF' } }] };
    expect(toFillDesc(grad)!.pattern).toBe('gradient');
    expect(fromFillDesc(toFillDesc(grad))).toEqual(grad);
  });
});

describe('readGrids', () => {
  it('reads values only: cached formula results, rich text, hyperlinks, errors, dates, merges, formats', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getCell('B2').value = '标题';
    ws.mergeCells('B2:D2');
    ws.getCell('B3').value = { richText: [{ text: '学校' }, { font: { bold: true }, text: '名称' }] };
    ws.getCell('C3').value = { text: '链接文字', hyperlink: 'https://example.com' };
    ws.getCell('D3').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    ws.getCell('B4').value = 10;
    ws.getCell('C4').value = { formula: 'B4*2', result: 20 } as ExcelJS.CellFormulaValue;
    ws.getCell('D4').value = { formula: 'B4/0' } as ExcelJS.CellFormulaValue; // no cached result
    ws.getCell('E4').value = new Date(Date.UTC(2025, 8, 1));
    ws.getCell('E4').numFmt = 'yyyy-mm-dd';
    ws.getCell('B5').value = 11;
    ws.getCell('C5').value = { sharedFormula: 'C4', result: 22 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell('D5').value = { formula: 'B5/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('B6').value = true;
    ws.getCell('G9').style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } } }; // styled, empty
    const host = new XlsxHost(await reload(wb));
    const [g] = await host.readGrids(['台账', '不存在']);
    expect(g.top).toBe(2);
    expect(g.left).toBe(2);
    expect(g.values).toEqual([
      ['标题'],
      ['学校名称', '链接文字', { error: '#DIV/0!' }],
      [10, 20, { error: NOT_CALCULATED }, new Date(Date.UTC(2025, 8, 1))],
      [11, 22, { error: '#DIV/0!' }],
      [true],
    ]);
    expect(g.formats?.[2][3]).toBe('yyyy-mm-dd');
    expect(g.formats?.[2][0]).toBeNull();
    expect(g.merges).toEqual([{ top: 2, left: 2, bottom: 2, right: 4 }]);
  });

  it('returns an empty grid for an empty sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空');
    const [g] = await new XlsxHost(wb).readGrids(['空']);
    expect(g.values).toEqual([]);
  });

  it('reads ~1M cells in one pass (speed is measured by npm run bench)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('大表');
    const rows = 50000;
    for (let r = 1; r <= rows; r++) {
      const row = ws.getRow(r);
      for (let c = 1; c <= 20; c++) row.getCell(c).value = c === 1 ? `学校${r}` : r * c;
    }
    const [g] = await new XlsxHost(wb).readGrids(['大表']);
    expect(g.values).toHaveLength(rows);
    expect(g.values[rows - 1][19]).toBe(rows * 20);
  });
});

describe('loadWorkbook', () => {
  it('refuses what is not an .xlsx with a Chinese message', async () => {
    await expect(loadWorkbook(Buffer.from('学校名称,在校生数\n'))).rejects.toThrow(/不是 Excel 工作簿/);
    const zip = Buffer.from(await saveWorkbook(new ExcelJS.Workbook()));
    // A zip whose parts are mangled: still a clean message, never a stack.
    const broken = Buffer.from(zip);
    broken.fill(0x41, 40, Math.min(broken.length - 200, 400));
    await expect(loadWorkbook(broken)).rejects.toThrow(/无法读取这个工作簿|不是 Excel/);
  });
});
