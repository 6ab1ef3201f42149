/**
 * Test-only throwaway renderer: a form SheetModel into an ExcelJS worksheet, following what model.ts asks of the
 * hosts for the form fields (header block + merges, code row, data merges, notes, signature line, print setup), to
 * look at a table in LibreOffice. Not the host's renderer (src/xlsx is the lead's to wire).
 */
import ExcelJS from 'exceljs';
import type { ModelMerge, SheetModel } from '../../../src/report/model';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function merge(ws: ExcelJS.Worksheet, m: ModelMerge, row0: number): void {
  ws.mergeCells(row0 + m.row, m.col + 1, row0 + m.row + m.rows - 1, m.col + m.cols);
}

/** Renders the model; returns the sheet rows where each part starts. */
export function renderForm(ws: ExcelJS.Worksheet, model: SheetModel): { header: number; code: number; data: number; notes: number; signature: number } {
  const n = model.columns.length;
  model.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  ws.getCell(1, 1).value = model.title;
  ws.getCell(1, 1).style = { font: { name: '宋体', size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };
  ws.mergeCells(1, 1, 1, n);
  ws.getRow(1).height = 30;
  ws.getCell(2, 1).value = model.subtitle;
  ws.getCell(2, 1).style = { font: { name: '宋体', size: 9, color: { argb: 'FF595959' } } };
  ws.mergeCells(2, 1, 2, n);
  const head = model.headerRows ?? [model.columns.map((c) => c.header)];
  const header = 3;
  head.forEach((row, r) =>
    row.forEach((t, c) => {
      const cell = ws.getCell(header + r, c + 1);
      cell.value = t;
      cell.style = { font: { name: '宋体', size: 10, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: BOX };
    }),
  );
  for (const m of model.headerMerges ?? []) merge(ws, m, header);
  (model.headerHeights ?? []).forEach((h, r) => (ws.getRow(header + r).height = h));
  let next = header + head.length;
  const code = next;
  if (model.codeRow) {
    model.codeRow.forEach((t, c) => {
      const cell = ws.getCell(code, c + 1);
      cell.value = t;
      cell.style = { font: { name: '宋体', size: 9 }, alignment: { horizontal: 'center' }, border: BOX };
    });
    next++;
  }
  const data = next;
  model.rows.forEach((row, r) => {
    for (let c = 0; c < n; c++) {
      const mc = row[c];
      const cell = ws.getCell(data + r, c + 1);
      if (mc && mc.value !== null) cell.value = mc.value;
      cell.style = {
        font: { name: '宋体', size: 10 },
        alignment: { vertical: 'middle', wrapText: true, horizontal: typeof mc?.value === 'number' || mc?.numFmt ? 'right' : mc?.style === 'pass' || mc?.style === 'fail' ? 'center' : 'left' },
        border: BOX,
        ...(mc?.numFmt ? { numFmt: mc.numFmt } : {}),
      };
    }
  });
  for (const m of model.merges ?? []) merge(ws, m, data);
  (model.rowHeights ?? []).forEach((h, r) => {
    if (h !== null) ws.getRow(data + r).height = h;
  });
  next = data + model.rows.length;
  const notes = next;
  for (const t of model.notes ?? []) {
    ws.getCell(next, 1).value = t;
    ws.getCell(next, 1).style = { font: { name: '宋体', size: 9 }, alignment: { wrapText: true, vertical: 'top' } };
    ws.mergeCells(next, 1, next, n);
    ws.getRow(next).height = 26;
    next++;
  }
  next++;
  const signature = next;
  const labels = model.signature ?? [];
  let col = 1;
  if (labels.length > n) {
    ws.getCell(next, 1).value = labels.join('　　　　');
    if (n > 1) ws.mergeCells(next, 1, next, n);
  } else labels.forEach((t, i) => {
    const span = Math.floor(n / labels.length) + (i < n % labels.length ? 1 : 0);
    ws.getCell(next, col).value = t;
    ws.getCell(next, col).style = { font: { name: '宋体', size: 10 } };
    if (span > 1) ws.mergeCells(next, col, next, col + span - 1);
    col += span;
  });
  if (model.print) {
    ws.pageSetup = {
      paperSize: 9,
      orientation: model.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: model.print.onePage ? 1 : 0,
      horizontalCentered: true,
      printTitlesRow: `1:${model.print.titleRows}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    };
  }
  ws.views = [{ state: 'frozen', ySplit: data - 1 }];
  return { header, code, data, notes, signature };
}
