/**
 * A user's sort, simulated as Excel (and LibreOffice, WPS) does it: the rows of a range change places and each
 * cell's value, formula (same-row references follow the row), format (fill, font, number format …) and note
 * move together. One for ExcelJS workbooks (the .xlsx hosts' files) and one for the strict fake (the Office
 * host's Excel). The order is a permutation: `order[i]` is the old row that becomes row `first + i`.
 */
import ExcelJS from 'exceljs';
import { cellKey, keyPos, type FakeExcel } from './fake-excel';

export interface SortSpec {
  sheet: string;
  first: number;
  last: number;
}

/** The reversed order of a spec's rows: every row moves but the middle one. */
export const reversed = (s: SortSpec) => Array.from({ length: s.last - s.first + 1 }, (_, i) => s.last - i);

/** A formula with its same-row relative references moved from row `from` to row `to`. */
export function moveFormula(f: string, from: number, to: number): string {
  return f.replace(/(\$?[A-Z]{1,3})(\d+)(?![\d(])/g, (all, col: string, row: string) => (Number(row) === from ? `${col}${to}` : all));
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** Sorts rows of an ExcelJS worksheet (refuses a range that crosses a merge, as Excel does). */
export function sortExcelJs(wb: ExcelJS.Workbook, spec: SortSpec, order = reversed(spec)): void {
  const ws = wb.getWorksheet(spec.sheet);
  if (!ws) throw new Error(`no sheet ${spec.sheet}`);
  const merges = Object.values((ws as unknown as { _merges: Record<string, { top: number; bottom: number }> })._merges);
  if (merges.some((m) => m.bottom >= spec.first && m.top <= spec.last)) throw new Error('a sort cannot cross merged cells');
  const cols = ws.columnCount;
  type Saved = { value: ExcelJS.CellValue; style: Partial<ExcelJS.Style>; note: unknown };
  const rows = new Map<number, Saved[]>();
  for (let r = spec.first; r <= spec.last; r++) {
    const saved: Saved[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getCell(r, c);
      let value = cell.value;
      if (cell.formula) value = { formula: cell.formula, result: (cell.value as ExcelJS.CellFormulaValue).result } as ExcelJS.CellFormulaValue;
      saved.push({ value: clone(value), style: clone(cell.style ?? {}), note: clone(cell.note) });
    }
    rows.set(r, saved);
  }
  order.forEach((from, i) => {
    const to = spec.first + i;
    rows.get(from)!.forEach((s, c) => {
      const cell = ws.getCell(to, c + 1);
      let v = s.value;
      if (v && typeof v === 'object' && 'formula' in v) v = { ...v, formula: moveFormula(String(v.formula), from, to) } as ExcelJS.CellFormulaValue;
      cell.value = v;
      cell.style = s.style;
      if (s.note !== undefined && s.note !== null) cell.note = s.note as string | ExcelJS.Comment;
      else {
        const x = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
        x._comment = undefined;
        if (x._value?.model) delete x._value.model.comment;
      }
    });
  });
}

/** Sorts rows of a sheet of the strict fake: cells (value, formula, format, hyperlink) and notes move together. */
export function sortFake(x: FakeExcel, spec: SortSpec, order = reversed(spec)): void {
  const s = x.sheet(spec.sheet);
  if (!s) throw new Error(`no sheet ${spec.sheet}`);
  if (s.merges.some((m) => m.bottom >= spec.first && m.top <= spec.last)) throw new Error('a sort cannot cross merged cells');
  const to = new Map(order.map((from, i) => [from, spec.first + i]));
  const move = <V>(m: Map<number, V>, edit: (v: V, from: number, row: number) => V) => {
    const moved: [number, V][] = [];
    for (const [k, v] of m) {
      const p = keyPos(k);
      const row = to.get(p.row);
      if (row === undefined) continue;
      m.delete(k);
      moved.push([cellKey(row, p.col), edit(v, p.row, row)]);
    }
    for (const [k, v] of moved) m.set(k, v);
  };
  move(s.cells, (c, from, row) => (c.formula ? { ...c, formula: moveFormula(c.formula, from, row) } : c));
  move(s.notes, (n) => n);
}
