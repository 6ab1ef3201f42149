/**
 * Renders a SheetModel (src/report/model.ts) into a new ExcelJS worksheet: title row merged across the
 * columns, subtitle row, bold header row with a fill, panes frozen below the header, column widths,
 * number formats, coloured ✓/✗, hyperlinks to ledger cells, an autofilter on the header row.
 * Every text is written as a string value — ExcelJS never turns a string into a formula, so a ledger
 * name such as `=HYPERLINK(…)` stays inert text.
 */
import type ExcelJS from 'exceljs';
import { fitCellText } from '../host/grid-rules';
import { columnLetter, quoteSheetName } from '../ledger/grid';
import { SUMMARY_FONT, styleTable } from '../report/look';
import type { CellStyle, ModelCell, SheetModel } from '../report/model';

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

/** Fills `ws` (new and empty) from the model. */
export function renderSummary(ws: ExcelJS.Worksheet, model: SheetModel): void {
  const n = Math.max(1, model.columns.length);
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
  if (n > 1) {
    ws.mergeCells(`A1:${last}1`);
    ws.mergeCells(`A2:${last}2`);
  }

  const headStyle: Partial<ExcelJS.Style> = {
    font: { name: FONT, size: 11, bold: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
    alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
    border: BORDER,
  };
  const head = ws.getRow(3);
  model.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = String(c.header ?? '');
    cell.style = headStyle;
  });
  head.height = 30;

  model.rows.forEach((cells, r) => {
    const row = ws.getRow(4 + r);
    cells.forEach((mc, c) => writeCell(row.getCell(c + 1), mc, styleFor));
  });

  // Drop-down lists on whole data columns (one rule per column range, not per cell).
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
    for (let r = 4; r <= 3 + model.rows.length; r++) ws.getCell(r, v.column).dataValidation = rule;
  }

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 3, topLeftCell: 'A4', activeCell: 'A4' }];
  if (model.autoFilter && model.columns.length) {
    ws.autoFilter = `A3:${last}${Math.max(3, 3 + model.rows.length)}`;
  }
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
