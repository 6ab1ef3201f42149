/**
 * Reading rules both hosts apply (src/xlsx/read.ts, src/office/host.ts), so that they hand the engine
 * IDENTICAL SheetGrids whatever each can cheaply learn about a cell:
 *  - a cell whose value is exactly an Excel error literal is that error, whether the file stored it as an
 *    error or as text: Office.js returns error values as those strings, and telling them apart would cost
 *    the add-in a `valueTypes` read of every cell (about a third of its read);
 *  - a grid keeps a number format only where the engine uses one — on a number or a date, and only when it
 *    is not General (src/ledger: a date format or a % on a number cell); elsewhere the format is null, so
 *    the add-in reads formats of numeric cells only.
 */
import type { CellValue, MergeRange, SheetGrid } from '../ledger/grid';

/** Excel's error values as Office.js returns them in `Range.values` (and as ExcelJS reads `t="e"` cells). */
export const EXCEL_ERROR_LITERALS: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#PYTHON!',
  '#EXTERNAL!',
]);

/** A text that reads as an Excel error value (exact match). */
export function isErrorLiteral(s: string): boolean {
  return s.length >= 4 && s.length <= 13 && s.charCodeAt(0) === 35 /* # */ && EXCEL_ERROR_LITERALS.has(s);
}

/** True for the values whose number format the grid keeps (numbers and dates). */
export function formatMatters(v: CellValue | undefined): boolean {
  return typeof v === 'number' || v instanceof Date;
}

/** The format a grid holds for a cell: the number format of a number or a date unless General; else null. */
export function keptFormat(v: CellValue | undefined, fmt: string | null | undefined): string | null {
  return fmt && fmt !== 'General' && formatMatters(v) ? fmt : null;
}

/** Excel's limit on the text of one cell and of a note, in UTF-16 units. */
export const MAX_CELL_TEXT = 32767;

/** A text cut to Excel's cell limit (ending in …, never half a surrogate pair); Excel "repairs" longer cells. */
export function fitCellText(s: string): string {
  if (s.length <= MAX_CELL_TEXT) return s;
  let t = s.slice(0, MAX_CELL_TEXT - 1);
  const c = t.charCodeAt(t.length - 1);
  if (c >= 0xd800 && c <= 0xdbff) t = t.slice(0, -1);
  return `${t}…`;
}

/**
 * The grid of a sheet from its sparse rows (0-based row → values and formats by 0-based column) and the
 * bounds of its non-empty cells: dense rows from `left` (null where empty), 1-based top/left, and the merges
 * that touch the used range. The one densifier of every host: `origin` (0-based) is where index 0 of the
 * rows and columns sits on the sheet (the Office host reads from its used range's top-left cell).
 */
export function denseGrid(
  name: string,
  bounds: { top: number; bottom: number; left: number; right: number },
  rowVals: (CellValue[] | undefined)[],
  rowFmts: ((string | null | undefined)[] | undefined)[],
  merges: MergeRange[],
  origin: { row: number; col: number } = { row: 0, col: 0 },
): SheetGrid {
  const { top, bottom, left, right } = bounds;
  if (top === Infinity) return { name, top: 1, left: 1, values: [], formats: [], merges };
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const vals = rowVals[r];
    if (!vals) {
      values.push([]);
      formats.push([]);
      continue;
    }
    const n = vals.length - left;
    const out: CellValue[] = new Array(n);
    const fo: (string | null)[] = new Array(n);
    const fmts = rowFmts[r];
    for (let c = 0; c < n; c++) {
      const v = vals[c + left];
      out[c] = v === undefined ? null : v;
      fo[c] = (fmts && fmts[c + left]) || null;
    }
    values.push(out);
    formats.push(fo);
  }
  const grid: SheetGrid = { name, top: origin.row + top + 1, left: origin.col + left + 1, values, formats, merges };
  const gBottom = origin.row + bottom + 1;
  const gRight = origin.col + right + 1;
  grid.merges = merges.filter((m) => m.bottom >= grid.top && m.top <= gBottom && m.right >= grid.left && m.left <= gRight);
  return grid;
}
