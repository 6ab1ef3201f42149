/**
 * The dimensions of the sheets a run reads, in the sync before their values: the used range, the area where
 * merged cells are looked for, the protection, the merged areas, and a sample of the first rows that sizes the
 * values read (grid.ts analyseSample).
 *
 * Merged areas: `getMergedAreasOrNullObject` (ExcelApi 1.13) is used only where the library has it (else no
 * merges are read and `mergesUnavailable` says so). It fails over a range of more than 512 merged areas: a
 * refused read of the dimensions is retried without merges, and the merges read in row slices (halved while
 * Excel still refuses) — two more syncs, only for such sheets. A read that lists only the top-left cell of
 * each area (#1590) is read again through `RangeAreas.areas`.
 */
import type { MergeRange } from '../ledger/grid';
import { parseAreas } from './address';
import { analyseSample, SAMPLE_ROWS, type SampleFacts } from './grid';
import { retryable, type OfficeSession } from './session';

export interface Dims extends SampleFacts {
  protected: boolean;
  /** Used range (values only), 0-based indexes; null when the sheet holds no value. */
  used: { row: number; col: number; rows: number; cols: number } | null;
  /** Used range with formats and merges (getUsedRange(false)), 0-based; where merged areas are looked for. */
  area: { row: number; col: number; rows: number; cols: number };
  /** Merged areas; null while not read (a read refused over Excel's 512-area limit is redone in slices). */
  merges: MergeRange[] | null;
  /** Merge reads that listed single cells (#1590: only each area's top-left cell), to read again through `areas`. */
  suspect: Excel.RangeAreas[];
}

export interface PendingDims {
  ws: Excel.Worksheet;
  prot: Excel.WorksheetProtection;
  used: Excel.Range;
  full: Excel.Range;
  merged: Excel.RangeAreas | null;
  sample: Excel.Range;
}

/** Cells per merge-read slice to start with when a whole-sheet read was refused (halved while refused). */
const MERGE_SLICE_CELLS = 2048;
/** A slice of at most this many cells holds at most 512 merged areas (each has a cell in it): never refused. */
const MERGE_SAFE_CELLS = 512;

/** Merged areas as read (possibly from overlapping slices): duplicates and areas inside others dropped. */
function distinctAreas(list: MergeRange[]): MergeRange[] {
  const seen = new Map<string, MergeRange>();
  for (const m of list) seen.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
  const all = [...seen.values()];
  const inside = (a: MergeRange, b: MergeRange) => a !== b && a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
  return all.filter((a) => !all.some((b) => inside(a, b))).sort((a, b) => a.top - b.top || a.left - b.left);
}

const isCell = (m: MergeRange) => m.top === m.bottom && m.left === m.right;

/** True when the library has getMergedAreasOrNullObject on this range (ExcelApi 1.13); else notes the lack. */
function canReadMerges(ses: OfficeSession, range: Excel.Range): boolean {
  const ok = typeof (range as unknown as { getMergedAreasOrNullObject?: unknown }).getMergedAreasOrNullObject === 'function';
  if (!ok) ses.mergesUnavailable = true;
  return ok;
}

export async function queueDims(ses: OfficeSession, names: string[], withMerges = true): Promise<Map<string, PendingDims>> {
  const out = new Map<string, PendingDims>();
  for (const name of names) {
    if (ses.dims.has(name) || out.has(name)) continue;
    // Accounted before it is queued: a sync this triggers must not carry it beyond the budget.
    await ses.reserve(600 + name.length * 8 + SAMPLE_ROWS * 300);
    const ws = ses.ws(name);
    const prot = ws.protection;
    prot.load('protected');
    const used = ws.getUsedRange(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const full = ws.getUsedRange(false);
    full.load('rowIndex,columnIndex,rowCount,columnCount');
    let merged: Excel.RangeAreas | null = null;
    if (withMerges && canReadMerges(ses, full)) {
      merged = full.getMergedAreasOrNullObject();
      merged.load('address');
    }
    // A sample of the first rows, to size the values read (text-heavy sheets cost more per cell).
    const sample = ws.getUsedRange(true).getRow(0).getResizedRange(SAMPLE_ROWS - 1, 0);
    sample.load('values,numberFormat');
    out.set(name, { ws, prot, used, full, merged, sample });
  }
  return out;
}

export function takeDims(ses: OfficeSession, pending: Map<string, PendingDims>): void {
  for (const [name, p] of pending) {
    ses.dims.set(name, {
      protected: p.prot.protected,
      used: { row: p.used.rowIndex, col: p.used.columnIndex, rows: p.used.rowCount, cols: p.used.columnCount },
      area: { row: p.full.rowIndex, col: p.full.columnIndex, rows: p.full.rowCount, cols: p.full.columnCount },
      merges: ses.mergesUnavailable && !p.merged ? [] : p.merged ? (p.merged.isNullObject ? [] : parseAreas(p.merged.address)) : null,
      suspect: p.merged && !p.merged.isNullObject && parseAreas(p.merged.address).some(isCell) ? [p.merged] : [],
      ...analyseSample(p.sample.values, p.sample.numberFormat, p.used.rowCount),
    });
  }
}

/**
 * Sends a request carrying dimension reads (and nothing but reads). When Excel refuses it and merges were
 * in it (more than 512 merged areas in a sheet fail the whole request), the same reads go again without
 * merges (`again` re-queues the request's other reads); readGrids then reads the merges in slices.
 */
export async function syncDims(ses: OfficeSession, pend: Map<string, PendingDims>, again: () => Promise<void> = async () => undefined): Promise<Map<string, PendingDims>> {
  try {
    await ses.sync();
    return pend;
  } catch (e) {
    if (![...pend.values()].some((p) => p.merged) || !retryable(e)) throw e;
    await again();
    const bare = await queueDims(ses, [...pend.keys()], false);
    await ses.sync();
    return bare;
  }
}

/**
 * Merged areas of the sheets still without them, in row slices of the used range (one request; slices
 * halved while Excel refuses, down to slices of ≤ 512 cells, which cannot hold more than 512 areas); then
 * reads that listed only top-left cells (#1590) again through `RangeAreas.areas`. Costs syncs only for
 * such sheets.
 */
export async function settleMerges(ses: OfficeSession, names: string[]): Promise<void> {
  const todo = names.filter((n) => ses.dims.get(n)?.merges === null);
  if (todo.length) {
    let cells = MERGE_SLICE_CELLS;
    for (;;) {
      const reads: { name: string; areas: Excel.RangeAreas }[] = [];
      let single = true;
      try {
        for (const name of todo) {
          const a = ses.dims.get(name)!.area;
          const step = Math.max(1, Math.floor(cells / Math.max(1, a.cols)));
          if (step > 1) single = false;
          for (let r = 0; r < a.rows; r += step) {
            await ses.reserve(500);
            const range = ses.ws(name).getRangeByIndexes(a.row + r, a.col, Math.min(step, a.rows - r), a.cols);
            const m = range.getMergedAreasOrNullObject();
            m.load('address');
            reads.push({ name, areas: m });
          }
        }
        await ses.sync();
      } catch (e) {
        if (!retryable(e) || cells <= MERGE_SAFE_CELLS || single) throw e;
        cells = Math.floor(cells / 2);
        continue;
      }
      for (const name of todo) {
        const d = ses.dims.get(name)!;
        const mine = reads.filter((x) => x.name === name && !x.areas.isNullObject);
        d.merges = distinctAreas(mine.flatMap((x) => parseAreas(x.areas.address)));
        d.suspect = mine.filter((x) => parseAreas(x.areas.address).some(isCell)).map((x) => x.areas);
      }
      break;
    }
  }
  const suspects = names.filter((n) => (ses.dims.get(n)?.suspect.length ?? 0) > 0);
  if (!suspects.length) return;
  const detail: { name: string; items: Excel.RangeCollection }[] = [];
  for (const name of suspects) {
    for (const a of ses.dims.get(name)!.suspect) {
      const areas = (a as unknown as { areas?: Excel.RangeCollection }).areas;
      if (!areas || typeof areas.load !== 'function') continue;
      await ses.reserve(400);
      areas.load('items/address');
      detail.push({ name, items: areas });
    }
  }
  if (detail.length) await ses.sync();
  for (const name of suspects) {
    const d = ses.dims.get(name)!;
    const more = detail.filter((x) => x.name === name).flatMap((x) => x.items.items.flatMap((r) => parseAreas(r.address)));
    d.merges = distinctAreas([...(d.merges ?? []), ...more]).filter((m) => !isCell(m));
    d.suspect = [];
  }
}
