/**
 * Renders a SheetModel (src/report/model.ts) into a new ExcelJS worksheet: title row merged across the
 * columns, subtitle row, bold header row with a fill (or a form's header block with its merges, and the code
 * row), data merges, notes, the signature line, row heights, panes frozen below the header, column widths,
 * number formats, coloured ✓/✗, hyperlinks to ledger cells, an autofilter on the header row, the page setup
 * and print titles. Parts placed by src/report/layout.ts, as on the other hosts.
 * Every text is written as a string value — ExcelJS never turns a string into a formula, so a ledger
 * name such as `=HYPERLINK(…)` stays inert text.
 */
import type ExcelJS from 'exceljs';
import { fitCellText } from '../host/grid-rules';
import { columnLetter, quoteSheetName } from '../ledger/grid';
import { SUMMARY_FONT, styleTable } from '../report/look';
import { sheetLayout } from '../report/layout';
import type { CellStyle, ModelCell, SheetModel } from '../report/model';
import { PRINT_MARGINS } from '../report/print';

const FONT = SUMMARY_FONT;
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const STYLE_FONT = styleTable<Partial<ExcelJS.Font>>((l) => ({
  name: FONT,
  size: l.size,
  ...(l.bold ? { bold: true } : {}),
  ...(l.italic ? { italic: true } : {}),
  ...(l.underline ? { underline: true } : {}),
  ...(l.color ? { color: { argb: `FF${l.color}` } } : {}),
}));

const STYLE_ALIGN = styleTable<Partial<ExcelJS.Alignment>>((l) => ({
  vertical: 'middle',
  ...(l.align !== 'general' ? { horizontal: l.align } : {}),
  ...(l.wrap ? { wrapText: true } : {}),
}));

/** Link target for a cell of this workbook: '#' + quoted sheet + '!' + cell. */
export function linkTarget(sheet: string, cell: string): string {
  return `#${quoteSheetName(sheet)}!${cell}`;
}

/** Fills `ws` (new and empty) from the model (parts placed by src/report/layout.ts). */
export function renderSummary(ws: ExcelJS.Worksheet, model: SheetModel): void {
  const L = sheetLayout(model);
  const n = L.width;
  const last = columnLetter(n);

  // One style object per (style, numFmt): these cells are ours, nothing mutates the objects later.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleFor = (st: CellStyle, numFmt: string | undefined): Partial<ExcelJS.Style> => {
    const k = `${st}\u0000${numFmt ?? ''}`;
    let s = styles.get(k);
    if (!s) {
      s = { font: STYLE_FONT[st], alignment: STYLE_ALIGN[st], border: BORDER };
      if (numFmt) s.numFmt = numFmt;
      styles.set(k, s);
    }
    return s;
  };

  model.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width > 0 ? c.width : 10;
  });

  const title = ws.getCell('A1');
  title.value = String(model.title ?? '');
  title.style = { font: { name: FONT, size: 16, bold: true }, alignment: { vertical: 'middle', horizontal: 'center' } };
  ws.getRow(1).height = 28;
  const sub = ws.getCell('A2');
  sub.value = String(model.subtitle ?? '');
  sub.style = {
    font: { name: FONT, size: 10, color: { argb: 'FF595959' } },
    alignment: { vertical: 'middle', horizontal: 'left' },
  };
  ws.getRow(2).height = 18;

  const headStyle: Partial<ExcelJS.Style> = {
    font: { name: FONT, size: 11, bold: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
    alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
    border: BORDER,
  };
  L.header.forEach((texts, r) => {
    const row = ws.getRow(L.headerTop + r);
    for (let c = 0; c < n; c++) {
      const cell = row.getCell(c + 1);
      cell.value = String(texts[c] ?? '');
      cell.style = headStyle;
    }
    row.height = L.headerHeights[r];
  });
  if (L.codeRow !== null) {
    const codeStyle: Partial<ExcelJS.Style> = { font: { name: FONT, size: 10 }, alignment: { vertical: 'middle', horizontal: 'center' }, border: BORDER };
    const row = ws.getRow(L.codeRow);
    for (let c = 0; c < n; c++) {
      const cell = row.getCell(c + 1);
      cell.value = model.codeRow?.[c] ?? '';
      cell.style = codeStyle;
    }
  }

  model.rows.forEach((cells, r) => {
    const row = ws.getRow(L.dataTop + r);
    cells.forEach((mc, c) => writeCell(row.getCell(c + 1), mc, styleFor));
  });
  // A cell covered by a data merge takes the style of the merge's top-left cell (its borders show).
  for (const m of model.merges ?? []) {
    const top = model.rows[m.row]?.[m.col];
    if (!top) continue;
    for (let r = m.row; r < m.row + m.rows; r++) {
      for (let c = m.col; c < m.col + m.cols; c++) {
        if (r === m.row && c === m.col) continue;
        const cell = ws.getCell(L.dataTop + r, c + 1);
        cell.value = null;
        cell.style = styleFor(styleOf(top), top.numFmt);
      }
    }
  }
  for (const h of L.rowHeights) ws.getRow(h.row).height = h.height;
  for (const note of L.notes) {
    const cell = ws.getCell(note.row, 1);
    cell.value = fitCellText(note.text);
    cell.style = { font: { name: FONT, size: 10, color: { argb: 'FF595959' } }, alignment: { vertical: 'top', horizontal: 'left', wrapText: true } };
    ws.getRow(note.row).height = note.height;
  }
  if (L.signature) {
    for (const c of L.signature.cells) {
      const cell = ws.getCell(L.signature.row, c.col);
      cell.value = c.text;
      cell.style = { font: { name: FONT, size: 11 }, alignment: { vertical: 'middle', horizontal: 'left' } };
    }
    ws.getRow(L.signature.row).height = 24;
  }
  for (const m of L.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);

  // Drop-down lists on whole data columns (one rule per column range, not per cell).
  const lastData = L.dataTop + model.rows.length - 1;
  for (const v of model.validations ?? []) {
    if (!model.rows.length || v.column < 1 || v.column > model.columns.length || !v.list.length) continue;
    const rule: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${v.list.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '请从下拉列表中选择',
      error: `只能填写：${v.list.join('、')}`,
    };
    // ExcelJS writes identical rules of adjacent cells as one range.
    for (let r = L.dataTop; r <= lastData; r++) ws.getCell(r, v.column).dataValidation = rule;
  }

  const top = `A${L.dataTop}`;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: L.titleRows, topLeftCell: top, activeCell: top }];
  if (model.autoFilter && model.columns.length) {
    ws.autoFilter = `A${L.dataTop - 1}:${last}${Math.max(L.dataTop - 1, lastData)}`;
  }
  if (model.print) {
    const p = model.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: p.onePage ? 1 : 0,
      horizontalCentered: true,
      printTitlesRow: `1:${p.titleRows}`,
      margins: { ...PRINT_MARGINS },
    };
    if (p.footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${p.footer}` };
  }
}

function styleOf(mc: ModelCell): CellStyle {
  return mc.link ? 'link' : (mc.style ?? (typeof mc.value === 'number' ? 'number' : 'text'));
}

export { MAX_CELL_TEXT, fitCellText } from '../host/grid-rules';

function writeCell(
  cell: ExcelJS.Cell,
  mc: ModelCell,
  styleFor: (st: CellStyle, numFmt: string | undefined) => Partial<ExcelJS.Style>,
): void {
  if (!mc) return;
  const st: CellStyle = mc.link ? 'link' : (mc.style ?? (typeof mc.value === 'number' ? 'number' : 'text'));
  const v = mc.value;
  let plain: string | number | null;
  if (typeof v === 'number') plain = Number.isFinite(v) ? v : null;
  else if (v === null || v === undefined) plain = null;
  else plain = fitCellText(String(v));

  if (mc.link) {
    cell.value = { text: plain === null ? '' : String(plain), hyperlink: linkTarget(mc.link.sheet, mc.link.cell) };
  } else if (plain !== null) {
    cell.value = plain;
  }
  cell.style = styleFor(st, mc.numFmt);
}
