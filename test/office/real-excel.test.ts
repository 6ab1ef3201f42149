/**
 * What real Excel does that an optimistic host breaks on (issue 11), on the strict fake: the notes API
 * missing from the loaded library, getMergedAreasOrNullObject missing or refusing more than 512 areas,
 * merged areas reported as top-left cells, non-atomic batches, workbook structure protection, gradients
 * that cannot be written back, "No Fill" read back with a null pattern, a very hidden sheet that cannot be
 * deleted as such. The same host runs on the real office.js in richapi/simulator.test.ts.
 */
import ExcelJS from 'exceljs';
import { buildDemoWorkbook } from '../../src/sample/demo';
import { decodeMemory, MEMORY_SHEET } from '../../src/host/memory';
import { clearRun, runCheck } from '../../src/host/run';
import { MSG_PROTECTED_WORKBOOK, officeErrorMessage, OfficeHostError } from '../../src/office/errors';
import { libraryHasNotes, notesSupportedHere, OfficeHost } from '../../src/office/host';
import { nationalStandard } from '../../src/standard';
import { XlsxHost } from '../../src/xlsx/host';
import { exportState, fromExcelJs } from './convert';
import { cellKey, MERGED_AREAS_LIMIT, RichApiError, type FakeExcel, type FakeExcelOptions } from './fake-excel';
import { ledgerFixture, reload } from './kits';

const std = nationalStandard();
const meta = { workbook: 'a.xlsx', date: new Date('2026-11-29T00:00:00Z') };

const hostOn = (x: FakeExcel) => new OfficeHost(x.context() as unknown as Excel.RequestContext, { notesSupported: x.notesSupported });

async function check(x: FakeExcel) {
  const h = hostOn(x);
  const out = await runCheck(h, std, meta);
  await h.flush();
  return out;
}

async function clear(x: FakeExcel) {
  const h = hostOn(x);
  const out = await clearRun(h);
  await h.flush();
  return out;
}

const ledger = async (opts: FakeExcelOptions = {}) => fromExcelJs(await reload(ledgerFixture()), { notesSupported: true, ...opts });

describe('optional APIs are detected by their presence in the loaded library, never by the requirement set alone', () => {
  const g = globalThis as unknown as { Office?: unknown; Excel?: unknown };
  let saved: { Office?: unknown; Excel?: unknown };
  beforeEach(() => {
    saved = { Office: g.Office, Excel: g.Excel };
    // Excel answers 1.18 (and every set) with true, as current Excel does.
    g.Office = { context: { requirements: { isSetSupported: () => true } } };
  });
  afterEach(() => {
    g.Office = saved.Office;
    g.Excel = saved.Excel;
  });

  it('no notes with a library that has no NoteCollection (the npm office.js 1.1.110), whatever the set says', () => {
    g.Excel = { Workbook: class {}, Worksheet: class {} };
    expect(libraryHasNotes()).toBe(false);
    expect(notesSupportedHere()).toBe(false);
  });

  it('notes with a library that has them and the set', () => {
    class NoteCollection {}
    class Workbook {
      get notes() {
        return new NoteCollection();
      }
    }
    class Worksheet {
      get notes() {
        return new NoteCollection();
      }
    }
    g.Excel = { NoteCollection, Workbook, Worksheet };
    expect(notesSupportedHere()).toBe(true);
    g.Office = { context: { requirements: { isSetSupported: () => false } } };
    expect(notesSupportedHere()).toBe(false);
  });

  it('a host told notes are supported on a context without them writes none, and the marks (fills) still happen', async () => {
    const x = await ledger({ notesSupported: false });
    const h = new OfficeHost(x.context() as unknown as Excel.RequestContext, { notesSupported: true });
    expect(h.notesSupported).toBe(false);
    const out = await runCheck(h, std, meta);
    await h.flush();
    expect(out.marked).toBeGreaterThan(0);
    const s = x.sheet('学校台账')!;
    expect(x.cell(s, 4, 8)?.fill?.color).toBe('#FFC7CE');
  });

  it('without getMergedAreasOrNullObject (ExcelApi < 1.13): no merges read, the run goes on, and the host says so', async () => {
    const x = await ledger({ missingApis: ['getMergedAreasOrNullObject'] });
    const h = hostOn(x);
    const grids = await h.readGrids(['学校台账']);
    expect(grids[0].merges).toEqual([]);
    expect(h.mergesUnavailable).toBe(true);
    const y = await ledger();
    const hy = hostOn(y);
    expect((await hy.readGrids(['学校台账']))[0].merges.length).toBeGreaterThan(0);
    expect(hy.mergesUnavailable).toBe(false);
    expect((await check(x)).marked).toBeGreaterThan(0);
  });
});

/** A roster of `blocks` schools, each school name merged over its two rows (the 班级台账 shape). */
function roster(blocks: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('班级名册');
  ws.addRow(['学校名称', '年级', '班级', '学生数']);
  for (let i = 0; i < blocks; i++) {
    const r = 2 + i * 2;
    ws.getCell(`A${r}`).value = `第${i + 1}小学`;
    ws.getCell(`B${r}`).value = '一年级';
    ws.getCell(`C${r}`).value = '1班';
    ws.getCell(`D${r}`).value = 40;
    ws.getCell(`B${r + 1}`).value = '二年级';
    ws.getCell(`C${r + 1}`).value = '1班';
    ws.getCell(`D${r + 1}`).value = 41;
    ws.mergeCells(`A${r}:A${r + 1}`);
  }
  return wb;
}

describe('merged areas', () => {
  it(`a roster with more than ${MERGED_AREAS_LIMIT} merged school names reads every merge (in row slices), as the ExcelJS host does`, async () => {
    const wb = await reload(roster(700));
    const expected = (await new XlsxHost(wb).readGrids(['班级名册']))[0];
    expect(expected.merges.length).toBe(700);
    const x = fromExcelJs(await reload(roster(700)), { notesSupported: true });
    const h = hostOn(x);
    const got = (await h.readGrids(['班级名册']))[0];
    expect(x.mergeLimitFailures).toBeGreaterThan(0); // the whole-sheet read was refused, as Excel does
    expect(got.merges).toEqual([...expected.merges].sort((a, b) => a.top - b.top || a.left - b.left));
    expect(got.values).toEqual(expected.values);
  });

  it('a small sheet: one merge read with the dimensions, no retry', async () => {
    const x = fromExcelJs(await reload(roster(20)), { notesSupported: true });
    const h = hostOn(x);
    await h.listSheets();
    const before = x.syncCount;
    const got = (await h.readGrids(['班级名册']))[0];
    expect(got.merges.length).toBe(20);
    expect(x.mergeLimitFailures).toBe(0);
    expect(x.syncCount - before).toBe(2); // dimensions (with merges), then values
  });

  it.each(['topLeftCells', 'topLeftInRange'] as const)('read as reported in issues #1590/#3611 (%s): the same merges', async (mergeReading) => {
    const a = await ledger();
    const b = await ledger({ mergeReading });
    const ga = await hostOn(a).readGrids(['学校台账']);
    const gb = await hostOn(b).readGrids(['学校台账']);
    expect(ga[0].merges.length).toBeGreaterThan(0);
    expect(gb).toEqual(ga);
  });
});

describe('batches are not atomic: a failure at any point leaves nothing 清除标记 cannot undo', () => {
  it.each([
    ['the first summary sheet', 2],
    ['a later summary sheet', 4],
  ])('a run whose batch fails at %s: the memory describes every mark applied, and clear restores the original', async (_label, nth) => {
    const x = await ledger();
    const seed = exportState(x);
    // worksheets.add #1 is the memory sheet; #2… the summary sheets.
    x.failAt = { what: 'worksheets.add', nth };
    await expect(check(x)).rejects.toBeInstanceOf(RichApiError);
    expect(x.failAt).toBeNull(); // the failure did happen
    const memory = x.sheet(MEMORY_SHEET);
    expect(memory?.visibility).toBe('VeryHidden');
    const res = await clear(x);
    expect(res.cleared).toBe(true);
    expect(exportState(x)).toEqual(seed);
  });

  it('a re-run whose batch fails half-way is cleared back to the original too', async () => {
    const x = await ledger();
    const seed = exportState(x);
    await check(x);
    x.failAt = { what: 'worksheets.add', nth: 3 };
    await expect(check(x)).rejects.toBeInstanceOf(RichApiError);
    await clear(x);
    expect(exportState(x)).toEqual(seed);
  });
});

describe('workbook structure protection (审阅 → 保护工作簿)', () => {
  it('refuses a check in Chinese before anything is written (first run and re-run), and 清除标记 too', async () => {
    const x = await ledger();
    x.structureProtected = true;
    const before = exportState(x);
    const e = await check(x).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(OfficeHostError);
    expect((e as OfficeHostError).code).toBe('protected-workbook');
    expect(officeErrorMessage(e)).toBe(MSG_PROTECTED_WORKBOOK);
    expect(exportState(x)).toEqual(before);

    x.structureProtected = false;
    await check(x);
    const marked = exportState(x);
    x.structureProtected = true;
    await expect(check(x)).rejects.toBeInstanceOf(OfficeHostError);
    await expect(clear(x)).rejects.toBeInstanceOf(OfficeHostError);
    expect(exportState(x)).toEqual(marked);
    x.structureProtected = false;
    await clear(x);
    expect(exportState(x)).toEqual(before);
  });
});

describe('fills Excel reports or writes otherwise', () => {
  it('a gradient fill under a mark: 清除标记 never fails part-way, leaves that cell alone and says which', async () => {
    const x = await ledger();
    const s = x.sheet('学校台账')!;
    x.cell(s, 4, 8, true).fill = { color: '#4472C4', pattern: 'LinearGradient', tintAndShade: 0 };
    const seed = exportState(x);
    await check(x);
    expect(x.cell(s, 4, 8)?.fill?.pattern).toBe('Solid');
    const res = await clear(x);
    expect(res.notRestored).toEqual([{ sheet: '学校台账', cell: 'H4', reason: expect.stringMatching(/渐变填充/) }]);
    expect(res.message).toMatch(/「学校台账」H4）原为渐变填充/);
    expect(res.kept).toBe(1);
    // Everything else is back; the memory is gone.
    const after = exportState(x);
    const without = (st: ReturnType<typeof exportState>) =>
      st.map((sh) => ({ ...sh, cells: Object.fromEntries(Object.entries(sh.cells).filter(([a]) => !(sh.name === '学校台账' && a === 'H4'))) }));
    expect(without(after)).toEqual(without(seed));
    expect(x.sheet(MEMORY_SHEET)).toBeUndefined();
  });

  it.each(['documented', 'patternNull'] as const)('No Fill read back %s: 清除标记 removes every mark and restores every original', async (fillReading) => {
    const x = await ledger({ fillReading });
    const seed = exportState(x);
    await check(x);
    const res = await clear(x);
    expect(res.kept).toBe(0);
    expect(exportState(x)).toEqual(seed);
  });
});

describe('a protected-sheet write however Excel words it', () => {
  it.each(['AccessDenied', 'InvalidOperation'])('refused before writing (answered %s)', async (protectedWriteCode) => {
    const x = fromExcelJs(await reload(buildDemoWorkbook()), { notesSupported: true, protectedSheets: ['学校基本情况台账'], protectedWriteCode });
    const before = exportState(x);
    await expect(check(x)).rejects.toBeInstanceOf(OfficeHostError);
    expect(exportState(x)).toEqual(before);
    expect(officeErrorMessage(new RichApiError(protectedWriteCode, 'The sheet is protected.'))).toMatch(/已保护/);
  });
});

describe('very hidden sheets', () => {
  it('the fake refuses to delete one; the host shows it first in the same batch, so re-runs and clears work', async () => {
    const x = await ledger();
    await check(x);
    const ctx = x.context();
    ctx.workbook.worksheets.getItem(MEMORY_SHEET).delete();
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(x.sheet(MEMORY_SHEET)).toBeDefined();
    await check(x); // replaces the memory sheet
    const rows = await hostOn(x).readMemory();
    expect(decodeMemory(rows!).status).toBe('ok');
    await clear(x);
    expect(x.sheet(MEMORY_SHEET)).toBeUndefined();
    expect(x.sheet('学校台账')!.notes.get(cellKey(4, 8))).toBeUndefined();
  });
});
