import type { Finding } from '../ledger/finding';
import { compareKeys, locationKey, sheetOrderOf } from './format';
import type { Mark } from './model';

/** Every note this tool writes starts with this, so a user knows where it came from. */
export const NOTE_PREFIX = '均衡自查：';

/**
 * One mark per cell that holds a failing or unreadable value. Several findings on one cell share one mark:
 * their messages become the lines of one note (data problems first, duplicates dropped). A cell with any data
 * finding is marked 'data' — the value could not be read, so its compliance verdict is not to be trusted.
 * Marks are ordered by sheet (in `sheetOrder`, else first appearance), row, column.
 */
export function buildMarks(findings: readonly Finding[], sheetOrder?: Map<string, number>): Mark[] {
  const order = sheetOrder ?? sheetOrderOf(findings.map((f) => f.sheet));
  const byCell = new Map<string, { sheet: string; cell: string; data: string[]; fail: string[] }>();
  for (const f of findings) {
    if (f.sheet === null || f.cell === null || f.sheet === '' || f.cell === '') continue;
    const cell = f.cell.replace(/\$/g, '').toUpperCase();
    const key = `${f.sheet}\u0000${cell}`;
    let m = byCell.get(key);
    if (!m) {
      m = { sheet: f.sheet, cell, data: [], fail: [] };
      byCell.set(key, m);
    }
    const lines = f.kind === 'data' ? m.data : m.fail;
    if (!lines.includes(f.message) && !(f.kind === 'compliance' && m.data.includes(f.message))) lines.push(f.message);
  }
  return [...byCell.values()]
    .map((m) => ({ m, k: locationKey(order, m.sheet, m.cell) }))
    .sort((a, b) => compareKeys(a.k, b.k))
    .map(({ m }) => {
      const lines = [...m.data, ...m.fail.filter((l) => !m.data.includes(l))];
      return {
        sheet: m.sheet,
        cell: m.cell,
        style: m.data.length > 0 ? 'data' : 'fail',
        note: NOTE_PREFIX + lines.join('\n'),
      } satisfies Mark;
    });
}
