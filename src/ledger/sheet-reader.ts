/**
 * The per-sheet reading context shared by every ledger kind's row reader: cell addresses, numeric cells
 * (counts, amounts, shares) with their data findings, and the finding sink. Pure.
 */
import type { Standard, Stage, IndicatorId } from '../standard/schema';
import type { Finding } from './finding';
import { cellAddress, columnLetter, type CellValue, type SheetGrid } from './grid';
import { isDateFormat, readNumber, readPercent } from './coerce';
import { cellDateText } from './dates';
import { isNotApplicable } from './layout';
import type { ColumnMatch, HeaderMatch } from './header';
import { normalizeText } from './normalize';
import { classifyRow, mergeIndex, mergedValue, type MergeIndex } from './rows';
import type { CellRef, Num } from './types';

const DEFAULT_DEPARTMENTS = ['县教育局'];

/** Collects data findings with the standard's 责任单位. */
export class FindingSink {
  readonly findings: Finding[] = [];
  constructor(private readonly std: Standard) {}
  departments(indicator: IndicatorId | null): string[] {
    if (!indicator) return [...DEFAULT_DEPARTMENTS];
    const ind = this.std.indicators[indicator];
    return ind ? [...ind.departments] : [...DEFAULT_DEPARTMENTS];
  }
  data(p: {
    indicator: IndicatorId | null;
    sheet: string | null;
    cell: string | null;
    school: string | null;
    stage: Stage | null;
    actual: number | string | null;
    message: string;
  }): void {
    this.findings.push({
      kind: 'data',
      indicator: p.indicator,
      sheet: p.sheet,
      cell: p.cell,
      school: p.school,
      stage: p.stage,
      actual: p.actual,
      required: null,
      gap: null,
      message: p.message,
      departments: this.departments(p.indicator),
    });
  }
}

export function asStage(s: string | null): Stage | null {
  return s === '小学' || s === '初中' ? s : null;
}

export function actualOf(v: CellValue | undefined): number | string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return cellDateText(v);
  return v.error;
}

export function textOf(v: CellValue | undefined): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

export function fmtNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** Per-sheet reading context. */
export class SheetReader {
  readonly sheet: string;
  constructor(readonly grid: SheetGrid, readonly sink: FindingSink) {
    this.sheet = grid.name;
  }
  ref(r: number, c: number): CellRef {
    return { sheet: this.sheet, row: this.grid.top + r, col: this.grid.left + c };
  }
  addr(r: number, c: number): string {
    return cellAddress(this.grid.top + r, this.grid.left + c);
  }
  letter(c: number): string {
    return columnLetter(this.grid.left + c);
  }

  /** Reads one numeric cell of a field into a Num, raising a data finding when it cannot be read. */
  num(r: number, m: ColumnMatch, school: string | null, stage: Stage | null): Num {
    return this.numRead(r, m, school, stage).num;
  }

  /**
   * As `num`, with how the value was read: the number as typed (`raw`, null when none), the unit factor
   * applied, and whether the cell wrote its own unit ("45.6万元").
   */
  numRead(r: number, m: ColumnMatch, school: string | null, stage: Stage | null): { num: Num; raw: number | null; factor: number; own: boolean } {
    const row = this.grid.values[r];
    const v = row ? row[m.col] : undefined;
    const ref = this.ref(r, m.col);
    const f = m.field;
    const format = this.grid.formats?.[r]?.[m.col] ?? null;
    const label = columnLabel(m);
    const none = (num: Num) => ({ num, raw: null, factor: 1, own: false });
    // "*" (not applicable) is no number and no error: the checks decide whether the value was needed.
    if (isNotApplicable(v)) return none({ value: null, ref, problem: 'blank' });
    if (f.value === 'percent') {
      const p = readPercent(v, format);
      if ('blank' in p) return none({ value: null, ref, problem: 'blank' });
      if ('error' in p) return none(this.bad(r, m, school, stage, actualOf(v), `「${label}」单元格${p.error}`));
      if ('ambiguous' in p) return none(this.bad(r, m, school, stage, actualOf(v), ambiguousMessage(label, p.ambiguous)));
      return none({ value: p.value, ref });
    }
    const res = readNumber(v, format);
    if ('blank' in res) return none({ value: null, ref, problem: 'blank' });
    if ('error' in res) return none(this.bad(r, m, school, stage, actualOf(v), `「${label}」单元格${res.error}`));
    const own = res.factor !== undefined;
    const factor = res.factor ?? (m.unit && m.unit.dim === f.dim ? m.unit.factor : 1);
    let value = factor === 1 ? res.value : Number((res.value * factor).toPrecision(12));
    if (value < 0) return none(this.bad(r, m, school, stage, value, `「${label}」单元格为负数（${fmtNumber(value)}），数量不能为负`));
    if (f.value === 'count') {
      const rounded = Math.round(value);
      if (Math.abs(value - rounded) > 1e-9) {
        return none(this.bad(r, m, school, stage, value, `「${label}」单元格为 ${fmtNumber(value)}，不是整数（人数、班数、间数应为整数）`));
      }
      value = rounded;
    }
    return { num: { value, ref }, raw: res.value, factor, own };
  }

  bad(r: number, m: ColumnMatch, school: string | null, stage: Stage | null, actual: number | string | null, message: string): Num {
    this.sink.data({
      indicator: m.field.indicator ?? null,
      sheet: this.sheet,
      cell: this.addr(r, m.col),
      school,
      stage,
      actual,
      message,
    });
    return { value: null, ref: this.ref(r, m.col), problem: 'unreadable' };
  }
}

export function columnLabel(m: ColumnMatch): string {
  return m.stage ? `${m.field.label}（${m.stage}）` : m.field.label;
}

export function columnKey(m: ColumnMatch): string {
  return m.stage ? `${m.field.field}.${m.stage}` : m.field.field;
}

/** Columns (0-based) left of the first numeric column: where a 合计/小计 label can be. */
export function labelColumns(match: HeaderMatch): number[] {
  let firstNumeric = Infinity;
  for (const m of match.columns) if (m.field.value !== 'text') firstNumeric = Math.min(firstNumeric, m.col);
  const out: number[] = [];
  const end = Number.isFinite(firstNumeric) ? firstNumeric : 8;
  for (let c = 0; c < end && c < 12; c++) out.push(c);
  for (const m of match.columns) if (m.field.value === 'text' && m.col >= end) out.push(m.col);
  return out;
}

/** A header repeated inside the data (printed page headers): the cell repeats its column's header text. */
export function isRepeatedHeader(text: string, m: ColumnMatch): boolean {
  if (m.text === '') return false;
  let h = normalizedHeaders.get(m);
  if (h === undefined) normalizedHeaders.set(m, (h = normalizeText(m.text)));
  return text === m.text || normalizeText(text) === h;
}

/** normalizeText of each column's header text, computed once (isRepeatedHeader runs on every data row). */
const normalizedHeaders = new WeakMap<ColumnMatch, string>();

export function hasAnyNumber(row: CellValue[] | undefined, cols: readonly ColumnMatch[]): boolean {
  if (!row) return false;
  for (const m of cols) {
    const v = row[m.col];
    if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return true;
  }
  return false;
}

/** "「残疾儿童少年入学率」填写为 1，无法判断是 1% 还是 100%，请写成 100% 或 1%". */
export function ambiguousMessage(label: string, n: number): string {
  return `「${label}」填写为 ${fmtNumber(n)}，无法判断是 ${fmtNumber(n)}% 还是 ${fmtNumber(n * 100)}%，请写成带百分号的数（如 ${fmtNumber(n * 100)}%）`;
}

/** Text of one cell of a text column, with its address; null when the ledger has no such column. */
export function textCell(reader: SheetReader, r: number, m: ColumnMatch | null): { text: string; ref: CellRef } | null {
  if (!m) return null;
  const row = reader.grid.values[r];
  return { text: textOf(row ? row[m.col] : undefined), ref: reader.ref(r, m.col) };
}

/**
 * The text of a cell that may hold a date (建校时间): a date cell, or a number shown with a date format (an
 * Excel serial day), as yyyy-mm-dd; anything else as `textOf`.
 */
export function dateOrText(v: CellValue | undefined, format: string | null | undefined): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : cellDateText(v);
  if (typeof v === 'number' && Number.isFinite(v) && isDateFormat(format) && v > 0) {
    return cellDateText(new Date(Math.round((v - 25569) * 86400000)));
  }
  return textOf(v);
}

/** The cell of a school attribute: `textCell`, with a date kept as yyyy-mm-dd for 建校时间. */
export function attributeCell(reader: SheetReader, r: number, m: ColumnMatch, attribute: string): { text: string; ref: CellRef } {
  const row = reader.grid.values[r];
  const v = row ? row[m.col] : undefined;
  const text = attribute === 'builtYear' ? dateOrText(v, reader.grid.formats?.[r]?.[m.col]) : textOf(v);
  return { text, ref: reader.ref(r, m.col) };
}

/**
 * The school of each data row of a class or teacher ledger: the row's own text, else the merged cell
 * above it, else the last school named (a name written once over its rows is filled down).
 */
export class SchoolColumn {
  private readonly idx: MergeIndex | null;
  private last: { name: string; ref: CellRef } | null = null;
  constructor(private readonly reader: SheetReader, private readonly col: ColumnMatch | undefined, start: number) {
    this.idx = col ? mergeIndex(reader.grid, col.col, start) : null;
  }
  /** `null` school when the column is missing, or blank with no school named above. */
  at(r: number): { school: string | null; ref: CellRef | null } {
    if (!this.col) return { school: null, ref: null };
    const sv = mergedValue(this.reader.grid, r, this.col.col, this.idx);
    const st = textOf(sv.v);
    if (st) {
      this.last = { name: st, ref: this.reader.ref(sv.r, sv.c) };
      return { school: st, ref: this.last.ref };
    }
    return this.last ? { school: this.last.name, ref: this.last.ref } : { school: null, ref: null };
  }
}

/**
 * The data rows below a ledger's header (0-based grid rows): blank and 合计/小计 rows skipped, note rows
 * (填表说明 …) skipped too, and every row after a note flagged `afterNote` so the reader can ignore what
 * does not clearly look like data.
 */
export function* dataRows(grid: SheetGrid, match: HeaderMatch): Generator<{ r: number; row: CellValue[] | undefined; afterNote: boolean }> {
  const labels = labelColumns(match);
  let afterNote = false;
  for (let r = match.rows[match.rows.length - 1] + 1; r < grid.values.length; r++) {
    const row = grid.values[r];
    const kind = classifyRow(row, labels);
    if (kind === 'blank' || kind === 'total') continue;
    if (kind === 'note') {
      afterNote = true;
      continue;
    }
    yield { r, row, afterNote };
  }
}
