/**
 * The strict fake's workbook state as plain JSON, so the node side of the browser test can seed the fake
 * running in the page (from an ExcelJS workbook through test/office/convert.ts) and read it back.
 * No ExcelJS here: this file is also bundled for the browser.
 */
import { FakeExcel, type FakeCell, type FakeSheet, type Rect, type Visibility } from '../office/fake-excel';

export interface SheetState {
  name: string;
  visibility: Visibility;
  cells: [number, FakeCell][];
  merges: Rect[];
  notes: [number, string][];
  protected: boolean;
  frozenRows: number;
  autoFilter: string | null;
  columnWidths: [number, number][];
  rowHeights: [number, number][];
  borders: FakeSheet['borders'];
  validations: FakeSheet['validations'];
}

export interface FakeState {
  notesSupported: boolean;
  sheets: SheetState[];
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  syncCount: number;
}

export function toState(x: FakeExcel): FakeState {
  return {
    notesSupported: x.notesSupported,
    sheets: x.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells.entries()].map(([k, c]) => [k, JSON.parse(JSON.stringify(c)) as FakeCell]),
      merges: s.merges.map((m) => ({ ...m })),
      notes: [...s.notes.entries()],
      protected: s.protected,
      frozenRows: s.frozenRows,
      autoFilter: s.autoFilter,
      columnWidths: [...s.columnWidths.entries()],
      rowHeights: [...s.rowHeights.entries()],
      borders: s.borders.map((b) => ({ ...b })),
      validations: s.validations.map((v) => ({ ...v, list: [...v.list] })),
    })),
    activeSheet: x.activeSheet,
    selection: x.selection,
    syncCount: x.syncCount,
  };
}

export function fromState(st: FakeState): FakeExcel {
  const x = new FakeExcel({ notesSupported: st.notesSupported });
  for (const s of st.sheets) {
    const sheet = x.addSheet(s.name, s.visibility);
    for (const [k, c] of s.cells) sheet.cells.set(k, c);
    sheet.merges = s.merges;
    for (const [k, n] of s.notes) sheet.notes.set(k, n);
    sheet.protected = s.protected;
    sheet.frozenRows = s.frozenRows;
    sheet.autoFilter = s.autoFilter;
    for (const [k, w] of s.columnWidths) sheet.columnWidths.set(k, w);
    for (const [k, h] of s.rowHeights) sheet.rowHeights.set(k, h);
    sheet.borders = s.borders;
    sheet.validations = s.validations;
  }
  x.activeSheet = st.activeSheet;
  x.selection = st.selection;
  return x;
}
