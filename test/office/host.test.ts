import ExcelJS from 'exceljs';
import { clearRun, runCheck, type EngineFn } from '../../src/host/run';
import { checkWorkbook } from '../../src/report/engine';
import { NATIONAL_SHEETS } from '../../src/report/national';
import { MEMORY_SHEET } from '../../src/host/memory';
import { officeErrorMessage, OfficeHostError } from '../../src/office/errors';
import { NO_NOTE_APPLIED, OfficeHost, runInExcel } from '../../src/office/host';
import { nationalStandard } from '../../src/standard';
import { XlsxHost } from '../../src/xlsx/host';
import { snapshot } from '../xlsx/fixture';
import { exportState, fromExcelJs, toExcelJs } from './convert';
import { cellKey, type FakeExcel } from './fake-excel';
import { ledgerFixture, officeKit, readMemoryOf, reload } from './kits';
import { buildDemoWorkbook } from '../../src/sample/demo';

const std = nationalStandard();
const meta = { workbook: 'a.xlsx', date: new Date('2026-11-29T00:00:00Z') };

const hostOn = (x: FakeExcel, opts: { notesSupported?: boolean; budgetBytes?: number } = {}) =>
  new OfficeHost(x.context() as unknown as Excel.RequestContext, { notesSupported: x.notesSupported, ...opts });

async function check(x: FakeExcel, opts: { budgetBytes?: number; engine?: EngineFn } = {}) {
  const h = hostOn(x, { budgetBytes: opts.budgetBytes });
  const out = await runCheck(h, std, meta, opts.engine ? { engine: opts.engine } : {});
  await h.flush();
  return out;
}

async function clear(x: FakeExcel) {
  const h = hostOn(x);
  const out = await clearRun(h);
  await h.flush();
  return out;
}

describe('summary sheets', () => {
  it('write ledger text as text: number format "@" before the values, so "=…" never becomes a formula', async () => {
    const x = fromExcelJs(await reload(ledgerFixture()), { notesSupported: true });
    const h = hostOn(x);
    await h.listSheets();
    await h.writeSheets([
      {
        name: '测试',
        model: {
          name: '测试',
          title: '=标题',
          subtitle: '副标题',
          columns: [{ header: '=学校', width: 20 }, { header: '数', width: 8 }],
          rows: [[{ value: '=HYPERLINK("http://x","y")', link: { sheet: '学校台账', cell: 'A5' } }, { value: '001' }], [{ value: 3.5, style: 'number', numFmt: '0.00' }, null as never]],
          autoFilter: true,
        },
      },
    ]);
    await h.flush();
    const s = x.sheet('测试')!;
    const at = (r: number, c: number) => x.cell(s, r, c)!;
    expect([...s.cells.values()].filter((c) => c.formula)).toEqual([]);
    expect(at(1, 1)).toEqual(expect.objectContaining({ value: '=标题', numberFormat: '@' }));
    expect(at(3, 1).value).toBe('=学校');
    expect(at(4, 1)).toEqual(expect.objectContaining({ value: '=HYPERLINK("http://x","y")', hyperlink: { documentReference: '学校台账!A5', textToDisplay: '=HYPERLINK("http://x","y")' } }));
    expect(at(4, 2).value).toBe('001');
    expect(at(5, 1)).toEqual(expect.objectContaining({ value: 3.5, numberFormat: '0.00' }));
    expect(s.frozenRows).toBe(3);
    expect(s.autoFilter).toBe('A3:B5');
    expect(s.merges.map((m) => [m.top, m.left, m.bottom, m.right])).toEqual([[1, 1, 1, 2], [2, 1, 2, 2]]);
    expect(s.columnWidths.get(1)).toBeGreaterThan(s.columnWidths.get(2)!);
    // The ledger's formula-looking school name reached the summary sheets of a real run as text too.
    const y = fromExcelJs(await reload(ledgerFixture()), { notesSupported: true });
    const out = await check(y);
    const texts = out.report.sheets.flatMap((n) => [...y.sheet(n)!.cells.values()]).filter((c) => typeof c.value === 'string' && c.value.startsWith('='));
    expect(texts.length).toBeGreaterThan(0);
    for (const c of texts) expect(c.numberFormat).toBe('@');
  });
});

describe('marks', () => {
  it('restores "No Fill" with fill.clear() and white as white', async () => {
    const x = fromExcelJs(await reload(ledgerFixture()), { notesSupported: true });
    const s = x.sheet('学校台账')!;
    expect(x.cell(s, 4, 8)!.fill).toEqual(expect.objectContaining({ color: '#FFFFFF', pattern: 'Solid' }));
    const before = exportState(x);
    const out = await check(x);
    expect(out.marks.map((m) => m.cell)).toEqual(expect.arrayContaining(['H4', 'H6']));
    expect(x.cell(s, 4, 8)!.fill!.color).toBe('#FFC7CE');
    x.resetCounters();
    await clear(x);
    expect(x.opCounts.get('fill.clear')).toBeGreaterThan(0);
    expect(x.cell(s, 4, 8)!.fill).toEqual(expect.objectContaining({ color: '#FFFFFF', pattern: 'Solid' }));
    expect(exportState(x)).toEqual(before);
    // On the demo, marked cells had no fill and have none again (not white).
    const d = fromExcelJs(await reload(buildDemoWorkbook()), { notesSupported: true });
    const marked = (await check(d)).marks;
    await clear(d);
    for (const m of marked) {
      const r = /^([A-Z]+)(\d+)$/.exec(m.cell)!;
      const col = [...r[1]].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
      expect(d.cell(d.sheet(m.sheet)!, Number(r[2]), col)?.fill).toBeUndefined();
    }
  });

  it('keeps a mark the user changed since the run', async () => {
    const x = fromExcelJs(await reload(ledgerFixture()), { notesSupported: true });
    await check(x);
    const s = x.sheet('学校台账')!;
    x.cell(s, 4, 8)!.fill = { color: '#00FF00', pattern: 'Solid' };
    s.notes.set(cellKey(6, 8), '用户改过的批注');
    const res = await clear(x);
    expect(res.kept).toBe(2);
    expect(x.cell(s, 4, 8)!.fill!.color).toBe('#00FF00');
    expect(s.notes.get(cellKey(6, 8))).toBe('用户改过的批注');
  });
});

describe('without the notes API (ExcelApi < 1.18)', () => {
  it('writes no note, records that none was written, and leaves the explanation to 问题清单', async () => {
    const x = fromExcelJs(await reload(ledgerFixture()), { notesSupported: false });
    const before = exportState(x);
    const notesBefore = new Map(x.sheet('学校台账')!.notes);
    const out = await check(x);
    expect(x.sheet('学校台账')!.notes).toEqual(notesBefore);
    const mem = await readMemoryOf(officeKit(x));
    expect(mem.cells.length).toBe(out.marked);
    for (const c of mem.cells) expect([c.applied, c.note]).toEqual([NO_NOTE_APPLIED, null]);
    const list = x.sheet('问题清单')!;
    const texts = [...list.cells.values()].map((c) => String(c.value));
    for (const f of out.report.findings) expect(texts).toContain(f.message);
    // Cleared in Excel: exactly the original workbook.
    await clear(x);
    expect(exportState(x)).toEqual(before);
  });

  it('such a run is cleared by the CLI too (the user\'s own notes stay)', async () => {
    const x = fromExcelJs(await reload(ledgerFixture()), { notesSupported: false });
    const original = snapshot(await reload(toExcelJs(fromExcelJs(await reload(ledgerFixture()))))).cells;
    await check(x);
    const wb = await reload(toExcelJs(x));
    const res = await clearRun(new XlsxHost(wb));
    expect(res.cleared).toBe(true);
    expect(snapshot(await reload(wb)).cells).toEqual(original);
  });
});

describe('refusals and errors', () => {
  it('refuses to mark a protected sheet, in Chinese, before changing anything (also when a previous run is undone)', async () => {
    const x = fromExcelJs(await reload(buildDemoWorkbook()), { notesSupported: true, protectedSheets: ['学校基本情况台账'] });
    const before = exportState(x);
    const e = await check(x).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(OfficeHostError);
    expect(officeErrorMessage(e)).toMatch(/^工作表「学校基本情况台账」已保护，无法标记，请先撤销工作表保护/);
    expect(exportState(x)).toEqual(before);

    x.sheet('学校基本情况台账')!.protected = false;
    await check(x);
    const marked = exportState(x);
    x.sheet('学校基本情况台账')!.protected = true;
    await expect(check(x)).rejects.toBeInstanceOf(OfficeHostError);
    await expect(clear(x)).rejects.toBeInstanceOf(OfficeHostError);
    expect(exportState(x)).toEqual(marked);
  });

  it('runInExcel runs in Excel.run with delayForCellEdit and sends the queued writes', async () => {
    const x = fromExcelJs(await reload(buildDemoWorkbook()), { notesSupported: true });
    const uninstall = x.install();
    try {
      const out = await runInExcel((host) => runCheck(host, std, meta), { notesSupported: true });
      expect(out.marked).toBeGreaterThan(0);
    } finally {
      uninstall();
    }
    expect(x.runOptions).toEqual([{ delayForCellEdit: true }]);
    expect(x.sheet(MEMORY_SHEET)?.visibility).toBe('VeryHidden');
  });
});

describe('large requests', () => {
  it('split by rows under the budget, with the same result', async () => {
    const a = fromExcelJs(await reload(buildDemoWorkbook()), { notesSupported: true });
    const b = fromExcelJs(await reload(buildDemoWorkbook()), { notesSupported: true });
    await check(a);
    const budget = 100_000;
    await check(b, { budgetBytes: budget });
    expect(exportState(b)).toEqual(exportState(a));
    expect(b.syncCount).toBeGreaterThan(a.syncCount);
    // Estimates are approximate: each request stays within a small factor of the budget.
    expect(Math.max(...b.requestBytes)).toBeLessThan(budget * 2);
  });

  it('reads again in smaller slices when Excel refuses a request as too large', async () => {
    const a = fromExcelJs(await reload(buildDemoWorkbook()), { notesSupported: true });
    // The demo's values and numeric formats are ≈ 215 kB in one request; its writes without the national tables
    // ≈ 181 kB (with them well over 200 kB: a write request over the limit is not what this test is about).
    const b = fromExcelJs(await reload(buildDemoWorkbook()), { notesSupported: true, payloadLimit: 200_000 });
    const engine: EngineFn = (...args) => {
      const out = checkWorkbook(...args);
      return { ...out, sheets: out.sheets.filter((m) => !(NATIONAL_SHEETS as readonly string[]).includes(m.name)) };
    };
    await check(a, { engine });
    const out = await check(b, { engine }); // the host's budget (4.5 MB) is far over this Excel's limit
    expect(out.marked).toBeGreaterThan(0);
    expect(exportState(b)).toEqual(exportState(a));
    expect(Math.max(...b.requestBytes)).toBeGreaterThan(200_000); // the refused request
  });
});

describe('drop-down lists', () => {
  it('puts one list validation on the whole data column of a model that asks for it', async () => {
    const x = fromExcelJs(await reload(ledgerFixture()), { notesSupported: true });
    const h = hostOn(x);
    await h.writeSheets([
      {
        name: '核查清单',
        model: {
          name: '核查清单', title: 't', subtitle: 's', autoFilter: false,
          columns: [{ header: '项目', width: 20 }, { header: '状态', width: 8 }],
          rows: [[{ value: 'a' }, { value: '待核实' }], [{ value: 'b' }, { value: '待核实' }]],
          validations: [{ column: 2, list: ['达标', '未达标', '待核实'] }],
        },
      },
    ]);
    await h.flush();
    expect(x.sheet('核查清单')!.validations).toEqual([{ address: 'B4:B5', list: ['达标', '未达标', '待核实'] }]);
  });
});

describe('reading grids', () => {
  it('reads formats of numbers outside the sampled columns and errors from their literals, as the ExcelJS host', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getCell('A1').value = '学校';
    ws.getCell('B1').value = '人数';
    ws.getCell('C1').value = '备注';
    for (let r = 2; r <= 120; r++) {
      ws.getCell(r, 1).value = `学校${r}`;
      ws.getCell(r, 2).value = r;
      ws.getCell(r, 3).value = '无';
    }
    ws.getCell('B5').numFmt = '0.0%';
    // Past the 60 sampled rows, in a column of text: a date, a plain number, a percentage.
    ws.getCell('C90').value = 45000;
    ws.getCell('C90').numFmt = 'yyyy-mm-dd';
    ws.getCell('C100').value = 12;
    ws.getCell('C110').value = 0.5;
    ws.getCell('C110').numFmt = '0%';
    ws.getCell('A100').numFmt = '@'; // a format on text: not in either grid
    ws.getCell('B30').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    ws.getCell('A30').value = '#N/A'; // text that reads as an error literal: an error in both grids
    const wbX = await reload(wb);
    const x = fromExcelJs(await reload(wb), { notesSupported: true });
    const [gx] = await new XlsxHost(wbX).readGrids(['台账']);
    const h = hostOn(x);
    await h.listSheets();
    x.resetCounters();
    const [go] = await h.readGrids(['台账']);
    expect(go).toEqual(gx);
    expect(go.values[89][2]).toBeInstanceOf(Date);
    expect(go.formats![109][2]).toBe('0%');
    expect(go.formats![99][0]).toBeNull();
    expect(go.values[29].slice(0, 2)).toEqual([{ error: '#N/A' }, { error: '#DIV/0!' }]);
    // Dimensions, values (with column B's formats), then the formats of column C's numbers.
    expect(x.syncCount).toBe(3);
  });
});
