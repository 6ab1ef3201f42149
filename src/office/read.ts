/**
 * Reading through Office.js: the run memory and the used grids of the ledger sheets, in as few requests as the
 * budget allows. It reads `values` everywhere, but `numberFormat` only over the columns where the sample holds
 * numbers (the engine needs a format only on numbers: src/host/grid-rules.ts), and never `valueTypes` (errors
 * are recognised from the values). A number found outside those columns gets its format read with the next
 * slice of values; only one found in the last slice costs a sync of its own. A request Excel refuses as too
 * large is read again in requests half the size.
 */
import type { SheetGrid } from '../ledger/grid';
import { decodeMemory, findMemorySheet, type MemoryRows } from '../host/memory';
import { blocksOf, type CellPos, type Rect } from './address';
import { queueDims, settleMerges, syncDims, takeDims, type Dims } from './dims';
import { toGrid } from './grid';
import { READ_GAP, type OfficeSession } from './session';
import { queueUndoRead } from './undo';

/** One sheet being read by readGrids: its rows as they arrive (indexes relative to the used range). */
interface SheetRead {
  name: string;
  used: NonNullable<Dims['used']>;
  dims: Dims;
  vals: unknown[][];
  /** Number formats read so far (sparse: undefined where not read). */
  fmts: (string | undefined)[][];
  /** Next row (relative) whose values are still to be queued. */
  next: number;
  /** Blocks of numbers read without their format (absolute, 1-based), to read the formats of. */
  missing: Rect[];
}

/** A read queued by readGrids, handled after the sync that carries it. */
interface GridRead {
  s: SheetRead;
  what: 'values' | 'numberFormat';
  /** Top-left (relative to the used range) of the range read. */
  r: number;
  c: number;
  range: Excel.Range;
}

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'PayloadSizeLimitExceeded']);

export async function readMemory(ses: OfficeSession): Promise<MemoryRows | null> {
  if (!ses.sheets) await ses.listSheets();
  // The memory sheet: `_junheng`, or the `_junheng_N` a user's sheet named `_JUNHENG` made it take (memory.ts).
  const memName = findMemorySheet(ses.sheets!)?.name;
  if (memName === undefined) return null;
  // Sync 2: the memory sheet's size, and (prefetch for readGrids) every other sheet's dimensions.
  if (!ses.memDims) {
    let used = ses.ws(memName).getUsedRange(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    await ses.reserve(300);
    const pend = await queueDims(ses, ses.sheets!.filter((s) => s.state !== 'veryHidden').map((s) => s.name));
    const got = await syncDims(ses, pend, async () => {
      used = ses.ws(memName).getUsedRange(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      await ses.reserve(300);
    });
    takeDims(ses, got);
    // Loaded and synced inside syncDims (the rule cannot see through the call).
    // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
    ses.memDims = { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
  }
  const d = ses.memDims;
  // Sync 3: its values, in row slices under the budget (a chunk row holds ≤ 32 000 characters).
  const slices: { r: number; range: Excel.Range }[] = [];
  const perRow = Math.max(1, d.cols) * 8 + 100_000;
  const step = Math.max(1, Math.floor(ses.budget / perRow));
  for (let r = 0; r < d.rows; r += step) {
    const n = Math.min(step, d.rows - r);
    const range = ses.ws(memName).getRangeByIndexes(d.row + r, d.col, n, d.cols);
    range.load('values');
    await ses.reserve(n * perRow);
    slices.push({ r, range });
  }
  await ses.sync();
  const rows: MemoryRows = [];
  for (let r = 0; r < d.row; r++) rows.push([]);
  for (const s of slices) {
    for (const row of s.range.values as unknown[][]) {
      const out: (string | number | boolean | null)[] = new Array(d.col).fill(null);
      for (const v of row) out.push(v === '' || v === undefined ? null : (v as string | number | boolean | null));
      rows.push(out);
    }
  }
  const decoded = decodeMemory(rows);
  ses.memory = decoded.status === 'ok' ? decoded.memory : null;
  return rows;
}

/**
 * Queues the values of the next rows of `s` that fit in the request being built, with the number formats of
 * the columns where its sample holds numbers. False when not one row fits (the request is full).
 */
async function queueSlice(ses: OfficeSession, s: SheetRead, budget: number, reads: GridRead[]): Promise<boolean> {
  const u = s.used;
  const d = s.dims;
  const fmtCols = d.numberCols.reduce((n, x) => n + x.to - x.from + 1, 0);
  const perRow = u.cols * d.valueBytes + fmtCols * d.formatBytes + 8;
  const fixed = 200 + d.numberCols.length * 200;
  let n = Math.min(u.rows - s.next, Math.floor((budget - ses.pending - fixed) / perRow));
  if (n < 1) {
    if (ses.pending > 0) return false;
    n = 1;
  }
  // Accounted before it is queued: a sync this triggers must not carry it beyond the budget.
  await ses.reserve(n * perRow + fixed);
  const ws = ses.ws(s.name);
  const range = ws.getRangeByIndexes(u.row + s.next, u.col, n, u.cols);
  range.load('values');
  reads.push({ s, what: 'values', r: s.next, c: 0, range });
  for (const x of d.numberCols) {
    const f = ws.getRangeByIndexes(u.row + s.next, u.col + x.from, n, x.to - x.from + 1);
    f.load('numberFormat');
    reads.push({ s, what: 'numberFormat', r: s.next, c: x.from, range: f });
  }
  s.next += n;
  return true;
}

/** Queues the formats of numbers found outside the sampled numeric columns, as far as they fit. False when full. */
async function queueMissingFormats(ses: OfficeSession, s: SheetRead, budget: number, reads: GridRead[]): Promise<boolean> {
  const u = s.used;
  const per = s.dims.formatBytes;
  while (s.missing.length) {
    const b = s.missing[0];
    const cols = b.right - b.left + 1;
    const rows = b.bottom - b.top + 1;
    let n = Math.min(rows, Math.floor((budget - ses.pending - 200) / (cols * per + 4)));
    if (n < 1) {
      if (ses.pending > 0) return false;
      n = 1;
    }
    await ses.reserve(n * (cols * per + 4) + 200);
    const range = ses.ws(s.name).getRangeByIndexes(b.top - 1, b.left - 1, n, cols);
    range.load('numberFormat');
    reads.push({ s, what: 'numberFormat', r: b.top - 1 - u.row, c: b.left - 1 - u.col, range });
    if (n < rows) s.missing[0] = { ...b, top: b.top + n };
    else s.missing.shift();
  }
  return true;
}

/** Stores what a sync brought; notes the numbers read without their format. */
function takeGridReads(ses: OfficeSession, reads: GridRead[]): void {
  for (const x of reads) {
    const s = x.s;
    if (x.what === 'values') {
      (x.range.values as unknown[][]).forEach((row, i) => (s.vals[x.r + i] = row));
    } else {
      (x.range.numberFormat as string[][]).forEach((row, i) => {
        const f = (s.fmts[x.r + i] ??= []);
        row.forEach((v, j) => (f[x.c + j] = v));
      });
    }
  }
  const found = new Map<SheetRead, CellPos[]>();
  for (const x of reads) {
    if (x.what !== 'values') continue;
    const s = x.s;
    const rows = x.range.values as unknown[][];
    for (let i = 0; i < rows.length; i++) {
      const r = x.r + i;
      const row = rows[i];
      for (let c = 0; c < row.length; c++) {
        if (typeof row[c] !== 'number' || s.fmts[r]?.[c] !== undefined) continue;
        let l = found.get(s);
        if (!l) found.set(s, (l = []));
        l.push({ row: s.used.row + r + 1, col: s.used.col + c + 1 });
      }
    }
  }
  for (const [s, cells] of found) s.missing.push(...blocksOf(cells, READ_GAP));
}

/**
 * Reads the used ranges of `names` (dimensions known) in as few requests as the budget allows: each request
 * filled with row slices of values (and the formats of the sampled numeric columns), then the formats of
 * numbers found elsewhere, with the next slices. The undo reads of a check travel with the last values.
 */
async function readSheets(ses: OfficeSession, names: string[], budget: number): Promise<SheetRead[]> {
  const states: SheetRead[] = names.map((name) => {
    const dims = ses.dims.get(name)!;
    return { name, dims, used: dims.used!, vals: [], fmts: [], next: 0, missing: [] };
  });
  for (;;) {
    const reads: GridRead[] = [];
    let room = true;
    for (const s of states) if (room) room = await queueMissingFormats(ses, s, budget, reads);
    for (const s of states) {
      while (room && s.next < s.used.rows) room = await queueSlice(ses, s, budget, reads);
    }
    let undo = false;
    // A check undoes the previous run next: its reads travel with the last values (nothing changes between).
    if (ses.memory && states.every((s) => s.next >= s.used.rows)) {
      ses.undoReadMemory = ses.memory;
      ses.undoRead = await queueUndoRead(ses, ses.memory);
      ses.memory = null;
      undo = true;
    }
    if (!reads.length && !undo) return states;
    await ses.sync();
    takeGridReads(ses, reads);
  }
}

export async function readGrids(ses: OfficeSession, names: string[]): Promise<SheetGrid[]> {
  if (!ses.sheets) await ses.listSheets();
  const wanted = names.filter((n) => ses.has(n));
  const pend = await queueDims(ses, wanted);
  if (pend.size) takeDims(ses, await syncDims(ses, pend));
  await settleMerges(ses, wanted);
  // A request Excel refuses as too large (estimates are estimates) is read again in requests half the
  // size: reads change nothing.
  let states: SheetRead[] = [];
  let budget = ses.budget;
  for (let attempt = 0; ; attempt++) {
    try {
      ses.budgetOverride = budget;
      states = await readSheets(ses, wanted, budget);
      break;
    } catch (e) {
      const code = (e as { code?: unknown })?.code;
      if (attempt >= 8 || typeof code !== 'string' || !PAYLOAD_CODES.has(code)) throw e;
      budget = Math.max(50_000, Math.floor(budget / 2));
      if (ses.undoRead) ses.memory = ses.undoReadMemory;
      ses.undoRead = null;
    } finally {
      ses.budgetOverride = null;
    }
  }
  return states.map((s) => toGrid(s.name, s.used.row, s.used.col, s.vals, s.fmts, s.dims.merges ?? []));
}
