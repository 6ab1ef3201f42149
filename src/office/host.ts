/**
 * The Office.js host: a WorkbookHost (src/host/port.ts) over one `Excel.RequestContext`, for the task pane
 * and the ribbon commands. Same semantics as the ExcelJS host (src/xlsx/host.ts): the same grids, the same
 * marks and notes, the same summary sheets, and the same run memory in the very hidden sheet `_junheng`
 * (src/host/memory.ts), so a workbook marked in Excel can be cleared by the CLI and vice versa.
 *
 * Cost is round trips. This host:
 *  - caches the sheet list (tab order, visibility) for its lifetime — one host per `Excel.run`;
 *  - reads every candidate sheet's used range in one sync (under the budget), after one sync for the
 *    dimensions, merged areas, protection and a 60-row sample of all sheets (prefetched while the memory is
 *    read). It reads `values` everywhere, but `numberFormat` only over the columns where the sample holds
 *    numbers (the engine needs a format only on numbers: src/host/grid-rules.ts), and never `valueTypes`
 *    (errors are recognised from the values). A number found outside those columns gets its format read
 *    with the next slice of values; only one found in the last slice costs a sync of its own;
 *  - QUEUES writes (undo, marks, summary sheets) without syncing: they travel with the next read or with the
 *    final sync of writeMemory / flush(). A refusal detected before that (a protected sheet) therefore leaves
 *    the workbook untouched;
 *  - writes marks grouped by style through `worksheet.getRanges(address)`, address strings ≤ 2 000 characters;
 *  - writes each summary sheet as whole 2-D blocks (number formats first: text cells "@", so ledger text
 *    never becomes a formula), with formats per style block and per column, and the model's chart where it
 *    declares one (SheetModel.chart: worksheet.charts.add, queued with the sheet — no extra sync; the ExcelJS
 *    host cannot draw charts and writes the table only);
 *  - estimates each request's size and splits by rows when it would pass REQUEST_BUDGET (4.5 MB; Excel on the
 *    web allows 5 MB per request and per response), filling each request before starting the next: extra
 *    syncs only for data beyond that (a text-heavy ledger reads ≈ 12 bytes a cell of values and numeric
 *    formats, ≈ 13 by the estimate: one more sync per ≈ 350 000 cells).
 * Syncs of a whole runCheck: 5 without a previous run, 6 with one (its undo reads travel with the grid
 * values); clearRun: 5 (see test/office/sync.test.ts).
 *
 * Notes need ExcelApi 1.18 AND a client library that has them: the npm office.js (1.1.110) defines no
 * `NoteCollection` while Excel answers `isSetSupported('ExcelApi', '1.18')` with true, so an optional API is
 * used only when the loaded library has it AND the requirement set is there (never the set alone). Notes go
 * through `worksheet.notes` keyed by plain cell address ("B3"), the form of Microsoft's samples. Without
 * notes the explanation lives in 问题清单 only: no note is written, the memory records the hash of the empty
 * text as the note written (NO_NOTE_APPLIED) and the original note as null, and notes are never touched.
 *
 * Batches are not atomic in Excel (what ran before a failing command stays applied). So nothing is queued
 * before every refusal that can be known is checked (protected sheets; workbook structure protection, read
 * with the sheet list), and the marks and summary sheets are held back until writeMemory: the final batch
 * writes the new memory FIRST (it already describes every mark and sheet of the run), then the marks, then
 * the summary sheets. A failure at any point leaves nothing 清除标记 cannot undo.
 *
 * Merged areas: `getMergedAreasOrNullObject` (ExcelApi 1.13) is used only where the library has it (else no
 * merges are read and `mergesUnavailable` says so). It fails over a range of more than 512 merged areas: a
 * refused read of the dimensions is retried without merges, and the merges read in row slices (halved while
 * Excel still refuses) — two more syncs, only for such sheets. A read that lists only the top-left cell of
 * each area (#1590) is read again through `RangeAreas.areas`.
 */
import type { CellValue, MergeRange, SheetGrid } from '../ledger/grid';
import { columnLetter, parseCell, quoteSheetName } from '../ledger/grid';
import { SUMMARY_FONT, styleTable, type StyleLook } from '../report/look';
import type { CellStyle, Mark, ModelCell, SheetModel } from '../report/model';
import {
  MEMORY_SHEET,
  appliedNoteText,
  decodeMemory,
  noteHash,
  noteText,
  type MarkColours,
  type MarkedCell,
  type MemoryRows,
  type RunMemory,
} from '../host/memory';
import type { SheetInfo, SheetState, SheetWrite, UndoResult, WorkbookHost } from '../host/port';
import { fitCellText, isErrorLiteral, keptFormat } from '../host/grid-rules';
import { addressChunks, blocksOf, parseAreas, rectAddress, type CellPos, type Rect } from './address';
import { MSG_PROTECTED_WORKBOOK, OfficeHostError, protectedSheetMessage } from './errors';
import { argbToHex, fillRestore, isMarkFill, officeToFillDesc, type OfficeFill, type OfficeFillDesc } from './fill';

/** The hash recorded as "note written" when no note was written (notes unsupported). */
export const NO_NOTE_APPLIED = noteHash('');

/** Excel on the web's limit per request and per response ("5 MB", read as the smaller 5 000 000 bytes). */
export const PAYLOAD_LIMIT = 5_000_000;

/**
 * Bytes one request may carry by the host's estimate before it splits: the limit less 10 %. Read estimates
 * come from a sample of each sheet's first rows with a margin of READ_MARGIN, and later rows of a ledger
 * run up to 7 % longer than its first ones (growing serial numbers, suffixed names) on the bench workbooks.
 */
export const REQUEST_BUDGET = 4_500_000;

/**
 * Bytes one queued operation costs in the library's own request JSON, where the host counts operations
 * rather than serialising them: an action ({"Id","ActionType","Name","ObjectPathId","ArgumentInfo"}) or an
 * object path (≈ 110 B) with its instantiation (≈ 55 B). Measured on office.js 1.1.110's requests in
 * test/office/richapi, which checks that every request stays within the budget in the library's bytes.
 */
const OP_BYTES = 150;

/** Rows apart that a snapshot read still bridges (reads a few unmarked cells to save proxies). */
const READ_GAP = 16;

export interface OfficeHostOptions {
  /** ExcelApi 1.18 (workbook.notes); default: asked from Office.context.requirements at construction. */
  notesSupported?: boolean;
  /** Request size budget in bytes (tests lower it to exercise the splitting). */
  budgetBytes?: number;
}

/** True when Office says this Excel has the requirement set (false when Office or the answer is missing). */
export function setSupported(version: string): boolean {
  try {
    const o = (globalThis as { Office?: typeof Office }).Office;
    return !!o?.context?.requirements?.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

/** True when the loaded office.js defines the notes API (Excel.NoteCollection, Worksheet.notes, Workbook.notes). */
export function libraryHasNotes(): boolean {
  try {
    const E = (globalThis as { Excel?: unknown }).Excel as
      | { NoteCollection?: unknown; Workbook?: { prototype?: object }; Worksheet?: { prototype?: object } }
      | undefined;
    if (!E || typeof E.NoteCollection !== 'function') return false;
    const wb = E.Workbook?.prototype;
    const ws = E.Worksheet?.prototype;
    return !!wb && !!ws && 'notes' in wb && 'notes' in ws;
  } catch {
    return false;
  }
}

/** True when notes can be used here: the library has them AND Excel has ExcelApi 1.18 — never the set alone. */
export function notesSupportedHere(): boolean {
  return libraryHasNotes() && setSupported('1.18');
}

/**
 * True when this request context's objects offer notes: `workbook.notes` exists on the context, and the global
 * library (when there is one) defines `Worksheet.notes`. Reading the property queues nothing.
 */
function contextHasNotes(context: Excel.RequestContext): boolean {
  try {
    const wb = context.workbook as unknown as { notes?: unknown };
    if (wb.notes === undefined || wb.notes === null) return false;
    const E = (globalThis as { Excel?: { Worksheet?: { prototype?: object } } }).Excel;
    const proto = E?.Worksheet?.prototype;
    return !proto || 'notes' in proto;
  } catch {
    return false;
  }
}

/** What the pane says when this Excel could not read merged cells (no getMergedAreasOrNullObject). */
export const MSG_NO_MERGES =
  '当前 Excel 不支持读取合并单元格（需要 ExcelApi 1.13），台账中由合并单元格表示的表头或学校名可能识别不全。';

/** Runs `fn` with an OfficeHost inside `Excel.run({ delayForCellEdit: true })` and sends what it queued. */
export async function runInExcel<T>(fn: (host: OfficeHost, context: Excel.RequestContext) => Promise<T>, opts: OfficeHostOptions = {}): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, async (context) => {
    const host = new OfficeHost(context, opts);
    const out = await fn(host, context);
    await host.flush();
    return out;
  });
}

// ---------------------------------------------------------------------------------------------

const VIS_TO_STATE: Record<string, SheetState> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

interface Dims {
  protected: boolean;
  /** Used range (values only), 0-based indexes; null when the sheet holds no value. */
  used: { row: number; col: number; rows: number; cols: number } | null;
  /** Used range with formats and merges (getUsedRange(false)), 0-based; where merged areas are looked for. */
  area: { row: number; col: number; rows: number; cols: number };
  /** Merged areas; null while not read (a read refused over Excel's 512-area limit is redone in slices). */
  merges: MergeRange[] | null;
  /** Merge reads that listed single cells (#1590: only each area's top-left cell), to read again through `areas`. */
  suspect: Excel.RangeAreas[];
  /** Estimated response bytes per cell of a `values` read, measured on a sample of the sheet's rows. */
  valueBytes: number;
  /** Estimated response bytes per cell of a `numberFormat` read. */
  formatBytes: number;
  /** Column runs (0-based offsets in the used range, inclusive) where the sample holds numbers. */
  numberCols: { from: number; to: number }[];
}

/** One sheet being read by readGrids: its rows as they arrive (indexes relative to the used range). */
interface SheetRead {
  name: string;
  used: NonNullable<Dims['used']>;
  dims: Dims;
  vals: unknown[][];
  /** Number formats read so far (sparse: undefined where not read). */
  fmts: (string | undefined)[][];
  /** Next row (relative) whose values are still to be queued. */
  next: number;
  /** Blocks of numbers read without their format (absolute, 1-based), to read the formats of. */
  missing: Rect[];
}

/** A read queued by readGrids, handled after the sync that carries it. */
interface GridRead {
  s: SheetRead;
  what: 'values' | 'numberFormat';
  /** Top-left (relative to the used range) of the range read. */
  r: number;
  c: number;
  range: Excel.Range;
}

interface Snapshot {
  fill: (c: CellPos) => OfficeFill | null;
  note: (c: CellPos) => Excel.Note | null;
}

interface UndoRead {
  /** The remembered cells these reads are for. */
  key: string;
  bySheet: Map<string, { m: RunMemory['cells'][number]; pos: CellPos }[]>;
  missing: number;
  pend: Map<string, PendingDims>;
  snaps: Map<string, Snapshot>;
}

interface PendingDims {
  ws: Excel.Worksheet;
  prot: Excel.WorksheetProtection;
  used: Excel.Range;
  full: Excel.Range;
  merged: Excel.RangeAreas | null;
  sample: Excel.Range;
}

/** Cells per merge-read slice to start with when a whole-sheet read was refused (halved while refused). */
const MERGE_SLICE_CELLS = 2048;
/** A slice of at most this many cells holds at most 512 merged areas (each has a cell in it): never refused. */
const MERGE_SAFE_CELLS = 512;

/** Errors after which a read is not worth retrying differently (Excel busy with editing, workbook gone). */
const FATAL_CODES = new Set(['InvalidOperationInCellEditMode', 'InactiveWorkbook', 'WorkbookClosed', 'ConnectionFailure', 'RequestAborted']);
const retryable = (e: unknown) => {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && !FATAL_CODES.has(code);
};

/** Merged areas as read (possibly from overlapping slices): duplicates and areas inside others dropped. */
function distinctAreas(list: MergeRange[]): MergeRange[] {
  const seen = new Map<string, MergeRange>();
  for (const m of list) seen.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
  const all = [...seen.values()];
  const inside = (a: MergeRange, b: MergeRange) => a !== b && a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
  return all.filter((a) => !all.some((b) => inside(a, b))).sort((a, b) => a.top - b.top || a.left - b.left);
}

const isCell = (m: MergeRange) => m.top === m.bottom && m.left === m.right;

type Cell = string | number | boolean;

const utf8 = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3;
  }
  return n;
};
const jsonBytes = (v: unknown) => utf8(JSON.stringify(v) ?? '');

/**
 * Estimated response bytes per cell of a `values` read and of a `numberFormat` read when the sample tells
 * nothing (an empty sample; no number in it). Text-heavy sheets cost more: a read Excel refuses as too large
 * is retried in smaller slices (readGrids).
 */
const VALUE_CELL_BYTES = 20;
const FORMAT_CELL_BYTES = 24;

/** Margin on the bytes per cell measured on the sample (later rows run longer than the first ones). */
const READ_MARGIN = 1.15;

/** Rows sampled per sheet (with the dimensions) to estimate a values read. */
const SAMPLE_ROWS = 60;

/** Columns apart that one numberFormat read still bridges (reads a few text cells to save proxies). */
const FORMAT_COL_GAP = 1;

/** What the sample of a sheet's first rows tells: bytes per cell of values and formats, numeric columns. */
function analyseSample(values: unknown[][], formats: unknown[][], rows: number): Pick<Dims, 'valueBytes' | 'formatBytes' | 'numberCols'> {
  const vals = values.slice(0, Math.max(0, rows));
  const cells = vals.reduce((n, r) => n + r.length, 0);
  const valueBytes = cells ? Math.max(4, Math.ceil((jsonBytes(vals) / cells) * READ_MARGIN)) : VALUE_CELL_BYTES;
  const numeric = new Set<number>();
  const fmts: unknown[] = [];
  vals.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== 'number') return;
      numeric.add(c);
      fmts.push(formats[r]?.[c]);
    }),
  );
  const formatBytes = fmts.length ? Math.max(4, Math.ceil((jsonBytes(fmts) / fmts.length) * READ_MARGIN)) : FORMAT_CELL_BYTES;
  const numberCols: Dims['numberCols'] = [];
  for (const c of [...numeric].sort((a, b) => a - b)) {
    const last = numberCols[numberCols.length - 1];
    if (last && c - last.to <= FORMAT_COL_GAP + 1) last.to = c;
    else numberCols.push({ from: c, to: c });
  }
  return { valueBytes, formatBytes, numberCols };
}

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'PayloadSizeLimitExceeded']);
/** Estimated response bytes per cell of getCellProperties (fill). */
const PROPS_CELL_BYTES = 130;

export { MAX_CELL_TEXT, fitCellText } from '../host/grid-rules';

/** Excel serial (1900 system) → Date, as ExcelJS reads it. */
function serialToDate(v: number): Date {
  return new Date(Math.round((v - 25569) * 24 * 3600 * 1000));
}

/** ExcelJS's test for a date format (utils.isDateFmt). */
function isDateFmt(fmt: string | null | undefined): boolean {
  if (!fmt || fmt === 'General') return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/**
 * One cell as the engine sees it (mirrors src/xlsx/read.ts cellValueOf). Office.js returns an error value
 * as its literal ("#DIV/0!"): recognised from the value alone, as the ExcelJS host does (grid-rules.ts).
 */
function cellValue(v: unknown, fmt: string | undefined): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { error: '#NUM!' };
    return isDateFmt(fmt) ? serialToDate(v) : v;
  }
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return isErrorLiteral(v) ? { error: v } : v;
  return String(v);
}

/** Bounds + dense rows exactly like readGrid of the ExcelJS host. */
function toGrid(name: string, row0: number, col0: number, vals: unknown[][], fmts: (string | undefined)[][], merges: MergeRange[]): SheetGrid {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  const rowVals: (CellValue[] | undefined)[] = [];
  const rowFmts: ((string | null)[] | undefined)[] = [];
  for (let r = 0; r < vals.length; r++) {
    const src = vals[r];
    let out: CellValue[] | undefined;
    let fo: (string | null)[] | undefined;
    for (let c = 0; c < src.length; c++) {
      const nf = fmts[r]?.[c];
      const v = cellValue(src[c], nf);
      if (v === null) continue;
      if (!out) {
        out = [];
        fo = [];
      }
      out[c] = v;
      fo![c] = keptFormat(v, nf);
      if (c < left) left = c;
      if (c > right) right = c;
    }
    if (out) {
      rowVals[r] = out;
      rowFmts[r] = fo;
      if (r < top) top = r;
      bottom = r;
    }
  }
  if (top === Infinity) return { name, top: 1, left: 1, values: [], formats: [], merges };
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const v = rowVals[r];
    if (!v) {
      values.push([]);
      formats.push([]);
      continue;
    }
    const n = v.length - left;
    const ov: CellValue[] = new Array(n);
    const of: (string | null)[] = new Array(n);
    const f = rowFmts[r]!;
    for (let c = 0; c < n; c++) {
      const x = v[c + left];
      ov[c] = x === undefined ? null : x;
      of[c] = x === undefined ? null : (f[c + left] ?? null);
    }
    values.push(ov);
    formats.push(of);
  }
  const g: SheetGrid = { name, top: row0 + top + 1, left: col0 + left + 1, values, formats, merges };
  const gBottom = row0 + bottom + 1;
  const gRight = col0 + right + 1;
  g.merges = merges.filter((m) => m.bottom >= g.top && m.top <= gBottom && m.right >= g.left && m.left <= gRight);
  return g;
}

// ---------------------------------------------------------------------------------------------
// Summary sheet styles (the one look of every host: src/report/look.ts)

const FONT = SUMMARY_FONT;
interface FontSpec {
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  color?: string;
}
const STYLE_FONT = styleTable<FontSpec>((l) => ({
  size: l.size,
  ...(l.bold ? { bold: true } : {}),
  ...(l.italic ? { italic: true } : {}),
  ...(l.underline ? { underline: true } : {}),
  ...(l.color ? { color: `#${l.color}` } : {}),
}));
type HAlign = 'Left' | 'Center' | 'Right' | 'General';
const H_ALIGN: Record<StyleLook['align'], HAlign> = { general: 'General', right: 'Right', center: 'Center' };
const STYLE_ALIGN = styleTable<{ h: HAlign; wrap: boolean }>((l) => ({ h: H_ALIGN[l.align], wrap: l.wrap }));

/** Excel column width in characters → points (Office.js columnWidth). */
export function widthToPoints(chars: number): number {
  return Math.round((Math.trunc(chars * 7 + 5) * 0.75) * 100) / 100;
}

function styleOf(mc: NonNullable<ModelCell>): CellStyle {
  return mc.link ? 'link' : (mc.style ?? (typeof mc.value === 'number' ? 'number' : 'text'));
}

// ---------------------------------------------------------------------------------------------

export class OfficeHost implements WorkbookHost {
  readonly notesSupported: boolean;
  private readonly budget: number;
  private sheets: SheetInfo[] | null = null;
  private dims = new Map<string, Dims>();
  private memDims: { row: number; col: number; rows: number; cols: number } | null = null;
  /** The memory last read (decoded), so readGrids can prefetch what undo will read. */
  private memory: RunMemory | null = null;
  /** Undo reads sent ahead with readGrids' values, and the memory they are for. */
  private undoRead: UndoRead | null = null;
  private undoReadMemory: RunMemory | null = null;
  /** A smaller budget while a refused read is retried. */
  private budgetOverride: number | null = null;
  private pending = 0;
  private dirty = false;
  /** context.sync() calls made by this host. */
  syncs = 0;
  /** Workbook structure protection as read with the sheet list (ExcelApi 1.7); false when it cannot be read. */
  structureProtected = false;
  private workbookProtection: Excel.WorkbookProtection | null = null;
  /**
   * True when this Excel's library has no getMergedAreasOrNullObject (ExcelApi 1.13): no merged cells were
   * read, and the pane should say so (MSG_NO_MERGES).
   */
  mergesUnavailable = false;
  /** Writes held back until writeMemory (marks, then summary sheets), so that the memory goes first. */
  private deferred: (() => Promise<void>)[] = [];
  /** Summary sheets in the cache that Excel does not have yet (held back). */
  private unsent = new Set<string>();

  constructor(
    readonly context: Excel.RequestContext,
    opts: OfficeHostOptions = {},
  ) {
    this.notesSupported = (opts.notesSupported ?? notesSupportedHere()) && contextHasNotes(context);
    this.budget = opts.budgetBytes ?? REQUEST_BUDGET;
  }

  // -- plumbing ---------------------------------------------------------------------------------

  private async sync(): Promise<void> {
    const context = this.context;
    this.sending();
    await context.sync();
  }

  /** Book-keeping of a request about to be sent. */
  private sending(): void {
    this.syncs++;
    this.pending = 0;
    this.dirty = false;
  }

  /** Accounts `bytes` to the request being built; sends it first when it would pass the budget. */
  private async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > (this.budgetOverride ?? this.budget)) await this.sync();
    this.pending += bytes;
    this.dirty = true;
  }

  /** Sends queued writes, if any. */
  async flush(): Promise<void> {
    if (this.deferred.length) await this.sendDeferred();
    if (this.dirty) await this.sync();
  }

  private ws(name: string): Excel.Worksheet {
    return this.context.workbook.worksheets.getItem(name);
  }

  /** The sheet's notes (ExcelApi 1.18; only called when notesSupported). */
  private notes(sheet: string): Excel.NoteCollection {
    return (this.ws(sheet) as unknown as { notes: Excel.NoteCollection }).notes;
  }

  // -- sheets -----------------------------------------------------------------------------------

  private queueList(): Excel.WorksheetCollection {
    const wss = this.context.workbook.worksheets;
    wss.load('items/name,items/visibility,items/position');
    // Workbook structure protection (ExcelApi 1.7), read with the list: known before anything is written.
    const prot = (this.context.workbook as unknown as { protection?: Excel.WorkbookProtection }).protection;
    if (prot && typeof prot.load === 'function') {
      prot.load('protected');
      this.workbookProtection = prot;
    }
    return wss;
  }

  private takeList(wss: Excel.WorksheetCollection): void {
    if (this.workbookProtection) this.structureProtected = this.workbookProtection.protected;
    this.sheets = wss.items
      .map((w) => ({ name: w.name, state: VIS_TO_STATE[w.visibility] ?? 'visible', pos: w.position }))
      .sort((a, b) => a.pos - b.pos)
      .map(({ name, state }) => ({ name, state }));
  }

  async listSheets(): Promise<SheetInfo[]> {
    if (!this.sheets) {
      const wss = this.queueList();
      await this.reserve(256);
      await this.sync();
      this.takeList(wss);
    }
    return this.sheets!.map((s) => ({ ...s }));
  }

  private has(name: string): boolean {
    return !!this.sheets?.some((s) => s.name === name);
  }

  // -- dimensions (used range, merges, protection) ---------------------------------------------

  /** True when the library has getMergedAreasOrNullObject on this range (ExcelApi 1.13); else notes the lack. */
  private canReadMerges(range: Excel.Range): boolean {
    const ok = typeof (range as unknown as { getMergedAreasOrNullObject?: unknown }).getMergedAreasOrNullObject === 'function';
    if (!ok) this.mergesUnavailable = true;
    return ok;
  }

  private async queueDims(names: string[], withMerges = true): Promise<Map<string, PendingDims>> {
    const out = new Map<string, PendingDims>();
    for (const name of names) {
      if (this.dims.has(name) || out.has(name)) continue;
      // Accounted before it is queued: a sync this triggers must not carry it beyond the budget.
      await this.reserve(600 + name.length * 8 + SAMPLE_ROWS * 300);
      const ws = this.ws(name);
      const prot = ws.protection;
      prot.load('protected');
      const used = ws.getUsedRange(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      const full = ws.getUsedRange(false);
      full.load('rowIndex,columnIndex,rowCount,columnCount');
      let merged: Excel.RangeAreas | null = null;
      if (withMerges && this.canReadMerges(full)) {
        merged = full.getMergedAreasOrNullObject();
        merged.load('address');
      }
      // A sample of the first rows, to size the values read (text-heavy sheets cost more per cell).
      const sample = ws.getUsedRange(true).getRow(0).getResizedRange(SAMPLE_ROWS - 1, 0);
      sample.load('values,numberFormat');
      out.set(name, { ws, prot, used, full, merged, sample });
    }
    return out;
  }

  private takeDims(pending: Map<string, PendingDims>): void {
    for (const [name, p] of pending) {
      this.dims.set(name, {
        protected: p.prot.protected,
        used: { row: p.used.rowIndex, col: p.used.columnIndex, rows: p.used.rowCount, cols: p.used.columnCount },
        area: { row: p.full.rowIndex, col: p.full.columnIndex, rows: p.full.rowCount, cols: p.full.columnCount },
        merges: this.mergesUnavailable && !p.merged ? [] : p.merged ? (p.merged.isNullObject ? [] : parseAreas(p.merged.address)) : null,
        suspect: p.merged && !p.merged.isNullObject && parseAreas(p.merged.address).some(isCell) ? [p.merged] : [],
        ...analyseSample(p.sample.values, p.sample.numberFormat, p.used.rowCount),
      });
    }
  }

  /**
   * Sends a request carrying dimension reads (and nothing but reads). When Excel refuses it and merges were
   * in it (more than 512 merged areas in a sheet fail the whole request), the same reads go again without
   * merges (`again` re-queues the request's other reads); readGrids then reads the merges in slices.
   */
  private async syncDims(pend: Map<string, PendingDims>, again: () => Promise<void> = async () => undefined): Promise<Map<string, PendingDims>> {
    try {
      await this.sync();
      return pend;
    } catch (e) {
      if (![...pend.values()].some((p) => p.merged) || !retryable(e)) throw e;
      await again();
      const bare = await this.queueDims([...pend.keys()], false);
      await this.sync();
      return bare;
    }
  }

  /**
   * Merged areas of the sheets still without them, in row slices of the used range (one request; slices
   * halved while Excel refuses, down to slices of ≤ 512 cells, which cannot hold more than 512 areas); then
   * reads that listed only top-left cells (#1590) again through `RangeAreas.areas`. Costs syncs only for
   * such sheets.
   */
  private async settleMerges(names: string[]): Promise<void> {
    const todo = names.filter((n) => this.dims.get(n)?.merges === null);
    if (todo.length) {
      let cells = MERGE_SLICE_CELLS;
      for (;;) {
        const reads: { name: string; areas: Excel.RangeAreas }[] = [];
        let single = true;
        try {
          for (const name of todo) {
            const a = this.dims.get(name)!.area;
            const step = Math.max(1, Math.floor(cells / Math.max(1, a.cols)));
            if (step > 1) single = false;
            for (let r = 0; r < a.rows; r += step) {
              await this.reserve(500);
              const range = this.ws(name).getRangeByIndexes(a.row + r, a.col, Math.min(step, a.rows - r), a.cols);
              const m = range.getMergedAreasOrNullObject();
              m.load('address');
              reads.push({ name, areas: m });
            }
          }
          await this.sync();
        } catch (e) {
          if (!retryable(e) || cells <= MERGE_SAFE_CELLS || single) throw e;
          cells = Math.floor(cells / 2);
          continue;
        }
        for (const name of todo) {
          const d = this.dims.get(name)!;
          const mine = reads.filter((x) => x.name === name && !x.areas.isNullObject);
          d.merges = distinctAreas(mine.flatMap((x) => parseAreas(x.areas.address)));
          d.suspect = mine.filter((x) => parseAreas(x.areas.address).some(isCell)).map((x) => x.areas);
        }
        break;
      }
    }
    const suspects = names.filter((n) => (this.dims.get(n)?.suspect.length ?? 0) > 0);
    if (!suspects.length) return;
    const detail: { name: string; items: Excel.RangeCollection }[] = [];
    for (const name of suspects) {
      for (const a of this.dims.get(name)!.suspect) {
        const areas = (a as unknown as { areas?: Excel.RangeCollection }).areas;
        if (!areas || typeof areas.load !== 'function') continue;
        await this.reserve(400);
        areas.load('items/address');
        detail.push({ name, items: areas });
      }
    }
    if (detail.length) await this.sync();
    for (const name of suspects) {
      const d = this.dims.get(name)!;
      const more = detail.filter((x) => x.name === name).flatMap((x) => x.items.items.flatMap((r) => parseAreas(r.address)));
      d.merges = distinctAreas([...(d.merges ?? []), ...more]).filter((m) => !isCell(m));
      d.suspect = [];
    }
  }

  // -- reading ----------------------------------------------------------------------------------

  async readMemory(): Promise<MemoryRows | null> {
    if (!this.sheets) await this.listSheets();
    if (!this.has(MEMORY_SHEET)) return null;
    // Sync 2: the memory sheet's size, and (prefetch for readGrids) every other sheet's dimensions.
    if (!this.memDims) {
      let used = this.ws(MEMORY_SHEET).getUsedRange(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      await this.reserve(300);
      const pend = await this.queueDims(this.sheets!.filter((s) => s.state !== 'veryHidden').map((s) => s.name));
      const got = await this.syncDims(pend, async () => {
        used = this.ws(MEMORY_SHEET).getUsedRange(true);
        used.load('rowIndex,columnIndex,rowCount,columnCount');
        await this.reserve(300);
      });
      this.takeDims(got);
      // Loaded and synced inside syncDims (the rule cannot see through the call).
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
      this.memDims = { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
    }
    const d = this.memDims;
    // Sync 3: its values, in row slices under the budget (a chunk row holds ≤ 32 000 characters).
    const slices: { r: number; range: Excel.Range }[] = [];
    const perRow = Math.max(1, d.cols) * 8 + 100_000;
    const step = Math.max(1, Math.floor(this.budget / perRow));
    for (let r = 0; r < d.rows; r += step) {
      const n = Math.min(step, d.rows - r);
      const range = this.ws(MEMORY_SHEET).getRangeByIndexes(d.row + r, d.col, n, d.cols);
      range.load('values');
      await this.reserve(n * perRow);
      slices.push({ r, range });
    }
    await this.sync();
    const rows: MemoryRows = [];
    for (let r = 0; r < d.row; r++) rows.push([]);
    for (const s of slices) {
      for (const row of s.range.values as unknown[][]) {
        const out: (string | number | boolean | null)[] = new Array(d.col).fill(null);
        for (const v of row) out.push(v === '' || v === undefined ? null : (v as string | number | boolean | null));
        rows.push(out);
      }
    }
    const decoded = decodeMemory(rows);
    this.memory = decoded.status === 'ok' ? decoded.memory : null;
    return rows;
  }

  /**
   * Queues the values of the next rows of `s` that fit in the request being built, with the number formats of
   * the columns where its sample holds numbers. False when not one row fits (the request is full).
   */
  private async queueSlice(s: SheetRead, budget: number, reads: GridRead[]): Promise<boolean> {
    const u = s.used;
    const d = s.dims;
    const fmtCols = d.numberCols.reduce((n, x) => n + x.to - x.from + 1, 0);
    const perRow = u.cols * d.valueBytes + fmtCols * d.formatBytes + 8;
    const fixed = 200 + d.numberCols.length * 200;
    let n = Math.min(u.rows - s.next, Math.floor((budget - this.pending - fixed) / perRow));
    if (n < 1) {
      if (this.pending > 0) return false;
      n = 1;
    }
    // Accounted before it is queued: a sync this triggers must not carry it beyond the budget.
    await this.reserve(n * perRow + fixed);
    const ws = this.ws(s.name);
    const range = ws.getRangeByIndexes(u.row + s.next, u.col, n, u.cols);
    range.load('values');
    reads.push({ s, what: 'values', r: s.next, c: 0, range });
    for (const x of d.numberCols) {
      const f = ws.getRangeByIndexes(u.row + s.next, u.col + x.from, n, x.to - x.from + 1);
      f.load('numberFormat');
      reads.push({ s, what: 'numberFormat', r: s.next, c: x.from, range: f });
    }
    s.next += n;
    return true;
  }

  /** Queues the formats of numbers found outside the sampled numeric columns, as far as they fit. False when full. */
  private async queueMissingFormats(s: SheetRead, budget: number, reads: GridRead[]): Promise<boolean> {
    const u = s.used;
    const per = s.dims.formatBytes;
    while (s.missing.length) {
      const b = s.missing[0];
      const cols = b.right - b.left + 1;
      const rows = b.bottom - b.top + 1;
      let n = Math.min(rows, Math.floor((budget - this.pending - 200) / (cols * per + 4)));
      if (n < 1) {
        if (this.pending > 0) return false;
        n = 1;
      }
      await this.reserve(n * (cols * per + 4) + 200);
      const range = this.ws(s.name).getRangeByIndexes(b.top - 1, b.left - 1, n, cols);
      range.load('numberFormat');
      reads.push({ s, what: 'numberFormat', r: b.top - 1 - u.row, c: b.left - 1 - u.col, range });
      if (n < rows) s.missing[0] = { ...b, top: b.top + n };
      else s.missing.shift();
    }
    return true;
  }

  /** Stores what a sync brought; notes the numbers read without their format. */
  private takeGridReads(reads: GridRead[]): void {
    for (const x of reads) {
      const s = x.s;
      if (x.what === 'values') {
        (x.range.values as unknown[][]).forEach((row, i) => (s.vals[x.r + i] = row));
      } else {
        (x.range.numberFormat as string[][]).forEach((row, i) => {
          const f = (s.fmts[x.r + i] ??= []);
          row.forEach((v, j) => (f[x.c + j] = v));
        });
      }
    }
    const found = new Map<SheetRead, CellPos[]>();
    for (const x of reads) {
      if (x.what !== 'values') continue;
      const s = x.s;
      const rows = x.range.values as unknown[][];
      for (let i = 0; i < rows.length; i++) {
        const r = x.r + i;
        const row = rows[i];
        for (let c = 0; c < row.length; c++) {
          if (typeof row[c] !== 'number' || s.fmts[r]?.[c] !== undefined) continue;
          let l = found.get(s);
          if (!l) found.set(s, (l = []));
          l.push({ row: s.used.row + r + 1, col: s.used.col + c + 1 });
        }
      }
    }
    for (const [s, cells] of found) s.missing.push(...blocksOf(cells, READ_GAP));
  }

  /**
   * Reads the used ranges of `names` (dimensions known) in as few requests as the budget allows: each request
   * filled with row slices of values (and the formats of the sampled numeric columns), then the formats of
   * numbers found elsewhere, with the next slices. The undo reads of a check travel with the last values.
   */
  private async readSheets(names: string[], budget: number): Promise<SheetRead[]> {
    const states: SheetRead[] = names.map((name) => {
      const dims = this.dims.get(name)!;
      return { name, dims, used: dims.used!, vals: [], fmts: [], next: 0, missing: [] };
    });
    for (;;) {
      const reads: GridRead[] = [];
      let room = true;
      for (const s of states) if (room) room = await this.queueMissingFormats(s, budget, reads);
      for (const s of states) {
        while (room && s.next < s.used.rows) room = await this.queueSlice(s, budget, reads);
      }
      let undo = false;
      // A check undoes the previous run next: its reads travel with the last values (nothing changes between).
      if (this.memory && states.every((s) => s.next >= s.used.rows)) {
        this.undoReadMemory = this.memory;
        this.undoRead = await this.queueUndoRead(this.memory);
        this.memory = null;
        undo = true;
      }
      if (!reads.length && !undo) return states;
      await this.sync();
      this.takeGridReads(reads);
    }
  }

  async readGrids(names: string[]): Promise<SheetGrid[]> {
    if (!this.sheets) await this.listSheets();
    const wanted = names.filter((n) => this.has(n));
    const pend = await this.queueDims(wanted);
    if (pend.size) this.takeDims(await this.syncDims(pend));
    await this.settleMerges(wanted);
    // A request Excel refuses as too large (estimates are estimates) is read again in requests half the
    // size: reads change nothing.
    let states: SheetRead[] = [];
    let budget = this.budget;
    for (let attempt = 0; ; attempt++) {
      try {
        this.budgetOverride = budget;
        states = await this.readSheets(wanted, budget);
        break;
      } catch (e) {
        const code = (e as { code?: unknown })?.code;
        if (attempt >= 8 || typeof code !== 'string' || !PAYLOAD_CODES.has(code)) throw e;
        budget = Math.max(50_000, Math.floor(budget / 2));
        if (this.undoRead) this.memory = this.undoReadMemory;
        this.undoRead = null;
      } finally {
        this.budgetOverride = null;
      }
    }
    return states.map((s) => toGrid(s.name, s.used.row, s.used.col, s.vals, s.fmts, s.dims.merges ?? []));
  }

  /**
   * Queues reads of the fill (getCellProperties over column blocks) and, with notes, the note of each cell.
   * Returns accessors valid after the next sync.
   */
  private async queueSnapshot(sheet: string, cells: CellPos[]): Promise<Snapshot> {
    const blocks = blocksOf(cells, READ_GAP);
    const reads: { b: Rect; res: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
    const ws = this.ws(sheet);
    for (const b of blocks) {
      // Accounted before it is queued: a sync this triggers must not carry it beyond the budget.
      await this.reserve((b.bottom - b.top + 1) * PROPS_CELL_BYTES + 200);
      const res = ws.getRange(rectAddress(b)).getCellProperties({
        format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } },
      });
      reads.push({ b, res });
    }
    const notes = new Map<string, Excel.Note>();
    if (this.notesSupported) {
      for (const c of cells) {
        const addr = `${columnLetter(c.col)}${c.row}`;
        await this.reserve(300 + addr.length);
        const n = this.notes(sheet).getItemOrNullObject(addr);
        n.load('content');
        notes.set(`${c.row},${c.col}`, n);
      }
    }
    // Column blocks are disjoint; find a cell's block by column then row.
    const byCol = new Map<number, typeof reads>();
    for (const r of reads) {
      let l = byCol.get(r.b.left);
      if (!l) byCol.set(r.b.left, (l = []));
      l.push(r);
    }
    return {
      fill: (c) => {
        const r = byCol.get(c.col)?.find((x) => c.row >= x.b.top && c.row <= x.b.bottom);
        return (r?.res.value[c.row - r.b.top]?.[0]?.format?.fill as OfficeFill | undefined) ?? null;
      },
      note: (c) => {
        const n = notes.get(`${c.row},${c.col}`);
        return n && !n.isNullObject ? n : null;
      },
    };
  }

  /** Refuses (nothing written yet) when the workbook's structure is protected: every run adds or deletes a sheet. */
  private assertStructure(): void {
    if (this.structureProtected) throw new OfficeHostError('protected-workbook', MSG_PROTECTED_WORKBOOK);
  }

  private assertWritable(sheets: Iterable<string>): void {
    for (const s of sheets) {
      if (this.dims.get(s)?.protected) throw new OfficeHostError('protected-sheet', protectedSheetMessage(s), s);
    }
  }

  // -- writing: fills and notes -----------------------------------------------------------------

  /** Queues fill writes: cells grouped by identical restore operation, through getRanges. */
  private async queueFills(sheet: string, items: { pos: CellPos; restore: ReturnType<typeof fillRestore> }[]): Promise<void> {
    const groups = new Map<string, { restore: ReturnType<typeof fillRestore>; cells: CellPos[] }>();
    for (const it of items) {
      const k = JSON.stringify(it.restore);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { restore: it.restore, cells: [] }));
      g.cells.push(it.pos);
    }
    const ws = this.ws(sheet);
    for (const g of groups.values()) {
      const rs = g.restore;
      if (rs.kind === 'unwritable') continue;
      if (rs.kind === 'props') {
        // Rare (tints, patterns): exact round trip of what getCellProperties read, per block.
        const fill: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(rs.fill)) if (v !== null && v !== undefined) fill[k] = v;
        for (const b of blocksOf(g.cells)) {
          const h = b.bottom - b.top + 1;
          ws.getRange(rectAddress(b)).setCellProperties(Array.from({ length: h }, () => [{ format: { fill } }]) as Excel.SettableCellProperties[][]);
          await this.reserve(h * 120 + 2 * OP_BYTES);
        }
        continue;
      }
      for (const addr of addressChunks(blocksOf(g.cells))) {
        const areas = ws.getRanges(addr);
        areas.format.fill.clear();
        if (rs.kind === 'solid') areas.format.fill.color = rs.color;
        await this.reserve(addr.length + 5 * OP_BYTES);
      }
    }
  }

  /** Queues the reads undo needs (protection of unknown sheets, fills and notes of the remembered cells). */
  private async queueUndoRead(memory: RunMemory): Promise<UndoRead> {
    const bySheet = new Map<string, { m: RunMemory['cells'][number]; pos: CellPos }[]>();
    let missing = 0;
    for (const m of memory.cells) {
      const pos = parseCell(m.cell);
      if (!this.has(m.sheet) || !pos) {
        missing++;
        continue;
      }
      let l = bySheet.get(m.sheet);
      if (!l) bySheet.set(m.sheet, (l = []));
      l.push({ m, pos });
    }
    // No merges: only protection is needed here, and this request may carry writes that a refused merge read must not break.
    const pend = await this.queueDims([...bySheet.keys()].filter((s) => !this.dims.has(s)), false);
    const snaps = new Map<string, Snapshot>();
    for (const [sheet, list] of bySheet) snaps.set(sheet, await this.queueSnapshot(sheet, list.map((x) => x.pos)));
    return { key: JSON.stringify(memory.cells), bySheet, missing, pend, snaps };
  }

  async undo(memory: RunMemory): Promise<UndoResult> {
    if (!this.sheets) await this.listSheets();
    // The reads were usually sent with readGrids' values (prefetched from the memory read); else one sync.
    let read = this.undoRead && this.undoRead.key === JSON.stringify(memory.cells) ? this.undoRead : null;
    this.undoRead = null;
    if (!read) {
      read = await this.queueUndoRead(memory);
      if (read.bySheet.size) await this.sync();
    }
    this.takeDims(read.pend);
    const { bySheet, snaps } = read;
    const res: UndoResult = { restored: 0, kept: 0, missing: read.missing, removedSheets: [], removedAt: [] };
    this.assertStructure();
    this.assertWritable(bySheet.keys());
    const notRestored: NonNullable<UndoResult['notRestored']> = [];

    for (const [sheet, list] of bySheet) {
      const snap = snaps.get(sheet)!;
      const fills: { pos: CellPos; restore: ReturnType<typeof fillRestore> }[] = [];
      for (const { m, pos } of list) {
        let fillOurs = isMarkFill(snap.fill(pos), memory.colours[m.style]);
        const restore = fillRestore(m.fill as OfficeFillDesc | null);
        if (fillOurs && restore.kind === 'unwritable') {
          // A gradient: Office.js cannot write one back. The cell is left as it is, and the user told.
          fillOurs = false;
          notRestored.push({ sheet, cell: m.cell, reason: '原为渐变填充，Excel 加载项无法写回渐变填充，标记颜色未清除，请手动恢复' });
        }
        const note = snap.note(pos);
        let noteOurs: boolean;
        if (this.notesSupported) noteOurs = noteHash(note ? note.content : '') === m.applied;
        else noteOurs = m.applied === NO_NOTE_APPLIED;
        if (fillOurs) fills.push({ pos, restore });
        if (noteOurs && this.notesSupported) {
          const orig = m.note === null ? null : noteText(m.note);
          if (orig === null) {
            if (note) note.delete();
          } else if (note) {
            note.content = orig;
          } else {
            this.notes(sheet).add(m.cell, orig);
          }
          await this.reserve(2 * OP_BYTES + jsonBytes(orig ?? ''));
        }
        if (fillOurs || noteOurs) res.restored++;
        if (!fillOurs || !noteOurs) res.kept++;
      }
      await this.queueFills(sheet, fills);
    }

    for (const s of memory.sheets) {
      const index = this.sheets!.findIndex((x) => x.name === s.name);
      if (index >= 0 && s.name !== MEMORY_SHEET) res.removedAt.push({ ...s, index });
    }
    for (const s of res.removedAt) {
      const ws = this.ws(s.name);
      ws.visibility = 'Visible';
      ws.delete();
      await this.reserve(3 * OP_BYTES);
      this.sheets = this.sheets!.filter((x) => x.name !== s.name);
      this.dims.delete(s.name);
      res.removedSheets.push(s.name);
    }
    if (notRestored.length) res.notRestored = notRestored;
    return res;
  }

  async applyMarks(marks: Mark[], colours: MarkColours): Promise<MarkedCell[]> {
    if (!this.sheets) await this.listSheets();
    const bySheet = new Map<string, { mark: Mark; pos: CellPos }[]>();
    const order: { mark: Mark; pos: CellPos }[] = [];
    for (const mark of marks) {
      const pos = parseCell(mark.cell);
      if (!this.has(mark.sheet) || !pos || pos.row < 1 || pos.col < 1 || pos.row > 1048576 || pos.col > 16384) continue;
      let l = bySheet.get(mark.sheet);
      if (!l) bySheet.set(mark.sheet, (l = []));
      const x = { mark, pos };
      l.push(x);
      order.push(x);
    }
    this.assertStructure();
    if (!order.length) return [];
    this.assertWritable(bySheet.keys());
    const unknown = [...bySheet.keys()].filter((s) => !this.dims.has(s));
    // No merges: only protection is needed here, and this request may carry writes that a refused merge read must not break.
    const pend = await this.queueDims(unknown, false);
    const snaps = new Map<string, Snapshot>();
    for (const [sheet, list] of bySheet) snaps.set(sheet, await this.queueSnapshot(sheet, list.map((x) => x.pos)));
    // This sync also carries the queued undo of a previous run: it runs first, so the snapshot reads the
    // originals as restored.
    await this.sync();
    this.takeDims(pend);
    this.assertWritable(bySheet.keys());

    const result = new Map<{ mark: Mark; pos: CellPos }, MarkedCell>();
    const writes: { sheet: string; notes: { cell: string; note: Excel.Note | null; text: string }[]; list: typeof order }[] = [];
    for (const [sheet, list] of bySheet) {
      const snap = snaps.get(sheet)!;
      const notes: (typeof writes)[number]['notes'] = [];
      for (const x of list) {
        const origFill = officeToFillDesc(snap.fill(x.pos));
        const noteObj = snap.note(x.pos);
        const origNote = this.notesSupported && noteObj ? noteObj.content : null;
        let written = '';
        if (this.notesSupported) {
          written = fitCellText(appliedNoteText(x.mark.note, origNote));
          notes.push({ cell: x.mark.cell, note: noteObj, text: written });
        }
        result.set(x, {
          sheet,
          cell: x.mark.cell,
          style: x.mark.style,
          fill: origFill,
          note: origNote,
          applied: noteHash(written),
        });
      }
      writes.push({ sheet, notes, list });
    }
    // Held back: writeMemory sends the memory (which describes these marks) first, then these.
    this.deferred.push(async () => {
      for (const w of writes) {
        const ws = this.ws(w.sheet);
        for (const n of w.notes) {
          if (n.note) n.note.content = n.text;
          else this.notes(w.sheet).add(n.cell, n.text);
          await this.reserve(2 * OP_BYTES + jsonBytes(n.text));
        }
        for (const style of ['fail', 'data'] as const) {
          const cells = w.list.filter((x) => x.mark.style === style).map((x) => x.pos);
          if (!cells.length) continue;
          for (const addr of addressChunks(blocksOf(cells))) {
            const areas = ws.getRanges(addr);
            areas.format.fill.clear();
            areas.format.fill.color = argbToHex(colours[style]);
            await this.reserve(addr.length + 5 * OP_BYTES);
          }
        }
      }
    });
    return order.map((x) => result.get(x)!);
  }

  // -- writing: summary sheets ------------------------------------------------------------------

  private insertSheet(name: string, state: SheetState, index?: number): number {
    const list = this.sheets!;
    const at = index === undefined ? list.length : Math.max(0, Math.min(index, list.length));
    list.splice(at, 0, { name, state });
    return at;
  }

  async writeSheets(sheets: SheetWrite[]): Promise<string[]> {
    if (!this.sheets) await this.listSheets();
    this.assertStructure();
    const names: string[] = [];
    // The cache takes the sheets now (later calls see them); Excel gets them after the memory (writeMemory).
    for (const s of sheets) {
      this.insertSheet(s.name, 'visible', s.index);
      names.push(s.name);
      this.unsent.add(s.name);
    }
    this.deferred.push(async () => {
      for (const s of sheets) {
        const ws = this.context.workbook.worksheets.add(s.name);
        this.unsent.delete(s.name);
        // Excel appends; its place is where the cache has it among the sheets Excel already has.
        const present = this.sheets!.filter((x) => !this.unsent.has(x.name));
        const at = present.findIndex((x) => x.name === s.name);
        if (at >= 0 && at !== present.length - 1) ws.position = at;
        await this.reserve(3 * OP_BYTES);
        await this.renderSummary(ws, s.model);
      }
    });
    return names;
  }

  /** Writes a 2-D block from (row0, 0), number formats first, in row slices under the budget. */
  private async writeBlock(ws: Excel.Worksheet, row0: number, values: Cell[][], formats: string[][]): Promise<void> {
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
      if (r > start && this.pending + b > this.budget) emit(r);
      // The first row of a block also carries the block's range and its two property sets.
      await this.reserve(b + (r === start ? 4 * OP_BYTES : 0));
    }
    emit(values.length);
  }

  private async renderSummary(ws: Excel.Worksheet, model: SheetModel): Promise<void> {
    const n = Math.max(1, model.columns.length);
    const last = columnLetter(n);
    const height = 3 + model.rows.length;
    const values: Cell[][] = [];
    const formats: string[][] = [];
    const blank = () => new Array<Cell>(n).fill('');
    const general = () => new Array<string>(n).fill('General');

    const r1 = blank();
    const f1 = general();
    r1[0] = String(model.title ?? '');
    f1[0] = '@';
    const r2 = blank();
    const f2 = general();
    r2[0] = String(model.subtitle ?? '');
    f2[0] = '@';
    const r3 = blank();
    const f3 = general();
    model.columns.forEach((c, i) => {
      r3[i] = String(c.header ?? '');
      f3[i] = '@';
    });
    values.push(r1, r2, r3);
    formats.push(f1, f2, f3);

    const byStyle = new Map<CellStyle, CellPos[]>();
    const links: { pos: CellPos; text: string; ref: string }[] = [];
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
        const st = styleOf(mc);
        const pos = { row: 4 + r, col: c + 1 };
        let l = byStyle.get(st);
        if (!l) byStyle.set(st, (l = []));
        l.push(pos);
        if (mc.link) {
          links.push({ pos, text: typeof vr[c] === 'number' ? String(vr[c]) : (vr[c] as string), ref: `${quoteSheetName(mc.link.sheet)}!${mc.link.cell}` });
        }
      });
      values.push(vr);
      formats.push(fr);
    });

    // Values: number formats first ("@" on text cells), then the values, as whole 2-D blocks.
    await this.writeBlock(ws, 0, values, formats);

    // Whole-sheet look, then per block.
    const all = ws.getRange(`A1:${last}${height}`);
    all.format.font.name = FONT;
    all.format.font.size = 11;
    all.format.verticalAlignment = 'Center';
    await this.reserve(6 * OP_BYTES);

    const title = ws.getRange('A1');
    title.format.font.size = 16;
    title.format.font.bold = true;
    title.format.horizontalAlignment = 'Center';
    const sub = ws.getRange('A2');
    sub.format.font.size = 10;
    sub.format.font.color = '#595959';
    sub.format.horizontalAlignment = 'Left';
    if (n > 1) {
      ws.getRange(`A1:${last}1`).merge(false);
      ws.getRange(`A2:${last}2`).merge(false);
    }
    ws.getRange('1:1').format.rowHeight = 28;
    ws.getRange('2:2').format.rowHeight = 18;
    const head = ws.getRange(`A3:${last}3`);
    head.format.font.bold = true;
    head.format.fill.color = '#D9E1F2';
    head.format.horizontalAlignment = 'Center';
    head.format.wrapText = true;
    head.format.rowHeight = 30;
    const grid = ws.getRange(`A3:${last}${height}`);
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
      if ((edge === 'InsideHorizontal' && height === 3) || (edge === 'InsideVertical' && n === 1)) continue;
      const b = grid.format.borders.getItem(edge);
      b.style = 'Continuous';
      b.color = '#BFBFBF';
    }
    await this.reserve(55 * OP_BYTES);

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
        await this.reserve(addr.length + 10 * OP_BYTES);
      }
    }

    // Hyperlinks: one property set per link cell, all in the same request (split only past the budget).
    for (const l of links) {
      ws.getRange(`${columnLetter(l.pos.col)}${l.pos.row}`).hyperlink = { documentReference: l.ref, textToDisplay: l.text };
      await this.reserve(3 * OP_BYTES + jsonBytes(l.ref) + jsonBytes(l.text));
    }

    model.columns.forEach((c, i) => {
      const col = columnLetter(i + 1);
      ws.getRange(`${col}:${col}`).format.columnWidth = widthToPoints(c.width > 0 ? c.width : 10);
    });
    // Drop-down lists on whole data columns (one rule per column, not per cell).
    for (const v of model.validations ?? []) {
      if (!model.rows.length || v.column < 1 || v.column > n || !v.list.length) continue;
      const col = columnLetter(v.column);
      ws.getRange(`${col}4:${col}${height}`).dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(',') } };
      await this.reserve(3 * OP_BYTES + jsonBytes(v.list.join(',')));
    }
    ws.freezePanes.freezeRows(3);
    if (model.autoFilter && model.columns.length) {
      ws.autoFilter.apply(ws.getRange(`A3:${last}${Math.max(3, height)}`));
    }
    await this.reserve((6 + model.columns.length * 3) * OP_BYTES);
    await this.queueChart(ws, model, n);
  }

  /**
   * The model's chart (SheetModel.chart), queued with the sheet's other writes (no sync of its own): a line
   * chart with markers over the header row (categories) and the first `seriesRows` data rows (one series
   * each), placed to the right of the table.
   */
  private async queueChart(ws: Excel.Worksheet, model: SheetModel, n: number): Promise<void> {
    const c = model.chart;
    if (!c || c.seriesRows < 1 || c.valueColumns < 1 || c.seriesRows > model.rows.length || c.valueColumns + 1 > n) return;
    const source = ws.getRange(`A3:${columnLetter(1 + c.valueColumns)}${3 + c.seriesRows}`);
    const chart = ws.charts.add('LineMarkers', source, 'Rows');
    chart.title.text = c.title;
    chart.legend.position = 'Right';
    chart.setPosition(`${columnLetter(n + 2)}3`, `${columnLetter(n + 10)}${Math.max(20, 4 + c.seriesRows)}`);
    await this.reserve(10 * OP_BYTES + jsonBytes(c.title));
  }

  // -- memory -----------------------------------------------------------------------------------

  async writeMemory(rows: MemoryRows | null): Promise<void> {
    if (!this.sheets) await this.listSheets();
    this.assertStructure();
    if (this.has(MEMORY_SHEET)) {
      const old = this.ws(MEMORY_SHEET);
      old.visibility = 'Hidden';
      old.delete();
      await this.reserve(3 * OP_BYTES);
      this.sheets = this.sheets!.filter((s) => s.name !== MEMORY_SHEET);
    }
    this.memDims = null;
    if (rows) {
      const ws = this.context.workbook.worksheets.add(MEMORY_SHEET);
      this.insertSheet(MEMORY_SHEET, 'veryHidden');
      await this.reserve(3 * OP_BYTES);
      const width = Math.max(1, ...rows.map((r) => r.length));
      const values: Cell[][] = rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] === null || r[c] === undefined ? '' : (r[c] as Cell))));
      const formats: string[][] = values.map((r) => r.map((v) => (typeof v === 'string' && v !== '' ? '@' : 'General')));
      await this.writeBlock(ws, 0, values, formats);
      ws.visibility = 'VeryHidden';
      await this.reserve(2 * OP_BYTES);
    }
    // Only now the marks and summary sheets: the memory above already describes every one of them.
    await this.sendDeferred();
    await this.sync();
  }

  /** Queues the held-back writes (marks, summary sheets) in the order they were made. */
  private async sendDeferred(): Promise<void> {
    const list = this.deferred;
    this.deferred = [];
    for (const f of list) await f();
  }
}
