/**
 * Summary sheets through Office.js: each sheet written as whole 2-D blocks (number formats first: text cells
 * "@", so ledger text never becomes a formula), with formats per style block and per column (the one look of
 * every host: src/report/look.ts), a form's parts and the page setup (summary-form.ts; every part placed by
 * src/report/layout.ts, as on the .xlsx hosts), and the model's chart where it declares one (SheetModel.chart:
 * worksheet.charts.add, queued with the sheet — no extra sync; the ExcelJS host cannot draw charts and writes
 * the table only). Held back until writeMemory (host.ts), like the marks.
 */
import { columnLetter, quoteSheetName } from '../ledger/grid';
import { SUMMARY_FONT, styleFonts, styleTable, type StyleLook } from '../report/look';
import { sheetLayout } from '../report/layout';
import type { CellStyle, SheetModel } from '../report/model';
import type { SheetWrite } from '../host/port';
import { fitCellText } from '../host/grid-rules';
import { addressChunks, blocksOf, type CellPos } from './address';
import { jsonBytes, OP_BYTES, type Cell, type OfficeSession } from './session';
import { coveredCells, formParts, pageSetup, styleOf } from './summary-form';

const FONT = SUMMARY_FONT;
const STYLE_FONT = styleFonts('#');
type HAlign = 'Left' | 'Center' | 'Right' | 'General';
const H_ALIGN: Record<StyleLook['align'], HAlign> = { general: 'General', right: 'Right', center: 'Center' };
const STYLE_ALIGN = styleTable<{ h: HAlign; wrap: boolean }>((l) => ({ h: H_ALIGN[l.align], wrap: l.wrap }));

/** Excel column width in characters → points (Office.js columnWidth). */
export function widthToPoints(chars: number): number {
  return Math.round((Math.trunc(chars * 7 + 5) * 0.75) * 100) / 100;
}


export async function writeSheets(ses: OfficeSession, sheets: SheetWrite[]): Promise<string[]> {
  if (!ses.sheets) await ses.listSheets();
  ses.assertStructure();
  const names: string[] = [];
  // The cache takes the sheets now (later calls see them); Excel gets them after the memory (writeMemory).
  for (const s of sheets) {
    ses.insertSheet(s.name, 'visible', s.index);
    names.push(s.name);
    ses.unsent.add(s.name);
  }
  ses.deferred.push(async () => {
    for (const s of sheets) {
      const ws = ses.context.workbook.worksheets.add(s.name);
      ses.unsent.delete(s.name);
      // Excel appends; its place is where the cache has it among the sheets Excel already has.
      const present = ses.sheets!.filter((x) => !ses.unsent.has(x.name));
      const at = present.findIndex((x) => x.name === s.name);
      if (at >= 0 && at !== present.length - 1) ws.position = at;
      await ses.reserve(3 * OP_BYTES);
      await renderSummary(ses, ws, s.model);
    }
  });
  return names;
}

/** Writes a 2-D block from (row0, 0), number formats first, in row slices under the budget. */
export async function writeBlock(ses: OfficeSession, ws: Excel.Worksheet, row0: number, values: Cell[][], formats: string[][]): Promise<void> {
  const cols = values[0]?.length ?? 0;
  if (!cols) return;
  let start = 0;
  const emit = (end: number) => {
    if (end <= start) return;
    const target = ws.getRangeByIndexes(row0 + start, 0, end - start, cols);
    target.numberFormat = formats.slice(start, end);
    target.values = values.slice(start, end);
    start = end;
  };
  for (let r = 0; r < values.length; r++) {
    const b = jsonBytes(values[r]) + jsonBytes(formats[r]) + 4;
    // Queue the rows accounted so far before a sync would send the request without them.
    if (r > start && ses.pending + b > ses.budget) emit(r);
    // The first row of a block also carries the block's range and its two property sets.
    await ses.reserve(b + (r === start ? 4 * OP_BYTES : 0));
  }
  emit(values.length);
}

async function renderSummary(ses: OfficeSession, ws: Excel.Worksheet, model: SheetModel): Promise<void> {
  const L = sheetLayout(model);
  const n = L.width;
  const last = columnLetter(n);
  // The table: the header (row or block), the code row and the data rows; notes and signature come after it.
  const height = L.dataTop - 1 + model.rows.length;
  const values: Cell[][] = [];
  const formats: string[][] = [];
  const blank = () => new Array<Cell>(n).fill('');
  const general = () => new Array<string>(n).fill('General');
  const textRow = (cells: { col: number; text: string }[]) => {
    const r = blank();
    const f = general();
    for (const c of cells) {
      r[c.col - 1] = c.text;
      f[c.col - 1] = '@';
    }
    values.push(r);
    formats.push(f);
  };

  textRow([{ col: 1, text: String(model.title ?? '') }]);
  textRow([{ col: 1, text: String(model.subtitle ?? '') }]);
  for (const texts of L.header) textRow(texts.map((t, c) => ({ col: c + 1, text: fitCellText(String(t ?? '')) })).slice(0, n));
  if (L.codeRow !== null) textRow((model.codeRow ?? []).map((t, c) => ({ col: c + 1, text: t })).slice(0, n));

  const byStyle = new Map<CellStyle, CellPos[]>();
  const links: { pos: CellPos; text: string; ref: string }[] = [];
  const styled = (st: CellStyle, pos: CellPos) => {
    let l = byStyle.get(st);
    if (!l) byStyle.set(st, (l = []));
    l.push(pos);
  };
  model.rows.forEach((cells, r) => {
    const vr = blank();
    const fr = general();
    cells.forEach((mc, c) => {
      if (!mc || c >= n) return;
      const v = mc.value;
      if (typeof v === 'number') {
        if (Number.isFinite(v)) {
          vr[c] = v;
          if (mc.numFmt) fr[c] = mc.numFmt;
        }
      } else if (v !== null && v !== undefined) {
        vr[c] = fitCellText(String(v));
        fr[c] = '@';
      } else {
        fr[c] = '@';
      }
      const pos = { row: L.dataTop + r, col: c + 1 };
      styled(styleOf(mc), pos);
      if (mc.link) {
        links.push({ pos, text: typeof vr[c] === 'number' ? String(vr[c]) : (vr[c] as string), ref: `${quoteSheetName(mc.link.sheet)}!${mc.link.cell}` });
      }
    });
    values.push(vr);
    formats.push(fr);
  });
  coveredCells(model, L, styled);
  // Notes and the signature line, with the blank row before it.
  for (const note of L.notes) textRow([{ col: 1, text: fitCellText(note.text) }]);
  if (L.signature) {
    textRow([]);
    textRow(L.signature.cells);
  }

  // Values: number formats first ("@" on text cells), then the values, as whole 2-D blocks.
  await writeBlock(ses, ws, 0, values, formats);

  // Whole-sheet look, then per block.
  const all = ws.getRange(`A1:${last}${L.lastRow}`);
  all.format.font.name = FONT;
  all.format.font.size = 11;
  all.format.verticalAlignment = 'Center';
  await ses.reserve(6 * OP_BYTES);

  const title = ws.getRange('A1');
  title.format.font.size = 16;
  title.format.font.bold = true;
  title.format.horizontalAlignment = 'Center';
  const sub = ws.getRange('A2');
  sub.format.font.size = 10;
  sub.format.font.color = '#595959';
  sub.format.horizontalAlignment = 'Left';
  ws.getRange('1:1').format.rowHeight = 28;
  ws.getRange('2:2').format.rowHeight = 18;
  const headBottom = L.headerTop + L.header.length - 1;
  const head = ws.getRange(`A${L.headerTop}:${last}${headBottom}`);
  head.format.font.bold = true;
  head.format.fill.color = '#D9E1F2';
  head.format.horizontalAlignment = 'Center';
  head.format.wrapText = true;
  const grid = ws.getRange(`A${L.headerTop}:${last}${height}`);
  for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
    if ((edge === 'InsideHorizontal' && height === L.headerTop) || (edge === 'InsideVertical' && n === 1)) continue;
    const b = grid.format.borders.getItem(edge);
    b.style = 'Continuous';
    b.color = '#BFBFBF';
  }
  await ses.reserve(55 * OP_BYTES);
  await formParts(ses, ws, L);

  for (const [st, cells] of byStyle) {
    const font = STYLE_FONT[st];
    const align = STYLE_ALIGN[st];
    const plain = st === 'text' || st === 'number';
    for (const addr of addressChunks(blocksOf(cells))) {
      const areas = ws.getRanges(addr);
      if (!plain) {
        if (font.size !== 11) areas.format.font.size = font.size;
        if (font.bold) areas.format.font.bold = true;
        if (font.italic) areas.format.font.italic = true;
        if (font.underline) areas.format.font.underline = 'Single';
        if (font.color) areas.format.font.color = font.color;
      }
      if (align.h !== 'General') areas.format.horizontalAlignment = align.h;
      if (align.wrap) areas.format.wrapText = true;
      await ses.reserve(addr.length + 10 * OP_BYTES);
    }
  }

  // Hyperlinks: one property set per link cell, all in the same request (split only past the budget).
  for (const l of links) {
    ws.getRange(`${columnLetter(l.pos.col)}${l.pos.row}`).hyperlink = { documentReference: l.ref, textToDisplay: l.text };
    await ses.reserve(3 * OP_BYTES + jsonBytes(l.ref) + jsonBytes(l.text));
  }

  model.columns.forEach((c, i) => {
    const col = columnLetter(i + 1);
    ws.getRange(`${col}:${col}`).format.columnWidth = widthToPoints(c.width > 0 ? c.width : 10);
  });
  // Drop-down lists on whole data columns (one rule per column, not per cell).
  for (const v of model.validations ?? []) {
    if (!model.rows.length || v.column < 1 || v.column > n || !v.list.length) continue;
    const col = columnLetter(v.column);
    ws.getRange(`${col}${L.dataTop}:${col}${height}`).dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(',') } };
    await ses.reserve(3 * OP_BYTES + jsonBytes(v.list.join(',')));
  }
  ws.freezePanes.freezeRows(L.titleRows);
  if (model.autoFilter && model.columns.length) {
    ws.autoFilter.apply(ws.getRange(`A${L.dataTop - 1}:${last}${Math.max(L.dataTop - 1, height)}`));
  }
  await ses.reserve((6 + model.columns.length * 3) * OP_BYTES);
  await pageSetup(ses, ws, model);
  await queueChart(ses, ws, model, n);
}

/**
 * The model's chart (SheetModel.chart), queued with the sheet's other writes (no sync of its own): a line
 * chart with markers over the header row (categories) and the first `seriesRows` data rows (one series
 * each), placed to the right of the table.
 */
async function queueChart(ses: OfficeSession, ws: Excel.Worksheet, model: SheetModel, n: number): Promise<void> {
  const c = model.chart;
  if (!c || c.seriesRows < 1 || c.valueColumns < 1 || c.seriesRows > model.rows.length || c.valueColumns + 1 > n) return;
  const source = ws.getRange(`A3:${columnLetter(1 + c.valueColumns)}${3 + c.seriesRows}`);
  const chart = ws.charts.add('LineMarkers', source, 'Rows');
  chart.title.text = c.title;
  chart.legend.position = 'Right';
  chart.setPosition(`${columnLetter(n + 2)}3`, `${columnLetter(n + 10)}${Math.max(20, 4 + c.seriesRows)}`);
  await ses.reserve(10 * OP_BYTES + jsonBytes(c.title));
}
