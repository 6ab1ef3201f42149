/**
 * The Office.js host writes every summary sheet and national table with its form parts (header block and its
 * merges, code row, data merges, notes, signature line, row heights, frozen rows) and its page setup
 * (worksheet.pageLayout, ExcelApi 1.9: A4, orientation, fit to one page wide, the 总表 one page, centred,
 * margins, print titles, the page footer): on the strict fake, and on the real office.js through the RichApi
 * simulator. An Excel without ExcelApi 1.9 gets the sheets without a page setup, and the check still runs.
 */
import { buildDemoWorkbook } from '../../src/sample/demo';
import { clearRun, runCheck } from '../../src/host/run';
import { OfficeHost } from '../../src/office/host';
import { sheetLayout } from '../../src/report/layout';
import type { SheetModel } from '../../src/report/model';
import { PRINT_MARGINS } from '../../src/report/print';
import { OVERVIEW_SHEET, SUMMARY_SHEETS } from '../../src/report/sheets';
import { nationalStandard } from '../../src/standard';
import { exportState, fromExcelJs } from './convert';
import type { FakeExcel } from './fake-excel';
import { reload } from './kits';
import { loadOfficeLibrary, RichApiExcel } from './richapi/simulator';

const std = nationalStandard();
const meta = { workbook: '示例县台账.xlsx', date: new Date('2026-11-29T00:00:00Z') };

const g = globalThis as unknown as Record<string, unknown>;
let saved: Record<string, unknown>;
let supported = true;
beforeEach(() => {
  saved = { Office: g.Office, Excel: g.Excel };
  supported = true;
  g.Office = { context: { requirements: { isSetSupported: (_s: string, v: string) => supported || Number(v.split('.')[1]) < 9 } } };
});
afterEach(() => {
  g.Office = saved.Office;
  g.Excel = saved.Excel;
});

/** What the model's sheet must look like in the fake's workbook model. */
function expectSheet(x: FakeExcel, m: SheetModel, withPage: boolean): void {
  const s = x.sheet(m.name)!;
  expect(s).toBeDefined();
  const L = sheetLayout(m);
  const p = m.print!;
  for (const r of L.merges) expect(s.merges).toContainEqual(r);
  expect(s.merges).toHaveLength(L.merges.length);
  expect(s.frozenRows).toBe(p.titleRows);
  L.headerHeights.forEach((h, r) => expect(s.rowHeights.get(L.headerTop + r)).toBe(h));
  for (const rh of L.rowHeights) expect(s.rowHeights.get(rh.row)).toBe(rh.height);
  if (m.codeRow) m.codeRow.forEach((t, c) => expect(x.cell(s, L.codeRow!, c + 1)?.value ?? '').toBe(t));
  if (m.headerRows) m.headerRows.forEach((row, r) => row.forEach((t, c) => t && expect(x.cell(s, L.headerTop + r, c + 1)?.value).toBe(t)));
  for (const n of L.notes) {
    expect(x.cell(s, n.row, 1)?.value).toBe(n.text);
    expect(s.rowHeights.get(n.row)).toBe(n.height);
  }
  if (L.signature) for (const c of L.signature.cells) expect(x.cell(s, L.signature.row, c.col)?.value).toBe(c.text);
  if (withPage) {
    expect(s.page).toEqual({
      orientation: p.orientation === 'landscape' ? 'Landscape' : 'Portrait',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: p.onePage ? 1 : 0 },
      centerHorizontally: true,
      margins: Object.fromEntries(Object.entries(PRINT_MARGINS).map(([k, v]) => [k, v * 72])),
      printTitleRows: `$1:$${p.titleRows}`,
      centerFooter: '第 &P 页 共 &N 页',
    });
  } else {
    expect(s.page.paperSize).toBe('Letter');
    expect(s.page.printTitleRows).toBeNull();
  }
}

describe('the Office host on the strict fake', () => {
  it('writes every sheet with its form parts and page setup (ExcelApi 1.9), in 5 syncs, clears back', async () => {
    const x = fromExcelJs(await reload(buildDemoWorkbook()), { notesSupported: true });
    const seed = exportState(x);
    x.resetCounters();
    const h = new OfficeHost(x.context() as unknown as Excel.RequestContext, { notesSupported: true });
    const out = await runCheck(h, std, meta);
    await h.flush();
    expect(x.syncCount).toBe(5);
    expect(out.sheets.map((m) => m.name)).toEqual([...SUMMARY_SHEETS]);
    for (const m of out.sheets) expectSheet(x, m, true);
    expect(x.sheet(OVERVIEW_SHEET)!.page.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
    const c = new OfficeHost(x.context() as unknown as Excel.RequestContext, { notesSupported: true });
    await clearRun(c);
    await c.flush();
    expect(exportState(x)).toEqual(seed);
  }, 120_000);

  it('leaves the page setup out where Excel has no ExcelApi 1.9 (or the library no pageLayout), writing the rest', async () => {
    supported = false;
    const x = fromExcelJs(await reload(buildDemoWorkbook()), { notesSupported: true });
    const h = new OfficeHost(x.context() as unknown as Excel.RequestContext, { notesSupported: true });
    const out = await runCheck(h, std, meta);
    await h.flush();
    for (const m of out.sheets) expectSheet(x, m, false);
    supported = true;
    const y = fromExcelJs(await reload(buildDemoWorkbook()), { notesSupported: true, missingApis: ['pageLayout'] });
    const k = new OfficeHost(y.context() as unknown as Excel.RequestContext, { notesSupported: true });
    const again = await runCheck(k, std, meta);
    await k.flush();
    for (const m of again.sheets) expectSheet(y, m, false);
  }, 120_000);
});

describe('the Office host on the real office.js (RichApi simulator)', () => {
  it('writes the same sheets and page setup through the library\u2019s own requests, each within the budget', async () => {
    g.Excel = loadOfficeLibrary().Excel;
    const x = fromExcelJs(await reload(buildDemoWorkbook()), { payloadLimit: Infinity });
    const sim = new RichApiExcel(x);
    const h = new OfficeHost(sim.context());
    const out = await runCheck(h, std, meta);
    await h.flush();
    expect(sim.problems).toEqual([]);
    expect(sim.requests.every((r) => !r.error)).toBe(true);
    for (const m of out.sheets) expectSheet(x, m, true);
  }, 120_000);
});
