/**
 * One contract, every host: each .xlsx host (the surgical host on the file's bytes, and the ExcelJS host) and
 * the Office.js host on the strict fake, seeded from the same workbook, must read the same grids, write the
 * same marks, summary sheets and memory, undo to the originals, and undo each other's runs.
 */
import ExcelJS from 'exceljs';
import { buildDemoWorkbook } from '../../src/cli/demo-workbook';
import { clearRun, runCheck, type EngineFn, type RunOptions } from '../../src/host/run';
import { MEMORY_SHEET } from '../../src/host/memory';
import { nationalStandard } from '../../src/standard';
import { XlsxHost } from '../../src/xlsx/host';
import { openXlsx } from '../../src/xlsx/surgical';
import { saveWorkbook, loadWorkbook } from '../../src/xlsx/host';
import { fromExcelJs, exportState, toExcelJs } from './convert';
import { officeKit, surgicalKit, xlsxKit, ledgerFixture, normaliseMemory, readMemoryOf, reload, type Kit } from './kits';
import { snapshot, styledWorkbook, stubEngine } from '../xlsx/fixture';

const std = nationalStandard();
const meta = { workbook: '示例县台账.xlsx', date: new Date('2026-11-29T00:00:00Z') };

interface Fixture {
  name: string;
  make: () => Promise<ExcelJS.Workbook>;
  engine?: EngineFn;
}

const FIXTURES: Fixture[] = [
  { name: 'the demo county (buildDemoWorkbook)', make: () => reload(buildDemoWorkbook()) },
  { name: 'a small ledger with fills, notes, merges, formulas', make: () => reload(ledgerFixture()) },
  { name: 'a styled ledger (theme fills, rich notes, shared formulas; stub engine)', make: () => styledWorkbook(20), engine: stubEngine },
];

/** The 状态 cells (column M, rows 4…) of a 问题清单 sheet's values, by address. */
function statusColumn(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([a]) => /^M(\d+)$/.test(a) && Number(a.slice(1)) >= 4));
}

/** exportState without 问题清单's 状态 cells, and those cells' values in row order. */
function splitStatusState(state: ReturnType<typeof exportState>) {
  const statuses: unknown[] = [];
  const rest = state.map((s) => {
    if (!s.name.startsWith('问题清单')) return s;
    const cells = { ...s.cells };
    const keys = Object.keys(statusColumn(cells)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    for (const k of keys) {
      statuses.push(cells[k].v);
      delete cells[k];
    }
    return { ...s, cells };
  });
  return { rest, statuses };
}

async function run(kit: Kit, opts: RunOptions) {
  const h = kit.host();
  const out = await runCheck(h, std, meta, opts);
  await kit.done(h);
  return out;
}

async function clear(kit: Kit) {
  const h = kit.host();
  const out = await clearRun(h);
  await kit.done(h);
  return out;
}

/** An .xlsx host under test: a kit on a workbook, the workbook as it now is, and a clear of a given file. */
interface FileHost {
  label: string;
  kit(wb: ExcelJS.Workbook): Promise<{ kit: Kit; current: () => Promise<ExcelJS.Workbook> }>;
  clear(wb: ExcelJS.Workbook): Promise<{ res: Awaited<ReturnType<typeof clearRun>>; wb: ExcelJS.Workbook }>;
}

const FILE_HOSTS: FileHost[] = [
  {
    label: 'surgical .xlsx host',
    kit: async (wb) => {
      const k = await surgicalKit(wb);
      return { kit: k, current: async () => loadWorkbook(k.bytes()) };
    },
    clear: async (wb) => {
      const h = openXlsx(new Uint8Array(await saveWorkbook(wb)));
      const res = await clearRun(h);
      return { res, wb: await loadWorkbook(h.save()) };
    },
  },
  {
    label: 'ExcelJS host',
    kit: async (wb) => ({ kit: xlsxKit(wb), current: () => reload(wb) }),
    clear: async (wb) => ({ res: await clearRun(new XlsxHost(wb)), wb }),
  },
];

describe.each(FILE_HOSTS)('$label', (fileHost) => describe.each(FIXTURES)('$name', ({ make, engine }) => {
  const opts: RunOptions = engine ? { engine } : {};
  let wbX: ExcelJS.Workbook;
  let X: Kit;
  let current: () => Promise<ExcelJS.Workbook>;
  let O: Kit;
  let fakeSeed: ReturnType<typeof exportState>;
  let fake: ReturnType<typeof fromExcelJs>;

  beforeEach(async () => {
    wbX = await make();
    ({ kit: X, current } = await fileHost.kit(wbX));
    fake = fromExcelJs(await make(), { notesSupported: true });
    fakeSeed = exportState(fake);
    O = officeKit(fake);
  });

  it('reads the same grids', async () => {
    const names = X.sheets().map((s) => s.name);
    const hx = X.host();
    const ho = O.host();
    expect(await ho.readGrids(names)).toEqual(await hx.readGrids(names));
    expect(await ho.listSheets()).toEqual(await hx.listSheets());
  });

  it('runCheck writes the same marks, summary sheets and memory', async () => {
    const ox = await run(X, opts);
    const oo = await run(O, opts);
    expect(oo.marks).toEqual(ox.marks);
    expect(oo.marked).toBe(ox.marked);
    expect(oo.marked).toBeGreaterThan(0);
    expect(oo.report.sheets).toEqual(ox.report.sheets);
    expect(O.sheets()).toEqual(X.sheets());
    expect(O.sheets().at(-1)).toEqual({ name: MEMORY_SHEET, state: 'veryHidden' });

    // Marks: the same fill and the same note on every marked cell.
    const mx = await readMemoryOf(X);
    const mo = await readMemoryOf(O);
    for (const c of mx.cells) {
      const look = X.look(c.sheet, c.cell);
      expect({ at: `${c.sheet}!${c.cell}`, ...O.look(c.sheet, c.cell) }).toEqual({ at: `${c.sheet}!${c.cell}`, ...look });
      expect(look.fill).toBe(c.style === 'fail' ? 'FFFFC7CE' : 'FFFFEB9C');
    }
    // The same memory (fills compared as what they restore, notes as text; same timestamp by meta).
    expect(normaliseMemory(mo)).toEqual(normaliseMemory(mx));

    // Summary sheets: same cell values; no formula anywhere in them (ledger text stays text).
    for (const name of ox.report.sheets) {
      expect(O.values(name)).toEqual(X.values(name));
      expect(O.formulas(name)).toEqual([]);
    }
    const s = fake.sheet(ox.report.sheets.find((n) => n.startsWith('问题清单'))!)!;
    if (!engine) {
      expect(s.frozenRows).toBe(3);
      expect(s.autoFilter).toMatch(/^A3:[A-Z]+\d+$/);
      const links = [...s.cells.values()].filter((c) => c.hyperlink);
      expect(links.length).toBeGreaterThan(0);
      for (const l of links) expect(l.hyperlink!.documentReference).toMatch(/^.+!\$?[A-Z]+\$?\d+$/);
    }
  });

  it('running twice equals running once, on both (but for the 整改 status a re-run judges against the first)', async () => {
    await run(X, opts);
    await run(O, opts);
    const once = splitStatusState(exportState(fake));
    const mx1 = normaliseMemory(await readMemoryOf(X));
    const statusX1 = X.sheets().some((s) => s.name === '问题清单') ? Object.values(statusColumn(X.values('问题清单'))) : [];
    await run(X, opts);
    await run(O, opts);
    // Everything equal but 问题清单's 状态 column (新发现 → 仍未整改; see test/integration/snapshot.ts splitStatus);
    // the memory too (a same-day re-run replaces that day's 整改 record with an identical one).
    const twice = splitStatusState(exportState(fake));
    expect(twice.rest).toEqual(once.rest);
    expect(twice.statuses).toEqual(once.statuses.map(() => '仍未整改'));
    if (!engine) expect(new Set(once.statuses)).toEqual(new Set(['新发现']));
    const statusX2 = X.sheets().some((s) => s.name === '问题清单') ? Object.values(statusColumn(X.values('问题清单'))) : [];
    expect(statusX2).toEqual(statusX1.map(() => '仍未整改'));
    expect(normaliseMemory(await readMemoryOf(X))).toEqual(mx1);
    expect(normaliseMemory(await readMemoryOf(O))).toEqual(mx1);
  });

  it('clear restores the originals on both', async () => {
    const before = snapshot(await current()).cells;
    await run(X, opts);
    await run(O, opts);
    const cx = await clear(X);
    const co = await clear(O);
    expect(co).toEqual(cx);
    expect(snapshot(await current()).cells).toEqual(before);
    expect(exportState(fake)).toEqual(fakeSeed);
  });

  it('a workbook marked in Excel is cleared by the CLI', async () => {
    await run(O, opts);
    const marked = await reload(toExcelJs(fake));
    const { res, wb } = await fileHost.clear(marked);
    expect(res.cleared).toBe(true);
    expect(res.kept).toBe(0);
    const original = snapshot(await reload(toExcelJs(fromExcelJs(await make())))).cells;
    expect(snapshot(await reload(wb)).cells).toEqual(original);
  });

  it('a workbook marked by the CLI is cleared in Excel', async () => {
    await run(X, opts);
    const inExcel = fromExcelJs(await current(), { notesSupported: true });
    const K = officeKit(inExcel);
    const res = await clear(K);
    expect(res.cleared).toBe(true);
    expect(res.kept).toBe(0);
    expect(exportState(inExcel)).toEqual(exportState(fromExcelJs(await make())));
  });
}));
