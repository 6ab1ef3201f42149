/**
 * Header detection: find the header row (or a parent row plus a child row under merged parents) in the
 * first rows of a grid and map columns to fields by normalised text and the synonym tables.
 */
import type { CellValue, SheetGrid } from './grid';
import { cellText, normalizeHeader, stageOf, STAGE_AFFIXES, type UnitInfo } from './normalize';
import type { FieldDef, HeaderGroup, LedgerDef } from './synonyms';
import type { StageKey } from './types';

/** One recognised column. `col` is the 0-based column index into `grid.values[r]`. */
export interface ColumnMatch {
  field: FieldDef;
  /** 学段 of a split column; null for a whole-school column. */
  stage: StageKey | null;
  col: number;
  unit: UnitInfo | null;
  /** The header text of the column (the child's when the child row decided), for spotting repeated headers. */
  text: string;
}

export interface HeaderMatch {
  def: LedgerDef;
  /** 0-based grid row indices of the header (one or two). */
  rows: number[];
  columns: ColumnMatch[];
  score: number;
}

/** How many non-blank rows at the top of a sheet are searched for a header. */
export const HEADER_SCAN_ROWS = 20;
/** Hard cap on physical rows searched (blank rows included). */
const HEADER_SCAN_LIMIT = 80;

interface Lookup {
  exact: Map<string, FieldDef>;
  groups: Map<string, HeaderGroup>;
  groupChildren: Map<HeaderGroup, Map<string, FieldDef>>;
  byField: Map<string, FieldDef>;
}

const lookups = new WeakMap<LedgerDef, Lookup>();

/** The normalised synonym lookup of a ledger kind (built once per definition). */
function lookupOf(def: LedgerDef): Lookup {
  let l = lookups.get(def);
  if (l) return l;
  const exact = new Map<string, FieldDef>();
  const byField = new Map<string, FieldDef>();
  for (const f of def.fields) {
    byField.set(f.field, f);
    for (const s of [f.label, ...f.synonyms]) {
      const k = normalizeHeader(s).key;
      if (k && !exact.has(k)) exact.set(k, f);
    }
  }
  const groups = new Map<string, HeaderGroup>();
  const groupChildren = new Map<HeaderGroup, Map<string, FieldDef>>();
  for (const g of def.groups) {
    for (const p of g.parents) {
      const k = normalizeHeader(p).key;
      if (k && !groups.has(k)) groups.set(k, g);
    }
    const children = new Map<string, FieldDef>();
    for (const [text, field] of Object.entries(g.children)) {
      const f = byField.get(field);
      if (!f) throw new Error(`synonyms: group child field ${field} is not a field of ${def.kind}`);
      const k = normalizeHeader(text).key;
      if (k) children.set(k, f);
      // "间数" also arrives as "间" once its unit is stripped; keep the raw text too.
      children.set(text, f);
    }
    groupChildren.set(g, children);
  }
  l = { exact, groups, groupChildren, byField };
  lookups.set(def, l);
  return l;
}

export interface TextMatch {
  field: FieldDef;
  stage: StageKey | null;
  unit: UnitInfo | null;
}

function byKey(l: Lookup, key: string): FieldDef | null {
  const f = l.exact.get(key);
  if (f) return f;
  if (key.length > 1 && key.endsWith('数')) {
    const g = l.exact.get(key.slice(0, -1));
    if (g && g.loose) return g;
  } else {
    const g = l.exact.get(`${key}数`);
    if (g && g.loose) return g;
  }
  return null;
}

function groupOf(l: Lookup, key: string): HeaderGroup | null {
  return l.groups.get(key) ?? (key.endsWith('数') ? l.groups.get(key.slice(0, -1)) : undefined) ?? null;
}

/** Matches one header text (one-row header, or a parent/child alone). */
export function matchHeaderText(def: LedgerDef, text: string): TextMatch | null {
  const l = lookupOf(def);
  const n = normalizeHeader(text);
  const key = n.key;
  if (!key) return null;
  const exact = l.exact.get(key);
  if (!exact) {
    // "音乐教室（间）" vs "音乐教室（㎡）": a group parent told apart by its unit.
    const g = l.groups.get(key);
    if (g && g.byUnit && n.unit) {
      const name = g.byUnit[n.unit.dim];
      const gf = name ? l.byField.get(name) : undefined;
      if (gf) return { field: gf, stage: null, unit: n.unit };
    }
  }
  const f = exact ?? byKey(l, key);
  if (f) return { field: f, stage: f.split && n.stage && n.stage !== 'all' ? n.stage : null, unit: n.unit };
  for (const [affix, stage] of STAGE_AFFIXES) {
    if (key.length <= affix.length) continue;
    let rest: string | null = null;
    if (key.startsWith(affix)) rest = key.slice(affix.length);
    else if (key.endsWith(affix)) rest = key.slice(0, -affix.length);
    if (rest === null) continue;
    const sf = byKey(l, rest);
    if (sf && sf.split) return { field: sf, stage, unit: n.unit };
  }
  return null;
}

interface PairMatch {
  m: TextMatch | null;
  /** The parent text / the child text decided the match. */
  parent: boolean;
  child: boolean;
  /** The deciding header text. */
  text?: string;
}

function pair(def: LedgerDef, parent: string, child: string, parentSpread: boolean): PairMatch {
  const r = pairInner(def, parent, child, parentSpread);
  r.text = r.child && child ? child : parent;
  return r;
}

function pairInner(def: LedgerDef, parent: string, child: string, parentSpread: boolean): PairMatch {
  const pn = normalizeHeader(parent);
  const cn = normalizeHeader(child);
  if (!cn.key && !cn.unit) return { m: matchHeaderText(def, parent), parent: true, child: false };
  if (!pn.key) return { m: matchHeaderText(def, child), parent: false, child: true };
  if (pn.key === cn.key) return { m: matchHeaderText(def, child), parent: true, child: true };
  const l = lookupOf(def);
  if (!cn.key && cn.unit) {
    // A unit row under the names: "教学仪器设备值" over "万元".
    const m = matchHeaderText(def, parent);
    return { m: m ? { ...m, unit: m.unit ?? cn.unit } : null, parent: true, child: true };
  }
  const both = (m: TextMatch | null): PairMatch => ({ m, parent: true, child: true });
  const g = groupOf(l, pn.key);
  if (g) {
    const children = l.groupChildren.get(g);
    const cf = children?.get(cn.key) ?? (cn.key.endsWith('数') ? undefined : children?.get(`${cn.key}数`)) ?? children?.get(child.trim());
    if (cf) return both({ field: cf, stage: null, unit: cn.unit ?? pn.unit });
  }
  const pm = matchHeaderText(def, parent);
  const cStage = stageOf(cn.key);
  if (pm && pm.field.split && cStage) return both({ field: pm.field, stage: cStage === 'all' ? null : cStage, unit: cn.unit ?? pm.unit });
  const pStage = stageOf(pn.key);
  const cm = matchHeaderText(def, child);
  if (pStage && pStage !== 'all' && cm && cm.field.split) return both({ field: cm.field, stage: pStage, unit: cm.unit ?? pn.unit });
  const joined = matchHeaderText(def, `${parent}${child}`);
  if (joined) return both(joined);
  if (cm) return { m: { ...cm, unit: cm.unit ?? pn.unit }, parent: false, child: true };
  if (pm && !parentSpread) return { m: pm, parent: true, child: false };
  return { m: null, parent: false, child: false };
}

/** Matches a column of a two-row header: the (possibly merged) parent text over the child text. */
export function matchHeaderPair(def: LedgerDef, parent: string, child: string, parentSpread: boolean): TextMatch | null {
  return pair(def, parent, child, parentSpread).m;
}

/** Resolves merged cells in the header zone: each covered cell → its merge's top-left cell. */
class HeaderCells {
  private readonly cover = new Map<number, { r: number; c: number; wide: boolean }>();
  constructor(private readonly grid: SheetGrid, rowLimit: number) {
    for (const m of grid.merges) {
      const top = m.top - grid.top;
      const left = m.left - grid.left;
      const bottom = Math.min(m.bottom - grid.top, rowLimit);
      const right = Math.min(m.right - grid.left, left + 2000);
      if (top > rowLimit || bottom < 0 || right < 0) continue;
      const wide = m.right > m.left;
      for (let r = Math.max(top, 0); r <= bottom; r++) {
        for (let c = Math.max(left, 0); c <= right; c++) {
          if (r === top && c === left) continue;
          this.cover.set(r * 20000 + c, { r: top, c: left, wide });
        }
      }
    }
  }
  value(r: number, c: number): CellValue | undefined {
    const row = this.grid.values[r];
    return row ? row[c] : undefined;
  }
  /** Text of a cell, taking a merge's top-left text; `spread` = the text came from a horizontal merge. */
  text(r: number, c: number): { text: string; spread: boolean; fromAbove: boolean } {
    const own = cellText(this.value(r, c)).trim();
    if (own) {
      return { text: own, spread: this.isWideTopLeft(r, c), fromAbove: false };
    }
    const cov = this.cover.get(r * 20000 + c);
    if (cov) return { text: cellText(this.value(cov.r, cov.c)).trim(), spread: cov.wide, fromAbove: cov.r < r };
    return { text: '', spread: false, fromAbove: false };
  }
  private wideTopLefts: Set<number> | null = null;
  private isWideTopLeft(r: number, c: number): boolean {
    if (!this.wideTopLefts) {
      this.wideTopLefts = new Set();
      for (const m of this.grid.merges) if (m.right > m.left) this.wideTopLefts.add((m.top - this.grid.top) * 20000 + (m.left - this.grid.left));
    }
    return this.wideTopLefts.has(r * 20000 + c);
  }
}

function rowIsBlank(row: CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const v of row) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    return false;
  }
  return true;
}

function rowHasNumber(row: CellValue[] | undefined): boolean {
  if (!row) return false;
  for (const v of row) if (typeof v === 'number') return true;
  return false;
}

function evaluate(
  def: LedgerDef,
  width: number,
  matchAt: (c: number) => PairMatch | null,
): { columns: ColumnMatch[]; score: number; parent: number; child: number } | null {
  const columns: ColumnMatch[] = [];
  const seen = new Set<string>();
  const fields = new Set<string>();
  let parent = 0;
  let child = 0;
  for (let c = 0; c < width; c++) {
    const pm = matchAt(c);
    const m = pm?.m;
    if (!pm || !m) continue;
    const k = m.stage ? `${m.field.field}.${m.stage}` : m.field.field;
    if (seen.has(k)) continue;
    seen.add(k);
    fields.add(m.field.field);
    if (pm.parent) parent++;
    if (pm.child) child++;
    columns.push({ field: m.field, stage: m.stage, col: c, unit: m.unit, text: pm.text ?? '' });
  }
  for (const anchor of def.anchors) if (!anchor.some((f) => fields.has(f))) return null;
  if (columns.length < def.minFields) return null;
  return { columns, score: columns.length, parent, child };
}

/**
 * Finds the best header for any of `defs` in the first rows of `grid`: the row (plus optionally the next
 * row as a child row) that maps the most columns and satisfies the ledger's anchors. Null when none does.
 */
export function detectHeader(grid: SheetGrid, defs: readonly LedgerDef[]): HeaderMatch | null {
  const rows = grid.values;
  const candidates: number[] = [];
  for (let r = 0; r < rows.length && r < HEADER_SCAN_LIMIT && candidates.length < HEADER_SCAN_ROWS; r++) {
    if (!rowIsBlank(rows[r])) candidates.push(r);
  }
  if (candidates.length === 0) return null;
  const lastRow = candidates[candidates.length - 1] + 1;
  const cells = new HeaderCells(grid, lastRow + 1);
  let width = 0;
  for (let r = 0; r <= lastRow && r < rows.length; r++) width = Math.max(width, rows[r]?.length ?? 0);
  for (const m of grid.merges) width = Math.max(width, Math.min(m.right - grid.left + 1, width + 50));

  let best: HeaderMatch | null = null;
  for (let i = 0; i < candidates.length; i++) {
    const r = candidates[i];
    const next = r + 1 < rows.length ? r + 1 : -1;
    const childOk = next >= 0 && !rowIsBlank(rows[next]) && !rowHasNumber(rows[next]);
    for (const def of defs) {
      const one = evaluate(def, width, (c) => {
        const t = cells.text(r, c);
        return t.fromAbove ? null : { m: matchHeaderText(def, t.text), parent: true, child: false, text: t.text };
      });
      if (one && (!best || one.score > best.score)) best = { def, rows: [r], columns: one.columns, score: one.score };
      if (childOk) {
        const two = evaluate(def, width, (c) => {
          const p = cells.text(r, c);
          if (p.fromAbove) return null;
          const ch = cells.text(next, c);
          return pair(def, p.text, ch.fromAbove ? '' : ch.text, p.spread);
        });
        // A real two-row header: both rows decide some column (not a title over a header, not a header
        // over a data row), and it maps at least as much as the parent row alone.
        if (two && two.parent > 0 && two.child > 0 && (!one || two.score >= one.score) && (!best || two.score >= best.score)) {
          if (!best || two.score > best.score || best.rows[0] === r) best = { def, rows: [r, next], columns: two.columns, score: two.score };
        }
      }
    }
  }
  return best;
}
