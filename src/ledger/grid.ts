/**
 * What a host hands the engine: the used grid of one sheet, values only.
 * Both hosts (ExcelJS for .xlsx files, Office.js inside Excel) produce this shape; nothing in the
 * engine knows which host it came from.
 */

/** An Excel error value such as `#DIV/0!`, `#REF!`, `#N/A`, or a formula the host could not evaluate. */
export interface CellError {
  error: string;
}

/** One cell's value as the host read it. Formulas arrive as their cached result. */
export type CellValue = string | number | boolean | Date | CellError | null;

export interface MergeRange {
  /** 1-based absolute sheet coordinates, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  /** The worksheet's name as the user sees it. */
  name: string;
  /** 1-based sheet row of `values[0]`. */
  top: number;
  /** 1-based sheet column of `values[r][0]`. */
  left: number;
  /** Row-major values of the used range; rows may be shorter than the widest row. */
  values: CellValue[][];
  /** Number formats in the same shape (optional); used to tell a date from a count. */
  formats?: (string | null)[][];
  /** Merged ranges that intersect the used range. */
  merges: MergeRange[];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA12" → {row: 12, col: 27}. Returns null for anything else. */
export function parseCell(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** (5, 3) → "C5". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** A sheet name as it must appear in a formula or a range address: quoted when needed, `'` doubled. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}
