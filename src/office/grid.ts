/**
 * Pure parts of the Office.js host's reading: what a sample of a sheet's first rows says about the size of
 * its values read, and the grid the engine gets from the values and number formats read (the same grid as
 * the ExcelJS host's src/xlsx/read.ts, by the shared rules of src/host/grid-rules.ts).
 */
import type { CellValue, MergeRange, SheetGrid } from '../ledger/grid';
import { denseGrid, isErrorLiteral, keptFormat } from '../host/grid-rules';
import { jsonBytes } from './session';

/**
 * Estimated response bytes per cell of a `values` read and of a `numberFormat` read when the sample tells
 * nothing (an empty sample; no number in it). Text-heavy sheets cost more: a read Excel refuses as too large
 * is retried in smaller slices (readGrids).
 */
const VALUE_CELL_BYTES = 20;
const FORMAT_CELL_BYTES = 24;

/** Margin on the bytes per cell measured on the sample (later rows run longer than the first ones). */
const READ_MARGIN = 1.15;

/** Rows sampled per sheet (with the dimensions) to estimate a values read. */
export const SAMPLE_ROWS = 60;

/** Columns apart that one numberFormat read still bridges (reads a few text cells to save proxies). */
const FORMAT_COL_GAP = 1;

/** What the sample of a sheet's first rows tells. */
export interface SampleFacts {
  /** Estimated response bytes per cell of a `values` read, measured on a sample of the sheet's rows. */
  valueBytes: number;
  /** Estimated response bytes per cell of a `numberFormat` read. */
  formatBytes: number;
  /** Column runs (0-based offsets in the used range, inclusive) where the sample holds numbers. */
  numberCols: { from: number; to: number }[];
}

/** What the sample of a sheet's first rows tells: bytes per cell of values and formats, numeric columns. */
export function analyseSample(values: unknown[][], formats: unknown[][], rows: number): SampleFacts {
  const vals = values.slice(0, Math.max(0, rows));
  const cells = vals.reduce((n, r) => n + r.length, 0);
  const valueBytes = cells ? Math.max(4, Math.ceil((jsonBytes(vals) / cells) * READ_MARGIN)) : VALUE_CELL_BYTES;
  const numeric = new Set<number>();
  const fmts: unknown[] = [];
  vals.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== 'number') return;
      numeric.add(c);
      fmts.push(formats[r]?.[c]);
    }),
  );
  const formatBytes = fmts.length ? Math.max(4, Math.ceil((jsonBytes(fmts) / fmts.length) * READ_MARGIN)) : FORMAT_CELL_BYTES;
  const numberCols: SampleFacts['numberCols'] = [];
  for (const c of [...numeric].sort((a, b) => a - b)) {
    const last = numberCols[numberCols.length - 1];
    if (last && c - last.to <= FORMAT_COL_GAP + 1) last.to = c;
    else numberCols.push({ from: c, to: c });
  }
  return { valueBytes, formatBytes, numberCols };
}

/** Excel serial (1900 system) → Date, as ExcelJS reads it. */
function serialToDate(v: number): Date {
  return new Date(Math.round((v - 25569) * 24 * 3600 * 1000));
}

/** ExcelJS's test for a date format (utils.isDateFmt). */
function isDateFmt(fmt: string | null | undefined): boolean {
  if (!fmt || fmt === 'General') return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/**
 * One cell as the engine sees it (mirrors src/xlsx/read.ts cellValueOf). Office.js returns an error value
 * as its literal ("#DIV/0!"): recognised from the value alone, as the ExcelJS host does (grid-rules.ts).
 */
function cellValue(v: unknown, fmt: string | undefined): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { error: '#NUM!' };
    return isDateFmt(fmt) ? serialToDate(v) : v;
  }
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return isErrorLiteral(v) ? { error: v } : v;
  return String(v);
}

/** The engine's grid from the values and formats read (from the used range's top-left cell): the one densifier. */
export function toGrid(name: string, row0: number, col0: number, vals: unknown[][], fmts: (string | undefined)[][], merges: MergeRange[]): SheetGrid {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  const rowVals: (CellValue[] | undefined)[] = [];
  const rowFmts: ((string | null)[] | undefined)[] = [];
  for (let r = 0; r < vals.length; r++) {
    const src = vals[r];
    let out: CellValue[] | undefined;
    let fo: (string | null)[] | undefined;
    for (let c = 0; c < src.length; c++) {
      const nf = fmts[r]?.[c];
      const v = cellValue(src[c], nf);
      if (v === null) continue;
      if (!out) {
        out = [];
        fo = [];
      }
      out[c] = v;
      fo![c] = keptFormat(v, nf);
      if (c < left) left = c;
      if (c > right) right = c;
    }
    if (out) {
      rowVals[r] = out;
      rowFmts[r] = fo;
      if (r < top) top = r;
      bottom = r;
    }
  }
  return denseGrid(name, { top, bottom, left, right }, rowVals, rowFmts, merges, { row: row0, col: col0 });
}
