/**
 * Streaming readers of the parts the engine needs: shared strings and one worksheet → SheetGrid. The
 * part's bytes are inflated in chunks, decoded with TextDecoder `stream: true` (a character split between
 * chunks is joined, never replaced) and fed to saxes; only the cells' values are kept.
 * The values are what the ExcelJS host read (src/xlsx/read.ts): formulas as cached results (none:
 * NOT_CALCULATED), dates by the date number formats, errors, rich and inline text, booleans; a cell or a
 * row without its optional `r` follows the previous one.
 */
import { SaxesParser } from 'saxes';
import type { CellValue, MergeRange, SheetGrid } from '../ledger/grid';
import { denseGrid, isErrorLiteral, keptFormat } from '../host/grid-rules';
import { local, type XlsxPackage } from './package';
import { isDateFormat, type StyleSheet } from './styles';

export const NOT_CALCULATED = '#公式未计算';

function feed(pkg: XlsxPackage, part: string, p: SaxesParser): boolean {
  let first = true;
  const ok = pkg.streamText(part, (s) => {
    if (first) {
      first = false;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    p.write(s);
  });
  p.close();
  return ok;
}

/** The shared strings (plain text of each `<si>`, phonetic runs left out). */
export function readSharedStrings(pkg: XlsxPackage, part: string | null): string[] {
  const out: string[] = [];
  if (!part) return out;
  const p = new SaxesParser({ xmlns: false, position: false } as const);
  let inSi = false;
  let inT = false;
  let rph = 0;
  let cur = '';
  p.on('opentag', (t) => {
    const n = local(t.name);
    if (n === 'si') {
      inSi = true;
      cur = '';
    } else if (n === 't' && inSi && rph === 0) inT = !t.isSelfClosing;
    else if (n === 'rPh') rph++;
  });
  const onText = (s: string) => {
    if (inT) cur += s;
  };
  p.on('text', onText);
  p.on('cdata', onText);
  p.on('closetag', (t) => {
    const n = local(t.name);
    if (n === 't') inT = false;
    else if (n === 'rPh') rph--;
    else if (n === 'si') {
      inSi = false;
      out.push(cur);
    }
  });
  feed(pkg, part, p);
  return out;
}

/** "AB12" → [row, col] (1-based), or null. */
export function parseRef(ref: string): [number, number] | null {
  let i = 0;
  let col = 0;
  const n = ref.length;
  while (i < n) {
    const c = ref.charCodeAt(i);
    if (c === 36 /* $ */) {
      i++;
      continue;
    }
    const u = c >= 97 && c <= 122 ? c - 32 : c;
    if (u < 65 || u > 90) break;
    col = col * 26 + (u - 64);
    i++;
  }
  if (col === 0) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  return row > 0 ? [row, col] : null;
}

function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** Excel's escape for characters XML cannot hold: _xHHHH_ (and _x005F_ for a literal underscore). */
export function decodeEscapes(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function textValue(raw: string): CellValue {
  if (raw === '') return null;
  const s = decodeEscapes(raw);
  return isErrorLiteral(s) ? { error: s } : s;
}

function numberValue(n: number): CellValue {
  return Number.isFinite(n) ? n : { error: '#NUM!' };
}

export interface ReadContext {
  strings: string[];
  styles: StyleSheet;
  date1904: boolean;
}

/** A sheet with more cells than the limit (the caller decides what to say). */
export class SheetTooLarge extends Error {
  constructor(readonly sheet: string, readonly cells: number) {
    super(`sheet ${sheet} has more than ${cells} cells`);
  }
}

export interface RawCell {
  row: number;
  col: number;
  value: CellValue;
  /** The raw value for the memory sheet: strings, numbers, booleans as stored. */
}

/**
 * One pass over a worksheet part. `onCell` gets every cell that holds a value (1-based row and column),
 * with its style index; merges are returned. Stops (throws SheetTooLarge) past `maxCells` cells.
 */
export function scanSheet(
  pkg: XlsxPackage,
  part: string,
  ctx: ReadContext,
  onCell: (row: number, col: number, v: CellValue, s: number) => void,
  opts: { maxCells?: number; name?: string; maxRow?: number } = {},
): MergeRange[] {
  const merges: MergeRange[] = [];
  const p = new SaxesParser({ xmlns: false, position: false } as const);
  const maxCells = opts.maxCells ?? Infinity;
  const maxRow = opts.maxRow ?? Infinity;
  let count = 0;
  let row = 0;
  let col = 0;
  let inData = false;
  // Current cell
  let inCell = false;
  let t = '';
  let s = 0;
  let hasF = false;
  let vText: string | null = null;
  let isText: string | null = null;
  let mode = 0; // 1 = in <v>, 2 = in <is><t> (outside rPh)
  let inIs = false;
  let rph = 0;

  p.on('opentag', (tag) => {
    const n = local(tag.name);
    if (!inData) {
      if (n === 'sheetData') inData = !tag.isSelfClosing;
      else if (n === 'mergeCell') {
        const ref = tag.attributes.ref;
        if (ref) {
          const [a, b] = ref.split(':');
          const pa = parseRef(a);
          const pb = parseRef(b ?? a);
          if (pa && pb) merges.push({ top: Math.min(pa[0], pb[0]), left: Math.min(pa[1], pb[1]), bottom: Math.max(pa[0], pb[0]), right: Math.max(pa[1], pb[1]) });
        }
      }
      return;
    }
    switch (n) {
      case 'row': {
        const r = tag.attributes.r;
        row = r ? parseInt(r, 10) : row + 1;
        col = 0;
        if (row > maxRow) throw new StopScan();
        return;
      }
      case 'c': {
        const a = tag.attributes;
        const r = a.r;
        const pr = r ? parseRef(r) : null;
        if (pr) {
          if (pr[0] !== row) row = pr[0];
          col = pr[1];
        } else col++;
        t = a.t ?? 'n';
        s = a.s ? parseInt(a.s, 10) || 0 : 0;
        hasF = false;
        vText = null;
        isText = null;
        inIs = false;
        inCell = !tag.isSelfClosing;
        return;
      }
      case 'v':
        if (inCell) {
          mode = 1;
          vText = vText ?? '';
        }
        return;
      case 'f':
        hasF = true;
        return;
      case 'is':
        inIs = true;
        isText = '';
        return;
      case 'rPh':
        rph++;
        return;
      case 't':
        if (inIs && rph === 0) mode = 2;
        return;
      default:
        return;
    }
  });
  const onText = (x: string) => {
    if (mode === 1) vText += x;
    else if (mode === 2) isText += x;
  };
  p.on('text', onText);
  p.on('cdata', onText);
  p.on('closetag', (tag) => {
    const n = local(tag.name);
    if (!inData) return;
    switch (n) {
      case 'v':
      case 't':
        mode = 0;
        return;
      case 'rPh':
        rph--;
        return;
      case 'is':
        inIs = false;
        return;
      case 'sheetData':
        inData = false;
        return;
      case 'c': {
        if (!inCell) return;
        inCell = false;
        const v = cellValue();
        if (v === null) return;
        if (++count > maxCells) throw new SheetTooLarge(opts.name ?? part, maxCells);
        onCell(row, col, v, s);
        return;
      }
      default:
        return;
    }
  });
  // A self-closed <c/> holds no value: nothing to report.

  function cellValue(): CellValue {
    if (hasF) {
      if (!vText) return { error: NOT_CALCULATED };
      switch (t) {
        case 'str':
          return textValue(vText);
        case 'b':
          return parseInt(vText, 10) !== 0;
        case 'e':
          return { error: vText };
        default: {
          const num = parseFloat(vText);
          if (isDateFormat(ctx.styles.numFmtOf(s))) return dateValue(num);
          return numberValue(num);
        }
      }
    }
    switch (t) {
      case 's': {
        if (vText === null) return null;
        const str = ctx.strings[parseInt(vText, 10)];
        return str === undefined ? null : textValue(str);
      }
      case 'inlineStr':
        return isText === null ? (vText === null ? null : textValue(vText)) : textValue(isText);
      case 'str':
        return vText === null ? null : textValue(vText);
      case 'b':
        return vText === null ? null : parseInt(vText, 10) !== 0;
      case 'e':
        return vText === null ? null : { error: vText };
      case 'd': {
        if (vText === null) return null;
        const d = new Date(vText);
        return Number.isNaN(d.getTime()) ? { error: '#VALUE!' } : d;
      }
      default: {
        if (vText === null || vText === '') return null;
        const num = parseFloat(vText);
        if (isDateFormat(ctx.styles.numFmtOf(s))) return dateValue(num);
        return numberValue(num);
      }
    }
  }
  function dateValue(num: number): CellValue {
    if (!Number.isFinite(num)) return { error: '#NUM!' };
    const d = excelToDate(num, ctx.date1904);
    return Number.isNaN(d.getTime()) ? { error: '#VALUE!' } : d;
  }

  try {
    feed(pkg, part, p);
  } catch (e) {
    // Past maxRow: the rest of the part is never inflated.
    if (!(e instanceof StopScan)) throw e;
  }
  return merges;
}

class StopScan extends Error {}

/** A worksheet's used grid (the cells holding a value), as the ExcelJS host built it. */
export function readSheetGrid(
  pkg: XlsxPackage,
  part: string,
  name: string,
  ctx: ReadContext,
  opts: { maxCells?: number; maxRow?: number } = {},
): SheetGrid {
  const rowVals: (CellValue[] | undefined)[] = [];
  const rowFmts: ((string | null)[] | undefined)[] = [];
  let top = Infinity;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  const fmtCache = new Map<number, string | undefined>();
  let merges: MergeRange[] = [];
  {
    merges = scanSheet(
      pkg,
      part,
      ctx,
      (r, c, v, s) => {
        const ri = r - 1;
        const ci = c - 1;
        let vals = rowVals[ri];
        if (!vals) rowVals[ri] = vals = [];
        vals[ci] = v;
        if (typeof v === 'number' || v instanceof Date) {
          let nf = fmtCache.get(s);
          if (!fmtCache.has(s)) fmtCache.set(s, (nf = ctx.styles.numFmtOf(s)));
          const k = keptFormat(v, nf);
          if (k) {
            let f = rowFmts[ri];
            if (!f) rowFmts[ri] = f = [];
            f[ci] = k;
          }
        }
        if (ci < left) left = ci;
        if (ci > right) right = ci;
        if (ri < top) top = ri;
        if (ri > bottom) bottom = ri;
      },
      { maxCells: opts.maxCells, name, maxRow: opts.maxRow },
    );
  }
  return denseGrid(name, { top, bottom, left, right }, rowVals, rowFmts, merges);
}

/** The memory sheet's cells as stored (strings, numbers, booleans), row-major from A1. */
export function readRawRows(pkg: XlsxPackage, part: string, ctx: ReadContext): (string | number | boolean | null)[][] {
  const rows: (string | number | boolean | null)[][] = [];
  const raw: ReadContext = { ...ctx, styles: { numFmtOf: () => undefined } as unknown as StyleSheet };
  scanSheet(pkg, part, raw, (r, c, v) => {
    const row = (rows[r - 1] ??= []);
    row[c - 1] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
  });
  for (let r = 0; r < rows.length; r++) {
    if (!rows[r]) rows[r] = [];
    const row = rows[r];
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  return rows;
}
