/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * One contract, every host: each .xlsx host (the surgical host on the file's bytes, and the ExcelJS host) and
 * the Office.js host, seeded from the same workbook, must read the same grids, write the same marks, summary
 * sheets and memory, undo to the originals, and undo each other's runs. The Office host runs on the strict
 * fake (object level, with notes) against both .xlsx hosts, and on the real office.js the add-in ships,
 * answered at the RichApi request level from the same model (richapi/simulator.ts), against the ExcelJS host. That library has no notes API although Excel answers ExcelApi 1.18 with
 * true: there the host writes no notes (the explanation is in 问题清单), so notes are compared as "left
 * as they were" instead of "the same note as the ExcelJS host".
 */
import ExcelJS from 'exceljs';
import { buildDemoWorkbook } from '../../src/sample/demo';
import { clearRun, runCheck, type EngineFn, type RunOptions } from '../../src/host/run';
import { MEMORY_SHEET, isToolNote, noteText, type RunMemory } from '../../src/host/memory';
import { NOTE_PREFIX } from '../../src/report/marks';
import { NO_NOTE_APPLIED } from '../../src/office/host';
import { nationalStandard } from '../../src/standard';
import { XlsxHost, loadWorkbook, saveWorkbook } from '../../src/xlsx/host';
import { openXlsx } from '../../src/xlsx/surgical';
import { fromExcelJs, exportState, toExcelJs } from './convert';
import { officeKit, simKit, surgicalKit, xlsxKit, ledgerFixture, normaliseMemory, readMemoryOf, reload, type Kit } from './kits';
import { cellKey, parseRef, type FakeExcel } from './fake-excel';
import { loadOfficeLibrary } from './richapi/simulator';
import { sortExcelJs, sortFake, type SortSpec } from './sort';
import { snapshot, styledWorkbook, stubEngine } from '../xlsx/fixture';
import { blankStatusHash } from '../integration/snapshot';

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

/** The 状态 cells (rows 4…) of a 问题清单 sheet's values, by address; the column found by its header in row 3. */
function statusColumn(values: Record<string, unknown>): Record<string, unknown> {
  const text = (c: unknown) => (typeof c === 'object' && c !== null && 'v' in c ? (c as { v: unknown }).v : c);
  const header = Object.entries(values).find(([a, c]) => /^[A-Z]+3$/.test(a) && text(c) === '状态');
  const col = header ? header[0].slice(0, -1) : 'M';
  return Object.fromEntries(Object.entries(values).filter(([a]) => new RegExp(`^${col}(\\d+)$`).test(a) && Number(a.slice(col.length)) >= 4));
}

/** exportState without 问题清单's 状态 cells, and those cells' values in row order. */
function splitStatusState(state: ReturnType<typeof exportState>) {
  const statuses: unknown[] = [];
  const rest = state.map((s) => {
    // The memory's content hash of 问题清单 hashes those words too (test/integration/snapshot.ts splitStatus).
    if (s.name === MEMORY_SHEET) {
      return { ...s, cells: Object.fromEntries(Object.entries(s.cells).map(([a, c]) => [a, typeof c.v === 'string' ? { ...c, v: blankStatusHash(c.v) } : c])) };
    }
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

interface Level {
  level: string;
  notes: boolean;
  kit: (x: FakeExcel) => Kit;
  /** Globals as inside Excel (Office.context.requirements, the library's Excel) while the suite runs. */
  globals?: () => Record<string, unknown>;
}

const LEVELS: Level[] = [
  { level: 'the strict fake (object level, notes)', notes: true, kit: (x) => officeKit(x) },
  {
    level: 'the real office.js 1.1.110 (RichApi simulator; Excel answers every requirement set with true)',
    notes: false,
    kit: (x) => simKit(x),
    globals: () => ({ Office: { context: { requirements: { isSetSupported: () => true } } }, Excel: loadOfficeLibrary().Excel }),
  },
];

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

/** An .xlsx host against an Office host level (the simulator runs against the ExcelJS host only: it is slow). */
const PAIRS = [
  { fileHost: FILE_HOSTS[1], ...LEVELS[0] },
  { fileHost: FILE_HOSTS[1], ...LEVELS[1] },
  { fileHost: FILE_HOSTS[0], ...LEVELS[0] },
].map((p) => ({ ...p, name: `${p.fileHost.label} × Office host on ${p.level}` }));

/** A memory with the content hash of 问题清单 blanked: it hashes the 状态 words a re-run changes. */
const withoutListHash = <M extends { sheets: RunMemory['sheets'] }>(m: M): M => ({
  ...m,
  sheets: m.sheets.map((s) => (s.base === '问题清单' ? { ...s, hash: '--------' } : s)),
});

/** What the ExcelJS host's memory is once notes are out of the picture (no note read, none written). */
const withoutNotes = (m: RunMemory): RunMemory => ({ ...m, cells: m.cells.map((c) => ({ ...c, note: null, applied: NO_NOTE_APPLIED })) });

describe.each(PAIRS)('$name', ({ fileHost, notes, kit, globals }) => {
  const g = globalThis as unknown as Record<string, unknown>;
  const saved: Record<string, unknown> = {};
  beforeAll(() => {
    for (const [k, v] of Object.entries(globals?.() ?? {})) {
      saved[k] = g[k];
      g[k] = v;
    }
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) g[k] = v;
  });
  const memoryOf = (m: RunMemory) => normaliseMemory(notes ? m : withoutNotes(m));

describe.each(FIXTURES)('$name', ({ make, engine }) => {
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
    fake = fromExcelJs(await make(), { notesSupported: notes });
    fakeSeed = exportState(fake);
    O = kit(fake);
    expect(O.notes).toBe(notes);
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
      // Without notes: the same fill, and the cell's own note left as it was.
      const want = notes ? look : { fill: look.fill, note: c.note === null ? null : noteText(c.note) };
      expect({ at: `${c.sheet}!${c.cell}`, ...O.look(c.sheet, c.cell) }).toEqual({ at: `${c.sheet}!${c.cell}`, ...want });
      expect(look.fill).toBe(c.style === 'fail' ? 'FFFFC7CE' : 'FFFFEB9C');
    }
    // The same memory (fills compared as what they restore, notes as text; same timestamp by meta).
    expect(normaliseMemory(mo)).toEqual(memoryOf(mx));

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
    expect(withoutListHash(normaliseMemory(await readMemoryOf(X)))).toEqual(withoutListHash(mx1));
    expect(withoutListHash(normaliseMemory(await readMemoryOf(O)))).toEqual(withoutListHash(notes ? mx1 : memoryOf(await readMemoryOf(X))));
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
    // Without notes, a cell's own note is still there: the CLI keeps it as "changed since" (it is the original).
    const ownNotes = notes ? 0 : (await readMemoryOf(O)).cells.filter((c) => fake.sheet(c.sheet)!.notes.has(cellKey(parseRef(c.cell).top, parseRef(c.cell).left))).length;
    const marked = await reload(toExcelJs(fake));
    const { res, wb } = await fileHost.clear(marked);
    expect(res.cleared).toBe(true);
    expect(res.kept).toBe(ownNotes);
    const original = snapshot(await reload(toExcelJs(fromExcelJs(await make())))).cells;
    expect(snapshot(await reload(wb)).cells).toEqual(original);
  });

  it('a workbook marked by the CLI is cleared in Excel', async () => {
    await run(X, opts);
    const inExcel = fromExcelJs(await current(), { notesSupported: notes });
    const K = kit(inExcel);
    const marks = (await readMemoryOf(X)).cells;
    const res = await clear(K);
    expect(res.cleared).toBe(true);
    const original = exportState(fromExcelJs(await make()));
    if (notes) {
      expect(res.kept).toBe(0);
      expect(exportState(inExcel)).toEqual(original);
    } else {
      // No notes API: every fill restored; the CLI's notes cannot be touched and are kept (counted).
      expect(res.restored).toBe(marks.length);
      expect(res.kept).toBe(marks.length);
      const noteless = (st: typeof original) =>
        st.map((sh) => ({
          ...sh,
          cells: Object.fromEntries(
            Object.entries(sh.cells)
              .map(([a, c]) => [a, marks.some((m) => m.sheet === sh.name && m.cell === a) ? { ...c, note: undefined } : c] as const)
              .map(([a, c]) => [a, JSON.parse(JSON.stringify(c)) as typeof c] as const)
              .filter(([, c]) => Object.keys(c).length > 0),
          ),
        }));
      expect(noteless(exportState(inExcel))).toEqual(noteless(original));
    }
  });
});
});

// ---------------------------------------------------------------------------------------------------------
// The user's edits after a check: a sort, their own 问题清单, a tampered memory. On every host with notes (a mark
// is recognised by its note; the shipped office.js has no notes API, so there a sort cannot be followed).

/** The rows each fixture's sort moves (reversed: every row but the middle one changes place). */
const SORTS: Record<string, SortSpec> = {
  [FIXTURES[0].name]: { sheet: '教师台账', first: 3, last: 1241 },
  [FIXTURES[1].name]: { sheet: '学校台账', first: 3, last: 7 },
  [FIXTURES[2].name]: { sheet: '学校台账', first: 3, last: 22 },
};

const NOTE_PAIRS = PAIRS.filter((p) => p.notes);

/** A file-host kit on a copy of a workbook, and that copy as it now is. */
async function fileKit(fileHost: FileHost, wb: ExcelJS.Workbook) {
  return fileHost.kit(await reload(wb));
}

/** The memory's cells, sorted, fills as what they restore and notes as text. */
const cellsOf = (m: RunMemory) => normaliseMemory(m).cells.sort((a, b) => (a.sheet + a.cell < b.sheet + b.cell ? -1 : a.sheet + a.cell > b.sheet + b.cell ? 1 : 0));

describe.each(NOTE_PAIRS)('$name: the user sorts after a check', ({ fileHost, kit }) => {
  describe.each(FIXTURES)('$name', ({ name, make, engine }) => {
    const opts: RunOptions = engine ? { engine } : {};
    const spec = SORTS[name];

    it('clear puts every original fill and note back where the rows went, and leaves no mark (file host)', async () => {
      const { kit: X, current } = await fileKit(fileHost, await make());
      const ran = await run(X, opts);
      const checked = await current();
      sortExcelJs(checked, spec);
      const { res, wb } = await fileHost.clear(await reload(checked));
      const want = await make();
      sortExcelJs(want, spec);
      expect(res.kept).toBe(0);
      expect(res.restored).toBe(ran.marked);
      expect(res.message).toMatch(/随排序等操作移动了位置/);
      expect(snapshot(await reload(wb)).cells).toEqual(snapshot(await reload(want)).cells);
    });

    it('clear puts every original fill and note back where the rows went, and leaves no mark (Office host)', async () => {
      const fake = fromExcelJs(await make(), { notesSupported: true });
      const O = kit(fake);
      const ran = await run(O, opts);
      sortFake(fake, spec);
      const res = await clear(O);
      const want = fromExcelJs(await make(), { notesSupported: true });
      sortFake(want, spec);
      expect(res.moved).toBeGreaterThan(0);
      expect(res.unlocated).toBeUndefined();
      expect(res.kept).toBe(0);
      expect(res.restored).toBe(ran.marked);
      expect(exportState(fake)).toEqual(exportState(want));
    });

    it('a re-check after a sort records the true originals (no stacked notes) on both', async () => {
      // File host: check, sort, check again — equal to checking the sorted original.
      const { kit: X, current } = await fileKit(fileHost, await make());
      await run(X, opts);
      const sorted = await current();
      sortExcelJs(sorted, spec);
      const { kit: X2 } = await fileKit(fileHost, sorted);
      await run(X2, opts);
      const fresh = await make();
      sortExcelJs(fresh, spec);
      const { kit: XF } = await fileKit(fileHost, fresh);
      await run(XF, opts);
      const m2 = await readMemoryOf(X2);
      expect(cellsOf(m2)).toEqual(cellsOf(await readMemoryOf(XF)));
      for (const c of m2.cells) {
        expect(isToolNote(c.note)).toBe(false);
        expect({ at: c.cell, ...X2.look(c.sheet, c.cell) }).toEqual({ at: c.cell, ...XF.look(c.sheet, c.cell) });
        expect((X2.look(c.sheet, c.cell).note ?? '').split('—— 原批注 ——').length).toBeLessThanOrEqual(2);
      }
      // Office host: the same.
      const fake = fromExcelJs(await make(), { notesSupported: true });
      const O = kit(fake);
      await run(O, opts);
      sortFake(fake, spec);
      await run(O, opts);
      const wantFake = fromExcelJs(await make(), { notesSupported: true });
      sortFake(wantFake, spec);
      const OF = kit(wantFake);
      await run(OF, opts);
      const mo = await readMemoryOf(O);
      expect(cellsOf(mo)).toEqual(cellsOf(await readMemoryOf(OF)));
      for (const c of mo.cells) expect({ at: c.cell, ...O.look(c.sheet, c.cell) }).toEqual({ at: c.cell, ...OF.look(c.sheet, c.cell) });
    });
  });
});

/** Rewrites the JSON record of a memory sheet's cells (A2, with D1 its length). */
function tamperRows(get: (a: string) => unknown, set: (a: string, v: string | number) => void, edit: (j: Record<string, any>) => void): void {
  const j = JSON.parse(String(get('A2'))) as Record<string, any>;
  edit(j);
  const text = JSON.stringify(j);
  set('A2', text);
  set('D1', text.length);
}

function tamperWorkbook(wb: ExcelJS.Workbook, edit: (j: Record<string, any>) => void): void {
  const ws = wb.getWorksheet(MEMORY_SHEET)!;
  tamperRows((a) => ws.getCell(a).value, (a, v) => void (ws.getCell(a).value = v), edit);
}

function tamperFake(x: FakeExcel, edit: (j: Record<string, any>) => void): void {
  const s = x.sheet(MEMORY_SHEET)!;
  const at = (a: string) => parseRef(a);
  tamperRows((a) => x.cell(s, at(a).top, at(a).left)?.value, (a, v) => void (x.cell(s, at(a).top, at(a).left, true).value = v), edit);
}

const TAMPERS: { what: string; edit: (j: Record<string, any>) => void; reason: RegExp }[] = [
  { what: 'an address outside the grid', edit: (j) => (j.marks[0].cells[0][0] = 'XFE1048577'), reason: /单元格地址/ },
  { what: 'a sheet name Excel refuses', edit: (j) => (j.marks[0].sheet = '学校[台账]'), reason: /工作表名/ },
  { what: 'an added sheet that is a ledger', edit: (j) => (j.sheets[0].name = '学校台账'), reason: /台账/ },
];

describe.each(NOTE_PAIRS)('$name: a user\'s own sheets and a tampered memory (the small ledger)', ({ fileHost, kit }) => {
  const make = () => reload(ledgerFixture());

  it('the user\'s own 问题清单 survives a re-check (which writes 问题清单（自查）) and a clear, on both', async () => {
    const { kit: X, current } = await fileKit(fileHost, await make());
    await run(X, {});
    const wb = await current();
    const at = wb.worksheets.findIndex((w) => w.name === '问题清单');
    wb.removeWorksheet(wb.getWorksheet('问题清单')!.id);
    const own = wb.addWorksheet('问题清单');
    own.getCell('A1').value = '我自己的问题清单';
    own.getCell('B3').value = '操场待扩建';
    expect(at).toBeGreaterThan(0);
    const { kit: X2, current: current2 } = await fileKit(fileHost, wb);
    const again = await run(X2, {});
    expect(again.notices.join('')).toMatch(/「问题清单」的内容已不是本工具写入的，已保留/);
    expect(again.report.sheets).toContain('问题清单（自查）');
    const mine = (w: ExcelJS.Workbook) => [w.getWorksheet('问题清单')?.getCell('A1').value, w.getWorksheet('问题清单')?.getCell('B3').value];
    expect(mine(await current2())).toEqual(['我自己的问题清单', '操场待扩建']);
    const cleared = await clear(X2);
    expect(cleared.removedSheets).toContain('问题清单（自查）');
    expect(cleared.removedSheets).not.toContain('问题清单');
    const after = await current2();
    expect(mine(after)).toEqual(['我自己的问题清单', '操场待扩建']);
    expect(after.worksheets.map((w) => w.name)).toEqual([...(await make()).worksheets.map((w) => w.name), '问题清单']);

    // Office host: the same, and clear right after the replacement says so.
    const fake = fromExcelJs(await make(), { notesSupported: true });
    const O = kit(fake);
    await run(O, {});
    fake.sheets.splice(fake.sheets.findIndex((s) => s.name === '问题清单'), 1);
    const s = fake.addSheet('问题清单');
    fake.cell(s, 1, 1, true).value = '我自己的问题清单';
    const rerun = await run(O, {});
    expect(rerun.report.sheets).toContain('问题清单（自查）');
    const res = await clear(O);
    expect(res.removedSheets).not.toContain('问题清单');
    expect(fake.cell(fake.sheet('问题清单')!, 1, 1)?.value).toBe('我自己的问题清单');
    expect(fake.sheets.map((x) => x.name)).toEqual([...fromExcelJs(await make()).sheets.map((x) => x.name), '问题清单']);
  });

  it('a tool sheet the user edited is kept by clear, with a Chinese sentence (a hash that no longer matches)', async () => {
    const { kit: X, current } = await fileKit(fileHost, await make());
    await run(X, {});
    const wb = await current();
    wb.getWorksheet('资源配置达标情况')!.getCell('A2').value = '我改过的副标题';
    const { kit: X2, current: current2 } = await fileKit(fileHost, wb);
    const res = await clear(X2);
    expect(res.message).toMatch(/「资源配置达标情况」的内容已不是本工具写入的，已保留/);
    expect((await current2()).getWorksheet('资源配置达标情况')?.getCell('A2').value).toBe('我改过的副标题');

    const fake = fromExcelJs(await make(), { notesSupported: true });
    const O = kit(fake);
    await run(O, {});
    tamperFake(fake, (j) => (j.sheets.find((x: { base: string }) => x.base === '校际差异系数').hash = '00000000'));
    const r = await clear(O);
    expect(r.message).toMatch(/「校际差异系数」的内容已不是本工具写入的，已保留/);
    expect(r.keptSheets?.map((k) => k.name)).toEqual(['校际差异系数']);
    expect(fake.sheet('校际差异系数')).toBeDefined();
    expect(r.removedSheets).toContain('问题清单');
  });

  it('a re-check after the memory was lost records no tool note as a cell\'s own (no stacked notes), on both', async () => {
    const once = (note: string | null) => (note ?? '').split(NOTE_PREFIX).length - 1;
    const { kit: X, current } = await fileKit(fileHost, await make());
    await run(X, {});
    const wb = await current();
    wb.removeWorksheet(wb.getWorksheet(MEMORY_SHEET)!.id);
    const { kit: X2 } = await fileKit(fileHost, wb);
    await run(X2, {});
    const mx = await readMemoryOf(X2);
    expect(mx.cells.length).toBeGreaterThan(0);
    for (const c of mx.cells) {
      expect(isToolNote(c.note)).toBe(false);
      expect({ at: c.cell, n: once(X2.look(c.sheet, c.cell).note) }).toEqual({ at: c.cell, n: 1 });
    }
    // The user's own note (A2) is quoted once, as after a first check.
    expect(mx.cells.find((c) => c.cell === 'A2')?.note).toBe('原批注：表头按 2022 年口径');

    const fake = fromExcelJs(await make(), { notesSupported: true });
    const O = kit(fake);
    await run(O, {});
    fake.sheets.splice(fake.sheets.findIndex((x) => x.name === MEMORY_SHEET), 1);
    await run(O, {});
    const mo = await readMemoryOf(O);
    for (const c of mo.cells) expect({ at: c.cell, n: once(O.look(c.sheet, c.cell).note), own: isToolNote(c.note) }).toEqual({ at: c.cell, n: 1, own: false });
    expect(mo.cells.find((c) => c.cell === 'A2')?.note).toBe('原批注：表头按 2022 年口径');
  });

  it('a mark whose note the user copied onto another cell is not guessed: left as it is and reported, on both', async () => {
    const spec = SORTS[FIXTURES[1].name];
    const { kit: X, current } = await fileKit(fileHost, await make());
    await run(X, {});
    const wb = await current();
    sortExcelJs(wb, spec); // H4 ↔ H6
    const ws = wb.getWorksheet('学校台账')!;
    ws.getCell('H7').note = ws.getCell('H6').note; // the user copies the moved H4 mark's note
    const { kit: X2 } = await fileKit(fileHost, wb);
    const res = await clear(X2);
    expect(res.unlocated).toEqual([{ sheet: '学校台账', cell: 'H4' }]);
    expect(res.message).toMatch(/无法确定哪个是本工具写的，未做改动/);
    expect(X2.look('学校台账', 'H6').note).toMatch(/^均衡自查：/);
    expect(X2.look('学校台账', 'H7').note).toMatch(/^均衡自查：/);
    expect(X2.look('学校台账', 'H4').note).toBe('李四:\n已核实'); // H6's mark, moved to H4, restored

    const fake = fromExcelJs(await make(), { notesSupported: true });
    const O = kit(fake);
    await run(O, {});
    sortFake(fake, spec);
    const s = fake.sheet('学校台账')!;
    s.notes.set(cellKey(7, 8), s.notes.get(cellKey(6, 8))!);
    const r = await clear(O);
    expect(r.unlocated).toEqual([{ sheet: '学校台账', cell: 'H4' }]);
    expect(O.look('学校台账', 'H4').note).toBe('李四:\n已核实');
    expect(O.look('学校台账', 'H6').note).toMatch(/^均衡自查：/);
  });

  it('a user sheet named _JUNHENG does not clash with the memory sheet, on both', async () => {
    const base = await make();
    base.addWorksheet('_JUNHENG').getCell('A1').value = '用户自己的表';
    const { kit: X, current } = await fileKit(fileHost, base);
    await run(X, {});
    expect(X.sheets().filter((s) => s.state === 'veryHidden').map((s) => s.name)).toEqual(['_junheng_2']);
    const res = await clear(X);
    expect(res.cleared).toBe(true);
    expect((await current()).getWorksheet('_JUNHENG')?.getCell('A1').value).toBe('用户自己的表');

    const fake = fromExcelJs(base, { notesSupported: true });
    const O = kit(fake);
    await run(O, {});
    expect(O.sheets().filter((s) => s.state === 'veryHidden').map((s) => s.name)).toEqual(['_junheng_2']);
    const again = await run(O, {});
    expect(again.undone).not.toBeNull();
    expect((await clear(O)).cleared).toBe(true);
    expect(fake.cell(fake.sheet('_JUNHENG')!, 1, 1)?.value).toBe('用户自己的表');
    expect(exportState(fake)).toEqual(exportState(fromExcelJs(base, { notesSupported: true })));
  });

  it.each(TAMPERS)('a memory with $what: clear and re-check refuse in Chinese and change nothing, on both', async ({ edit, reason }) => {
    const { kit: X, current } = await fileKit(fileHost, await make());
    await run(X, {});
    const wb = await current();
    tamperWorkbook(wb, edit);
    const { kit: X2, current: current2 } = await fileKit(fileHost, wb);
    const before = snapshot(await current2());
    await expect(clear(X2)).rejects.toThrow(reason);
    await expect(run(X2, {})).rejects.toMatchObject({ code: 'memory-damaged', message: expect.stringMatching(/^本工具的运行记录/) });
    expect(snapshot(await current2())).toEqual(before);

    const fake = fromExcelJs(await make(), { notesSupported: true });
    const O = kit(fake);
    await run(O, {});
    tamperFake(fake, edit);
    const seed = exportState(fake);
    await expect(clear(O)).rejects.toThrow(reason);
    await expect(run(O, {})).rejects.toMatchObject({ code: 'memory-damaged' });
    expect(exportState(fake)).toEqual(seed);
  });
});
