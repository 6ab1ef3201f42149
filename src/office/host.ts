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
 * Layout (the seams of src/xlsx/): session.ts holds the state and the request accounting (every sync), dims.ts
 * the dimensions and merged areas, grid.ts the pure grid building, read.ts the memory and grid reads,
 * undo.ts undo and marks, summary.ts the summary sheets, support.ts what this Excel supports; this file is
 * the WorkbookHost over them and writes the memory, which sends what was held back.
 *
 * Merged areas: `getMergedAreasOrNullObject` (ExcelApi 1.13) is used only where the library has it (else no
 * merges are read and `mergesUnavailable` says so). It fails over a range of more than 512 merged areas: a
 * refused read of the dimensions is retried without merges, and the merges read in row slices (halved while
 * Excel still refuses) — two more syncs, only for such sheets. A read that lists only the top-left cell of
 * each area (#1590) is read again through `RangeAreas.areas`.
 */
import type { SheetGrid } from '../ledger/grid';
import type { Mark } from '../report/model';
import { findMemorySheet, memorySheetName, type MarkColours, type MarkedCell, type MemoryRows, type RunMemory } from '../host/memory';
import type { SheetInfo, SheetWrite, UndoResult, WorkbookHost } from '../host/port';
import { SETTINGS_SHEET } from '../host/settings';
import { readGrids, readMemory } from './read';
import { readSettingsTextIn, writeSettingsTextIn } from './settings';
import { OfficeSession, OP_BYTES, REQUEST_BUDGET, type Cell } from './session';
import { writeBlock, writeSheets } from './summary';
import { contextHasNotes, notesSupportedHere } from './support';
import { applyMarks, undo } from './undo';

export { MAX_CELL_TEXT, fitCellText } from '../host/grid-rules';
export { PAYLOAD_LIMIT, REQUEST_BUDGET } from './session';
export { widthToPoints } from './summary';
export { libraryHasNotes, MSG_NO_MERGES, notesSupportedHere, setSupported } from './support';
export { NO_NOTE_APPLIED } from './undo';

export interface OfficeHostOptions {
  /** ExcelApi 1.18 (workbook.notes); default: asked from Office.context.requirements at construction. */
  notesSupported?: boolean;
  /** Request size budget in bytes (tests lower it to exercise the splitting). */
  budgetBytes?: number;
}

/** Runs `fn` with an OfficeHost inside `Excel.run({ delayForCellEdit: true })` and sends what it queued. */
export async function runInExcel<T>(fn: (host: OfficeHost, context: Excel.RequestContext) => Promise<T>, opts: OfficeHostOptions = {}): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, async (context) => {
    const host = new OfficeHost(context, opts);
    const out = await fn(host, context);
    await host.flush();
    return out;
  });
}

export class OfficeHost implements WorkbookHost {
  readonly notesSupported: boolean;
  private readonly ses: OfficeSession;

  constructor(
    readonly context: Excel.RequestContext,
    opts: OfficeHostOptions = {},
  ) {
    this.notesSupported = (opts.notesSupported ?? notesSupportedHere()) && contextHasNotes(context);
    this.ses = new OfficeSession(context, this.notesSupported, opts.budgetBytes ?? REQUEST_BUDGET);
  }

  /** context.sync() calls made by this host. */
  get syncs(): number {
    return this.ses.syncs;
  }

  /** Workbook structure protection as read with the sheet list (ExcelApi 1.7); false when it cannot be read. */
  get structureProtected(): boolean {
    return this.ses.structureProtected;
  }

  /**
   * True when this Excel's library has no getMergedAreasOrNullObject (ExcelApi 1.13): no merged cells were
   * read, and the pane should say so (MSG_NO_MERGES).
   */
  get mergesUnavailable(): boolean {
    return this.ses.mergesUnavailable;
  }

  /** Sends queued writes, if any. */
  flush(): Promise<void> {
    return this.ses.flush();
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.ses.listSheets();
  }

  readMemory(): Promise<MemoryRows | null> {
    return readMemory(this.ses);
  }

  readGrids(names: string[]): Promise<SheetGrid[]> {
    return readGrids(this.ses, names);
  }

  undo(memory: RunMemory): Promise<UndoResult> {
    return undo(this.ses, memory);
  }

  applyMarks(marks: Mark[], colours: MarkColours): Promise<MarkedCell[]> {
    return applyMarks(this.ses, marks, colours);
  }

  writeSheets(sheets: SheetWrite[]): Promise<string[]> {
    return writeSheets(this.ses, sheets);
  }

  writeMemory(rows: MemoryRows | null): Promise<void> {
    return writeMemory(this.ses, rows);
  }

  readSettingsText(): Promise<string | null> {
    return readSettingsTextIn(this.context, () => this.ses.sending());
  }

  async writeSettingsText(text: string): Promise<void> {
    const added = await writeSettingsTextIn(this.context, text, () => this.ses.sending());
    // Excel appends the sheet: the cached list (when read) takes it too.
    if (added && this.ses.sheets && !this.ses.has(SETTINGS_SHEET)) this.ses.insertSheet(SETTINGS_SHEET, 'veryHidden');
  }

  // -- the pane's own needs (not the port) -------------------------------------------------------

  /** Shows a cell to the user: activates its sheet and selects it (one sync; ItemNotFound when the sheet is gone). */
  async select(sheet: string, cell: string): Promise<void> {
    const ws = this.ses.ws(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await this.ses.sync();
  }

  /** The workbook's file name (from the document URL), or null outside Office or for a new, unsaved workbook. */
  documentName(): string | null {
    try {
      const url = typeof Office !== 'undefined' ? Office.context?.document?.url : undefined;
      if (url) {
        const last = decodeURIComponent(url.split(/[\\/]/).pop() ?? '');
        if (last) return last;
      }
    } catch {
      // outside Office or no document URL yet (a new, unsaved workbook)
    }
    return null;
  }
}

/** Replaces the memory sheet; then sends the marks and summary sheets held back, in one final batch. */
async function writeMemory(ses: OfficeSession, rows: MemoryRows | null): Promise<void> {
  if (!ses.sheets) await ses.listSheets();
  ses.assertStructure();
  // The memory sheet found as readMemory finds it; a new one under a name no user's sheet holds (memory.ts).
  const oldName = findMemorySheet(ses.sheets!)?.name;
  if (oldName !== undefined) {
    const old = ses.ws(oldName);
    old.visibility = 'Hidden';
    old.delete();
    await ses.reserve(3 * OP_BYTES);
    ses.sheets = ses.sheets!.filter((s) => s.name !== oldName);
  }
  ses.memDims = null;
  if (rows) {
    const name = memorySheetName(ses.sheets!.map((s) => s.name));
    const ws = ses.context.workbook.worksheets.add(name);
    ses.insertSheet(name, 'veryHidden');
    await ses.reserve(3 * OP_BYTES);
    const width = Math.max(1, ...rows.map((r) => r.length));
    const values: Cell[][] = rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] === null || r[c] === undefined ? '' : (r[c] as Cell))));
    const formats: string[][] = values.map((r) => r.map((v) => (typeof v === 'string' && v !== '' ? '@' : 'General')));
    await writeBlock(ses, ws, 0, values, formats);
    ws.visibility = 'VeryHidden';
    await ses.reserve(2 * OP_BYTES);
  }
  // Only now the marks and summary sheets: the memory above already describes every one of them.
  await ses.sendDeferred();
  await ses.sync();
}
