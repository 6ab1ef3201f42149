/**
 * One ExcelJS worksheet → SheetGrid (values only). One pass over the cells ExcelJS holds; untouched by
 * anything else.
 */
import type ExcelJS from 'exceljs';
import type { CellValue, MergeRange, SheetGrid } from '../ledger/grid';
import { denseGrid, isErrorLiteral, keptFormat } from '../host/grid-rules';

/** ExcelJS ValueType numbers (enums.js). */
const T = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
} as const;

/** A formula whose file holds no cached result (written by a program that does not calculate). */
export const NOT_CALCULATED = '#公式未计算';

interface RichTextValue {
  richText: { text: string }[];
}

function richToText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && Array.isArray((v as RichTextValue).richText)) {
    return (v as RichTextValue).richText.map((r) => (r && typeof r.text === 'string' ? r.text : '')).join('');
  }
  if (v == null) return '';
  try {
    return String(v);
  } catch {
    return '';
  }
}

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  // An error literal is that error, as the Office.js host reads it (src/host/grid-rules.ts).
  if (typeof v === 'string') return v === '' ? null : isErrorLiteral(v) ? { error: v } : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: '#VALUE!' } : v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if ('richText' in o) return plain(richToText(o));
    if ('text' in o) return plain(richToText(o.text));
  }
  // Anything else (never seen from ExcelJS, but a reader must not throw): its text, or blank.
  let s: string;
  try {
    s = String(v);
  } catch {
    return null;
  }
  return s === '' ? null : s;
}

interface XCell {
  type: number;
  value: unknown;
  result?: unknown;
  style?: { numFmt?: string };
}

/** The value of one ExcelJS cell as the engine sees it. */
export function cellValueOf(cell: XCell): CellValue {
  switch (cell.type) {
    case T.Null:
    case T.Merge:
      return null;
    case T.Formula: {
      const r = cell.result;
      if (r === undefined || r === null) return { error: NOT_CALCULATED };
      return plain(r);
    }
    case T.Hyperlink: {
      const v = cell.value as { text?: unknown };
      return plain(richToText(v?.text));
    }
    case T.RichText:
      return plain(richToText(cell.value));
    default:
      return plain(cell.value);
  }
}

interface XRow {
  _cells: (XCell | undefined)[];
}

/** Reads the used range (cells holding a value) of a worksheet. */
export function readGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows = (ws as unknown as { _rows: (XRow | undefined)[] })._rows ?? [];
  let top = Infinity;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  // Pass 1: values per row (sparse by column), and the bounds.
  const rowVals: (CellValue[] | undefined)[] = new Array(rows.length);
  const rowFmts: ((string | null)[] | undefined)[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row || !row._cells) continue;
    const cells = row._cells;
    let vals: CellValue[] | undefined;
    let fmts: (string | null)[] | undefined;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const v = cellValueOf(cell);
      if (v === null) continue;
      if (!vals) vals = [];
      vals[c] = v;
      // Formats only where the engine uses them: numbers and dates (src/host/grid-rules.ts).
      const nf = keptFormat(v, cell.style?.numFmt);
      if (nf) {
        if (!fmts) fmts = [];
        fmts[c] = nf;
      }
      if (c < left) left = c;
      if (c > right) right = c;
    }
    if (vals) {
      rowVals[r] = vals;
      rowFmts[r] = fmts;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
    }
  }
  const merges = readMerges(ws);
  return denseGrid(ws.name, { top, bottom, left, right }, rowVals, rowFmts, merges);
}

function readMerges(ws: ExcelJS.Worksheet): MergeRange[] {
  const merges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number } | undefined> })
    ._merges;
  const out: MergeRange[] = [];
  if (!merges) return out;
  for (const k of Object.keys(merges)) {
    const m = merges[k];
    if (!m) continue;
    out.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  }
  return out;
}
