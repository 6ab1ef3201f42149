import type { CellValue, MergeRange, SheetGrid } from '../../src/ledger/grid';
import { parseCell } from '../../src/ledger/grid';
import { nationalStandard, type Standard } from '../../src/standard';

export const STD: Standard = nationalStandard();

/** A grid at A1 unless `top`/`left` say otherwise; merges as "A1:C1" strings in sheet coordinates. */
export function grid(
  values: CellValue[][],
  merges: string[] = [],
  opts: { name?: string; top?: number; left?: number; formats?: (string | null)[][] } = {},
): SheetGrid {
  return {
    name: opts.name ?? 'Sheet1',
    top: opts.top ?? 1,
    left: opts.left ?? 1,
    values,
    formats: opts.formats,
    merges: merges.map(range),
  };
}

export function range(a1: string): MergeRange {
  const [a, b] = a1.split(':');
  const p = parseCell(a)!;
  const q = parseCell(b ?? a)!;
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/** Moves every column of a grid by a permutation (perm[newIndex] = oldIndex). */
export function permuteColumns(values: CellValue[][], perm: number[]): CellValue[][] {
  return values.map((row) => perm.map((i) => (i < row.length ? row[i] : null)));
}
