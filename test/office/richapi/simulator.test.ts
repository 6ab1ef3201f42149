/**
 * The Office host on the real client library (office.js 1.1.110 as shipped), answered at the RichApi
 * request level from the strict fake's model: what the library lacks fails as in Excel, errors and sizes
 * are the library's own, batches are as non-atomic as Excel's.
 */
import { buildDemoWorkbook } from '../../../src/sample/demo';
import { decodeMemory, MEMORY_SHEET, noteHash } from '../../../src/host/memory';
import { clearRun, runCheck } from '../../../src/host/run';
import { officeErrorMessage } from '../../../src/office/errors';
import { NO_NOTE_APPLIED, OfficeHost, PAYLOAD_LIMIT, REQUEST_BUDGET } from '../../../src/office/host';
import { nationalStandard } from '../../../src/standard';
import { exportState, fromExcelJs } from '../convert';
import { ledgerFixture, reload, scaledDemo } from '../kits';
import { loadOfficeLibrary, RichApiExcel } from './simulator';

const std = nationalStandard();
const meta = { workbook: 'a.xlsx', date: new Date('2026-11-29T00:00:00Z') };

const g = globalThis as unknown as Record<string, unknown>;
let saved: Record<string, unknown>;
beforeEach(() => {
  saved = { Office: g.Office, Excel: g.Excel };
  // Inside current Excel: the requirement sets all answer true, and the global Excel is the loaded library.
  g.Office = { context: { requirements: { isSetSupported: () => true } } };
  g.Excel = loadOfficeLibrary().Excel;
});
afterEach(() => {
  g.Office = saved.Office;
  g.Excel = saved.Excel;
});

async function onSim(sim: RichApiExcel, fn: (h: OfficeHost) => Promise<unknown>, opts: { budgetBytes?: number } = {}) {
  const h = new OfficeHost(sim.context(), opts);
  const out = await fn(h);
  await h.flush();
  return out;
}

describe('the shipped library', () => {
  it('is the npm office.js without notes: no NoteCollection, no Workbook.notes', () => {
    const { Excel } = loadOfficeLibrary();
    expect(typeof Excel.RequestContext).toBe('function');
    expect('NoteCollection' in Excel).toBe(false);
    expect('notes' in Excel.Workbook.prototype).toBe(false);
    expect(typeof Excel.Range.prototype.getMergedAreasOrNullObject).toBe('function');
    expect('protection' in Excel.Workbook.prototype).toBe(true);
  });

  it('the debug build answers the same', async () => {
    const x = fromExcelJs(await reload(ledgerFixture()), { payloadLimit: Infinity });
    const sim = new RichApiExcel(x, { file: 'excel-web-16.00.debug.js' });
    const sheets = (await onSim(sim, (h) => h.listSheets())) as { name: string }[];
    expect(sheets.map((s) => s.name)).toEqual(['学校台账', '说明', '选项']);
  });
});

describe('notes: Excel says ExcelApi 1.18, the library has no notes', () => {
  it('a check with the default detection runs, marks the cells and writes no note (fails on the host that asked the set alone)', async () => {
    const x = fromExcelJs(await reload(ledgerFixture()), { payloadLimit: Infinity });
    const seed = exportState(x);
    const sim = new RichApiExcel(x);
    const out = (await onSim(sim, (h) => runCheck(h, std, meta))) as Awaited<ReturnType<typeof runCheck>>;
    expect(out.marked).toBe(3);
    const s = x.sheet('学校台账')!;
    expect(x.cell(s, 4, 8)?.fill?.color).toBe('#FFC7CE');
    // Notes exactly as they were; the memory says none was written.
    expect(exportState(x).find((sh) => sh.name === '学校台账')!.cells.A2.note).toBe(seed[0].cells.A2.note);
    const h = new OfficeHost(sim.context());
    expect(h.notesSupported).toBe(false);
    const mem = decodeMemory((await h.readMemory())!);
    expect(mem.status).toBe('ok');
    if (mem.status === 'ok') for (const c of mem.memory.cells) expect(c.applied).toBe(NO_NOTE_APPLIED);
    expect(NO_NOTE_APPLIED).toBe(noteHash(''));
    await onSim(sim, (hh) => clearRun(hh));
    expect(exportState(x)).toEqual(seed);
    expect(sim.problems).toEqual([]);
  });
});

describe('errors are the library\u2019s own', () => {
  it('a write refused by Excel comes back as OfficeExtension.Error with the code, and reads as one Chinese sentence', async () => {
    const x = fromExcelJs(await reload(ledgerFixture()), { payloadLimit: Infinity });
    x.sheet('学校台账')!.protected = true;
    const sim = new RichApiExcel(x);
    const ctx = sim.context();
    ctx.workbook.worksheets.getItem('学校台账').getRange('A1').values = [['x']];
    const e = await ctx.sync().catch((err: unknown) => err);
    expect(e).toBeInstanceOf(sim.lib.OfficeExtension.Error);
    expect((e as OfficeExtension.Error).code).toBe('AccessDenied');
    expect((e as OfficeExtension.Error).debugInfo.errorLocation).toBe('Range.values');
    expect(officeErrorMessage(e)).toMatch(/工作表已保护，无法标记/);
  });

  it('reading a property that was not loaded throws the library\u2019s PropertyNotLoaded', async () => {
    const x = fromExcelJs(await reload(ledgerFixture()), { payloadLimit: Infinity });
    const sim = new RichApiExcel(x);
    const ctx = sim.context();
    const r = ctx.workbook.worksheets.getItem('学校台账').getRange('A1');
    r.load('values');
    await ctx.sync();
    expect(r.values).toEqual([['某县小学办学条件统计表']]);
    expect(() => r.numberFormat).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('an answer over Excel\u2019s limit (the library\u2019s own bytes) is refused, and the host reads again in smaller requests', async () => {
    const a = fromExcelJs(await reload(buildDemoWorkbook()), { payloadLimit: Infinity });
    const b = fromExcelJs(await reload(buildDemoWorkbook()), { payloadLimit: Infinity });
    const names = a.sheets.map((s) => s.name);
    const simA = new RichApiExcel(a);
    const simB = new RichApiExcel(b, { payloadLimit: 150_000 });
    const ga = await onSim(simA, (h) => h.readGrids(names));
    const gb = await onSim(simB, (h) => h.readGrids(names));
    expect(simB.requests.some((r) => r.error === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(simB.requests.filter((r) => !r.error).every((r) => r.responseBytes <= 150_000 && r.requestBytes <= 150_000)).toBe(true);
    expect(gb).toEqual(ga);
    expect(simB.problems).toEqual([]);
  });
});

describe('round trips and sizes, counted on the library\u2019s requests', () => {
  it('check, re-check, clear of the demo county: 5, 6, 5 syncs, every request and answer < 5 MB', async () => {
    const x = fromExcelJs(await reload(buildDemoWorkbook()), { payloadLimit: Infinity });
    const sim = new RichApiExcel(x);
    const counts: number[] = [];
    for (const step of ['check', 'check', 'clear'] as const) {
      sim.resetCounters();
      const h = new OfficeHost(sim.context());
      if (step === 'check') await runCheck(h, std, meta);
      else await clearRun(h);
      await h.flush();
      expect(h.syncs).toBe(sim.syncCount);
      counts.push(sim.syncCount);
      expect(sim.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
      expect(sim.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
      expect(sim.requests.every((r) => !r.error)).toBe(true);
    }
    expect(counts).toEqual([5, 6, 5]);
    expect(sim.problems).toEqual([]);
  });

  it('a county 20× the demo: the same 5 syncs, and every request and answer < 5 MB in the library\u2019s own bytes', async () => {
    const x = fromExcelJs(await scaledDemo(20), { payloadLimit: Infinity });
    const sim = new RichApiExcel(x);
    await onSim(sim, (h) => runCheck(h, std, meta));
    expect(sim.syncCount).toBe(5);
    expect(sim.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(sim.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(sim.problems).toEqual([]);
  });

  // The host sizes each request by its own estimate against REQUEST_BUDGET (the 5 MB limit less 10 %). The
  // estimate must hold in the library's own bytes whatever the budget: scaled down here so the demo county
  // fills many requests, every request and answer stays within budget × PAYLOAD_LIMIT / REQUEST_BUDGET.
  it.each([40_000, 80_000, 160_000])('with a budget of %i bytes, every request and answer of check, re-check and clear stays within it (the library\u2019s bytes)', async (budget) => {
    const x = fromExcelJs(await reload(buildDemoWorkbook()), { payloadLimit: Infinity });
    const sim = new RichApiExcel(x);
    const limit = (budget * PAYLOAD_LIMIT) / REQUEST_BUDGET;
    for (const step of ['check', 'check', 'clear'] as const) {
      sim.resetCounters();
      const h = new OfficeHost(sim.context(), { budgetBytes: budget });
      if (step === 'check') await runCheck(h, std, meta);
      else await clearRun(h);
      await h.flush();
      expect({ step, request: sim.maxRequestBytes <= limit, answer: sim.maxResponseBytes <= limit }).toEqual({ step, request: true, answer: true });
    }
    expect(sim.problems).toEqual([]);
  });

  it('writes split over several requests by a small budget reuse the library\u2019s objects across syncs, same workbook', async () => {
    const a = fromExcelJs(await reload(buildDemoWorkbook()), { payloadLimit: Infinity });
    const b = fromExcelJs(await reload(buildDemoWorkbook()), { payloadLimit: Infinity });
    await onSim(new RichApiExcel(a), (h) => runCheck(h, std, meta));
    const simB = new RichApiExcel(b);
    await onSim(simB, (h) => runCheck(h, std, meta), { budgetBytes: 60_000 });
    expect(simB.syncCount).toBeGreaterThan(8);
    expect(exportState(b)).toEqual(exportState(a));
    expect(simB.problems).toEqual([]);
  });
});

describe('non-atomic batches at the request level', () => {
  it('a final batch failing at a summary sheet: the library reports it, the memory was written first, clear restores', async () => {
    const x = fromExcelJs(await reload(ledgerFixture()), { payloadLimit: Infinity });
    const seed = exportState(x);
    const sim = new RichApiExcel(x);
    x.failAt = { what: 'worksheets.add', nth: 2 };
    const e = await onSim(sim, (h) => runCheck(h, std, meta)).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(sim.lib.OfficeExtension.Error);
    expect(x.sheet(MEMORY_SHEET)?.visibility).toBe('VeryHidden');
    await onSim(sim, (h) => clearRun(h));
    expect(exportState(x)).toEqual(seed);
  });

  it('workbook structure protection is read through the library and refused before any write', async () => {
    const x = fromExcelJs(await reload(ledgerFixture()), { payloadLimit: Infinity });
    x.structureProtected = true;
    const seed = exportState(x);
    const sim = new RichApiExcel(x);
    const e = await onSim(sim, (h) => runCheck(h, std, meta)).catch((err: unknown) => err);
    expect(officeErrorMessage(e)).toMatch(/^工作簿结构已保护/);
    expect(exportState(x)).toEqual(seed);
  });
});
