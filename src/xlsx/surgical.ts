/**
 * The .xlsx host: a WorkbookHost (src/host/port.ts) over the file's bytes that reads with a streaming
 * parser and writes by patching only the parts it changes; every other zip entry of the user's file is
 * copied byte for byte (src/xlsx/zip.ts). What it touches, and nothing else:
 *  - a marked cell's style index (`s=` on its `<c>`), with new `<fill>`/`<xf>` entries appended to
 *    styles.xml ("original style + mark fill", one per original style and colour);
 *  - the notes of marked sheets (comments part, legacy VML drawing, their rels and content types);
 *  - the workbook's sheet list and rels, and the parts of the sheets it adds (summary sheets, the very
 *    hidden memory sheet) or removes.
 * Sheets are read only when asked for by name (readGrids), each in one streaming pass; nothing else of the
 * file is inflated. Works on a Uint8Array in Node and in browsers (no fs, no Buffer).
 * The parts: the workbook's sheet list and sheets added or removed (src/xlsx/workbook.ts), marks and their
 * undo (src/xlsx/marks.ts), notes parts (src/xlsx/note-parts.ts); this module is the port over them.
 */
import type { SheetGrid } from '../ledger/grid';
import type { Mark } from '../report/model';
import { MEMORY_SHEET, findMemorySheet, memorySheetName, type MarkColours, type MarkedCell, type MemoryRows, type RunMemory } from '../host/memory';
import type { SheetInfo, SheetWrite, UndoResult, WorkbookHost } from '../host/port';
import { SETTINGS_SHEET, settingsTextOf } from '../host/settings';
import { XlsxPackage, relsPartOf } from './package';
import { addDefinedName } from './defined-names';
import { applyMarks, restoreMarks } from './marks';
import { printTitlesRef, renderSummarySheet, renderValuesSheet } from './render';
import { SheetTooLarge, readRawRows, readSheetGrid } from './sheet-read';
import { setAttrs } from './styles';
import { XlsxWorkbook } from './workbook';
import { HEADER_SCAN_ROWS, detectHeader } from '../ledger/header';
import { LEDGER_DEFS } from '../ledger/synonyms';

/** A file that cannot be opened or a sheet that cannot be checked; `message` is one Chinese sentence. */
export class XlsxError extends Error {
  readonly userMessage = true;
  constructor(
    readonly code: 'unreadable' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}

/** Cells a sheet may hold to be read into a grid (about 1.5 GB of grid at most; a county ledger is far below). */
export const MAX_GRID_CELLS = 4_000_000;

/** Sheets whose XML is larger than this (uncompressed) are screened by their first rows before a full read. */
export const SCREEN_BYTES = 32 * 1024 * 1024;

export interface OpenOptions {
  /** Cells a sheet may hold to be read into a grid (default MAX_GRID_CELLS). */
  maxGridCells?: number;
  /** Part size above which a sheet is screened first (default SCREEN_BYTES). */
  screenBytes?: number;
}

/** A sheet's first rows hold a ledger header (the engine's own detector). */
function looksLikeLedger(head: SheetGrid): boolean {
  return detectHeader(head, LEDGER_DEFS) !== null;
}

export class SurgicalXlsxHost implements WorkbookHost {
  private readonly pkg: XlsxPackage;
  private readonly book: XlsxWorkbook;
  private readonly maxCells: number;
  private readonly screenBytes: number;

  constructor(bytes: Uint8Array, opts: OpenOptions = {}) {
    this.maxCells = opts.maxGridCells ?? MAX_GRID_CELLS;
    this.screenBytes = opts.screenBytes ?? SCREEN_BYTES;
    try {
      this.pkg = new XlsxPackage(bytes);
      this.book = new XlsxWorkbook(this.pkg);
    } catch (e) {
      throw unreadable(e);
    }
  }

  /** The workbook as .xlsx bytes. */
  save(): Uint8Array {
    this.book.flushStyles();
    return this.pkg.save();
  }

  /** Whether the workbook holds macros (a VBA project). */
  hasMacros(): boolean {
    return this.pkg.rels(this.book.wbPart).some((r) => /\/vbaProject$/.test(r.type) && !r.external && this.pkg.has(r.part));
  }

  /**
   * Makes the workbook a macro-free .xlsx (what a target named .xlsx must be, or Excel refuses to open it):
   * the VBA project, its relationship and content type go, the workbook's content type becomes the plain one.
   */
  dropMacros(): void {
    for (const r of this.pkg.rels(this.book.wbPart)) {
      if (!/\/vbaProject$/.test(r.type) || r.external) continue;
      const part = this.pkg.nameOf(r.part);
      if (this.pkg.has(relsPartOf(part))) this.pkg.remove(relsPartOf(part));
      this.pkg.remove(part);
      this.pkg.removeOverride(part);
      this.pkg.removeRel(this.book.wbPart, r.id);
    }
    const ct = this.pkg.text('[Content_Types].xml');
    if (ct) {
      const next = ct.replace(/application\/vnd\.ms-excel\.(sheet|template)\.macroEnabled\.main\+xml/g, (_a, k: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${k}.main+xml`);
      if (next !== ct) this.pkg.setText('[Content_Types].xml', next);
    }
  }

  /** Names of the zip entries this host changed, added or removed (for tests and the CLI's notice). */
  get package(): XlsxPackage {
    return this.pkg;
  }

  // -------------------------------------------------------------------------------------------
  // Port: reading

  async listSheets(): Promise<SheetInfo[]> {
    return this.book.worksheets().map((s) => ({ name: s.name, state: s.state }));
  }

  async readGrids(names: string[]): Promise<SheetGrid[]> {
    const out: SheetGrid[] = [];
    for (const name of names) {
      const s = this.book.sheet(name);
      if (!s) continue;
      if (!s.part || !this.pkg.has(s.part)) {
        out.push({ name, top: 1, left: 1, values: [], formats: [], merges: [] });
        continue;
      }
      try {
        // A very large sheet that is not a ledger (no ledger header in its first rows) is handed over as those
        // rows only: it costs one partial streaming pass, never a grid of millions of cells.
        if (this.pkg.sizeOf(s.part) > this.screenBytes) {
          const head = readSheetGrid(this.pkg, s.part, name, this.book.context(), { maxRow: HEADER_SCAN_ROWS });
          if (!looksLikeLedger(head)) {
            out.push(head);
            continue;
          }
        }
        out.push(readSheetGrid(this.pkg, s.part, name, this.book.context(), { maxCells: this.maxCells }));
      } catch (e) {
        if (e instanceof SheetTooLarge) {
          throw new XlsxError(
            'too-large',
            `工作表「${name}」有超过 ${this.maxCells.toLocaleString('en-US')} 个有内容的单元格，超出本工具一次能检查的范围；请把不需要检查的内容移到另一个工作簿，或把台账拆成几个较小的工作簿后再检查。`,
          );
        }
        throw unreadable(e);
      }
    }
    return out;
  }

  async readMemory(): Promise<MemoryRows | null> {
    const s = findMemorySheet(this.book.worksheets());
    if (!s) return null;
    if (!s.part || !this.pkg.has(s.part)) return [];
    return readRawRows(this.pkg, s.part, this.book.context());
  }

  /** The add-in's settings text saved in the workbook (very hidden sheet `_junheng_settings`), or null. */
  readSettingsText(): string | null {
    const s = this.book.sheet(SETTINGS_SHEET);
    if (!s || !s.part || !this.pkg.has(s.part)) return null;
    const rows = readRawRows(this.pkg, s.part, this.book.context());
    return settingsTextOf(rows.map((r) => r[0] ?? null));
  }

  // -------------------------------------------------------------------------------------------
  // Port: marks

  async applyMarks(marks: Mark[], colours: MarkColours): Promise<MarkedCell[]> {
    return applyMarks(this.book, marks, colours);
  }

  async undo(memory: RunMemory): Promise<UndoResult> {
    const res = restoreMarks(this.book, memory);
    const order = this.book.worksheets();
    for (const s of memory.sheets) {
      const index = order.findIndex((w) => w.name === s.name);
      if (index >= 0 && s.name !== MEMORY_SHEET && s.name !== findMemorySheet(order)?.name) res.removedAt.push({ ...s, index });
    }
    for (const s of res.removedAt) {
      this.book.removeSheet(s.name);
      res.removedSheets.push(s.name);
    }
    this.book.trimStyles();
    return res;
  }

  // -------------------------------------------------------------------------------------------
  // Sheets

  async writeSheets(sheets: SheetWrite[]): Promise<string[]> {
    const names: string[] = [];
    for (const s of sheets) {
      const pos = this.book.addSheet(s.name, renderSummarySheet(s.model, this.book.styles()), 'visible', s.index);
      // The rows repeated on every printed page: a name scoped to the sheet (removed with it).
      if (s.model.print) this.pkg.setText(this.book.wbPart, addDefinedName(this.book.workbookXml(), '_xlnm.Print_Titles', pos, printTitlesRef(s.name, s.model.print.titleRows)));
      names.push(s.name);
    }
    return names;
  }

  async writeMemory(rows: MemoryRows | null): Promise<void> {
    const old = findMemorySheet(this.book.worksheets());
    if (old) this.book.removeSheet(old.name);
    if (!rows) return;
    const name = memorySheetName(this.book.worksheets().map((s) => s.name));
    this.book.addSheet(name, renderValuesSheet(rows), 'veryHidden', undefined);
  }
}

function unreadable(e: unknown): Error {
  if (e instanceof XlsxError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  void detail;
  return new XlsxError('unreadable', '无法打开这个工作簿：文件可能已损坏，或由不兼容的软件生成，请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。');
}

/** Opens an .xlsx from its bytes (throws XlsxError with a Chinese sentence when it cannot). */
export function openXlsx(bytes: Uint8Array, opts: OpenOptions = {}): SurgicalXlsxHost {
  return new SurgicalXlsxHost(bytes, opts);
}

export { setAttrs };
