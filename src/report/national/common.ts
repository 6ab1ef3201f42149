/**
 * Shared pieces of the national 申报 annex tables (表Ⅰ–表Ⅵ): the form's cells, its rounding, the signature
 * line, and the assembly of one SheetModel from a header block. Pure.
 */
import type { CheckResult, ItemResult } from '../../checks/types';
import type { LedgerSet } from '../../ledger/types';
import type { IndicatorId, Standard } from '../../standard/schema';
import { isoDate, textWidth } from '../format';
import type { ModelCell, ModelColumn, ModelMerge, SheetModel } from '../model';
import { printSpec, rowsAboveData } from '../print';
import type { ReportContext } from '../sheets';

/** What the tables are built from: the ledgers as read and the checks' result. */
export interface NationalSource {
  ledgers: LedgerSet;
  result: CheckResult;
}

/** The line under every table, as the forms print it. */
export const SIGNATURE = ['填报单位（盖章）：', '填表人：', '审核人：', '填报日期：　　年　月　日'];

/**
 * x rounded half away from zero to `decimals` places, as a form prints it (4.245 → 4.25): the decimal text of x
 * to 12 significant digits is rounded, so binary noise (4.2449999…) does not decide the last digit.
 */
export function roundForm(x: number, decimals: number): number {
  const clean = Number(x.toPrecision(12));
  const f = 10 ** decimals;
  const r = Math.sign(clean) * Math.round(Math.abs(clean) * f + 1e-9) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** The number as the form writes it inside a sentence: rounded, no thousands separator, trailing zeros kept. */
export function figure(x: number, decimals: number): string {
  return roundForm(x, decimals).toFixed(decimals);
}

/** A share 0–1 as a percentage with `decimals` places and a % sign (0.998 → "99.8%"). */
export function percentText(share: number, decimals: number): string {
  return `${figure(share * 100, decimals)}%`;
}

export const text = (value: string, style: ModelCell['style'] = 'text'): ModelCell => ({ value, style });

/** A cell the county fills in by hand: empty. */
export const blank = (): ModelCell => ({ value: null, style: 'text' });

/** A count: an integer; blank when unknown. */
export function countCell(v: number | null): ModelCell {
  return v === null || !Number.isFinite(v) ? blank() : { value: Math.round(v), style: 'number', numFmt: '0' };
}

/** A value rounded to `decimals` places and shown with exactly that many; blank when unknown. */
export function fixedCell(v: number | null, decimals: number): ModelCell {
  if (v === null || !Number.isFinite(v)) return blank();
  return { value: roundForm(v, decimals), style: 'number', numFmt: decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0' };
}

/** The form's 是否达标 column: 是 / 否; blank when the county still has to decide (待核实, 数据不全). */
export function passWord(status: ItemResult['status'] | null): ModelCell {
  if (status === '达标') return { value: '是', style: 'pass' };
  if (status === '未达标') return { value: '否', style: 'fail' };
  return blank();
}

export function itemOf(result: CheckResult, id: IndicatorId): ItemResult | null {
  return result.items.find((i) => i.id === id) ?? null;
}

/** L1 … Ln for the columns from `from` (0-based) on; '' before. */
export function codes(columns: number, from = 0): string[] {
  return Array.from({ length: columns }, (_, i) => (i < from ? '' : `L${i - from + 1}`));
}

/** The data source line under the title (not on the printed form's body: it says which ledgers filled it). */
export function sourceLine(ctx: ReportContext): string {
  return `据台账「${ctx.workbook}」自动填写（${isoDate(ctx.date)}，${ctx.std.name}）；空白处由县级填写`;
}

export interface FormSpec {
  name: string;
  title: string;
  headerRows: string[][];
  headerMerges: ModelMerge[];
  codeRow: string[];
  rows: ModelCell[][];
  merges?: ModelMerge[];
  notes: string[];
  /** Minimum and maximum column widths (character units). */
  widths?: { min?: number; max?: number; fixed?: Partial<Record<number, number>> };
  onePage?: boolean;
}

function cellWidth(c: ModelCell | undefined): number {
  if (!c || c.value === null) return 0;
  if (typeof c.value === 'string') return Math.max(...c.value.split('\n').map(textWidth));
  return String(c.value).length + 1;
}

/**
 * One SheetModel from a form spec: columns sized to the lowest header text and the data (a long header wraps),
 * the header block, code row, notes, signature line and the print setup (A4, fit to width, the title, the source
 * line, the header block and the code row repeated on every page: src/report/print.ts).
 */
export function formSheet(spec: FormSpec, ctx: ReportContext): SheetModel {
  const n = spec.codeRow.length;
  const min = spec.widths?.min ?? 6;
  const max = spec.widths?.max ?? 30;
  const merged = new Set<string>();
  for (const m of spec.merges ?? []) {
    if (m.cols > 1) for (let r = m.row; r < m.row + m.rows; r++) merged.add(`${r}:${m.col}`);
  }
  const columns: ModelColumn[] = [];
  for (let c = 0; c < n; c++) {
    let header = '';
    for (let r = spec.headerRows.length - 1; r >= 0 && header === ''; r--) header = spec.headerRows[r][c] ?? '';
    let w = Math.min(textWidth(header), 12);
    spec.rows.forEach((row, r) => {
      if (!merged.has(`${r}:${c}`)) w = Math.max(w, cellWidth(row[c]));
    });
    const fixed = spec.widths?.fixed?.[c];
    columns.push({ header, width: fixed ?? Math.min(Math.max(w + 2, min), max) });
  }
  return {
    headerHeights: headerHeights(spec.headerRows, spec.headerMerges, columns),
    name: spec.name,
    title: spec.title,
    subtitle: sourceLine(ctx),
    columns,
    rows: spec.rows,
    autoFilter: false,
    headerRows: spec.headerRows,
    headerMerges: spec.headerMerges,
    codeRow: spec.codeRow,
    merges: spec.merges && spec.merges.length > 0 ? spec.merges : undefined,
    rowHeights: rowHeights(spec.rows, spec.merges ?? [], columns),
    notes: spec.notes,
    signature: [...SIGNATURE],
    print: printSpec(columns, rowsAboveData({ headerRows: spec.headerRows, codeRow: spec.codeRow }), { onePage: spec.onePage }),
  };
}

/** The indicator's name with its unit, as a column header: 生均教学及辅助用房面积（㎡）. */
export function indicatorHeader(std: Standard, id: IndicatorId): string {
  const ind = std.indicators[id];
  return ind.unit ? `${ind.name}（${ind.unit}）` : ind.name;
}

/** Points per wrapped line of a 10–11 pt header, and the padding of a row. */
const LINE = 14;
const PAD = 6;

/**
 * Each header row's height: the most lines any of its texts needs once wrapped in its (merged) width; a text merged
 * over several rows shares its lines among them.
 */
export function headerHeights(rows: readonly string[][], merges: readonly ModelMerge[], columns: readonly ModelColumn[]): number[] {
  const lines = rows.map(() => 1);
  rows.forEach((row, r) =>
    row.forEach((t, c) => {
      if (t === '') return;
      const m = merges.find((x) => x.row === r && x.col === c) ?? { row: r, col: c, rows: 1, cols: 1 };
      let w = 0;
      for (let k = m.col; k < m.col + m.cols; k++) w += columns[k]?.width ?? 8;
      const need = Math.ceil(textWidth(t) / Math.max(1, w - 1));
      const per = Math.ceil(need / m.rows);
      for (let k = m.row; k < m.row + m.rows; k++) lines[k] = Math.max(lines[k], per);
    }),
  );
  return lines.map((n) => n * LINE + PAD);
}

/** Data rows' heights: null for a one-line row, else the lines its longest wrapped text needs. */
export function rowHeights(rows: readonly ModelCell[][], merges: readonly ModelMerge[], columns: readonly ModelColumn[]): (number | null)[] {
  return rows.map((row, r) => {
    let lines = 1;
    row.forEach((cell, c) => {
      if (typeof cell.value !== 'string' || cell.value === '') return;
      const m = merges.find((x) => x.row === r && x.col === c) ?? { row: r, col: c, rows: 1, cols: 1 };
      let w = 0;
      for (let k = m.col; k < m.col + m.cols; k++) w += columns[k]?.width ?? 8;
      lines = Math.max(lines, Math.ceil(textWidth(cell.value) / Math.max(1, w - 1) / m.rows));
    });
    return lines > 1 ? lines * LINE + PAD : null;
  });
}
