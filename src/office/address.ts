/**
 * Address arithmetic for the Office.js host, pure: cells → blocks (`A5:A40`), blocks → address strings for
 * `worksheet.getRanges` kept well under Excel's 8 192-character limit, and RangeAreas addresses parsed back.
 */
import { columnLetter, parseCell, type MergeRange } from '../ledger/grid';

/** Longest address string handed to one `getRanges` call (Excel refuses ≥ 8 192; keep well under). */
export const MAX_ADDRESS_CHARS = 2000;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellPos {
  row: number;
  col: number;
}

export function rectAddress(r: Rect): string {
  const a = `${columnLetter(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${columnLetter(r.right)}${r.bottom}`;
}

/**
 * Cells → vertical blocks: per column, runs of rows merged; a gap of up to `gap` rows is bridged (so a read
 * covers a few cells more but needs fewer proxies). gap = 0: exact runs (used for writes).
 */
export function blocksOf(cells: CellPos[], gap = 0): Rect[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    let rows = byCol.get(c.col);
    if (!rows) byCol.set(c.col, (rows = []));
    rows.push(c.row);
  }
  const out: Rect[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = byCol.get(col)!.sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r !== undefined && r - prev <= gap + 1) {
        prev = r;
        continue;
      }
      out.push({ top: start, left: col, bottom: prev, right: col });
      if (r !== undefined) start = prev = r;
    }
  }
  return out;
}

/** Block addresses joined by commas into strings of at most `max` characters. */
export function addressChunks(blocks: Rect[], max = MAX_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let cur = '';
  for (const b of blocks) {
    const a = rectAddress(b);
    if (cur && cur.length + 1 + a.length > max) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** "A1", "$B$2:C9" → rect (1-based). Null for anything else. */
export function parseRect(a: string): Rect | null {
  const [p, q] = a.split(':');
  const s = parseCell(p);
  if (!s) return null;
  const e = q === undefined ? s : parseCell(q);
  if (!e) return null;
  return { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
}

/**
 * A RangeAreas / Range address as Excel returns it ("Sheet1!A1:E1, 'My sheet'!A3:A4") → rects. Splits on
 * commas outside quotes and drops the sheet part (up to the last `!` outside quotes).
 */
export function parseAreas(address: string): MergeRange[] {
  const parts: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") q = !q;
    if (ch === ',' && !q) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  const out: MergeRange[] = [];
  for (const raw of parts) {
    const p = raw.trim();
    if (!p) continue;
    let bang = -1;
    let inq = false;
    for (let i = 0; i < p.length; i++) {
      if (p[i] === "'") inq = !inq;
      else if (p[i] === '!' && !inq) bang = i;
    }
    const r = parseRect(p.slice(bang + 1));
    if (r) out.push(r);
  }
  return out;
}
