/**
 * Row classification (blank, 合计/小计, note) and merged-cell inheritance for data rows. Generic: used
 * by every ledger kind.
 */
import type { CellValue, SheetGrid } from './grid';
import { normalizeText } from './normalize';
import { NOTE_PREFIXES, TOTAL_SUFFIXES, TOTAL_WORDS } from './synonyms';

export type RowKind = 'blank' | 'total' | 'note' | 'data';

const NOTE_START = NOTE_PREFIXES.map((p) => p.normalize('NFKC'));

const NOTE_FIRST_CHARS = new Set(NOTE_START.map((p) => p[0]));

/** True when a text starts a note row (填表说明, 填表人, 备注, 注：, 说明, 制表 …). */
export function isNoteText(text: string): boolean {
  const t = text.trimStart();
  if (t === '' || !NOTE_FIRST_CHARS.has(t[0].normalize('NFKC'))) return false;
  const s = normalizeText(t);
  for (const p of NOTE_START) if (s.startsWith(p)) return true;
  return /^注\d|^注[:：]/.test(s);
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A total label starts with a total word (合计, 小计（初中）, 平均值, 全县合计) or ends with one (城关镇小计),
 * trailing punctuation and brackets aside — never a word inside a name (李平均 is a teacher). One regular
 * expression: hot, it sees every label cell of every row.
 */
const TOTAL_RE = new RegExp(
  `^[\\s\u3000]*(?:${TOTAL_WORDS.map(escape).join('|')})|(?:${TOTAL_SUFFIXES.map(escape).join('|')})[\\s\u3000:：]*(?:[(（【\\[][^)）】\\]]*[)）】\\]])?[\\s\u3000:：]*$`,
);

/** True when a text marks a total row (合计, 小计, 总计, 全县, 平均 …). */
export function isTotalText(text: string): boolean {
  const s = text.length > 30 ? text.slice(0, 30) : text;
  if (TOTAL_RE.test(s)) return true;
  // 合 计 written with spaces.
  if (s.includes(' ') || s.includes('\u3000')) return TOTAL_RE.test(normalizeText(s));
  return false;
}

/**
 * Classifies a data row. A note (填表说明 …) is recognised in the row's first non-empty cell; 合计/小计 in
 * the first non-empty cell or in `labelCols` (the columns left of the first numeric column, and the
 * ledger's text columns).
 */
export function classifyRow(row: CellValue[] | undefined, labelCols: readonly number[]): RowKind {
  if (!row) return 'blank';
  let first: CellValue | undefined;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    first = v;
    break;
  }
  if (first === undefined) return 'blank';
  if (typeof first === 'string') {
    if (isNoteText(first)) return 'note';
    if (isTotalText(first)) return 'total';
  }
  for (const c of labelCols) {
    const v = row[c];
    if (typeof v === 'string' && v !== '' && isTotalText(v)) return 'total';
  }
  return 'data';
}

/** For one column: where each row's merged cell takes its value from (row -1 = not merged). */
export interface MergeIndex {
  rows: Int32Array;
  cols: Int32Array;
}

/**
 * For one column, the top-left cell of the merge covering each row below `fromRow` (a merged school-name
 * cell spanning several class rows gives every row its text).
 */
export function mergeIndex(grid: SheetGrid, col: number, fromRow: number): MergeIndex | null {
  const n = grid.values.length;
  const absCol = grid.left + col;
  let idx: MergeIndex | null = null;
  for (const m of grid.merges) {
    if (m.left > absCol || m.right < absCol) continue;
    const top = m.top - grid.top;
    const left = m.left - grid.left;
    const bottom = Math.min(m.bottom - grid.top, n - 1);
    if (bottom < fromRow) continue;
    if (!idx) idx = { rows: new Int32Array(n).fill(-1), cols: new Int32Array(n).fill(-1) };
    for (let r = Math.max(top, fromRow, 0); r <= bottom; r++) {
      if (r === top && left === col) continue;
      idx.rows[r] = top;
      idx.cols[r] = left;
    }
  }
  return idx;
}

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * Merge-aware cell value: the cell's own value, else the value at the top-left of the merge covering it.
 * `from` tells where it came from (the cell a finding or a ref should point at).
 */
export function mergedValue(grid: SheetGrid, r: number, col: number, idx: MergeIndex | null): { v: CellValue | undefined; r: number; c: number } {
  const row = grid.values[r];
  const own = row ? row[col] : undefined;
  if (!isEmpty(own) || !idx || idx.rows[r] < 0) return { v: own, r, c: col };
  const sr = idx.rows[r];
  const sc = idx.cols[r];
  const src = grid.values[sr];
  return { v: src ? src[sc] : undefined, r: sr, c: sc };
}
