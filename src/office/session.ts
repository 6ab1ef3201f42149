/**
 * The Office.js host's session: the state one OfficeHost keeps for its `Excel.RequestContext` (the sheet
 * list, the dimensions read, the writes held back) and its request accounting. Every queued operation is
 * accounted (`reserve`) before it is queued, and a request is sent (`sync`) before it would pass the budget:
 * the only place where this host syncs. The reading, undo and summary modules (read.ts, dims.ts, undo.ts,
 * summary.ts) are functions over this session; host.ts is the WorkbookHost over them.
 */
import { MSG_PROTECTED_WORKBOOK, OfficeHostError, protectedSheetMessage } from './errors';
import type { RunMemory } from '../host/memory';
import type { SheetInfo, SheetState } from '../host/port';
import type { Dims } from './dims';
import type { UndoRead } from './undo';

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
export const OP_BYTES = 150;

/** Rows apart that a snapshot read still bridges (reads a few unmarked cells to save proxies). */
export const READ_GAP = 16;

/** Errors after which a read is not worth retrying differently (Excel busy with editing, workbook gone). */
const FATAL_CODES = new Set(['InvalidOperationInCellEditMode', 'InactiveWorkbook', 'WorkbookClosed', 'ConnectionFailure', 'RequestAborted']);
export const retryable = (e: unknown) => {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && !FATAL_CODES.has(code);
};

export type Cell = string | number | boolean;

const utf8 = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3;
  }
  return n;
};
export const jsonBytes = (v: unknown) => utf8(JSON.stringify(v) ?? '');

const VIS_TO_STATE: Record<string, SheetState> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

export class OfficeSession {
  readonly budget: number;
  sheets: SheetInfo[] | null = null;
  dims = new Map<string, Dims>();
  memDims: { row: number; col: number; rows: number; cols: number } | null = null;
  /** The memory last read (decoded), so readGrids can prefetch what undo will read. */
  memory: RunMemory | null = null;
  /** Undo reads sent ahead with readGrids' values, and the memory they are for. */
  undoRead: UndoRead | null = null;
  undoReadMemory: RunMemory | null = null;
  /** A smaller budget while a refused read is retried. */
  budgetOverride: number | null = null;
  pending = 0;
  dirty = false;
  /** context.sync() calls made by this host. */
  syncs = 0;
  /** Workbook structure protection as read with the sheet list (ExcelApi 1.7); false when it cannot be read. */
  structureProtected = false;
  workbookProtection: Excel.WorkbookProtection | null = null;
  /**
   * True when this Excel's library has no getMergedAreasOrNullObject (ExcelApi 1.13): no merged cells were
   * read, and the pane should say so (MSG_NO_MERGES).
   */
  mergesUnavailable = false;
  /** Writes held back until writeMemory (marks, then summary sheets), so that the memory goes first. */
  deferred: (() => Promise<void>)[] = [];
  /** Summary sheets in the cache that Excel does not have yet (held back). */
  unsent = new Set<string>();

  constructor(
    readonly context: Excel.RequestContext,
    readonly notesSupported: boolean,
    budget: number,
  ) {
    this.budget = budget;
  }

  // -- plumbing ---------------------------------------------------------------------------------

  async sync(): Promise<void> {
    const context = this.context;
    this.sending();
    await context.sync();
  }

  /** Book-keeping of a request about to be sent. */
  sending(): void {
    this.syncs++;
    this.pending = 0;
    this.dirty = false;
  }

  /** Accounts `bytes` to the request being built; sends it first when it would pass the budget. */
  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > (this.budgetOverride ?? this.budget)) await this.sync();
    this.pending += bytes;
    this.dirty = true;
  }

  /** Sends queued writes, if any. */
  async flush(): Promise<void> {
    if (this.deferred.length) await this.sendDeferred();
    if (this.dirty) await this.sync();
  }

  ws(name: string): Excel.Worksheet {
    return this.context.workbook.worksheets.getItem(name);
  }

  /** The sheet's notes (ExcelApi 1.18; only called when notesSupported). */
  notes(sheet: string): Excel.NoteCollection {
    return (this.ws(sheet) as unknown as { notes: Excel.NoteCollection }).notes;
  }

  // -- sheets -----------------------------------------------------------------------------------

  queueList(): Excel.WorksheetCollection {
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

  takeList(wss: Excel.WorksheetCollection): void {
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

  has(name: string): boolean {
    return !!this.sheets?.some((s) => s.name === name);
  }

  /** Queues the held-back writes (marks, summary sheets) in the order they were made. */
  async sendDeferred(): Promise<void> {
    const list = this.deferred;
    this.deferred = [];
    for (const f of list) await f();
  }

  insertSheet(name: string, state: SheetState, index?: number): number {
    const list = this.sheets!;
    const at = index === undefined ? list.length : Math.max(0, Math.min(index, list.length));
    list.splice(at, 0, { name, state });
    return at;
  }

  // -- protection ---------------------------------------------------------------------------------

  /** Refuses (nothing written yet) when the workbook's structure is protected: every run adds or deletes a sheet. */
  assertStructure(): void {
    if (this.structureProtected) throw new OfficeHostError('protected-workbook', MSG_PROTECTED_WORKBOOK);
  }

  assertWritable(sheets: Iterable<string>): void {
    for (const s of sheets) {
      if (this.dims.get(s)?.protected) throw new OfficeHostError('protected-sheet', protectedSheetMessage(s), s);
    }
  }
}
