/**
 * The engine: checkWorkbook on prebuilt grids (detect ledgers → read rows → indicators → 差异系数 →
 * findings → summary sheet models → JSON report) against the floor, a loop that only touches every cell
 * of the same grids and folds it into a checksum (so the loop cannot be optimised away).
 */
import type { SheetGrid } from '../src/ledger/grid';
import { checkWorkbook } from '../src/report/engine';
import type { Standard } from '../src/standard/schema';
import { alternate, median, nowMs, round } from './stats';

export interface EngineFigures {
  scale: number;
  cells: number;
  ms: number;
  cellsPerSec: number;
  bareScanMs: number;
  ratioToBareScan: number;
  /** Not in the brief's schema but useful: what the check found. */
  marks: number;
  findings: number;
  /** The same check with a 学校自评表 for every school (`--school-forms`, the pane's switch); median ms. */
  withFormsMs: number;
  forms: number;
}

export function countCells(grids: SheetGrid[]): number {
  let n = 0;
  for (const g of grids) for (const row of g.values) n += row.length;
  return n;
}

/** Sink for checksums, read at the end so V8 must compute them. */
export let checksumSink = 0;

/** The floor: touch every cell once, folding its type and a little of its value into a checksum. */
export function bareScan(grids: SheetGrid[]): number {
  let h = 0;
  for (let gi = 0; gi < grids.length; gi++) {
    const values = grids[gi].values;
    for (let r = 0; r < values.length; r++) {
      const row = values[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === 'number') h = (h * 31 + (v | 0)) | 0;
        else if (typeof v === 'string') h = (h * 31 + v.length + v.charCodeAt(0)) | 0;
        else if (v !== null) h = (h * 31 + 7) | 0;
      }
    }
  }
  return h;
}

export async function benchEngine(
  scale: number,
  grids: SheetGrid[],
  std: Standard,
  runs: number,
): Promise<EngineFigures> {
  const meta = { workbook: `county-x${scale}.xlsx`, date: new Date(Date.UTC(2022, 8, 1)) };
  let out = checkWorkbook(grids, std, meta);
  // Warm-up until V8 has optimised both sides (at least 12 runs and 2 s). No forced GC between runs:
  // a gc() just before a run slowed the run that followed (sweeping competes with it), and the garbage
  // the engine makes is part of its cost.
  const warmUntil = nowMs() + 2000;
  for (let i = 0; i < 12 || nowMs() < warmUntil; i++) {
    out = checkWorkbook(grids, std, meta);
    checksumSink ^= bareScan(grids);
  }
  const t = await alternate(
    runs,
    () => {
      const t0 = nowMs();
      out = checkWorkbook(grids, std, meta);
      return nowMs() - t0;
    },
    () => {
      const t0 = nowMs();
      checksumSink ^= bareScan(grids);
      return nowMs() - t0;
    },
  );
  const forms: number[] = [];
  let formSheets = 0;
  for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
    const t0 = nowMs();
    formSheets = checkWorkbook(grids, std, meta, { schoolForms: 'all' }).sheets.length - out.sheets.length;
    forms.push(nowMs() - t0);
  }
  const cells = countCells(grids);
  const ms = median(t.a);
  const bare = median(t.b);
  return {
    scale,
    cells,
    ms: round(ms, 2),
    cellsPerSec: Math.round((cells / ms) * 1000),
    bareScanMs: round(bare, 3),
    ratioToBareScan: round(ms / bare, 1),
    marks: out.marks.length,
    findings: out.report.findings.length,
    withFormsMs: round(median(forms), 2),
    forms: formSheets,
  };
}
