/**
 * What statistics exports (教育事业统计 基层表) print around a ledger: a column-letter row (A B C …), a
 * row-number column (1 2 3 … down the left edge), an index row under the header (甲 乙 丙 1 2 3 …), rows of
 * "*" (not applicable), the L-code row of a 表Ⅱ-2 sheet (L1 … L14) and its trailing "…" row, a unit row under the header (人 | 平方米 | 万元 | 间) and the units written once in
 * the title ("学校办学条件（单位：人、平方米、万元、间）"). Recognised here, so header detection and the row
 * readers see only the ledger. Pure.
 */
import type { CellValue, SheetGrid } from './grid';
import type { HeaderMatch } from './header';
import { normalizeText, parseUnit, type UnitInfo } from './normalize';

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Texts that alone in a cell say "not applicable": "*" (＊, ※) of the statistics forms, a dash, 不适用. */
const NOT_APPLICABLE = new Set(['*', '※', '**', '—', '——', '―', '不适用', '不涉及']);

/** "*" (or ＊, ※, —, 不适用) alone in a cell: the statistics forms' "not applicable". */
export function isNotApplicable(v: CellValue | undefined): boolean {
  if (typeof v !== 'string') return false;
  return NOT_APPLICABLE.has(normalizeText(v));
}

/** "…", "……", "..." or "⋯" alone in a cell: the printed tables' "and so on" row. */
export function isEllipsis(v: CellValue | undefined): boolean {
  return typeof v === 'string' && /^(?:…+|\.{3,}|⋯+|。{3,})$/.test(normalizeText(v));
}

/** A small whole number written as a number or as digits ("3", " 3 "); null for anything else. */
function smallInt(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v < 100000 ? v : null;
  if (typeof v === 'string') {
    const t = normalizeText(v);
    return /^\d{1,5}$/.test(t) ? Number(t) : null;
  }
  return null;
}

function letterIndex(t: string): number | null {
  if (!/^[A-Z]{1,3}$/.test(t)) return null;
  let n = 0;
  for (const ch of t) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A row printed as Excel's column headings: A B C … (each cell's letter one more than the last non-blank one's per column). */
function isColumnLetterRow(row: CellValue[] | undefined): boolean {
  if (!row) return false;
  let count = 0;
  let offset: number | null = null;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    if (typeof v !== 'string') return false;
    const n = letterIndex(normalizeText(v));
    if (n === null) return false;
    if (offset === null) offset = n - c;
    else if (n - c !== offset) return false;
    count++;
  }
  return count >= 3;
}

/** Heavenly stems used as index letters of text columns (甲 乙 丙 …). */
const STEMS = '甲乙丙丁戊己庚辛壬癸';
/** Label words an index row may start with. */
const INDEX_LABELS = new Set(['栏次', '行次', '列次', '栏号', '代码', '编号']);

/**
 * An index row under a statistics header: 甲 乙 丙 for the text columns, then 1 2 3 … for the figures
 * (stems in order, numbers consecutive), optionally after a label (栏次). Rows of a school never look like
 * this: a school row has a name.
 */
export function isIndexRow(row: CellValue[] | undefined): boolean {
  if (!row) return false;
  let stems = 0;
  let ints = 0;
  let lastStem = -1;
  let lastInt: number | null = null;
  let firstInt: number | null = null;
  for (const v of row) {
    if (isBlank(v)) continue;
    const n = smallInt(v);
    if (n !== null) {
      if (lastInt !== null && n !== lastInt + 1) return false;
      if (firstInt === null) firstInt = n;
      lastInt = n;
      ints++;
      continue;
    }
    if (typeof v !== 'string') return false;
    const t = normalizeText(v);
    const si = t.length === 1 ? STEMS.indexOf(t) : -1;
    if (si >= 0) {
      if (si <= lastStem || ints > 0) return false;
      lastStem = si;
      stems++;
      continue;
    }
    if (INDEX_LABELS.has(t) && stems === 0 && ints === 0) continue;
    return false;
  }
  if (stems > 0) return stems + ints >= 2;
  return ints >= 3 && firstInt === 1;
}

/** A row whose every filled cell is "*" (or "…"): a marker row of the statistics forms, not data. */
function isStarRow(row: CellValue[] | undefined): boolean {
  if (!row) return false;
  let n = 0;
  for (const v of row) {
    if (isBlank(v)) continue;
    if (!isNotApplicable(v) && !isEllipsis(v)) return false;
    n++;
  }
  return n > 0;
}

/**
 * The L-code row under a 表Ⅱ-2 header (L1 L2 … L14, one code per column): every filled cell "L" and a
 * number, the numbers consecutive, at least three.
 */
function isCodeRow(row: CellValue[] | undefined): boolean {
  if (!row) return false;
  let last: number | null = null;
  let count = 0;
  for (const v of row) {
    if (isBlank(v)) continue;
    if (typeof v !== 'string') return false;
    const m = /^L(\d{1,3})$/i.exec(normalizeText(v));
    if (!m) return false;
    const n = Number(m[1]);
    if (last !== null && n !== last + 1) return false;
    last = n;
    count++;
  }
  return count >= 3;
}

/**
 * A row-number column (0-based), printed down the left edge: in one of the first two columns, every filled
 * cell is a whole number that grows by one with the row (value − row constant), from within the first three
 * rows down through at least five rows. A 序号 column has its header text and is not one.
 */
function rowNumberColumn(values: readonly (CellValue[] | undefined)[]): number | null {
  for (let c = 0; c < 2; c++) {
    let offset: number | null = null;
    let count = 0;
    let first = -1;
    let ok = true;
    for (let r = 0; r < values.length && ok; r++) {
      const v = values[r]?.[c];
      if (isBlank(v)) continue;
      const n = smallInt(v);
      if (n === null) {
        ok = false;
        break;
      }
      if (offset === null) {
        offset = n - r;
        first = r;
      } else if (n - r !== offset) ok = false;
      count++;
    }
    if (ok && count >= 5 && first >= 0 && first <= 2) return c;
  }
  return null;
}

export interface Layout {
  /** The grid with the printed furniture blanked (same coordinates: cell addresses are unchanged). */
  grid: SheetGrid;
  /** 0-based grid rows blanked as column-letter, index or "*" rows. */
  skippedRows: number[];
  /** 0-based grid column blanked as a row-number column, or null. */
  rowNumberCol: number | null;
}

/**
 * Cheap pre-test (every row of every sheet passes here): the row's first filled cell could start a
 * column-letter, index or "*" row. Blank rows and rows starting with a name are out at once.
 */
function hasFurnitureStart(row: CellValue[]): boolean {
  for (const v of row) {
    if (isBlank(v)) continue;
    if (typeof v === 'number') return smallInt(v) !== null;
    if (typeof v !== 'string') return false;
    const t = v.trim();
    return t.length <= 5;
  }
  return false;
}

/** Blanks column-letter rows, a row-number column, index rows and "*" rows. Returns the grid itself when there are none. */
export function cleanLayout(grid: SheetGrid): Layout {
  const values = grid.values;
  const rnc = rowNumberColumn(values);
  const skipped: number[] = [];
  let copy: CellValue[][] | null = null;
  const own = (): CellValue[][] => (copy ??= values.map((row) => row));
  if (rnc !== null) {
    const v = own();
    for (let r = 0; r < v.length; r++) {
      const row = v[r];
      if (row && !isBlank(row[rnc])) {
        const next = row.slice();
        next[rnc] = null;
        v[r] = next;
      }
    }
  }
  const now = (): readonly (CellValue[] | undefined)[] => copy ?? values;
  const rows = now();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row || !hasFurnitureStart(row)) continue;
    if (isColumnLetterRow(row) || isIndexRow(row) || isStarRow(row) || isCodeRow(row)) {
      own()[r] = [];
      skipped.push(r);
    }
  }
  if (!copy) return { grid, skippedRows: skipped, rowNumberCol: rnc };
  return { grid: { ...grid, values: copy }, skippedRows: skipped, rowNumberCol: rnc };
}

const UNIT_LIST = /单位\s*[:：]\s*([^)）\]】]*)/;

/**
 * Units written once for the whole sheet in the rows above the header ("（单位：人、平方米、万元、间）",
 * "单位：万元"): for each dimension the one unit named, or nothing when the text names two units of one
 * dimension (元 and 万元) — then each column must say its own.
 */
export function sheetUnits(grid: SheetGrid, headerRow: number): Partial<Record<UnitInfo['dim'], UnitInfo>> {
  const found = new Map<UnitInfo['dim'], UnitInfo | null>();
  for (let r = 0; r < headerRow && r < grid.values.length; r++) {
    for (const v of grid.values[r] ?? []) {
      if (typeof v !== 'string' || v.length > 200) continue;
      const m = UNIT_LIST.exec(v.normalize('NFKC'));
      if (!m) continue;
      for (const part of m[1].split(/[、,，/;；\s]+/)) {
        const u = parseUnit(part);
        if (!u) continue;
        const had = found.get(u.dim);
        if (had === undefined) found.set(u.dim, u);
        else if (had !== null && had.factor !== u.factor) found.set(u.dim, null);
      }
    }
  }
  const out: Partial<Record<UnitInfo['dim'], UnitInfo>> = {};
  for (const [dim, u] of found) if (u) out[dim] = u;
  return out;
}

/**
 * A unit row right under the header (人 | 平方米 | 万元 | 间 …): every filled cell a unit (or 单位/计量单位),
 * at least two units. Returns each column's unit, or null when the row is not one.
 */
export function unitRow(row: CellValue[] | undefined): Map<number, UnitInfo> | null {
  if (!row) return null;
  const out = new Map<number, UnitInfo>();
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    if (typeof v !== 'string') return null;
    const t = normalizeText(v);
    if (t === '单位' || t === '计量单位' || t === '-' || t === '—' || t === '/') continue;
    const u = parseUnit(t.replace(/^[(（]|[)）]$/g, ''));
    if (!u) return null;
    out.set(c, u);
  }
  return out.size >= 2 ? out : null;
}

/**
 * Units a statistics export writes once instead of in each header: a unit row right under the header
 * (人 | 平方米 | 万元, per column) and the title's "（单位：人、平方米、万元、间）" (per dimension). They apply to
 * the money and area columns whose header names no unit; the unit row is then blanked so it is not read
 * as data.
 */
export function withSheetUnits(grid: SheetGrid, match: HeaderMatch): { grid: SheetGrid; match: HeaderMatch } {
  const last = match.rows[match.rows.length - 1];
  let next = last + 1;
  while (next < grid.values.length && (grid.values[next] ?? []).every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))) next++;
  const perColumn = next < grid.values.length ? unitRow(grid.values[next]) : null;
  const perDim = sheetUnits(grid, match.rows[0]);
  const columns = match.columns.map((m) => {
    const dim = m.field.dim;
    if (m.unit || (dim !== 'money' && dim !== 'area')) return m;
    const own = perColumn?.get(m.col);
    const unit = own && own.dim === dim ? own : perDim[dim];
    return unit ? { ...m, unit } : m;
  });
  let g = grid;
  if (perColumn) {
    const values = grid.values.slice();
    values[next] = [];
    g = { ...grid, values };
  }
  return { grid: g, match: { ...match, columns } };
}
