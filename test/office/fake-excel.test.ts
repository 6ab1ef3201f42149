import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock imports office-addin-manifest only for its host-name enum; that package pulls in an
// ESM-only dependency jest cannot load, so stand in the enum.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));
import { FakeExcel, type FakeContext } from './fake-excel';

function seeded(opts = {}) {
  const x = new FakeExcel(opts);
  const s = x.addSheet('台账');
  x.cell(s, 1, 1, true).value = '学校名称';
  x.cell(s, 2, 1, true).value = '第一小学';
  x.cell(s, 2, 2, true).value = 120;
  return { x, ctx: x.context() };
}

describe('office-addin-mock does not enforce load/sync (why the strict fake exists)', () => {
  it('returns a sentinel string for a property read without load and sync, and no error', async () => {
    const mock = new OfficeMockObject({
      context: { workbook: { range: { address: 'C2', values: [[1]] }, getSelectedRange() { return (this as { range: unknown }).range; } } },
    }) as unknown as { context: { workbook: { getSelectedRange(): { address: unknown; values: unknown; load(p: string): void }; } ; sync(): Promise<void> } };
    const range = mock.context.workbook.getSelectedRange();
    // A real Excel would throw PropertyNotLoaded here; the mock answers a string that looks like data.
    expect(() => range.address).not.toThrow();
    expect(range.address).toBe('Error, property was not loaded');
    // Code that forgot `load` + `sync` "passes" against the mock: the sentinel flows on as a value.
    expect(String(range.values).length).toBeGreaterThan(0);
  });

  it('the strict fake throws like Office for the same mistake', async () => {
    const { ctx } = seeded();
    const r = ctx.workbook.worksheets.getItem('台账').getRange('A1');
    expect(() => r.values).toThrow(expect.objectContaining({ name: 'RichApi.Error', code: 'PropertyNotLoaded' }));
    expect(() => r.values).toThrow(/The property 'values' is not available\. Before reading the property's value, call the load method/);
    r.load('values');
    expect(() => r.values).toThrow(/not available/); // loaded but not synced
    await ctx.sync();
    expect(r.values).toEqual([['学校名称']]);
  });
});

describe('the strict fake', () => {
  it('returns a fresh proxy per call: loading one does not load another', async () => {
    const { ctx } = seeded();
    const ws = ctx.workbook.worksheets.getItem('台账');
    const a = ws.getRange('B2');
    const b = ws.getRange('B2');
    expect(a).not.toBe(b);
    expect(ctx.workbook.worksheets.getItem('台账')).not.toBe(ws);
    a.load('values');
    await ctx.sync();
    expect(a.values).toEqual([[120]]);
    expect(() => b.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('queues writes until sync, and runs loads and writes in order', async () => {
    const { x, ctx } = seeded();
    const s = x.sheet('台账')!;
    const ws = ctx.workbook.worksheets.getItem('台账');
    const before = ws.getRange('B2').load('values');
    ws.getRange('B2').values = [[99]];
    const after = ws.getRange('B2').load('values');
    expect(x.cell(s, 2, 2)!.value).toBe(120);
    await ctx.sync();
    expect(x.cell(s, 2, 2)!.value).toBe(99);
    expect(before.values).toEqual([[120]]);
    expect(after.values).toEqual([[99]]);
  });

  it('turns "=…" into a formula unless the cell is text ("@"), and numeric text into numbers', async () => {
    const { x, ctx } = seeded();
    const s = x.sheet('台账')!;
    const ws = ctx.workbook.worksheets.getItem('台账');
    ws.getRange('C1:D1').values = [['=HYPERLINK("http://x","y")', '007']];
    const t = ws.getRange('C2:D2');
    t.numberFormat = [['@', '@']];
    t.values = [['=HYPERLINK("http://x","y")', '007']];
    await ctx.sync();
    expect(x.cell(s, 1, 3)).toEqual(expect.objectContaining({ formula: '=HYPERLINK("http://x","y")' }));
    expect(x.cell(s, 1, 4)!.value).toBe(7);
    expect(x.cell(s, 2, 3)).toEqual(expect.objectContaining({ value: '=HYPERLINK("http://x","y")' }));
    expect(x.cell(s, 2, 3)!.formula).toBeUndefined();
    expect(x.cell(s, 2, 4)!.value).toBe('007');
  });

  it('rejects getRanges addresses of 8 192 characters or more, like Excel (InvalidArgument)', async () => {
    const { ctx } = seeded();
    const long = Array.from({ length: 2000 }, (_, i) => `A${i * 2 + 1}`).join(',');
    expect(long.length).toBeGreaterThanOrEqual(8192);
    ctx.workbook.worksheets.getItem('台账').getRanges(long).format.fill.color = '#FF0000';
    await expect(ctx.sync()).rejects.toEqual(expect.objectContaining({ name: 'RichApi.Error', code: 'InvalidArgument' }));
  });

  it('has notes only with ExcelApi 1.18, reads No Fill as white with pattern None, refuses writes on a protected sheet', async () => {
    expect(seeded().ctx.workbook.notes).toBeUndefined();
    const { x, ctx } = seeded({ notesSupported: true });
    expect(ctx.workbook.notes).toBeDefined();
    const props = ctx.workbook.worksheets.getItem('台账').getRange('A1').getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
    expect(() => props.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
    await ctx.sync();
    expect(props.value[0][0].format.fill).toEqual({ color: '#FFFFFF', pattern: 'None', tintAndShade: null });
    x.sheet('台账')!.protected = true;
    const c2 = x.context();
    c2.workbook.worksheets.getItem('台账').getRange('A1').format.fill.color = '#FFC7CE';
    await expect(c2.sync()).rejects.toEqual(expect.objectContaining({ code: 'AccessDenied' }));
  });

  it('counts syncs and estimates each request, and Excel.run sends what the batch left queued', async () => {
    const { x } = seeded();
    const restore = x.install();
    try {
      await Excel.run({ delayForCellEdit: true }, async (context) => {
        const c = context as unknown as FakeContext;
        c.workbook.worksheets.getItem('台账').getRange('A3').values = [['第二小学']];
      });
    } finally {
      restore();
    }
    expect(x.syncCount).toBe(1);
    expect(x.runOptions).toEqual([{ delayForCellEdit: true }]);
    expect(x.maxRequestBytes).toBeGreaterThan(10);
    expect(x.cell(x.sheet('台账')!, 3, 1)!.value).toBe('第二小学');
  });
});

describe('worksheet.pageLayout (ExcelApi 1.9) in the strict fake', () => {
  it('sets A4, orientation, fit to one page wide, print titles and the footer; refuses what Excel refuses', async () => {
    const { x, ctx } = seeded();
    const layout = ctx.workbook.worksheets.getItem('台账').pageLayout!;
    layout.paperSize = 'A4';
    layout.orientation = 'Landscape';
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    layout.setPrintTitleRows('$1:$3');
    layout.headersFooters.defaultForAllPages.centerFooter = '第 &P 页 共 &N 页';
    await ctx.sync();
    const page = x.sheet('台账')!.page;
    expect(page).toEqual(expect.objectContaining({ paperSize: 'A4', orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$1:$3', centerFooter: '第 &P 页 共 &N 页' }));
    for (const bad of [
      (l: typeof layout) => void (l.orientation = 'landscape' as 'Landscape'),
      (l: typeof layout) => void (l.paperSize = 'A4 纸'),
      (l: typeof layout) => void (l.zoom = { scale: 5 }),
      (l: typeof layout) => l.setPrintTitleRows('A1:C3'),
    ]) {
      const c = x.context();
      bad(c.workbook.worksheets.getItem('台账').pageLayout!);
      await expect(c.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    expect(x.sheet('台账')!.page.orientation).toBe('Landscape');
  });

  it('is absent where the library or Excel lacks it (missingApis)', () => {
    const { ctx } = seeded({ missingApis: ['pageLayout'] });
    expect(ctx.workbook.worksheets.getItem('台账').pageLayout).toBeUndefined();
  });
});
