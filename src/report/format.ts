import { runDateText } from '../ledger/dates';
import type { FigureUnit, Finding } from '../ledger/finding';
import { parseCell } from '../ledger/grid';
import { INDICATOR_IDS, STAGES, type Indicator, type Standard } from '../standard/schema';
import type { ModelCell, ModelColumn } from './model';

/** Display width of a text in Excel character units: CJK and full-width characters count 2. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c === 0x33a1 || // ㎡
      c === 0x2713 || // ✓
      c === 0x2717 || // ✗
      c === 0x2014 || // —
      c >= 0x20000;
    w += wide ? 2 : 1;
  }
  return w;
}

/** Excel number format for a value of an indicator: its precision and its unit, e.g. `0.00" ㎡"`. */
export function indicatorNumFmt(ind: Pick<Indicator, 'precision' | 'unit'>): string {
  return unitNumFmt({ unit: ind.unit, decimals: ind.precision });
}

/**
 * Excel number format for a figure in a unit: `0.0%` for a share ('%'), `0.00" ㎡"`, `#,##0" 元"`, `0" 学时"` …
 * (whole numbers in 元 and 人 with thousands separators).
 */
export function unitNumFmt(u: FigureUnit): string {
  const decimals = u.decimals > 0 ? `.${'0'.repeat(u.decimals)}` : '';
  if (u.unit === '%') return `0${decimals}%`;
  const base = u.decimals > 0 ? `0${decimals}` : '#,##0';
  return u.unit ? `${base}" ${u.unit}"` : base;
}

/**
 * The unit of a finding's actual / required / gap: the one the check declared (Finding.unit), else a 差异系数's
 * (two decimals), else the indicator's own; null for a finding without an indicator of the standard, and for a
 * data finding without a declared unit (its `actual` is what the cell holds, e.g. a bare 1 that could be 1 % or
 * 100 %: shown as it is, never in the indicator's unit).
 */
export function findingUnit(std: Standard, f: Pick<Finding, 'unit' | 'measure' | 'indicator' | 'kind'>): FigureUnit | null {
  if (f.unit) return f.unit;
  if (f.kind === 'data') return null;
  if (f.measure === 'cv') return { unit: '', decimals: 2 };
  const ind = indicatorOf(std, f.indicator);
  return ind ? { unit: ind.unit, decimals: ind.precision } : null;
}

/** The value as the number format would show it (used to size columns). */
export function formatNumber(value: number, precision: number, unit = ''): string {
  const s = precision > 0 ? value.toFixed(precision) : Math.round(value).toLocaleString('en-US');
  return unit ? `${s} ${unit}` : s;
}

/** The run date, yyyy-mm-dd of the local calendar date (the one rule: src/ledger/dates.ts). */
export const isoDate = runDateText;

export function subtitle(workbook: string, std: Standard, date: Date): string {
  return `台账：${workbook}　标准：${std.name}　自查日期：${isoDate(date)}`;
}

/** The indicator of a standard by id, or null for an unknown id. */
export function indicatorOf(std: Standard, id: string | null): Indicator | null {
  if (id === null) return null;
  const inds: Record<string, Indicator> = std.indicators;
  return Object.prototype.hasOwnProperty.call(inds, id) ? inds[id] : null;
}

/** Width a cell needs as displayed. */
function cellWidth(c: ModelCell): number {
  if (c.value === null) return 0;
  if (typeof c.value === 'string') return Math.max(...c.value.split('\n').map(textWidth));
  const m = c.numFmt ? /^(#,##0|0(?:\.(0+))?)(?:" (.*)")?$/.exec(c.numFmt) : null;
  if (m) return textWidth(formatNumber(c.value, m[2]?.length ?? 0, m[3] ?? ''));
  return textWidth(String(Number.isInteger(c.value) ? c.value : c.value.toFixed(4)));
}

/**
 * Column widths that fit the headers and the data: at least 6, at most `max`; a header longer than
 * `headerMax` wraps rather than widening its column.
 */
export function fitColumns(headers: string[], rows: ModelCell[][], opts: { max?: number; headerMax?: number } = {}): ModelColumn[] {
  const max = opts.max ?? 60;
  const headerMax = opts.headerMax ?? 24;
  return headers.map((header, i) => {
    let w = Math.min(textWidth(header), headerMax);
    for (const r of rows) {
      const c = r[i];
      if (c) w = Math.max(w, cellWidth(c));
    }
    return { header, width: Math.min(Math.max(w + 2, 6), max) };
  });
}

/**
 * A deterministic order for located findings and marks: sheets in the order given (then unknown sheets by
 * name), then row, then column; findings without a cell come last, in their original order.
 */
export function locationKey(sheetOrder: Map<string, number>, sheet: string | null, cell: string | null): [number, string, number, number] {
  if (sheet === null) return [Number.MAX_SAFE_INTEGER, '', Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  const s = sheetOrder.get(sheet) ?? Number.MAX_SAFE_INTEGER - 1;
  const p = cell === null ? null : parseCell(cell);
  return [s, sheet, p ? p.row : Number.MAX_SAFE_INTEGER, p ? p.col : Number.MAX_SAFE_INTEGER];
}

export function compareKeys(a: [number, string, number, number], b: [number, string, number, number]): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  if (a[2] !== b[2]) return a[2] - b[2];
  return a[3] - b[3];
}

/** Sheet order: the order sheets first appear in `names` (e.g. the detected ledgers, then the findings). */
export function sheetOrderOf(names: Iterable<string | null>): Map<string, number> {
  const m = new Map<string, number>();
  for (const n of names) if (n !== null && !m.has(n)) m.set(n, m.size);
  return m;
}

function rank<T>(list: readonly T[], v: T | null): number {
  const i = v === null ? -1 : list.indexOf(v);
  return i < 0 ? list.length : i;
}

function cmpStr(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * Findings sorted by location, so 序号, marks and the JSON list agree run after run whatever order the
 * checks produced them in; on one cell: data problems first, then by indicator, 学段, school and message.
 */
export function sortFindings(findings: readonly Finding[], sheetOrder: Map<string, number>): Finding[] {
  const ids: readonly string[] = INDICATOR_IDS;
  return findings
    .map((f, i) => ({ f, i, k: locationKey(sheetOrder, f.sheet, f.cell) }))
    .sort(
      (a, b) =>
        compareKeys(a.k, b.k) ||
        (a.f.kind === b.f.kind ? 0 : a.f.kind === 'data' ? -1 : 1) ||
        rank(ids, a.f.indicator) - rank(ids, b.f.indicator) ||
        rank(STAGES, a.f.stage) - rank(STAGES, b.f.stage) ||
        cmpStr(a.f.school, b.f.school) ||
        cmpStr(a.f.message, b.f.message) ||
        a.i - b.i,
    )
    .map((x) => x.f);
}
