/**
 * Where each part of a SheetModel lands on the sheet, computed once for every host (src/xlsx/render.ts,
 * src/xlsx/summary.ts, src/office): the header row or block and its merges, the code row, the data rows and
 * their merges, the notes, the signature line, the row heights (the model's, else measured), the frozen rows and the print
 * titles. Sheet rows and columns are 1-based. Pure.
 */
import { textWidth } from './format';
import { STYLE_LOOK } from './look';
import type { ModelMerge, SheetModel } from './model';
import { rowsAboveData } from './print';

/** A merged rectangle of sheet cells, 1-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetLayout {
  /** Columns of the sheet (≥ 1). */
  width: number;
  /** Sheet row of the first header row (3). */
  headerTop: number;
  /** The header texts, one array per header row ('' under a merge); the single header row when no block. */
  header: string[][];
  /** Height in points of each header row. */
  headerHeights: number[];
  /** Sheet row of the code row; null without one. */
  codeRow: number | null;
  /** Sheet row of the first data row. */
  dataTop: number;
  /** The notes, each on its own row, merged across all columns. */
  notes: { row: number; text: string; height: number }[];
  /** The signature line: each label at `col`, merged over `cols` columns. */
  signature: { row: number; cells: { col: number; cols: number; text: string }[] } | null;
  /** The last row written. */
  lastRow: number;
  /** Every merged range: title, subtitle, header block, data merges, notes, signature runs. */
  merges: Rect[];
  /** Heights in points of data rows: the model's, else measured from the wrapped texts (rows of one line are left out). */
  rowHeights: { row: number; height: number }[];
  /** Rows frozen at the top on screen and repeated at the top of every printed page (1 … n). */
  titleRows: number;
}

/** Points a wrapped line takes, and a row's padding (as the forms' measured heights: common.ts). */
const LINE = 14;
const PAD = 6;
/** The single header row's height when the model sets none. */
export const HEADER_HEIGHT = 30;

const linesHeight = (lines: number) => lines * LINE + PAD;

/**
 * The most lines any of the texts needs once wrapped in its column, or its merged columns (`spans`: the columns
 * a text spans, from its own); a text of several lines: each line wraps.
 */
function wrappedLines(texts: readonly string[], columns: SheetModel['columns'], min: number, spans: ReadonlyMap<number, number> = new Map()): number {
  let lines = min;
  texts.forEach((t, c) => {
    if (!t) return;
    let width = 0;
    for (let k = c; k < c + (spans.get(c) ?? 1); k++) width += columns[k]?.width ?? 10;
    const w = Math.max(1, width - 1);
    let n = 0;
    for (const part of t.split('\n')) n += Math.max(1, Math.ceil(textWidth(part) / w));
    lines = Math.max(lines, n);
  });
  return lines;
}

const rect = (top: number, left: number, bottom: number, right: number): Rect => ({ top, left, bottom, right });

function shifted(m: ModelMerge, row0: number): Rect {
  return rect(row0 + m.row, m.col + 1, row0 + m.row + m.rows - 1, m.col + m.cols);
}

/** The A1 address of a rectangle ("A1:D1"). */
export function rectAddress(r: Rect, letter: (col: number) => string): string {
  return `${letter(r.left)}${r.top}:${letter(r.right)}${r.bottom}`;
}

export function sheetLayout(model: SheetModel): SheetLayout {
  const width = Math.max(1, model.columns.length);
  const merges: Rect[] = [];
  if (width > 1) merges.push(rect(1, 1, 1, width), rect(2, 1, 2, width));
  const headerTop = 3;
  const block = model.headerRows && model.headerRows.length > 0;
  const header = block ? model.headerRows!.map((r) => [...r]) : [model.columns.map((c) => String(c.header ?? ''))];
  const headerHeights = header.map((texts, r) => model.headerHeights?.[r] ?? (block ? HEADER_HEIGHT : Math.max(HEADER_HEIGHT, linesHeight(wrappedLines(texts, model.columns, 0)))));
  if (block) {
    for (const m of model.headerMerges ?? []) if (m.rows > 1 || m.cols > 1) merges.push(shifted(m, headerTop));
  }
  const codeRow = model.codeRow ? headerTop + header.length : null;
  const titleRows = rowsAboveData(model);
  const dataTop = titleRows + 1;
  for (const m of model.merges ?? []) if (m.rows > 1 || m.cols > 1) merges.push(shifted(m, dataTop));
  const rowHeights: SheetLayout['rowHeights'] = [];
  if (model.rowHeights) {
    model.rowHeights.forEach((h, r) => {
      if (h !== null && h !== undefined && r < model.rows.length) rowHeights.push({ row: dataTop + r, height: h });
    });
  } else {
    // A sheet without measured heights: a row whose wrapped texts need more than one line gets the lines.
    model.rows.forEach((cells, r) => {
      const texts = cells.map((mc) => (mc && typeof mc.value === 'string' && !mc.link && STYLE_LOOK[mc.style ?? 'text'].wrap ? mc.value : ''));
      const spans = new Map((model.merges ?? []).filter((m) => m.row === r && m.rows === 1).map((m) => [m.col, m.cols]));
      const lines = wrappedLines(texts, model.columns, 0, spans);
      if (lines > 1) rowHeights.push({ row: dataTop + r, height: linesHeight(lines) });
    });
  }
  let next = dataTop + model.rows.length;
  const total = model.columns.reduce((s, c) => s + (c.width > 0 ? c.width : 10), 0);
  // A note spans every column; nine tenths of their width, so a host's wider font still fits the lines given.
  const notes = (model.notes ?? []).map((text) => {
    const lines = Math.max(1, Math.ceil(textWidth(text) / Math.max(1, Math.floor(total * 0.9))));
    const row = next++;
    if (width > 1) merges.push(rect(row, 1, row, width));
    return { row, text, height: linesHeight(lines) };
  });
  let signature: SheetLayout['signature'] = null;
  const labels = model.signature ?? [];
  if (labels.length > 0) {
    const row = next + 1;
    const cells: { col: number; cols: number; text: string }[] = [];
    if (labels.length > width) {
      cells.push({ col: 1, cols: width, text: labels.join('\u3000\u3000\u3000\u3000') });
    } else {
      let col = 1;
      labels.forEach((text, i) => {
        const cols = Math.floor(width / labels.length) + (i < width % labels.length ? 1 : 0);
        cells.push({ col, cols, text });
        col += cols;
      });
    }
    for (const c of cells) if (c.cols > 1) merges.push(rect(row, c.col, row, c.col + c.cols - 1));
    signature = { row, cells };
    next = row + 1;
  }
  return {
    width,
    headerTop,
    header,
    headerHeights,
    codeRow,
    dataTop,
    notes,
    signature,
    lastRow: Math.max(next - 1, headerTop + header.length - 1),
    merges,
    rowHeights,
    titleRows,
  };
}

/**
 * A sheet's lone text rows (one cell in a sheet of several columns: a count line, a section's heading, a 说明)
 * merged across all columns when the text is wider than its column, so it wraps over the table's width instead
 * of down a narrow first column. A sheet with merges of its own (a form) is left as it is.
 */
export function spanLoneRows(model: SheetModel): SheetModel {
  const n = model.columns.length;
  if (n < 2 || model.merges) return model;
  const merges: ModelMerge[] = [];
  model.rows.forEach((cells, row) => {
    const v = cells[0]?.value;
    if (cells.length !== 1 || typeof v !== 'string' || cells[0].link) return;
    const first = model.columns[0].width > 0 ? model.columns[0].width : 10;
    if (Math.max(...v.split('\n').map(textWidth)) > first - 1) merges.push({ row, col: 0, rows: 1, cols: n });
  });
  return merges.length ? { ...model, merges } : model;
}
