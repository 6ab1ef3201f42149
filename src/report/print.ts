/**
 * The print policy of every sheet the tool writes (its own summary sheets and the national tables), in one
 * place: A4; portrait when the columns fit a portrait page's printable width, landscape otherwise; every column
 * on one page wide, as many pages tall as the rows need (the 自查自评总表 and the one-row forms on one page); the
 * rows above the data (title, subtitle, header block, code row) repeated on every page; 「第 N 页 共 M 页」 centred
 * in the footer. Hosts render SheetModel.print and PRINT_MARGINS, nothing else. Pure.
 */
import type { ModelColumn, PrintSpec, SheetModel } from './model';

/** The centre footer, in Excel's header/footer codes (&P this page, &N the number of pages). */
export const PAGE_FOOTER = '第 &P 页 共 &N 页';

/** Page margins in inches (Excel's unit; Office.js takes points: × 72). */
export const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/** A4 in inches. */
const A4 = { short: 210 / 25.4, long: 297 / 25.4 };
/** Screen pixels per inch, and the pixels a column of width w (character units of the default 11 pt font) takes. */
const PX_PER_INCH = 96;
const columnPx = (w: number) => Math.trunc(w * 7 + 5);

/** The width of the columns in inches as Excel lays them out at 100 %. */
export function columnsInches(columns: readonly ModelColumn[]): number {
  return columns.reduce((s, c) => s + columnPx(c.width > 0 ? c.width : 10), 0) / PX_PER_INCH;
}

/** The printable width of an A4 page in inches, between the margins. */
export function printableWidth(orientation: PrintSpec['orientation']): number {
  return (orientation === 'portrait' ? A4.short : A4.long) - PRINT_MARGINS.left - PRINT_MARGINS.right;
}

/** The page setup for a sheet of these columns with `titleRows` rows above its data. */
export function printSpec(columns: readonly ModelColumn[], titleRows: number, opts: { onePage?: boolean } = {}): PrintSpec {
  return {
    orientation: columnsInches(columns) > printableWidth('portrait') ? 'landscape' : 'portrait',
    fitToWidth: true,
    titleRows,
    ...(opts.onePage ? { onePage: true } : {}),
    footer: PAGE_FOOTER,
  };
}

/**
 * The rows above the data of a sheet: title, subtitle, the header row or block, the code row (what prints again
 * at the top of every page and stays frozen on screen).
 */
export function rowsAboveData(model: Pick<SheetModel, 'headerRows' | 'codeRow'>): number {
  return 2 + (model.headerRows && model.headerRows.length > 0 ? model.headerRows.length : 1) + (model.codeRow ? 1 : 0);
}

/** The model with its page setup: the policy's, unless the model already carries one. */
export function withPrint(model: SheetModel, opts: { onePage?: boolean } = {}): SheetModel {
  if (model.print) return model;
  return { ...model, print: printSpec(model.columns, rowsAboveData(model), opts) };
}
