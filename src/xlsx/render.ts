/**
 * New sheets' XML, written directly (no ExcelJS): a summary sheet (the look of src/xlsx/summary.ts: title
 * and subtitle rows merged across the columns, bold header row or a form's header block with its merges, the
 * code row, data merges, notes, the signature line, thin borders, widths, row heights, panes frozen below the
 * header, an autofilter, drop-down lists, links to ledger cells, the page setup; parts placed by
 * src/report/layout.ts) and the memory sheet.
 * Styles are appended to the workbook's styles.xml (StyleSheet reuses an equal entry). Every text is an
 * inline string: nothing a ledger holds can become a formula, and sharedStrings.xml is left as it was.
 * Written directly rather than by ExcelJS in a scratch workbook: the markup is small and fixed, and it keeps
 * ExcelJS (and its Node-only zip) out of the browser page.
 */
import { fitCellText } from '../host/grid-rules';
import type { MemoryRows } from '../host/memory';
import { columnLetter, quoteSheetName } from '../ledger/grid';
import { SUMMARY_FONT, styleFonts, styleTable, type FontSpec } from '../report/look';
import { rectAddress, sheetLayout } from '../report/layout';
import type { CellStyle, ModelCell, PrintSpec, SheetModel } from '../report/model';
import { PRINT_MARGINS } from '../report/print';
import { esc } from './package';
import { BORDER_XML, type StyleSheet } from './styles';

const FONT = SUMMARY_FONT;
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Text for an XML text node: escaped, and characters XML 1.0 cannot hold written as Excel's _xHHHH_. */
export function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return esc(s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`));
}


function fontXml(f: FontSpec): string {
  return `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.underline ? '<u/>' : ''}<sz val="${f.size}"/>${f.color ? `<color rgb="${f.color}"/>` : ''}<name val="${FONT}"/><family val="2"/><charset val="134"/></font>`;
}


const STYLE_FONT = styleFonts('FF');

const STYLE_ALIGN = styleTable<string>(
  (l) => `<alignment ${l.align !== 'general' ? `horizontal="${l.align}" ` : ''}vertical="center"${l.wrap ? ' wrapText="1"' : ''}/>`,
);

function xf(styles: StyleSheet, font: FontSpec, align: string, opts: { border?: boolean; fill?: string; numFmt?: string } = {}): number {
  const fontId = styles.addFont(fontXml(font));
  const borderId = opts.border ? styles.addBorder(BORDER_XML) : 0;
  const fillId = opts.fill ? styles.addFill(`<fill><patternFill patternType="solid"><fgColor rgb="${opts.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
  const numFmtId = opts.numFmt ? styles.addNumFmt(opts.numFmt) : 0;
  const applies = `${numFmtId ? ' applyNumberFormat="1"' : ''} applyFont="1"${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''} applyAlignment="1"`;
  return styles.addXf(`<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}>${align}</xf>`);
}

function strCell(ref: string, s: number, text: string): string {
  return `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

function numCell(ref: string, s: number, n: number): string {
  return `<c r="${ref}" s="${s}"><v>${n}</v></c>`;
}

/** The print titles of a sheet for its `_xlnm.Print_Titles` defined name: 'name'!$1:$n. */
export function printTitlesRef(sheet: string, titleRows: number): string {
  return `${quoteSheetName(sheet)}!$1:$${titleRows}`;
}

/** The sheet's page setup elements (printOptions … headerFooter), in the schema's order. */
function pageXml(print: PrintSpec | undefined): string {
  const m = PRINT_MARGINS;
  const margins = `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (!print) return '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  return (
    '<printOptions horizontalCentered="1"/>' +
    margins +
    `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="1" fitToHeight="${print.onePage ? 1 : 0}"/>` +
    (print.footer ? `<headerFooter><oddFooter>${xmlText(`&C${print.footer}`)}</oddFooter></headerFooter>` : '')
  );
}

/** The worksheet XML of a summary sheet (its print titles are a defined name of the workbook: printTitlesRef). */
export function renderSummarySheet(model: SheetModel, styles: StyleSheet): string {
  const L = sheetLayout(model);
  const n = L.width;
  const last = columnLetter(n);
  const cache = new Map<string, number>();
  const styleFor = (st: CellStyle, numFmt: string | undefined) => {
    const k = `${st}\u0000${numFmt ?? ''}`;
    let s = cache.get(k);
    if (s === undefined) cache.set(k, (s = xf(styles, STYLE_FONT[st], STYLE_ALIGN[st], { border: true, numFmt })));
    return s;
  };
  const titleS = xf(styles, { size: 16, bold: true }, '<alignment horizontal="center" vertical="center"/>');
  const subS = xf(styles, { size: 10, color: 'FF595959' }, '<alignment horizontal="left" vertical="center"/>');
  const headS = xf(styles, { size: 11, bold: true }, '<alignment horizontal="center" vertical="center" wrapText="1"/>', { border: true, fill: 'FFD9E1F2' });

  const rows: string[] = [];
  const rowXml = (r: number, cells: string, height?: number) =>
    rows.push(`<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ''}>${cells}</row>`);
  rowXml(1, strCell('A1', titleS, fitCellText(String(model.title ?? ''))), 28);
  rowXml(2, strCell('A2', subS, fitCellText(String(model.subtitle ?? ''))), 18);
  L.header.forEach((texts, r) => {
    const cells: string[] = [];
    for (let c = 0; c < n; c++) cells.push(strCell(`${columnLetter(c + 1)}${L.headerTop + r}`, headS, fitCellText(String(texts[c] ?? ''))));
    rowXml(L.headerTop + r, cells.join(''), L.headerHeights[r]);
  });
  if (L.codeRow !== null) {
    const codeS = xf(styles, { size: 10 }, '<alignment horizontal="center" vertical="center"/>', { border: true });
    const cells: string[] = [];
    for (let c = 0; c < n; c++) cells.push(strCell(`${columnLetter(c + 1)}${L.codeRow}`, codeS, model.codeRow?.[c] ?? ''));
    rowXml(L.codeRow, cells.join(''));
  }
  // A cell covered by a data merge is written empty in the style of the merge's top-left cell (its borders show).
  const coveredBy = new Map<string, ModelCell>();
  for (const m of model.merges ?? []) {
    const top = model.rows[m.row]?.[m.col];
    if (!top) continue;
    for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) coveredBy.set(`${r}:${c}`, top);
  }
  const heightOf = new Map(L.rowHeights.map((h) => [h.row, h.height]));
  const links: string[] = [];
  model.rows.forEach((cells, r) => {
    const rr = L.dataTop + r;
    const out: string[] = [];
    for (let c = 0; c < Math.max(n, cells.length); c++) {
      const ref = `${columnLetter(c + 1)}${rr}`;
      const top = coveredBy.get(`${r}:${c}`);
      if (top) {
        out.push(`<c r="${ref}" s="${styleFor(styleOf(top), top.numFmt)}"/>`);
        continue;
      }
      const mc: ModelCell | undefined = cells[c];
      if (!mc) continue;
      const s = styleFor(styleOf(mc), mc.numFmt);
      const v = mc.value;
      if (mc.link) {
        links.push(`<hyperlink ref="${ref}" location="${esc(`${quoteSheetName(mc.link.sheet)}!${mc.link.cell}`)}" display="${esc(v === null || v === undefined ? '' : fitCellText(String(v)))}"/>`);
      }
      if (typeof v === 'number' && Number.isFinite(v)) out.push(numCell(ref, s, v));
      else if (typeof v === 'string' || (mc.link && v !== null && v !== undefined)) out.push(strCell(ref, s, fitCellText(String(v))));
      else out.push(`<c r="${ref}" s="${s}"/>`);
    }
    rowXml(rr, out.join(''), heightOf.get(rr));
  });
  if (L.notes.length) {
    const noteS = xf(styles, { size: 10, color: 'FF595959' }, '<alignment horizontal="left" vertical="top" wrapText="1"/>');
    for (const note of L.notes) rowXml(note.row, strCell(`A${note.row}`, noteS, fitCellText(note.text)), note.height);
  }
  if (L.signature) {
    const signS = xf(styles, { size: 11 }, '<alignment horizontal="left" vertical="center"/>');
    rowXml(L.signature.row, L.signature.cells.map((c) => strCell(`${columnLetter(c.col)}${L.signature!.row}`, signS, c.text)).join(''), 24);
  }

  const lastData = L.dataTop + model.rows.length - 1;
  const cols = model.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width > 0 ? c.width : 10}" customWidth="1"/>`).join('');
  const merges = L.merges.length ? `<mergeCells count="${L.merges.length}">${L.merges.map((m) => `<mergeCell ref="${rectAddress(m, columnLetter)}"/>`).join('')}</mergeCells>` : '';
  const filterRow = L.dataTop - 1;
  const auto = model.autoFilter && model.columns.length ? `<autoFilter ref="A${filterRow}:${last}${Math.max(filterRow, lastData)}"/>` : '';
  const dvs: string[] = [];
  for (const v of model.validations ?? []) {
    if (!model.rows.length || v.column < 1 || v.column > model.columns.length || !v.list.length) continue;
    const col = columnLetter(v.column);
    dvs.push(
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="${esc('请从下拉列表中选择')}" error="${esc(`只能填写：${v.list.join('、')}`)}" sqref="${col}${L.dataTop}:${col}${lastData}"><formula1>${esc(`"${v.list.join(',')}"`)}</formula1></dataValidation>`,
    );
  }
  const dim = `A1:${last}${Math.max(3, L.lastRow)}`;
  const top = `A${L.dataTop}`;
  return (
    `${HEAD}<worksheet ${NS}>` +
    (model.print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="${dim}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${L.titleRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>${auto}${merges}` +
    (dvs.length ? `<dataValidations count="${dvs.length}">${dvs.join('')}</dataValidations>` : '') +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    `${pageXml(model.print)}</worksheet>`
  );
}

function styleOf(mc: ModelCell): CellStyle {
  return mc.link ? 'link' : (mc.style ?? (typeof mc.value === 'number' ? 'number' : 'text'));
}

/** The worksheet XML of the memory sheet: its cells as written (text as inline strings). */
export function renderValuesSheet(rows: MemoryRows): string {
  const out: string[] = [];
  rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const ref = `${columnLetter(c + 1)}${r + 1}`;
      if (typeof v === 'number') cells.push(`<c r="${ref}"><v>${v}</v></c>`);
      else if (typeof v === 'boolean') cells.push(`<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`);
      else cells.push(`<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`);
    });
    if (cells.length) out.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  return `${HEAD}<worksheet ${NS}><sheetData>${out.join('')}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}
