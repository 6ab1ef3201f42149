/**
 * The parts of a summary sheet beyond the plain table, through Office.js, queued with the sheet's other writes
 * (no sync of their own): the merges (title, subtitle, a form's header block, data merges, notes, signature
 * runs), the row heights, the code row's, the notes' and the signature line's look, and the page setup
 * (worksheet.pageLayout, ExcelApi 1.9: A4, orientation, fit to one page wide, centred, margins, print titles,
 * the page footer). Where each part lands is src/report/layout.ts; what the page setup is, src/report/print.ts.
 */
import { columnLetter } from '../ledger/grid';
import { rectAddress, type SheetLayout } from '../report/layout';
import type { CellStyle, ModelCell, SheetModel } from '../report/model';
import { PRINT_MARGINS } from '../report/print';
import type { CellPos } from './address';
import { jsonBytes, OP_BYTES, type OfficeSession } from './session';
import { setSupported } from './support';

export function styleOf(mc: NonNullable<ModelCell>): CellStyle {
  return mc.link ? 'link' : (mc.style ?? (typeof mc.value === 'number' ? 'number' : 'text'));
}

/** Cells covered by a data merge take the style of the merge's top-left cell (so its borders and fill show). */
export function coveredCells(model: SheetModel, L: SheetLayout, styled: (st: CellStyle, pos: CellPos) => void): void {
  for (const m of model.merges ?? []) {
    const top = model.rows[m.row]?.[m.col];
    if (!top) continue;
    for (let r = m.row; r < m.row + m.rows; r++) {
      for (let c = m.col; c < m.col + m.cols; c++) if ((r !== m.row || c !== m.col) && c < L.width) styled(styleOf(top), { row: L.dataTop + r, col: c + 1 });
    }
  }
}

/** Row heights as few writes as can be: consecutive rows of one height share one range. */
async function rowHeights(ses: OfficeSession, ws: Excel.Worksheet, heights: { row: number; height: number }[]): Promise<void> {
  const sorted = [...heights].sort((a, b) => a.row - b.row);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].row === sorted[j].row + 1 && sorted[j + 1].height === sorted[i].height) j++;
    const addr = `${sorted[i].row}:${sorted[j].row}`;
    ws.getRange(addr).format.rowHeight = sorted[i].height;
    await ses.reserve(addr.length + 3 * OP_BYTES);
    i = j + 1;
  }
}

/** Merges, row heights and the looks of the code row, the notes and the signature line. */
export async function formParts(ses: OfficeSession, ws: Excel.Worksheet, L: SheetLayout): Promise<void> {
  const last = columnLetter(L.width);
  for (const m of L.merges) {
    const addr = rectAddress(m, columnLetter);
    ws.getRange(addr).merge(false);
    await ses.reserve(addr.length + 3 * OP_BYTES);
  }
  await rowHeights(ses, ws, [
    ...L.headerHeights.map((height, r) => ({ row: L.headerTop + r, height })),
    ...L.rowHeights,
    ...L.notes.map((n) => ({ row: n.row, height: n.height })),
    ...(L.signature ? [{ row: L.signature.row, height: 24 }] : []),
  ]);
  if (L.codeRow !== null) {
    const code = ws.getRange(`A${L.codeRow}:${last}${L.codeRow}`);
    code.format.font.size = 10;
    code.format.horizontalAlignment = 'Center';
    await ses.reserve(4 * OP_BYTES);
  }
  if (L.notes.length) {
    const notes = ws.getRange(`A${L.notes[0].row}:${last}${L.notes[L.notes.length - 1].row}`);
    notes.format.font.size = 10;
    notes.format.font.color = '#595959';
    notes.format.horizontalAlignment = 'Left';
    notes.format.verticalAlignment = 'Top';
    notes.format.wrapText = true;
    await ses.reserve(7 * OP_BYTES);
  }
  if (L.signature) {
    ws.getRange(`A${L.signature.row}:${last}${L.signature.row}`).format.horizontalAlignment = 'Left';
    await ses.reserve(3 * OP_BYTES);
  }
}

/**
 * The page setup of SheetModel.print, where this Excel has worksheet.pageLayout (ExcelApi 1.9 and a library that
 * defines it; an older Excel prints the sheet with its defaults). Margins in points (inches × 72). A fit height of
 * 0 leaves the pages tall as the rows need, as fitToHeight 0 does in the file format.
 */
export async function pageSetup(ses: OfficeSession, ws: Excel.Worksheet, model: SheetModel): Promise<void> {
  const p = model.print;
  if (!p || !setSupported('1.9')) return;
  const layout = (ws as unknown as { pageLayout?: Excel.PageLayout }).pageLayout;
  if (!layout) return;
  layout.paperSize = 'A4';
  layout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: p.onePage ? 1 : 0 };
  layout.centerHorizontally = true;
  const m = PRINT_MARGINS;
  layout.leftMargin = m.left * 72;
  layout.rightMargin = m.right * 72;
  layout.topMargin = m.top * 72;
  layout.bottomMargin = m.bottom * 72;
  layout.headerMargin = m.header * 72;
  layout.footerMargin = m.footer * 72;
  const titles = `$1:$${p.titleRows}`;
  layout.setPrintTitleRows(titles);
  layout.headersFooters.defaultForAllPages.centerFooter = p.footer;
  await ses.reserve(16 * OP_BYTES + jsonBytes(titles) + jsonBytes(p.footer));
}
