/**
 * Which of the sheets a previous run added are still the tool's. Every added sheet carries in the memory the
 * hash of the text the tool wrote (sheetTextHash, host-neutral: the same whichever host wrote or reads it);
 * a re-check or 清除标记 deletes or overwrites a sheet only while its text still hashes to that. Otherwise:
 *  - a write-once sheet (核查清单) the user has answered in is the user's now (kept, dropped from the memory);
 *  - any other sheet whose text changed (the user edited it, or deleted it and made their own under the
 *    same name) is kept, and the user told so;
 *  - a sheet recorded before sheets carried a hash (an older version's memory) cannot be verified: it is
 *    kept and the user told so — deleting a sheet on an unverifiable record is what this guards against.
 *    (Comparing it with a fresh model is not possible: 清除标记 runs no check, and a re-check's model
 *    differs from the old one by the date and the 整改 status anyway.)
 */
import type { SheetGrid } from '../ledger/grid';
import { sheetLayout } from '../report/layout';
import type { SheetModel } from '../report/model';
import { sheetTextHash, type AddedSheet, type RunMemory } from './memory';

/**
 * A number as text at 10 significant digits. LibreOffice (and WPS) save numbers at 15 digits, rounded their
 * own way (6.453168044077135 comes back 6.45316804407714, where toPrecision(15) gives …713), and a sheet
 * they re-saved must still hash as the tool wrote it. At 10 digits the two roundings disagree only when
 * digits 11–15 are 49999/50000 (about 1 number in 10⁵): then the sheet is kept, the safe way. An edit a
 * user makes beyond the 10th digit of a summary figure is not seen — no such edit changes what it says.
 */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(10))) : String(n);
}

function cellText(v: SheetGrid['values'][number][number]): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return v.error;
  return typeof v === 'number' ? numberText(v) : String(v);
}

/** sheetTextHash of a sheet as read. */
export function gridTextHash(grid: SheetGrid): string {
  function* cells() {
    for (let r = 0; r < grid.values.length; r++) {
      const row = grid.values[r];
      for (let c = 0; c < row.length; c++) yield { row: grid.top + r, col: grid.left + c, text: cellText(row[c]) };
    }
  }
  return sheetTextHash(cells());
}

function modelText(v: SheetModel['rows'][number][number]['value']): string {
  if (v === null) return '';
  return typeof v === 'number' ? numberText(v) : String(v);
}

/**
 * sheetTextHash of a summary sheet as a host writes it, every part where src/report/layout.ts places it:
 * title A1, subtitle A2, the header row or block from row 3, the code row, the data, the notes and the
 * signature line.
 */
export function modelTextHash(model: SheetModel): string {
  const layout = sheetLayout(model);
  function* cells() {
    yield { row: 1, col: 1, text: model.title };
    yield { row: 2, col: 1, text: model.subtitle };
    for (let r = 0; r < layout.header.length; r++) {
      const texts = layout.header[r];
      for (let c = 0; c < texts.length; c++) yield { row: layout.headerTop + r, col: c + 1, text: texts[c] };
    }
    if (layout.codeRow !== null) {
      const codes = model.codeRow ?? [];
      for (let c = 0; c < codes.length; c++) yield { row: layout.codeRow, col: c + 1, text: codes[c] };
    }
    for (let r = 0; r < model.rows.length; r++) {
      const row = model.rows[r];
      for (let c = 0; c < row.length; c++) yield { row: layout.dataTop + r, col: c + 1, text: modelText(row[c].value) };
    }
    for (const n of layout.notes) yield { row: n.row, col: 1, text: n.text };
    if (layout.signature) for (const c of layout.signature.cells) yield { row: layout.signature.row, col: c.col, text: c.text };
  }
  // Row-major, as a sheet is read back (gridTextHash).
  const sorted = [...cells()].sort((x, y) => x.row - y.row || x.col - y.col);
  return sheetTextHash(sorted);
}

export interface SheetVerdict {
  /** The memory with only the sheets still the tool's (the ones a re-check or clear may delete). */
  memory: RunMemory;
  /** Write-once sheets the user has answered in: the user's now. */
  answered: string[];
  /** Other sheets kept, each with a Chinese sentence for the user. */
  kept: { name: string; message: string }[];
}

/** Sorts the memory's sheets by what they hold now; `grids` holds (at least) the existing ones. */
export function verifySheets(memory: RunMemory, grids: readonly SheetGrid[], existing: ReadonlySet<string>): SheetVerdict {
  const answered: string[] = [];
  const kept: SheetVerdict['kept'] = [];
  const tools: AddedSheet[] = [];
  for (const s of memory.sheets) {
    if (!existing.has(s.name)) {
      tools.push(s); // gone already: nothing to delete, but its place is remembered
      continue;
    }
    const g = grids.find((x) => x.name === s.name);
    if (s.hash !== undefined && g !== undefined && gridTextHash(g) === s.hash) tools.push(s);
    else if (s.once && s.hash !== undefined) answered.push(s.name);
    else if (s.hash === undefined) {
      kept.push({ name: s.name, message: `「${s.name}」由旧版本的均衡自查生成，无法确认其内容未被修改，已保留（如不再需要，请手动删除）` });
    } else kept.push({ name: s.name, message: `「${s.name}」的内容已不是本工具写入的，已保留` });
  }
  return { memory: { ...memory, sheets: tools }, answered, kept };
}
